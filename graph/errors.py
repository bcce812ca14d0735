"""The graph package's exceptions.

Every error a user can meet carries what happened, the offending value and what to do,
so that the front ends (CLI, workbench) can show it as one line without a traceback.
Messages never carry a person's name, phone or document text: only ids.
"""

from __future__ import annotations

__all__ = [
    "GraphError",
    "GraphUnavailable",
    "GraphAuthError",
    "QueryError",
    "QueryRejected",
    "ModelError",
    "MissingEndpoints",
    "NotFound",
    "ServerError",
    "SettingsError",
]


class GraphError(Exception):
    """Base of every error raised by ``graph``."""


class SettingsError(GraphError):
    """A setting is missing or has a value we cannot use."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"setting {name}: {message}")


class GraphUnavailable(GraphError):
    """The graph server cannot be reached (down, wrong address, still starting)."""

    def __init__(self, uri: str, reason: str) -> None:
        self.uri = uri
        self.reason = reason
        super().__init__(
            f"cannot reach the graph server at {uri}: {reason}. "
            "Start the local one with `tipgraph db start`, or check NEO4J_URI."
        )


class GraphAuthError(GraphError):
    """The server refused our credentials."""

    def __init__(self, uri: str, user: str) -> None:
        self.uri = uri
        self.user = user
        super().__init__(
            f"the graph server at {uri} refused user {user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD (or NEO4J_PASSWORD_FILE)."
        )


class QueryError(GraphError):
    """The server rejected or failed a statement."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.server_message = message
        super().__init__(f"the graph server rejected the statement ({code}): {message}")


class GdsUnavailable(GraphError):
    """In-database analytics were asked of a server without Neo4j Graph Data Science."""

    def __init__(self, uri: str, reason: str) -> None:
        self.uri = uri
        self.reason = reason
        super().__init__(f"cannot run the analysis in the graph server at {uri}: {reason}. "
                         "Use --engine local to run it here, or see docs/scale.md for a GDS server.")


class QueryRejected(GraphError):
    """We refused to send a statement (for example a write in a read-only context)."""

    def __init__(self, clause: str, reason: str) -> None:
        self.clause = clause
        super().__init__(f"statement refused: {reason} (found {clause!r})")


class ModelError(GraphError):
    """Data that does not fit the data model: unknown kind, bad property value."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(f"{where}: {message}")


class MissingEndpoints(GraphError):
    """Relationships whose start or end node does not exist; nothing was written."""

    def __init__(self, rel_type: str, ids: list[str]) -> None:
        self.rel_type = rel_type
        self.ids = ids
        shown = ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")
        super().__init__(
            f"{len(ids)} {rel_type} relationship(s) point at nodes that do not exist "
            f"({shown}); write the nodes first. Nothing of this batch was written."
        )


class NotFound(GraphError):
    """No entity with this id."""

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(f"no entity with id {entity_id!r}; search for it with `tipgraph query`.")


class ServerError(GraphError):
    """The bundled local server could not be started, stopped or inspected."""
