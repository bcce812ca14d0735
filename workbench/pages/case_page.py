"""Case and person: summary, participants by role, timeline, documents; a victim's journey."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.errors import GraphError
from workbench.journeymap import route_svg
from workbench.session import escaped, service, tr

svc = service("case")
st.title(tr("case"))

query = st.text_input(tr("search"), key="case_q", max_chars=200)
hits = [h for h in svc.search(query) if h["label"] in ("Case", "Person")] if query.strip() else []
if query.strip() and not hits:
    st.info(tr("no_hits"))
chosen = st.selectbox(tr("pick"), hits, key="case_hit",
                      format_func=lambda h: f"{h.get('name') or h['id']} · {h['label']}") if hits else None
entity_id = st.query_params.get("id") or (chosen["id"] if chosen else None)
if not entity_id:
    st.stop()

try:
    if entity_id.startswith("case:"):
        summary = svc.case_summary(entity_id)
        case = summary["case"]
        st.header(escaped(case.get("number") or case.get("title") or entity_id))
        cols = st.columns(4)
        cols[0].metric("suspects", case.get("suspects") if case.get("suspects") is not None else "—")
        cols[1].metric("victims", case.get("victims") if case.get("victims") is not None else "—")
        cols[2].metric("referred", case.get("referred_on") or "—")
        cols[3].metric("indicted", case.get("indicted_on") or "—")
        st.caption(", ".join(case.get("offenses") or []))
        st.subheader(tr("participants"))
        people = pd.DataFrame(summary["people"], columns=["id", "name", "role", "since", "until"])
        for role, group in people.groupby("role"):
            st.markdown(f"**{escaped(role)}** ({len(group)})")
            st.dataframe(group, hide_index=True, width="stretch")
        st.subheader(tr("timeline"))
        st.dataframe(pd.DataFrame(summary["timeline"]), hide_index=True, width="stretch")
        st.subheader(tr("documents"))
        st.dataframe(pd.DataFrame(summary["documents"]), hide_index=True, width="stretch")
    else:
        summary = svc.person_summary(entity_id)
        person = summary["person"]
        st.header(escaped(person.get("name") or entity_id))
        st.caption(" · ".join(str(person[k]) for k in ("sex", "birth_year", "nationality") if person.get(k)))
        st.subheader(tr("cases_of_person"))
        st.dataframe(pd.DataFrame(summary["cases"], columns=["number", "role", "since", "until", "referred_on", "case"]),
                     hide_index=True, width="stretch")
        roles = {c["role"] for c in summary["cases"]}
        if "victim" in roles or not roles:
            st.subheader(tr("journey"))
            journey = svc.journey(entity_id)
            if journey.empty:
                st.info("—")
            else:
                st.markdown(route_svg(journey.to_dict("records")), unsafe_allow_html=True)
                st.dataframe(journey, hide_index=True, width="stretch")
except GraphError as e:
    st.error(str(e))
