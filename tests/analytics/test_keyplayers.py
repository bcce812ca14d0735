"""Key players: centrality by role and brokers between rings."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from graph.analytics import key_players
from graph.analytics.keyplayers import weighted_pagerank
from tests.analytics.casegraphs import random_people, two_rings


def test_key_players_flags_the_broker_between_the_rings() -> None:
    table = key_players(two_rings()).set_index("person")
    assert table.loc["person:k", "broker"]
    assert table.loc["person:k", "communities_touched"] == 2
    assert not table.loc["person:a3", "broker"] and not table.loc["person:b3", "broker"]


def test_key_players_count_degree_by_role() -> None:
    row = key_players(two_rings()).set_index("person").loc["person:k"]
    assert row["degree"] == 4
    assert row["degree_by_role"] == "recruiter:4, suspect:4, trafficker:1"
    assert row["roles"] == ""


def test_key_players_pagerank_sums_to_one_and_ranks_the_ring_leader_first() -> None:
    table = key_players(two_rings())
    assert abs(table["pagerank"].sum() - 1.0) < 1e-6
    assert table.iloc[0]["person"] == "person:a1"


def test_weighted_pagerank_matches_networkx_on_a_weighted_graph() -> None:
    pg = nx.Graph()
    pg.add_weighted_edges_from([("a", "b", 2.0), ("b", "c", 1.0), ("c", "a", 0.5), ("c", "d", 3.0)])
    pg.add_node("e")
    ours = weighted_pagerank(pg)
    # networkx's pure-Python reference implementation (its public pagerank needs scipy)
    reference = getattr(nx.algorithms.link_analysis.pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("this networkx has no pure-Python pagerank to compare with")
    theirs = reference(pg, weight="weight")
    assert all(abs(ours[n] - theirs[n]) < 1e-6 for n in pg)


def test_key_players_are_identical_for_the_same_seed_with_sampled_betweenness() -> None:
    g = random_people(2100, 0.002, seed=3)
    first = key_players(g, seed=4, sample=50)
    pd.testing.assert_frame_equal(first, key_players(g, seed=4, sample=50))
    assert not first["betweenness"].equals(key_players(g, seed=4, sample=60)["betweenness"])
