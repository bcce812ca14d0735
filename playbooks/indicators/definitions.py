"""The 4P indicators as data: one YAML file per indicator beside this module.

Each file says which row of the yearly table it is (``id``, its P, ``order``, and ``parent``
for an "... of which" row), its titles and unit in Traditional Chinese and English, the
definition of what counts, and ONE read-only statement that lists the records counted: one
row per record with the columns ``record`` (the node id), ``date`` and ``weight`` (what the
record adds to the figure: 1, or a number of people it stands for), and any other columns
that describe the record without naming anybody. The statement takes ``$start`` and
``$end`` (ISO dates of the year) and ``$as_of`` (a cut-off, or null; see
``playbooks.indicators.compute``).

>>> [d.id for d in load_indicators()][:3]
['cases_referred', 'cases_referred_labour', 'cases_referred_sexual']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from playbooks.errors import PlaybookFileError, UnknownPlaybook
from playbooks.yamlfile import check_statement, read_mapping, require_text

__all__ = ["IndicatorDef", "PILLARS", "INDICATOR_DIR", "load_indicators", "indicator", "load_indicator_file"]

INDICATOR_DIR = Path(__file__).resolve().parent
#: the four Ps, in the order the yearly report gives them
PILLARS = ("prosecution", "protection", "prevention", "partnership")
RECORD_COLUMNS = ("record", "date", "weight")

_REQUIRED = ("id", "p", "order", "title_zh", "title_en", "unit_zh", "unit_en", "definition_zh", "definition_en",
             "cypher")
_OPTIONAL = ("parent", "records_zh", "records_en")


@dataclass(frozen=True)
class IndicatorDef:
    """One indicator of the 4P table.

    ``unit`` is the Chinese unit as the table prints it (件, 人, 人次, 場, ...);
    ``records_en``/``records_zh`` say what one counted record is (a case, a service given).
    """

    id: str
    p: str
    order: int
    title_zh: str
    title_en: str
    unit_zh: str
    unit_en: str
    definition_zh: str
    definition_en: str
    cypher: str
    parent: str | None = None
    records_zh: str = ""
    records_en: str = ""
    path: str = ""

    @property
    def unit(self) -> str:
        return self.unit_zh


def load_indicator_file(path: Path) -> IndicatorDef:
    """One indicator from its YAML file; raises ``PlaybookFileError`` saying what to fix."""
    data = read_mapping(path, required=_REQUIRED, optional=_OPTIONAL)
    text = {k: require_text(path, data, k) for k in _REQUIRED if k not in ("order",)}
    if text["p"] not in PILLARS:
        raise PlaybookFileError(path, f"p: {text['p']!r} is not one of {', '.join(PILLARS)}")
    if text["id"] != path.stem:
        raise PlaybookFileError(path, f"id: {text['id']!r} must match the file name ({path.stem}.yaml)")
    order = data["order"]
    if not isinstance(order, int) or isinstance(order, bool) or order < 1:
        raise PlaybookFileError(path, "order: must be a whole number from 1")
    parent = data.get("parent")
    if parent is not None and (not isinstance(parent, str) or not parent):
        raise PlaybookFileError(path, "parent: must be the id of another indicator, or left out")
    cypher = check_statement(path, text["cypher"])
    missing = [c for c in RECORD_COLUMNS if f" AS {c}" not in cypher]
    if missing:
        raise PlaybookFileError(path, f"cypher: must return the column(s) {', '.join(missing)} (one row per record)")
    if "$as_of" not in cypher:
        raise PlaybookFileError(path, "cypher: must honour the cut-off $as_of (records from documents ingested by then)")
    return IndicatorDef(
        id=text["id"], p=text["p"], order=order, title_zh=text["title_zh"], title_en=text["title_en"],
        unit_zh=text["unit_zh"], unit_en=text["unit_en"], definition_zh=text["definition_zh"],
        definition_en=text["definition_en"], cypher=cypher, parent=parent,
        records_zh=str(data.get("records_zh") or ""), records_en=str(data.get("records_en") or ""), path=str(path),
    )


@cache
def _load(folder: Path) -> tuple[IndicatorDef, ...]:
    defs = [load_indicator_file(p) for p in sorted(folder.glob("*.yaml"))]
    ids = [d.id for d in defs]
    for d in defs:
        if ids.count(d.id) > 1:
            raise PlaybookFileError(d.path, f"id {d.id!r} is used by more than one file")
        if d.parent is not None and d.parent not in ids:
            raise PlaybookFileError(d.path, f"parent: {d.parent!r} is not an indicator id")
    orders = [d.order for d in defs]
    for d in defs:
        if orders.count(d.order) > 1:
            raise PlaybookFileError(d.path, f"order {d.order} is used by more than one indicator")
    return tuple(sorted(defs, key=lambda d: d.order))


def load_indicators(folder: Path | None = None) -> list[IndicatorDef]:
    """Every indicator, in table order (by P, then as the yearly table lists them)."""
    return list(_load((folder or INDICATOR_DIR).resolve()))


def indicator(indicator_id: str) -> IndicatorDef:
    """The indicator with this id; raises ``UnknownPlaybook`` naming the known ones."""
    defs = load_indicators()
    for d in defs:
        if d.id == indicator_id:
            return d
    raise UnknownPlaybook(indicator_id, [d.id for d in defs], what="indicator")
