"""The linter itself: it must pass what Neo4j 5 accepts and fail what it rejects."""

import pytest

from tests.support.cypher_lint import errors_only, lint

VALID = {
    "unwind-merge": "UNWIND $rows AS r MERGE (p:Person {id: r.id}) SET p += r.props",
    "constraint": "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE",
    "paths": "MATCH p = allShortestPaths((a {id: $a})-[:RECRUITED|TRAFFICKED*..8]-(b {id: $b})) RETURN p",
    "subquery": "MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS c } RETURN c",
    "show": "SHOW INDEXES YIELD name RETURN name",
}

INVALID = {
    "syntax": ("MATCH (n RETURN n", "Invalid input"),
    "undefined-variable": ("MATCH (n) RETURN m", "not defined"),
    "undirected-create": ("CREATE (a)-[:R]-(b)", "directed"),
    "arity": ("RETURN size()", "parameters for function"),
    "no-return": ("MATCH (n)", "cannot conclude"),
}


def test_lint_passes_statements_neo4j_accepts():
    assert errors_only(lint(VALID)) == {}


@pytest.mark.parametrize("name", sorted(INVALID))
def test_lint_reports_statements_neo4j_rejects(name):
    statement, words = INVALID[name]
    errors = errors_only(lint({name: statement})).get(name, [])
    assert errors, statement
    assert any(words.lower() in e.message.lower() for e in errors), [e.message for e in errors]


def test_lint_reports_deprecations_as_warnings_not_errors():
    results = lint({"old": "MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS c } RETURN c"})
    assert errors_only(results) == {}
    assert any(d.severity == "warning" for d in results["old"])
