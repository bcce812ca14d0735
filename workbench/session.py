"""What every page shares: the service for this user, the language, safe text helpers."""

from __future__ import annotations

import html

import streamlit as st

from graph.audit import AuditLog
from graph.settings import load_settings
from graph.store import Store, open_store
from workbench.access import PAGES, PermissionDenied, may_open
from workbench.i18n import LANGS, t
from workbench.service import WorkbenchService
from workbench.signin import require_user

__all__ = ["service", "lang", "tr", "escaped", "language_picker"]


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    # one driver for the whole server process; each call opens its own session
    return open_store(load_settings(), user="workbench")


def service(page: str) -> WorkbenchService:
    """The service for the person signed in to this browser session, on ``page``.

    Shows the sign-in form and stops when no one is signed in (or the session expired); says
    so and stops when the user's role may not open the page. Either way the page's own code
    never runs, and the service refuses what the role may not do in any case.
    """
    settings = load_settings()
    user = require_user(settings)
    audit = AuditLog.at_home(settings.home)
    if page not in PAGES or not may_open(user["role"], page):
        audit.record(actor=user["user"], role=user["role"], action="open_page", target=page, outcome="denied")
        st.error(str(PermissionDenied(user["role"], f"open the {page} page")))
        st.stop()
    store = _store().as_user(f"workbench:{user['user']}")  # the server's query log names who asked
    return WorkbenchService(store, actor=user["user"], role=user["role"], office=user.get("office"), audit=audit)


def lang() -> str:
    return st.session_state.get("lang", "zh-TW")


def tr(key: str, **values: object) -> str:
    return t(key, lang(), **values)


def escaped(text: object) -> str:
    """Text from the graph made safe for st.markdown / HTML: markup shows as text."""
    return html.escape(str(text if text is not None else ""), quote=True)


def language_picker() -> None:
    """The language switch in the sidebar; ``?lang=en`` in the address picks the first language."""
    if "lang" not in st.session_state and st.query_params.get("lang") in LANGS:
        st.session_state["lang"] = st.query_params["lang"]
    st.sidebar.radio(t("language", lang()), LANGS, key="lang", horizontal=True,
                     format_func=lambda code: "繁體中文" if code == "zh-TW" else "English")
