"""Writes against the real graph server: idempotent upserts, evidence, atomic batches."""

import pytest

from graph import reads
from graph.errors import MissingEndpoints, ModelError
from graph.model import Evidence, Grading, make_id
from graph.writes import GraphBatch, NodeRow, RelRow, regrade_mention, regrade_relationship_evidence, write_batch

pytestmark = pytest.mark.server

DOCS = ["doc:" + c * 8 for c in "abc"]
SUSPECT = make_id("Person", "suspect")
VICTIM = make_id("Person", "victim")
CASE = make_id("Case", "111-1")


def ev(doc, start=0, grading=Grading("B", 2, 3)):
    return Evidence(doc, start, start + 3, "test", 0.9, grading, "sentence")


def docs_batch():
    return GraphBatch(nodes=[NodeRow(d, {"kind": "case", "text": "x" * 20}) for d in DOCS])


def case_batch():
    b = docs_batch()
    b.nodes += [
        NodeRow(SUSPECT, {"name": "李○華", "masked": True}, [ev(DOCS[0])]),
        NodeRow(VICTIM, {"name": "陳偉廷"}, [ev(DOCS[0], 5)]),
        NodeRow(CASE, {"number": "111偵1", "referred_on": "2022-02-08"}),
    ]
    b.rels += [
        RelRow("SUSPECT_IN", SUSPECT, CASE, {"since": "2022-01-01"}, [ev(d) for d in DOCS]),
        RelRow("VICTIM_IN", VICTIM, CASE, {"non_punishment": True}, [ev(DOCS[1])]),
        RelRow("RECRUITED", SUSPECT, VICTIM, {"date": "2021-11-02"}, [ev(DOCS[2])]),
    ]
    return b


def test_write_fact_seen_in_three_documents_has_three_pieces_of_evidence(store):
    write_batch(store, case_batch())
    rel = next(r for r in reads.get_entity(store, SUSPECT).relationships if r["type"] == "SUSPECT_IN")
    assert sorted(e["doc"] for e in rel["evidence"]) == DOCS
    assert rel["evidence"][0]["source"] == "B" and rel["evidence"][0]["sentence"] == "sentence"


def test_write_again_changes_no_count_and_adds_no_evidence(store):
    first = write_batch(store, case_batch())
    before = reads.counts(store)
    again = write_batch(store, case_batch())
    assert reads.counts(store) == before
    assert first.evidence_added == 7 and again.evidence_added == 0
    rel = next(r for r in reads.get_entity(store, SUSPECT).relationships if r["type"] == "SUSPECT_IN")
    assert len(rel["evidence"]) == 3


def test_write_evidence_from_a_new_document_is_appended(store):
    write_batch(store, case_batch())
    extra = docs_batch()
    extra.nodes.append(NodeRow("doc:dddddddd", {"kind": "ngo"}))
    extra.rels.append(RelRow("SUSPECT_IN", SUSPECT, CASE, {}, [ev("doc:dddddddd", 7)]))
    assert write_batch(store, extra).evidence_added == 1
    rel = next(r for r in reads.get_entity(store, SUSPECT).relationships if r["type"] == "SUSPECT_IN")
    assert len(rel["evidence"]) == 4


def test_write_batch_with_missing_endpoint_writes_nothing(store):
    bad = case_batch()
    bad.rels.append(RelRow("RECRUITED", VICTIM, make_id("Person", "nobody")))
    with pytest.raises(MissingEndpoints, match="write the nodes first"):
        write_batch(store, bad)
    assert sum(reads.counts(store)["nodes"].values()) == 0


def test_write_mention_of_unknown_document_writes_nothing(store):
    with pytest.raises(MissingEndpoints, match="MENTIONED_IN"):
        write_batch(store, GraphBatch(nodes=[NodeRow(VICTIM, {"name": "x"}, [ev("doc:missing0")])]))
    assert sum(reads.counts(store)["nodes"].values()) == 0


def test_write_refuses_rows_that_do_not_fit_the_model_before_sending(store):
    trips = store.round_trips
    with pytest.raises(ModelError, match="cannot join Case to Person"):
        write_batch(store, GraphBatch(rels=[RelRow("SUSPECT_IN", CASE, SUSPECT)]))
    with pytest.raises(ModelError, match="internal"):
        write_batch(store, GraphBatch(nodes=[NodeRow("key:abc")]))
    assert store.round_trips == trips


def test_write_ten_thousand_rows_take_few_round_trips(store):
    doc = "doc:" + "e" * 8
    nodes = [NodeRow(doc, {"kind": "manifest"})] + [NodeRow(make_id("Person", str(i)), {"name": f"P{i}"}) for i in range(5000)]
    rels = [RelRow("ASSOCIATE_OF", nodes[i].id, nodes[i + 1].id, {}, [ev(doc, i)]) for i in range(1, 5000)]
    summary = write_batch(store, GraphBatch(nodes=nodes, rels=rels), batch_size=2000)
    assert summary.nodes == 5001 and summary.relationships == 4999
    assert summary.round_trips <= 15
    assert reads.counts(store)["relationships"]["ASSOCIATE_OF"] == 4999


def test_write_grading_is_editable_per_piece_of_evidence(store):
    write_batch(store, case_batch())
    row = RelRow("SUSPECT_IN", SUSPECT, CASE)
    assert regrade_relationship_evidence(store, row, ev(DOCS[1]).key, Grading("A", 1, 1)) == 1
    grades = {e["doc"]: (e["source"], e["info"], e["handling"]) for r in reads.get_entity(store, SUSPECT).relationships
              if r["type"] == "SUSPECT_IN" for e in r["evidence"]}
    assert grades == {DOCS[0]: ("B", 2, 3), DOCS[1]: ("A", 1, 1), DOCS[2]: ("B", 2, 3)}
    assert regrade_mention(store, VICTIM, ev(DOCS[0], 5).key, Grading("C", 3, 2)) == 1
    mention = reads.get_entity(store, VICTIM).mentions[0]
    assert (mention["source"], mention["info"], mention["handling"]) == ("C", 3, 2)


def test_write_role_history_keeps_victim_who_later_recruits(store):
    later_case = make_id("Case", "112-9")
    b = case_batch()
    b.nodes.append(NodeRow(later_case, {"number": "112偵9"}))
    b.rels.append(RelRow("SUSPECT_IN", VICTIM, later_case, {"since": "2023-03-01"}, [ev(DOCS[2], 9)]))
    write_batch(store, b)
    roles = {(r["type"], r["props"].get("since"), r["props"].get("non_punishment"))
             for r in reads.get_entity(store, VICTIM).relationships if r["type"].endswith("_IN")}
    assert roles == {("VICTIM_IN", None, True), ("SUSPECT_IN", "2023-03-01", None)}


def test_write_transaction_rolled_back_leaves_nothing(store):
    def work(tx):
        tx.run("CREATE (:Person {id: 'person:temp', name: 'x'})")
        raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        store.write_tx(work)
    assert store.read("MATCH (p:Person {id: 'person:temp'}) RETURN count(p) AS n")[0]["n"] == 0
