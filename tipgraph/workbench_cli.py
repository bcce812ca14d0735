"""``tipgraph workbench``: serve the Streamlit workbench on this machine (loopback by default)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from tipgraph.cli import _friendly, _settings, app, err

APP = Path(__file__).resolve().parent.parent / "workbench" / "app.py"


def streamlit_command(port: int, address: str, max_upload_mb: int) -> list[str]:
    """The Streamlit command line: headless, no usage statistics, no file watcher, no CDN."""
    return [sys.executable, "-m", "streamlit", "run", str(APP),
            "--server.port", str(port), "--server.address", address, "--server.headless", "true",
            "--server.fileWatcherType", "none", "--server.maxUploadSize", str(max_upload_mb),
            "--browser.gatherUsageStats", "false", "--global.developmentMode", "false",
            "--client.toolbarMode", "minimal", "--theme.base", "light"]


@app.command("workbench")
@_friendly
def workbench_cmd(
    port: Annotated[int, typer.Option("--port", help="Port to serve on.")] = 8501,
    address: Annotated[str, typer.Option("--address", help="Address to listen on (loopback unless you put it "
                                                            "behind a TLS-terminating proxy).")] = "127.0.0.1",
) -> None:
    """Serve the workbench (explore, cases, repatriation, 4P, ingest, playbooks, review, admin) behind sign-in."""
    from graph.store import open_store
    from workbench.accounts import user_store

    settings = _settings()
    with open_store(settings) as store:  # starts the local server when none is configured
        store.ping()
    if not user_store(settings).list():
        err.print("no workbench accounts yet: create one with `tipgraph user add NAME --role admin` "
                  "(or `tipgraph user ensure-demo-admin`), or nobody can sign in")
    err.print(f"tipgraph workbench on http://{address}:{port} (Ctrl+C stops it)")
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    try:
        raise typer.Exit(subprocess.call(streamlit_command(port, address, int(settings.max_file_mb)), env=env))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
