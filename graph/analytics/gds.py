"""Communities and centralities inside the database, on Neo4j Graph Data Science.

For graphs too big to pull out (docs/scale.md): the person graph is projected in the server
(people tied by a shared identifier, case or flight, or directly by RECRUITED, TRAFFICKED or
ASSOCIATE_OF; resolved people counted once through their ``canonical`` id), the algorithms
run there through the ``graphdatascience`` client, and only one row per person comes back.
The in-memory graph is dropped afterwards, whatever happens.

The tables have the columns of their local counterparts that GDS can fill: ``communities``
gives ``person``, ``name``, ``community``, ``size``; ``key_players`` gives ``person``, ``name``,
``pagerank``, ``betweenness``. Stability over seeds and "why" stay with the local engine.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd

from graph.analytics._common import check_int
from graph.store import Store

__all__ = ["gds_communities", "gds_key_players", "PROJECT_PEOPLE"]

# One row per pair of (canonical) people with the number of things tying them: the weight.
PROJECT_PEOPLE = """
CALL {
  MATCH (a:Person)-[:HAS_IDENTIFIER|SUSPECT_IN|VICTIM_IN|RECRUITER_IN|TRAVELED_ON]->(hub)
        <-[:HAS_IDENTIFIER|SUSPECT_IN|VICTIM_IN|RECRUITER_IN|TRAVELED_ON]-(b:Person)
  WHERE a.id < b.id
  RETURN a, b
  UNION ALL
  MATCH (a:Person)-[:RECRUITED|TRAFFICKED|ASSOCIATE_OF]-(b:Person)
  WHERE a.id < b.id
  RETURN a, b
}
MATCH (ca:Person {id: coalesce(a.canonical, a.id)}), (cb:Person {id: coalesce(b.canonical, b.id)})
WHERE ca <> cb
WITH ca, cb, count(*) AS ties
WITH gds.graph.project($graph, ca, cb, {relationshipProperties: {weight: toFloat(ties)}},
                       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
"""

PEOPLE_OF_NODE_IDS = """
UNWIND $ids AS node_id
WITH node_id, gds.util.asNode(node_id) AS p
RETURN node_id, p.id AS person, p.name AS name
"""


@contextmanager
def _projected(store: Store) -> Iterator[tuple[Any, Any]]:
    gds = store.data_science()
    name = f"tipgraph-people-{uuid.uuid4().hex[:12]}"
    gds.run_cypher(PROJECT_PEOPLE, {"graph": name})
    graph = gds.graph.get(name)
    try:
        yield gds, graph
    finally:
        graph.drop()


def _people(gds: Any, node_ids: list[int]) -> pd.DataFrame:
    return gds.run_cypher(PEOPLE_OF_NODE_IDS, {"ids": node_ids}).set_index("node_id")


def gds_communities(store: Store, *, seed: int = 0, backend: str = "leiden") -> pd.DataFrame:
    """Communities of people computed in the server (Leiden, seeded, or Louvain), largest first.

    Raises:
        GdsUnavailable: the server has no Graph Data Science library (or the client is missing).
    """
    check_int(seed, "seed")
    if backend not in ("leiden", "louvain"):
        raise ValueError(f"backend must be 'leiden' or 'louvain', got {backend!r}")
    with _projected(store) as (gds, graph):
        algo = gds.leiden if backend == "leiden" else gds.louvain
        options: dict[str, Any] = {"relationshipWeightProperty": "weight", "concurrency": 1}
        if backend == "leiden":
            options["randomSeed"] = seed
        found = algo.stream(graph, **options)
        people = _people(gds, [int(i) for i in found["nodeId"]])
    table = pd.DataFrame({"person": people.loc[found["nodeId"], "person"].to_list(),
                          "name": people.loc[found["nodeId"], "name"].to_list(),
                          "raw": found["communityId"].to_list()})
    sizes = table["raw"].value_counts()
    order = {raw: i for i, raw in enumerate(sorted(sizes.index, key=lambda r: (-sizes[r], r)))}
    table["community"] = table["raw"].map(order)
    table["size"] = table["raw"].map(sizes)
    return table.drop(columns="raw").sort_values(["community", "person"]).reset_index(drop=True)


def gds_key_players(store: Store, *, seed: int = 0, sample: int | None = None) -> pd.DataFrame:
    """PageRank (weighted) and betweenness (sampled when ``sample`` is given) computed in the
    server, most central first.

    Raises:
        GdsUnavailable: the server has no Graph Data Science library (or the client is missing).
    """
    check_int(seed, "seed")
    with _projected(store) as (gds, graph):
        rank = gds.pageRank.stream(graph, relationshipWeightProperty="weight").set_index("nodeId")["score"]
        options: dict[str, Any] = {}
        if sample is not None:
            options = {"samplingSize": check_int(sample, "sample", minimum=1), "samplingSeed": seed}
        between = gds.betweenness.stream(graph, **options).set_index("nodeId")["score"]
        people = _people(gds, [int(i) for i in rank.index])
    n = len(rank)
    scale = 1.0 / ((n - 1) * (n - 2) / 2) if n > 2 else 0.0  # normalised as networkx does
    table = pd.DataFrame({"person": people.loc[rank.index, "person"].to_list(),
                          "name": people.loc[rank.index, "name"].to_list(),
                          "pagerank": rank.to_list(),
                          "betweenness": (between.reindex(rank.index).fillna(0.0) * scale).to_list()})
    return table.sort_values(["pagerank", "betweenness", "person"], ascending=[False, False, True]).reset_index(drop=True)
