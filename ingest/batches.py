"""What one document contributes to the graph: its node, the entities it mentions with their
evidence, the relations it states, and for a case file the case. Pure: text and extraction
result in, a ``GraphBatch`` out.

Identity, decided here once:

* a person with a passport number in the document is keyed by it (one person wherever the
  passport appears); any other person by document and name, so that two documents naming
  ``陳○明`` never make one person: resolution proposes such merges for review;
* identifiers by type and normal value, organisations by canonical name, places by country
  and canonical name, flights by number and day: shared wherever they appear;
* a case by the document that states it.

A surname or given name standing alone (``Liao``, ``書賢``) and a name's bracketed
other-script form are the same person as the full name they stand for.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.model import DEFAULT_GRADING, Evidence, Grading, make_id
from graph.values import flight_key
from graph.writes import GraphBatch, NodeRow, RelRow
from ingest.casefacts import CaseFacts, case_facts
from ingest.documents import SourceDocument
from nlp.sentences import Sentences

__all__ = ["DOCUMENT_KINDS", "airport", "document_batch", "person_id", "location_id", "organization_id", "identifier_id"]

DOCUMENT_KINDS = ("case", "rescue", "liaison", "family", "ngo", "press", "other")
_IDENTIFIER_TYPES = {"PHONE": "phone", "PASSPORT": "passport", "ACCOUNT": "account", "EMAIL": "email", "HANDLE": "handle"}
_ROLE_IN_CASE = {"suspect": "SUSPECT_IN", "victim": "VICTIM_IN", "recruiter": "RECRUITER_IN"}
_PERSON_TO_PERSON = {"RECRUITED", "TRAFFICKED", "ASSOCIATE_OF"}
_SENTENCE_CHARS = 400


def person_id(doc_id: str, name: str, passport: str | None = None) -> str:
    """A person's node id: by passport when one is known, else by document and name."""
    if passport:
        return make_id("Person", "passport", passport)
    return make_id("Person", doc_id, name)


def location_id(name: str, country: str | None) -> str:
    return make_id("Location", country or "ZZ", name)


def organization_id(name: str) -> str:
    return make_id("Organization", name)


def identifier_id(kind: str, value: str) -> str:
    return make_id("Identifier", kind, value)


def document_batch(source: SourceDocument, result: dict[str, Any], *, kind: str, ingested_at: str,
                   grading: Grading | None = None) -> GraphBatch:
    """The batch of one text document and its extraction result (``nlp.extract`` contract)."""
    grading = grading or DEFAULT_GRADING.get(kind, DEFAULT_GRADING["other"])
    text = source.text
    doc_id = source.id
    sentences = Sentences(text)
    entities = result["entities"]

    def evidence(start: int, end: int, extractor: str, confidence: float, *, sentence: bool = True) -> Evidence:
        """Where a fact was read; a relationship's evidence carries its sentence for the link chart,
        a mention only its span (the document's text holds the sentence)."""
        if not sentence:
            return Evidence(doc_id, start, end, extractor, confidence, grading)
        s, e = sentences.bounds(start)
        return Evidence(doc_id, start, end, extractor, confidence, grading, text[s:e].strip()[:_SENTENCE_CHARS])

    node_ids = _node_ids(doc_id, text, entities, result["relations"], sentences)
    nodes: dict[str, dict[str, Any]] = {}
    node_evidence: dict[str, list[Evidence]] = defaultdict(list)
    aliases: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        node = node_ids.get(e["id"])
        if node is None:
            continue
        props = _node_props(e, nodes.get(node), node)
        if e["label"] == "PERSON":
            aliases[node].add(e["norm"])
        nodes[node] = props
        node_evidence[node].append(evidence(e["start"], e["end"], e["source"], e["confidence"], sentence=False))
    for node, names in aliases.items():
        others = sorted(names - {nodes[node]["name"]})
        if others:
            nodes[node]["aliases"] = others
        if any("○" in n for n in names) and all("○" in n or "*" in n for n in names):
            nodes[node]["masked"] = True
    batch = GraphBatch()
    batch.nodes.append(NodeRow(doc_id, _document_props(source, result, kind, ingested_at)))
    batch.nodes.extend(NodeRow(node, props, node_evidence[node]) for node, props in nodes.items())

    for r in result["relations"]:
        head, tail = node_ids.get(r["head"]), node_ids.get(r["tail"])
        if head is None or tail is None or head == tail:
            continue
        rel_type = r["type"]
        if rel_type in ("REFERRED_TO", "INDICTED_BY", "MEMBER_OF") and not tail.startswith("org:"):
            continue
        ev = evidence(r["start"], r["end"], r["source"], r["confidence"])
        start, end = (head, tail)
        if rel_type == "ASSOCIATE_OF" and start > end:
            start, end = end, start  # one relationship per pair, whichever way it was written
        batch.rels.append(RelRow(rel_type, start, end, evidence=[ev]))
    if kind == "case":
        _add_case(batch, doc_id, text, result, node_ids, grading, evidence)
    return batch


def _node_ids(doc_id: str, text: str, entities: list[dict[str, Any]], relations: list[dict[str, Any]],
              sentences: Sentences) -> dict[str, str]:
    """Entity id -> node id, for the entities that become nodes."""
    by_id = {e["id"]: e for e in entities}
    out: dict[str, str] = {}
    # a person's name key: the full name a short form or bracketed form stands for
    name_of: dict[str, str] = {}
    people = [e for e in entities if e["label"] == "PERSON"]
    previous: dict[str, Any] | None = None
    for e in people:
        attrs = e.get("attrs") or {}
        key = str(attrs.get("of") or e["norm"])
        if previous is not None and text[previous["end"] : e["start"]].strip() in ("(", "（", "（ ", "( "):
            key = name_of[previous["id"]]  # 陳偉廷（CHEN WEI-TING）: one person
        name_of[e["id"]] = key
        previous = e
    passports: dict[str, str] = {}
    for r in relations:
        tail = by_id.get(r["tail"])
        if r["type"] == "HAS_IDENTIFIER" and tail is not None and tail["label"] == "PASSPORT":
            passports.setdefault(name_of.get(r["head"], ""), tail["norm"])
    for e in entities:
        label = e["label"]
        if label == "PERSON":
            key = name_of[e["id"]]
            out[e["id"]] = person_id(doc_id, key, passports.get(key))
        elif label in _IDENTIFIER_TYPES:
            out[e["id"]] = identifier_id(_IDENTIFIER_TYPES[label], e["norm"])
        elif label == "ORG":
            out[e["id"]] = organization_id(e["norm"])
        elif label == "LOC":
            out[e["id"]] = location_id(e["norm"], e.get("country"))
        elif label == "FLIGHT":
            day = _flight_day(e, entities, sentences)
            key = flight_key(e["norm"], day) if day else None
            if key:
                out[e["id"]] = make_id("Flight", key)
    return out


def _flight_day(flight: dict[str, Any], entities: list[dict[str, Any]], sentences: Sentences) -> str | None:
    """The day of a flight: the full date nearest it in its sentence, else the last one before it."""
    bounds = sentences.bounds(flight["start"])
    days = [e for e in entities if e["label"] == "DATE" and len(e["norm"]) == 10]
    inside = [e for e in days if bounds[0] <= e["start"] < bounds[1]]
    if inside:
        return min(inside, key=lambda e: abs(e["start"] - flight["start"]))["norm"]
    before = [e for e in days if e["end"] <= flight["start"]]
    return before[-1]["norm"] if before else None


def _node_props(e: dict[str, Any], current: dict[str, Any] | None, node: str) -> dict[str, Any]:
    label, attrs = e["label"], e.get("attrs") or {}
    if label == "PERSON":
        if current is not None:
            # the longest name written is the name; the others become aliases
            return current if len(current["name"]) >= len(e["norm"]) else {**current, "name": e["norm"]}
        props: dict[str, Any] = {"name": e["norm"]}
        if attrs.get("masked"):
            props["masked"] = True
        return props
    if label in _IDENTIFIER_TYPES:
        props = {"type": _IDENTIFIER_TYPES[label], "value": e["norm"]}
        if attrs.get("platform"):
            props["platform"] = attrs["platform"]
        if e.get("country") or attrs.get("country"):
            props["country"] = e.get("country") or attrs.get("country")
        return props
    if label == "ORG":
        return {"name": e["norm"], "kind": attrs.get("kind", "organisation")}
    if label == "LOC":
        props = {"name": e["norm"], "kind": attrs.get("kind")}
        if e.get("country"):
            props["country"] = e["country"]
        if attrs.get("iata"):
            props["iata"] = attrs["iata"]
        return {k: v for k, v in props.items() if v is not None}
    if label == "FLIGHT":
        key = node.removeprefix("flight:")
        return {"key": key, "number": e["norm"], "date": key.split("@", 1)[1]}
    return {}


def _document_props(source: SourceDocument, result: dict[str, Any], kind: str, ingested_at: str) -> dict[str, Any]:
    first_line = source.text.strip().split("\n", 1)[0].lstrip("# ").strip()
    return {
        "kind": kind,
        "title": first_line[:120],
        "path": source.path,
        "lang": result["doc"]["lang"],
        "chars": len(source.text),
        "text": source.text,
        "pages": [str(start) for start, _ in source.pages],
        "ingested_at": ingested_at,
    }


def airport(code: str | None) -> tuple[str, dict[str, Any]] | None:
    """The node id and properties of the airport with this IATA code, if the gazetteer knows it."""
    from nlp.places import gazetteer

    if not code:
        return None
    place = gazetteer()[3].get(code)
    if place is None:
        return None
    return location_id(place.name, place.country), {"name": place.name, "kind": "airport", "country": place.country,
                                                    "iata": code}


def _add_case(batch: GraphBatch, doc_id: str, text: str, result: dict[str, Any], node_ids: dict[str, str],
              grading: Grading, evidence: Any) -> None:
    facts: CaseFacts = case_facts(text, result)
    case = make_id("Case", doc_id)
    props: dict[str, Any] = {
        "title": batch.nodes[0].props["title"],
        "offenses": list(facts.offenses),
        "exploitation": facts.exploitation,
        "referred_on": facts.referred_on,
        "indicted_on": facts.indicted_on,
        "suspects": facts.suspects,
        "victims": facts.victims,
        "defendants": facts.defendants,
        "trafficking": facts.is_trafficking,
    }
    span = facts.evidence.get("referral") or facts.evidence.get("indictment") or (0, min(len(text), 1))
    case_ev = evidence(span[0], span[1], "rules.casefacts", 0.8)
    batch.nodes.append(NodeRow(case, {k: v for k, v in props.items() if v is not None}, [case_ev]))
    for rel_type, office, on, key in (("REFERRED_TO", facts.office, facts.referred_on, "referral"),
                                      ("INDICTED_BY", facts.indicting_office, facts.indicted_on, "indictment")):
        if office:
            s, e = facts.evidence[key]
            batch.rels.append(RelRow(rel_type, case, organization_id(office), {"date": on} if on else {},
                                     [evidence(s, e, "rules.casefacts", 0.8)]))
    for entity in result["entities"]:
        rel_type = _ROLE_IN_CASE.get(entity.get("role", ""))
        node = node_ids.get(entity["id"])
        if rel_type and node:
            batch.rels.append(RelRow(rel_type, node, case, evidence=[
                evidence(entity["start"], entity["end"], "rules.roles", entity["confidence"])]))
