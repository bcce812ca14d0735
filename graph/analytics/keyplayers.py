"""Key players: who is central, who bridges rings, by role.

Centralities run on the weighted person graph (``graph.analytics.people.person_graph``):
PageRank uses the tie weights; betweenness counts hops (a shortest chain of contacts, the
way an investigator walks the chart) and is sampled on graphs over 2,000 people. A broker
is someone with ties into two or more communities (one Louvain run with ``seed``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pandas as pd

from graph.analytics._common import check_graph, check_int, frame
from graph.analytics.communities import partition
from graph.analytics.people import collapsed, person_graph

__all__ = ["key_players", "weighted_pagerank", "EXACT_BETWEENNESS_LIMIT", "DEFAULT_SAMPLE"]

EXACT_BETWEENNESS_LIMIT = 2000
DEFAULT_SAMPLE = 200
COLUMNS = ["person", "name", "roles", "degree", "degree_by_role", "pagerank", "betweenness",
           "communities_touched", "broker"]


def weighted_pagerank(pg: nx.Graph, *, alpha: float = 0.85, tol: float = 1.0e-10,
                      max_iter: int = 200) -> dict[str, float]:
    """PageRank over an undirected graph with edge ``weight``, by power iteration (no scipy needed).

    People without ties spread their rank evenly, as networkx does with dangling nodes.

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=1.0); g.add_edge("b", "c", weight=1.0)
    >>> {k: round(v, 3) for k, v in weighted_pagerank(g).items()}
    {'a': 0.257, 'b': 0.486, 'c': 0.257}
    """
    nodes = list(pg)
    n = len(nodes)
    if n == 0:
        return {}
    index = {p: i for i, p in enumerate(nodes)}
    strength = [0.0] * n
    links: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for a, b, d in pg.edges(data=True):
        w = float(d.get("weight", 1.0))
        if a == b or w <= 0:
            continue
        i, j = index[a], index[b]
        links[i].append((j, w))
        links[j].append((i, w))
        strength[i] += w
        strength[j] += w
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        dangling = sum(rank[i] for i in range(n) if strength[i] == 0.0)
        base = (1.0 - alpha) / n + alpha * dangling / n
        new = [base] * n
        for i in range(n):
            if strength[i]:
                share = alpha * rank[i] / strength[i]
                for j, w in links[i]:
                    new[j] += share * w
        error = sum(abs(x - y) for x, y in zip(new, rank))
        rank = new
        if error < n * tol:
            break
    return {p: rank[index[p]] for p in nodes}


def key_players(g: nx.Graph, *, seed: int = 0, sample: int | None = None) -> pd.DataFrame:
    """Centrality and brokerage of every (collapsed) person, most central first.

    Columns: ``person``, ``name``, ``roles`` (comma-separated, sorted: recruiter, suspect,
    trafficker, victim), ``degree`` (people tied to them), ``degree_by_role`` (those people
    counted by role, e.g. ``victim:3, suspect:1``; ``none`` for people without a role),
    ``pagerank`` (weighted by tie strength), ``betweenness`` (normalised, over hops),
    ``communities_touched`` (distinct communities among the people they are tied to) and
    ``broker`` (True when that is two or more). Ordered by pagerank, then betweenness,
    descending, then person.

    Args:
        seed: seed of the community run and of the betweenness sample.
        sample: pivots for betweenness on graphs over 2,000 people (default 200: seconds on
            20,000 people); smaller graphs are always exact.
    Raises:
        ValueError: ``seed`` or ``sample`` is not a usable integer (the message names it).
    """
    check_graph(g)
    check_int(seed, "seed")
    if sample is not None:
        check_int(sample, "sample", minimum=1)
    pg = person_graph(collapsed(g))
    n = pg.number_of_nodes()
    if n == 0:
        return frame([], COLUMNS)
    pagerank = weighted_pagerank(pg)
    k = None
    if n > EXACT_BETWEENNESS_LIMIT:
        k = min(n, sample if sample is not None else DEFAULT_SAMPLE)
    betweenness = nx.betweenness_centrality(pg, k=k, seed=seed, weight=None, normalized=True)
    membership = partition(pg, seed=seed, runs=1).membership
    rows: list[dict[str, Any]] = []
    for p in pg:
        neighbours = pg[p]
        by_role: Counter[str] = Counter()
        for other in neighbours:
            for role in pg.nodes[other]["roles"] or ("none",):
                by_role[role] += 1
        touched = len({membership[o] for o in neighbours})
        rows.append({
            "person": p, "name": pg.nodes[p]["name"], "roles": ", ".join(sorted(pg.nodes[p]["roles"])),
            "degree": len(neighbours), "degree_by_role": ", ".join(f"{r}:{c}" for r, c in sorted(by_role.items())),
            "pagerank": pagerank[p], "betweenness": betweenness[p],
            "communities_touched": touched, "broker": touched >= 2,
        })
    rows.sort(key=lambda r: (-r["pagerank"], -r["betweenness"], r["person"]))
    return frame(rows, COLUMNS)
