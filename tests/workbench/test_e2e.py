"""The workbench end to end: `tipgraph workbench` served on the demo graph, driven in headless
Chromium (Debian's, through Playwright). Search, a link chart, a piece of evidence, a stage
update, a playbook, the report download, and a hostile name shown as text.

Screenshots of every step go to test-artifacts/workbench/ (kept by CI as artefacts).
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.localserver import free_port
from graph.model import make_id
from graph.store import Store
from graph.writes import GraphBatch, NodeRow, RelRow, write_batch
from tests.support.accounts import PASSWORD, ensure_user
from tests.support.waiting import wait_until
from workbench.service import WorkbenchService

pytestmark = pytest.mark.server

CHROMIUM = os.environ.get("TIPGRAPH_CHROMIUM", "/usr/bin/chromium")
# no background traffic: this machine's network is closed, and agencies' are too
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic", "--disable-default-apps", "--metrics-recording-only"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "workbench"
HOSTILE = "<img src=x onerror=alert(1)>"
LOCAL_URLS = ("http://127.0.0.1:", "data:", "blob:", "about:")
SLOW = 60_000  # ms: the first page of a fresh server imports everything

if not Path(CHROMIUM).exists():  # make test installs it; say so rather than skip quietly
    pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or set TIPGRAPH_CHROMIUM",
                pytrace=False)
playwright_api = pytest.importorskip("playwright.sync_api")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def hostile_person(demo_graph: Store) -> str:
    """A person whose name is markup, a suspect in a demo case: it must show as text."""
    case = demo_graph.read("MATCH (c:Case) RETURN c.id AS id ORDER BY c.id LIMIT 1")[0]["id"]
    pid = make_id("Person", "e2e-hostile")
    write_batch(demo_graph, GraphBatch(nodes=[NodeRow(pid, {"name": HOSTILE})], rels=[RelRow("SUSPECT_IN", pid, case)]))
    return pid


@pytest.fixture(scope="module")
def served(server_settings, demo_graph: Store, hostile_person: str) -> Iterator[str]:
    ensure_user(server_settings.home, "e2e-investigator", "investigator")
    ensure_user(server_settings.home, "e2e-analyst", "analyst")
    ensure_user(server_settings.home, "e2e-admin", "admin")
    port = free_port()
    env = {**os.environ, "TIPGRAPH_HOME": str(server_settings.home)}
    if not server_settings.uses_local_server:
        env["NEO4J_URI"] = server_settings.neo4j_uri or ""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "server.log", "w", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "tipgraph", "workbench", "--port", str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: _healthy(url) or proc.poll() is not None, timeout=60), "the workbench did not answer"
        assert proc.poll() is None, f"the workbench exited with {proc.returncode}; see {log.name}"
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def warm(served, browser) -> str:
    """One visit to the main page: a fresh server knows its pages only after a first run
    (Streamlit shows 'Page not found' once to the very first deep link); the sign-in form is all
    it shows before anyone signs in."""
    context = browser.new_context()
    first = context.new_page()
    first.goto(f"{served}/?lang=en")
    first.get_by_role("heading", name="Sign in").wait_for(timeout=SLOW)
    context.close()
    return served


@pytest.fixture
def page(browser, warm, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    outside: list[str] = []  # anything the browser asks of another host: air-gapped networks have none
    context.on("request", lambda r: None if r.url.startswith(LOCAL_URLS) else outside.append(r.url))
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert outside == [], f"the workbench fetched from outside this machine: {sorted(set(outside))}"


def _sign_in(page, name: str = "e2e-investigator", password: str = PASSWORD) -> None:
    """Fill in the sign-in form that every fresh browser session meets first."""
    page.get_by_label("User name").or_(page.get_by_label("使用者名稱")).first.fill(name, timeout=SLOW)
    page.get_by_label("Password").or_(page.get_by_label("密碼")).first.fill(password)
    page.get_by_role("button", name="Sign in").or_(page.get_by_role("button", name="登入")).first.click()


def _open(page, url: str, heading: str) -> None:
    page.goto(url)
    _sign_in(page)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=SLOW)
    _settle(page)


def _settle(page) -> None:
    """Wait until Streamlit has finished running the script (no running indicator)."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=SLOW)


def _choose(page, label: str, option: str) -> None:
    """Pick ``option`` (a part of its text) in the select box labelled ``label``."""
    box = page.locator(f'[data-testid="stSelectbox"] input[aria-label="{label}"]').first
    box.wait_for(timeout=SLOW)
    box.click()
    box.fill(option)  # the list filters as one types
    page.get_by_role("option", name=option, exact=False).first.click(timeout=SLOW)
    _settle(page)


def _chart_drawn(page) -> None:
    page.frame_locator("iframe").first.locator("body[data-drawn='1']").wait_for(timeout=SLOW)


@pytest.mark.parametrize(("path", "heading"), [
    ("/", "Explore"), ("/case", "Case and person"), ("/repatriation", "Repatriation"),
    ("/indicators", "4P indicators"), ("/ingest", "Ingest"), ("/playbooks", "Playbooks"), ("/review", "Review"),
])
def test_e2e_every_page_opens_without_an_error(served, page, path, heading) -> None:
    _open(page, f"{served}{path}?lang=en", heading)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Page not found" not in page.inner_text("body")


def test_e2e_the_pages_speak_chinese_by_default(served, page) -> None:
    _open(page, f"{served}/", "關聯探索")
    page.get_by_label("搜尋姓名、識別碼或案號").wait_for(timeout=SLOW)
    assert "Search names" not in page.inner_text("body")


def test_e2e_search_opens_a_link_chart_and_a_piece_of_evidence(served, page) -> None:
    _open(page, f"{served}/?lang=en", "Explore")
    box = page.get_by_label("Search names, identifiers or case numbers")
    box.fill("高○正")
    box.press("Enter")
    _chart_drawn(page)
    legend = page.frame_locator("iframe").first.locator("#legend").inner_text()
    assert "person: suspect" in legend
    page.get_by_role("heading", name="Evidence").wait_for(timeout=SLOW)
    mark = page.locator("div.evidence mark").first
    mark.wait_for(timeout=SLOW)
    assert mark.inner_text().replace("*", "○").replace("〇", "○") == "高○正"


def test_e2e_a_hostile_name_is_shown_as_text_everywhere(served, page, hostile_person: str) -> None:
    _open(page, f"{served}/?lang=en&id={hostile_person}", "Explore")
    _chart_drawn(page)
    chart = page.frame_locator("iframe").first
    assert chart.locator("img[src='x']").count() == 0 and page.locator("img[src='x']").count() == 0
    picker = page.get_by_label("Node details", exact=True).first
    picker.wait_for(timeout=SLOW)
    assert HOSTILE in picker.input_value() + picker.get_attribute("placeholder", timeout=SLOW) + page.inner_text("body")
    assert page.dialogs == []  # no script ran


def test_e2e_moving_a_victim_to_a_stage_writes_the_history(served, page, demo_graph: Store) -> None:
    _open(page, f"{served}/repatriation?lang=en", "Repatriation")
    _choose(page, "Stage", "closed")
    page.get_by_label("Note").fill("closed after follow-up <b>e2e</b>")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("History").wait_for(timeout=SLOW)
    moved = demo_graph.read("MATCH (m:StageChange) WHERE m.note = $note RETURN m.stage AS stage, m.by AS by",
                            {"note": "closed after follow-up <b>e2e</b>"})
    assert [r["stage"] for r in moved] == ["closed"]
    svc = WorkbenchService(demo_graph, actor="e2e", role="investigator")
    assert "closed" in set(svc.repatriation()["stage"])


def test_e2e_a_playbook_runs_and_shows_its_table(served, page) -> None:
    _open(page, f"{served}/playbooks?lang=en", "Playbooks")
    _choose(page, "Playbooks", "recruiter_hubs")
    page.get_by_text("min_victims").wait_for(timeout=SLOW)
    page.get_by_role("button", name="Run").click()
    header = page.get_by_text("Results:")
    header.wait_for(timeout=SLOW)
    assert int(header.inner_text().split(":")[1].split()[0]) > 0
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=SLOW)


def test_e2e_the_4p_report_downloads_and_opens(served, page, tmp_path: Path) -> None:
    from docx import Document

    _open(page, f"{served}/indicators?lang=en", "4P indicators")
    with page.expect_download(timeout=SLOW) as info:
        page.get_by_role("button", name="Download the report (DOCX)").click()
    saved = tmp_path / "report.docx"
    info.value.save_as(str(saved))
    doc = Document(str(saved))
    assert len(doc.tables) >= 4 and saved.stat().st_size > 10_000


def test_e2e_nothing_shows_before_sign_in_and_a_wrong_password_is_refused(served, page) -> None:
    page.goto(f"{served}/repatriation?lang=en")
    page.get_by_role("heading", name="Sign in").wait_for(timeout=SLOW)
    _settle(page)
    body = page.inner_text("body")
    assert "Repatriation" not in body and "Explore" not in body
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    _sign_in(page, password="not the password at all")
    page.get_by_text("sign-in failed").wait_for(timeout=SLOW)
    assert page.locator('[data-testid="stDataFrame"]').count() == 0


def test_e2e_an_analyst_gets_the_asked_page_and_only_the_analyst_pages(served, page) -> None:
    page.goto(f"{served}/repatriation?lang=en")
    _sign_in(page, name="e2e-analyst")
    page.get_by_role("heading", name="Repatriation").first.wait_for(timeout=SLOW)
    _settle(page)
    nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Repatriation" in nav and "Playbooks" in nav and "Explore" not in nav and "Review" not in nav
    assert "Move to a stage" not in page.inner_text("body")  # an analyst moves nothing


def test_e2e_an_admin_sees_accounts_and_the_audit_trail_and_no_case_pages(served, page) -> None:
    page.goto(f"{served}/admin?lang=en")
    _sign_in(page, name="e2e-admin")
    page.get_by_role("heading", name="Admin").first.wait_for(timeout=SLOW)
    _settle(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert nav.count() == 0 or "Explore" not in nav.inner_text()  # one page: no navigation list at all
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=SLOW)
    page.get_by_role("tab", name="Audit trail").click()
    page.get_by_text("The hash chain is whole").wait_for(timeout=SLOW)
