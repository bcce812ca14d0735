"""The report's chart series, read from the graph: one read-only statement each.

Every statement counts only records seen in a Document ingested by the cut-off, compared as
``playbooks.indicators`` compares it (``$as_of`` from ``cutoff``: a date means the whole day;
null: no cut-off), so the charts and the figures of one report count the same records, and a
report frozen as of a date draws the same series after later ingests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import LiteralString

from graph.store import Store
from playbooks.report.figures import cutoff_text

__all__ = ["Series", "ChartData", "read_chart_data", "CASE_YEARS"]

#: Years of referrals drawn in the cases chart, ending with the report's year.
CASE_YEARS = 5

CASES_BY_YEAR_AND_TYPE = """
MATCH (c:Case)
WHERE c.trafficking = true AND c.referred_on >= $start AND c.referred_on <= $end
  AND ($as_of IS NULL OR EXISTS { MATCH (c)-[:MENTIONED_IN]->(d:Document) WHERE substring(d.ingested_at, 0, size($as_of)) <= $as_of })
RETURN substring(c.referred_on, 0, 4) AS x, c.exploitation AS g, count(c) AS n
ORDER BY x, g
"""

RETURNS_BY_MONTH_AND_COUNTRY = """
MATCH (r:Rescue)
WHERE r.returned_on >= $start AND r.returned_on <= $end
  AND ($as_of IS NULL OR EXISTS { MATCH (r)-[:MENTIONED_IN]->(d:Document) WHERE substring(d.ingested_at, 0, size($as_of)) <= $as_of })
RETURN substring(r.returned_on, 0, 7) AS x, r.country AS g, count(r) AS n
ORDER BY x, g
"""

SERVICES_BY_KIND = """
MATCH (s:Service)
WHERE s.date >= $start AND s.date <= $end
  AND ($as_of IS NULL OR EXISTS { MATCH (s)-[:MENTIONED_IN]->(d:Document) WHERE substring(d.ingested_at, 0, size($as_of)) <= $as_of })
RETURN s.kind AS x, '' AS g, count(s) AS n
ORDER BY x
"""


@dataclass(frozen=True)
class Series:
    """Counts by (x, group): e.g. (year, type of exploitation) -> cases."""

    cells: tuple[tuple[str, str, int], ...]

    @property
    def records(self) -> int:
        return sum(n for _, _, n in self.cells)

    def xs(self) -> list[str]:
        return sorted({x for x, _, _ in self.cells})

    def total(self, x: str) -> int:
        return sum(n for cx, _, n in self.cells if cx == x)

    def by_group(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, g, n in self.cells:
            out[g] = out.get(g, 0) + n
        return out


@dataclass(frozen=True)
class ChartData:
    """The three series the report draws."""

    cases_by_year: Series
    returns_by_month: Series
    services_by_kind: Series


def _series(store: Store, statement: LiteralString, start: str, end: str, as_of: date | None) -> Series:
    rows = store.read(statement, {"start": start, "end": end, "as_of": cutoff_text(as_of)},
                      purpose="report")
    return Series(tuple((str(r["x"] or ""), str(r["g"] or ""), int(r["n"])) for r in rows))


def read_chart_data(store: Store, year: int, *, as_of: date | None = None) -> ChartData:
    """The cases of the last ``CASE_YEARS`` years, and the returns and services of ``year``."""
    start, end = f"{year}-01-01", f"{year}-12-31"
    return ChartData(
        cases_by_year=_series(store, CASES_BY_YEAR_AND_TYPE, f"{year - CASE_YEARS + 1}-01-01", end, as_of),
        returns_by_month=_series(store, RETURNS_BY_MONTH_AND_COUNTRY, start, end, as_of),
        services_by_kind=_series(store, SERVICES_BY_KIND, start, end, as_of),
    )
