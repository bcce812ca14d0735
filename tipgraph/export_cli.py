"""``tipgraph export --format F -o FILE``: the command edge of the ``exports`` package.
Registered on the main app by ``tipgraph.cli``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tipgraph.cli import _friendly, _print_json, _settings, app, err, out

__all__ = ["export_cmd"]


@app.command("export")
@_friendly
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ftm, graphml, gexf, csv, htcds or ctdc.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (csv: FILE-nodes.csv and "
                                                                "FILE-edges.csv, or one .xlsx workbook).")],
    profile: Annotated[str, typer.Option("--profile", help="partner: names masked, identifiers partly hidden; "
                                                           "internal: as stored.")] = "partner",
    k: Annotated[int, typer.Option("--k", help="ctdc: every combination of quasi-identifiers is shared by at "
                                               "least k rows (smaller groups generalised or suppressed).")] = 11,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")] = False,
) -> None:
    """Export the graph in a format partners can open (FollowTheMoney, GraphML, GEXF, CSV/XLSX,
    HTCDS, CTDC), masked per profile."""
    from exports import PROFILES, load_builtin
    from exports.graphdata import read_export_data
    from graph.store import open_store

    exporters = load_builtin()
    if fmt not in exporters:
        raise typer.BadParameter(f"{fmt!r}: choose one of {', '.join(sorted(exporters))}", param_hint="--format")
    if profile not in PROFILES:
        raise typer.BadParameter(f"{profile!r}: choose partner or internal", param_hint="--profile")
    if k < 1:
        raise typer.BadParameter(f"{k}: k must be 1 or more", param_hint="--k")
    if not output.parent.is_dir():
        raise typer.BadParameter(f"the folder {output.parent} does not exist; create it first", param_hint="--output")
    chosen = exporters[fmt]
    with open_store(_settings()) as store:
        data = read_export_data(store, profile=profile, with_indicators=chosen.needs_indicators)
    result = chosen.write(data, output, k=k)
    if as_json:
        _print_json(result.as_dict())
        return
    out.print(f"{fmt} export ({profile} profile): {result.records} records written to {', '.join(result.files)}")
    for note in result.notes:
        err.print(note)
