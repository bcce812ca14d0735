"""Each investigation playbook on the demo corpus: it finds what the generator planted (truth.json).

People in the graph are found through what truth.json knows of them: their passport, or the
names (masked or romanised) they appear under."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from playbooks.investigations import run_playbook
from tipgraph.cli import app

pytestmark = pytest.mark.server
runner = CliRunner()

PERSON_BY_PASSPORT = """
MATCH (p:Person)-[:HAS_IDENTIFIER]->(:Identifier {type: 'passport', value: $passport})
RETURN p.id AS id ORDER BY id
"""
CASE_OF_FILE = "MATCH (c:Case)-[:MENTIONED_IN]->(d:Document) WHERE d.path ENDS WITH $file RETURN c.id AS id"
LATEST_INGEST = "MATCH (d:Document) RETURN max(d.ingested_at) AS t"
MASKS = str.maketrans({c: "○" for c in "〇*＊Ｏ"})


@pytest.fixture(scope="module")
def truth(demo_dir: Path) -> dict:
    return json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def people(truth: dict) -> dict[str, dict]:
    return {p["id"]: p for p in truth["people"]}


def _mask(name: str) -> str:
    """One mask character for all (陳○明, 陳〇明, 陳*明 are one written form)."""
    return name.translate(MASKS)


def _names(person: dict) -> set[str]:
    return {_mask(n) for n in (person["name"], *person["surfaces"])}


def _by_passport(store, person: dict) -> str:
    ids = [r["id"] for r in store.read(PERSON_BY_PASSPORT, {"passport": person["passport"]})]
    assert len(ids) == 1, (person["id"], ids)
    return ids[0]


def _run(store, name: str, **params):
    return run_playbook(store, name, params).rows


def test_playbook_recruiter_hubs_finds_the_recruiter_who_flew_with_their_victims(demo_graph, truth, people):
    planted = next(f for f in truth["structures"]["flew_with_recruiter"] if f["case"] == "case-2022-091")
    rows = _run(demo_graph, "recruiter_hubs", min_victims=2)
    flight = f"{planted['flight']}@{planted['date']}"
    hub = next(r for r in rows if flight in r["flights"])
    assert _mask(hub["name"]) in _names(people[planted["recruiter"]])
    assert {_mask(n) for n in hub["victim_names"]} & set().union(*(_names(people[v]) for v in planted["victims"]))
    assert all(r["victims"] >= 2 for r in rows)


def test_playbook_shared_identifiers_finds_each_rings_shared_account(demo_graph, truth):
    rows = _run(demo_graph, "shared_identifiers", types=["account"])
    by_value = {r["value"]: r for r in rows}
    for ring in truth["structures"]["rings"]:
        for account in ring["shared_accounts"]:
            assert account in by_value, (ring["id"], account)
            assert by_value[account]["case_count"] >= 2
    assert {r["type"] for r in rows} == {"account"}


def test_playbook_co_travellers_finds_the_victim_who_flew_with_the_recruiter(demo_graph, truth, people):
    planted = next(f for f in truth["structures"]["flew_with_recruiter"] if f["case"] == "case-2021-025")
    recruiter = _by_passport(demo_graph, people[planted["recruiter"]])
    victim = _by_passport(demo_graph, people[planted["victims"][0]])
    rows = _run(demo_graph, "co_travellers", person=recruiter)
    mine = next(r for r in rows if r["co_traveller"] == victim)
    assert f"{planted['flight']}@{planted['date']}" in mine["flights"]
    assert recruiter not in {r["co_traveller"] for r in rows}


def test_playbook_victims_sharing_recruiter_pairs_a_recruiters_victims(demo_graph, truth, people):
    chain = truth["structures"]["recruitment_chain"]
    rows = _run(demo_graph, "victims_sharing_recruiter")
    recruiter_names = _names(people[chain["person"]])
    victim_names = set().union(*(_names(people[v]) for v in chain["recruited"]))
    pairs = [r for r in rows if _mask(r["recruiter_name"]) in recruiter_names
             and {_mask(r["name_a"]), _mask(r["name_b"])} <= victim_names]
    assert pairs
    one = pairs[0]["recruiter"]
    assert all(r["recruiter"] == one for r in _run(demo_graph, "victims_sharing_recruiter", recruiter=one))


def test_playbook_flights_with_several_victims_finds_every_planted_cohort(demo_graph, truth):
    rows = {r["flight"]: r for r in _run(demo_graph, "flights_with_several_victims", min_victims=2)}
    for planted in truth["structures"]["flew_with_recruiter"]:
        key = f"flight:{planted['flight']}@{planted['date']}"
        assert key in rows and rows[key]["victim_count"] >= 2, key
    march = _run(demo_graph, "flights_with_several_victims", since="2022-03-01", until="2022-03-31")
    assert march and all(r["date"].startswith("2022-03") for r in march)


def test_playbook_awaiting_repatriation_lists_the_rescues_still_abroad(demo_graph, truth):
    as_of = date(2023, 1, 31)
    expected = []
    for r in truth["rescues"]:
        since = r.get("rescued") or r.get("found") or r.get("reported")
        if not r.get("returned") and since and (as_of - date.fromisoformat(since)).days > 30:
            expected.append((r["country"], since))
    rows = _run(demo_graph, "awaiting_repatriation", days=30, as_of=as_of.isoformat())
    assert expected and sorted((r["country"], r["since"]) for r in rows) == sorted(expected)
    assert all(r["waiting_days"] > 30 for r in rows)
    assert _run(demo_graph, "awaiting_repatriation", days=30, as_of="2023-01-31", countries=["TH"]) == []


def test_playbook_border_check_matches_every_returnee_of_the_month_to_their_flight(demo_graph, truth):
    returned = [r for r in truth["rescues"] if (r.get("returned") or "").startswith("2022-03")]
    rows = _run(demo_graph, "border_arrivals_check", since="2022-03-01", until="2022-03-31")
    listed = [r for r in rows if r["on_rescue_list"]]
    assert len(listed) == len(returned)
    assert sorted(r["planned_flight"] for r in listed) == sorted(f"{r['flight']}@{r['returned']}" for r in returned)
    assert {r["check"] for r in listed} == {"on the planned flight"}
    everyone = _run(demo_graph, "border_arrivals_check", since="2022-03-01", until="2022-03-31", include_unlisted=True)
    assert len(everyone) > len(listed)
    assert {r["check"] for r in everyone if not r["on_rescue_list"]} == {"not on the rescue list"}


@pytest.mark.parametrize("place, written", [("loc:KH:Bavet", "巴域"), ("Golden Triangle Special Economic Zone",
                                                                          "金三角經濟特區")])
def test_playbook_people_at_place_finds_everyone_rescued_there(demo_graph, truth, place, written):
    rows = _run(demo_graph, "people_at_place", place=place)
    rescued = [r for r in rows if "RESCUED_FROM" in r["links"]]
    assert len(rescued) == sum(1 for r in truth["rescues"] if r["place"] == written)


def test_playbook_path_between_people_goes_through_the_shared_flight(demo_graph, truth, people):
    planted = next(f for f in truth["structures"]["flew_with_recruiter"] if f["case"] == "case-2021-025")
    recruiter = _by_passport(demo_graph, people[planted["recruiter"]])
    victim = _by_passport(demo_graph, people[planted["victims"][0]])
    [row] = _run(demo_graph, "path_between_people", source=recruiter, target=victim)
    assert row["hops"] == 2
    assert row["node_ids"] == [recruiter, f"flight:{planted['flight']}@{planted['date']}", victim]
    assert row["steps"].count("-[TRAVELED_ON]-") == 2
    assert _run(demo_graph, "path_between_people", source=recruiter, target=victim, max_hops=1) == []


def test_playbook_cases_by_prosecutors_office_adds_up_to_the_2022_referrals(demo_graph):
    from tests.support.domain import TABLE_2022

    rows = _run(demo_graph, "cases_by_prosecutors_office", since="2022-01-01", until="2022-12-31")
    assert sum(r["referred"] for r in rows) == TABLE_2022["cases_referred"]
    assert sum(r["labour"] for r in rows) == TABLE_2022["cases_referred_labour"]
    assert sum(r["victims"] for r in rows) == TABLE_2022["victims_in_referred_cases"]
    assert all(r["office_name"].endswith(("地方檢察署", "地方檢查署")) for r in rows)


def test_playbook_added_since_finds_the_latest_ingest_and_nothing_after_it(demo_graph, truth):
    day = date.fromisoformat(demo_graph.read(LATEST_INGEST)[0]["t"][:10])
    result = run_playbook(demo_graph, "added_since", {"since": day.isoformat(), "kinds": ["Case", "Flight"]})
    ids = {r["id"] for r in result.rows}
    planted = truth["structures"]["flew_with_recruiter"][0]
    [case] = [r["id"] for r in demo_graph.read(CASE_OF_FILE, {"file": f"cases/{planted['case']}.txt"})]
    assert not result.truncated
    assert {case, f"flight:{planted['flight']}@{planted['date']}"} <= ids
    assert {r["kind"] for r in result.rows} == {"Case", "Flight"}
    assert _run(demo_graph, "added_since", since=(day + timedelta(days=1)).isoformat()) == []


def test_playbook_resolution_candidates_offers_the_cross_script_match(demo_graph, truth):
    planted = truth["structures"]["cross_script"]
    result = run_playbook(demo_graph, "resolution_candidates", {"min_score": 0.5})
    rows = result.rows
    assert not result.truncated
    surfaces = set(planted["surfaces"])
    assert any({r["name_a"], r["name_b"]} <= surfaces and r["name_a"] != r["name_b"] for r in rows)
    assert all(r["score"] >= 0.5 for r in rows)
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)


def test_playbook_case_people_lists_the_victim_with_the_rings_identifiers(demo_graph, truth, people):
    planted = next(f for f in truth["structures"]["flew_with_recruiter"] if f["case"] == "case-2022-091")
    [case] = [r["id"] for r in demo_graph.read(CASE_OF_FILE, {"file": "cases/case-2022-091.txt"})]
    rows = _run(demo_graph, "case_people", case=case)
    victim = people[planted["victims"][0]]
    mine = next(r for r in rows if _mask(r["name"]) in _names(victim) and r["role"] == "VICTIM_IN")
    assert f"passport:{victim['passport']}" in mine["identifiers"]
    ring = next(r for r in truth["structures"]["rings"] if "case-2022-091" in r["cases"])
    assert any(phone in " ".join(r["identifiers"]) for r in rows for phone in ring["shared_phones"])
    assert any(r["other_cases"] for r in rows)


def test_playbook_result_draws_a_recruiter_to_each_victim(demo_graph):
    result = run_playbook(demo_graph, "recruiter_hubs", {"min_victims": 2})
    chart = result.graph()
    assert len(chart["edges"]) == sum(r["victims"] for r in result.rows)
    assert {n["id"] for n in chart["nodes"]} >= {r["recruiter"] for r in result.rows}


def test_playbook_cli_runs_with_typed_parameters_as_json(demo_graph, server_env):
    result = runner.invoke(app, ["playbook", "run", "flights_with_several_victims", "-p", "min_victims=3",
                                 "-p", "since=2022-01-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["victim_count"] >= 3 and r["date"] >= "2022-01-01" for r in rows)


def test_playbook_cli_csv_neutralises_phone_numbers_that_look_like_formulas(demo_graph, server_env):
    result = runner.invoke(app, ["playbook", "run", "shared_identifiers", "-p", "types=phone", "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table and all(r["value"].startswith("'+") for r in table)


def test_playbook_cli_row_cap_says_the_rows_were_cut(demo_graph, server_env):
    result = runner.invoke(app, ["playbook", "run", "recruiter_hubs", "--max-rows", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 3
    assert "only the first 3 rows" in result.stderr
