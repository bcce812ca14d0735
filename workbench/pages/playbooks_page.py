"""Playbooks: choose a saved investigation, fill in its parameters, run it, and see the table,
a chart and a graph view; download CSV."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from graph.errors import GraphError
from playbooks.errors import PlaybookError
from workbench.linkchart import Chart, ChartEdge, ChartNode, render_html
from workbench.session import lang, service, tr

svc = service("playbooks")
st.title(tr("playbooks"))
zh = lang() == "zh-TW"

books = {b.name: b for b in svc.playbooks()}
name = st.selectbox(tr("playbooks"), sorted(books), key="pb_name",
                    format_func=lambda n: f"{books[n].title_zh if zh else books[n].title_en} ({n})")
book = books[name]
st.caption(book.description_zh if zh else book.description_en)

given: dict[str, str] = {}
with st.form(f"pb_form_{name}"):
    for p in book.params.values():
        label = f"{p.name} ({p.type}{', required' if p.required else ''})"
        default = "" if p.default is None else (", ".join(map(str, p.default)) if isinstance(p.default, (list, tuple))
                                                 else str(p.default))
        given[p.name] = st.text_input(label, value=default, help=(p.help_zh if zh else p.help_en) or None,
                                      key=f"pb_{name}_{p.name}")
    submitted = st.form_submit_button(tr("run"))

if submitted:
    try:
        result = svc.run_playbook(name, {k: v for k, v in given.items() if v != ""})
    except (PlaybookError, GraphError, ValueError) as e:
        st.error(str(e))
        st.stop()
    st.session_state["pb_result"] = (name, result)

stored = st.session_state.get("pb_result")
if stored and stored[0] == name:
    result = stored[1]
    table = pd.DataFrame(result.rows, columns=list(book.columns))
    st.subheader(f"{tr('results')}: {len(table)}" + (" (capped)" if result.truncated else ""))
    st.dataframe(table, hide_index=True, width="stretch", key="pb_table")
    numeric = [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c])]
    if numeric and len(table) > 1:
        st.bar_chart(table.set_index(table.columns[0])[numeric[:3]])
    drawn = result.graph()
    if drawn["nodes"]:
        chart = Chart([ChartNode(n["id"], n.get("kind") or "Person", n["label"], None, None, n["label"])
                       for n in drawn["nodes"]],
                      [ChartEdge(e["source"], e["target"], e["type"]) for e in drawn["edges"]])
        components.html(render_html(chart, height_px=480), height=560)
    st.download_button("CSV", lambda: svc.export_playbook(result), f"{name}.csv", "text/csv", key="pb_csv",
                       on_click="ignore")
