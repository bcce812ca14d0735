"""Batched, idempotent writes: nodes, relationships and their evidence, in one transaction.

A ``GraphBatch`` holds what one document (or one register) contributes. ``write_batch``
writes all of it in a single write transaction, with ``UNWIND`` batches of
``batch_size`` rows per statement (10k rows are a handful of round trips), so it lands
whole or not at all. Writing it again changes nothing: nodes and relationships are
MERGEd on their stable ids, and evidence is appended only when its key is new.

Evidence of a node is a ``MENTIONED_IN`` relationship to its document (one per span);
evidence of a relationship is kept on it as parallel lists (see
``graph.model.EVIDENCE_LISTS``), appended in the same statement that MERGEs it.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from graph import namekeys
from graph.cypher import fill
from graph.errors import MissingEndpoints, ModelError
from graph.model import MODEL, Evidence, Grading, rel_id
from graph.store import Store, Tx

__all__ = ["NodeRow", "RelRow", "GraphBatch", "WriteSummary", "write_batch", "write_batches", "regrade_relationship_evidence", "regrade_mention"]


@dataclass(frozen=True)
class NodeRow:
    """One node to upsert: its id (which tells its kind), properties and evidence."""

    id: str
    props: Mapping[str, Any] = field(default_factory=dict)
    evidence: Sequence[Evidence] = ()


@dataclass(frozen=True)
class RelRow:
    """One relationship to upsert between two node ids; ``key`` tells apart parallel ones."""

    type: str
    start: str
    end: str
    props: Mapping[str, Any] = field(default_factory=dict)
    evidence: Sequence[Evidence] = ()
    key: str = ""

    @property
    def id(self) -> str:
        return rel_id(self.type, self.start, self.end, self.key)


@dataclass
class GraphBatch:
    """Everything one source contributes; written in one transaction."""

    nodes: list[NodeRow] = field(default_factory=list)
    rels: list[RelRow] = field(default_factory=list)


@dataclass(frozen=True)
class WriteSummary:
    nodes: int
    relationships: int
    evidence_added: int
    round_trips: int


UPSERT_NODES = """
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n.created_at = $now
SET n += row.props
"""

# Kinds with aliases keep the first name written and gather every other name into aliases,
# so a person read from several documents (SHIH HAO-SZU, Hao-Szu Shih) keeps them all.
UPSERT_NAMED_NODES = """
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n.created_at = $now
WITH n, row, n.name AS kept, coalesce(n.aliases, []) AS old
SET n += row.props
SET n.name = coalesce(kept, row.props.name)
WITH n, reduce(acc = [], x IN old + coalesce(row.props.aliases, []) + [row.props.name] |
     CASE WHEN x IS NULL OR x = n.name OR x IN acc THEN acc ELSE acc + x END) AS names
SET n.aliases = names
"""

UPSERT_NAME_KEYS = """
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
UNWIND row.keys AS key
MERGE (k:NameKey {id: key})
MERGE (n)-[:HAS_NAME_KEY]->(k)
"""

UPSERT_MENTIONS = """
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
MATCH (d:Document {id: row.ev.doc})
MERGE (n)-[m:MENTIONED_IN {key: row.ev.key}]->(d)
ON CREATE SET m += row.ev, m.created_at = $now, m.batch = $batch
RETURN count(m) AS written, sum(CASE WHEN m.batch = $batch THEN 1 ELSE 0 END) AS added
"""

UPSERT_RELS = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
ON CREATE SET r.created_at = $now
SET r += row.props
WITH r, row, [e IN row.evs WHERE NOT e.key IN coalesce(r.ev_key, [])] AS new
SET r.ev_key = coalesce(r.ev_key, []) + [e IN new | e.key],
    r.ev_doc = coalesce(r.ev_doc, []) + [e IN new | e.doc],
    r.ev_grade = coalesce(r.ev_grade, []) + [e IN new | e.grade],
    r.ev_json = coalesce(r.ev_json, []) + [e IN new | e.json]
RETURN row.id AS id, size(new) AS added
"""

READ_REL_EVIDENCE = """
MATCH (:__START__ {id: $start})-[r:__TYPE__ {id: $id}]->()
RETURN r.ev_key AS keys, r.ev_grade AS grades, r.ev_json AS records
"""

SET_REL_EVIDENCE = """
MATCH (:__START__ {id: $start})-[r:__TYPE__ {id: $id}]->()
WHERE r.ev_key = $keys
SET r.ev_grade = $grades, r.ev_json = $records
RETURN count(r) AS changed
"""

REGRADE_MENTION = """
MATCH (:__LABEL__ {id: $id})-[m:MENTIONED_IN {key: $key}]->(:Document)
SET m.source = $source, m.info = $info, m.handling = $handling
RETURN count(m) AS changed
"""


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _label_of(entity_id: str) -> str:
    return MODEL.kind_of_id(entity_id).label


def _prepare(batch: GraphBatch) -> dict[str, Any]:
    """Validate the batch against the model and group its rows by statement. Pure."""
    nodes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    keys: dict[str, list[dict[str, Any]]] = defaultdict(list)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in batch.nodes:
        kind = MODEL.kind_of_id(row.id)
        if kind.internal:
            raise ModelError(row.id, f"{kind.label} nodes are internal and cannot be written directly")
        props = MODEL.clean_node(kind.label, row.props)
        merged = nodes[kind.label].setdefault(row.id, {"id": row.id, "props": {}})
        _merge_props(merged["props"], props, named=kind.prop("aliases") is not None)
        names = [str(v) for name in kind.names for v in _as_list(props.get(name))]
        name_keys = sorted({k for n in names for k in namekeys.name_keys(n)})
        if name_keys:
            keys[kind.label].append({"id": row.id, "keys": name_keys})
        mentions[kind.label].extend({"id": row.id, "ev": ev.record()} for ev in row.evidence)
    for label, rows in mentions.items():
        mentions[label] = list({(r["id"], r["ev"]["key"]): r for r in rows}.values())
    rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in batch.rels:
        kind = MODEL.rel(r.type)
        if kind.internal or r.type == "MENTIONED_IN":
            raise ModelError(r.type, "is written by the store itself (evidence and search keys)")
        start, end = _label_of(r.start), _label_of(r.end)
        if (start, end) not in kind.endpoints:
            raise ModelError(r.type, f"cannot join {start} to {end}; allowed: {list(kind.endpoints)}")
        group = (r.type, start, end)
        props = MODEL.clean_rel(r.type, r.props)
        merged = rels[group].setdefault(r.id, {"id": r.id, "start": r.start, "end": r.end, "props": {}, "evs": []})
        merged["props"].update(props)
        known = {e["key"] for e in merged["evs"]}
        merged["evs"].extend(e for e in (ev.as_row() for ev in r.evidence) if e["key"] not in known)
    return {"nodes": nodes, "keys": keys, "mentions": mentions, "rels": rels}


def _merge_props(into: dict[str, Any], props: Mapping[str, Any], *, named: bool) -> None:
    """Later rows win, except that a named kind keeps its first name and gathers the others as
    aliases (as ``UPSERT_NAMED_NODES`` does across transactions)."""
    if not named or "name" not in into:
        into.update(props)
        return
    first = into["name"]
    aliases = [*(into.get("aliases") or []), *(props.get("aliases") or []), props.get("name")]
    into.update(props)
    into["name"] = first
    into["aliases"] = [a for a in dict.fromkeys(aliases) if a and a != first]


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def write_batch(store: Store, batch: GraphBatch, *, batch_size: int = 2000) -> WriteSummary:
    """Write the batch in one transaction; idempotent.

    Raises:
        ModelError: a row does not fit the model (nothing is sent).
        MissingEndpoints: a relationship or mention points at a node not in the graph nor in
            the batch (the transaction is rolled back).
    """
    plan = _prepare(batch)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    batch_id = uuid.uuid4().hex  # marks what this write created, to count it
    before = store.round_trips

    def work(tx: Tx) -> tuple[int, int, int]:
        n_nodes = n_rels = added = 0
        for label, rows in plan["nodes"].items():
            statement = UPSERT_NAMED_NODES if MODEL.node(label).prop("aliases") else UPSERT_NODES
            for chunk in _chunks(list(rows.values()), batch_size):
                tx.run(fill(statement, LABEL=label), {"rows": chunk, "now": now})
                n_nodes += len(chunk)
        for label, rows in plan["keys"].items():
            for chunk in _chunks(rows, batch_size):
                tx.run(fill(UPSERT_NAME_KEYS, LABEL=label), {"rows": chunk})
        for label, rows in plan["mentions"].items():
            for chunk in _chunks(rows, batch_size):
                result = tx.run(fill(UPSERT_MENTIONS, LABEL=label), {"rows": chunk, "now": now, "batch": batch_id})[0]
                if result["written"] != len(chunk):
                    raise MissingEndpoints("MENTIONED_IN", sorted({r["ev"]["doc"] for r in chunk}))
                added += result["added"]
        for (rel_type, start, end), rows in plan["rels"].items():
            statement = fill(UPSERT_RELS, TYPE=rel_type, START=start, END=end)
            for chunk in _chunks(list(rows.values()), batch_size):
                result = tx.run(statement, {"rows": chunk, "now": now})
                written = {r["id"] for r in result}
                missing = [f"{r['start']}->{r['end']}" for r in chunk if r["id"] not in written]
                if missing:
                    raise MissingEndpoints(rel_type, missing)
                n_rels += len(chunk)
                added += sum(r["added"] for r in result)
        return n_nodes, n_rels, added

    n_nodes, n_rels, added = store.write_tx(work, purpose="upsert")
    return WriteSummary(n_nodes, n_rels, added, store.round_trips - before)


def write_batches(store: Store, batches: Sequence[GraphBatch], *, batch_size: int = 2000) -> WriteSummary:
    """Write several batches in one transaction: all of each of them, or none of any."""
    merged = GraphBatch()
    for batch in batches:
        merged.nodes.extend(batch.nodes)
        merged.rels.extend(batch.rels)
    return write_batch(store, merged, batch_size=batch_size)


def regrade_relationship_evidence(store: Store, row: RelRow, evidence_key: str, grading: Grading) -> int:
    """Change the grading of one piece of evidence on a relationship; returns how many changed.

    Read and rewritten in one write transaction; the rewrite only applies if the evidence
    list is unchanged since the read, so a concurrent append is never lost.
    """
    start = _label_of(row.start)
    params = {"start": row.start, "id": row.id}

    def work(tx: Tx) -> int:
        found = tx.run(fill(READ_REL_EVIDENCE, TYPE=row.type, START=start), params)
        if not found or not found[0]["keys"]:
            return 0
        keys, grades, records = found[0]["keys"], list(found[0]["grades"]), list(found[0]["records"])
        hits = [i for i, key in enumerate(keys) if key == evidence_key]
        for i in hits:
            record = json.loads(records[i])
            record.update(source=grading.source, info=grading.info, handling=grading.handling)
            records[i] = json.dumps(record, ensure_ascii=False, sort_keys=True)
            grades[i] = f"{grading.source}{grading.info}{grading.handling}"
        if hits:
            tx.run(fill(SET_REL_EVIDENCE, TYPE=row.type, START=start),
                   {**params, "keys": keys, "grades": grades, "records": records})
        return len(hits)

    return store.write_tx(work, purpose="regrade")


def regrade_mention(store: Store, entity_id: str, evidence_key: str, grading: Grading) -> int:
    """Change the grading of one mention (node evidence); returns how many changed."""
    statement = fill(REGRADE_MENTION, LABEL=_label_of(entity_id))
    params = {"id": entity_id, "key": evidence_key,
              "source": grading.source, "info": grading.info, "handling": grading.handling}
    rows = store.write(statement, params, purpose="regrade")
    return int(rows[0]["changed"]) if rows else 0
