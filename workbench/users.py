"""Local accounts: argon2id-hashed passwords, roles, lock-out after repeated failures.

Kept in ``$TIPGRAPH_HOME/auth/users.json`` (mode 0600), not in the graph: signing in must work
before the graph answers, a graph backup or partner export must never carry password hashes,
and an admin can repair accounts with the graph server stopped. Every change rewrites the file
under an exclusive ``fcntl`` lock (to a temporary file, then renamed), so two sessions signing
in at once cannot lose a failure count.

There is no default password: passwords are generated (``generate_password``) and shown once,
or given by the admin.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from workbench.access import ROLES, AccessError

__all__ = ["USERS_FILE", "User", "UserStore", "SignInFailed", "LockedOut", "UserError", "generate_password",
           "MIN_PASSWORD"]

USERS_FILE = Path("auth") / "users.json"
MIN_PASSWORD = 12
_HASHER = PasswordHasher()  # argon2id with the library's current defaults (RFC 9106 low-memory profile)
_NAME_OK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-@")
# verified against when the user is unknown, so a wrong name takes as long as a wrong password
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


class UserError(AccessError):
    """An account cannot be created or changed as asked."""


class SignInFailed(AccessError):
    """Wrong name or password, or a disabled account (the message never says which)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__("sign-in failed: check the user name and password")


class LockedOut(AccessError):
    """Too many failed sign-ins: the account is locked until ``until``."""

    def __init__(self, name: str, until: str) -> None:
        self.name, self.until = name, until
        super().__init__(f"too many failed sign-ins: the account is locked until {until} UTC; "
                         "try again then, or ask an admin")


@dataclass
class User:
    """One account as stored (the hash never leaves this module's callers' hands in output)."""

    name: str
    role: str
    password_hash: str = field(repr=False)
    office: str | None = None  # a coordinator's office: whose victims are theirs
    email: str | None = None  # for single sign-on: the identity provider's e-mail maps here
    disabled: bool = False
    failed: int = 0
    locked_until: str | None = None
    created_at: str = ""
    password_changed_at: str = ""

    def public(self) -> dict[str, Any]:
        """What ``user list`` and the admin page show: everything but the hash."""
        return {k: v for k, v in asdict(self).items() if k != "password_hash"}


def generate_password() -> str:
    """A password to show once: 20 URL-safe characters (about 120 bits)."""
    return secrets.token_urlsafe(15)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _check_name(name: str) -> str:
    clean = (name or "").strip().lower()
    if not clean or len(clean) > 64 or not set(clean) <= _NAME_OK:
        raise UserError(f"user name {name!r}: use 1-64 lower-case letters, digits, '.', '_', '-' or '@'")
    return clean


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"role {role!r}: choose one of {', '.join(ROLES)}")
    return role


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"the password is too short: give at least {MIN_PASSWORD} characters")
    return password


class UserStore:
    """The accounts file of one installation; every method reads it afresh."""

    def __init__(self, path: Path, *, max_failures: int = 5, lockout: timedelta = timedelta(minutes=15),
                 clock: Callable[[], datetime] = _now) -> None:
        self.path = Path(path)
        self.max_failures = max_failures
        self.lockout = lockout
        self.clock = clock

    @classmethod
    def at_home(cls, home: Path, **options: Any) -> UserStore:
        return cls(Path(home) / USERS_FILE, **options)

    # --- file ---------------------------------------------------------------------------
    def _read(self) -> dict[str, User]:
        if not self.path.exists():
            return {}
        raw = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        return {name: User(**record) for name, record in raw.get("users", {}).items()}

    @contextmanager
    def _changing(self) -> Iterator[dict[str, User]]:
        """The accounts, locked for change; written back when the block ends without error."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = os.open(self.path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            users = self._read()
            yield users
            tmp = self.path.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"users": {n: asdict(u) for n, u in sorted(users.items())}}, f, ensure_ascii=False,
                          indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            os.chmod(self.path, 0o600)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            os.close(lock)

    # --- reading ------------------------------------------------------------------------
    def list(self) -> list[User]:
        return sorted(self._read().values(), key=lambda u: u.name)

    def get(self, name: str) -> User | None:
        return self._read().get((name or "").strip().lower())

    def by_email(self, email: str) -> User | None:
        """The account whose e-mail is ``email`` (case-insensitive), for single sign-on."""
        wanted = (email or "").strip().lower()
        return next((u for u in self._read().values() if u.email and u.email.lower() == wanted), None)

    # --- changing -----------------------------------------------------------------------
    def add(self, name: str, role: str, password: str, *, office: str | None = None,
            email: str | None = None) -> User:
        """Create an account.

        Raises:
            UserError: a bad name, role or short password, or the name is taken.
        """
        name, role, password = _check_name(name), _check_role(role), _check_password(password)
        with self._changing() as users:
            if name in users:
                raise UserError(f"user {name} exists already: use `tipgraph user passwd {name}` to reset it")
            at = _iso(self.clock())
            users[name] = User(name, role, _HASHER.hash(password), office=office or None, email=email or None,
                               created_at=at, password_changed_at=at)
            return users[name]

    def _change(self, name: str, change: Callable[[User], None]) -> User:
        with self._changing() as users:
            user = users.get((name or "").strip().lower())
            if user is None:
                raise UserError(f"no user {name!r}: see `tipgraph user list`")
            change(user)
            return user

    def disable(self, name: str) -> User:
        return self._change(name, lambda u: setattr(u, "disabled", True))

    def enable(self, name: str) -> User:
        def change(u: User) -> None:
            u.disabled, u.failed, u.locked_until = False, 0, None
        return self._change(name, change)

    def set_password(self, name: str, password: str) -> User:
        """A new password; it also lifts a lock-out."""
        _check_password(password)

        def change(u: User) -> None:
            u.password_hash, u.failed, u.locked_until = _HASHER.hash(password), 0, None
            u.password_changed_at = _iso(self.clock())
        return self._change(name, change)

    def authenticate(self, name: str, password: str) -> User:
        """The account, when the name and password match an enabled, unlocked one.

        Counts failures; the ``max_failures``-th locks the account for ``lockout``.

        Raises:
            LockedOut: the account is locked (even when the password is right).
            SignInFailed: anything else that is wrong, without saying what.
        """
        key = (name or "").strip().lower()
        now = self.clock()
        failure: AccessError | None = None
        with self._changing() as users:  # written back even when the sign-in fails: the count must stick
            user = users.get(key)
            if user is None:
                _verify(_DUMMY_HASH, password)
                failure = SignInFailed(key)
            elif user.locked_until and datetime.fromisoformat(user.locked_until) > now:
                failure = LockedOut(key, user.locked_until)
            elif user.disabled or not _verify(user.password_hash, password):
                user.failed += 1
                failure = SignInFailed(key)
                if user.failed >= self.max_failures:
                    user.failed, user.locked_until = 0, _iso(now + self.lockout)
                    failure = LockedOut(key, user.locked_until)
            else:
                user.failed, user.locked_until = 0, None
                if _HASHER.check_needs_rehash(user.password_hash):
                    user.password_hash = _HASHER.hash(password)
        if failure is not None:
            raise failure
        assert user is not None  # noqa: S101  (for the type checker: no failure means a user)
        return user


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False
