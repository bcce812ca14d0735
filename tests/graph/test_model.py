import pytest

from graph.cypher import fill
from graph.errors import ModelError
from graph.model import MODEL, DEFAULT_GRADING, Evidence, Grading, make_id, rel_id

ISSUE_NODE_KINDS = {"Person", "Case", "Flight", "Location", "Organization", "Identifier", "Document", "Rescue", "Service", "Activity"}
ISSUE_REL_TYPES = {
    "SUSPECT_IN", "VICTIM_IN", "RECRUITER_IN", "RECRUITED", "TRAFFICKED", "TRAVELED_ON", "DEPARTS_FROM", "ARRIVES_AT",
    "HAS_IDENTIFIER", "MEMBER_OF", "EXPLOITED_AT", "REFERRED_TO", "INDICTED_BY", "OCCURRED_IN", "OF", "RETURNED_ON",
    "HANDLED_BY", "FOR", "MENTIONED_IN", "SAME_AS",
}


def test_model_declares_every_kind_and_type_the_domain_needs():
    assert ISSUE_NODE_KINDS <= {n.label for n in MODEL.public_nodes}
    assert ISSUE_REL_TYPES <= {r.type for r in MODEL.public_rels}


def test_model_role_relationships_carry_dates_and_victims_non_punishment():
    for role in ("SUSPECT_IN", "VICTIM_IN", "RECRUITER_IN"):
        assert MODEL.rel(role).prop("since") and MODEL.rel(role).prop("until")
    assert MODEL.rel("VICTIM_IN").prop("non_punishment").type == "bool"


def test_model_ids_are_stable_and_tell_their_kind():
    a = make_id("Person", "doc:x", "12")
    assert a == make_id("Person", "doc:x", "12") != make_id("Person", "doc:x", "13")
    assert MODEL.kind_of_id(a).label == "Person"
    assert make_id("Flight", "BR265@2022-09-01") == "flight:BR265@2022-09-01"
    assert rel_id("RECRUITED", a, "person:b") == rel_id("RECRUITED", a, "person:b")


def test_model_hashed_ids_never_carry_names_or_numbers():
    assert "陳" not in make_id("Person", "陳偉廷")
    assert "855" not in make_id("Identifier", "phone", "+85512345567")


def test_model_clean_normalises_and_names_bad_fields():
    assert MODEL.clean_node("Flight", {"key": "BR265@2022-09-01", "number": "BR265", "date": "2022-9-1", "origin": "tpe"}) == {
        "key": "BR265@2022-09-01", "number": "BR265", "date": "2022-09-01", "origin": "TPE"}
    with pytest.raises(ModelError, match=r"Location\.country: 'Cambodia' is not a valid country"):
        MODEL.clean_node("Location", {"name": "x", "country": "Cambodia"})
    with pytest.raises(ModelError, match=r"Person\.shoe_size: unknown property"):
        MODEL.clean_node("Person", {"name": "x", "shoe_size": 44})
    with pytest.raises(ModelError, match=r"missing required property \['name'\]"):
        MODEL.clean_node("Person", {"sex": "F"})
    with pytest.raises(ModelError, match="not a int"):
        MODEL.clean_node("Person", {"name": "x", "birth_year": True})


def test_model_unknown_ids_labels_and_types_are_refused():
    with pytest.raises(ModelError, match="not a tipgraph id"):
        MODEL.kind_of_id("bogus:1")
    with pytest.raises(ModelError, match="not a node kind"):
        fill("MATCH (n:__LABEL__) RETURN n", LABEL="Person) DETACH DELETE (n")
    with pytest.raises(ModelError, match="not a relationship type"):
        fill("MATCH ()-[r:__TYPE__]->() RETURN r", TYPE="KNOWS")


def test_model_grading_defaults_per_document_kind_and_validates():
    assert DEFAULT_GRADING["manifest"] == Grading("A", 1, 3)
    assert all(isinstance(g, Grading) for g in DEFAULT_GRADING.values())
    with pytest.raises(ModelError, match="A-E"):
        Grading("F", 1, 1)


def test_model_evidence_key_identifies_the_span():
    ev = Evidence("doc:abc", 3, 9, "rules", 0.8)
    assert ev.key == "doc:abc|3|9|rules"
    with pytest.raises(ModelError, match="document id"):
        Evidence("abc", 0, 1, "x")
    with pytest.raises(ModelError, match="span"):
        Evidence("doc:abc", 5, 2, "x")
