"""What a register contributes to the graph: rescues, flights taken, services given, activities held.

Every row is checked first; a register with a row that cannot be read (a date that is not a
date, a flight number that is not one) is refused whole, with the line and column named, so
that nothing of it lands half-written. Pure: a ``Register`` in, a ``GraphBatch`` out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.model import DEFAULT_GRADING, Evidence, Grading, make_id
from graph.values import flight_key, flight_number
from graph.writes import GraphBatch, NodeRow, RelRow
from graph.cleaners import passport as passport_cleaner
from ingest.batches import airport, location_id, organization_id, person_id
from ingest.documents import Unreadable
from ingest.registers import Register, RegisterRow
from nlp.dates import parse_date
from nlp.places import gazetteer

__all__ = ["register_batch", "SERVICE_KINDS", "ACTIVITY_KINDS"]

SERVICE_KINDS = (
    "stay_permit", "stay_permit_extension", "work_permit", "shelter_foreign", "taiwanese_adult_victim",
    "taiwanese_adult_placed", "taiwanese_adult_declined", "minor_sexual_victim", "minor_placed",
    "minor_returned_family", "rescreened_detainee", "interpretation", "accompanied_interview", "border_meeting",
    "emergency_card",
)
ACTIVITY_KINDS = ("training", "international_workshop", "liaison_dispatch", "action_plan_programme",
                  "action_plan_strategy", "campaign", "mou", "joint_operation")


class _RowError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def register_batch(register: Register, *, ingested_at: str, grading: Grading | None = None) -> GraphBatch:
    """The batch of one register; raises ``Unreadable`` (reason ``bad_register``) naming every bad row."""
    grading = grading or DEFAULT_GRADING.get(register.kind, DEFAULT_GRADING["other"])
    build = _BUILDERS[register.kind]
    batch = GraphBatch()
    batch.nodes.append(NodeRow(register.id, {"kind": register.kind, "title": register.path.rsplit("/", 1)[-1],
                                             "path": register.path, "chars": 0, "ingested_at": ingested_at}))
    problems = []
    for row in register.rows:
        ev = Evidence(register.id, row.line, row.line, f"register.{register.kind}", 1.0, grading,
                      f"line {row.line}")
        try:
            build(batch, register, row, ev)
        except _RowError as e:
            problems.append(f"line {row.line}, column {e.column}: {e}")
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise Unreadable(register.path, "bad_register", shown)
    return batch


def _date(row: RegisterRow, column: str, *, required: bool = False) -> str | None:
    raw = row.get(column)
    if not raw:
        if required:
            raise _RowError(column, "is empty; every row needs a date")
        return None
    iso = parse_date(raw)
    if iso is None:
        raise _RowError(column, f"{raw!r} is not a date (write 2022-09-05, 111/9/5 or 111年9月5日)")
    return iso


def _kind(row: RegisterRow, allowed: tuple[str, ...], what: str) -> str:
    kind = row.get("kind")
    if kind not in allowed:
        raise _RowError("kind", f"{kind!r} is not a known {what} kind; use one of {', '.join(allowed)}")
    return kind


def _country(raw: str) -> str | None:
    if not raw:
        return None
    forms = gazetteer()[0]
    place = forms.get(raw) or forms.get(raw.lower())
    return place.country if place is not None else (raw.upper() if len(raw) == 2 and raw.isalpha() else None)


def _flight(batch: GraphBatch, row: RegisterRow, column: str, day: str | None, ev: Evidence,
            origin: str | None = None, destination: str | None = None) -> str | None:
    raw = row.get(column)
    if not raw:
        return None
    number = flight_number(raw)
    if number is None:
        raise _RowError(column, f"{raw!r} is not a flight number (write BR265 or CI-835)")
    if day is None:
        raise _RowError(column, f"flight {raw} has no date in its row")
    key = flight_key(number, day)
    assert key is not None
    flight = make_id("Flight", key)
    props: dict[str, Any] = {"key": key, "number": number, "date": day}
    for name, code, rel_type in (("origin", origin, "DEPARTS_FROM"), ("destination", destination, "ARRIVES_AT")):
        found = airport((code or "").upper())
        if found is not None:
            props[name] = code.upper() if code else None
            batch.nodes.append(NodeRow(found[0], found[1]))
            batch.rels.append(RelRow(rel_type, flight, found[0]))
    batch.nodes.append(NodeRow(flight, props, [ev]))
    return flight


def _person(batch: GraphBatch, register: Register, row: RegisterRow, column: str, ev: Evidence,
            extra: dict[str, Any] | None = None) -> str:
    name = row.get(column)
    raw_passport = row.get("passport")
    passport = passport_cleaner.clean(raw_passport) if raw_passport else None
    if raw_passport and passport is None:
        raise _RowError("passport", f"{raw_passport!r} is not a passport number")
    node = person_id(register.id, name, passport)
    props: dict[str, Any] = {"name": name, **(extra or {})}
    if any(mark in name for mark in "○〇*＊"):
        props["masked"] = True
    batch.nodes.append(NodeRow(node, props, [ev]))
    if passport:
        ident = make_id("Identifier", "passport", passport)
        batch.nodes.append(NodeRow(ident, {"type": "passport", "value": passport}, [ev]))
        batch.rels.append(RelRow("HAS_IDENTIFIER", node, ident, evidence=[ev]))
    return node


def _rescue(batch: GraphBatch, register: Register, row: RegisterRow, ev: Evidence) -> None:
    extra: dict[str, Any] = {}
    if row.get("sex"):
        extra["sex"] = {"男": "M", "女": "F", "m": "M", "f": "F", "male": "M", "female": "F"}.get(
            row.get("sex").lower(), "X")
    if row.get("birth_year"):
        if not row.get("birth_year").isdigit():
            raise _RowError("birth_year", f"{row.get('birth_year')!r} is not a year")
        year = int(row.get("birth_year"))
        extra["birth_year"] = year + 1911 if year < 200 else year
    victim = _person(batch, register, row, "victim", ev, extra)
    dates = {name: _date(row, name) for name in ("reported", "located", "rescued", "returned")}
    country = _country(row.get("country"))
    key = row.get("passport") or row.get("victim")
    # a row may give only the day of return, or no day at all: the record is still one per victim
    first_day = dates["reported"] or dates["located"] or dates["rescued"] or dates["returned"] or "undated"
    rescue = make_id("Rescue", key, first_day)
    stage = ("returned" if dates["returned"] else "rescued" if dates["rescued"] else
             "located" if dates["located"] else "reported_missing")
    props: dict[str, Any] = {"stage": stage, "country": country, "place": row.get("place") or None,
                             "office": row.get("liaison_office") or None,
                             **{f"{name}_on": day for name, day in dates.items()}}
    batch.nodes.append(NodeRow(rescue, {k: v for k, v in props.items() if v is not None}, [ev]))
    batch.rels.append(RelRow("OF", rescue, victim, evidence=[ev]))
    place = gazetteer()[0].get(row.get("place")) if row.get("place") else None
    if place is not None:
        where = location_id(place.name, place.country)
        batch.nodes.append(NodeRow(where, {"name": place.name, "kind": place.kind, "country": place.country}))
        batch.rels.append(RelRow("RESCUED_FROM", victim, where, {"date": dates["rescued"]} if dates["rescued"] else {},
                                 [ev]))
    flight = _flight(batch, row, "return_flight", dates["returned"], ev)
    if flight:
        batch.rels.append(RelRow("RETURNED_ON", rescue, flight, evidence=[ev]))
        batch.rels.append(RelRow("REPATRIATED_ON", victim, flight, evidence=[ev]))
    if row.get("liaison_office"):
        office = organization_id(row.get("liaison_office"))
        batch.nodes.append(NodeRow(office, {"name": row.get("liaison_office"), "kind": "mission"}))
        batch.rels.append(RelRow("HANDLED_BY", rescue, office, evidence=[ev]))


def _manifest(batch: GraphBatch, register: Register, row: RegisterRow, ev: Evidence) -> None:
    passenger = _person(batch, register, row, "passenger", ev)
    day = _date(row, "date", required=True)
    flight = _flight(batch, row, "flight", day, ev, row.get("origin"), row.get("destination"))
    if flight:
        batch.rels.append(RelRow("TRAVELED_ON", passenger, flight, evidence=[ev]))


def _service(batch: GraphBatch, register: Register, row: RegisterRow, ev: Evidence) -> None:
    kind = _kind(row, SERVICE_KINDS, "service")
    day = _date(row, "date", required=True)
    service = make_id("Service", register.id, str(row.line))
    batch.nodes.append(NodeRow(service, {"kind": kind, "date": day, "provider": row.get("provider") or None}, [ev]))
    victim = _person(batch, register, row, "victim", ev)
    batch.rels.append(RelRow("FOR", service, victim, evidence=[ev]))
    if row.get("provider"):
        provider = organization_id(row.get("provider"))
        batch.nodes.append(NodeRow(provider, {"name": row.get("provider"), "kind": "provider"}))
        batch.rels.append(RelRow("HANDLED_BY", service, provider, evidence=[ev]))


def _activity(batch: GraphBatch, register: Register, row: RegisterRow, ev: Evidence) -> None:
    kind = _kind(row, ACTIVITY_KINDS, "activity")
    day = _date(row, "date", required=True)
    participants = row.get("participants")
    if participants and not participants.replace(",", "").isdigit():
        raise _RowError("participants", f"{participants!r} is not a number of people")
    activity = make_id("Activity", register.id, str(row.line))
    props = {"kind": kind, "date": day, "title": row.get("title") or None,
             "participants": int(participants.replace(",", "")) if participants else None,
             "partner": row.get("partner") or None}
    batch.nodes.append(NodeRow(activity, {k: v for k, v in props.items() if v is not None}, [ev]))


_BUILDERS: dict[str, Callable[[GraphBatch, Register, RegisterRow, Evidence], None]] = {
    "rescue": _rescue, "manifest": _manifest, "services": _service, "activities": _activity,
}
