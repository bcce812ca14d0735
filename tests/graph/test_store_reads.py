"""Reads against the real graph server: entity, neighbourhood, paths, search, counts, projection."""

import networkx as nx
import pytest

from graph import projection, reads
from graph.errors import ModelError, NotFound
from graph.model import Evidence, make_id
from graph.writes import GraphBatch, NodeRow, RelRow, write_batch

pytestmark = pytest.mark.server

DOC = "doc:" + "f" * 16
P = {k: make_id("Person", k) for k in ("recruiter", "victim1", "victim2", "broker", "masked", "other")}
PHONE = make_id("Identifier", "phone", "+85512345567")
CASE = make_id("Case", "c1")
FLIGHT = "flight:BR265@2022-09-01"


def ev(i):
    return Evidence(DOC, i, i + 2, "test", 1.0, sentence="s")


@pytest.fixture
def ring(store):
    nodes = [
        NodeRow(DOC, {"kind": "case", "title": "t", "text": "long text"}),
        NodeRow(P["recruiter"], {"name": "陳偉廷", "aliases": ["CHEN WEI-TING"], "birth_year": 1990}, [ev(0)]),
        NodeRow(P["victim1"], {"name": "Somchai Boonmee"}, [ev(3)]),
        NodeRow(P["victim2"], {"name": "林美玲"}),
        NodeRow(P["broker"], {"name": "王大同"}),
        NodeRow(P["masked"], {"name": "陳○廷", "masked": True}),
        NodeRow(P["other"], {"name": "Far Away"}),
        NodeRow(PHONE, {"type": "phone", "value": "+85512345567"}),
        NodeRow(CASE, {"number": "111年度偵字第1234號"}),
        NodeRow(FLIGHT, {"key": "BR265@2022-09-01", "number": "BR265", "date": "2022-09-01"}),
    ]
    rels = [
        RelRow("RECRUITED", P["recruiter"], P["victim1"], {"date": "2022-08-01"}, [ev(5)]),
        RelRow("RECRUITED", P["recruiter"], P["victim2"], {"date": "2020-01-01"}, [ev(6)]),
        RelRow("HAS_IDENTIFIER", P["recruiter"], PHONE, {}, [ev(7)]),
        RelRow("HAS_IDENTIFIER", P["broker"], PHONE, {}, [ev(8)]),
        RelRow("SUSPECT_IN", P["recruiter"], CASE, {"since": "2022-01-01"}),
        RelRow("TRAVELED_ON", P["victim1"], FLIGHT),
        RelRow("TRAVELED_ON", P["recruiter"], FLIGHT),
        RelRow("ASSOCIATE_OF", P["broker"], P["other"]),
    ]
    write_batch(store, GraphBatch(nodes, rels))
    return store


def test_read_entity_with_mentions_and_relationship_evidence(ring):
    e = reads.get_entity(ring, P["recruiter"])
    assert e.label == "Person" and e.props["name"] == "陳偉廷"
    assert [(m["doc"], m["start"], m["end"]) for m in e.mentions] == [(DOC, 0, 2)]
    recruited = [r for r in e.relationships if r["type"] == "RECRUITED"]
    assert {r["other"] for r in recruited} == {P["victim1"], P["victim2"]}
    assert all(r["outgoing"] and len(r["evidence"]) == 1 for r in recruited)


def test_read_unknown_entity_says_not_found(ring):
    with pytest.raises(NotFound, match="person:nope"):
        reads.get_entity(ring, "person:nope")


def test_read_neighbourhood_grows_by_hops(ring):
    one = reads.neighbourhood(ring, P["broker"], hops=1)
    assert set(one.nodes) == {P["broker"], PHONE, P["other"]}
    two = reads.neighbourhood(ring, P["broker"], hops=2)
    assert P["recruiter"] in two.nodes and P["victim1"] not in two.nodes
    three = reads.neighbourhood(ring, P["broker"], hops=3)
    assert {P["victim1"], P["victim2"], CASE, FLIGHT} <= set(three.nodes)
    assert DOC not in three.nodes and "text" not in three.nodes[P["broker"]]


def test_read_neighbourhood_cap_counts_what_it_left_out(ring):
    view = reads.neighbourhood(ring, P["recruiter"], hops=1, max_nodes=3)
    assert len(view.nodes) == 3 and view.truncated
    assert view.omitted_nodes == 3  # five neighbours, two kept


def test_read_neighbourhood_filters_types_labels_and_dates(ring):
    only_recruited = reads.neighbourhood(ring, P["recruiter"], rel_types=["RECRUITED"])
    assert set(only_recruited.nodes) == {P["recruiter"], P["victim1"], P["victim2"]}
    only_people = reads.neighbourhood(ring, P["recruiter"], labels=["Person"])
    assert {v["label"] for v in only_people.nodes.values()} == {"Person"}
    window = reads.neighbourhood(ring, P["recruiter"], rel_types=["RECRUITED"], since="2022-01-01", until="2022-12-31")
    assert set(window.nodes) == {P["recruiter"], P["victim1"]}
    with pytest.raises(ModelError, match="cannot be followed"):
        reads.neighbourhood(ring, P["recruiter"], rel_types=["MENTIONED_IN"])
    with pytest.raises(ValueError, match="hops"):
        reads.neighbourhood(ring, P["recruiter"], hops=4)


def test_read_shortest_path_goes_through_shared_phone(ring):
    paths = reads.shortest_paths(ring, P["victim1"], P["broker"])
    assert paths
    ids = [n["id"] for n in paths[0]["nodes"]]
    assert ids == [P["victim1"], P["recruiter"], PHONE, P["broker"]]
    assert [r["type"] for r in paths[0]["relationships"]] == ["RECRUITED", "HAS_IDENTIFIER", "HAS_IDENTIFIER"]
    assert reads.shortest_paths(ring, P["victim1"], P["broker"], max_hops=2) == []


def test_read_search_chinese_latin_masked_identifier_and_case_number(ring):
    def ids(q):
        return [h["id"] for h in reads.search(ring, q)]

    assert ids("陳偉廷")[0] == P["recruiter"]
    assert P["masked"] in ids("陳偉廷")  # offered as a possible masked mention
    assert P["recruiter"] in ids("偉廷")
    assert P["recruiter"] in ids("wei-ting chen")
    assert P["recruiter"] in ids("CHEN WEI TING")
    assert P["victim1"] in ids("boonmee")
    assert ids("陳〇廷") == [P["masked"]]
    assert PHONE in ids("+855 1234")
    assert CASE in ids("111年度偵字")
    assert ids("nobody-here") == []


def test_read_counts_per_label_and_type(ring):
    c = reads.counts(ring)
    assert c["nodes"]["Person"] == 6 and c["nodes"]["Document"] == 1
    assert c["relationships"]["RECRUITED"] == 2 and c["relationships"]["MENTIONED_IN"] == 2
    assert "NameKey" not in c["nodes"]


def test_projection_exports_subgraph_with_properties(ring):
    g = projection.to_networkx(ring)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes[P["recruiter"]]["name"] == "陳偉廷" and g.nodes[P["recruiter"]]["label"] == "Person"
    assert DOC not in g
    edge = next(d for _, v, d in g.out_edges(P["recruiter"], data=True) if v == P["victim1"])
    assert edge["type"] == "RECRUITED" and edge["evidence"] == 1 and edge["date"] == "2022-08-01"
    people = projection.to_networkx(ring, labels=["Person"], rel_types=["RECRUITED"])
    assert people.number_of_nodes() == 6 and people.number_of_edges() == 2


def test_projection_of_a_neighbourhood_matches_the_view(ring):
    view = reads.neighbourhood(ring, P["broker"], hops=2)
    g = projection.subgraph_to_networkx(view)
    assert set(g.nodes) == set(view.nodes) and g.number_of_edges() == len(view.relationships)


def test_write_back_results_are_readable_by_query(ring):
    n = projection.write_back(ring, "Person", {P["recruiter"]: {"community": 2, "pagerank": 0.31}}, run_id="run-1")
    assert n == 1
    row = ring.read("MATCH (p:Person {id: $id}) RETURN p.an_community AS c, p.an_pagerank AS pr, p.an_run AS run",
                    {"id": P["recruiter"]})[0]
    assert row == {"c": 2, "pr": 0.31, "run": "run-1"}
    with pytest.raises(ValueError, match="lower_snake_case"):
        projection.write_back(ring, "Person", {P["recruiter"]: {"Bad Name": 1}}, run_id="run-2")


CASES = """
CREATE (c1:Case {id: 'case:one'}), (c2:Case {id: 'case:two'}),
       (s:Person {id: 'person:s1', name: 'S'}), (v:Person {id: 'person:v1', name: 'V'}),
       (o:Person {id: 'person:o2', name: 'O'}), (i:Identifier {id: 'ident:p1', type: 'phone', value: '+85512345567'}),
       (s)-[:SUSPECT_IN {id: 'rel:c1'}]->(c1), (v)-[:VICTIM_IN {id: 'rel:c2'}]->(c1), (o)-[:SUSPECT_IN {id: 'rel:c3'}]->(c2),
       (s)-[:HAS_IDENTIFIER {id: 'rel:c4'}]->(i), (s)-[:RECRUITED {id: 'rel:c5'}]->(v)
"""


def test_projection_of_some_cases_holds_their_people_and_what_is_next_to_them(store):
    store.write(CASES)
    g = projection.to_networkx(store, cases=["case:one"])
    assert set(g.nodes) == {"case:one", "person:s1", "person:v1", "ident:p1"}
    assert g.number_of_edges() == 4


def test_projection_by_role_keeps_only_people_with_that_role(store):
    store.write(CASES)
    g = projection.to_networkx(store, roles=["victim"])
    assert {n for n, d in g.nodes(data=True) if d["label"] == "Person"} == {"person:v1"}
    with pytest.raises(ValueError, match="roles"):
        projection.to_networkx(store, roles=["villain"])
