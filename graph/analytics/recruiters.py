"""Recruiters: who recruits the most, the chains of recruitment, and cohorts sent together.

A recruiter is a person with a RECRUITER_IN role or an outgoing RECRUITED relationship. The
chains follow RECRUITED from recruiters nobody recruited (the roots); a victim who went on
to recruit others shows up as a recruiter in the middle of a chain.
"""

from __future__ import annotations

from collections import defaultdict, deque

import networkx as nx
import pandas as pd

from graph.analytics._common import all_edges, check_graph, date_of_edge, edges_of, frame, name_of
from graph.analytics.people import roles_in, collapsed

__all__ = ["recruiter_hubs", "recruitment_chains", "recruitment_cohorts"]

HUB_COLUMNS = ["recruiter", "name", "victims", "countries", "flights", "cases", "victim_ids", "country_codes"]
CHAIN_COLUMNS = ["root", "recruiter", "recruiter_name", "recruited", "recruited_name", "date", "depth",
                 "recruiter_was_victim", "recruited_recruits"]
COHORT_COLUMNS = ["recruiter", "name", "flight", "date", "victims", "names", "recruiter_aboard"]


def _recruited(c: nx.MultiDiGraph) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = defaultdict(dict)
    for u, v, d in all_edges(c):
        if d.get("type") == "RECRUITED" and u != v and c.nodes[u].get("label") == c.nodes[v].get("label") == "Person":
            out[u][v] = date_of_edge(c, u, v, d)
    return out


def _targets(c: nx.MultiDiGraph, person: str, types: tuple[str, ...]) -> set[str]:
    return {v for _u, v, d in edges_of(c, person) if d.get("type") in types}


def recruiter_hubs(g: nx.Graph) -> pd.DataFrame:
    """Recruiters ranked by how many victims they recruited, in how many countries, on how many flights.

    Columns: ``recruiter`` (canonical id), ``name``, ``victims`` (people they RECRUITED or
    TRAFFICKED), ``countries`` (distinct countries where those victims were exploited or
    rescued), ``flights`` (distinct flights those victims or the recruiter travelled on),
    ``cases`` (cases the recruiter has any role in), ``victim_ids`` and ``country_codes``
    (sorted lists behind the counts). Ordered by victims, countries, flights (descending),
    then id.
    """
    check_graph(g)
    c = collapsed(g)
    roles = roles_in(c)
    rows = []
    for p in sorted(p for p, r in roles.items() if "recruiter" in r):
        victims = sorted(v for v in _targets(c, p, ("RECRUITED", "TRAFFICKED")) if v in roles)
        places = set().union(*(_targets(c, v, ("EXPLOITED_AT", "RESCUED_FROM")) for v in victims)) if victims else set()
        countries = sorted({str(c.nodes[x]["country"]) for x in places if c.nodes[x].get("country")})
        flights = set().union(*(_targets(c, x, ("TRAVELED_ON",)) for x in [p, *victims]))
        cases = _targets(c, p, ("SUSPECT_IN", "VICTIM_IN", "RECRUITER_IN"))
        rows.append({"recruiter": p, "name": name_of(c, p), "victims": len(victims), "countries": len(countries),
                     "flights": len(flights), "cases": len(cases), "victim_ids": victims, "country_codes": countries})
    rows.sort(key=lambda r: (-r["victims"], -r["countries"], -r["flights"], r["recruiter"]))
    return frame(rows, HUB_COLUMNS)


def recruitment_chains(g: nx.Graph) -> pd.DataFrame:
    """Who recruited whom, one row per RECRUITED link, placed in its chain.

    Columns: ``root`` (the recruiter at the top of the chain: someone nobody recruited),
    ``recruiter`` and ``recruiter_name``, ``recruited`` and ``recruited_name``, ``date`` (of
    the recruitment; missing (NaN) when unknown), ``depth`` (1 for a root's own recruits, 2 for theirs, ...),
    ``recruiter_was_victim`` (the recruiter was recruited, trafficked or a victim in a case:
    a victim who went on to recruit, who may be owed non-punishment) and
    ``recruited_recruits`` (how many people the recruited person recruited in turn). Ordered
    by root, depth, recruiter, recruited. Circles with no root start from their smallest id.

    >>> g = nx.MultiDiGraph()
    >>> for p in "abc": g.add_node("person:" + p, label="Person", name=p)
    >>> _ = g.add_edge("person:a", "person:b", type="RECRUITED")
    >>> _ = g.add_edge("person:b", "person:c", type="RECRUITED")
    >>> recruitment_chains(g)[["recruiter", "recruited", "depth", "recruiter_was_victim"]].values.tolist()
    [['person:a', 'person:b', 1, False], ['person:b', 'person:c', 2, True]]
    """
    check_graph(g)
    c = collapsed(g)
    roles = roles_in(c)
    links = _recruited(c)
    recruited_by: dict[str, set[str]] = defaultdict(set)
    for r, targets in links.items():
        for v in targets:
            recruited_by[v].add(r)
    depth: dict[str, int] = {}
    root: dict[str, str] = {}
    starts = sorted(r for r in links if not recruited_by[r])
    pending = sorted(links)
    while True:
        queue = deque(starts)
        for s in starts:
            depth[s], root[s] = 0, s
        while queue:
            r = queue.popleft()
            for v in sorted(links.get(r, {})):
                if v not in depth:
                    depth[v], root[v] = depth[r] + 1, root[r]
                    queue.append(v)
        left = [r for r in pending if r not in depth]
        if not left:
            break
        starts = left[:1]
    rows = []
    for r, targets in links.items():
        for v, date in targets.items():
            rows.append({"root": root[r], "recruiter": r, "recruiter_name": name_of(c, r), "recruited": v,
                         "recruited_name": name_of(c, v), "date": date, "depth": depth[r] + 1,
                         "recruiter_was_victim": "victim" in roles[r], "recruited_recruits": len(links.get(v, {}))})
    rows.sort(key=lambda x: (x["root"], x["depth"], x["recruiter"], x["recruited"]))
    return frame(rows, CHAIN_COLUMNS)


def recruitment_cohorts(g: nx.Graph) -> pd.DataFrame:
    """Cohorts: two or more people one recruiter recruited who travelled on the same flight.

    Columns: ``recruiter``, ``name``, ``flight`` (id), ``date`` (the flight's), ``victims``
    (sorted ids of the recruits aboard), ``names`` (same order) and ``recruiter_aboard``
    (the recruiter flew with them). Ordered by recruiter, date, flight.
    """
    check_graph(g)
    c = collapsed(g)
    rows = []
    for r, targets in sorted(_recruited(c).items()):
        by_flight: dict[str, set[str]] = defaultdict(set)
        for v in targets:
            for f in _targets(c, v, ("TRAVELED_ON",)):
                by_flight[f].add(v)
        own = _targets(c, r, ("TRAVELED_ON",))
        for f, aboard in by_flight.items():
            if len(aboard) < 2:
                continue
            victims = sorted(aboard)
            rows.append({"recruiter": r, "name": name_of(c, r), "flight": f, "date": c.nodes[f].get("date"),
                         "victims": victims, "names": [name_of(c, v) for v in victims], "recruiter_aboard": f in own})
    rows.sort(key=lambda x: (x["recruiter"], str(x["date"] or ""), x["flight"]))
    return frame(rows, COHORT_COLUMNS)
