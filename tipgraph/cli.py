"""The ``tipgraph`` command line: one verb per subcommand, tables for people, JSON for tools.

Errors of ours become one line on stderr and exit status 1 (2 for bad usage); logs go to
stderr; results go to stdout.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import GraphError
from graph.settings import Settings, load_settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="tipgraph",
    help="tipgraph: anti-trafficking case graph and investigation workbench.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The graph database: local server and schema.", no_args_is_help=True)
app.add_typer(db_app, name="db")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])


def _settings() -> Settings:
    return load_settings()


def _friendly(fn: F) -> F:
    """Turn our exceptions into a one-line message and exit status 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GraphError as e:
            err.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def _table(rows: Sequence[dict[str, Any]], title: str | None = None) -> None:
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    table = Table(title=title)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    out.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


@db_app.command("start")
@_friendly
def db_start(as_json: Annotated[bool, typer.Option("--json", help="Print the state as JSON.")] = False) -> None:
    """Start the bundled local graph server (if none runs) and create the schema."""
    from graph import localserver, schema
    from graph.store import open_store

    settings = _settings()
    if not settings.uses_local_server:
        raise GraphError(f"NEO4J_URI is set ({settings.neo4j_uri}): tipgraph uses that server and starts none")
    state = localserver.start(settings)
    with open_store(settings, start_local=False) as store:
        schema.init_schema(store)
    if as_json:
        _print_json({"state": "running", "bolt_uri": state.bolt_uri, "database": state.database, "pid": state.pid})
    else:
        out.print(f"local graph server running at {state.bolt_uri} (database {state.database}, pid {state.pid})")


@db_app.command("stop")
@_friendly
def db_stop() -> None:
    """Stop the bundled local graph server; committed data is kept."""
    from graph import localserver

    stopped = localserver.stop(_settings())
    out.print("local graph server stopped" if stopped else "no local graph server was running")


@db_app.command("status")
@_friendly
def db_status(as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False) -> None:
    """Say whether the graph server runs, where, and how much it holds (never the password)."""
    from graph import localserver, reads
    from graph.store import open_store

    settings = _settings()
    status: dict[str, Any]
    if settings.uses_local_server:
        state = localserver.current(settings)
        if state is None:
            status = {"state": "stopped", "bolt_uri": None, "database": settings.database}
        else:
            status = {"state": "running", "bolt_uri": state.bolt_uri, "database": state.database, "pid": state.pid}
    else:
        status = {"state": "remote", "bolt_uri": settings.neo4j_uri, "database": settings.database}
    if status["state"] != "stopped":
        with open_store(settings, start_local=False) as store:
            c = reads.counts(store)
        status.update(nodes=sum(c["nodes"].values()), relationships=sum(c["relationships"].values()), counts=c)
    if as_json:
        _print_json(status)
        return
    out.print(f"state: {status['state']}  uri: {status['bolt_uri'] or '-'}  database: {status['database']}")
    if "nodes" in status:
        out.print(f"nodes: {status['nodes']}  relationships: {status['relationships']}")


@db_app.command("init")
@_friendly
def db_init() -> None:
    """Create the constraints and indexes of the data model (safe to run again)."""
    from graph import schema
    from graph.store import open_store

    with open_store(_settings()) as store:
        statements = schema.init_schema(store)
    out.print(f"schema ready: {len(statements)} constraints and indexes")


def _parse_param(text: str) -> tuple[str, Any]:
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise typer.BadParameter(f"{text!r}: write parameters as name=value (value may be JSON)", param_hint="--param")
    try:
        return name, json.loads(raw)
    except json.JSONDecodeError:
        return name, raw


@app.command("query")
@_friendly
def query(
    cypher: Annotated[str, typer.Argument(help="The Cypher statement; pass values as $parameters.")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value; value parsed as JSON when it is JSON.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON Lines.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Allow the statement to change data.")] = False,
) -> None:
    """Run one Cypher statement: in a read transaction, or a write one with --write."""
    from graph.guard import check_read_only
    from graph.store import open_store

    params = dict(_parse_param(p) for p in param or [])
    if not write:
        check_read_only(cypher)
    with open_store(_settings()) as store:
        # the statement is the user's own text, sent as typed, values as parameters
        run = store.write if write else store.read
        rows = run(cypher, params, purpose="console")  # type: ignore[arg-type]
    if as_json:
        for row in rows:
            _print_json(row)
    elif rows:
        _table(rows)
    else:
        err.print("(no rows)")


def _read_text(path: str) -> tuple[str, bytes]:
    """A text file's text and bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or Big5/CP950."""
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), data
    if b"\x00" in data:
        raise typer.BadParameter(f"{path}: holds NUL bytes, so it is binary, not text", param_hint="FILE")
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return data.decode(encoding), data
        except UnicodeDecodeError:
            continue
    raise typer.BadParameter(f"{path}: not UTF-8, UTF-16 or Big5 text; convert it to UTF-8", param_hint="FILE")


@app.command("extract")
@_friendly
def extract_cmd(
    files: Annotated[list[str], typer.Argument(help="Text files to read; - for standard input.")],
    lang: Annotated[str, typer.Option("--lang", help="auto (per document), zh or en.")] = "auto",
) -> None:
    """Extract people, roles, organisations, places, dates, flights, identifiers, relations and
    indicators; one JSON object per document on stdout (JSON Lines)."""
    from nlp.extract import LANGS, doc_id_of, extract_many

    if lang not in LANGS:
        raise typer.BadParameter(f"{lang!r}: choose one of {', '.join(LANGS)}", param_hint="--lang")
    items = []
    for path in files:
        try:
            text, data = _read_text(path)
        except OSError as e:
            raise typer.BadParameter(f"{path}: {e.strerror}", param_hint="FILE") from None
        items.append((doc_id_of(data), text))
    for result in extract_many(items, lang=lang):
        _print_json(result)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    app()


if __name__ == "__main__":
    main()
