"""Review: entity-resolution candidates side by side with their reasons; merge or reject."""

from __future__ import annotations

import streamlit as st

from graph.errors import GraphError
from workbench.session import escaped, service, tr

svc = service("review")
st.title(tr("review"))

candidates = svc.resolution_candidates(limit=200)
total = svc.candidate_count()
st.caption(f"{tr('candidates')}: {total}" + (f" ({len(candidates)} shown, highest scores first)"
                                             if total > len(candidates) else ""))
if not candidates:
    st.info(tr("none_left"))
    st.stop()

pick = st.selectbox(tr("candidates"), range(len(candidates)), key="review_pick",
                    format_func=lambda i: f"{candidates[i]['a_name']} ↔ {candidates[i]['b_name']} "
                                          f"({candidates[i]['score']})")
c = candidates[pick]
left, right = st.columns(2)
for column, side in ((left, "a"), (right, "b")):
    entity = svc.entity(c[side])
    props = {k: v for k, v in entity.props.items() if not k.startswith(("ev_", "an_"))}
    column.markdown(f"### {escaped(c[f'{side}_name'])}", unsafe_allow_html=True)
    column.dataframe([{"property": k, "value": str(v)} for k, v in sorted(props.items())], hide_index=True,
                     width="stretch", key=f"review_{side}")
    column.caption(f"{len(entity.mentions)} mentions · {len(entity.relationships)} relationships")
st.markdown(f"**{tr('reasons')}**: " + escaped("; ".join(c["reasons"] or [])) + f" · **{tr('score')}** {c['score']}",
            unsafe_allow_html=True)
b1, b2 = st.columns(2)
try:
    if b1.button(tr("merge"), key="review_merge", type="primary"):
        svc.decide(c["id"], merge=True)
        st.rerun()
    if b2.button(tr("reject"), key="review_reject"):
        svc.decide(c["id"], merge=False)
        st.rerun()
except GraphError as e:
    st.error(str(e))
