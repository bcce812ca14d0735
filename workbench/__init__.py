"""The Streamlit workbench (explore, cases, repatriation, indicators, ingest, playbooks, review).

Not built yet: the pages come with the workbench issue. Everything it shows goes through
``graph``'s store, reads and writes.
"""
