"""Reads, each in a read transaction: an entity with its evidence, neighbourhoods, paths,
search, counts.

Neighbourhoods are expanded hop by hop, one statement per hop for the whole frontier (never
one per node), with a cap on nodes; what the cap left out is counted so the user can be
told how to narrow. Name search goes through ``NameKey`` nodes (see ``graph.namekeys``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

from graph import namekeys
from graph.cypher import TRAVERSABLE, fill, public_labels
from graph.errors import ModelError, NotFound
from graph.model import MODEL, evidence_records
from graph.store import Store, Tx

__all__ = [
    "Entity",
    "Subgraph",
    "get_entity",
    "neighbourhood",
    "shortest_paths",
    "search",
    "counts",
]

HIDDEN_PROPS = ("text",)  # large document text stays out of node listings


@dataclass
class Entity:
    """A node with its properties, its mentions (node evidence) and its relationships."""

    id: str
    label: str
    props: dict[str, Any]
    mentions: list[dict[str, Any]]
    relationships: list[dict[str, Any]]


@dataclass
class Subgraph:
    """Nodes and relationships of a view, with what the caps left out."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    relationships: dict[str, dict[str, Any]] = field(default_factory=dict)
    truncated: bool = False
    omitted_nodes: int = 0


def _plain_rel_props(rel_props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rel_props.items() if not k.startswith("ev_")}


ENTITY = """
MATCH (n:__LABEL__ {id: $id})
OPTIONAL MATCH (n)-[m:MENTIONED_IN]->(d:Document)
WITH n, m, d ORDER BY d.id, m.start
RETURN properties(n) AS props,
       collect(CASE WHEN m IS NULL THEN NULL ELSE m {.*, doc_title: d.title, doc_kind: d.kind} END) AS mentions
"""

ENTITY_PROPS = """
MATCH (n:__LABEL__ {id: $id})
RETURN properties(n) AS props
"""

ENTITY_RELS = """
MATCH (n:__LABEL__ {id: $id})-[r]-(m)
WHERE NOT type(r) IN ['MENTIONED_IN', 'HAS_NAME_KEY']
RETURN type(r) AS type, startNode(r) = n AS outgoing, m.id AS other, labels(m)[0] AS other_label,
       coalesce(m.name, m.key, m.number, m.value, m.title, m.kind, m.id) AS other_name, properties(r) AS props
ORDER BY type, other
LIMIT $limit
"""


def get_entity(store: Store, entity_id: str, *, max_relationships: int = 500) -> Entity:
    """One entity with every mention and its relationships (each with its evidence).

    Raises:
        NotFound: no node has this id.
        ModelError: the id is not a tipgraph id.
    """
    label = MODEL.kind_of_id(entity_id).label

    def work(tx: Tx) -> Entity:
        rows = tx.run(fill(ENTITY, LABEL=label), {"id": entity_id})
        if not rows:
            raise NotFound(entity_id)
        rels = tx.run(fill(ENTITY_RELS, LABEL=label), {"id": entity_id, "limit": max_relationships})
        relationships = [
            {**{k: v for k, v in r.items() if k != "props"}, "props": _plain_rel_props(r["props"]), "evidence": evidence_records(r["props"])}
            for r in rels
        ]
        return Entity(entity_id, label, rows[0]["props"], rows[0]["mentions"], relationships)

    return store.read_tx(work, purpose="entity")


def _frontier_union() -> LiteralString:
    """A subquery returning the nodes whose ids are in $f_<Label>, label by label (index seeks)."""
    parts = [fill("UNWIND $f___LABEL__ AS i MATCH (n:__LABEL__ {id: i}) RETURN n", LABEL=label) for label in public_labels()]
    return cast(LiteralString, " UNION ALL ".join(parts))


EXPAND = (
    "CALL { "
    + _frontier_union()
    + """ }
MATCH (n)-[r]-(m)
WHERE type(r) IN $types
  AND ($labels IS NULL OR labels(m)[0] IN $labels)
  AND ($since IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= $since)
  AND ($until IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= $until)
RETURN n.id AS src, m.id AS dst, labels(m)[0] AS label, properties(m) AS node,
       type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS rel
LIMIT $row_cap
"""
)


def _frontier_params(ids: Sequence[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {f"f_{label}": [] for label in public_labels()}
    for entity_id in ids:
        params[f"f_{MODEL.kind_of_id(entity_id).label}"].append(entity_id)
    return params


def _node_view(label: str, props: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, **{k: v for k, v in props.items() if k not in HIDDEN_PROPS}}


def neighbourhood(
    store: Store,
    entity_id: str,
    *,
    hops: int = 1,
    max_nodes: int = 300,
    labels: Sequence[str] | None = None,
    rel_types: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Subgraph:
    """The nodes within ``hops`` (1-3) of an entity, at most ``max_nodes`` of them.

    Args:
        labels: keep only neighbours of these kinds (the start node is always kept).
        rel_types: follow only these relationship types (default: all but provenance).
        since, until: ISO dates; relationships dated outside the window are not followed
            (undated ones are).
    Raises:
        ValueError: ``hops`` or ``max_nodes`` out of range; ModelError: unknown label or type.
    """
    if not 1 <= hops <= 3:
        raise ValueError(f"hops must be 1, 2 or 3, not {hops}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    types = list(rel_types) if rel_types else list(TRAVERSABLE)
    for t in types:
        if t not in TRAVERSABLE:
            raise ModelError("rel_types", f"{t!r} cannot be followed; choose from {list(TRAVERSABLE)}")
    for label in labels or ():
        MODEL.node(label)
    start_label = MODEL.kind_of_id(entity_id).label

    def work(tx: Tx) -> Subgraph:
        start = tx.run(fill(ENTITY_PROPS, LABEL=start_label), {"id": entity_id})
        if not start:
            raise NotFound(entity_id)
        view = Subgraph()
        view.nodes[entity_id] = _node_view(start_label, start[0]["props"])
        frontier = [entity_id]
        row_cap = max(1000, max_nodes * 20)
        for _ in range(hops):
            if not frontier:
                break
            params: dict[str, Any] = {
                **_frontier_params(frontier), "types": types, "labels": list(labels) if labels else None,
                "since": since, "until": until, "row_cap": row_cap,
            }
            rows = tx.run(EXPAND, params)
            if len(rows) >= row_cap:
                view.truncated = True
            next_frontier: list[str] = []
            left_out: set[str] = set()
            for row in rows:
                dst = row["dst"]
                if dst not in view.nodes:
                    if len(view.nodes) >= max_nodes:
                        left_out.add(dst)
                        continue
                    view.nodes[dst] = _node_view(row["label"], row["node"])
                    next_frontier.append(dst)
                rel = row["rel"]
                src, end = (row["src"], dst) if row["outgoing"] else (dst, row["src"])
                view.relationships[rel.get("id") or f"{src}-{row['type']}-{end}"] = {
                    "type": row["type"], "start": src, "end": end,
                    "props": _plain_rel_props(rel), "evidence": evidence_records(rel),
                }
            if left_out:
                view.truncated = True
                view.omitted_nodes += len(left_out)
            frontier = next_frontier
        return view

    return store.read_tx(work, purpose="neighbourhood")


SHORTEST_PATHS = (
    """
MATCH (a:__START__ {id: $a})
MATCH (b:__END__ {id: $b})
MATCH p = allShortestPaths((a)-[:"""
    + "|".join(TRAVERSABLE)
    + """*..8]-(b))
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | {id: n.id, label: labels(n)[0], name: coalesce(n.name, n.key, n.number, n.value, n.title, n.id)}] AS nodes,
       [r IN relationships(p) | {type: type(r), id: r.id, start: startNode(r).id, end: endNode(r).id,
        evidence: size(coalesce(r.ev_key, []))}] AS relationships
LIMIT $limit
"""
)


def shortest_paths(store: Store, a: str, b: str, *, max_hops: int = 6, limit: int = 5) -> list[dict[str, Any]]:
    """Up to ``limit`` shortest paths (at most ``max_hops`` long, max 8) between two entities."""
    if not 1 <= max_hops <= 8:
        raise ValueError(f"max_hops must be 1-8, not {max_hops}")
    statement = fill(SHORTEST_PATHS, START=MODEL.kind_of_id(a).label, END=MODEL.kind_of_id(b).label)
    return store.read(statement, {"a": a, "b": b, "max_hops": max_hops, "limit": limit}, purpose="paths")


SEARCH_NAMES = """
UNWIND $keys AS q
MATCH (k:NameKey) WHERE k.id STARTS WITH q
WITH q, k LIMIT $key_cap
MATCH (n)-[:HAS_NAME_KEY]->(k)
WITH n, min(CASE WHEN q = $masked THEN 2 WHEN k.id = q THEN 0 ELSE 1 END) AS rank
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.number, n.title, n.key) AS name,
       coalesce(n.masked, false) AS masked, rank
ORDER BY rank, name, id
LIMIT $limit
"""

SEARCH_IDENTIFIERS = """
UNWIND $values AS v
MATCH (i:Identifier) WHERE i.value STARTS WITH v
WITH DISTINCT i LIMIT $limit
OPTIONAL MATCH (holder)-[:HAS_IDENTIFIER]->(i)
RETURN i.id AS id, 'Identifier' AS label, i.value AS name, i.type AS type,
       collect(holder.id)[..20] AS holders
"""


def _identifier_forms(query: str) -> list[str]:
    raw = query.strip()
    compact = "".join(ch for ch in raw if ch not in " -().")
    forms = {raw, compact, compact.upper()}
    if compact.isdigit():
        forms.add("+" + compact)
    return sorted(f for f in forms if len(f) >= 3)


def search(store: Store, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose names, case numbers or identifiers start with (a part of) the query.

    Exact key matches rank first (``rank`` 0), then prefixes (1); a full Chinese name also
    finds masked mentions of it (rank 2, ``masked`` true), which are possible matches only.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    keys = namekeys.query_keys(query)
    masked = next((k for k in keys[1:] if namekeys.MASK in k and namekeys.MASK not in keys[0]), None)
    forms = _identifier_forms(query)

    def work(tx: Tx) -> list[dict[str, Any]]:
        hits: list[dict[str, Any]] = []
        if keys:
            hits.extend(tx.run(SEARCH_NAMES, {"keys": keys, "masked": masked, "key_cap": limit * 20, "limit": limit}))
        if forms:
            hits.extend(tx.run(SEARCH_IDENTIFIERS, {"values": forms, "limit": limit}))
        return hits[:limit]

    return store.read_tx(work, purpose="search")


def _count_statement() -> LiteralString:
    parts = [fill("MATCH (n:__LABEL__) RETURN 'node' AS kind, '__LABEL__' AS name, count(n) AS n", LABEL=label)
             for label in public_labels()]
    parts += [fill("MATCH ()-[r:__TYPE__]->() RETURN 'rel' AS kind, '__TYPE__' AS name, count(r) AS n", TYPE=t)
              for t in (r.type for r in MODEL.public_rels)]
    return cast(LiteralString, " UNION ALL ".join(parts))


COUNTS = _count_statement()


def counts(store: Store) -> dict[str, dict[str, int]]:
    """Nodes per label and relationships per type, zeros included (internal search keys left out)."""
    rows = store.read(COUNTS, purpose="counts")
    out: dict[str, dict[str, int]] = {
        "nodes": {label: 0 for label in public_labels()},
        "relationships": {r.type: 0 for r in MODEL.public_rels},
    }
    for row in rows:
        out["nodes" if row["kind"] == "node" else "relationships"][row["name"]] = int(row["n"])
    return out
