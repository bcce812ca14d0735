"""People as analyses see them: resolved to one node each, with their roles, and tied to each other.

``collapse_people`` merges every person onto the canonical id entity resolution gave them
(the ``canonical`` property, or a ``SAME_AS`` relationship with status ``merged``), so an
analysis counts a resolved person once; a ``proposed`` SAME_AS is only a candidate and
merges nothing, and two people who merely share a (masked) name stay two people.
``person_roles`` reads suspects, victims, recruiters and traffickers off the case relations
and the direction of RECRUITED/TRAFFICKED. ``person_graph`` is the undirected weighted graph
of people the community and centrality analyses run on.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from graph.analytics._common import (
    CASE_RELS, PERSON, all_edges, as_int, check_graph, check_names, date_of_edge, edges_of, mask_value, people,
)

__all__ = ["collapse_people", "collapsed", "canonical_ids", "person_roles", "roles_in", "person_graph", "TIE_KINDS",
           "describe_tie"]

DIRECT_TIES = ("RECRUITED", "TRAFFICKED", "ASSOCIATE_OF")
HUB_TIES = {
    # tie kind: (kind of the shared node, relationship types joining a person to it)
    "shared_identifier": ("Identifier", ("HAS_IDENTIFIER",)),
    "same_case": ("Case", tuple(CASE_RELS)),
    "same_flight": ("Flight", ("TRAVELED_ON",)),
}
TIE_KINDS = DIRECT_TIES + tuple(HUB_TIES)
_COLLAPSED = "tipgraph_people_collapsed"


def canonical_ids(g: nx.Graph) -> dict[str, str]:
    """Person id -> the id of the person it is resolved to (itself when unresolved).

    Follows ``canonical`` properties (also chains of them) and SAME_AS relationships with
    status ``merged``; a group of people resolved together maps to the end of its canonical
    chain, or to its smallest id when that is ambiguous. The target may be an id the graph
    does not hold (the projection filtered it out); the group then takes that id.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person:a", label="Person"); g.add_node("person:b", label="Person", canonical="person:a")
    >>> canonical_ids(g)
    {'person:a': 'person:a', 'person:b': 'person:a'}
    """
    check_graph(g)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    persons = people(g)
    pointing: set[str] = set()
    for p in persons:
        find(p)
        target = g.nodes[p].get("canonical")
        if isinstance(target, str) and target and target != p:
            pointing.add(p)
            union(p, target)
    for u, v, d in all_edges(g):
        if d.get("type") == "SAME_AS" and d.get("status") == "merged" and \
                g.nodes[u].get("label") == PERSON and g.nodes[v].get("label") == PERSON:
            union(u, v)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    result: dict[str, str] = {}
    for members in groups.values():
        ends = sorted(m for m in members if m not in pointing)
        rep = ends[0] if len(ends) == 1 else min(members)
        for m in members:
            if m in g and g.nodes[m].get("label") == PERSON:
                result[m] = rep
    return dict(sorted(result.items()))


def _merge_attrs(target: dict[str, Any], source: Mapping[str, Any]) -> None:
    for key, value in source.items():
        if key == "canonical":
            continue
        if key not in target or target[key] in (None, "", []):
            target[key] = list(value) if isinstance(value, list) else value
        elif isinstance(target[key], list) and isinstance(value, list):
            target[key] = target[key] + [v for v in value if v not in target[key]]


def collapse_people(g: nx.Graph) -> nx.MultiDiGraph:
    """A copy of ``g`` where every person is merged onto their canonical id.

    The merged node keeps the canonical person's attributes, fills missing ones from the
    others, unions list attributes (``aliases``), adds the other names to ``aliases`` and
    lists every merged id in ``members``. Edges are re-pointed; parallel edges of one type
    between the same two nodes become one edge with ``evidence`` and ``documents`` summed
    (documents summed is an upper bound: the same document may support both) and the
    earliest ``date``/``since``; edges inside a merged group (the SAME_AS itself) go.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person:a", label="Person", name="Chen")
    >>> g.add_node("person:b", label="Person", name="陳", canonical="person:a")
    >>> g.add_node("ident:p", label="Identifier", type="phone", value="+886912")
    >>> _ = g.add_edge("person:a", "ident:p", type="HAS_IDENTIFIER", evidence=1, documents=1)
    >>> _ = g.add_edge("person:b", "ident:p", type="HAS_IDENTIFIER", evidence=2, documents=1)
    >>> c = collapse_people(g)
    >>> sorted(c.nodes), c.nodes["person:a"]["aliases"], c["person:a"]["ident:p"]["HAS_IDENTIFIER"]["evidence"]
    (['ident:p', 'person:a'], ['陳'], 3)
    """
    check_graph(g)
    mapping = canonical_ids(g)
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.graph[_COLLAPSED] = True
    for node, data in sorted(g.nodes(data=True), key=lambda item: (mapping.get(item[0], item[0]) != item[0], item[0])):
        target = mapping.get(node, node)
        if target not in out:
            out.add_node(target)
        attrs = out.nodes[target]
        _merge_attrs(attrs, data)
        if target != node:
            attrs.setdefault("members", [target]).append(node)
            name = data.get("name")
            if name and name != attrs.get("name"):
                aliases = attrs.setdefault("aliases", [])
                if name not in aliases:
                    aliases.append(name)
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, d in all_edges(g):
        a, b = mapping.get(u, u), mapping.get(v, v)
        if a == b and (u != v or d.get("type") == "SAME_AS"):
            continue
        rel_type = str(d.get("type", "RELATED"))
        key = (a, b, rel_type)
        if key not in merged:
            merged[key] = dict(d)
            merged[key]["evidence"] = as_int(d.get("evidence"))
            merged[key]["documents"] = as_int(d.get("documents"))
            continue
        have = merged[key]
        have["evidence"] += as_int(d.get("evidence"))
        have["documents"] += as_int(d.get("documents"))
        for date_key in ("date", "since"):
            if d.get(date_key) and (not have.get(date_key) or str(d[date_key]) < str(have[date_key])):
                have[date_key] = d[date_key]
    for (a, b, rel_type), d in merged.items():
        out.add_edge(a, b, key=rel_type, **d)
    return out


def collapsed(g: nx.Graph) -> nx.MultiDiGraph:
    """``g`` itself when it is already collapsed, else ``collapse_people(g)``. For the analyses."""
    check_graph(g)
    if g.graph.get(_COLLAPSED) and isinstance(g, nx.MultiDiGraph):
        return g
    return collapse_people(g)


def roles_in(g: nx.Graph) -> dict[str, set[str]]:
    """``person_roles`` of a graph already collapsed (no resolving again). For the analyses."""
    roles: dict[str, set[str]] = {p: set() for p in people(g)}
    for u, v, d in all_edges(g):
        rel_type = d.get("type")
        if rel_type in CASE_RELS and u in roles:
            roles[u].add(CASE_RELS[rel_type])
        elif rel_type in ("RECRUITED", "TRAFFICKED") and u in roles and v in roles:
            roles[u].add("recruiter" if rel_type == "RECRUITED" else "trafficker")
            roles[v].add("victim")
    return roles


def person_roles(g: nx.Graph) -> dict[str, set[str]]:
    """Canonical person id -> roles: ``suspect``, ``victim``, ``recruiter``, ``trafficker``.

    From SUSPECT_IN / VICTIM_IN / RECRUITER_IN, and from the direction of RECRUITED and
    TRAFFICKED (the start recruited or trafficked, the end is a victim). A victim who later
    recruited has both roles. People with no role map to an empty set.

    >>> g = nx.MultiDiGraph()
    >>> for p in ("person:r", "person:v"): g.add_node(p, label="Person")
    >>> _ = g.add_edge("person:r", "person:v", type="RECRUITED")
    >>> person_roles(g)
    {'person:r': {'recruiter'}, 'person:v': {'victim'}}
    """
    return roles_in(collapsed(g))


def _strength(documents: int, shared_by: int = 2) -> float:
    # A tie is worth more the more documents support it; a tie through a node many people
    # share (a big case, a full flight) is spread over all of them, as in co-authorship weights.
    return (1.0 + math.log1p(documents)) / max(1, shared_by - 1)


def _add_tie(ties: dict[tuple[str, str], list[dict[str, Any]]], a: str, b: str, tie: dict[str, Any]) -> None:
    key = (a, b) if a < b else (b, a)
    ties[key].append(tie)


def person_graph(g: nx.Graph, *, via: Iterable[str] = TIE_KINDS) -> nx.Graph:
    """The undirected weighted graph of (collapsed) people tied by ``via``.

    Tie kinds: ``RECRUITED``, ``TRAFFICKED``, ``ASSOCIATE_OF`` (direct relationships),
    ``shared_identifier`` (hold the same phone, account, ...), ``same_case`` (any role in one
    case) and ``same_flight`` (passengers of one flight). Every person is a node (with
    ``name``, ``roles``, ``masked``), tied or not. Each edge lists its ``ties`` (dicts with
    ``kind``, ``via`` (the shared node, or None), ``source`` (the start of a directed tie),
    ``evidence``, ``documents``, ``date``, ``strength``) and carries ``kinds`` (sorted tie
    kinds), ``evidence`` and ``documents`` (sums) and ``weight``: the sum of the tie strengths,
    each ``1 + ln(1 + documents)`` divided by (people sharing the node - 1) for shared-node
    ties, times ``1 + 0.5 * (kinds - 1)``, so an edge grows with documents and with how many
    kinds of tie support it.

    Raises:
        ValueError: ``g`` is not a graph, or ``via`` is empty or names an unknown tie kind.
    """
    check_graph(g)
    kinds = set(check_names(via, "via", TIE_KINDS))
    c = collapsed(g)
    roles = roles_in(c)
    pg = nx.Graph()
    for p in people(c):
        data = c.nodes[p]
        pg.add_node(p, name=data.get("name") or p, roles=frozenset(roles[p]), masked=bool(data.get("masked")))
    ties: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for u, v, d in all_edges(c):
        rel_type = d.get("type")
        if rel_type in DIRECT_TIES and rel_type in kinds and u in roles and v in roles and u != v:
            docs = as_int(d.get("documents"))
            _add_tie(ties, u, v, {"kind": rel_type, "via": None, "source": u, "evidence": as_int(d.get("evidence")),
                                  "documents": docs, "date": date_of_edge(c, u, v, d), "strength": _strength(docs)})
    for kind, (hub_label, rel_types) in HUB_TIES.items():
        if kind not in kinds:
            continue
        for hub in sorted(n for n, d in c.nodes(data=True) if d.get("label") == hub_label):
            holders: dict[str, dict[str, Any]] = {}
            for p, _h, d in edges_of(c, hub, out=False):
                if p in roles and d.get("type") in rel_types:
                    have = holders.setdefault(p, {"evidence": 0, "documents": 0})
                    have["evidence"] += as_int(d.get("evidence"))
                    have["documents"] += as_int(d.get("documents"))
            members = sorted(holders)
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    docs = min(holders[a]["documents"], holders[b]["documents"])
                    _add_tie(ties, a, b, {
                        "kind": kind, "via": hub, "source": None,
                        "evidence": min(holders[a]["evidence"], holders[b]["evidence"]), "documents": docs,
                        "date": c.nodes[hub].get("date"), "strength": _strength(docs, len(members))})
    for (a, b), tie_list in sorted(ties.items()):
        tie_kinds = sorted({t["kind"] for t in tie_list})
        weight = sum(t["strength"] for t in tie_list) * (1.0 + 0.5 * (len(tie_kinds) - 1))
        pg.add_edge(a, b, ties=tie_list, kinds=tie_kinds, weight=weight,
                    evidence=sum(t["evidence"] for t in tie_list), documents=sum(t["documents"] for t in tie_list))
    return pg


_VERBS = {"RECRUITED": ("recruited", "recruited by"), "TRAFFICKED": ("trafficked", "trafficked by")}


def describe_tie(source_graph: nx.Graph, pg: nx.Graph, person: str, other: str, tie: Mapping[str, Any]) -> str:
    """One tie of ``person`` to ``other`` in words, e.g. ``shares phone +886… with 高○正``.

    ``source_graph`` is the (collapsed) graph the person graph came from, for the shared node.
    """
    name = pg.nodes[other].get("name", other)
    kind = tie["kind"]
    if kind in _VERBS:
        forward, backward = _VERBS[kind]
        return f"{forward if tie['source'] == person else backward} {name}"
    if kind == "ASSOCIATE_OF":
        return f"associate of {name}"
    hub = source_graph.nodes[tie["via"]] if tie["via"] in source_graph else {}
    if kind == "shared_identifier":
        return f"shares {hub.get('type') or 'identifier'} {mask_value(hub.get('type'), hub.get('value'))} with {name}"
    if kind == "same_case":
        return f"in case {hub.get('number') or tie['via']} with {name}"
    if kind == "same_flight":
        flight = hub.get("number") or tie["via"]
        return f"flew {flight}{' on ' + str(hub['date']) if hub.get('date') else ''} with {name}"
    return f"{kind} {name}"
