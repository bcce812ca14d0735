"""The data model, defined once: node kinds, relationship types, their properties and evidence.

POLE-style (people, objects, locations, events) for anti-trafficking work. Everything else
is derived from the declarations here: the schema statements (``graph.schema``), the
label/type allow-list that Cypher templates are filled from, property validation and the
diagram in ``docs/data-model.md`` (``render_mermaid``).

Ids are stable and readable: ``<prefix>:<key>``, e.g. ``flight:BR265@2022-09-01`` or
``loc:KH:Sihanoukville``; the prefix tells the kind, so a lookup by id can use the
label's index. Evidence is the provenance of a fact (see ``Evidence``).

>>> MODEL.kind_of_id("flight:BR265@2022-09-01").label
'Flight'
>>> make_id("Location", "KH", "Sihanoukville")
'loc:KH:Sihanoukville'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph import values
from graph.errors import ModelError

__all__ = [
    "Prop",
    "NodeKind",
    "RelKind",
    "Model",
    "MODEL",
    "Evidence",
    "EVIDENCE_LISTS",
    "evidence_records",
    "Grading",
    "DEFAULT_GRADING",
    "make_id",
    "rel_id",
    "render_mermaid",
]

PROP_TYPES = ("str", "int", "float", "bool", "date", "country", "iata", "list", "json")


@dataclass(frozen=True)
class Prop:
    """One property of a node or relationship."""

    name: str
    type: str = "str"
    required: bool = False
    indexed: bool = False
    help: str = ""


@dataclass(frozen=True)
class NodeKind:
    """A node label with its id prefix and properties. ``names`` feed the name search keys."""

    label: str
    prefix: str
    help: str
    props: tuple[Prop, ...] = ()
    names: tuple[str, ...] = ()
    internal: bool = False
    hashed_id: bool = True

    def prop(self, name: str) -> Prop | None:
        return next((p for p in self.props if p.name == name), None)


@dataclass(frozen=True)
class RelKind:
    """A relationship type with the (start label, end label) pairs it may join."""

    type: str
    endpoints: tuple[tuple[str, str], ...]
    help: str
    props: tuple[Prop, ...] = ()
    internal: bool = False

    def prop(self, name: str) -> Prop | None:
        return next((p for p in self.props if p.name == name), None)


# Source grading as investigators use it (5x5x5): source reliability A (always reliable) to
# E (untested); information 1 (known true) to 5 (suspected false); handling code 1 (may be
# shared widely) to 5 (restricted, special conditions).
SOURCE_RELIABILITY = ("A", "B", "C", "D", "E")
INFO_RELIABILITY = (1, 2, 3, 4, 5)
HANDLING_CODES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Grading:
    """The grading of a source document, defaulted per document kind and editable per fact."""

    source: str = "E"
    info: int = 4
    handling: int = 3

    def __post_init__(self) -> None:
        if self.source not in SOURCE_RELIABILITY:
            raise ModelError("grading.source", f"{self.source!r} is not one of A-E")
        if self.info not in INFO_RELIABILITY:
            raise ModelError("grading.info", f"{self.info!r} is not one of 1-5")
        if self.handling not in HANDLING_CODES:
            raise ModelError("grading.handling", f"{self.handling!r} is not one of 1-5")


# Defaults per document kind; an investigator may change any fact's grading afterwards.
DEFAULT_GRADING: dict[str, Grading] = {
    "case": Grading("B", 2, 3),  # judicial police referral, prosecutors' records
    "rescue": Grading("B", 2, 3),  # rescue and repatriation lists from missions
    "manifest": Grading("A", 1, 3),  # airline passenger manifests
    "liaison": Grading("B", 3, 3),  # liaison officers' notes
    "family": Grading("C", 3, 3),  # reports by families
    "ngo": Grading("C", 3, 2),  # NGO reports
    "press": Grading("C", 2, 1),  # published press releases
    "services": Grading("B", 1, 3),  # protection services register
    "activities": Grading("B", 1, 1),  # training, workshops, MOUs
    "other": Grading("E", 4, 3),
}


@dataclass(frozen=True)
class Evidence:
    """Where a fact was seen: one span of one document, by one extractor, with its grading.

    ``key`` identifies the piece of evidence, so re-ingesting a document adds none.
    """

    doc: str
    start: int
    end: int
    extractor: str
    confidence: float = 1.0
    grading: Grading = field(default_factory=Grading)
    sentence: str = ""

    def __post_init__(self) -> None:
        if not self.doc.startswith("doc:"):
            raise ModelError("evidence.doc", f"{self.doc!r} is not a document id (doc:...)")
        if not 0 <= self.start <= self.end:
            raise ModelError("evidence.start", f"span {self.start}-{self.end} is not a valid span")
        if not 0.0 <= self.confidence <= 1.0:
            raise ModelError("evidence.confidence", f"{self.confidence!r} is not within 0-1")

    @property
    def key(self) -> str:
        return f"{self.doc}|{self.start}|{self.end}|{self.extractor}"

    @property
    def grade(self) -> str:
        """The grading as three characters, e.g. ``B23`` (source, information, handling)."""
        return f"{self.grading.source}{self.grading.info}{self.grading.handling}"

    def record(self) -> dict[str, Any]:
        """The piece of evidence as a plain dict (what reads return)."""
        return {
            "key": self.key, "doc": self.doc, "start": self.start, "end": self.end,
            "extractor": self.extractor, "confidence": float(self.confidence),
            "source": self.grading.source, "info": self.grading.info, "handling": self.grading.handling,
            "sentence": self.sentence,
        }

    def as_row(self) -> dict[str, Any]:
        """The form written to the graph: columns to filter on, and the whole record as JSON."""
        return {"key": self.key, "doc": self.doc, "grade": self.grade,
                "json": json.dumps(self.record(), ensure_ascii=False, sort_keys=True)}


# How evidence is stored. Neo4j properties cannot hold maps, so a relationship keeps its
# evidence as parallel lists: ev_key[i] (the identity, for de-duplication), ev_doc[i] (to
# count and filter by document), ev_grade[i] (e.g. "B23", to filter by grading) and
# ev_json[i] (the whole record). Four lists, not one per field: each list is a write, and
# four keep batched upserts fast. A node's evidence is its MENTIONED_IN relationships.
EVIDENCE_LISTS = ("ev_key", "ev_doc", "ev_grade", "ev_json")


def evidence_records(props: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The evidence kept on a relationship's properties, as dicts, in the order it was added."""
    records = []
    for raw in props.get("ev_json") or []:
        try:
            records.append(json.loads(raw))
        except (TypeError, ValueError):
            records.append({"key": None, "error": "unreadable evidence record"})
    return records


_P = Prop
_ROLE_PROPS = (
    _P("since", "date", help="first date the role is known"),
    _P("until", "date", help="last date the role is known"),
)

_NODES: tuple[NodeKind, ...] = (
    NodeKind(
        "Person", "person", "A suspect, victim, recruiter, official or witness.",
        (
            _P("name", "str", True, help="name as best known"),
            _P("aliases", "list", help="other spellings, scripts, romanisations"),
            _P("masked", "bool", help="the name is published masked (陳○明)"),
            _P("sex", "str", help="F, M or X"),
            _P("birth_year", "int"),
            _P("nationality", "country"),
            _P("canonical", "str", help="id of the person this one is resolved to (set by resolution)"),
        ),
        names=("name", "aliases"),
    ),
    NodeKind(
        "Case", "case", "A trafficking or related criminal case.",
        (
            _P("number", "str", indexed=True, help="case number as written"),
            _P("title", "str"),
            _P("offenses", "list", help="trafficking, labour_exploitation, sexual_exploitation, ..."),
            _P("exploitation", "str", help="labour, sexual, organ_removal, forced_criminality"),
            _P("referred_on", "date", indexed=True),
            _P("indicted_on", "date"),
            _P("suspects", "int", help="number of suspects stated"),
            _P("victims", "int", help="number of victims stated"),
            _P("defendants", "int", help="number of defendants indicted"),
            _P("trafficking", "bool", help="referred as a trafficking case"),
        ),
        names=("number",),
    ),
    NodeKind(
        "Flight", "flight", "One flight: a number on a day.",
        (
            _P("key", "str", True, help="BR265@2022-09-01"),
            _P("number", "str", True, help="BR265"),
            _P("date", "date", True, indexed=True),
            _P("origin", "iata"),
            _P("destination", "iata"),
        ),
        names=("number",),
        hashed_id=False,
    ),
    NodeKind(
        "Location", "loc", "A country, city, compound, airport or office address.",
        (
            _P("name", "str", True),
            _P("aliases", "list"),
            _P("kind", "str", help="country, city, compound, airport, address"),
            _P("country", "country", indexed=True),
            _P("iata", "iata"),
        ),
        names=("name", "aliases"),
        hashed_id=False,
    ),
    NodeKind(
        "Organization", "org", "A prosecutors' office, police unit, mission, NGO, company or gang.",
        (
            _P("name", "str", True),
            _P("aliases", "list"),
            _P("kind", "str", help="prosecutors_office, police_unit, mission, ngo, company, group, airline"),
            _P("country", "country"),
        ),
        names=("name", "aliases"),
    ),
    NodeKind(
        "Identifier", "ident", "A phone, passport, bank account, e-mail or chat handle.",
        (
            _P("type", "str", True, help="phone, passport, account, email, handle"),
            _P("value", "str", True, indexed=True, help="normalised value (E.164 for phones)"),
            _P("platform", "str", help="LINE, Telegram, WeChat, Facebook for handles"),
            _P("country", "country"),
        ),
    ),
    NodeKind(
        "Document", "doc", "A source document; its id is the SHA-256 of its bytes.",
        (
            _P("kind", "str", True, help="case, rescue, manifest, liaison, family, ngo, press, services, activities, other"),
            _P("title", "str"),
            _P("path", "str", help="where it was read from"),
            _P("lang", "str"),
            _P("chars", "int"),
            _P("text", "str", help="the extracted text that evidence spans point into"),
            _P("pages", "list", help="character offset where each page starts"),
            _P("ingested_at", "str"),
        ),
        hashed_id=False,
    ),
    NodeKind(
        "Rescue", "rescue", "One victim's repatriation record.",
        (
            _P("stage", "str", help="current stage, reported_missing ... closed"),
            _P("country", "country", indexed=True, help="country of exploitation"),
            _P("place", "str"),
            _P("office", "str", help="liaison office or mission"),
            _P("reported_on", "date"),
            _P("located_on", "date"),
            _P("rescued_on", "date"),
            _P("returned_on", "date", indexed=True),
        ),
    ),
    NodeKind(
        "Service", "service", "A protection service given to a victim.",
        (
            _P("kind", "str", True, help="shelter, interpretation, accompanied_interview, stay_permit, ..."),
            _P("date", "date", True, indexed=True),
            _P("provider", "str"),
        ),
    ),
    NodeKind(
        "Activity", "activity", "Training, campaign, workshop, MOU, liaison deployment or joint operation.",
        (
            _P("kind", "str", True, help="training, campaign, workshop, mou, liaison_deployment, joint_operation"),
            _P("date", "date", True, indexed=True),
            _P("title", "str"),
            _P("participants", "int"),
            _P("partner", "str"),
        ),
        names=("title",),
    ),
    NodeKind(
        "StageChange", "stagechg", "One move of a repatriation record to a stage: when, by whom, why.",
        (
            _P("stage", "str", True, help="reported_missing, located, contacted, rescued, handed_over, flight_booked, "
                                          "arrived, identified, sheltered, followed_up, closed"),
            _P("date", "date", True, indexed=True, help="when the victim reached the stage"),
            _P("previous", "str", help="the stage before"),
            _P("note", "str"),
            _P("by", "str", help="who recorded it"),
            _P("at", "str", help="when it was recorded (UTC)"),
        ),
    ),
    NodeKind(
        "NameKey", "key", "Internal: a normalised search key of a name (see graph.namekeys).",
        (), internal=True, hashed_id=False,
    ),
)

_PERSON_CASE = (("Person", "Case"),)
_ANY = tuple(n.label for n in _NODES if not n.internal and n.label != "Document")

_RELS: tuple[RelKind, ...] = (
    RelKind("SUSPECT_IN", _PERSON_CASE, "A suspect or defendant in a case.", _ROLE_PROPS),
    RelKind(
        "VICTIM_IN", _PERSON_CASE, "A victim in a case.",
        _ROLE_PROPS + (_P("non_punishment", "bool", help="not to be punished for crimes forced on them"),),
    ),
    RelKind("RECRUITER_IN", _PERSON_CASE, "A recruiter in a case.", _ROLE_PROPS),
    RelKind("RECRUITED", (("Person", "Person"),), "Recruited someone.", (_P("date", "date"),)),
    RelKind("TRAFFICKED", (("Person", "Person"),), "Trafficked someone.", (_P("date", "date"),)),
    RelKind("ASSOCIATE_OF", (("Person", "Person"),), "Known associate."),
    RelKind("TRAVELED_ON", (("Person", "Flight"),), "Was a passenger on a flight."),
    RelKind("REPATRIATED_ON", (("Person", "Flight"),), "Was flown home on a flight."),
    RelKind("DEPARTS_FROM", (("Flight", "Location"),), "Flight's origin airport."),
    RelKind("ARRIVES_AT", (("Flight", "Location"),), "Flight's destination airport."),
    RelKind(
        "HAS_IDENTIFIER", (("Person", "Identifier"), ("Organization", "Identifier")),
        "Uses or holds a phone, passport, account, e-mail or handle.",
    ),
    RelKind("MEMBER_OF", (("Person", "Organization"),), "Member or employee of an organisation."),
    RelKind("EXPLOITED_AT", (("Person", "Location"),), "Was exploited at a place.", (_P("since", "date"), _P("until", "date"))),
    RelKind("RESCUED_FROM", (("Person", "Location"),), "Was rescued from a place.", (_P("date", "date"),)),
    RelKind("REFERRED_TO", (("Case", "Organization"), ("Person", "Organization")), "Referred to a prosecutors' office.", (_P("date", "date"),)),
    RelKind("INDICTED_BY", (("Case", "Organization"), ("Person", "Organization")), "Indicted by a prosecutors' office.", (_P("date", "date"),)),
    RelKind("OCCURRED_IN", (("Case", "Location"), ("Activity", "Location")), "Took place in."),
    RelKind("OF", (("Rescue", "Person"),), "The victim a repatriation record is about."),
    RelKind("RETURNED_ON", (("Rescue", "Flight"),), "The flight home."),
    RelKind("MOVED_TO", (("Rescue", "StageChange"),), "A stage change of a repatriation record (its history)."),
    RelKind(
        "HANDLED_BY", (("Rescue", "Organization"), ("Service", "Organization"), ("Case", "Organization")),
        "The office, unit or provider that handled it.",
    ),
    RelKind("FOR", (("Service", "Person"),), "The victim a service was given to."),
    RelKind("PARTNERED_WITH", (("Activity", "Organization"),), "A partner of an activity."),
    RelKind(
        "MENTIONED_IN", tuple((label, "Document") for label in _ANY),
        "Where a node was seen: one per mention, with its span, sentence and grading.",
        tuple(_P(f) for f in ("key", "start", "end", "extractor", "sentence", "batch"))
        + (_P("confidence", "float"), _P("source"), _P("info", "int"), _P("handling", "int")),
    ),
    RelKind(
        "SAME_AS", (("Person", "Person"), ("Organization", "Organization"), ("Location", "Location")),
        "A resolution candidate for review, with a score and the reasons.",
        (_P("score", "float", True), _P("reasons", "list"), _P("status", "str", help="proposed, merged, rejected")),
    ),
    RelKind("HAS_NAME_KEY", tuple((label, "NameKey") for label in _ANY), "Internal: name search key.", internal=True),
)


class Model:
    """Lookup and validation over the declared kinds."""

    def __init__(self, nodes: Iterable[NodeKind], rels: Iterable[RelKind]) -> None:
        self.nodes: dict[str, NodeKind] = {n.label: n for n in nodes}
        self.rels: dict[str, RelKind] = {r.type: r for r in rels}
        self._by_prefix = {n.prefix: n for n in self.nodes.values()}
        for n in self.nodes.values():
            for p in n.props:
                if p.type not in PROP_TYPES:
                    raise ModelError(f"{n.label}.{p.name}", f"unknown property type {p.type!r}")
        for r in self.rels.values():
            for start, end in r.endpoints:
                if start not in self.nodes or end not in self.nodes:
                    raise ModelError(r.type, f"endpoint ({start}, {end}) is not a declared node kind")

    def node(self, label: str) -> NodeKind:
        """The node kind with this label. Raises ModelError for any other string."""
        try:
            return self.nodes[label]
        except KeyError:
            raise ModelError("label", f"{label!r} is not a node kind; known: {sorted(self.nodes)}") from None

    def rel(self, rel_type: str) -> RelKind:
        """The relationship kind with this type. Raises ModelError for any other string."""
        try:
            return self.rels[rel_type]
        except KeyError:
            raise ModelError("type", f"{rel_type!r} is not a relationship type; known: {sorted(self.rels)}") from None

    def kind_of_id(self, entity_id: str) -> NodeKind:
        """The node kind an id belongs to, from its prefix."""
        prefix, sep, rest = entity_id.partition(":")
        if not sep or not rest or prefix not in self._by_prefix:
            raise ModelError("id", f"{entity_id!r} is not a tipgraph id (<kind>:<key>, kinds {sorted(self._by_prefix)})")
        return self._by_prefix[prefix]

    @property
    def public_nodes(self) -> list[NodeKind]:
        return [n for n in self.nodes.values() if not n.internal]

    @property
    def public_rels(self) -> list[RelKind]:
        return [r for r in self.rels.values() if not r.internal]

    def clean_props(self, where: str, props: Iterable[Prop], raw: Mapping[str, Any]) -> dict[str, Any]:
        """Validate and normalise property values; unknown names and bad values raise ModelError."""
        declared = {p.name: p for p in props}
        out: dict[str, Any] = {}
        for name, value in raw.items():
            prop = declared.get(name)
            if prop is None:
                raise ModelError(f"{where}.{name}", f"unknown property; declared: {sorted(declared)}")
            if value is None:
                continue
            out[name] = _clean_value(f"{where}.{name}", prop.type, value)
        missing = [p.name for p in declared.values() if p.required and p.name not in out]
        if missing:
            raise ModelError(where, f"missing required propert{'y' if len(missing) == 1 else 'ies'} {missing}")
        return out

    def clean_node(self, label: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        return self.clean_props(label, self.node(label).props, raw)

    def clean_rel(self, rel_type: str, raw: Mapping[str, Any]) -> dict[str, Any]:
        return self.clean_props(rel_type, self.rel(rel_type).props, raw)


_CLEANERS = {"date": values.iso_date, "country": values.country, "iata": values.iata}


def _clean_value(where: str, type_: str, value: Any) -> Any:
    if type_ in _CLEANERS:
        cleaned = _CLEANERS[type_](value)
        if cleaned is None:
            raise ModelError(where, f"{value!r} is not a valid {type_}")
        return cleaned
    checks: dict[str, tuple[type, ...]] = {
        "str": (str,), "int": (int,), "float": (int, float), "bool": (bool,), "list": (list, tuple), "json": (str,),
    }
    ok = isinstance(value, checks[type_]) and not (type_ in ("int", "float") and isinstance(value, bool))
    if not ok:
        raise ModelError(where, f"{value!r} is not a {type_}")
    if type_ == "list":
        if not all(isinstance(v, str) for v in value):
            raise ModelError(where, "lists hold strings only")
        return list(value)
    return float(value) if type_ == "float" else value


MODEL = Model(_NODES, _RELS)


def make_id(label: str, *parts: str) -> str:
    """A stable, readable id for a node of ``label`` from its natural key parts.

    Parts are joined with ``:``. Kinds whose keys hold names or personal data (people,
    identifiers, cases, records) get a hash of the parts, so ids can go into logs and URLs.
    """
    kind = MODEL.node(label)
    if not parts or any(not p for p in parts):
        raise ModelError(f"{label}.id", "needs at least one non-empty key part")
    if kind.hashed_id:
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
        return f"{kind.prefix}:{digest}"
    return f"{kind.prefix}:{':'.join(parts)}"


def rel_id(rel_type: str, start: str, end: str, key: str = "") -> str:
    """A stable id for one relationship; ``key`` tells apart several of one type between two nodes."""
    MODEL.rel(rel_type)
    digest = hashlib.sha256("\x1f".join((rel_type, start, end, key)).encode("utf-8")).hexdigest()[:24]
    return f"rel:{digest}"


def render_mermaid(model: Model = MODEL) -> str:
    """The model as a Mermaid class diagram (used by docs/data-model.md, kept in sync by a test)."""
    lines = ["classDiagram"]
    for n in model.public_nodes:
        lines.append(f"  class {n.label} {{")
        lines.append("    id")
        lines.extend(f"    {p.type} {p.name}" for p in n.props)
        lines.append("  }")
    for r in model.public_rels:
        for start, end in r.endpoints:
            if r.type == "MENTIONED_IN" and start != "Person":
                continue
            lines.append(f"  {start} --> {end} : {r.type}")
    lines.append("  note for Document \"every node kind is MENTIONED_IN documents\"")
    return "\n".join(lines) + "\n"
