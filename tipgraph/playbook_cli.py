"""``tipgraph playbook list|run`` and ``tipgraph indicators``: saved investigations and the 4P figures.

Registered on the main app by ``tipgraph.cli``; uses its output helpers, so tables and JSON
look like every other command's. A bad parameter is a usage error (exit status 2) naming the
parameter and its expected type; other playbook errors are one line and exit status 1.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer

from playbooks.errors import ParameterError, PlaybookError
from tipgraph.cli import _friendly, _print_json, _settings, _table, app, err

__all__ = ["playbook_app", "indicators_cmd"]

F = TypeVar("F", bound=Callable[..., Any])
playbook_app = typer.Typer(help="Saved investigations: list them, run one with its parameters.", no_args_is_help=True)
app.add_typer(playbook_app, name="playbook")


def _playbook_errors(fn: F) -> F:
    """Parameter errors become usage errors naming the parameter; other playbook errors one line."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ParameterError as e:
            raise typer.BadParameter(str(e), param_hint=f"-p {e.name}") from None
        except PlaybookError as e:
            err.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@app.command("indicators")
@_friendly
@_playbook_errors
def indicators_cmd(
    year: Annotated[int, typer.Option("--year", help="Calendar year (2022 for ROC year 111).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of indicator objects.")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Cut-off (ISO date or date-time): count only records "
                                              "from documents ingested by then; the same cut-off gives the "
                                              "same figures after later ingests.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Titles in the table: en or zh-TW.")] = "en",
) -> None:
    """Print every 4P indicator of a year, with the year before, computed from the graph."""
    from graph.store import open_store
    from playbooks.indicators import compute_indicators, cutoff, year_span

    if lang not in ("en", "zh-TW"):
        raise typer.BadParameter(f"{lang!r}: choose en or zh-TW", param_hint="--lang")
    try:
        year_span(year)
        cutoff(as_of)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--as-of" if as_of and "as_of" in str(e) else "--year") from None
    with open_store(_settings()) as store:
        values = compute_indicators(store, year, as_of=as_of)
    if as_json:
        _print_json([v.as_dict() for v in values])
        return
    zh = lang == "zh-TW"
    rows = [{"P": v.definition.p, "indicator": ("　" if v.definition.parent else "") +
             (v.definition.title_zh if zh else v.definition.title_en),
             str(year): v.value, str(year - 1): v.previous,
             "unit": v.definition.unit_zh if zh else v.definition.unit_en, "records": v.records} for v in values]
    _table(rows, title=f"4P indicators {year}" + (f" as of {as_of}" if as_of else ""))


def _parse_params(items: list[str] | None) -> dict[str, str]:
    given: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r}: write parameters as name=value", param_hint="-p")
        given[name.strip()] = value
    return given


@playbook_app.command("list")
@_friendly
@_playbook_errors
def playbook_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of playbooks with their parameters.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Titles in the table: en or zh-TW.")] = "en",
) -> None:
    """List the investigation playbooks and the parameters each takes."""
    from playbooks.investigations import load_playbooks

    books = load_playbooks()
    if as_json:
        _print_json([{"name": b.name, "title_zh": b.title_zh, "title_en": b.title_en,
                      "description_zh": b.description_zh, "description_en": b.description_en,
                      "columns": list(b.columns),
                      "parameters": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                                      "help_en": p.help_en, "help_zh": p.help_zh} for p in b.params.values()]}
                     for b in books])
        return
    zh = lang == "zh-TW"
    rows = [{"name": b.name, "title": b.title_zh if zh else b.title_en,
             "parameters": [f"{p.name}:{p.type}" + ("*" if p.required else f"={p.default}" if p.default is not None
                                                    else "") for p in b.params.values()]} for b in books]
    _table(rows, title=f"{len(books)} playbooks (* required; run with: tipgraph playbook run NAME -p name=value)")


@playbook_app.command("run")
@_friendly
@_playbook_errors
def playbook_run(
    name: Annotated[str, typer.Argument(help="The playbook's name (see `tipgraph playbook list`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value, typed as the playbook declares.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv (spreadsheet-safe) or json (a list of rows).")] = "table",
    max_rows: Annotated[int | None, typer.Option("--max-rows", min=1, help="Fewer rows than the playbook's own cap.")] = None,
) -> None:
    """Run one playbook: its read-only statement, with a time-out and a row cap."""
    import sys

    from graph.store import open_store
    from playbooks.export import write_csv
    from playbooks.investigations import playbook, run_playbook
    from playbooks.params import bind

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter(f"{fmt!r}: choose table, csv or json", param_hint="--format")
    book = playbook(name)
    params = bind(book.params, _parse_params(param))  # bad names and values fail before the graph is opened
    with open_store(_settings()) as store:
        result = run_playbook(store, book, params, max_rows=max_rows)
    if fmt == "json":
        _print_json(result.rows)
    elif fmt == "csv":
        write_csv(result.rows, book.columns, sys.stdout)
    elif result.rows:
        _table(result.rows, title=f"{book.title_en} / {book.title_zh}: {len(result.rows)} rows")
    else:
        err.print("(no rows)")
    if result.truncated:
        err.print(f"[yellow]only the first {len(result.rows)} rows are shown:[/] narrow the parameters to see the rest",
                  highlight=False, markup=True)
