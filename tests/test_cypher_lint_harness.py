"""Pins the Cypher linter itself (tests/support/cypher_lint.py and tools/cypher-lint).

A linter that rejected nothing would let every statement we ship pass, so these tests hold it to
both sides: statements Neo4j 5 accepts give no error, statements it rejects give at least one,
with Neo4j's own message. Everything is linted in one batch, as one Node process.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support import cypher_lint
from tests.support.cypher_lint import Diagnostic, errors_only, lint

ACCEPTED = {
    "unwind-merge": "UNWIND $rows AS r MERGE (p:Person {id: r.id}) SET p += r.props",
    "constraint": "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE",
    "fulltext-index": "CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Person|Org) ON EACH [n.name]",
    "shortest-path": "MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) RETURN p",
    "all-shortest-paths": "MATCH p = allShortestPaths((a {id: $a})-[:RECRUITED|TRAFFICKED*..8]-(b {id: $b})) RETURN p",
    "importing-with-subquery": "WITH 1 AS x CALL { WITH x RETURN x AS y } RETURN y",
    "scoped-subquery": "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN n, c",
    "subquery-in-transactions": "UNWIND $rows AS r CALL (r) { MERGE (:Person {id: r.id}) } IN TRANSACTIONS OF 500 ROWS",
    "show-indexes": "SHOW INDEXES YIELD name RETURN name",
    "undirected-merge": "MERGE (a:Person {id: $a}) MERGE (b:Person {id: $b}) MERGE (a)-[:KNOWS]-(b)",
    "multi-line": "MATCH (n:Case)\nWHERE n.id = $id\nRETURN n.title AS title",
}

# statement, words of Neo4j's message
REJECTED = {
    "syntax": ("MATCH (n RETURN n", "Invalid input 'RETURN'"),
    "undefined-variable": ("MATCH (n) RETURN m", "Variable `m` not defined"),
    "undirected-create": ("CREATE (a)-[:R]-(b)", "Only directed relationships are supported in CREATE"),
    "function-arity": ("RETURN size()", "Insufficient parameters for function 'size'"),
    "read-query-without-return": ("MATCH (n)", "Query cannot conclude with MATCH"),
    "duplicate-column": ("MATCH (n) RETURN n.a AS x, n.b AS x", "Multiple result columns with the same name"),
    "cypher-25-only-clause": ("MATCH (n) LET y = n.x RETURN y", "Invalid input 'LET'"),
    "empty": ("  \n", "Empty statement"),
}


@pytest.fixture(scope="module")
def linted() -> dict[str, list[Diagnostic]]:
    statements = dict(ACCEPTED) | {name: statement for name, (statement, _) in REJECTED.items()}
    return lint(statements)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_lint_passes_statements_neo4j_5_accepts(linted, name):
    assert [d for d in linted[name] if d.severity == "error"] == [], ACCEPTED[name]


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_lint_reports_statements_neo4j_5_rejects_with_its_message(linted, name):
    statement, words = REJECTED[name]
    errors = [d for d in linted[name] if d.severity == "error"]
    assert errors, f"no error for {statement!r}"
    assert any(words in d.message for d in errors), [d.message for d in errors]


def test_lint_reports_undefined_variable_at_its_line_and_column():
    found = lint({"q": "MATCH (n)\nRETURN m"})["q"]
    assert Diagnostic("error", "Variable `m` not defined", 2, 8) in found


def test_lint_checks_cypher_5_by_default_and_honours_a_version_prefix():
    statement = "MATCH (n) LET y = n.x RETURN y"
    results = lint({"default": statement, "cypher-25": f"CYPHER 25 {statement}"})
    assert set(errors_only(results)) == {"default"}


def test_lint_reports_deprecations_as_warnings_not_errors(linted):
    found = linted["importing-with-subquery"]
    assert any(d.severity == "warning" and "deprecated" in d.message for d in found), found


def test_lint_says_nothing_about_labels_types_properties_or_functions_it_cannot_know():
    found = lint({"q": "MATCH (a:NoSuchLabel)-[:NO_SUCH_TYPE]->(b) RETURN a.no_such_key, apoc.coll.toSet([b]) AS s"})
    assert found == {"q": []}


def test_lint_takes_every_parameter_as_supplied_unless_told_which_are():
    statement = "MATCH (n {id: $id}) WHERE n.x IN $`odd name` SET n.y = $0 RETURN n"
    assert lint({"q": statement}) == {"q": []}
    found = errors_only(lint({"q": statement}, params={"q": ["id", "odd name"]}))["q"]
    assert [d.message for d in found] == ["Parameter $0 is not defined."]


def test_lint_keeps_each_statements_findings_to_itself():
    results = lint({"good": "RETURN 1 AS one", "bad": "RETURN one", "also-good": "RETURN 2 AS two"})
    assert results["good"] == results["also-good"] == []
    assert set(errors_only(results)) == {"bad"}


def test_errors_only_drops_warnings_and_clean_statements():
    warning = Diagnostic("warning", "deprecated", 1, 1)
    error = Diagnostic("error", "broken", 1, 1)
    results = {"clean": [], "warned": [warning], "broken": [warning, error]}
    assert errors_only(results) == {"broken": [error]}


def test_lint_of_nothing_starts_no_node():
    assert lint({}) == {}


def test_lint_without_node_modules_says_to_run_make_test(monkeypatch, tmp_path):
    monkeypatch.setattr(cypher_lint, "LINT_DIR", tmp_path)
    with pytest.raises(RuntimeError, match="make test"):
        lint({"q": "RETURN 1"})


@pytest.mark.parametrize("payload", ["not json", "{}", '{"statements": [{"id": "a"}]}',
                                     '{"statements": [{"id": "a", "text": "RETURN 1", "params": "x"}]}'])
def test_lint_script_rejects_malformed_input_with_a_message(payload):
    node = shutil.which("node")
    assert node, "Node.js is needed: run `make test`"
    done = subprocess.run([node, "lint.mjs"], input=payload, capture_output=True, text=True, timeout=120,
                          cwd=cypher_lint.LINT_DIR, check=False)
    assert done.returncode != 0
    assert "malformed input" in done.stderr
