"""Shared helpers for the analyses: argument checks, node kinds, names, dates, flight routes.

Private to ``graph.analytics``; every public analysis validates its arguments with these
before doing any work, so a bad call fails fast with a ``ValueError`` naming the argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import pandas as pd

PERSON = "Person"
CASE_RELS = {"SUSPECT_IN": "suspect", "VICTIM_IN": "victim", "RECRUITER_IN": "recruiter"}
OFFENDER_ROLES = frozenset({"suspect", "recruiter", "trafficker"})


def check_graph(g: Any, name: str = "g") -> None:
    """Raise ``ValueError`` unless ``g`` is a networkx graph."""
    if not isinstance(g, nx.Graph):
        raise ValueError(f"{name} must be a networkx graph (as graph.projection.to_networkx builds), "
                         f"got {type(g).__name__}")


def check_int(value: Any, name: str, *, minimum: int | None = None) -> int:
    """Raise ``ValueError`` unless ``value`` is an int (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_node(g: nx.Graph, value: Any, name: str, *, label: str | None = None) -> str:
    """Raise ``ValueError`` unless ``value`` is a node id of ``g`` (of ``label`` when given)."""
    if not isinstance(value, str) or value not in g:
        raise ValueError(f"{name} must be the id of a node in the graph, got {value!r}")
    if label is not None and g.nodes[value].get("label") != label:
        raise ValueError(f"{name} must be a {label}, got a {g.nodes[value].get('label')!r} node ({value})")
    return value


def check_names(value: Any, name: str, allowed: Iterable[str]) -> tuple[str, ...]:
    """Raise ``ValueError`` unless ``value`` is a non-empty sequence of names from ``allowed``."""
    allowed_set = set(allowed)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ValueError(f"{name} must be a sequence of names from {sorted(allowed_set)}, got {value!r}")
    items = tuple(value)
    if not items:
        raise ValueError(f"{name} must not be empty")
    unknown = [v for v in items if v not in allowed_set]
    if unknown:
        raise ValueError(f"{name} has unknown entries {unknown!r}; choose from {sorted(allowed_set)}")
    return items


def label_of(g: nx.Graph, node: str) -> str | None:
    """The node's kind (``label`` attribute), or ``None`` when it has none."""
    return g.nodes[node].get("label")


def people(g: nx.Graph) -> list[str]:
    """Person ids of ``g`` in sorted order (sorted, so every analysis is deterministic)."""
    return sorted(n for n, d in g.nodes(data=True) if d.get("label") == PERSON)


def name_of(g: nx.Graph, node: str) -> str:
    """A readable name for a node: its name, flight key, identifier value or, failing all, its id."""
    data: Mapping[str, Any] = g.nodes[node] if node in g else {}
    for key in ("name", "number", "title", "value", "key"):
        value = data.get(key)
        if value:
            if key == "number" and data.get("label") == "Flight" and data.get("date"):
                return f"{value}@{data['date']}"
            return str(value)
    return node


def edges_of(g: nx.Graph, node: str, *, out: bool = True) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(u, v, data) for the edges leaving (``out``) or entering ``node``, for any graph kind."""
    if g.is_directed():
        if g.is_multigraph():
            return ((u, v, d) for u, v, _k, d in (g.out_edges(node, keys=True, data=True) if out
                                                   else g.in_edges(node, keys=True, data=True)))
        return g.out_edges(node, data=True) if out else g.in_edges(node, data=True)
    if g.is_multigraph():
        return ((u, v, d) for u, v, _k, d in g.edges(node, keys=True, data=True))
    return g.edges(node, data=True)


def all_edges(g: nx.Graph) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """(u, v, data) for every edge, whether or not ``g`` is a multigraph."""
    if g.is_multigraph():
        return ((u, v, d) for u, v, _k, d in g.edges(keys=True, data=True))
    return g.edges(data=True)


def as_int(value: Any) -> int:
    """An evidence or document count as an int (missing or malformed counts as 0)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value)
    return 0


def date_of_edge(g: nx.Graph, u: str, v: str, data: Mapping[str, Any]) -> str | None:
    """The date of a relationship: ``date``, else ``since``, else the date of a flight at either end."""
    for key in ("date", "since"):
        value = data.get(key)
        if value:
            return str(value)
    for node in (v, u):
        if g.nodes[node].get("label") == "Flight" and g.nodes[node].get("date"):
            return str(g.nodes[node]["date"])
    return None


def before(a: str, b: str) -> bool:
    """True when ISO date ``a`` is strictly earlier than ``b`` at their common precision.

    Partial dates are comparable: ``2022-09`` is neither before nor after ``2022-09-05``.

    >>> before("2021-12-31", "2022"), before("2022-09", "2022-09-05"), before("2022-09-01", "2022-08")
    (True, False, False)
    """
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def flight_route(g: nx.Graph, flight: str) -> tuple[str | None, str | None]:
    """(origin, destination) of a flight: its own properties, else its DEPARTS_FROM/ARRIVES_AT places."""
    data = g.nodes[flight]
    origin, destination = data.get("origin"), data.get("destination")
    if (origin is None or destination is None) and g.is_directed():
        for _u, v, d in edges_of(g, flight):
            place = g.nodes[v].get("iata") or g.nodes[v].get("name") or v
            if d.get("type") == "DEPARTS_FROM" and origin is None:
                origin = place
            elif d.get("type") == "ARRIVES_AT" and destination is None:
                destination = place
    return origin, destination


def route_text(origin: str | None, destination: str | None) -> str:
    """``TPE→PNH``, with ``?`` for an unknown end."""
    return f"{origin or '?'}→{destination or '?'}"


def mask_value(kind: str | None, value: str | None) -> str:
    """A shortened identifier for explanations, so a full number is never repeated in a sentence.

    >>> mask_value("phone", "+886912345678"), mask_value("handle", "@lucky")
    ('+886…', '@lucky')
    """
    if not value:
        return "?"
    if kind in ("phone", "account", "passport") and len(value) > 4:
        return value[:4] + "…"
    return value


def frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly ``columns`` (also when there are no rows)."""
    return pd.DataFrame(rows, columns=columns)
