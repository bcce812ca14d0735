"""Signing in to the workbench: the form shown before anything else, idle expiry, sign-out.

The signed-in user lives in Streamlit's server-side session state (``st.session_state["auth"]``:
user, role, office, when last seen); a browser cannot set it. Each page load checks that the
session is still alive (``TIPGRAPH_SESSION_MINUTES`` idle at most) and that the account still
exists, is enabled and has the same role, so disabling someone or changing their role takes
effect at their next click. Sign-ins, failed ones (with the name tried, never the password),
lock-outs, expiries and sign-outs go into the audit trail.

Single sign-on: when ``.streamlit/secrets.toml`` has an ``[auth]`` section, the form also offers
Streamlit's ``st.login``; the provider's e-mail must belong to an enabled local account
(``tipgraph user add NAME --role ROLE --email ADDRESS``), whose role then applies
(docs/workbench.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import streamlit as st

from graph.audit import AuditLog
from graph.settings import Settings, load_settings
from workbench.access import AccessError
from workbench.accounts import user_store
from workbench.i18n import t
from workbench.users import LockedOut, User, UserStore

__all__ = ["AUTH_KEY", "session_alive", "sign_in", "session_for", "current_user", "signed_in", "require_user",
           "sign_out",
           "clock"]

AUTH_KEY = "auth"
clock: Callable[[], float] = time.time  # seconds; tests give sessions old timestamps rather than patch this


def session_for(user: User, now: float, *, via: str = "password") -> dict[str, Any]:
    """What the session keeps about its signed-in user."""
    return {"user": user.name, "role": user.role, "office": user.office, "seen": now, "via": via}


def session_alive(auth: dict[str, Any] | None, now: float, idle_minutes: float) -> bool:
    """Whether a session was seen less than ``idle_minutes`` ago.

    >>> session_alive({"seen": 0.0}, 60 * 29, 30), session_alive({"seen": 0.0}, 60 * 31, 30), session_alive(None, 0, 30)
    (True, False, False)
    """
    return auth is not None and bool(auth) and now - float(auth.get("seen") or 0) < idle_minutes * 60


def sign_in(users: UserStore, audit: AuditLog, name: str, password: str, now: float) -> dict[str, Any]:
    """Check a name and password and record the attempt; the new session.

    Raises:
        SignInFailed, LockedOut: recorded with the name tried (never the password).
    """
    tried = (name or "").strip().lower()[:64]
    try:
        user = users.authenticate(tried, password)
    except LockedOut as e:
        audit.record(actor=tried, role="", action="sign_in", target=tried, params={"locked_until": e.until},
                     outcome="locked")
        raise
    except AccessError:
        audit.record(actor=tried, role="", action="sign_in", target=tried, outcome="failed")
        raise
    audit.record(actor=user.name, role=user.role, action="sign_in", target=user.name, outcome="ok")
    return session_for(user, now)


def current_user(auth: dict[str, Any] | None, users: UserStore, now: float,
                 idle_minutes: float) -> dict[str, Any] | None:
    """The session's user when the session is alive and the account still enabled with that role."""
    if not session_alive(auth, now, idle_minutes):
        return None
    assert auth is not None  # noqa: S101  (session_alive said so)
    user = users.get(auth["user"])
    if user is None or user.disabled or user.role != auth["role"]:
        return None
    return {**auth, "office": user.office, "seen": now}


def _lang() -> str:
    return st.session_state.get("lang", "zh-TW")


def _sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all  # noqa: BLE001
        return False


def _sso_session(users: UserStore, audit: AuditLog, now: float) -> dict[str, Any] | None:
    """The local account matching the single sign-on identity, if the provider signed someone in."""
    if not _sso_configured() or not getattr(st.user, "is_logged_in", False):
        return None
    email = str(st.user.get("email") or "")
    user = users.by_email(email) if email else None
    if user is None or user.disabled:
        audit.record(actor=email or "?", role="", action="sign_in", target=email, params={"via": "oidc"},
                     outcome="failed")
        st.error(t("sso_no_account", _lang()))
        return None
    audit.record(actor=user.name, role=user.role, action="sign_in", target=user.name, params={"via": "oidc"},
                 outcome="ok")
    return session_for(user, now, via="oidc")


def _form(settings: Settings, users: UserStore, audit: AuditLog) -> None:
    lang = _lang()
    st.title(t("sign_in", lang))
    with st.form("signin_form", clear_on_submit=True):  # a refused password does not stay in the field
        name = st.text_input(t("user_name", lang), key="signin_name", max_chars=64)
        password = st.text_input(t("password", lang), type="password", key="signin_password", max_chars=200)
        submitted = st.form_submit_button(t("sign_in", lang))
    if submitted:
        try:
            st.session_state[AUTH_KEY] = sign_in(users, audit, name, password, clock())
        except AccessError as e:
            st.error(str(e))
        else:
            st.rerun()
    if _sso_configured() and st.button(t("sign_in_sso", lang), key="signin_sso"):
        st.login()


def signed_in(settings: Settings | None = None) -> dict[str, Any] | None:
    """The signed-in user of this browser session, or None (after saying that a session expired)."""
    settings = settings or load_settings()
    users = user_store(settings)
    now = clock()
    auth = st.session_state.get(AUTH_KEY)
    user = current_user(auth, users, now, settings.session_minutes)
    if user is None and auth is None:
        user = _sso_session(users, AuditLog.at_home(settings.home), now)
    if user is not None:
        st.session_state[AUTH_KEY] = user
        return user
    if auth is not None:  # there was a session: it expired, or the account changed
        AuditLog.at_home(settings.home).record(actor=str(auth.get("user")), role=str(auth.get("role")),
                                               action="session_end", target=str(auth.get("user")), outcome="expired")
        del st.session_state[AUTH_KEY]
        st.warning(t("session_expired", _lang(), minutes=int(settings.session_minutes)))
    return None


def require_user(settings: Settings | None = None) -> dict[str, Any]:
    """The signed-in user of this browser session; otherwise shows the sign-in form and stops the page."""
    settings = settings or load_settings()
    user = signed_in(settings)
    if user is not None:
        return user
    _form(settings, user_store(settings), AuditLog.at_home(settings.home))
    st.stop()
    # reached only outside a Streamlit run (a tool importing the module), where st.stop() returns:
    # a user with no role, who may do nothing
    return {"user": "", "role": "", "office": None, "seen": 0.0}


def sign_out(settings: Settings | None = None) -> None:
    """End this browser session's sign-in (and the provider's, for single sign-on)."""
    settings = settings or load_settings()
    auth = st.session_state.pop(AUTH_KEY, None)
    if auth:
        AuditLog.at_home(settings.home).record(actor=auth["user"], role=auth["role"], action="sign_out",
                                               target=auth["user"])
        if auth.get("via") == "oidc":
            st.logout()
