"""The workbench: `tipgraph workbench` serves this with Streamlit (multipage, zh-TW or English).

Nothing shows before sign-in; the navigation lists only the pages the user's role may open
(each page checks again, and the service layer enforces the role whatever a page asks)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from workbench.access import PAGES as PAGE_ACTIONS
from workbench.access import pages_for
from workbench.session import language_picker, tr
from workbench.signin import require_user, sign_out, signed_in

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"
ICONS = {"explore": ":material/hub:", "case": ":material/folder_open:", "repatriation": ":material/flight_land:",
         "indicators": ":material/monitoring:", "ingest": ":material/upload_file:",
         "playbooks": ":material/manage_search:", "review": ":material/compare_arrows:",
         "admin": ":material/admin_panel_settings:"}


def _pages(names: list[str], start: str) -> list[st.Page]:
    return [st.Page(f"pages/{name}_page.py", title=tr(name), icon=ICONS[name], url_path=name, default=name == start)
            for name in names]


def _asked_page() -> str:
    """The page the address names (``/case?...`` -> ``case``), to open once signed in."""
    path = urlsplit(st.context.url or "").path.strip("/").split("/")[-1]
    return path if path in PAGE_ACTIONS else ""


def _sign_in_form() -> None:
    require_user()  # the form; it stops the page until someone signs in


def main() -> None:
    # a file we ship: a ":material/...:" or emoji page icon makes the browser fetch it from a CDN
    st.set_page_config(page_title="tipgraph", page_icon=str(FAVICON), layout="wide")
    language_picker()
    if signed_in() is None:
        # one page, the sign-in form, answering at the address asked for, so it opens after sign-in
        st.session_state.setdefault("asked_page", _asked_page())
        asked = st.session_state["asked_page"]
        form = [st.Page(_sign_in_form, title=tr("sign_in"), url_path="signin", default=True)]
        if asked:
            form.append(st.Page(_sign_in_form, title=tr("sign_in"), url_path=asked))
        st.navigation(form, position="hidden").run()
        return
    user = require_user()
    allowed = pages_for(user["role"])
    if not allowed:
        return
    asked = str(st.session_state.get("asked_page") or "")
    start = asked if asked in allowed else allowed[0]
    st.sidebar.caption(tr("signed_in_as", user=user["user"], role=user["role"]))
    if st.sidebar.button(tr("sign_out"), key="sign_out"):
        sign_out()
        st.rerun()
    st.navigation(_pages(allowed, start)).run()


main()
