"""Repatriation: victims by stage as a table and a board, days in stage, the overdue queue,
counts per country and month, moving a victim to a stage, and the arrivals manifest check."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.errors import GraphError
from ingest.documents import Unreadable
from workbench.access import allowed
from workbench.session import escaped, lang, service, tr
from workbench.stages import STAGES, stage_of, thresholds

svc = service("repatriation")
st.title(tr("repatriation"))

try:
    limits = thresholds()
except ValueError as e:
    st.error(str(e))
    limits = {}
table = svc.repatriation(thresholds=limits)
stage_name = {s.id: (s.zh if lang() == "zh-TW" else s.en) for s in STAGES}

f1, f2 = st.columns(2)
countries = f1.multiselect(tr("country"), sorted(table["country"].dropna().unique()), key="rep_country")
offices = f2.multiselect(tr("office"), sorted(table["office"].dropna().unique()), key="rep_office")
view = table
if countries:
    view = view[view["country"].isin(countries)]
if offices:
    view = view[view["office"].isin(offices)]

tab_board, tab_table, tab_overdue, tab_counts = st.tabs([tr("board"), tr("table"), tr("overdue"),
                                                         tr("per_country_month")])
with tab_board:
    columns = st.columns(len(STAGES))
    for column, stage in zip(columns, STAGES):
        members = view[view["stage"] == stage.id]
        column.markdown(f"**{escaped(stage_name[stage.id])}**  \n{len(members)}")
        for _, row in members.head(12).iterrows():
            late = " ⚠" if row["overdue"] else ""
            column.markdown(f"<div class='card'>{escaped(row['name'])}<br><small>{escaped(row['country'] or '')} · "
                            f"{escaped(row['days'] if row['days'] is not None else '—')}d{late}</small></div>",
                            unsafe_allow_html=True)
        if len(members) > 12:
            column.caption(f"+{len(members) - 12}")
with tab_table:
    shown = view.assign(stage=view["stage"].map(stage_name))
    st.dataframe(shown, hide_index=True, width="stretch", key="rep_table")
with tab_overdue:
    late = view[view["overdue"]].sort_values("days", ascending=False)
    st.caption(", ".join(f"{stage_name[k]} > {v}d" for k, v in limits.items()))
    st.dataframe(late.assign(stage=late["stage"].map(stage_name)), hide_index=True, width="stretch",
                 key="rep_overdue")
with tab_counts:
    counts = view[view["month"] != ""].pivot_table(index="month", columns="country", values="id", aggfunc="count",
                                                   fill_value=0)
    st.dataframe(counts, width="stretch")
    if not counts.empty:
        st.bar_chart(counts)

# what the role may not do is not offered (the service refuses it anyway)
if allowed(svc.role, "move_stage"):
    st.subheader(tr("move"))
    records = dict(zip(view["id"], view["name"] + " · " + view["stage"].map(stage_name)))
    if records:
        with st.form("move_stage"):
            record = st.selectbox(tr("pick"), list(records), format_func=lambda r: records[r], key="move_record")
            stage = st.selectbox(tr("stage"), [s.id for s in STAGES], format_func=lambda s: stage_name[s],
                                 key="move_stage")
            on = st.date_input(tr("date"), value=date.today(), max_value=date.today(), key="move_date")
            note = st.text_area(tr("note"), max_chars=2000, key="move_note")
            if st.form_submit_button(tr("save")):
                try:
                    svc.move_stage(record, stage, on.isoformat(), note)
                    st.success(f"{tr('saved')}: {stage_of(stage).en}")
                    st.rerun()
                except (ValueError, GraphError) as e:
                    st.error(str(e))
        history = svc.stage_history(st.session_state.get("move_record") or next(iter(records)))
        if history:
            st.markdown(f"**{tr('history')}**")
            st.dataframe(pd.DataFrame(history), hide_index=True, width="stretch", key="rep_history")

if allowed(svc.role, "check_manifest"):
    st.subheader(tr("manifest_check"))
    upload = st.file_uploader(tr("manifest_upload"), type=["csv", "xlsx"], key="manifest_file")
    if upload is not None:
        with tempfile.TemporaryDirectory(prefix="tipgraph-manifest-") as folder:
            path = Path(folder) / ("manifest" + Path(upload.name).suffix.lower())  # never the uploaded name as a path
            path.write_bytes(upload.getvalue())
            try:
                st.dataframe(svc.check_manifest(path), hide_index=True, width="stretch", key="manifest_result")
            except Unreadable as e:
                st.error(str(e))
