"""The CLI's reads and writes of case data in the audit trail, beside the workbench's.

The command line has no roles: whoever can run it on the server holds the graph's password
file. What it can do, though, is leave the same trace: ``tipgraph.cli._friendly`` records the
commands named in ``AUDITED`` (who: ``cli:<OS user>``; what; the options given; the outcome).
"""

from __future__ import annotations

import getpass
from typing import Any

from graph.audit import AuditLog
from graph.settings import load_settings

__all__ = ["AUDITED", "record_cli"]

# command function -> action in the trail: the commands that read or write people's data
AUDITED = {
    "query": "cli:query", "ingest_cmd": "cli:ingest", "analyze_cmd": "cli:analyze", "demo": "cli:demo",
    "export_cmd": "cli:export", "playbook_run": "cli:playbook_run", "backup_cmd": "cli:backup",
    "restore_cmd": "cli:restore", "indicators_cmd": "cli:indicators",
}


def record_cli(function: str, options: dict[str, Any], outcome: str) -> None:
    """Append one entry for a finished command when it is one of ``AUDITED``."""
    action = AUDITED.get(function)
    if action is None:
        return
    AuditLog.at_home(load_settings().home).record(actor=f"cli:{getpass.getuser()}", role="cli", action=action,
                                                  params=options, outcome=outcome)
