"""The stages of a victim's way home, and how long each may take before it is overdue.

Pure: a record's current stage and its date come from its explicit stage moves (the latest
``StageChange``) or, before any move was recorded, from the dates the rescue register gave
(reported, located, rescued, returned).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["STAGES", "Stage", "stage_of", "current_stage", "days_in_stage", "thresholds", "check_stage",
           "DEFAULT_THRESHOLDS"]


@dataclass(frozen=True)
class Stage:
    id: str
    zh: str
    en: str


STAGES: tuple[Stage, ...] = (
    Stage("reported_missing", "通報失聯", "reported missing"),
    Stage("located", "已尋獲", "located"),
    Stage("contacted", "已聯繫", "contacted"),
    Stage("rescued", "獲救或脫逃", "rescued or escaped"),
    Stage("handed_over", "已移交", "handed over"),
    Stage("flight_booked", "已訂返國班機", "flight booked"),
    Stage("arrived", "入境並於機場訪談", "arrived, interviewed at the border"),
    Stage("identified", "已鑑別被害人身分", "identified as victim or not"),
    Stage("sheltered", "已安置", "sheltered or placed"),
    Stage("followed_up", "追蹤輔導", "followed up"),
    Stage("closed", "結案", "closed"),
)
_IDS = tuple(s.id for s in STAGES)
# what registers write for a stage, as they write it
_ALIASES = {"returned": "arrived", "escaped": "rescued", "placed": "sheltered", "missing": "reported_missing"}

# days a victim may stay in a stage before the record is overdue (TIPGRAPH_STAGE_DAYS overrides,
# as JSON: {"located": 5}); closed never is
DEFAULT_THRESHOLDS: dict[str, int] = {
    "reported_missing": 14, "located": 7, "contacted": 7, "rescued": 3, "handed_over": 3, "flight_booked": 7,
    "arrived": 2, "identified": 5, "sheltered": 90, "followed_up": 180,
}


def check_stage(stage: str) -> str:
    """The canonical id of a stage name; raises ValueError naming the stages otherwise.

    >>> check_stage("returned"), check_stage("sheltered")
    ('arrived', 'sheltered')
    """
    canonical = _ALIASES.get(stage, stage)
    if canonical not in _IDS:
        raise ValueError(f"stage {stage!r} is not one of {', '.join(_IDS)}")
    return canonical


def stage_of(stage_id: str) -> Stage:
    return STAGES[_IDS.index(check_stage(stage_id))]


def current_stage(record: dict[str, Any]) -> tuple[str, str | None]:
    """``(stage, since)`` of a repatriation record: its latest recorded move, else its dates.

    ``record`` has ``stage`` and the register dates (``reported_on``, ``located_on``,
    ``rescued_on``, ``returned_on``), and ``moves``: ``[{"stage", "date"}, ...]`` in any order.

    >>> current_stage({"stage": "returned", "rescued_on": "2022-02-21", "returned_on": "2022-03-03"})
    ('arrived', '2022-03-03')
    >>> current_stage({"stage": "located", "located_on": "2022-02-14",
    ...                "moves": [{"stage": "contacted", "date": "2022-02-16"}]})
    ('contacted', '2022-02-16')
    """
    moves = [m for m in record.get("moves") or [] if m.get("stage") and m.get("date")]
    if moves:
        last = max(moves, key=lambda m: (str(m["date"]), _IDS.index(check_stage(m["stage"]))))
        return check_stage(last["stage"]), str(last["date"])
    by_date = (("returned_on", "arrived"), ("rescued_on", "rescued"), ("located_on", "located"),
               ("reported_on", "reported_missing"))
    stated = record.get("stage")
    stage = check_stage(stated) if stated else next((s for key, s in by_date if record.get(key)), "reported_missing")
    since = next((record[key] for key, s in by_date if s == stage and record.get(key)), None)
    if since is None:
        since = next((record[key] for key, _s in by_date if record.get(key)), None)
    return stage, None if since is None else str(since)


def days_in_stage(since: str | None, today: date) -> int | None:
    """Whole days from ``since`` (ISO date) to ``today``; None when the date is unknown."""
    if not since:
        return None
    try:
        return (today - date.fromisoformat(since[:10])).days
    except ValueError:
        return None


def thresholds(env: dict[str, str] | None = None) -> dict[str, int]:
    """The overdue thresholds: the defaults, with TIPGRAPH_STAGE_DAYS (JSON) over them.

    Raises:
        ValueError: the setting is not a JSON object of known stages to whole days.
    """
    raw = (env if env is not None else os.environ).get("TIPGRAPH_STAGE_DAYS")
    out = dict(DEFAULT_THRESHOLDS)
    if not raw:
        return out
    try:
        given = json.loads(raw)
    except json.JSONDecodeError as e:
        raise ValueError(f"TIPGRAPH_STAGE_DAYS is not JSON ({e.msg}); write it like {{\"located\": 5}}") from None
    if not isinstance(given, dict):
        raise ValueError("TIPGRAPH_STAGE_DAYS must be a JSON object of stage to days, like {\"located\": 5}")
    for stage, days in given.items():
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise ValueError(f"TIPGRAPH_STAGE_DAYS: {stage!r} needs a whole number of days, got {days!r}")
        out[check_stage(stage)] = days
    return out
