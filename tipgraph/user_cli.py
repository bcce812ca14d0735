"""``tipgraph user add|disable|enable|passwd|list|ensure-demo-admin``: the workbench's local
accounts (``workbench.users``). Registered on the main app by ``tipgraph.cli``.

Passwords are generated and printed once, or read from standard input with
``--password-stdin``; they are never taken as an argument (shell history, ``ps``)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tipgraph.cli import _friendly, _print_json, _settings, _table, app, err, out

__all__ = ["user_app"]

user_app = typer.Typer(help="Workbench accounts: add, disable, enable, set a password, list.", no_args_is_help=True)
app.add_typer(user_app, name="user")


def _store():  # noqa: ANN202
    from workbench.accounts import user_store

    return user_store(_settings())


def _password(from_stdin: bool) -> tuple[str, bool]:
    """The password to set and whether it was generated (then it is printed once)."""
    from workbench.users import generate_password

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    return generate_password(), True


def _audit(action: str, target: str, params: dict) -> None:
    import getpass

    from graph.audit import AuditLog

    AuditLog.at_home(_settings().home).record(actor=f"cli:{getpass.getuser()}", role="cli", action=action,
                                              target=target, params=params)


@user_app.command("add")
@_friendly
def user_add(
    name: Annotated[str, typer.Argument(help="User name: lower-case letters, digits, '.', '_', '-' or '@'.")],
    role: Annotated[str, typer.Option("--role", help="investigator, coordinator, analyst or admin.")],
    office: Annotated[str | None, typer.Option("--office", help="A coordinator's office: the repatriation records "
                                                                "that are theirs.")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mail the single sign-on provider gives for "
                                                              "this person.")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard "
                                                                          "input instead of generating one.")] = False,
) -> None:
    """Create an account; prints a generated password once (unless --password-stdin)."""
    password, generated = _password(password_stdin)
    user = _store().add(name, role, password, office=office, email=email)
    _audit("add_user", user.name, {"role": user.role, "office": user.office})
    out.print(f"user {user.name} ({user.role}) added", highlight=False)
    if generated:
        out.print(f"password (shown once, give it to them in person): {password}", highlight=False)


@user_app.command("disable")
@_friendly
def user_disable(name: Annotated[str, typer.Argument(help="The account to disable.")]) -> None:
    """Disable an account: it can no longer sign in (its audit entries stay)."""
    user = _store().disable(name)
    _audit("disable_user", user.name, {})
    out.print(f"user {user.name} disabled", highlight=False)


@user_app.command("enable")
@_friendly
def user_enable(name: Annotated[str, typer.Argument(help="The account to enable again.")]) -> None:
    """Enable a disabled account again (and lift a lock-out)."""
    user = _store().enable(name)
    _audit("enable_user", user.name, {})
    out.print(f"user {user.name} enabled", highlight=False)


@user_app.command("passwd")
@_friendly
def user_passwd(
    name: Annotated[str, typer.Argument(help="The account.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the new password from standard "
                                                                          "input instead of generating one.")] = False,
) -> None:
    """Set a new password (generated and printed once, or from standard input); lifts a lock-out."""
    password, generated = _password(password_stdin)
    user = _store().set_password(name, password)
    _audit("passwd", user.name, {})
    out.print(f"password of {user.name} changed", highlight=False)
    if generated:
        out.print(f"password (shown once): {password}", highlight=False)


@user_app.command("list")
@_friendly
def user_list(as_json: Annotated[bool, typer.Option("--json", help="One JSON object per account.")] = False) -> None:
    """The accounts with role, office, e-mail, state and failures (never a hash)."""
    users = [u.public() for u in _store().list()]
    if as_json:
        for u in users:
            _print_json(u)
        return
    if not users:
        out.print("no users yet: `tipgraph user add NAME --role admin`")
        return
    _table(users)


@user_app.command("ensure-demo-admin")
@_friendly
def user_ensure_demo_admin(
    name: Annotated[str, typer.Option("--name", help="The admin's user name.")] = "admin",
) -> None:
    """Create an admin with a generated password when there is no admin yet (what `make run` does),
    and print it once; otherwise say who the admins are."""
    from workbench.users import generate_password

    store = _store()
    admins = [u.name for u in store.list() if u.role == "admin" and not u.disabled]
    if admins:
        err.print(f"admin account(s) exist: {', '.join(admins)} (`tipgraph user passwd NAME` resets a password)")
        return
    password = generate_password()
    store.add(name, "admin", password)
    _audit("add_user", name, {"role": "admin", "demo": True})
    out.print(f"demo admin created: user {name}, password {password} (shown once). Sign in, then add an "
              "investigator on the Admin page or with `tipgraph user add NAME --role investigator`.",
              highlight=False)
