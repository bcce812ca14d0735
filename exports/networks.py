"""GraphML and GEXF (Gephi, yEd, Cytoscape): the public graph with every attribute a plain value.

GraphML and GEXF attributes are typed and single-valued, so lists are joined with ``; `` and an
attribute that holds numbers of both kinds becomes a float (and one that mixes text and numbers
text) before writing: what is written is exactly what networkx reads back. Each node's ``kind``
is its tipgraph label and its ``label`` a display name (what Gephi shows).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from exports import ExportResult, exporter
from exports.graphdata import ExportData

__all__ = ["display_name", "plain_graph", "write_gexf", "write_graphml"]

_DISPLAY = ("name", "number", "key", "value", "title", "kind")


def display_name(node: str, attrs: dict[str, Any]) -> str:
    """What a node is called on a chart: its name, number, value or title, else its id.

    >>> display_name("flight:BR265@2022-09-01", {"label": "Flight", "key": "BR265@2022-09-01", "number": "BR265"})
    'BR265'
    """
    for prop in _DISPLAY:
        if attrs.get(prop):
            return str(attrs[prop])
    return node


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in sorted(value.items()))
    return value


def _uniform(items: list[dict[str, Any]]) -> None:
    """Give each attribute one type across all items (int+float -> float; text with numbers -> text)."""
    kinds: dict[str, set[type]] = defaultdict(set)
    for attrs in items:
        for key, value in attrs.items():
            kinds[key].add(type(value))
    for key, types in kinds.items():
        if len(types) <= 1:
            continue
        numbers = types <= {int, float}
        for attrs in items:
            if key in attrs:
                attrs[key] = float(attrs[key]) if numbers else _text(attrs[key])


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def plain_graph(g: nx.MultiDiGraph, *, profile: str) -> nx.MultiDiGraph:
    """``g`` with scalar attributes only, one type per attribute name, ``kind`` and ``label`` set."""
    out = nx.MultiDiGraph(profile=profile, source="tipgraph")
    for node, attrs in g.nodes(data=True):
        plain = {k: _plain(v) for k, v in attrs.items() if v is not None and k != "label"}
        plain["kind"] = attrs.get("label", "")
        plain["label"] = display_name(node, attrs)
        out.add_node(node, **plain)
    for start, end, key, attrs in g.edges(keys=True, data=True):
        out.add_edge(start, end, key=str(key), **{k: _plain(v) for k, v in attrs.items() if v is not None})
    _uniform([a for _, a in out.nodes(data=True)])
    _uniform([a for _, _, a in out.edges(data=True)])
    return out


@exporter("graphml", suffix=".graphml", help="GraphML (yEd, Cytoscape, Gephi), readable back by networkx")
def write_graphml(data: ExportData, output: Path, **_: Any) -> ExportResult:
    g = plain_graph(data.graph, profile=data.profile)
    nx.write_graphml(g, output, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return ExportResult("graphml", [str(output)], g.number_of_nodes() + g.number_of_edges(), data.profile,
                        [f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"])


@exporter("gexf", suffix=".gexf", help="GEXF 1.2 for Gephi")
def write_gexf(data: ExportData, output: Path, **_: Any) -> ExportResult:
    g = plain_graph(data.graph, profile=data.profile)
    nx.write_gexf(g, output, encoding="utf-8", prettyprint=True)
    return ExportResult("gexf", [str(output)], g.number_of_nodes() + g.number_of_edges(), data.profile,
                        [f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges"])
