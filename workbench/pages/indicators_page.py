"""4P indicators: a year, cards with the change against the year before, drill-down to the
records counted, charts, and the report to download."""

from __future__ import annotations

import os
from datetime import date

import pandas as pd
import streamlit as st

from graph.errors import GraphError
from workbench.session import lang, service, tr

svc = service("indicators")
st.title(tr("indicators"))

c1, c2 = st.columns(2)
year = c1.number_input(tr("year"), 2000, 2100, 2022, key="ind_year")
as_of = c2.date_input(tr("as_of"), value=date.today(), key="ind_as_of")
try:
    values = svc.indicators(int(year), as_of=as_of.isoformat())
except (GraphError, ValueError) as e:
    st.error(str(e))
    st.stop()

zh = lang() == "zh-TW"
for pillar in ("prosecution", "protection", "prevention", "partnership"):
    group = [v for v in values if v.definition.p == pillar]
    if not group:
        continue
    st.subheader({"prosecution": "起訴 Prosecution", "protection": "保護 Protection", "prevention": "預防 Prevention",
                  "partnership": "夥伴 Partnership"}[pillar])
    cols = st.columns(4)
    for i, v in enumerate(group):
        d = v.definition
        delta = None if v.previous is None else v.value - v.previous
        cols[i % 4].metric(d.title_zh if zh else d.title_en, f"{v.value:,} {d.unit_zh if zh else d.unit_en}",
                           delta=None if delta is None else f"{delta:+,}", help=d.definition_zh if zh else d.definition_en)

st.divider()
by_id = {v.definition.id: v for v in values}
chosen = st.selectbox(tr("records"), list(by_id), key="ind_pick",
                      format_func=lambda i: by_id[i].definition.title_zh if zh else by_id[i].definition.title_en)
if chosen:
    st.dataframe(pd.DataFrame(svc.indicator_records(chosen, int(year), as_of=as_of.isoformat())), hide_index=True,
                 width="stretch", key="ind_records")

chart = pd.DataFrame([{"indicator": v.definition.title_zh if zh else v.definition.title_en,
                       str(int(year) - 1): v.previous or 0, str(int(year)): v.value}
                      for v in values if v.definition.parent is None]).set_index("indicator")
st.bar_chart(chart, horizontal=True, stack=False)

st.subheader(tr("download_report"))
try:
    from playbooks.report import FONT_ENV, FontNotFound, find_cjk_font

    find_cjk_font(os.environ.get(FONT_ENV))  # said here, before a download fails quietly
except FontNotFound as e:
    st.error(str(e))
    st.stop()
r1, r2 = st.columns(2)
report_lang = r1.radio(tr("language"), ("zh-TW", "en"), horizontal=True, key="rep_lang")
for fmt, mime, column in (("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", r2),
                          ("pdf", "application/pdf", r2), ("html", "text/html", r2)):
    column.download_button(f"{tr('download_report')} ({fmt.upper()})",
                           lambda fmt=fmt: svc.report(int(year), lang=report_lang, fmt=fmt, as_of=as_of),
                           f"4p-{int(year)}-{report_lang}.{fmt}", mime, key=f"report_{fmt}", on_click="ignore")
