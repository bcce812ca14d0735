"""Who may do what: the roles, the one permission table, and the error a refusal raises.

The table maps each service action (``workbench.audited.action`` names) to the roles that may
call it; ``WorkbenchService`` consults it before every call, so hiding a page is a courtesy,
not the control. Two roles get less than the whole graph even where they may act:

* ``analyst``: every name and identifier the service returns is masked (``MASKED_ROLES``).
* ``coordinator``: only "own" records (``SCOPED_ROLES``): the repatriation records of the
  office set on the account (``tipgraph user add --office``), the victims those records are
  about, the cases those victims are victims in, and the suspects and recruiters of those cases.

``admin`` manages accounts and reads the audit trail, and sees no case data: keeping the
people who grant access apart from the people who read victims' files means every read of a
file is by someone whose role the admin granted and the trail shows.

Downloads that leave the workbench (view exports, playbook CSV, the report) are masked for
every role.

>>> allowed("analyst", "report"), allowed("analyst", "entity"), allowed("admin", "case_summary")
(True, False, False)
"""

from __future__ import annotations

from graph.errors import GraphError

__all__ = ["ROLES", "PERMISSIONS", "PAGES", "MASKED_ROLES", "SCOPED_ROLES", "AccessError", "PermissionDenied",
           "allowed", "check", "pages_for", "may_open"]

ROLES = ("investigator", "coordinator", "analyst", "admin")
INV, COORD, ANA, ADMIN = ROLES

# action -> roles that may do it: the one place access is decided (README's table mirrors it)
PERMISSIONS: dict[str, frozenset[str]] = {
    # Explore: the link graph
    "search": frozenset({INV, COORD}),
    "ego_network": frozenset({INV}),
    "entity": frozenset({INV}),
    "evidence": frozenset({INV}),
    "paths": frozenset({INV}),
    "export_view": frozenset({INV}),
    # Case and person
    "case_summary": frozenset({INV, COORD}),
    "person_summary": frozenset({INV, COORD}),
    "journey": frozenset({INV, COORD}),
    # Repatriation
    "repatriation": frozenset({INV, COORD, ANA}),
    "stage_history": frozenset({INV, COORD}),
    "move_stage": frozenset({INV, COORD}),
    "check_manifest": frozenset({INV, COORD}),
    # Review (entity resolution)
    "resolution_candidates": frozenset({INV}),
    "candidate_count": frozenset({INV}),
    "decide": frozenset({INV}),
    # 4P indicators and the report
    "indicators": frozenset({INV, COORD, ANA}),
    "indicator_records": frozenset({INV, COORD, ANA}),
    "report": frozenset({INV, COORD, ANA}),
    # Playbooks
    "playbooks": frozenset({INV, ANA}),
    "run_playbook": frozenset({INV, ANA}),
    "export_playbook": frozenset({INV, ANA}),
    # Ingest
    "ingest": frozenset({INV, COORD}),
    # Administration
    "users": frozenset({ADMIN}),
    "add_user": frozenset({ADMIN}),
    "disable_user": frozenset({ADMIN}),
    "enable_user": frozenset({ADMIN}),
    "reset_password": frozenset({ADMIN}),
    "audit_trail": frozenset({ADMIN}),
}

# page (file stem without _page) -> the action that opens it
PAGES: dict[str, str] = {
    "explore": "ego_network", "case": "case_summary", "repatriation": "repatriation", "indicators": "indicators",
    "ingest": "ingest", "playbooks": "run_playbook", "review": "decide", "admin": "users",
}

MASKED_ROLES = frozenset({ANA})
SCOPED_ROLES = frozenset({COORD})


class AccessError(GraphError):
    """Base of sign-in and permission errors."""


class PermissionDenied(AccessError):
    """The user's role may not do this, or not to this record."""

    def __init__(self, role: str, action: str, target: str = "", why: str = "") -> None:
        self.role, self.action, self.target = role, action, target
        what = f"{action} {target}".strip()
        super().__init__(f"not allowed: a{'n' if role[:1] in 'aeiou' else ''} {role} may not {what}"
                         f"{'; ' + why if why else ''}; ask an admin if your work needs it")


def allowed(role: str, action: str) -> bool:
    """Whether ``role`` may do ``action`` at all (an unknown action is allowed to no one)."""
    return role in PERMISSIONS.get(action, frozenset())


def check(role: str, action: str, target: str = "") -> None:
    """Raise ``PermissionDenied`` unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise PermissionDenied(role, action, target)


def may_open(role: str, page: str) -> bool:
    return page in PAGES and allowed(role, PAGES[page])


def pages_for(role: str) -> list[str]:
    """The pages ``role`` may open, in navigation order."""
    return [p for p in PAGES if may_open(role, p)]
