"""Link charts: a view of the graph as one self-contained HTML page (pyvis, vis-network inlined).

Pure apart from reading vis-network from the installed pyvis package: nothing is fetched, so
the chart works air-gapped and can be saved as a file. Nodes are shaped by kind and coloured
by role or by community, with a legend. Every text from the graph (names, tooltips) reaches
the page only as JSON data inside the script, with ``<``, ``>`` and ``&`` escaped, and
vis-network shows string tooltips as text, never as HTML.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyvis.network import Network

__all__ = ["ChartNode", "ChartEdge", "Chart", "render_html", "SHAPES", "ROLE_COLOURS", "display_name"]

SHAPES = {"Person": "dot", "Case": "box", "Flight": "triangle", "Location": "diamond", "Organization": "square",
          "Identifier": "hexagon", "Document": "ellipse", "Rescue": "star", "Service": "triangleDown",
          "Activity": "triangleDown", "StageChange": "ellipse"}
ROLE_COLOURS = {"suspect": "#c0392b", "recruiter": "#e67e22", "victim": "#2e86c1", "official": "#7d3c98",
                "other": "#7f8c8d"}
KIND_COLOURS = {"Case": "#34495e", "Flight": "#16a085", "Location": "#b7950b", "Organization": "#6c3483",
                "Identifier": "#a04000", "Document": "#95a5a6", "Rescue": "#1e8449"}
COMMUNITY_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                     "#bcbd22", "#17becf")
_NAME_KEYS = ("name", "number", "value", "title", "key", "kind")


def display_name(props: dict[str, Any], fallback: str = "") -> str:
    """What a node is called on a chart: its name, case or flight number, identifier value..."""
    for key in _NAME_KEYS:
        value = props.get(key)
        if value not in (None, ""):
            return str(value)
    return fallback


@dataclass(frozen=True)
class ChartNode:
    id: str
    kind: str
    label: str
    role: str | None = None
    community: int | None = None
    details: str = ""  # the tooltip, as plain text


@dataclass(frozen=True)
class ChartEdge:
    start: str
    end: str
    type: str
    evidence: int = 0
    details: str = ""


@dataclass
class Chart:
    nodes: list[ChartNode] = field(default_factory=list)
    edges: list[ChartEdge] = field(default_factory=list)
    colour_by: str = "role"  # or "community"
    note: str = ""  # e.g. how many nodes the cap left out


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no markup can close it or start another."""
    text = json.dumps(value, ensure_ascii=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _colour(node: ChartNode, colour_by: str) -> str:
    if colour_by == "community" and node.community is not None:
        return COMMUNITY_COLOURS[node.community % len(COMMUNITY_COLOURS)]
    if node.kind == "Person":
        return ROLE_COLOURS.get(node.role or "other", ROLE_COLOURS["other"])
    return KIND_COLOURS.get(node.kind, "#7f8c8d")


def _legend(chart: Chart) -> list[tuple[str, str, str]]:
    """(colour, shape, words) rows for the kinds and roles (or communities) on the chart."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for node in chart.nodes:
        colour = _colour(node, chart.colour_by)
        if chart.colour_by == "community" and node.community is not None:
            words = f"community {node.community}"
        elif node.kind == "Person":
            words = f"person: {node.role or 'other'}"
        else:
            words = node.kind
        if (colour, words) not in seen:
            seen.add((colour, words))
            rows.append((colour, SHAPES.get(node.kind, "dot"), words))
    return sorted(rows, key=lambda r: r[2])


def render_html(chart: Chart, *, height_px: int = 620, title: str = "tipgraph link chart") -> str:
    """The chart as one HTML page with everything inline (vis-network, data, legend)."""
    net = Network(height=f"{height_px}px", width="100%", directed=True, cdn_resources="in_line")
    for node in chart.nodes:
        label = node.label if len(node.label) <= 24 else node.label[:23] + "…"
        inside = SHAPES.get(node.kind, "dot") in ("box", "ellipse")  # the label is drawn on the colour
        net.add_node(node.id, label=label, title=node.details or node.label,
                     shape=SHAPES.get(node.kind, "dot"), color=_colour(node, chart.colour_by),
                     size=18 if node.kind == "Person" else 14, font={"color": "#ffffff" if inside else "#1b2631"})
    known = {n.id for n in chart.nodes}
    for edge in chart.edges:
        if edge.start in known and edge.end in known:
            net.add_edge(edge.start, edge.end, title=edge.details or edge.type, label=edge.type,
                         width=1 + min(edge.evidence, 5) * 0.5)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    options = {
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 9, "align": "middle"},
                  "color": {"inherit": False, "color": "#99a3a4"}, "smooth": {"type": "continuous"}},
        "nodes": {"font": {"size": 12, "face": "Noto Sans CJK TC, Microsoft JhengHei, sans-serif"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    }
    script, style = _vis_assets()
    legend = "".join(
        f'<li><span class="sw" style="background:{html.escape(c)}"></span>{html.escape(words)}</li>'
        for c, _shape, words in _legend(chart))
    note = f'<p class="note">{html.escape(chart.note)}</p>' if chart.note else ""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>{style}</style>
<style>
body {{ margin: 0; font-family: "Noto Sans CJK TC", "Microsoft JhengHei", sans-serif; }}
#chart {{ width: 100%; height: {int(height_px)}px; border: 1px solid #d5d8dc; background: #fff; }}
ul.legend {{ list-style: none; margin: 4px 0; padding: 0; font-size: 12px; display: flex; flex-wrap: wrap; gap: 10px; }}
.sw {{ display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }}
.note {{ font-size: 12px; color: #7d6608; margin: 2px 0; }}
</style>
<script>{script}</script>
</head><body>
<ul class="legend" id="legend">{legend}</ul>{note}
<div id="chart"></div>
<script>
const t0 = performance.now();
const nodes = new vis.DataSet({_script_json(nodes)});
const edges = new vis.DataSet({_script_json(edges)});
const network = new vis.Network(document.getElementById("chart"), {{nodes: nodes, edges: edges}}, {_script_json(options)});
network.once("stabilizationIterationsDone", function () {{
  network.setOptions({{physics: false}});
  document.body.dataset.drawMs = String(Math.round(performance.now() - t0));
  document.body.dataset.drawn = "1";
}});
network.once("afterDrawing", function () {{ document.body.dataset.painted = "1"; }});
window.tipgraphNetwork = network;
</script>
</body></html>
"""
