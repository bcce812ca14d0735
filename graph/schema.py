"""Constraints and indexes, derived from the data model (``tipgraph db init``).

Each node kind gets a uniqueness constraint on ``id`` (which also indexes it), and each
property declared ``indexed`` gets a range index. All statements use ``IF NOT EXISTS``, so
running them again changes nothing.
"""

from __future__ import annotations

from typing import LiteralString

from graph.cypher import fill
from graph.model import MODEL, Model
from graph.store import Store

__all__ = ["schema_statements", "init_schema", "SHOW_INDEXES"]

ID_CONSTRAINT = "CREATE CONSTRAINT __LABEL___id IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE"
PROP_INDEX = "CREATE INDEX __LABEL_____PROP__ IF NOT EXISTS FOR (n:__LABEL__) ON (n.__PROP__)"
SHOW_INDEXES = "SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties"


def schema_statements(model: Model = MODEL) -> list[LiteralString]:
    """Every schema statement for the model, constraints first."""
    statements: list[LiteralString] = [fill(ID_CONSTRAINT, LABEL=n.label) for n in model.nodes.values()]
    for n in model.nodes.values():
        for p in n.props:
            if p.indexed:
                # property names come from the model declaration, never from input
                statements.append(fill(PROP_INDEX.replace("__PROP__", p.name), LABEL=n.label))
    return statements


def init_schema(store: Store) -> list[str]:
    """Create the constraints and indexes that are missing; returns the statements run."""
    statements = schema_statements()
    for statement in statements:
        store.write(statement, purpose="schema")
    return list(statements)
