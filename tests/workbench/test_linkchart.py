"""Link charts and route diagrams: self-contained (nothing fetched), text from the graph never
becomes markup, shapes and colours say kind and role, the legend names them."""

from __future__ import annotations

import json
import re

from workbench.journeymap import route_svg
from workbench.linkchart import Chart, ChartEdge, ChartNode, render_html

HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'


def _chart() -> Chart:
    return Chart([ChartNode("person:a", "Person", HOSTILE, "suspect", None, f"Person: {HOSTILE}"),
                  ChartNode("person:b", "Person", "陳○明", "victim"),
                  ChartNode("case:c", "Case", "111偵字第1234號")],
                 [ChartEdge("person:a", "case:c", "SUSPECT_IN", 2), ChartEdge("person:b", "case:c", "VICTIM_IN")],
                 note=f"12 more nodes {HOSTILE}")


def test_linkchart_fetches_nothing_from_outside() -> None:
    page = render_html(_chart())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "vis.Network" in page and len(page) > 400_000  # vis-network itself is inline


def test_linkchart_a_hostile_name_stays_data_inside_the_script() -> None:
    page = render_html(_chart())
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert page.count("</script") == 2  # only the two script elements we write end; no data closes one
    data = re.search(r"new vis.DataSet\((\[.*?\])\);", page).group(1)
    labels = [n["label"] for n in json.loads(data)]
    assert any(label.startswith("<img src=x") for label in labels)  # shown as text by vis-network
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the note, escaped as HTML text


def test_linkchart_shapes_by_kind_colours_by_role_and_a_legend() -> None:
    page = render_html(_chart())
    nodes = {n["id"]: n for n in json.loads(re.search(r"new vis.DataSet\((\[.*?\])\);", page).group(1))}
    assert nodes["person:a"]["shape"] == "dot" and nodes["case:c"]["shape"] == "box"
    assert nodes["person:a"]["color"] != nodes["person:b"]["color"]
    legend = re.search(r'<ul class="legend" id="legend">(.*?)</ul>', page).group(1)
    assert "person: suspect" in legend and "person: victim" in legend and "Case" in legend


def test_linkchart_colours_by_community_when_asked() -> None:
    chart = Chart([ChartNode("person:a", "Person", "A", "suspect", 0), ChartNode("person:b", "Person", "B", "suspect", 1)])
    chart.colour_by = "community"
    nodes = json.loads(re.search(r"new vis.DataSet\((\[.*?\])\);", render_html(chart)).group(1))
    assert nodes[0]["color"] != nodes[1]["color"]
    assert "community 0" in render_html(chart)


def test_route_diagram_escapes_places_and_draws_one_stop_per_step() -> None:
    svg = route_svg([{"kind": "flight", "place": "TPE→PNH", "date": "2022-05-28", "detail": "BR265"},
                     {"kind": "exploitation", "place": HOSTILE, "date": None, "detail": float("nan")}])
    assert svg.count("<circle") == 2 and "<img" not in svg and "&lt;img" in svg
    assert "nan" not in svg
