"""``tipgraph report 4p``: the yearly 4P report as one file an analyst can hand in.

The command edge of ``playbooks.report``: it reads the options, the font setting
(``TIPGRAPH_CJK_FONT``) and the generated time (``SOURCE_DATE_EPOCH`` when set, so a build
can be reproduced byte for byte), then builds the report once and writes one file.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph.errors import GraphError
from graph.settings import load_settings

__all__ = ["report_app"]

report_app = typer.Typer(help="Reports built from the graph.", no_args_is_help=True)
_err = Console(stderr=True, soft_wrap=True)
_LANGS = ("zh-TW", "en")


def _generated_at() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise typer.BadParameter(f"SOURCE_DATE_EPOCH={epoch!r}: give whole seconds since 1970-01-01 UTC")
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def _as_of(text: str | None) -> date:
    if not text:
        return datetime.now(timezone.utc).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r}: give the cut-off as a date, e.g. 2023-01-31", param_hint="--as-of") from None


def _format(fmt: str | None, output: Path) -> str:
    from playbooks.report import FORMATS

    chosen = (fmt or output.suffix.lstrip(".")).lower()
    if chosen == "markdown":
        chosen = "md"
    if chosen not in FORMATS:
        raise typer.BadParameter(f"{fmt or output.name!r}: give --format {'|'.join(FORMATS)} "
                                 "(or an output file ending in one of them)", param_hint="--format")
    return chosen


def _write(output: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written report is never left under its name."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    partial.write_bytes(data)
    partial.replace(output)


@report_app.command("4p")
def report_4p(
    year: Annotated[int, typer.Option("--year", help="Calendar year, e.g. 2022 (ROC year 111).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.", dir_okay=False)],
    lang: Annotated[str, typer.Option("--lang", help="zh-TW or en.")] = "zh-TW",
    fmt: Annotated[str | None, typer.Option("--format", help="md, html, docx or pdf (default: from -o's suffix).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Cut-off date: count only documents ingested by then (default: today, UTC).")] = None,
    suppress_below: Annotated[int, typer.Option("--suppress-below", min=0, help="Show counts below N as <N.")] = 0,
) -> None:
    """Write the yearly 4P report: cover, summary per P with the year before, charts, commentary, definitions."""
    from playbooks.errors import PlaybookError
    from playbooks.report import FONT_ENV, build_report, find_cjk_font, render

    if not 1912 <= year <= 2100:
        raise typer.BadParameter(f"{year}: give a calendar year such as 2022 (ROC year + 1911)", param_hint="--year")
    if lang not in _LANGS:
        raise typer.BadParameter(f"{lang!r}: give zh-TW or en", param_hint="--lang")
    chosen = _format(fmt, output)
    cutoff, generated = _as_of(as_of), _generated_at()
    try:
        font = None if chosen == "md" else find_cjk_font(os.environ.get(FONT_ENV))
        from graph.store import open_store

        with open_store(load_settings()) as store:
            report = build_report(store, year, lang=lang, as_of=cutoff, generated_at=generated,
                                  suppress_below=suppress_below)
        data = render(report, chosen, font=font)
        _write(output, data)
    except (GraphError, PlaybookError, ValueError, OSError) as e:
        _err.print(f"[bold red]error:[/] {e}", highlight=False, markup=True)
        raise typer.Exit(1) from None
    typer.echo(f"{output} ({chosen}, {len(data):,} bytes, {lang}, {year}, as of {cutoff.isoformat()})")
