"""Communities: the rings are found, stability separates clear-cut from ambiguous, seeds repeat."""

from __future__ import annotations

import sys

import networkx as nx
import pandas as pd
import pytest

from graph.analytics import BackendUnavailable, communities
from tests.analytics.casegraphs import cliques, random_people, two_rings

RING_A = ["person:a1", "person:a2", "person:a3", "person:va1", "person:va2", "person:vx"]
RING_B = ["person:b1", "person:b2", "person:b3", "person:vb1", "person:vb2"]


def _community(table: pd.DataFrame) -> dict[str, int]:
    return dict(zip(table["person"], table["community"]))


def test_communities_finds_the_two_rings() -> None:
    found = _community(communities(two_rings()))
    assert len({found[p] for p in RING_A}) == 1
    assert len({found[p] for p in RING_B}) == 1
    assert found[RING_A[0]] != found[RING_B[0]]


def test_communities_is_a_partition_of_the_resolved_people() -> None:
    table = communities(two_rings())
    assert table["person"].is_unique
    assert "person:a3b" not in set(table["person"])  # merged onto person:a3: counted once
    assert (table["name"] == "陳○明").sum() == 2  # masked alike, still two people
    assert (table.groupby("community")["person"].count() == table.groupby("community")["size"].first()).all()


def test_communities_stability_is_one_for_a_clear_cut_graph() -> None:
    table = communities(cliques(3, 5), runs=10)
    assert table["community"].nunique() == 3
    assert (table["stability"] == 1.0).all()


def test_communities_stability_is_lower_for_an_ambiguous_graph() -> None:
    table = communities(random_people(40, 0.15, seed=1), runs=10)
    assert table["stability"].between(0.0, 1.0).all()
    assert table["stability"].min() < 0.9


def test_communities_are_identical_for_the_same_seed() -> None:
    g = random_people(60, 0.1, seed=2)
    pd.testing.assert_frame_equal(communities(g, seed=5, runs=3), communities(g, seed=5, runs=3))


def test_communities_do_not_depend_on_the_order_the_graph_was_built_in() -> None:
    g = two_rings()
    reversed_g = nx.MultiDiGraph()
    reversed_g.add_nodes_from(reversed(list(g.nodes(data=True))))
    reversed_g.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    pd.testing.assert_frame_equal(communities(g, seed=1), communities(reversed_g, seed=1))


def test_communities_explain_why_with_the_strongest_ties() -> None:
    why = dict(zip(*communities(two_rings()).pipe(lambda t: (t["person"], t["why"]))))
    assert "shares phone +886… with" in why["person:a3"]
    assert why["person:vx"] == "recruited by Somchai"
    assert why["person:b3x"] == "no ties"
    assert "+886912000111" not in " ".join(why.values())  # never the full number


def test_communities_of_an_empty_graph_is_an_empty_table() -> None:
    table = communities(nx.MultiDiGraph())
    assert table.empty and list(table.columns) == ["person", "name", "community", "size", "stability", "why"]


def test_communities_leiden_without_igraph_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "igraph", None)  # as if it were not installed
    with pytest.raises(BackendUnavailable, match="pip install igraph"):
        communities(two_rings(), backend="leiden")


def test_communities_leiden_is_reproducible_for_a_seed() -> None:
    g = random_people(200, 0.03, seed=3)
    pd.testing.assert_frame_equal(communities(g, backend="leiden", seed=5, runs=3),
                                  communities(g, backend="leiden", seed=5, runs=3))


def test_communities_leiden_finds_the_two_rings() -> None:
    found = _community(communities(two_rings(), backend="leiden"))
    assert len({found[p] for p in RING_A}) == 1 and found[RING_A[0]] != found[RING_B[0]]
