"""The ``tipgraph`` command line: one verb per subcommand, tables for people, JSON for tools.

Errors of ours become one line on stderr and exit status 1 (2 for bad usage); logs go to
stderr; results go to stdout.
"""

from __future__ import annotations

import json
import logging
import sys
import time
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
demo_app = typer.Typer(help="The synthetic demo corpus: generate it, load it.", invoke_without_command=True)
app.add_typer(demo_app, name="demo")
from tipgraph.report_cli import report_app  # noqa: E402  (`tipgraph report 4p`)

app.add_typer(report_app, name="report")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])


def _settings() -> Settings:
    return load_settings()


def _friendly(fn: F) -> F:
    """Turn our exceptions into a one-line message and exit status 1; record the commands that touch
    case data in the audit trail."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ingest.quarantine import QuarantineFailed

        from tipgraph.cli_audit import record_cli

        outcome = "ok"
        try:
            return fn(*args, **kwargs)
        except (GraphError, QuarantineFailed) as e:
            outcome = f"error: {type(e).__name__}"
            err.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
            raise typer.Exit(1) from None
        except typer.Exit as e:
            outcome = "ok" if not e.exit_code else f"exit {e.exit_code}"
            raise
        except BaseException as e:
            outcome = f"error: {type(e).__name__}"
            raise
        finally:
            record_cli(fn.__name__, kwargs, outcome)  # the commands that touch case data (tipgraph/cli_audit.py)

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


_LIST_SHOWN = 4  # items of a list shown in a table cell; --json has them all


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        shown = ", ".join(_cell(v) for v in value[:_LIST_SHOWN])
        return shown + (f" … (+{len(value) - _LIST_SHOWN})" if len(value) > _LIST_SHOWN else "")
    if isinstance(value, dict):
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


@app.command("ingest")
@_friendly
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest (folders are walked).")],
    kind: Annotated[str, typer.Option("--kind", help="auto, case, rescue, manifest, services or activities.")] = "auto",
    lang: Annotated[str, typer.Option("--lang", help="auto (per document), zh or en.")] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    allow_quarantine: Annotated[
        bool, typer.Option("--allow-quarantine", help="Exit 0 even when files were quarantined.")
    ] = False,
) -> None:
    """Read, extract and load files into the graph, each document in one transaction; files that
    cannot be read go to the quarantine with the reason. Running it again adds nothing twice."""
    from ingest.pipeline import KINDS
    from nlp.extract import LANGS

    if kind not in KINDS:
        raise typer.BadParameter(f"{kind!r}: choose one of {', '.join(KINDS)}", param_hint="--kind")
    if lang not in LANGS:
        raise typer.BadParameter(f"{lang!r}: choose one of {', '.join(LANGS)}", param_hint="--lang")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="PATHS")
    summary = _run_ingest(paths, kind=kind, lang=lang, quiet=as_json)
    if as_json:
        _print_json(summary.as_dict())
    else:
        _print_summary(summary)
    if summary.quarantined and not allow_quarantine:
        raise typer.Exit(1)


def _run_ingest(paths: list[Path], *, kind: str = "auto", lang: str = "auto", quiet: bool = False) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from graph import schema
    from graph.store import open_store
    from ingest.pipeline import discover, ingest
    from ingest.resolve import resolve

    settings = _settings()
    files = discover(paths)  # walked once: ingest gets the files themselves
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} documents/s"), TimeElapsedColumn())
    with open_store(settings) as store, Progress(*columns, console=err, disable=quiet, transient=True) as bar:
        schema.init_schema(store)
        task = bar.add_task("ingest", total=len(files), rate="0.0")
        started = time.monotonic()

        def advance(_: Any) -> None:
            done = bar.tasks[0].completed + 1
            bar.update(task, completed=done, rate=f"{done / max(time.monotonic() - started, 1e-6):.1f}")

        summary = ingest(store, files, home=settings.home, kind=kind, lang=lang,
                         max_bytes=int(settings.max_file_mb * 2**20), workers=settings.workers, retry_s=settings.retry_s,
                         batch_size=settings.batch_size, progress=advance)
        resolved = resolve(store)
        summary.merges, summary.candidates = resolved.merged, resolved.candidates
    return summary


def _print_summary(summary: Any) -> None:
    d = summary.as_dict()
    out.print(f"{d['documents']} documents and {d['registers']} registers ingested, {d['skipped']} already in the graph; "
              f"{d['entities']} entities, {d['relations']} relations, {d['evidence']} pieces of evidence; "
              f"{d['merges']} merges, {d['candidates']} candidates for review; "
              f"{d['quarantined']} quarantined; {d['seconds']} s ({d['documents_per_second']} documents/s)")
    for q in summary.quarantined:
        err.print(f"[yellow]quarantined:[/] {q['message']}", highlight=False, markup=True)


@app.command("analyze")
@_friendly
def analyze_cmd(
    name: Annotated[str, typer.Argument(help="communities, key-players, co-travel, shared-identifiers, recruiter-hubs, "
                                             "journeys, rings or paths.")],
    since: Annotated[str | None, typer.Option("--since", help="Only relationships dated on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only relationships dated on or before.")] = None,
    case: Annotated[list[str] | None, typer.Option("--case", help="Only these cases, their people and what is next to them (repeat).")] = None,
    role: Annotated[list[str] | None, typer.Option("--role", help="Only people with this role: suspect, victim, recruiter (repeat).")] = None,
    types: Annotated[list[str] | None, typer.Option("--type", help="Only these relationship types (repeat).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (communities, key players, rings).")] = 0,
    runs: Annotated[int, typer.Option("--runs", help="Community runs compared for stability.")] = 10,
    backend: Annotated[str, typer.Option("--backend", help="louvain, or leiden (igraph's).")] = "louvain",
    engine: Annotated[str, typer.Option("--engine", help="communities, key-players: local (here, networkx), gds (in a Neo4j "
                                                         "server with Graph Data Science), or auto (gds when the server "
                                                         "has it and no filter is given).")] = "auto",
    days: Annotated[int, typer.Option("--days", help="co-travel: the same route within this many days.")] = 0,
    person: Annotated[str | None, typer.Option("--person", help="journeys: one victim's itinerary (person id).")] = None,
    source: Annotated[str | None, typer.Option("--from", help="paths: the entity to start from (id).")] = None,
    target: Annotated[str | None, typer.Option("--to", help="paths: the entity to reach (id).")] = None,
    max_hops: Annotated[int, typer.Option("--max-hops", help="paths: longest path.")] = 6,
    time_ordered: Annotated[bool, typer.Option("--time-ordered", help="paths: each hop no earlier than the one before.")] = False,
    view: Annotated[str | None, typer.Option("--view", help="recruiter-hubs: hubs, chains or cohorts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of row objects.")] = False,
    write: Annotated[bool, typer.Option("--write", help="Store per-person results (community, scores) on the nodes.")] = False,
) -> None:
    """Run one link analysis over the graph (a projection read in a few statements)."""
    from graph.projection import to_networkx, write_back
    from graph.store import open_store
    from tipgraph.analyze import ANALYSES, new_run_id, pick_engine, results_to_write, run_analysis, run_in_database

    if name not in ANALYSES:
        raise typer.BadParameter(f"{name!r}: choose one of {', '.join(ANALYSES)}", param_hint="NAME")
    options = {"seed": seed, "runs": runs, "backend": backend, "days": days, "person": person, "source": source,
               "target": target, "max_hops": max_hops, "time_ordered": time_ordered, "view": view}
    filtered = bool(since or until or case or role or types)
    settings = _settings()
    with open_store(settings) as store:
        try:
            if pick_engine(engine, name, filtered=filtered, local_server=settings.uses_local_server, store=store) == "gds":
                table = run_in_database(store, name, options)
            else:
                g = to_networkx(store, since=since, until=until, cases=case or None, roles=role or None,
                                rel_types=types or None)
                table = run_analysis(g, name, options)
        except ValueError as e:
            raise typer.BadParameter(str(e)) from None
        written = 0
        if write:
            results = results_to_write(name, table)
            if results:
                written = write_back(store, "Person", results, run_id=new_run_id(name))
    rows = json.loads(table.to_json(orient="records", force_ascii=False, date_format="iso"))
    if as_json:
        _print_json(rows)
    elif rows:
        _table(rows, title=f"{name}: {len(rows)} rows")
    else:
        err.print("(no rows)")
    if write:
        err.print(f"results stored on {written} people")


@demo_app.callback()
@_friendly
def demo(
    ctx: typer.Context,
    folder: Annotated[Path | None, typer.Option("--dir", help="Where the corpus is written (default TIPGRAPH_HOME/demo).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generator.")] = 2022,
) -> None:
    """Generate the demo corpus (if not there yet) and ingest it. Its bad files are quarantined on purpose."""
    if ctx.invoked_subcommand is not None:
        return
    from ingest.demo import generate

    settings = _settings()
    target = folder or settings.home / "demo"
    if not (target / "truth.json").is_file():
        summary = generate(target, seed=seed)
        err.print(f"demo corpus written to {target}: {summary.cases} case files, {summary.rescues} rescue reports, "
                  f"{summary.registers} registers, {summary.bad} bad files")
    parts = [target / name for name in ("cases", "rescues", "registers", "bad") if (target / name).is_dir()]
    _print_summary(_run_ingest(parts))


@demo_app.command("generate")
@_friendly
def demo_generate(
    folder: Annotated[Path, typer.Argument(help="Folder to write the corpus into.")],
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generator; the same seed gives the same bytes.")] = 2022,
) -> None:
    """Write the synthetic demo corpus and its ground truth (truth.json) into FOLDER."""
    from ingest.demo import generate

    summary = generate(folder, seed=seed)
    out.print(f"{summary.cases} case files, {summary.rescues} rescue reports and notes, {summary.registers} registers, "
              f"{summary.bad} bad files; ground truth in {summary.truth}")


from tipgraph import playbook_cli  # noqa: E402,F401  (registers `playbook` and `indicators`)
from tipgraph import backup_cli  # noqa: E402,F401  (registers `backup` and `restore`)
from tipgraph import export_cli  # noqa: E402,F401  (registers `export`)
from tipgraph import workbench_cli  # noqa: E402,F401  (registers `workbench`)
from tipgraph import audit_cli  # noqa: E402,F401  (registers `audit verify` and `audit show`)
from tipgraph import user_cli  # noqa: E402,F401  (registers `user add|disable|enable|passwd|list|ensure-demo-admin`)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken PDF is quarantined with its reason already
    app()


if __name__ == "__main__":
    main()
