"""The workbench: `tipgraph workbench` serves this with Streamlit (multipage, zh-TW or English)."""

from __future__ import annotations

import streamlit as st

from workbench.session import language_picker, tr

st.set_page_config(page_title="tipgraph", page_icon=":material/hub:", layout="wide")
language_picker()
PAGES = [
    st.Page("pages/explore_page.py", title=tr("explore"), icon=":material/hub:", url_path="explore", default=True),
    st.Page("pages/case_page.py", title=tr("case"), icon=":material/folder_open:", url_path="case"),
    st.Page("pages/repatriation_page.py", title=tr("repatriation"), icon=":material/flight_land:", url_path="repatriation"),
    st.Page("pages/indicators_page.py", title=tr("indicators"), icon=":material/monitoring:", url_path="indicators"),
    st.Page("pages/ingest_page.py", title=tr("ingest"), icon=":material/upload_file:", url_path="ingest"),
    st.Page("pages/playbooks_page.py", title=tr("playbooks"), icon=":material/manage_search:", url_path="playbooks"),
    st.Page("pages/review_page.py", title=tr("review"), icon=":material/compare_arrows:", url_path="review"),
]
st.navigation(PAGES).run()
