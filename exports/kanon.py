"""k-anonymity on quasi-identifiers, before a table is released.

Every combination of quasi-identifier values must be shared by at least ``k`` rows. Rows in
smaller groups are first generalised, one quasi-identifier at a time in the order given
(their value becomes ``missing``, as CTDC writes an unknown value), regrouping after each
step; rows still in a group smaller than ``k`` once every quasi-identifier is generalised are
suppressed (left out). Pure: rows in, rows and a report of what was done out.

>>> rows = [{"g": "F", "c": "KH"}] * 3 + [{"g": "M", "c": "KH"}] * 2 + [{"g": "M", "c": "MM"}]
>>> out, report = k_anonymise(rows, ["c", "g"], k=3)
>>> sorted((r["g"], r["c"]) for r in out)
[('F', 'KH'), ('F', 'KH'), ('F', 'KH'), ('M', '-99'), ('M', '-99'), ('M', '-99')]
>>> report["generalised"], report["suppressed_rows"]
({'c': 3, 'g': 0}, 0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["MISSING", "group_sizes", "k_anonymise"]

MISSING = "-99"


def _key(row: Mapping[str, Any], quasi: Sequence[str]) -> tuple[str, ...]:
    return tuple(str(row.get(q, MISSING)) for q in quasi)


def group_sizes(rows: Sequence[Mapping[str, Any]], quasi: Sequence[str]) -> Counter[tuple[str, ...]]:
    """How many rows share each combination of quasi-identifier values."""
    return Counter(_key(r, quasi) for r in rows)


def k_anonymise(rows: Sequence[Mapping[str, Any]], quasi: Sequence[str], *, k: int,
                missing: str = MISSING) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows that are k-anonymous on ``quasi``, and a report: how many values of each
    quasi-identifier were generalised, how many rows suppressed, the smallest group left.

    Raises:
        ValueError: ``k`` below 1 or no quasi-identifiers.
    """
    if k < 1:
        raise ValueError(f"k must be 1 or more, not {k}")
    if not quasi:
        raise ValueError("give at least one quasi-identifier")
    out = [dict(r) for r in rows]
    generalised = {q: 0 for q in quasi}
    for q in quasi:
        sizes = group_sizes(out, quasi)
        for row in out:
            if sizes[_key(row, quasi)] < k and str(row.get(q, missing)) != missing:
                row[q] = missing
                generalised[q] += 1
    sizes = group_sizes(out, quasi)
    kept = [r for r in out if sizes[_key(r, quasi)] >= k]
    final = group_sizes(kept, quasi)
    report = {"k": k, "quasi_identifiers": list(quasi), "rows_in": len(out), "rows_out": len(kept),
              "generalised": generalised, "suppressed_rows": len(out) - len(kept),
              "smallest_group": min(final.values()) if final else 0, "groups": len(final)}
    return kept, report
