"""How a playbook's rows become a link chart: which columns are nodes and which pairs are edges.

Declared in the playbook file under ``graph:``, either as node and edge columns::

    graph:
      nodes:
        - {id: recruiter, label: recruiter_name, kind: Person}
        - {id: victim_ids, label: victim_names, kind: Person}   # list columns: one node per item
      edges:
        - {from: recruiter, to: victim_ids, type: RECRUITED}

or, for rows that each hold a path, as the columns of its nodes and relationships::

    graph:
      path: {nodes: node_ids, labels: node_names, kinds: node_kinds, types: rel_types}

``to_graph`` turns rows into ``{"nodes": [...], "edges": [...]}`` with each node once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import MODEL
from playbooks.errors import PlaybookFileError

__all__ = ["GraphSpec", "NodeSpec", "EdgeSpec", "PathSpec", "parse_graph_spec", "to_graph"]


@dataclass(frozen=True)
class NodeSpec:
    id: str
    label: str | None
    kind: str


@dataclass(frozen=True)
class EdgeSpec:
    source: str
    target: str
    type: str


@dataclass(frozen=True)
class PathSpec:
    nodes: str
    labels: str | None
    kinds: str | None
    types: str


@dataclass(frozen=True)
class GraphSpec:
    nodes: tuple[NodeSpec, ...] = ()
    edges: tuple[EdgeSpec, ...] = ()
    path: PathSpec | None = None


def _columns_exist(where: str, columns: Sequence[str], names: Iterable[str | None]) -> None:
    for name in names:
        if name is not None and name not in columns:
            raise PlaybookFileError(where, f"graph: column {name!r} is not one of the output columns {list(columns)}")


def parse_graph_spec(where: str, raw: Any, columns: Sequence[str]) -> GraphSpec:
    """The ``graph:`` section checked against the output columns and the model's node kinds."""
    if not isinstance(raw, Mapping) or not (set(raw) <= {"nodes", "edges", "path"}) or not raw:
        raise PlaybookFileError(where, "graph: give nodes: and edges:, or path:")
    try:
        if "path" in raw:
            p = raw["path"]
            path = PathSpec(p["nodes"], p.get("labels"), p.get("kinds"), p["types"])
            _columns_exist(where, columns, (path.nodes, path.labels, path.kinds, path.types))
            return GraphSpec(path=path)
        nodes = tuple(NodeSpec(n["id"], n.get("label"), n["kind"]) for n in raw.get("nodes") or ())
        edges = tuple(EdgeSpec(e["from"], e["to"], e["type"]) for e in raw.get("edges") or ())
    except (KeyError, TypeError) as e:
        raise PlaybookFileError(where, f"graph: an entry lacks {e}; nodes need id and kind, edges from, to "
                                       "and type, a path nodes and types") from None
    for n in nodes:
        _columns_exist(where, columns, (n.id, n.label))
        if n.kind not in MODEL.nodes:
            raise PlaybookFileError(where, f"graph: kind {n.kind!r} is not a node kind of the model")
    node_columns = {n.id for n in nodes}
    for e in edges:
        if e.source not in node_columns or e.target not in node_columns:
            raise PlaybookFileError(where, f"graph: edge {e.source} -> {e.target} must join node columns "
                                           f"({', '.join(sorted(node_columns))})")
    return GraphSpec(nodes=nodes, edges=edges)


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def to_graph(spec: GraphSpec, rows: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Nodes (each id once, with label and kind) and edges (source, target, type) of ``rows``."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def node(node_id: Any, label: Any, kind: str) -> None:
        if node_id is not None and str(node_id) not in nodes:
            nodes[str(node_id)] = {"id": str(node_id), "label": str(label) if label is not None else str(node_id),
                                   "kind": kind}

    def edge(source: Any, target: Any, type_: str) -> None:
        if source is not None and target is not None and source != target:
            edges.setdefault((str(source), str(target), type_), {"source": str(source), "target": str(target),
                                                                 "type": type_})

    for row in rows:
        if spec.path is not None:
            ids = _items(row.get(spec.path.nodes))
            labels = _items(row.get(spec.path.labels)) if spec.path.labels else []
            kinds = _items(row.get(spec.path.kinds)) if spec.path.kinds else []
            for i, node_id in enumerate(ids):
                node(node_id, labels[i] if i < len(labels) else None, kinds[i] if i < len(kinds) else "")
            for a, b, type_ in zip(ids, ids[1:], _items(row.get(spec.path.types))):
                edge(a, b, str(type_))
            continue
        for n in spec.nodes:
            ids = _items(row.get(n.id))
            labels = _items(row.get(n.label)) if n.label else []
            for i, node_id in enumerate(ids):
                node(node_id, labels[i] if i < len(labels) else None, n.kind)
        for e in spec.edges:
            for source in _items(row.get(e.source)):
                for target in _items(row.get(e.target)):
                    edge(source, target, e.type)
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}
