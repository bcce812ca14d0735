"""Accounts with known passwords for tests, made through the Python API (the product has no default)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from workbench.signin import AUTH_KEY, session_for
from workbench.users import User, UserStore

PASSWORD = "correct horse battery staple"  # tests only


def ensure_user(home: Path, name: str, role: str, *, office: str | None = None) -> User:
    """The account ``name`` under ``home`` with ``role`` and the test password (created once)."""
    users = UserStore.at_home(home)
    user = users.get(name)
    if user is None:
        user = users.add(name, role, PASSWORD, office=office)
    return user


def signed_in(state: Any, home: Path, role: str, *, name: str | None = None, office: str | None = None,
              seen: float | None = None) -> dict[str, Any]:
    """Put a signed-in session for a ``role`` user into an AppTest's session state."""
    user = ensure_user(home, name or f"test-{role}", role, office=office)
    auth = session_for(user, time.time() if seen is None else seen)
    state[AUTH_KEY] = auth
    return auth
