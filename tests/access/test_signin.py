"""Accounts and signing in, without a graph: argon2id hashes, a private file, lock-out after
repeated failures, idle expiry, and every attempt in the audit trail without the password."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.audit import AuditLog
from tipgraph.cli import app
from workbench.signin import current_user, session_alive, sign_in
from workbench.users import LockedOut, SignInFailed, UserError, UserStore

PASSWORD = "a long test password"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def users(tmp_path: Path, clock: Clock) -> UserStore:
    store = UserStore(tmp_path / "auth" / "users.json", max_failures=5, lockout=timedelta(minutes=15), clock=clock)
    store.add("ines", "investigator", PASSWORD)
    return store


@pytest.fixture
def audit(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "audit" / "audit.jsonl")


def test_signin_passwords_are_stored_as_argon2id_in_a_private_file(users: UserStore) -> None:
    raw = users.path.read_text(encoding="utf-8")
    assert PASSWORD not in raw and '"$argon2id$' in raw
    assert stat.S_IMODE(users.path.stat().st_mode) == 0o600


def test_signin_a_right_password_signs_in_and_is_recorded(users: UserStore, audit: AuditLog) -> None:
    session = sign_in(users, audit, "Ines", PASSWORD, now=100.0)
    assert session["user"] == "ines" and session["role"] == "investigator"
    assert [(e["action"], e["actor"], e["outcome"]) for e in audit.entries()] == [("sign_in", "ines", "ok")]


def test_signin_failures_are_recorded_with_the_name_tried_never_the_password(users: UserStore, audit: AuditLog) -> None:
    for name in ("ines", "nobody"):
        with pytest.raises(SignInFailed, match="check the user name and password"):
            sign_in(users, audit, name, "wrong password!", now=0.0)
    entries = audit.entries()
    assert [(e["target"], e["outcome"]) for e in entries] == [("ines", "failed"), ("nobody", "failed")]
    assert "wrong password" not in audit.path.read_text(encoding="utf-8")


def test_signin_five_failures_lock_the_account_for_fifteen_minutes(users: UserStore, audit: AuditLog,
                                                                  clock: Clock) -> None:
    for _ in range(4):
        with pytest.raises(SignInFailed):
            sign_in(users, audit, "ines", "wrong password!", now=0.0)
    with pytest.raises(LockedOut, match="locked until"):
        sign_in(users, audit, "ines", "wrong password!", now=0.0)
    with pytest.raises(LockedOut):  # even the right password, while locked
        sign_in(users, audit, "ines", PASSWORD, now=0.0)
    assert [e["outcome"] for e in audit.entries()][-2:] == ["locked", "locked"]
    clock.now += timedelta(minutes=15, seconds=1)
    assert sign_in(users, audit, "ines", PASSWORD, now=0.0)["user"] == "ines"


def test_signin_a_disabled_account_cannot_sign_in(users: UserStore, audit: AuditLog) -> None:
    users.disable("ines")
    with pytest.raises(SignInFailed):
        sign_in(users, audit, "ines", PASSWORD, now=0.0)


def test_signin_an_idle_session_expires(users: UserStore, audit: AuditLog) -> None:
    session = sign_in(users, audit, "ines", PASSWORD, now=1000.0)
    assert current_user(session, users, 1000.0 + 29 * 60, idle_minutes=30) is not None
    assert current_user(session, users, 1000.0 + 31 * 60, idle_minutes=30) is None
    assert not session_alive(None, 0.0, 30)


def test_signin_disabling_or_changing_a_role_ends_a_live_session(users: UserStore, audit: AuditLog) -> None:
    session = sign_in(users, audit, "ines", PASSWORD, now=0.0)
    users.disable("ines")
    assert current_user(session, users, 1.0, idle_minutes=30) is None


def test_signin_accounts_refuse_short_passwords_bad_roles_and_duplicates(users: UserStore) -> None:
    with pytest.raises(UserError, match="at least 12"):
        users.add("short", "analyst", "tiny")
    with pytest.raises(UserError, match="choose one of"):
        users.add("bad", "superuser", PASSWORD)
    with pytest.raises(UserError, match="exists already"):
        users.add("ines", "analyst", PASSWORD)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPGRAPH_HOME", str(tmp_path))
    return tmp_path


def test_signin_cli_adds_lists_disables_and_never_prints_a_hash(home: Path) -> None:
    runner = CliRunner()
    added = runner.invoke(app, ["user", "add", "cora", "--role", "coordinator", "--office", "Taoyuan"])
    assert added.exit_code == 0 and "password (shown once" in added.output
    generated = added.output.split("in person): ")[1].split()[0]
    assert UserStore.at_home(home).authenticate("cora", generated).office == "Taoyuan"
    given = runner.invoke(app, ["user", "add", "ana", "--role", "analyst", "--password-stdin"], input=PASSWORD + "\n")
    assert given.exit_code == 0 and "shown once" not in given.output
    listed = runner.invoke(app, ["user", "list", "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {r["name"] for r in rows} == {"cora", "ana"} and "argon2" not in listed.output
    assert runner.invoke(app, ["user", "disable", "ana"]).exit_code == 0
    assert UserStore.at_home(home).get("ana").disabled
    bad = runner.invoke(app, ["user", "add", "x", "--role", "root"])
    assert bad.exit_code == 1 and "choose one of" in bad.output


def test_signin_cli_passwd_sets_a_password_from_stdin_and_lifts_a_lockout(home: Path) -> None:
    runner = CliRunner()
    runner.invoke(app, ["user", "add", "ines", "--role", "investigator", "--password-stdin"], input=PASSWORD + "\n")
    changed = runner.invoke(app, ["user", "passwd", "ines", "--password-stdin"], input="another long secret\n")
    assert changed.exit_code == 0
    assert UserStore.at_home(home).authenticate("ines", "another long secret").name == "ines"


def test_signin_cli_demo_admin_is_made_once_with_a_generated_password(home: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["user", "ensure-demo-admin"])
    assert first.exit_code == 0 and "demo admin created" in first.output
    again = runner.invoke(app, ["user", "ensure-demo-admin"])
    assert again.exit_code == 0 and "demo admin created" not in again.output
    assert [u.role for u in UserStore.at_home(home).list()] == ["admin"]


class _ProviderUser(dict):
    """What st.user looks like after the identity provider signed someone in."""

    is_logged_in = True


def test_signin_single_sign_on_maps_the_providers_email_to_a_local_account(users: UserStore, audit: AuditLog,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st

    from workbench import signin

    users.add("cora", "coordinator", PASSWORD, office="Bangkok", email="Cora@Agency.example")
    monkeypatch.setattr(signin, "_sso_configured", lambda: True)
    monkeypatch.setattr(st, "user", _ProviderUser(email="cora@agency.example"))
    session = signin._sso_session(users, audit, now=5.0)
    assert session is not None and (session["user"], session["role"], session["office"], session["via"]) == (
        "cora", "coordinator", "Bangkok", "oidc")
    assert audit.entries()[-1]["params"] == {"via": "oidc"} and audit.entries()[-1]["outcome"] == "ok"


def test_signin_single_sign_on_without_a_local_account_is_refused(users: UserStore, audit: AuditLog,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st

    from workbench import signin

    monkeypatch.setattr(signin, "_sso_configured", lambda: True)
    monkeypatch.setattr(st, "user", _ProviderUser(email="stranger@elsewhere.example"))
    assert signin._sso_session(users, audit, now=5.0) is None
    assert (audit.entries()[-1]["target"], audit.entries()[-1]["outcome"]) == ("stranger@elsewhere.example", "failed")
