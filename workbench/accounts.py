"""The accounts of this installation as the CLI and the workbench open them (settings applied)."""

from __future__ import annotations

from datetime import timedelta

from graph.settings import Settings
from workbench.users import UserStore

__all__ = ["user_store"]


def user_store(settings: Settings) -> UserStore:
    """The accounts file under ``settings.home`` with the configured lock-out."""
    return UserStore.at_home(settings.home, max_failures=settings.lockout_attempts,
                             lockout=timedelta(minutes=settings.lockout_minutes))
