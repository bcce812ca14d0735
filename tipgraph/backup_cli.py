"""``tipgraph backup FILE`` and ``tipgraph restore FILE [--merge]``: the command edge of
``graph.backup`` and ``graph.restore``. Registered on the main app by ``tipgraph.cli``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tipgraph.cli import _friendly, _print_json, _settings, app, err, out

__all__ = ["backup_cmd", "restore_cmd"]


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:.1f} KiB"


@app.command("backup")
@_friendly
def backup_cmd(
    file: Annotated[Path, typer.Argument(help="The backup file to write (a tar archive; replaced if it exists).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Write the whole graph (nodes, relationships, evidence, documents, search keys, analysis
    results) and the audit trail to FILE as compressed JSON Lines with a manifest and checksums."""
    from graph.backup import write_backup
    from graph.store import open_store

    settings = _settings()
    with open_store(settings) as store:
        summary = write_backup(store, file, home=settings.home)
    if as_json:
        _print_json(summary.as_dict())
        return
    out.print(f"backup written to {summary.path}: {summary.nodes} nodes, {summary.relationships} relationships"
              f"{', the audit trail' if summary.audit else ''}; {_size(summary.bytes)} in {summary.seconds:.1f} s; "
              f"checksum {summary.content_checksum[:16]}")


@app.command("restore")
@_friendly
def restore_cmd(
    file: Annotated[Path, typer.Argument(help="A file written by `tipgraph backup`.")],
    merge: Annotated[bool, typer.Option("--merge", help="Upsert into a database that already holds nodes "
                                                         "(by id; running it twice changes nothing).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Restore a backup: every checksum is verified before anything is written; refuses a database
    that holds nodes unless --merge."""
    from graph.restore import restore_backup
    from graph.store import open_store

    if not file.is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    settings = _settings()
    with open_store(settings) as store:
        summary = restore_backup(store, file, merge=merge, home=settings.home,
                                 progress=None if as_json else lambda step: err.print(f"restore: {step}"))
    if as_json:
        _print_json(summary.as_dict())
        return
    check = {True: "the graph has the backup's checksum", False: "the graph's checksum DIFFERS from the backup's",
             None: "merged, so the checksum is not compared"}[summary.checksum_matches]
    out.print(f"restored {summary.nodes} nodes and {summary.relationships} relationships from {summary.path} "
              f"in {summary.seconds:.1f} s; {check}" + (f"; audit trail written to {summary.audit}" if summary.audit else ""))
    if summary.checksum_matches is False:
        raise typer.Exit(1)
