"""Communities of people: Louvain (or Leiden) over the weighted person graph, with stability.

Louvain is randomised, so one run is one opinion. ``communities`` runs it ``runs`` times
(seeds ``seed`` .. ``seed + runs - 1``), keeps the run with the highest modularity as the
reference partition and scores each of its communities by how often its members land
together across all runs: the mean pairwise co-membership. Co-membership compares runs
without aligning community labels, so it is the matching across runs; 1.0 means every run
agreed. Each person also gets a short reason: their strongest ties, in words.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from graph.analytics._common import check_graph, check_int, frame
from graph.analytics.people import collapsed, describe_tie, person_graph

__all__ = ["communities", "leiden_membership", "BACKENDS", "BackendUnavailable"]

BACKENDS = ("louvain", "leiden")
_WEIGHT_SCALE = 1000
COLUMNS = ["person", "name", "community", "size", "stability", "why"]


class BackendUnavailable(ImportError):
    """A community backend needs packages that are not installed (``.packages`` names them)."""

    def __init__(self, backend: str, packages: tuple[str, ...]) -> None:
        self.backend = backend
        self.packages = packages
        super().__init__(f"backend={backend!r} needs {' and '.join(packages)}, which are not installed; "
                         f"install them with 'pip install {' '.join(packages)}' or use backend='louvain'")


@dataclass(frozen=True)
class Partition:
    """The reference partition of a set of runs: communities (largest first), stability per community."""

    communities: list[list[str]]
    stability: list[float]
    membership: dict[str, int]


def _check(seed: Any, runs: Any, backend: Any, resolution: Any) -> None:
    check_int(seed, "seed")
    check_int(runs, "runs", minimum=1)
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {BACKENDS}, got {backend!r}")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, float)) or not resolution > 0:
        raise ValueError(f"resolution must be a positive number, got {resolution!r}")


def leiden_membership(nodes: int, edges: Sequence[tuple[int, int]] | Any, *, weights: Sequence[float] | None = None,
                      seed: int = 0, resolution: float = 1.0) -> list[int]:
    """Community of each of ``nodes`` vertices (0..nodes-1) by Leiden on modularity, seeded.

    igraph's own C implementation, two passes (igraph's default; more passes did not raise
    modularity on the benchmark graphs). ``edges`` is a sequence of vertex pairs; a list of
    tuples is the quickest to hand over. The backend of
    ``communities(backend="leiden")`` and of the scale benchmark, so both measure one thing.

    Raises:
        BackendUnavailable: igraph is not installed.
    """
    try:
        import igraph  # type: ignore[import-not-found]
    except ImportError as e:
        raise BackendUnavailable("leiden", ("igraph",)) from e
    h = igraph.Graph(n=nodes, edges=edges)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        found = h.community_leiden(objective_function="modularity", weights=weights, resolution=resolution,
                                   n_iterations=2)
    finally:
        igraph.set_random_number_generator(random)
    return list(found.membership)


def _leiden(pg: nx.Graph, seed: int, resolution: float) -> list[set[str]]:
    nodes = list(pg.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in pg.edges]
    weights = [float(d["weight"]) for _a, _b, d in pg.edges(data=True)]
    groups: dict[int, set[str]] = {}
    for i, c in enumerate(leiden_membership(len(nodes), edges, weights=weights, seed=seed, resolution=resolution)):
        groups.setdefault(c, set()).add(nodes[i])
    return list(groups.values())


def _integer_weights(pg: nx.Graph) -> nx.Graph:
    # networkx 3.6's Louvain can loop forever when float round-off makes a zero gain look
    # positive (networkx issues #6751, #8739; fixed upstream by PR #8757). Its maintainers
    # advise integer weights; thousandths keep the tie strengths' order.
    lg = nx.Graph()
    lg.add_nodes_from(pg)
    lg.add_weighted_edges_from((a, b, max(1, round(float(d["weight"]) * _WEIGHT_SCALE)))
                               for a, b, d in pg.edges(data=True))
    return lg


def _run(pg: nx.Graph, seed: int, backend: str, resolution: float) -> list[set[str]]:
    if backend == "leiden":
        return _leiden(pg, seed, resolution)
    return [set(c) for c in nx.community.louvain_communities(pg, weight="weight", resolution=resolution, seed=seed)]


def partition(pg: nx.Graph, *, seed: int = 0, runs: int = 10, backend: str = "louvain",
              resolution: float = 1.0) -> Partition:
    """The reference partition of ``runs`` runs over a person graph, with stability. For the analyses."""
    _check(seed, runs, backend, resolution)
    if pg.number_of_nodes() == 0:
        return Partition([], [], {})
    pg = _integer_weights(pg)
    results = [_run(pg, s, backend, resolution) for s in range(seed, seed + runs)]
    scores = [nx.community.modularity(pg, r, weight="weight", resolution=resolution) if pg.number_of_edges() else 0.0
              for r in results]
    best = max(range(runs), key=lambda i: (scores[i], -i))
    reference = sorted((sorted(c) for c in results[best]), key=lambda c: (-len(c), c[0]))
    labels = [{p: i for i, c in enumerate(r) for p in c} for r in results]
    stability: list[float] = []
    for members in reference:
        n = len(members)
        if n < 2:
            stability.append(1.0)
            continue
        pairs = n * (n - 1) / 2
        together = 0.0
        for lab in labels:
            # pairs that share a community in this run, without enumerating the pairs
            together += sum(k * (k - 1) / 2 for k in Counter(lab[p] for p in members).values())
        stability.append(round(together / (pairs * runs), 6))
    membership = {p: i for i, c in enumerate(reference) for p in c}
    return Partition(reference, stability, membership)


# the most telling kind of tie between two people is named first: who recruited whom, then a
# shared phone or account, then being known associates, travelling together, one case
_SPECIFIC = {"RECRUITED": 6, "TRAFFICKED": 5, "shared_identifier": 4, "ASSOCIATE_OF": 3,
             "same_flight": 2, "same_case": 1}


def _why(source: nx.Graph, pg: nx.Graph, person: str, *, top: int = 2) -> str:
    neighbours = sorted(pg[person].items(), key=lambda item: (-item[1]["weight"], item[0]))[:top]
    if not neighbours:
        return "no ties"
    parts = []
    for other, data in neighbours:
        tie = max(data["ties"], key=lambda t: (_SPECIFIC.get(t["kind"], 0), t["strength"]))
        parts.append(describe_tie(source, pg, person, other, tie))
    return "; ".join(parts)


def communities(g: nx.Graph, *, seed: int = 0, runs: int = 10, backend: str = "louvain",
                resolution: float = 1.0) -> pd.DataFrame:
    """Communities of (collapsed) people, one row per person, with how stable each community is.

    Columns: ``person`` (canonical id), ``name``, ``community`` (0 is the largest; ties by
    smallest member id), ``size`` (people in it), ``stability`` (share of runs, 0-1, in which
    the community's members stayed together: mean pairwise co-membership over all runs; 1.0
    for a single person) and ``why`` (the person's strongest one or two ties in words, e.g.
    ``shares phone +886… with 高○正; recruited 陳○明``). Rows are ordered by community, then
    person. The same ``seed`` gives the same table.

    Args:
        g: a graph as ``graph.projection.to_networkx`` builds it.
        seed: the first random seed; run ``i`` uses ``seed + i``.
        runs: how many runs to compare (at least 1).
        backend: ``louvain`` (networkx) or ``leiden`` (needs igraph and leidenalg installed).
        resolution: above 1 favours smaller communities, below 1 larger ones.
    Raises:
        ValueError: an argument is out of range (the message names it).
        BackendUnavailable: ``backend="leiden"`` without igraph and leidenalg.

    >>> g = nx.MultiDiGraph()
    >>> for p in "abc": g.add_node("person:" + p, label="Person", name=p.upper())
    >>> _ = g.add_edge("person:a", "person:b", type="RECRUITED")
    >>> for row in communities(g, runs=2)[["person", "community", "size", "stability", "why"]].values.tolist():
    ...     print(row)
    ['person:a', 0, 2, 1.0, 'recruited B']
    ['person:b', 0, 2, 1.0, 'recruited by A']
    ['person:c', 1, 1, 1.0, 'no ties']
    """
    check_graph(g)
    _check(seed, runs, backend, resolution)
    source = collapsed(g)
    pg = person_graph(source)
    part = partition(pg, seed=seed, runs=runs, backend=backend, resolution=resolution)
    rows = []
    for index, members in enumerate(part.communities):
        for p in members:
            rows.append({"person": p, "name": pg.nodes[p]["name"], "community": index, "size": len(members),
                         "stability": part.stability[index], "why": _why(source, pg, p)})
    return frame(rows, COLUMNS)
