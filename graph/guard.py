"""A guard that refuses updating Cypher where only reads are allowed.

Neo4j refuses writes in a read transaction; the bundled local server does not. So
``tipgraph query`` without ``--write`` and the playbooks check statements here first:
string literals, back-quoted names and comments are skipped, property keys and map keys
(``n.set``, ``{create: 1}``) are not clauses, and procedure calls must be on an allow-list.

>>> check_read_only("MATCH (n) WHERE n.name = 'CREATE' RETURN n")
>>> check_read_only("MATCH (n) DETACH DELETE n")
Traceback (most recent call last):
...
graph.errors.QueryRejected: statement refused: only reads are allowed here; use --write to change data (found 'DETACH')
"""

from __future__ import annotations

import re

from graph.errors import QueryRejected

__all__ = ["check_read_only", "READ_PROCEDURES"]

_UPDATING = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "DROP", "LOAD", "ALTER",
             "GRANT", "DENY", "REVOKE", "START", "STOP", "TERMINATE", "RENAME"}
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components", "db.info",
})

_TOKENS = re.compile(
    r"""(?P<skip>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"""
    r"""|(?P<other>\S)""",
    re.DOTALL,
)


def check_read_only(statement: str) -> None:
    """Raise ``QueryRejected`` if the statement could change data; return None otherwise."""
    tokens = [(m.lastgroup, m.group()) for m in _TOKENS.finditer(statement) if m.lastgroup != "skip"]
    for i, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in (".", "$", ":") or after == ":":
            continue  # a property, parameter, label or map key named like a keyword
        upper = text.upper()
        if upper in _UPDATING:
            raise QueryRejected(text, "only reads are allowed here; use --write to change data")
        if upper == "TRANSACTIONS" and before.upper() == "IN":
            raise QueryRejected("IN TRANSACTIONS", "batched writes are not allowed in a read")
        if upper == "CALL" and i + 1 < len(tokens) and tokens[i + 1][0] == "word":
            procedure = tokens[i + 1][1].lower()
            if procedure not in READ_PROCEDURES:
                raise QueryRejected(tokens[i + 1][1], f"only these procedures may be called: {sorted(READ_PROCEDURES)}")
