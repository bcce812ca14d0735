"""FollowTheMoney entities as JSON Lines (what ``ftm`` tools and Aleph load), one entity per line:
``{"id", "schema", "properties": {name: [text, ...]}}``.

How tipgraph maps onto FtM:

* Person -> ``Person`` (name, alias, gender, nationality, birthDate; with the ``internal``
  profile also ``phone``, ``email`` and ``passportNumber`` from its identifiers; masked
  identifiers, which FtM's typed properties would refuse, go into ``notes``);
  Organization -> ``Organization`` (its identifiers likewise); Location -> ``Address``;
  Case -> ``CourtCase``; Flight -> ``Trip`` (start and end airports, passengers as
  ``involved``); Rescue, Service and Activity -> ``Event``.
* Roles in a case -> ``CourtCaseParty`` (role suspect, victim or recruiter); RECRUITED,
  TRAFFICKED, ASSOCIATE_OF -> ``Associate`` (relationship says which); MEMBER_OF ->
  ``Membership``; every other tie -> ``UnknownLink`` with the tipgraph type as its role.
  Resolution candidates (SAME_AS) are left out: FtM has its own deduplication.

Entity ids are ``tg-`` and a digest of the tipgraph id, so no name or number shows in an id.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from exports import ExportResult, exporter
from exports.graphdata import ExportData

__all__ = ["entities", "ftm_id", "write_ftm"]

_GENDER = {"F": "female", "M": "male", "X": "other"}
_IDENTIFIER_PROP = {"phone": "phone", "email": "email", "passport": "passportNumber"}
_CASE_ROLES = {"SUSPECT_IN": "suspect", "VICTIM_IN": "victim", "RECRUITER_IN": "recruiter"}
_ASSOCIATES = {"RECRUITED": "recruited", "TRAFFICKED": "trafficked", "ASSOCIATE_OF": "associate"}
_IN_ENTITIES = {"HAS_IDENTIFIER", "DEPARTS_FROM", "ARRIVES_AT", "TRAVELED_ON", "REPATRIATED_ON", "OF", "FOR",
                "SAME_AS"}
_EVENT_LABELS = ("Rescue", "Service", "Activity")


def ftm_id(tipgraph_id: str) -> str:
    """A stable FtM id for a tipgraph id that reveals nothing of it.

    >>> ftm_id("person:0a1b"), len(ftm_id("loc:KH:Sihanoukville"))
    ('tg-473b0cc4387a6b836cce4f6f80100487880fc24e', 43)
    """
    return "tg-" + hashlib.sha1(tipgraph_id.encode("utf-8")).hexdigest()


class _Entity:
    def __init__(self, node_id: str, schema: str) -> None:
        self.id = ftm_id(node_id)
        self.schema = schema
        self.props: dict[str, list[str]] = defaultdict(list)

    def add(self, prop: str, value: Any) -> None:
        if value is None or value == "" or value == []:
            return
        for v in value if isinstance(value, (list, tuple)) else [value]:
            text = str(v)
            if text and text not in self.props[prop]:
                self.props[prop].append(text)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "schema": self.schema, "properties": {k: v for k, v in sorted(self.props.items()) if v}}


def _country(code: Any) -> str | None:
    return str(code).lower() if code else None


def _node_entity(node: str, a: dict[str, Any]) -> _Entity | None:
    label = a.get("label")
    if label == "Person":
        e = _Entity(node, "Person")
        e.add("name", a.get("name"))
        e.add("alias", a.get("aliases"))
        e.add("gender", _GENDER.get(str(a.get("sex") or "")))
        e.add("nationality", _country(a.get("nationality")))
        e.add("birthDate", a.get("birth_year"))
    elif label == "Organization":
        e = _Entity(node, "Organization")
        e.add("name", a.get("name"))
        e.add("alias", a.get("aliases"))
        e.add("country", _country(a.get("country")))
        e.add("classification", a.get("kind"))
    elif label == "Location":
        e = _Entity(node, "Address")
        e.add("name", a.get("name"))
        e.add("full", a.get("name"))
        e.add("country", _country(a.get("country")))
        if a.get("kind") == "city":
            e.add("city", a.get("name"))
        e.add("keywords", a.get("kind"))
    elif label == "Case":
        e = _Entity(node, "CourtCase")
        e.add("name", a.get("number") or a.get("title") or "case")
        e.add("caseNumber", a.get("number"))
        e.add("fileDate", a.get("referred_on"))
        e.add("category", a.get("exploitation"))
        e.add("keywords", a.get("offenses"))
        e.add("status", "indicted" if a.get("indicted_on") else "referred" if a.get("referred_on") else None)
    elif label == "Flight":
        e = _Entity(node, "Trip")
        e.add("name", f"{a.get('number')} {a.get('date')}")
        e.add("date", a.get("date"))
    elif label in _EVENT_LABELS:
        e = _Entity(node, "Event")
        what = a.get("kind") or a.get("stage") or label.lower()
        e.add("name", f"{label}: {what}")
        e.add("date", a.get("date") or a.get("returned_on") or a.get("rescued_on") or a.get("reported_on"))
        e.add("country", _country(a.get("country")))
        e.add("summary", a.get("title"))
    else:
        return None
    return e


def _valid(kind: str, value: Any) -> bool:
    """Whether FtM's typed property would keep the value (else it goes into ``notes``): FtM drops
    phone numbers that are possible but not valid for their country."""
    if kind != "phone":
        return bool(value)
    import phonenumbers

    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(str(value), None))
    except phonenumbers.NumberParseException:
        return False


def _link(schema: str, rel_id: str, **props: Any) -> _Entity:
    e = _Entity(rel_id, schema)
    for prop, value in props.items():
        e.add(prop, value)
    return e


def entities(g: nx.MultiDiGraph, *, profile: str) -> list[dict[str, Any]]:
    """Every FtM entity of the graph as a dict: nodes first, then the ties between them."""
    made: dict[str, _Entity] = {}
    for node, attrs in g.nodes(data=True):
        entity = _node_entity(node, attrs)
        if entity is not None:
            made[node] = entity
    links: list[_Entity] = []
    for start, end, key, a in g.edges(keys=True, data=True):
        kind = a.get("type")
        if start not in made or (end not in made and kind != "HAS_IDENTIFIER"):
            continue
        s, e = ftm_id(start), ftm_id(end) if end in made else None
        rid = str(a.get("id") or key)
        dates = {"startDate": a.get("since") or a.get("date"), "endDate": a.get("until")}
        if kind == "HAS_IDENTIFIER":
            ident = g.nodes[end]
            prop = _IDENTIFIER_PROP.get(str(ident.get("type")))
            if profile == "internal" and prop and _valid(str(ident.get("type")), ident.get("value")):
                made[start].add(prop, ident.get("value"))
            else:
                made[start].add("notes", f"{ident.get('type')} {ident.get('value')}")
        elif kind in ("DEPARTS_FROM", "ARRIVES_AT"):
            made[start].add("startLocation" if kind == "DEPARTS_FROM" else "endLocation", e)
        elif kind in ("TRAVELED_ON", "REPATRIATED_ON"):
            made[end].add("involved", s)
        elif kind in ("OF", "FOR"):
            made[start].add("involved", e)
        elif kind in _CASE_ROLES:
            links.append(_link("CourtCaseParty", rid, party=s, case=e, role=_CASE_ROLES[kind], **dates))
        elif kind in _ASSOCIATES:
            links.append(_link("Associate", rid, person=s, associate=e, relationship=_ASSOCIATES[kind], **dates))
        elif kind == "MEMBER_OF":
            links.append(_link("Membership", rid, member=s, organization=e, **dates))
        elif kind not in _IN_ENTITIES:
            links.append(_link("UnknownLink", rid, subject=s, object=e, role=kind.lower(), **dates))
    return [x.as_json() for x in (*made.values(), *links)]


@exporter("ftm", suffix=".ftm.json", help="FollowTheMoney entities as JSON Lines (Aleph, ftm tools)")
def write_ftm(data: ExportData, output: Path, **_: Any) -> ExportResult:
    rows = entities(data.graph, profile=data.profile)
    with open(output, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    schemas: dict[str, int] = defaultdict(int)
    for row in rows:
        schemas[row["schema"]] += 1
    return ExportResult("ftm", [str(output)], len(rows), data.profile,
                        [", ".join(f"{n} {s}" for s, n in sorted(schemas.items()))])
