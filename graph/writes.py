"""Batched, idempotent writes: nodes, relationships and their evidence, in one transaction.

A ``GraphBatch`` holds what one document (or one register) contributes. ``write_batch``
writes all of it in a single write transaction, with ``UNWIND`` batches of
``batch_size`` rows per statement (10k rows are a handful of round trips), so it lands
whole or not at all. Writing it again changes nothing: nodes and relationships are
MERGEd on their stable ids, and evidence is appended only when its key is new.

Evidence of a node is a ``MENTIONED_IN`` relationship to its document (one per span);
evidence of a relationship is kept on it as parallel lists ``ev_key``, ``ev_doc``,
``ev_start``, ... (see ``graph.model.EVIDENCE_FIELDS``).
"""

from __future__ import annotations

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

__all__ = ["NodeRow", "RelRow", "GraphBatch", "WriteSummary", "write_batch", "regrade_relationship_evidence"]


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
OPTIONAL MATCH (n)-[old:MENTIONED_IN {key: row.ev.key}]->(d)
WITH n, d, row, old
MERGE (n)-[m:MENTIONED_IN {key: row.ev.key}]->(d)
ON CREATE SET m += row.ev, m.created_at = $now
RETURN count(m) AS written, count(old) AS existed
"""

UPSERT_RELS = """
UNWIND $rows AS row
MATCH (a:__START__ {id: row.start})
MATCH (b:__END__ {id: row.end})
MERGE (a)-[r:__TYPE__ {id: row.id}]->(b)
ON CREATE SET r.created_at = $now
SET r += row.props
RETURN collect(row.id) AS written
"""

APPEND_REL_EVIDENCE = """
UNWIND $rows AS row
MATCH (:__START__ {id: row.start})-[r:__TYPE__ {id: row.id}]->(:__END__ {id: row.end})
WITH r, row.ev AS ev
WHERE NOT ev.key IN coalesce(r.ev_key, [])
SET r.ev_key = coalesce(r.ev_key, []) + ev.key,
    r.ev_doc = coalesce(r.ev_doc, []) + ev.doc,
    r.ev_start = coalesce(r.ev_start, []) + ev.start,
    r.ev_end = coalesce(r.ev_end, []) + ev.end,
    r.ev_extractor = coalesce(r.ev_extractor, []) + ev.extractor,
    r.ev_confidence = coalesce(r.ev_confidence, []) + ev.confidence,
    r.ev_source = coalesce(r.ev_source, []) + ev.source,
    r.ev_info = coalesce(r.ev_info, []) + ev.info,
    r.ev_handling = coalesce(r.ev_handling, []) + ev.handling,
    r.ev_sentence = coalesce(r.ev_sentence, []) + ev.sentence
RETURN count(*) AS added
"""

REGRADE_REL_EVIDENCE = """
MATCH (:__START__ {id: $start})-[r:__TYPE__ {id: $id}]->()
WITH r, [i IN range(0, size(coalesce(r.ev_key, [])) - 1) WHERE r.ev_key[i] = $key] AS hit
WHERE size(hit) > 0
SET r.ev_source = [i IN range(0, size(r.ev_key) - 1) | CASE WHEN i IN hit THEN $source ELSE r.ev_source[i] END],
    r.ev_info = [i IN range(0, size(r.ev_key) - 1) | CASE WHEN i IN hit THEN $info ELSE r.ev_info[i] END],
    r.ev_handling = [i IN range(0, size(r.ev_key) - 1) | CASE WHEN i IN hit THEN $handling ELSE r.ev_handling[i] END]
RETURN size(hit) AS changed
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
        merged["props"].update(props)
        names = [str(v) for name in kind.names for v in _as_list(props.get(name))]
        name_keys = sorted({k for n in names for k in namekeys.name_keys(n)})
        if name_keys:
            keys[kind.label].append({"id": row.id, "keys": name_keys})
        mentions[kind.label].extend({"id": row.id, "ev": ev.as_row()} for ev in row.evidence)
    for label, rows in mentions.items():
        mentions[label] = list({(r["id"], r["ev"]["key"]): r for r in rows}.values())
    rels: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    rel_evidence: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in batch.rels:
        kind = MODEL.rel(r.type)
        if kind.internal or r.type == "MENTIONED_IN":
            raise ModelError(r.type, "is written by the store itself (evidence and search keys)")
        start, end = _label_of(r.start), _label_of(r.end)
        if (start, end) not in kind.endpoints:
            raise ModelError(r.type, f"cannot join {start} to {end}; allowed: {list(kind.endpoints)}")
        group = (r.type, start, end)
        props = MODEL.clean_rel(r.type, r.props)
        merged = rels[group].setdefault(r.id, {"id": r.id, "start": r.start, "end": r.end, "props": {}})
        merged["props"].update(props)
        rel_evidence[group].extend(
            {"id": r.id, "start": r.start, "end": r.end, "ev": ev.as_row()} for ev in r.evidence
        )
    return {"nodes": nodes, "keys": keys, "mentions": mentions, "rels": rels, "rel_evidence": rel_evidence}


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
    before = store.round_trips

    def work(tx: Tx) -> tuple[int, int, int]:
        n_nodes = n_rels = added = 0
        for label, rows in plan["nodes"].items():
            for chunk in _chunks(list(rows.values()), batch_size):
                tx.run(fill(UPSERT_NODES, LABEL=label), {"rows": chunk, "now": now})
                n_nodes += len(chunk)
        for label, rows in plan["keys"].items():
            for chunk in _chunks(rows, batch_size):
                tx.run(fill(UPSERT_NAME_KEYS, LABEL=label), {"rows": chunk})
        for label, rows in plan["mentions"].items():
            for chunk in _chunks(rows, batch_size):
                result = tx.run(fill(UPSERT_MENTIONS, LABEL=label), {"rows": chunk, "now": now})[0]
                if result["written"] != len(chunk):
                    raise MissingEndpoints("MENTIONED_IN", sorted({r["ev"]["doc"] for r in chunk}))
                added += result["written"] - result["existed"]
        for (rel_type, start, end), rows in plan["rels"].items():
            statement = fill(UPSERT_RELS, TYPE=rel_type, START=start, END=end)
            for chunk in _chunks(list(rows.values()), batch_size):
                written = set(tx.run(statement, {"rows": chunk, "now": now})[0]["written"])
                missing = [f"{r['start']}->{r['end']}" for r in chunk if r["id"] not in written]
                if missing:
                    raise MissingEndpoints(rel_type, missing)
                n_rels += len(chunk)
        for (rel_type, start, end), rows in plan["rel_evidence"].items():
            statement = fill(APPEND_REL_EVIDENCE, TYPE=rel_type, START=start, END=end)
            for chunk in _chunks(rows, batch_size):
                added += tx.run(statement, {"rows": chunk})[0]["added"]
        return n_nodes, n_rels, added

    n_nodes, n_rels, added = store.write_tx(work, purpose="upsert")
    return WriteSummary(n_nodes, n_rels, added, store.round_trips - before)


def regrade_relationship_evidence(store: Store, row: RelRow, evidence_key: str, grading: Grading) -> int:
    """Change the grading of one piece of evidence on a relationship; returns how many changed."""
    statement = fill(REGRADE_REL_EVIDENCE, TYPE=row.type, START=_label_of(row.start))
    params = {"start": row.start, "id": row.id, "key": evidence_key,
              "source": grading.source, "info": grading.info, "handling": grading.handling}
    rows = store.write(statement, params, purpose="regrade")
    return int(rows[0]["changed"]) if rows else 0


def regrade_mention(store: Store, entity_id: str, evidence_key: str, grading: Grading) -> int:
    """Change the grading of one mention (node evidence); returns how many changed."""
    statement = fill(REGRADE_MENTION, LABEL=_label_of(entity_id))
    params = {"id": entity_id, "key": evidence_key,
              "source": grading.source, "info": grading.info, "handling": grading.handling}
    rows = store.write(statement, params, purpose="regrade")
    return int(rows[0]["changed"]) if rows else 0
