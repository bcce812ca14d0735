"""The 4P indicators on the demo corpus: every 2022 figure of DOMAIN.md's table comes out exactly,
through the API and through `tipgraph indicators --json`, and each figure is the sum of the records
its drill-down lists."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from playbooks.errors import PlaybookFileError, UnknownPlaybook
from playbooks.fourp import fourp_figures
from playbooks.indicators import PILLARS, compute_indicators, drilldown, load_indicators
from playbooks.indicators.definitions import load_indicator_file
from tests.support.domain import TABLE_2022
from tipgraph.cli import app

runner = CliRunner()


def test_indicators_one_file_per_row_of_the_2022_table_in_table_order():
    defs = load_indicators()
    assert [d.id for d in defs] == list(TABLE_2022)
    assert [d.order for d in defs] == sorted(d.order for d in defs)
    for d in defs:
        assert d.p in PILLARS and d.title_zh and d.title_en and d.unit and d.definition_zh and d.definition_en
        assert d.parent is None or d.parent in TABLE_2022


def test_indicators_of_which_rows_point_at_their_parent():
    parents = {d.id: d.parent for d in load_indicators()}
    assert parents["cases_referred_labour"] == parents["cases_referred_organ"] == "cases_referred"
    assert parents["minor_sexual_victims_foreign"] == "minor_sexual_victims"
    assert parents["cases_referred"] is None


def test_indicator_file_with_an_updating_clause_is_refused(tmp_path):
    text = open(load_indicators()[0].path, encoding="utf-8").read()
    bad = tmp_path / "cases_referred.yaml"
    bad.write_text(text.replace("RETURN c.id AS record", "SET c.seen = true\n  RETURN c.id AS record"), encoding="utf-8")
    with pytest.raises(PlaybookFileError, match="only read the graph.*SET"):
        load_indicator_file(bad)


def test_indicator_file_without_the_cut_off_is_refused(tmp_path):
    text = open(load_indicators()[0].path, encoding="utf-8").read()
    bad = tmp_path / "cases_referred.yaml"
    lines = [line for line in text.splitlines() if "$as_of" not in line]
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(PlaybookFileError, match=r"\$as_of"):
        load_indicator_file(bad)


@pytest.mark.server
def test_indicators_reproduce_every_2022_figure_of_the_domain_table(demo_graph):
    values = compute_indicators(demo_graph, 2022)
    assert {v.definition.id: v.value for v in values} == TABLE_2022
    assert fourp_figures(demo_graph, 2022) == TABLE_2022


@pytest.mark.server
def test_indicators_previous_year_is_the_demo_truth_for_2021(demo_graph, demo_dir):
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))["figures_by_year"]["2021"]
    previous = {v.definition.id: v.previous for v in compute_indicators(demo_graph, 2022)}
    assert {k: previous[k] for k in truth} == truth


@pytest.mark.server
def test_indicators_cli_json_pins_every_2022_figure(demo_graph, server_env):
    result = runner.invoke(app, ["indicators", "--year", "2022", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["id"]: r["value"] for r in rows} == TABLE_2022
    for row in rows:
        assert {"id", "p", "title_zh", "title_en", "unit", "value", "previous"} <= row.keys()
        assert row["p"] in PILLARS and isinstance(row["previous"], int)


@pytest.mark.server
@pytest.mark.parametrize("indicator_id", ["trainees", "victims_in_referred_cases", "minor_sexual_victims_foreign",
                                          "liaison_officers_thailand", "nationals_returned_from_sea"])
def test_indicator_drilldown_lists_the_records_that_make_the_figure(demo_graph, indicator_id):
    rows = drilldown(demo_graph, indicator_id, 2022)
    assert sum(r["weight"] for r in rows) == TABLE_2022[indicator_id]
    assert len({r["record"] for r in rows}) == len(rows)
    assert all(r["date"].startswith("2022-") for r in rows)
    assert not any("name" in key for r in rows for key in r)


@pytest.mark.server
def test_indicator_records_count_what_was_summed(demo_graph):
    by_id = {v.definition.id: v for v in compute_indicators(demo_graph, 2022)}
    assert (by_id["training_sessions"].value, by_id["trainees"].records) == (2, 2)
    assert by_id["victims_in_referred_cases"].records == TABLE_2022["cases_referred"]


@pytest.mark.server
def test_indicators_unknown_id_and_bad_year_name_what_to_do(demo_graph, server_env):
    with pytest.raises(UnknownPlaybook, match="no indicator named 'nope'"):
        drilldown(demo_graph, "nope", 2022)
    result = runner.invoke(app, ["indicators", "--year", "22"])
    assert result.exit_code == 2 and "calendar year" in result.output
