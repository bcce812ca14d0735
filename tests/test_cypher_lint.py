"""Every Cypher statement we ship passes Neo4j's own Cypher front end.

Collected: module-level string constants of our packages that read as Cypher (templates are
filled with every label or relationship type the model allows there), the generated schema
statements, and the ```cypher blocks of the docs. A statement Neo4j 5 would reject fails the
build, even though the local server might have accepted it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from graph.cypher import fill
from graph.model import MODEL
from graph.schema import schema_statements
from playbooks.catalogue import playbook_statements
from tests.support.cypher_lint import errors_only, lint

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("graph", "tipgraph", "ingest", "nlp", "playbooks", "workbench", "bench", "exports")
CYPHER_START = re.compile(r"^\s*(MATCH|OPTIONAL|MERGE|UNWIND|CREATE|CALL|RETURN|WITH|SHOW|DROP)\b")


def _module_names() -> list[str]:
    names = []
    for package in PACKAGES:
        pkg = importlib.import_module(package)
        names.append(package)
        names.extend(m.name for m in pkgutil.walk_packages(pkg.__path__, prefix=f"{package}.")
                     if not m.name.endswith(("serverproc", "__main__")))
    return names


def _expansions(name: str, template: str) -> dict[str, str]:
    if "__PROP__" in template:
        return {}  # filled by schema_statements(), linted from there
    if "__TYPE__" in template or "__START__" in template or "__END__" in template:
        out = {}
        for rel in MODEL.rels.values():
            for start, end in rel.endpoints:
                slots = {k: v for k, v in (("TYPE", rel.type), ("START", start), ("END", end)) if f"__{k}__" in template}
                if "__LABEL__" in template:
                    slots["LABEL"] = start
                out[f"{name}[{rel.type},{start},{end}]"] = fill(template, **slots)
        return out
    if "__LABEL__" in template:
        return {f"{name}[{label}]": fill(template, LABEL=label) for label in MODEL.nodes}
    return {name: template}


def collect_statements() -> dict[str, str]:
    statements: dict[str, str] = {}
    for module_name in _module_names():
        module = importlib.import_module(module_name)
        for attr, value in vars(module).items():
            if attr.isupper() and isinstance(value, str) and CYPHER_START.match(value):
                statements.update(_expansions(f"{module_name}.{attr}", value))
    for i, statement in enumerate(schema_statements()):
        statements[f"schema[{i}]"] = statement
    statements.update(playbook_statements())  # the YAML playbooks and 4P indicators
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        if doc.exists():
            for j, block in enumerate(re.findall(r"```cypher\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)):
                statements[f"{doc.name}#{j}"] = block
    return statements


def test_cypher_lint_collects_the_statements_we_ship():
    statements = collect_statements()
    names = {n.split("[")[0] for n in statements}
    for expected in ("graph.writes.UPSERT_RELS", "graph.reads.EXPAND", "graph.reads.SEARCH_NAMES",
                     "graph.projection.PROJECT_RELS", "graph.schema.SHOW_INDEXES", "data-model.md#0",
                     "indicators/cases_referred.yaml", "investigations/recruiter_hubs.yaml"):
        assert expected in names or any(n.startswith(expected) for n in statements), expected
    assert len(statements) > 100


def test_cypher_lint_every_statement_passes_neo4j_front_end():
    statements = collect_statements()
    failures = errors_only(lint(statements))
    report = "\n".join(f"{name}: {d.message} (line {d.line}, column {d.column})"
                       for name, diags in failures.items() for d in diags)
    assert not failures, f"Neo4j's Cypher front end rejects:\n{report}"


@pytest.mark.parametrize("statement", ["MATCH (n:Person RETURN n", "MATCH (n) RETURN m"])
def test_cypher_lint_would_catch_a_bad_statement(statement):
    assert errors_only(lint({"bad": statement})), statement
