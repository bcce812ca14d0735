"""The one graph-access module: it owns the ``neo4j`` driver.

Reads run in read transactions, writes in explicit write transactions; the driver retries
transient errors inside them. Every statement carries metadata (application, user, purpose)
so a DBA can attribute it, and a time-out. Driver errors are re-raised as ours
(``GraphUnavailable``, ``GraphAuthError``, ``QueryError``) with what to do.

Use ``open_store(settings)`` to get a store for the configured server, or the bundled local
one (started when none runs and ``NEO4J_URI`` is unset).
"""

from __future__ import annotations

import copy
import logging
import socket
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from dataclasses import dataclass
from typing import Any, LiteralString, TypeVar
from urllib.parse import urlsplit

import neo4j
from neo4j import exceptions as nx

from graph.errors import GdsUnavailable, GraphAuthError, GraphUnavailable, QueryError
from graph.settings import Settings

__all__ = ["Store", "Tx", "open_store", "Connection", "to_plain"]

log = logging.getLogger(__name__)
T = TypeVar("T")
APP = "tipgraph"


@dataclass(frozen=True)
class Connection:
    """Where and as whom to connect. The password is kept out of ``repr``."""

    uri: str
    user: str
    password: str
    database: str

    def __repr__(self) -> str:
        return f"Connection(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"


class Tx:
    """One open transaction; ``run`` sends one statement (one round trip)."""

    def __init__(self, tx: neo4j.ManagedTransaction, store: Store) -> None:
        self._tx = tx
        self._store = store

    def run(self, query: LiteralString, params: Mapping[str, Any] | None = None, *,
            max_rows: int | None = None) -> list[dict[str, Any]]:
        """The statement's rows as dicts; with ``max_rows``, stop reading after that many
        (the rest are not fetched from the server)."""
        self._store.round_trips += 1
        result = self._tx.run(query, dict(params or {}))
        rows = islice(result, max_rows) if max_rows is not None else result
        return [{key: to_plain(value) for key, value in record.items()} for record in rows]


class Store:
    """A connection to one database of one graph server.

    Args:
        conn: where to connect.
        timeout_s: time-out for each transaction, enforced by the server.
        user: who is asking (recorded in each statement's metadata).
    """

    def __init__(self, conn: Connection, *, timeout_s: float = 30.0, user: str = "cli") -> None:
        self.conn = conn
        self.timeout_s = timeout_s
        self.user = user
        self.round_trips = 0
        self._driver = neo4j.GraphDatabase.driver(
            conn.uri,
            auth=(conn.user, conn.password),
            user_agent=f"{APP}/0.1",
            connection_timeout=10.0,
            max_transaction_retry_time=15.0,
        )

    def close(self) -> None:
        self._driver.close()

    def as_user(self, user: str) -> Store:
        """This store, sharing its driver and connection pool, naming ``user`` in each statement's
        metadata (the workbench's signed-in user, so the server's query log says who asked).
        Close only the original: the copy's ``close`` closes the shared driver."""
        other = copy.copy(self)
        other.user = user
        other.round_trips = 0
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except nx.AuthError:
            raise GraphAuthError(self.conn.uri, self.conn.user) from None
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as e:
            raise GraphUnavailable(self.conn.uri, str(e) or type(e).__name__) from e
        except nx.Neo4jError as e:
            if (e.code or "").startswith("Neo.ClientError.Request."):
                # the Bolt conversation itself went wrong (a connection half-open across a server
                # restart): a connection problem to wait out, not a fault of the statement
                raise GraphUnavailable(self.conn.uri, f"the connection was in a bad state ({e.message})") from e
            raise QueryError(e.code or "unknown", e.message or str(e)) from e
        except nx.DriverError as e:
            raise QueryError(type(e).__name__, str(e)) from e

    def _unit(self, fn: Callable[[Tx], T], purpose: str,
              timeout_s: float | None = None) -> Callable[[neo4j.ManagedTransaction], T]:
        timeout = self.timeout_s if timeout_s is None else min(timeout_s, self.timeout_s)

        @neo4j.unit_of_work(timeout=timeout, metadata={"app": APP, "user": self.user, "purpose": purpose})
        def work(tx: neo4j.ManagedTransaction) -> T:
            return fn(Tx(tx, self))

        return work

    def read_tx(self, fn: Callable[[Tx], T], *, purpose: str = "read", timeout_s: float | None = None) -> T:
        """Run ``fn`` in one read transaction (routed to a reader on a cluster); ``timeout_s``
        shortens the store's time-out for this transaction (it never lengthens it)."""
        with self._errors(), self._driver.session(database=self.conn.database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(self._unit(fn, purpose, timeout_s))

    def write_tx(self, fn: Callable[[Tx], T], *, purpose: str = "write") -> T:
        """Run ``fn`` in one write transaction: all of it lands, or none of it."""
        with self._errors(), self._driver.session(database=self.conn.database) as s:
            return s.execute_write(self._unit(fn, purpose))

    def read(self, query: LiteralString, params: Mapping[str, Any] | None = None, *, purpose: str = "read") -> list[dict[str, Any]]:
        """One statement in a read transaction; rows as dicts."""
        return self.read_tx(lambda tx: tx.run(query, params), purpose=purpose)

    def write(self, query: LiteralString, params: Mapping[str, Any] | None = None, *, purpose: str = "write") -> list[dict[str, Any]]:
        """One statement in a write transaction; rows as dicts."""
        return self.write_tx(lambda tx: tx.run(query, params), purpose=purpose)

    def reachable(self, timeout_s: float = 0.5) -> bool:
        """Whether the server's Bolt port accepts a connection: a cheap check to poll while
        waiting for a server to come back (``ping`` asks the database itself)."""
        parts = urlsplit(self.conn.uri)
        try:
            with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 7687), timeout=timeout_s):
                return True
        except OSError:
            return False

    def ping(self) -> None:
        """Raise ``GraphUnavailable`` unless the database answers a trivial query."""
        self.read("RETURN 1 AS ok", purpose="ping")

    def data_science(self) -> Any:
        """A ``graphdatascience`` client on this store's driver and database, for servers with
        Neo4j Graph Data Science (``graph.analytics.gds``). It talks Bolt only (no Arrow port).

        Raises:
            GdsUnavailable: the client is not installed, or the server has no GDS library.
        """
        try:
            from graphdatascience import GraphDataScience
            from graphdatascience.error.unable_to_connect import UnableToConnectError
        except ImportError:
            raise GdsUnavailable(self.conn.uri, "the graphdatascience client is not installed: "
                                 "pip install 'tipgraph[gds]'") from None
        try:
            with self._errors():
                return GraphDataScience(self._driver, database=self.conn.database, arrow=False, show_progress=False)
        except (QueryError, UnableToConnectError) as e:  # the client asks gds.version() first
            raise GdsUnavailable(self.conn.uri, "the server has no Graph Data Science library") from e
        except ValueError as e:  # the client's own check of the GDS version
            raise GdsUnavailable(self.conn.uri, str(e)) from e


def open_store(settings: Settings, *, user: str = "cli", start_local: bool = True) -> Store:
    """A store for ``NEO4J_URI``, or for the local server (started if needed and allowed)."""
    from graph import localserver  # the local server is only needed when no URI is set

    if settings.uses_local_server:
        state = localserver.ensure_running(settings) if start_local else localserver.require_running(settings)
        conn = Connection(state.bolt_uri, localserver.ROOT_USER, localserver.read_password(settings), settings.database)
    else:
        conn = Connection(settings.neo4j_uri or "", settings.neo4j_user, settings.neo4j_password or "", settings.database)
    return Store(conn, timeout_s=settings.query_timeout_s, user=user)


def to_plain(value: Any) -> Any:
    """Driver values as JSON-ready data: nodes and relationships as dicts, temporal values as ISO text."""
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [to_plain(n) for n in value.nodes], "relationships": [to_plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
