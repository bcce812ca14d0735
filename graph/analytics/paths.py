"""Paths between two entities, explained hop by hop, optionally respecting time.

The search treats the graph as undirected (a suspect linked to a victim through a phone is
a link whichever way the relationships point) and leaves out unconfirmed SAME_AS candidates
and document mentions. With ``time_ordered=True`` a path may never step back in time: each
dated hop must be no earlier than the latest date before it (hops without a date pass).
That is a search over (entity, latest date so far) states, since the shortest path in the
plain graph may go back in time while a longer one does not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from graph.analytics._common import all_edges, as_int, before, check_graph, check_int, check_node, date_of_edge, frame
from graph.analytics.people import canonical_ids, collapsed

__all__ = ["explain_paths"]

COLUMNS = ["path", "hop", "from", "to", "type", "direction", "evidence", "date"]
_SKIP = frozenset({"SAME_AS", "MENTIONED_IN", "HAS_NAME_KEY"})
_ENUMERATION_CAP = 1000


@dataclass(frozen=True)
class _Hop:
    start: str
    end: str
    type: str
    evidence: int
    date: str | None


State = tuple[str, str]  # (node, latest date so far, "" for none)


def _adjacency(c: nx.MultiDiGraph) -> dict[str, list[tuple[str, _Hop]]]:
    adj: dict[str, list[tuple[str, _Hop]]] = defaultdict(list)
    for u, v, d in all_edges(c):
        if d.get("type") in _SKIP or u == v:
            continue
        hop = _Hop(u, v, str(d.get("type")), as_int(d.get("evidence")), date_of_edge(c, u, v, d))
        adj[u].append((v, hop))
        adj[v].append((u, hop))
    for neighbours in adj.values():
        neighbours.sort(key=lambda item: (item[0], item[1].type))
    return adj


def _advance(last: str, date: str | None, time_ordered: bool) -> str | None:
    """The latest date after taking a hop, or None when the hop would go back in time."""
    if not time_ordered or not date:
        return last
    if last and before(date, last):
        return None
    if not last or before(last, date):
        return date
    return date if len(date) > len(last) else last


def _dominated(seen: list[str], last: str) -> bool:
    return any(d == "" or d == last or before(d, last) for d in seen)


def _search(adj: dict[str, list[tuple[str, _Hop]]], source: str, target: str, max_hops: int,
            time_ordered: bool) -> tuple[list[State], dict[State, list[tuple[State, _Hop]]]]:
    preds: dict[State, list[tuple[State, _Hop]]] = defaultdict(list)
    seen: dict[str, list[str]] = defaultdict(list)
    layer: list[State] = [(source, "")]
    seen[source].append("")
    for _hop in range(max_hops):
        following: dict[State, None] = {}
        for state in layer:
            node, last = state
            for other, hop in adj.get(node, ()):
                new_last = _advance(last, hop.date, time_ordered)
                if new_last is None:
                    continue
                new = (other, new_last)
                if new not in following and _dominated(seen[other], new_last):
                    continue
                following.setdefault(new, None)
                preds[new].append((state, hop))
        for node, last in following:
            seen[node].append(last)
        hits = [s for s in following if s[0] == target]
        if hits:
            return hits, preds
        layer = list(following)
        if not layer:
            break
    return [], preds


def _unwind(state: State, preds: dict[State, list[tuple[State, _Hop]]], source: str,
            out: list[list[tuple[str, str, _Hop]]], tail: list[tuple[str, str, _Hop]], visited: set[str]) -> None:
    if len(out) >= _ENUMERATION_CAP:
        return
    if state == (source, ""):
        out.append(list(reversed(tail)))
        return
    for prev, hop in preds.get(state, ()):
        if prev[0] in visited:
            continue
        tail.append((prev[0], state[0], hop))
        visited.add(prev[0])
        _unwind(prev, preds, source, out, tail, visited)
        visited.discard(prev[0])
        tail.pop()


def explain_paths(g: nx.Graph, source: str, target: str, *, max_hops: int = 6, time_ordered: bool = False,
                  limit: int = 20) -> pd.DataFrame:
    """The shortest paths between two entities, one row per hop.

    People are resolved first, so ``source`` or ``target`` may be any id of a merged person.
    Columns: ``path`` (1, 2, ... ; best supported first: most evidence, then by ids),
    ``hop`` (1 from the source), ``from`` and ``to`` (ids in walking order), ``type``
    (relationship type), ``direction`` (``→`` when the relationship points from ``from`` to
    ``to``, else ``←``), ``evidence`` (pieces behind the relationship) and ``date`` (its
    ``date`` or ``since``, or the flight's date for a flight hop; missing (NaN) when undated). No rows
    when there is no path within ``max_hops`` (or none that keeps time order).

    Args:
        source, target: node ids in ``g``.
        max_hops: the longest path to consider (1 or more).
        time_ordered: keep only paths whose dated hops never go back in time.
        limit: at most this many paths (1 or more).
    Raises:
        ValueError: ``source``/``target`` is not in the graph or they are the same entity,
            or ``max_hops``/``limit`` is not a positive integer (the message names it).
    """
    check_graph(g)
    check_node(g, source, "source")
    check_node(g, target, "target")
    check_int(max_hops, "max_hops", minimum=1)
    check_int(limit, "limit", minimum=1)
    if not isinstance(time_ordered, bool):
        raise ValueError(f"time_ordered must be True or False, got {time_ordered!r}")
    mapping = canonical_ids(g)
    start, end = mapping.get(source, source), mapping.get(target, target)
    if start == end:
        raise ValueError(f"target must be a different entity from source (both resolve to {start})")
    adj = _adjacency(collapsed(g))
    hits, preds = _search(adj, start, end, max_hops, time_ordered)
    found: list[list[tuple[str, str, _Hop]]] = []
    for hit in hits:
        _unwind(hit, preds, start, found, [], {end})
    unique = {tuple((a, b, h) for a, b, h in p): p for p in found}
    ordered = sorted(unique.values(), key=lambda p: (-sum(h.evidence for _a, _b, h in p),
                                                     [(a, b, h.type) for a, b, h in p]))[:limit]
    rows: list[dict[str, Any]] = []
    for number, path in enumerate(ordered, start=1):
        for index, (a, b, hop) in enumerate(path, start=1):
            rows.append({"path": number, "hop": index, "from": a, "to": b, "type": hop.type,
                         "direction": "→" if hop.start == a else "←", "evidence": hop.evidence, "date": hop.date})
    return frame(rows, COLUMNS)
