"""The workbench's service layer against the demo graph: what each page asks of it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from graph.audit import AuditLog
from graph.errors import NotFound
from graph.store import Store
from workbench.service import WorkbenchService
from workbench.stages import DEFAULT_THRESHOLDS

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def svc(demo_graph: Store, tmp_path_factory: pytest.TempPathFactory) -> WorkbenchService:
    return WorkbenchService(demo_graph, actor="tester", role="investigator",
                            audit=AuditLog(tmp_path_factory.mktemp("audit") / "audit.jsonl"))


@pytest.fixture(scope="module")
def truth(demo_dir: Path) -> dict:
    return json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))


def _recruiter(svc: WorkbenchService) -> str:
    hits = [h for h in svc.search("高○正") if h["label"] == "Person"]
    assert hits, "the ring recruiter 高○正 is searchable by the masked name"
    return hits[0]["id"]


def test_service_search_finds_people_identifiers_and_nothing_for_blank(svc, truth) -> None:
    assert svc.search("   ") == []
    phone = truth["structures"]["rings"][0]["shared_phones"][0]
    assert any(h["label"] == "Identifier" for h in svc.search(phone))


def test_service_ego_network_caps_and_says_how_many_were_left_out(svc) -> None:
    center = _recruiter(svc)
    wide = svc.ego_network(center, hops=2, max_nodes=300)
    narrow = svc.ego_network(center, hops=2, max_nodes=5)
    assert len(narrow.nodes) == 5 and narrow.truncated and narrow.omitted > 0
    assert "left out by the cap of 5" in narrow.chart.note
    assert len(wide.nodes) > len(narrow.nodes)
    assert narrow.nodes.iloc[0]["id"] == center


def test_service_ego_network_filters_by_kind_and_role(svc) -> None:
    center = _recruiter(svc)
    only_ids = svc.ego_network(center, labels=["Identifier"])
    assert set(only_ids.nodes["kind"]) == {"Person", "Identifier"} and (only_ids.nodes["kind"] == "Person").sum() == 1
    victims = svc.ego_network(center, hops=2, roles=["victim"])
    people = victims.nodes[victims.nodes["kind"] == "Person"]
    assert set(people["role"]) - {"victim"} <= {"suspect", "recruiter"} and (people["role"] == "victim").any()
    assert (people[people["id"] != center]["role"] == "victim").all()


def test_service_expanding_a_node_adds_its_neighbours(svc) -> None:
    center = _recruiter(svc)
    base = svc.ego_network(center)
    case = base.nodes[base.nodes["kind"] == "Case"].iloc[0]["id"]
    grown = svc.ego_network(center, expanded=[case])
    around_case = set(svc.ego_network(case).nodes["id"])
    assert around_case <= set(grown.nodes["id"]) and set(base.nodes["id"]) <= set(grown.nodes["id"])
    assert len(grown.edges) > len(base.edges)


def test_service_evidence_shows_the_sentence_around_the_span(svc) -> None:
    entity = svc.entity(_recruiter(svc))
    mention = entity.mentions[0]
    ev = svc.evidence(mention["doc"], mention["start"], mention["end"])
    assert ev.span.replace("*", "○").replace("〇", "○") == "高○正"
    assert ev.before or ev.after
    assert ev.page == 1 or ev.page is None


def test_service_repatriation_lists_every_record_with_stage_days_and_overdue(svc, truth) -> None:
    table = svc.repatriation(today=date(2023, 1, 31), thresholds=DEFAULT_THRESHOLDS)
    assert len(table) == len(truth["rescues"])
    assert set(table["stage"]) <= {"reported_missing", "located", "arrived"}
    limit = table["stage"].map(DEFAULT_THRESHOLDS)
    assert (table["overdue"] == (table["days"] > limit)).all()
    assert table["overdue"].any()
    patient = svc.repatriation(today=date(2023, 1, 31), thresholds={k: 100_000 for k in DEFAULT_THRESHOLDS})
    assert not patient["overdue"].any()


def test_service_moving_a_stage_keeps_the_history(svc) -> None:
    table = svc.repatriation()
    record = table[table["stage"] == "arrived"].iloc[0]["id"]
    svc.move_stage(record, "identified", "2022-03-05", note="victim identified <b>at</b> the border")
    svc.move_stage(record, "sheltered", "2022-03-09")
    history = svc.stage_history(record)
    assert [(h["previous"], h["stage"], h["by"]) for h in history] == [("returned", "identified", "tester"),
                                                                        ("identified", "sheltered", "tester")]
    assert history[0]["note"] == "victim identified <b>at</b> the border"
    after = svc.repatriation()
    assert after.set_index("id").loc[record, "stage"] == "sheltered"


@pytest.mark.parametrize(("stage", "on", "words"), [
    ("lost", "2022-03-05", "not one of"), ("closed", "05/03/2022", "YYYY-MM-DD"),
    ("closed", (date.today() + timedelta(days=2)).isoformat(), "future"),
])
def test_service_a_bad_stage_move_is_refused_and_writes_nothing(svc, stage, on, words) -> None:
    record = svc.repatriation().iloc[0]["id"]
    before = svc.stage_history(record)
    with pytest.raises(ValueError, match=words):
        svc.move_stage(record, stage, on)
    assert svc.stage_history(record) == before


def test_service_moving_an_unknown_record_says_not_found(svc) -> None:
    with pytest.raises(NotFound):
        svc.move_stage("rescue:0000000000", "closed", "2022-03-05")


def test_service_manifest_check_matches_passengers_to_the_rescue_list(svc, demo_dir: Path, tmp_path: Path) -> None:
    manifests = sorted((demo_dir / "registers").glob("manifest_*.csv"))
    results = [svc.check_manifest(m) for m in manifests]
    assert any((r["result"] == "on the rescue list").any() for r in results)
    stranger = tmp_path / "arrivals.csv"
    stranger.write_text("旅客姓名,護照號碼,班機,日期\nNOBODY KNOWN,999999999,BR265,2022-05-28\n", encoding="utf-8")
    checked = svc.check_manifest(stranger)
    assert checked.iloc[0]["result"] == "not on the rescue list" and checked.iloc[0]["line"] == 2


def test_service_review_merge_points_both_people_at_one_canonical_id(svc, demo_graph: Store) -> None:
    candidates = svc.resolution_candidates()
    assert candidates
    first, second = candidates[0], candidates[1]
    assert svc.decide(first["id"], merge=True) and svc.decide(second["id"], merge=False)
    assert not svc.decide(first["id"], merge=True)  # decided already
    rows = demo_graph.read("MATCH (p:Person) WHERE p.id IN $ids RETURN p.canonical AS c", {"ids": [first["a"], first["b"]]})
    assert len({r["c"] for r in rows}) == 1 and rows[0]["c"] is not None
    assert first["id"] not in {c["id"] for c in svc.resolution_candidates()}
