"""Paths explained hop by hop, and time-ordered paths."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analytics import explain_paths
from tests.analytics.casegraphs import person, rel, two_rings


def _backwards_chain() -> nx.MultiDiGraph:
    """p recruited q in 2022, but q 'recruited' r in 2021: the short path goes back in time."""
    g = nx.MultiDiGraph()
    for p in "pqrs":
        person(g, f"person:{p}", p.upper())
    rel(g, "person:p", "person:q", "RECRUITED", date="2022-05-01")
    rel(g, "person:q", "person:r", "RECRUITED", date="2021-01-01")
    return g


def test_explain_paths_explains_each_hop() -> None:
    table = explain_paths(two_rings(), "person:va1", "person:vb1")
    path = table[table["path"] == 1]
    assert path["hop"].tolist() == [1, 2, 3, 4]
    assert path["from"].iloc[0] == "person:va1" and path["to"].iloc[-1] == "person:vb1"
    first = path.iloc[0]
    assert (first["to"], first["type"], first["direction"], first["evidence"], first["date"]) == \
        ("person:a1", "RECRUITED", "←", 3, "2022-03-01")


def test_explain_paths_resolve_a_merged_person() -> None:
    table = explain_paths(two_rings(), "person:a3b", "ident:phonea")
    assert table["from"].tolist() == ["person:a3"]
    assert table["evidence"].tolist() == [3]


def test_explain_paths_without_time_order_walk_back_in_time() -> None:
    table = explain_paths(_backwards_chain(), "person:p", "person:r")
    assert table["type"].tolist() == ["RECRUITED", "RECRUITED"]


def test_time_ordered_paths_refuse_a_path_that_goes_back_in_time() -> None:
    table = explain_paths(_backwards_chain(), "person:p", "person:r", time_ordered=True)
    assert table.empty
    assert list(table.columns) == ["path", "hop", "from", "to", "type", "direction", "evidence", "date"]


def test_time_ordered_paths_take_a_longer_path_that_keeps_time() -> None:
    g = _backwards_chain()
    rel(g, "person:p", "person:s", "ASSOCIATE_OF")  # undated: allowed
    rel(g, "person:s", "person:r", "RECRUITED", date="2023-03-01")
    table = explain_paths(g, "person:p", "person:r", time_ordered=True)
    assert table["to"].tolist() == ["person:s", "person:r"]
    assert pd.isna(table["date"].iloc[0]) and table["date"].iloc[1] == "2023-03-01"


def test_time_ordered_paths_use_flight_dates() -> None:
    g = two_rings()
    # va1 recruited 2022-03-01, flew 2022-09-01: forward in time
    assert not explain_paths(g, "person:a1", "flight:BR265@2022-09-01", time_ordered=True).empty
    rel(g, "person:t1", "person:va1", "ASSOCIATE_OF", date="2023-05-01")
    # t1 met va1 in 2023, then the flight of 2022-09-01 would be going back in time; t1's own flight is 2022
    table = explain_paths(g, "person:t1", "flight:BR265@2022-09-01", time_ordered=True, max_hops=2)
    assert table.empty


def test_explain_paths_stop_at_max_hops() -> None:
    assert explain_paths(two_rings(), "person:va1", "person:vb1", max_hops=3).empty


def test_explain_paths_list_every_shortest_path_up_to_limit() -> None:
    g = nx.MultiDiGraph()
    for p in "abcd":
        person(g, f"person:{p}", p)
    for mid in "bc":
        rel(g, "person:a", f"person:{mid}", "ASSOCIATE_OF")
        rel(g, f"person:{mid}", "person:d", "ASSOCIATE_OF")
    assert explain_paths(g, "person:a", "person:d")["path"].nunique() == 2
    assert explain_paths(g, "person:a", "person:d", limit=1)["path"].nunique() == 1
