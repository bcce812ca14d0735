"""The report's figures: the 4P indicators of a year, read once through ``playbooks.indicators``.

``Figure`` is the report's own flat view of one indicator (definition, value, the year
before, records counted), so the rest of the report is pure code over plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.store import Store

__all__ = ["Figure", "read_figures", "figures_from_indicators"]


@dataclass(frozen=True)
class Figure:
    """One indicator of the year, with what the report needs to print and explain it."""

    id: str
    p: str
    title_zh: str
    title_en: str
    unit_zh: str
    unit_en: str
    definition_zh: str
    definition_en: str
    parent: str | None
    order: int
    value: int | None
    previous: int | None
    records: int | None
    records_zh: str = ""
    records_en: str = ""

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh-TW" else self.title_en

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh-TW" else self.definition_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang == "zh-TW" else self.unit_en

    def counted(self, lang: str) -> str:
        """What one counted record is (a case, a row of a register)."""
        return self.records_zh if lang == "zh-TW" else self.records_en


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def figures_from_indicators(values: Iterable[Any]) -> list[Figure]:
    """``Figure`` rows from ``playbooks.indicators.IndicatorValue`` objects, in report order."""
    out = []
    for v in values:
        d = v.definition
        out.append(Figure(
            id=d.id, p=d.p, title_zh=d.title_zh, title_en=d.title_en, unit_zh=d.unit_zh, unit_en=d.unit_en,
            definition_zh=d.definition_zh, definition_en=d.definition_en, parent=d.parent, order=int(d.order),
            value=_int(v.value), previous=_int(v.previous), records=_int(v.records),
            records_zh=d.records_zh, records_en=d.records_en,
        ))
    return sorted(out, key=lambda f: (f.order, f.id))


def read_figures(store: Store, year: int, *, as_of: date | None = None) -> list[Figure]:
    """Every indicator of ``year`` (and of the year before), from records ingested by ``as_of``."""
    from playbooks.indicators import compute_indicators

    return figures_from_indicators(compute_indicators(store, year, as_of=cutoff_text(as_of)))


def cutoff_text(as_of: date | None) -> str | None:
    """The cut-off as ``playbooks.indicators`` takes it (and as the chart statements compare it)."""
    from playbooks.indicators import cutoff

    return cutoff(as_of)
