"""Explore: search, an ego network as a link chart, a node's details and evidence, paths, export."""

from __future__ import annotations

import streamlit as st
import streamlit.components.v1 as components

from graph.cypher import TRAVERSABLE
from graph.errors import GraphError
from workbench.linkchart import SHAPES, render_html
from workbench.session import escaped, service, tr

svc = service("explore")
st.title(tr("explore"))


def _query_int(name: str, default: int, low: int, high: int) -> int:
    """A whole number from the address (?hops=2&cap=300), within bounds; else the default."""
    try:
        return min(high, max(low, int(st.query_params.get(name, default))))
    except ValueError:
        return default


def _hit_label(hit: dict) -> str:
    return f"{hit.get('name') or hit['id']} · {hit['label']}" + (" · ○" if hit.get("masked") else "")


def _pick(label: str, key: str, default: str = "") -> str | None:
    """A search box and a choice among its hits; the chosen entity id."""
    query = st.text_input(label, value=default, key=f"{key}_q", max_chars=200)
    if not query.strip():
        return None
    try:
        hits = svc.search(query)
    except GraphError as e:
        st.error(str(e))
        return None
    if not hits:
        st.info(tr("no_hits"))
        return None
    chosen = st.selectbox(tr("pick"), hits, key=f"{key}_hit", format_func=_hit_label)
    return chosen["id"] if chosen else None


center = st.query_params.get("id") or _pick(tr("search"), "center")
if not center:
    st.stop()

with st.expander("⚙", expanded=False):
    c1, c2, c3, c4 = st.columns(4)
    hops = c1.slider(tr("hops"), 1, 3, _query_int("hops", 1, 1, 3), key="hops")
    cap = c2.number_input(tr("cap"), 20, 1000, _query_int("cap", 300, 20, 1000), step=20, key="cap")
    colour_by = c3.radio(tr("colour_by"), ("role", "community"), key="colour_by", horizontal=True,
                         format_func=tr)
    community = c4.number_input(tr("community_filter"), -1, 100000, -1, key="community")
    kinds = st.multiselect(tr("kinds"), sorted(k for k in SHAPES if k != "Document"), key="kinds")
    rel_types = st.multiselect(tr("rel_types"), list(TRAVERSABLE), key="rel_types")
    roles = st.multiselect(tr("roles"), ["suspect", "recruiter", "victim"], key="roles")
    d1, d2 = st.columns(2)
    since = d1.text_input(tr("since"), placeholder="YYYY-MM-DD", key="since", max_chars=10)
    until = d2.text_input(tr("until"), placeholder="YYYY-MM-DD", key="until", max_chars=10)

expanded = st.session_state.setdefault("expanded", {}).setdefault(center, [])
try:
    view = svc.ego_network(center, hops=hops, max_nodes=int(cap), labels=kinds or None, rel_types=rel_types or None,
                           since=since or None, until=until or None, roles=roles or None,
                           community=None if community < 0 else int(community), colour_by=colour_by,
                           expanded=list(expanded))
except (GraphError, ValueError) as e:
    st.error(str(e))
    st.stop()

if view.truncated:
    st.warning(tr("left_out", n=view.omitted))
components.html(render_html(view.chart), height=700, scrolling=False)
st.caption(f"{len(view.nodes)} {tr('nodes')} · {len(view.edges)} {tr('edges')}")

left, right = st.columns([3, 2])
with left:
    names = dict(zip(view.nodes["id"], view.nodes["name"] + " · " + view.nodes["kind"]))
    selected = st.selectbox(tr("details"), list(names), format_func=lambda n: names[n], key="selected")
    b1, b2 = st.columns(2)
    if b1.button(tr("expand"), key="expand_btn") and selected not in expanded and selected != center:
        expanded.append(selected)
        st.rerun()
    if b2.button(tr("reset"), key="reset_btn"):
        expanded.clear()
        st.rerun()
    if selected:
        entity = svc.entity(selected)
        st.subheader(tr("properties"))
        props = {k: v for k, v in entity.props.items() if not k.startswith(("ev_", "an_")) and k != "text"}
        st.dataframe([{"property": k, "value": str(v)} for k, v in sorted(props.items())], hide_index=True,
                     width="stretch")
        st.subheader(tr("mentions"))
        mentions = [m for m in entity.mentions if m]
        st.dataframe([{"document": m.get("doc_title") or m.get("doc"), "kind": m.get("doc_kind"),
                       "start": m.get("start"), "end": m.get("end"), "extractor": m.get("extractor"),
                       "grade": f"{m.get('source', '')}{m.get('info', '')}"} for m in mentions],
                     hide_index=True, width="stretch", key="mentions_table")
        pieces = [("mention", m) for m in mentions]
        for rel in entity.relationships:
            for ev in rel["evidence"]:
                pieces.append((f"{rel['type']} {rel['other_name']}", ev))
        if pieces:
            st.subheader(tr("evidence"))
            which = st.selectbox(tr("evidence"), range(len(pieces)), key="evidence_pick",
                                 format_func=lambda i: f"{pieces[i][0]} · {pieces[i][1].get('doc', '')[:16]}… "
                                                       f"{pieces[i][1].get('start')}-{pieces[i][1].get('end')}")
            piece = pieces[which][1]
            if piece.get("doc") is not None and piece.get("start") is not None:
                ev = svc.evidence(piece["doc"], int(piece["start"]), int(piece["end"]))
                page = f" · {tr('page')} {ev.page}" if ev.page else ""
                st.markdown(f"**{tr('document')}**: {escaped(ev.title or ev.path)}{escaped(page)}",
                            unsafe_allow_html=True)
                st.markdown(f'<div class="evidence">{escaped(ev.before)}<mark>{escaped(ev.span)}</mark>'
                            f"{escaped(ev.after)}</div>", unsafe_allow_html=True)
with right:
    st.subheader(tr("relationships"))
    st.dataframe(view.edges, hide_index=True, width="stretch", key="edges_table")
    st.subheader(tr("export"))
    e1, e2, e3, e4 = st.columns(4)
    # files are made only when clicked, through the service: masked, and recorded in the audit trail
    for column, (label, fmt, filename, mime) in zip((e1, e2, e3, e4), (
            ("HTML", "html", "linkchart.html", "text/html"),
            ("GraphML", "graphml", "linkchart.graphml", "application/xml"),
            ("CSV", "csv", "linkchart-csv.zip", "application/zip"),
            ("PNG", "png", "linkchart.png", "image/png"))):
        column.download_button(label, lambda fmt=fmt: svc.export_view(view, fmt), filename, mime, key=f"dl_{fmt}",
                               on_click="ignore")

st.divider()
st.subheader(tr("path_finder"))
p1, p2 = st.columns(2)
with p1:
    source = _pick(tr("path_from"), "path_from")
with p2:
    target = _pick(tr("path_to"), "path_to")
if source and target and st.button(tr("find_paths"), key="find_paths"):
    found = svc.paths(source, target)
    if not found:
        st.info(tr("no_paths"))
    for i, path in enumerate(found, start=1):
        hops_text = []
        for node, rel in zip(path["nodes"], path["relationships"] + [None]):
            hops_text.append(escaped(node["name"]))
            if rel is not None:
                hops_text.append(f"—{escaped(rel['type'])} ({rel['evidence']})→")
        st.markdown(f"{i}. " + " ".join(hops_text), unsafe_allow_html=True)
