"""Computing the 4P indicators of a year from the graph, frozen at a cut-off when asked.

Each indicator's statement lists the records it counts; the figure is the sum of their
``weight`` and ``records`` is how many there were. All statements of a run go in ONE read
transaction, so the figures are of one state of the graph.

The cut-off (``as_of``, an ISO date or date-time): a record counts only when a document it
was read from was ingested on or before it (``Document.ingested_at``, UTC). A date means the
whole of that day. A record with no provenance document (written by hand, say) cannot show
when it became known, so it is left out of any frozen run and counted only when no cut-off
is given. Later ingests add documents with later ``ingested_at``, so re-running for the same
cut-off gives the same figures. What is not frozen: a property that a later document changes
on a record already known (a case's indictment date, say) is read as it is now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, cast, LiteralString

from graph.store import Store, Tx
from playbooks.indicators.definitions import IndicatorDef, indicator, load_indicators

__all__ = ["IndicatorValue", "compute_indicators", "drilldown", "cutoff", "year_span"]

DRILLDOWN_LIMIT = 1000


@dataclass(frozen=True)
class IndicatorValue:
    """One indicator's figure for a year: ``value`` and, for the year before, ``previous``.

    ``records`` is how many records were counted for ``value`` (e.g. 2 training sessions for
    222 trainees); ``previous_records`` the same for the year before.
    """

    definition: IndicatorDef
    value: int
    previous: int | None
    records: int
    previous_records: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form ``tipgraph indicators --json`` prints."""
        d = self.definition
        return {"id": d.id, "p": d.p, "parent": d.parent, "title_zh": d.title_zh, "title_en": d.title_en,
                "unit": d.unit, "unit_en": d.unit_en, "value": self.value, "previous": self.previous,
                "records": self.records}


def year_span(year: int) -> dict[str, str]:
    """``$start`` and ``$end`` of a calendar year; raises ValueError for an implausible year."""
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        raise ValueError(f"year {year!r}: give a calendar year such as 2022 (ROC year + 1911)")
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def cutoff(as_of: str | date | datetime | None) -> str | None:
    """The cut-off as the statements compare it: ``YYYY-MM-DD`` for a date (the whole day), or
    ``YYYY-MM-DDTHH:MM:SS`` in UTC for a date-time (one without a zone is taken as UTC).

    >>> cutoff("2023-01-31"), cutoff("2023-01-31T08:00:00+08:00"), cutoff(None)
    ('2023-01-31', '2023-01-31T00:00:00', None)
    """
    if as_of is None:
        return None
    if isinstance(as_of, datetime):
        moment = as_of
    elif isinstance(as_of, date):
        return as_of.isoformat()
    else:
        text = str(as_of).strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text).isoformat()
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"as_of {as_of!r}: give an ISO date (2023-01-31) or date-time "
                             "(2023-01-31T08:00:00+08:00)") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def _rows(tx: Tx, definition: IndicatorDef, params: dict[str, Any]) -> list[dict[str, Any]]:
    # the statement is the indicator file's text, checked read-only when it was loaded
    return tx.run(cast(LiteralString, definition.cypher), params)


def _figure(rows: list[dict[str, Any]]) -> tuple[int, int]:
    return sum(int(r.get("weight") or 0) for r in rows), len(rows)


def compute_indicators(store: Store, year: int, *, as_of: str | None = None,
                       previous: bool = True) -> list[IndicatorValue]:
    """Every indicator for ``year`` (and the year before unless ``previous=False``), in table order.

    Args:
        store: the graph to read.
        year: the calendar year (2022 for ROC year 111).
        as_of: cut-off (ISO date or date-time): only records from documents ingested by then.
        previous: also compute the year before (``IndicatorValue.previous``).

    Raises:
        ValueError: ``year`` or ``as_of`` cannot be read.
        GraphError: the graph cannot be reached or refused a statement.
    """
    defs = load_indicators()
    cut = cutoff(as_of)
    spans = [year_span(year)] + ([year_span(year - 1)] if previous else [])

    def work(tx: Tx) -> list[list[tuple[int, int]]]:
        return [[_figure(_rows(tx, d, {**span, "as_of": cut})) for d in defs] for span in spans]

    figures = store.read_tx(work, purpose=f"indicators:{year}")
    before = figures[1] if previous else [None] * len(defs)
    return [IndicatorValue(d, value, prev[0] if prev else None, records, prev[1] if prev else None)
            for d, (value, records), prev in zip(defs, figures[0], before)]


def drilldown(store: Store, indicator_id: str, year: int, *, as_of: str | None = None,
              limit: int = DRILLDOWN_LIMIT) -> list[dict[str, Any]]:
    """The records indicator ``indicator_id`` counts for ``year``: one dict per record, with
    ``record`` (node id), ``date``, ``weight`` and describing columns (never a name), ordered
    by date; at most ``limit`` of them.

    Raises:
        UnknownPlaybook: no indicator has this id.
        ValueError: ``year``, ``as_of`` or ``limit`` cannot be used.
    """
    if limit < 1:
        raise ValueError(f"limit {limit!r}: give at least 1")
    definition = indicator(indicator_id)
    params = {**year_span(year), "as_of": cutoff(as_of)}
    rows = store.read_tx(lambda tx: _rows(tx, definition, params), purpose=f"indicator:{indicator_id}")
    return rows[:limit]
