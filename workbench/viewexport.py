"""The current view as files: HTML (the link chart), GraphML, CSV (nodes, edges), PNG. Pure."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import pandas as pd

from playbooks.export import write_csv
from workbench.linkchart import Chart, render_html

__all__ = ["view_html", "view_graphml", "view_csv_zip", "view_png", "as_networkx"]


def as_networkx(chart: Chart) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in chart.nodes:
        g.add_node(n.id, kind=n.kind, name=n.label, role=n.role or "",
                   community=-1 if n.community is None else int(n.community))
    for e in chart.edges:
        g.add_edge(e.start, e.end, type=e.type, evidence=int(e.evidence))
    return g


def view_html(chart: Chart) -> bytes:
    return render_html(chart).encode("utf-8")


def view_graphml(chart: Chart) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(as_networkx(chart), out, encoding="utf-8")
    return out.getvalue()


def view_csv_zip(nodes: pd.DataFrame, edges: pd.DataFrame) -> bytes:
    """nodes.csv and edges.csv in one zip; cells that a spreadsheet would run as formulas are defused."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, table in (("nodes.csv", nodes), ("edges.csv", edges)):
            text = io.StringIO()
            write_csv(table.to_dict("records"), list(table.columns), text)
            z.writestr(name, "\ufeff" + text.getvalue())  # BOM: Excel reads UTF-8 (Chinese) right
    return out.getvalue()


def view_png(chart: Chart) -> bytes:
    """A static picture of the view (spring layout), with Chinese names drawn in a CJK font."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    from playbooks.report.fonts import find_cjk_font
    from workbench.linkchart import ROLE_COLOURS, KIND_COLOURS

    font = find_cjk_font()
    font_manager.fontManager.addfont(str(font.path))
    family = font_manager.FontProperties(fname=str(font.path)).get_name()
    g = nx.Graph(as_networkx(chart))
    pos = nx.spring_layout(g, seed=7) if len(g) else {}
    fig, ax = plt.subplots(figsize=(10, 7), dpi=110)
    colours = [ROLE_COLOURS.get(g.nodes[n]["role"] or "other") if g.nodes[n]["kind"] == "Person"
               else KIND_COLOURS.get(g.nodes[n]["kind"], "#7f8c8d") for n in g]
    nx.draw_networkx_edges(g, pos, ax=ax, edge_color="#b2babb", width=0.8)
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colours, node_size=120)
    nx.draw_networkx_labels(g, pos, ax=ax, labels={n: g.nodes[n]["name"][:16] for n in g}, font_size=7,
                            font_family=family)
    ax.set_axis_off()
    out = io.BytesIO()
    fig.savefig(out, format="png", bbox_inches="tight")
    plt.close(fig)
    return out.getvalue()
