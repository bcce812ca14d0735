"""What every page shares: the service for this user, the language, safe text helpers."""

from __future__ import annotations

import html
import os

import streamlit as st

from graph.settings import load_settings
from graph.store import Store, open_store
from workbench.i18n import LANGS, t
from workbench.service import WorkbenchService

__all__ = ["service", "lang", "tr", "escaped", "language_picker"]


@st.cache_resource(show_spinner=False)
def _store() -> Store:
    # one driver for the whole server process; each call opens its own session
    return open_store(load_settings(), user="workbench")


def service() -> WorkbenchService:
    """The service for the person using this browser session."""
    actor = st.session_state.get("user") or os.environ.get("USER") or "workbench"
    return WorkbenchService(_store(), actor=actor, role="investigator")


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
