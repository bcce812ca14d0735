"""Resolving people, their roles and the person graph."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import canonical_ids, collapse_people, person_graph, person_roles
from tests.analytics.casegraphs import person, rel, two_rings


def test_collapse_people_merges_a_same_as_merged_pair_into_one_node() -> None:
    c = collapse_people(two_rings())
    assert "person:a3b" not in c
    assert c.nodes["person:a3"]["members"] == ["person:a3", "person:a3b"]
    assert "A3 Lin" in c.nodes["person:a3"]["aliases"]
    # both held the ring phone: one edge now, with the evidence of both
    assert c["person:a3"]["ident:phonea"]["HAS_IDENTIFIER"]["evidence"] == 3
    # the SAME_AS between them is gone, it would be a self-loop
    assert not c.has_edge("person:a3", "person:a3")


def test_collapse_people_keeps_a_masked_name_pair_as_two_people() -> None:
    c = collapse_people(two_rings())
    masked = sorted(n for n, d in c.nodes(data=True) if d.get("name") == "陳○明")
    assert masked == ["person:va1", "person:vb1"]


def test_collapse_people_ignores_a_proposed_same_as() -> None:
    c = collapse_people(two_rings())
    assert "person:b3x" in c and "person:b3" in c
    assert c.has_edge("person:b3", "person:b3x")


def test_canonical_ids_follow_chains_of_canonical() -> None:
    g = nx.MultiDiGraph()
    person(g, "person:a", "A")
    person(g, "person:b", "B", canonical="person:a")
    person(g, "person:c", "C", canonical="person:b")
    assert canonical_ids(g) == {"person:a": "person:a", "person:b": "person:a", "person:c": "person:a"}


def test_canonical_ids_take_a_canonical_id_the_projection_left_out() -> None:
    g = nx.MultiDiGraph()
    person(g, "person:b", "B", canonical="person:gone")
    person(g, "person:c", "C", canonical="person:gone")
    c = collapse_people(g)
    assert list(c.nodes) == ["person:gone"]
    assert c.nodes["person:gone"]["label"] == "Person"


def test_collapse_people_sums_evidence_of_parallel_edges_after_merging() -> None:
    g = nx.MultiDiGraph()
    person(g, "person:r", "R")
    person(g, "person:r2", "R", canonical="person:r")
    person(g, "person:v", "V")
    rel(g, "person:r", "person:v", "RECRUITED", evidence=2, documents=1, date="2022-05-01")
    rel(g, "person:r2", "person:v", "RECRUITED", evidence=3, documents=2, date="2022-04-01")
    edge = collapse_people(g)["person:r"]["person:v"]["RECRUITED"]
    assert (edge["evidence"], edge["documents"], edge["date"]) == (5, 3, "2022-04-01")


def test_person_roles_read_case_relations_and_recruitment_direction() -> None:
    roles = person_roles(two_rings())
    assert roles["person:a1"] == {"recruiter", "suspect"}
    assert roles["person:va1"] == {"victim"}
    assert roles["person:va2"] == {"victim", "recruiter"}
    assert roles["person:b2"] == {"recruiter", "suspect", "trafficker"}
    assert roles["person:t1"] == set()
    assert "person:a3b" not in roles


def test_person_graph_lists_the_ties_on_each_edge() -> None:
    pg = person_graph(two_rings())
    edge = pg["person:a1"]["person:a2"]
    assert edge["kinds"] == ["ASSOCIATE_OF", "same_case", "shared_identifier"]
    assert {t["via"] for t in edge["ties"] if t["kind"] == "shared_identifier"} == {"ident:phonea", "ident:accta"}
    assert pg["person:a1"]["person:va1"]["kinds"] == ["RECRUITED", "same_case", "same_flight"]


def test_person_graph_weight_grows_with_documents_and_kinds_of_tie() -> None:
    def weight(documents: int, extra_tie: bool) -> float:
        g = nx.MultiDiGraph()
        person(g, "person:a", "A")
        person(g, "person:b", "B")
        rel(g, "person:a", "person:b", "ASSOCIATE_OF", documents=documents)
        if extra_tie:
            g.add_node("ident:x", label="Identifier", type="phone", value="+886900")
            rel(g, "person:a", "ident:x", "HAS_IDENTIFIER")
            rel(g, "person:b", "ident:x", "HAS_IDENTIFIER")
        return person_graph(g)["person:a"]["person:b"]["weight"]

    assert weight(1, False) < weight(3, False) < weight(3, True)


def test_person_graph_uses_only_the_ties_asked_for() -> None:
    pg = person_graph(two_rings(), via=("RECRUITED",))
    assert sorted(tuple(sorted(e)) for e in pg.edges) == [
        ("person:a1", "person:va1"), ("person:a1", "person:va2"),
        ("person:b1", "person:vb1"), ("person:va2", "person:vx")]
    assert pg.number_of_nodes() == len(person_roles(two_rings()))


@pytest.mark.parametrize("via", [(), "RECRUITED", ("RECRUITED", "same_street")])
def test_person_graph_rejects_bad_via(via: object) -> None:
    with pytest.raises(ValueError, match="via"):
        person_graph(two_rings(), via=via)  # type: ignore[arg-type]
