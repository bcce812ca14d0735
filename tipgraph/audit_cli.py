"""``tipgraph audit verify|show``: check the audit trail's hash chain, and read it filtered.
Registered on the main app by ``tipgraph.cli``."""

from __future__ import annotations

from typing import Annotated

import typer

from tipgraph.cli import _friendly, _print_json, _settings, _table, app, err, out

__all__ = ["audit_app"]

audit_app = typer.Typer(help="The audit trail: verify its hash chain, show it filtered.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@_friendly
def audit_verify() -> None:
    """Check every entry's hash, sequence and link to the one before; exit 1 at the first that was
    edited, deleted, inserted or reordered, naming its line."""
    from graph.audit import AuditLog

    log = AuditLog.at_home(_settings().home)
    if not log.path.exists():
        head = log.head()
        if head is not None:
            err.print(f"[bold red]audit trail missing:[/] {log.path} is gone but {log.head_path} says "
                      f"{head.get('seq')} entries were written; restore the trail from a backup", highlight=False)
            raise typer.Exit(1)
        out.print(f"no audit trail yet ({log.path}): nothing to verify")
        return
    check = log.verify()
    if not check.ok:
        err.print(f"[bold red]audit trail broken:[/] {log.path} {check.message()}; restore the trail from a "
                  "backup and keep this copy as evidence", highlight=False)
        raise typer.Exit(1)
    out.print(check.message(), highlight=False)


@audit_app.command("show")
@_friendly
def audit_show(
    actor: Annotated[str | None, typer.Option("--actor", help="Only this user's entries.")] = None,
    action: Annotated[str | None, typer.Option("--action", help="Only this action (search, entity, "
                                                                "sign_in...).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this UTC date or date-time "
                                                              "(YYYY-MM-DD...).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Up to this UTC date (the whole day) "
                                                              "or date-time.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line, as stored.")] = False,
) -> None:
    """The audit trail's entries, filtered; a table, or JSON Lines with --json."""
    from graph.audit import AuditLog, filter_entries

    entries = filter_entries(AuditLog.at_home(_settings().home).entries(), actor=actor, action=action, since=since,
                             until=until)
    if as_json:
        for e in entries:
            _print_json(e)
        return
    if not entries:
        out.print("no entries")
        return
    _table([{k: e.get(k) for k in ("seq", "at", "actor", "role", "action", "target", "params", "outcome")}
            for e in entries])
