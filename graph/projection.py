"""The bridge from the database to networkx, and back for analysis results.

``to_networkx`` streams a filtered subgraph in two statements (nodes, then relationships),
never one per node. ``subgraph_to_networkx`` turns a view already read (a neighbourhood)
into the same kind of graph. ``write_back`` stores analysis results on nodes, stamped with
the run id and time, so the workbench and playbooks can use them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any, LiteralString, cast

import networkx as nx

from graph.cypher import TRAVERSABLE, fill, public_labels
from graph.errors import ModelError
from graph.model import MODEL
from graph.model import evidence_records
from graph.reads import HIDDEN_PROPS, Subgraph
from graph.store import Store, Tx

__all__ = ["to_networkx", "subgraph_to_networkx", "write_back", "ANALYSIS_PREFIX"]

ANALYSIS_PREFIX = "an_"

PROJECT_RELS = """
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND ($since IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= $since)
  AND ($until IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= $until)
RETURN a.id AS start, b.id AS end, type(r) AS type, properties(r) AS props
"""


def _node_union() -> LiteralString:
    parts = [fill("MATCH (n:__LABEL__) WHERE '__LABEL__' IN $labels AND ($ids IS NULL OR n.id IN $ids) "
                  "RETURN n.id AS id, '__LABEL__' AS label, properties(n) AS props", LABEL=label)
             for label in public_labels()]
    return cast(LiteralString, " UNION ALL ".join(parts))


PROJECT_NODES = _node_union()

# The people of some cases and everything one step from them (their phones, flights, places,
# recruiters): the neighbourhood an investigator means by "these cases".
CASE_NEIGHBOURHOOD = """
MATCH (c:Case)
WHERE c.id IN $cases
OPTIONAL MATCH (p:Person)-[]->(c)
WITH collect(DISTINCT c.id) + collect(DISTINCT p.id) AS core
UNWIND core AS id
MATCH (n {id: id})
OPTIONAL MATCH (n)-[]-(x)
RETURN collect(DISTINCT n.id) + collect(DISTINCT x.id) AS ids
"""


def _add_rel(g: nx.MultiDiGraph, start: str, end: str, rel_type: str, props: Mapping[str, Any]) -> None:
    plain = {k: v for k, v in props.items() if not k.startswith("ev_")}
    evidence = evidence_records(dict(props))
    g.add_edge(start, end, key=plain.get("id") or rel_type, type=rel_type,
               evidence=len(evidence), documents=len({e["doc"] for e in evidence}), **{k: v for k, v in plain.items() if k != "type"})


def to_networkx(
    store: Store,
    *,
    labels: Sequence[str] | None = None,
    rel_types: Sequence[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    cases: Sequence[str] | None = None,
    roles: Sequence[str] | None = None,
) -> nx.MultiDiGraph:
    """The subgraph of the given node kinds and relationship types as a MultiDiGraph.

    ``cases`` narrows it to those cases, their people and what is one step from them;
    ``roles`` keeps only the people with one of those roles (suspect, victim, recruiter), with
    every node that is not a person.

    Nodes carry their properties and ``label``; edges carry ``type``, their properties,
    ``evidence`` (how many pieces) and ``documents`` (how many distinct documents).
    Relationships whose ends fall outside ``labels`` are left out.
    """
    wanted_labels = list(labels) if labels else [l for l in public_labels() if l != "Document"]
    for label in wanted_labels:
        MODEL.node(label)
    types = list(rel_types) if rel_types else list(TRAVERSABLE)
    for t in types:
        MODEL.rel(t)

    if roles:
        unknown = sorted(set(roles) - set(_ROLE_OF_REL.values()))
        if unknown:
            raise ValueError(f"roles {unknown}: choose among {sorted(set(_ROLE_OF_REL.values()))}")

    def work(tx: Tx) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        ids = None
        if cases:
            found = tx.run(CASE_NEIGHBOURHOOD, {"cases": list(cases)})
            ids = sorted({i for i in (found[0]["ids"] if found else []) if i})
        for row in tx.run(PROJECT_NODES, {"labels": wanted_labels, "ids": ids}):
            props = {k: v for k, v in row["props"].items() if k not in HIDDEN_PROPS and k != "id"}
            g.add_node(row["id"], label=row["label"], **props)
        for row in tx.run(PROJECT_RELS, {"types": types, "since": since, "until": until, "ids": ids}):
            if row["start"] in g and row["end"] in g:
                _add_rel(g, row["start"], row["end"], row["type"], row["props"])
        return _only_roles(g, roles) if roles else g

    return store.read_tx(work, purpose="projection")


_ROLE_OF_REL = {"SUSPECT_IN": "suspect", "VICTIM_IN": "victim", "RECRUITER_IN": "recruiter"}
_ROLE_OF_EDGE_END = {("RECRUITED", 0): "recruiter", ("RECRUITED", 1): "victim", ("TRAFFICKED", 0): "suspect",
                     ("TRAFFICKED", 1): "victim"}


def _only_roles(g: nx.MultiDiGraph, roles: Sequence[str]) -> nx.MultiDiGraph:
    """``g`` without the people who have none of ``roles`` (by their case and recruitment ties). Pure."""
    have: dict[str, set[str]] = {}
    for a, b, data in g.edges(data=True):
        role = _ROLE_OF_REL.get(data.get("type", ""))
        if role:
            have.setdefault(a, set()).add(role)
        for end, node in ((0, a), (1, b)):
            role = _ROLE_OF_EDGE_END.get((data.get("type", ""), end))
            if role:
                have.setdefault(node, set()).add(role)
    wanted = set(roles)
    drop = [n for n, d in g.nodes(data=True) if d.get("label") == "Person" and not have.get(n, set()) & wanted]
    kept = g.copy()
    kept.remove_nodes_from(drop)
    return kept


def subgraph_to_networkx(view: Subgraph) -> nx.MultiDiGraph:
    """A view read with ``graph.reads.neighbourhood`` as a MultiDiGraph. Pure."""
    g = nx.MultiDiGraph()
    for node_id, props in view.nodes.items():
        g.add_node(node_id, **{k: v for k, v in props.items() if k != "id"})
    for rel_id, rel in view.relationships.items():
        g.add_edge(rel["start"], rel["end"], key=rel_id, type=rel["type"], evidence=len(rel["evidence"]),
                   documents=len({e["doc"] for e in rel["evidence"]}),
                   **{k: v for k, v in rel["props"].items() if k not in ("id", "type")})
    return g


WRITE_BACK = """
UNWIND $rows AS row
MATCH (n:__LABEL__ {id: row.id})
SET n += row.props, n.an_run = $run, n.an_at = $at
RETURN count(n) AS written
"""

_RESULT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


def write_back(store: Store, label: str, results: Mapping[str, Mapping[str, Any]], *, run_id: str,
               batch_size: int = 2000) -> int:
    """Store analysis results on nodes as ``an_<name>`` properties; returns nodes written.

    Args:
        label: the kind of the nodes (all results of one call are of one kind).
        results: node id -> {result name: number, string or bool}.
        run_id: identifies the analysis run; stored as ``an_run`` with the time as ``an_at``.
    Raises:
        ValueError: a result name is not lower_snake_case or a value is not a scalar.
    """
    MODEL.node(label)
    rows: list[dict[str, Any]] = []
    for node_id, values in results.items():
        if MODEL.kind_of_id(node_id).label != label:
            raise ModelError(node_id, f"is not a {label}")
        props: dict[str, Any] = {}
        for name, value in values.items():
            if not _RESULT_NAME.match(name):
                raise ValueError(f"result name {name!r} must be lower_snake_case")
            if not isinstance(value, (int, float, str, bool)):
                raise ValueError(f"result {name!r} of {node_id} must be a number, string or bool")
            props[ANALYSIS_PREFIX + name] = value
        rows.append({"id": node_id, "props": props})
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    statement = fill(WRITE_BACK, LABEL=label)

    def work(tx: Tx) -> int:
        written = 0
        for i in range(0, len(rows), batch_size):
            written += tx.run(statement, {"rows": rows[i : i + batch_size], "run": run_id, "at": at})[0]["written"]
        return written

    return store.write_tx(work, purpose="write-back")
