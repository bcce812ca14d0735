"""Every cell of README's access-control tables, on the demo graph: each role against each
service method (allowed, own records only, masked, or refused) and each workbench page
(AppTest); masking in every output that carries people; the audit entry a read leaves; an
expired session and a page opened before sign-in."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from graph.audit import AuditLog
from graph.masking import mask_name
from graph.store import Store
from tests.support.accounts import PASSWORD, ensure_user, signed_in
from workbench.access import PAGES, PERMISSIONS, ROLES, PermissionDenied
from workbench.audited import ACTIONS
from workbench.scope import Scope, coordinator_scope
from workbench.service import WorkbenchService

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
WORKBENCH = ROOT / "workbench"
PAGE_TITLES = {"Explore": "explore", "Case and person": "case", "Repatriation": "repatriation",
               "4P indicators": "indicators", "Ingest": "ingest", "Playbooks": "playbooks", "Review": "review",
               "Admin": "admin"}


def _table(marker: str) -> list[list[str]]:
    """The rows of the README table that follows ``<!-- marker: ... -->``, cells stripped."""
    block = README.split(f"<!-- {marker}:", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in block.splitlines() if line.startswith("|")][2:]
    return [[c.strip().strip("`") for c in row.strip("|").split("|")] for row in rows]


ACTION_CELLS = [(row[0], role, cell) for row in _table("permissions")
                for role, cell in zip(ROLES, row[2:])]
BY_NAME = {spec.name: spec for spec in ACTIONS.values()}
PAGE_CELLS = [(PAGE_TITLES[row[0]], role, cell) for row in _table("pages") for role, cell in zip(ROLES, row[1:])]


def test_roles_readme_tables_cover_every_action_and_page() -> None:
    assert {a for a, _, _ in ACTION_CELLS} == set(PERMISSIONS) == {s.name for s in ACTIONS.values()}
    assert {p for p, _, _ in PAGE_CELLS} == set(PAGES)


def test_roles_every_public_service_method_is_guarded() -> None:
    public = {n for n, v in vars(WorkbenchService).items() if callable(v) and not n.startswith("_")}
    assert public == set(ACTIONS), "every public service method must wear @action (checked and audited)"


@pytest.mark.parametrize(("action", "role", "cell"), ACTION_CELLS)
def test_roles_permission_table_matches_readme(action: str, role: str, cell: str) -> None:
    assert (role in PERMISSIONS[action]) == (cell != "—"), f"{action} × {role}: README says {cell}"


# --- the service, role by role ---------------------------------------------------------------

@dataclass
class World:
    """Ids in and out of the coordinator's scope, and things to call with."""

    office: str
    scope: Scope
    victim: str
    victim_name: str
    case: str
    rescue: str
    other_person: str
    other_case: str
    other_rescue: str
    doc: str
    manifest: Path
    view: Any
    playbook_result: Any
    tmp: Path


@pytest.fixture(scope="module")
def world(demo_graph: Store, demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> World:
    offices = [r["office"] for r in demo_graph.read(
        "MATCH (r:Rescue) WHERE r.office IS NOT NULL RETURN DISTINCT r.office AS office ORDER BY office")]
    scopes = sorted((coordinator_scope(demo_graph, o) for o in offices), key=lambda s: -len(s.cases))
    scope = scopes[0]
    assert scope.cases and scope.linked, "the demo has an office whose victims have cases with suspects"
    case = sorted(scope.cases)[0]
    victim = next(v for v in sorted(scope.victims)
                  if demo_graph.read("MATCH (p:Person {id: $id})-[:VICTIM_IN]->(:Case {id: $c}) RETURN p.id AS id",
                                     {"id": v, "c": case}))
    name = demo_graph.read("MATCH (p:Person {id: $id}) RETURN p.name AS n", {"id": victim})[0]["n"]
    rescues = [r["id"] for r in demo_graph.read("MATCH (r:Rescue) RETURN r.id AS id ORDER BY id")]
    other_case = demo_graph.read("MATCH (c:Case) WHERE NOT c.id IN $ids RETURN c.id AS id ORDER BY id LIMIT 1",
                                 {"ids": sorted(scope.cases)})[0]["id"]
    other_person = demo_graph.read(
        "MATCH (p:Person)-[:SUSPECT_IN]->(:Case) WHERE NOT p.id IN $ids RETURN p.id AS id ORDER BY id LIMIT 1",
        {"ids": sorted(scope.people)})[0]["id"]
    doc = demo_graph.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id LIMIT 1")[0]["id"]
    tmp = tmp_path_factory.mktemp("roles")
    investigator = WorkbenchService(demo_graph, actor="setup", role="investigator", audit=AuditLog(tmp / "setup.jsonl"))
    return World(scope.office or "", scope, victim, name, case, sorted(scope.rescues)[0], other_person, other_case,
                 next(r for r in rescues if r not in scope.rescues), doc,
                 sorted((demo_dir / "registers").glob("manifest_*.csv"))[0],
                 investigator.ego_network(victim, hops=2, max_nodes=60),
                 investigator.run_playbook("recruiter_hubs", {"min_victims": "2"}), tmp)


def _service(store: Store, world: World, role: str) -> WorkbenchService:
    return WorkbenchService(store, actor=f"t-{role}", role=role, office=world.office if role == "coordinator" else None,
                            audit=AuditLog(world.tmp / f"{role}.jsonl"))


# action -> how to call it on one's own (in-scope) target; and, for scoped ones, on someone else's
OWN: dict[str, Callable[[WorkbenchService, World], Any]] = {
    "search": lambda s, w: s.search(w.victim_name),
    "ego_network": lambda s, w: s.ego_network(w.victim),
    "entity": lambda s, w: s.entity(w.victim),
    "evidence": lambda s, w: s.evidence(w.doc, 0, 20),
    "paths": lambda s, w: s.paths(w.victim, w.case, max_hops=3),
    "export_view": lambda s, w: s.export_view(w.view, "csv"),
    "case_summary": lambda s, w: s.case_summary(w.case),
    "person_summary": lambda s, w: s.person_summary(w.victim),
    "journey": lambda s, w: s.journey(w.victim),
    "repatriation": lambda s, w: s.repatriation(),
    "stage_history": lambda s, w: s.stage_history(w.rescue),
    "move_stage": lambda s, w: s.move_stage(w.rescue, "contacted", date.today().isoformat(), "access test"),
    "check_manifest": lambda s, w: s.check_manifest(w.manifest),
    "resolution_candidates": lambda s, w: s.resolution_candidates(limit=5),
    "candidate_count": lambda s, w: s.candidate_count(),
    "decide": lambda s, w: s.decide("rel:no-such-candidate", merge=False),
    "indicators": lambda s, w: s.indicators(2022),
    "indicator_records": lambda s, w: s.indicator_records("victims_in_referred_cases", 2022),
    "report": lambda s, w: s.report(2022, lang="en", fmt="md"),
    "playbooks": lambda s, w: s.playbooks(),
    "run_playbook": lambda s, w: s.run_playbook("recruiter_hubs", {"min_victims": "2"}),
    "export_playbook": lambda s, w: s.export_playbook(w.playbook_result),
    "ingest": lambda s, w: s.ingest_files([], home=w.tmp, max_bytes=1_000_000),
    "users": lambda s, w: s.users(),
    "add_user": lambda s, w: s.add_user(f"made-by-{s.role}", "analyst"),
    "disable_user": lambda s, w: s.disable_user("to-be-disabled"),
    "enable_user": lambda s, w: s.enable_user("to-be-disabled"),
    "reset_password": lambda s, w: s.reset_password("to-be-disabled"),
    "audit_trail": lambda s, w: s.audit_trail(),
}
OTHERS: dict[str, Callable[[WorkbenchService, World], Any]] = {
    "case_summary": lambda s, w: s.case_summary(w.other_case),
    "person_summary": lambda s, w: s.person_summary(w.other_person),
    "journey": lambda s, w: s.journey(w.other_person),
    "stage_history": lambda s, w: s.stage_history(w.other_rescue),
    "move_stage": lambda s, w: s.move_stage(w.other_rescue, "contacted", date.today().isoformat(), "access test"),
}


def _names_in(value: Any) -> list[str]:
    """Every person name an output carries, in the shapes the service returns."""
    if isinstance(value, pd.DataFrame):
        return [str(v) for c in value.columns if c in ("name", "passenger") for v in value[c].dropna()]
    if isinstance(value, list):
        return [str(r[k]) for r in value if isinstance(r, dict) for k in ("name", "person_name", "recruiter_name")
                if r.get(k)]
    if hasattr(value, "rows"):
        return [str(r[k]) for r in value.rows for k in ("name",) if r.get(k)]
    if isinstance(value, (bytes, str)):
        return []
    return []


def _is_masked(name: str) -> bool:
    return mask_name(name) == name


@pytest.mark.parametrize(("action", "role", "cell"), ACTION_CELLS)
def test_roles_service_does_what_the_table_says(demo_graph: Store, server_env, world: World, action: str, role: str,
                                                cell: str) -> None:
    if action in ("disable_user", "enable_user", "reset_password"):
        ensure_user(server_env.home, "to-be-disabled", "analyst")
    svc = _service(demo_graph, world, role)
    if cell == "—":
        with pytest.raises(PermissionDenied, match=f"{role} may not {action}"):
            OWN[action](svc, world)
        assert svc.audit.entries()[-1]["outcome"] == "denied"
        return
    result = OWN[action](svc, world)
    if BY_NAME[action].audit:
        assert svc.audit.entries()[-1]["outcome"] == "ok"
    if cell == "masked":
        names = _names_in(result)
        assert all(_is_masked(n) for n in names), [n for n in names if not _is_masked(n)][:3]
    if cell == "own":
        if action in OTHERS:
            with pytest.raises(PermissionDenied, match="not a record of your office"):
                OTHERS[action](svc, world)
        if action == "search":
            assert result and {h["id"] for h in result} <= world.scope.people | world.scope.cases
        if action == "repatriation":
            assert set(result["office"]) == {world.office} and set(result["id"]) == set(world.scope.rescues)
        if action == "check_manifest":
            assert set(result["record"]) - {""} <= world.scope.rescues


def test_roles_a_coordinator_without_an_office_is_told_why(demo_graph: Store, world: World) -> None:
    svc = WorkbenchService(demo_graph, actor="t-nobody", role="coordinator", office=None,
                           audit=AuditLog(world.tmp / "nobody.jsonl"))
    with pytest.raises(PermissionDenied, match="no office is set on your account"):
        svc.case_summary(world.case)
    assert svc.repatriation().empty and svc.search(world.victim_name) == []


def test_roles_analyst_sees_masked_names_in_repatriation_playbooks_and_records(demo_graph: Store, world: World) -> None:
    analyst = _service(demo_graph, world, "analyst")
    table = analyst.repatriation()
    assert len(table) > 10 and all(_is_masked(n) for n in table["name"].dropna())
    result = analyst.run_playbook("recruiter_hubs", {"min_victims": "2"})
    assert result.rows and all(_is_masked(r["name"]) for r in result.rows if r["name"])
    drawn = result.graph()
    assert all(_is_masked(n["label"]) for n in drawn["nodes"] if n.get("kind") in (None, "Person"))
    unmasked = _service(demo_graph, world, "investigator").repatriation()
    assert not all(_is_masked(n) for n in unmasked["name"].dropna()), "an investigator reads names in full"


def test_roles_exports_are_masked_for_every_role(demo_graph: Store, world: World) -> None:
    import io
    import zipfile

    investigator = _service(demo_graph, world, "investigator")
    people = [n for n, k in zip(world.view.nodes["name"], world.view.nodes["kind"]) if k == "Person" and len(n) > 2]
    assert people
    with zipfile.ZipFile(io.BytesIO(investigator.export_view(world.view, "csv"))) as z:
        text = "".join(z.read(n).decode("utf-8-sig") for n in z.namelist())
    html = investigator.export_view(world.view, "html").decode("utf-8")
    graphml = investigator.export_view(world.view, "graphml").decode("utf-8")
    for name in people:
        if not _is_masked(name):
            assert name not in text and name not in graphml and name not in html
            assert mask_name(name) in text
    csv = investigator.export_playbook(world.playbook_result)
    for row in world.playbook_result.rows:
        if row["name"] and not _is_masked(row["name"]):
            assert row["name"] not in csv
    report = investigator.report(2022, lang="en", fmt="md").decode("utf-8")
    assert world.victim_name not in report


def test_roles_reading_a_person_leaves_an_audit_entry(demo_graph: Store, world: World) -> None:
    svc = _service(demo_graph, world, "investigator")
    svc.person_summary(world.victim)
    svc.entity(world.victim)
    last = svc.audit.entries()[-2:]
    assert [(e["action"], e["target"], e["actor"], e["outcome"]) for e in last] == [
        ("person_summary", world.victim, "t-investigator", "ok"), ("entity", world.victim, "t-investigator", "ok")]
    assert svc.audit.verify().ok


# --- the pages, role by role (AppTest) -------------------------------------------------------

def _open(page: str, home: Path, role: str | None, office: str | None = None, seen: float | None = None) -> AppTest:
    at = AppTest.from_file(str(WORKBENCH / "pages" / f"{page}_page.py"), default_timeout=180)
    at.session_state["lang"] = "en"
    if role:
        signed_in(at.session_state, home, role, office=office, seen=seen)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("page", "role", "cell"), PAGE_CELLS)
def test_roles_each_page_opens_only_for_the_roles_the_table_names(server_env, demo_graph: Store, world: World,
                                                                   page: str, role: str, cell: str) -> None:
    at = _open(page, server_env.home, role, office=world.office if role == "coordinator" else None)
    denied = [e.value for e in at.error if "not allowed" in e.value]
    if cell == "—":
        assert denied and f"{role} may not open the {page} page" in denied[0]
        assert len(at.title) == 0 and len(at.dataframe) == 0
    else:
        assert not denied and at.title and at.title[0].value != "Sign in"


def test_roles_a_page_before_sign_in_shows_only_the_sign_in_form(server_env, demo_graph: Store) -> None:
    at = _open("explore", server_env.home, None)
    assert [t.value for t in at.title] == ["Sign in"] and len(at.text_input) == 2 and len(at.dataframe) == 0


def test_roles_an_expired_session_must_sign_in_again(server_env, demo_graph: Store) -> None:
    stale = time.time() - 31 * 60  # idle past the default 30 minutes
    at = _open("repatriation", server_env.home, "investigator", seen=stale)
    assert [t.value for t in at.title] == ["Sign in"] and "sign in again" in at.warning[0].value
    assert AuditLog.at_home(server_env.home).entries()[-1]["outcome"] == "expired"


def test_roles_the_sign_in_form_signs_in_and_locks_out_after_five_failures(server_env, demo_graph: Store) -> None:
    ensure_user(server_env.home, "form-user", "analyst")
    at = _open("indicators", server_env.home, None)
    for _ in range(5):
        at.text_input(key="signin_name").input("form-user")
        at.text_input(key="signin_password").input("not the password")
        at.button[0].click().run()
    assert "locked until" in at.error[0].value
    at.text_input(key="signin_name").input("form-user")  # the form clears after each attempt
    at.text_input(key="signin_password").input(PASSWORD)
    at.button[0].click().run()
    assert "locked until" in at.error[0].value, "the right password does not open a locked account"
    outcomes = [e["outcome"] for e in AuditLog.at_home(server_env.home).entries() if e["target"] == "form-user"]
    assert outcomes[-6:] == ["failed"] * 4 + ["locked", "locked"]


def test_roles_the_sign_in_form_opens_the_page_for_the_right_password(server_env, demo_graph: Store) -> None:
    ensure_user(server_env.home, "form-ok", "analyst")
    at = _open("indicators", server_env.home, None)
    at.text_input(key="signin_name").input("form-ok")
    at.text_input(key="signin_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception and at.title[0].value == "4P indicators" and len(at.metric) == 31


def test_roles_admin_page_adds_and_disables_a_user_and_filters_the_audit(server_env, demo_graph: Store) -> None:
    at = _open("admin", server_env.home, "admin")
    at.text_input(key="admin_new_name").input("new-analyst")
    at.selectbox(key="admin_new_role").set_value("analyst")
    at.button[0].click().run()
    assert not at.exception and any("shown once" in s.value for s in at.success)
    assert "new-analyst" in list(at.dataframe[0].value["name"])
    at.selectbox(key="admin_disable_name").set_value("new-analyst")
    at.button[1].click().run()
    users = at.dataframe[0].value
    assert bool(users[users["name"] == "new-analyst"]["disabled"].iloc[0])
    at.text_input(key="audit_action").input("add_user").run()
    trail = at.dataframe[1].value
    assert len(trail) >= 1 and set(trail["action"]) == {"add_user"}
    assert re.search(r"\d+ entries", at.success[-1].value)


def test_roles_cli_reads_of_case_data_leave_an_audit_entry(server_env, demo_graph: Store) -> None:
    from typer.testing import CliRunner

    from tipgraph.cli import app

    result = CliRunner().invoke(app, ["query", "--json", "MATCH (p:Person) RETURN count(p) AS n"])
    assert result.exit_code == 0, result.output
    last = AuditLog.at_home(server_env.home).entries()[-1]
    assert last["action"] == "cli:query" and last["actor"].startswith("cli:") and last["outcome"] == "ok"
    assert "MATCH (p:Person)" in json.dumps(last["params"], ensure_ascii=False)


def test_roles_admin_page_resets_a_locked_accounts_password(server_env, demo_graph: Store) -> None:
    from workbench.users import LockedOut, SignInFailed, UserStore

    ensure_user(server_env.home, "locked-user", "analyst")
    users = UserStore.at_home(server_env.home)
    for _ in range(5):
        with pytest.raises((SignInFailed, LockedOut)):
            users.authenticate("locked-user", "wrong password!")
    assert users.get("locked-user").locked_until
    at = _open("admin", server_env.home, "admin")
    at.selectbox(key="admin_repair_name").set_value("locked-user")
    at.button[3].click().run()  # add, disable, enable, reset
    assert not at.exception and not at.error
    shown = next(s.value for s in at.success if "shown once" in s.value)
    password = shown.rsplit(": ", 1)[1]
    assert users.authenticate("locked-user", password).name == "locked-user"


def test_roles_analyst_reads_a_spelt_out_path_with_its_names_masked(demo_graph: Store, world: World) -> None:
    case_people = demo_graph.read("MATCH (p:Person)-[:SUSPECT_IN|VICTIM_IN]->(:Case {id: $c}) RETURN p.id AS id "
                                  "ORDER BY id", {"c": world.case})
    given = {"source": case_people[0]["id"], "target": case_people[-1]["id"]}
    full = _service(demo_graph, world, "investigator").run_playbook("path_between_people", given)
    masked = _service(demo_graph, world, "analyst").run_playbook("path_between_people", given)
    assert full.rows and len(masked.rows) == len(full.rows)
    for plain, shown in zip(full.rows, masked.rows):
        for name in plain["node_names"]:
            if name and not _is_masked(name) and len(name) > 2:
                assert name not in shown["steps"] and mask_name(name) in shown["steps"]
