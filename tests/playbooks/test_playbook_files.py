"""The playbook files and their machinery, without a graph server: every file loads and is
read-only, parameters are typed and checked with errors that name them, the row cap and time-out
reach the transaction, CSV cells cannot become formulas, rows become a link chart."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from playbooks.catalogue import playbook_statements, render_catalogue, statement_parameters
from playbooks.drawing import parse_graph_spec, to_graph
from playbooks.errors import MissingParameter, ParameterError, PlaybookFileError
from playbooks.export import write_csv
from playbooks.investigations import load_playbooks, playbook, run_playbook
from playbooks.investigations.definitions import load_playbook_file
from playbooks.params import bind
from tests.support.cypher_lint import errors_only, lint
from tipgraph.cli import app

ROOT = Path(__file__).resolve().parents[2]
TESTS = (Path(__file__).parent / "test_investigations.py").read_text(encoding="utf-8")
GOOD = playbook("co_travellers").path
REQUIRED = ("recruiter_hubs", "co_travellers", "victims_sharing_recruiter", "shared_identifiers",
            "flights_with_several_victims", "awaiting_repatriation", "border_arrivals_check", "people_at_place",
            "path_between_people", "cases_by_prosecutors_office", "added_since", "resolution_candidates")


def _variant(tmp_path: Path, old: str, new: str, source: str = GOOD) -> Path:
    text = Path(source).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / Path(source).name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_playbooks_the_issue_asks_for_are_all_there_in_both_languages():
    books = {b.name: b for b in load_playbooks()}
    assert len(books) >= 12 and set(REQUIRED) <= set(books)
    for b in books.values():
        assert re.search(r"[\u4e00-\u9fff]", b.title_zh + b.description_zh), b.name
        assert b.title_en and b.description_en and b.columns
        assert b.graph is not None or b.name == "added_since", f"{b.name} says how to draw its rows"


def test_playbooks_each_has_a_test_against_the_demo_graph():
    for b in load_playbooks():
        assert f'"{b.name}"' in TESTS, f"tests/playbooks/test_investigations.py lacks a test of {b.name}"


def test_playbooks_catalogue_in_docs_is_generated_from_the_files():
    text = (ROOT / "docs" / "playbooks.md").read_text(encoding="utf-8")
    assert render_catalogue() in text, "regenerate docs/playbooks.md with python -m playbooks.catalogue"


def test_playbooks_statements_use_only_declared_parameters_as_neo4j_reads_them():
    failures = errors_only(lint(playbook_statements(), params=statement_parameters()))
    assert not failures, failures


@pytest.mark.parametrize("clause", ["MERGE (x:Person {id: 'x'})", "SET me.seen = true", "DETACH DELETE me",
                                    "CALL apoc.refactor.mergeNodes([me])", "CREATE (me)-[:ASSOCIATE_OF]->(me)"])
def test_playbook_file_with_an_updating_clause_is_refused(tmp_path, clause):
    path = _variant(tmp_path, "  OPTIONAL MATCH (me)-[:SAME_AS", f"  {clause}\n  WITH me\n  OPTIONAL MATCH (me)-[:SAME_AS")
    with pytest.raises(PlaybookFileError, match="only read the graph"):
        load_playbook_file(path)


def test_playbook_file_with_two_statements_is_refused(tmp_path):
    path = _variant(tmp_path, "  ORDER BY shared_flights DESC, co_traveller",
                    "  ORDER BY shared_flights DESC, co_traveller;\n  MATCH (n) RETURN n")
    with pytest.raises(PlaybookFileError, match="more than one statement"):
        load_playbook_file(path)


def test_playbook_file_with_an_undeclared_parameter_is_refused(tmp_path):
    path = _variant(tmp_path, "WHERE size(flights) >= $min_shared", "WHERE size(flights) >= $at_least")
    with pytest.raises(PlaybookFileError, match=r"\$at_least"):
        load_playbook_file(path)


@pytest.mark.parametrize("old, new, message", [
    ("type: int", "type: integer", "type 'integer' is not one of"),
    ("postprocess: path_steps", "postprocess: os.system", "postprocess: 'os.system'"),
    ("{nodes: node_ids,", "{nodes: no_such_column,", "column 'no_such_column'"),
])
def test_playbook_file_mistakes_are_named(tmp_path, old, new, message):
    path = _variant(tmp_path, old, new, playbook("path_between_people").path)
    with pytest.raises(PlaybookFileError, match=re.escape(message)):
        load_playbook_file(path)


@pytest.mark.parametrize("name, given, expected", [
    ("recruiter_hubs", {"min_victims": "many"}, r"'min_victims': expected int"),
    ("recruiter_hubs", {"min_victims": "0"}, r"'min_victims': 0 is below the minimum 1"),
    ("resolution_candidates", {"min_score": "high"}, r"'min_score': expected float"),
    ("resolution_candidates", {"status": "maybe"}, r"'status': must be one of proposed"),
    ("border_arrivals_check", {"since": "111/3/1", "until": "2022-03-31"}, r"'since': expected date"),
    ("border_arrivals_check", {"since": "2022-03-01", "until": "2022-03-31", "include_unlisted": "perhaps"},
     r"'include_unlisted': expected bool"),
    ("border_arrivals_check", {"since": "2022-03-01", "until": "2022-03-31", "airports": "TPE,Taoyuan"},
     r"'airports': expected list matching"),
    ("co_travellers", {"person": "陳偉廷"}, r"'person': expected str matching person:\[0-9a-f\]\+; the value given does not$"),
    ("co_travellers", {"person": "person:ab", "days": "3"}, r"'days': this playbook has no such parameter"),
])
def test_playbook_bad_parameter_names_it_and_its_type(name, given, expected):
    with pytest.raises(ParameterError, match=expected):
        bind(playbook(name).params, given)


def test_playbook_missing_required_parameter_says_how_to_give_it():
    with pytest.raises(MissingParameter, match=r"'source': is required: give it as -p source=<str>"):
        bind(playbook("path_between_people").params, {"target": "person:1"})


def test_playbook_parameters_are_coerced_from_command_line_text():
    params = bind(playbook("border_arrivals_check").params,
                  {"since": "2022-03-01", "until": "2022-03-31", "airports": "TPE,KHH", "include_unlisted": "yes"})
    assert params == {"since": "2022-03-01", "until": "2022-03-31", "airports": ["TPE", "KHH"], "include_unlisted": True}
    assert bind(playbook("awaiting_repatriation").params, {})["as_of"]  # `today` default filled in


def test_playbook_cli_bad_parameter_is_a_usage_error_naming_it():
    result = CliRunner().invoke(app, ["playbook", "run", "recruiter_hubs", "-p", "min_victims=two"])
    assert result.exit_code == 2
    assert "min_victims" in result.output and "expected int" in result.output
    result = CliRunner().invoke(app, ["playbook", "run", "no_such_playbook"])
    assert result.exit_code == 1 and "tipgraph playbook list" in result.output


def test_playbook_cli_list_shows_every_playbook_with_its_parameters():
    import json

    result = CliRunner().invoke(app, ["playbook", "list", "--json"])
    assert result.exit_code == 0, result.output
    listed = {b["name"]: b for b in json.loads(result.stdout)}
    assert set(listed) == {b.name for b in load_playbooks()}
    assert {p["name"]: p["type"] for p in listed["awaiting_repatriation"]["parameters"]} == {
        "days": "int", "as_of": "date", "countries": "list"}


class _FakeTx:
    def __init__(self, rows):
        self.rows, self.calls = rows, []

    def run(self, query, params=None, *, max_rows=None):
        self.calls.append((query, dict(params or {}), max_rows))
        return self.rows[:max_rows]


class _FakeStore:
    """Records what a run asks of the store: the transaction's time-out, purpose and row cap."""

    def __init__(self, rows):
        self.tx, self.asked = _FakeTx(rows), {}

    def read_tx(self, fn, *, purpose="read", timeout_s=None):
        self.asked = {"purpose": purpose, "timeout_s": timeout_s}
        return fn(self.tx)


def test_playbook_run_sends_the_row_cap_and_time_out_and_says_when_rows_were_cut():
    book = playbook("recruiter_hubs")
    rows = [{c: i for c in book.columns} for i in range(10)]
    store = _FakeStore(rows)
    result = run_playbook(store, book, {}, max_rows=4)  # type: ignore[arg-type]
    assert store.asked == {"purpose": "playbook:recruiter_hubs", "timeout_s": book.timeout_s}
    assert store.tx.calls[0][2] == 5  # one more than shown, to know there were more
    assert store.tx.calls[0][1] == {"min_victims": 2}
    assert len(result.rows) == 4 and result.truncated
    assert not run_playbook(_FakeStore(rows[:3]), book, {}, max_rows=4).truncated  # type: ignore[arg-type]


def test_playbook_csv_cells_that_spreadsheets_read_as_formulas_get_an_apostrophe():
    rows = [{"a": "=HYPERLINK(\"http://x\")", "b": "+886912345678", "c": "-1", "d": "@SUM(A1)", "e": "\tx",
             "f": "\rx", "g": ["=1", "ok"], "h": "陳○明"}]
    out = io.StringIO()
    write_csv(rows, list(rows[0]), out)
    [cells] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert all(cells[k].startswith("'") for k in "abcdefg"), cells
    assert cells["h"] == "陳○明" and cells["b"] == "'+886912345678"


def test_playbook_rows_become_a_chart_with_each_node_once():
    spec = parse_graph_spec("test", {"nodes": [{"id": "r", "label": "rn", "kind": "Person"},
                                               {"id": "vs", "label": "vn", "kind": "Person"}],
                                     "edges": [{"from": "r", "to": "vs", "type": "RECRUITED"}]}, ["r", "rn", "vs", "vn"])
    chart = to_graph(spec, [{"r": "p:1", "rn": "A", "vs": ["p:2", "p:3"], "vn": ["B", "C"]},
                            {"r": "p:4", "rn": "D", "vs": ["p:2"], "vn": ["B"]}])
    assert [n["id"] for n in chart["nodes"]] == ["p:1", "p:2", "p:3", "p:4"]
    assert {(e["source"], e["target"]) for e in chart["edges"]} == {("p:1", "p:2"), ("p:1", "p:3"), ("p:4", "p:2")}
    path = parse_graph_spec("test", {"path": {"nodes": "ids", "types": "types"}}, ["ids", "types"])
    assert to_graph(path, [{"ids": ["a", "b", "c"], "types": ["X", "Y"]}])["edges"] == [
        {"source": "a", "target": "b", "type": "X"}, {"source": "b", "target": "c", "type": "Y"}]
