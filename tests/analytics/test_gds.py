"""In-database analytics on Neo4j Graph Data Science: chosen only where the server has it, a
clear message where it does not, and (on a GDS server named by NEO4J_URI) the same findings
as the local engine. The GDS tests are skipped on servers without GDS, as on the bundled one."""

from __future__ import annotations

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.analytics import communities, key_players
from graph.analytics.gds import gds_communities, gds_key_players
from graph.errors import GdsUnavailable
from graph.projection import to_networkx
from graph.store import Store, open_store
from tipgraph.analyze import pick_engine
from tipgraph.cli import app

pytestmark = pytest.mark.server

GDS_GRAPHS = "CALL gds.graph.list() YIELD graphName RETURN graphName"


def _has_gds(store: Store) -> bool:
    try:
        store.data_science()
    except GdsUnavailable:
        return False
    return True


def test_gds_a_server_without_it_gets_a_message_saying_what_to_do(store: Store) -> None:
    if _has_gds(store):
        pytest.skip("this server has Graph Data Science")
    with pytest.raises(GdsUnavailable, match="--engine local"):
        store.data_science()


def test_gds_engine_auto_is_local_on_the_bundled_server_and_for_filtered_or_other_analyses(
        store: Store, server_settings) -> None:
    local = server_settings.uses_local_server
    assert pick_engine("auto", "communities", filtered=True, local_server=local, store=store) == "local"
    assert pick_engine("auto", "co-travel", filtered=False, local_server=local, store=store) == "local"
    if local:
        assert pick_engine("auto", "communities", filtered=False, local_server=True, store=store) == "local"
    with pytest.raises(ValueError, match="communities and key-players only"):
        pick_engine("gds", "co-travel", filtered=False, local_server=local, store=store)
    with pytest.raises(ValueError, match="whole graph"):
        pick_engine("gds", "key-players", filtered=True, local_server=local, store=store)


def test_gds_cli_engine_gds_without_gds_fails_with_one_clear_line(server_env, store: Store) -> None:
    if _has_gds(store):
        pytest.skip("this server has Graph Data Science")
    result = CliRunner().invoke(app, ["analyze", "communities", "--engine", "gds"])
    assert result.exit_code != 0
    assert "no Graph Data Science library" in result.output and "--engine local" in result.output


@pytest.fixture(scope="module")
def gds_demo(server_settings, request: pytest.FixtureRequest) -> Store:
    with open_store(server_settings, start_local=False, user="test") as probe:
        if not _has_gds(probe):
            pytest.skip("the graph server has no Graph Data Science (set NEO4J_URI to a GDS server: docs/scale.md)")
    return request.getfixturevalue("demo_graph")


def test_gds_communities_agree_with_the_local_engine_on_the_demo(gds_demo: Store) -> None:
    found = gds_communities(gds_demo, seed=0)
    assert found["person"].is_unique
    local = communities(to_networkx(gds_demo), seed=0, runs=1)
    tied = local[local["size"] > 1]
    # people the local engine puts together are together in the server too, nearly always
    same = {p: c for p, c in zip(found["person"], found["community"])}
    pairs = agree = 0
    for _, group in tied.groupby("community"):
        members = [p for p in group["person"] if p in same]
        for a, b in zip(members, members[1:]):
            pairs += 1
            agree += same[a] == same[b]
    assert pairs and agree / pairs >= 0.9


def test_gds_key_players_rank_like_the_local_engine_and_leave_no_graph_behind(gds_demo: Store) -> None:
    found = gds_key_players(gds_demo)
    local = key_players(to_networkx(gds_demo)).sort_values("betweenness", ascending=False)
    assert set(local["person"][:3]) & set(found.sort_values("betweenness", ascending=False)["person"][:5])
    assert not [r for r in gds_demo.read(GDS_GRAPHS) if r["graphName"].startswith("tipgraph-people-")]


def test_gds_projection_counts_a_resolved_person_once(gds_demo: Store) -> None:
    g = to_networkx(gds_demo)
    merged = [n for n, d in g.nodes(data=True) if d.get("canonical") and d["canonical"] != n]
    found = set(gds_communities(gds_demo)["person"])
    assert merged and not found & set(merged)
    assert isinstance(g, nx.MultiDiGraph)
