"""Each workbench page's logic through Streamlit's AppTest, on the demo graph: it runs without
an exception, shows what its data says, and its forms write through the service."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.store import Store
from tests.support.accounts import signed_in

pytestmark = pytest.mark.server

PAGES = Path(__file__).resolve().parents[2] / "workbench" / "pages"


@pytest.fixture
def app(server_env, demo_graph: Store):
    def open_page(name: str) -> AppTest:
        at = AppTest.from_file(str(PAGES / f"{name}_page.py"), default_timeout=120)
        at.session_state["lang"] = "en"
        signed_in(at.session_state, server_env.home, "investigator")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return open_page


@pytest.mark.parametrize("name", ["explore", "case", "repatriation", "indicators", "ingest", "playbooks", "review"])
def test_pages_run_without_an_exception(app, name) -> None:
    at = app(name)
    assert at.title[0].value


def test_pages_explore_search_draws_a_chart_and_lists_its_nodes(app) -> None:
    at = app("explore")
    at.text_input(key="center_q").input("高○正").run()
    assert not at.exception
    caption = at.caption[0].value
    assert "Nodes" in caption and int(caption.split()[0]) > 1
    assert at.selectbox(key="selected").options


def test_pages_indicators_show_every_2022_card(app) -> None:
    at = app("indicators")
    assert len(at.metric) == 31
    assert any(m.value.startswith("161") for m in at.metric)


def test_pages_repatriation_form_moves_a_victim_and_shows_the_history(app, demo_graph: Store) -> None:
    at = app("repatriation")
    at.selectbox(key="move_stage").set_value("contacted")
    at.text_area(key="move_note").input("called the family")
    at.button[0].click().run()
    assert not at.exception and not at.error
    rows = demo_graph.read("MATCH (m:StageChange {note: 'called the family'}) RETURN m.stage AS s")
    assert [r["s"] for r in rows] == ["contacted"]


def test_pages_playbooks_run_with_parameters_and_a_bad_one_is_named(app) -> None:
    at = app("playbooks")
    at.selectbox(key="pb_name").set_value("recruiter_hubs").run()
    at.text_input(key="pb_recruiter_hubs_min_victims").input("2")
    at.button[0].click().run()
    assert not at.error and any(s.value.startswith("Results:") for s in at.subheader)
    at.text_input(key="pb_recruiter_hubs_min_victims").input("many")
    at.button[0].click().run()
    assert at.error and "min_victims" in at.error[0].value


def test_pages_review_merge_takes_a_candidate_off_the_list(app) -> None:
    at = app("review")
    count = lambda: int(at.caption[0].value.split(":")[1].split()[0])  # noqa: E731
    before = count()
    at.button(key="review_merge").click().run()
    assert not at.exception
    assert count() == before - 1
