"""The report's charts drawn as PNG with matplotlib (Agg, no display), in the CJK font.

One function: ``chart_png(chart, font)``. The same PNG goes into the HTML (inline, base64),
the DOCX and the PDF, each of which prints the chart's title as text beside it (so the title
can be searched and read aloud). Output is reproducible: no timestamp or software tag is
written into it.
"""

from __future__ import annotations

import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402  (after choosing the backend)
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from playbooks.report.fonts import CjkFont  # noqa: E402
from playbooks.report.model import Chart  # noqa: E402

__all__ = ["chart_png", "PALETTE", "WIDTH_IN", "DPI"]

#: Muted, print-safe colours, distinguishable in greyscale order.
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5", "#bf9000")
WIDTH_IN = 6.6
DPI = 200
_INK, _GRID = "#262626", "#d9d9d9"


@lru_cache(maxsize=8)
def _family(font: CjkFont) -> str:
    font_manager.fontManager.addfont(str(font.path))
    names = [e.name for e in font_manager.fontManager.ttflist if e.fname == str(font.path)]
    seen = list(dict.fromkeys(names))
    return seen[min(font.index, len(seen) - 1)] if seen else "sans-serif"


def _style(ax: matplotlib.axes.Axes, horizontal: bool) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(_GRID)
    ax.tick_params(colors=_INK, length=0, labelsize=8)
    (ax.xaxis if horizontal else ax.yaxis).grid(True, color=_GRID, linewidth=0.6)
    ax.set_axisbelow(True)


def _draw_columns(ax: matplotlib.axes.Axes, chart: Chart) -> None:
    xs = range(len(chart.categories))
    bottom = [0.0] * len(chart.categories)
    stacked = len(chart.groups) > 1
    for g, (label, row) in enumerate(zip(chart.groups, chart.values)):
        heights = [float(v or 0) for v in row]
        ax.bar(xs, heights, 0.62, bottom=bottom, label=label if stacked else None,
               color=PALETTE[g % len(PALETTE)], edgecolor="white", linewidth=0.4)
        bottom = [b + h for b, h in zip(bottom, heights)]
    top = max(bottom, default=0) or 1
    for x, (height, text) in enumerate(zip(bottom, chart.totals)):
        ax.text(x, height + top * 0.015, text, ha="center", va="bottom", fontsize=7.5, color=_INK)
    ax.set_xticks(list(xs), chart.categories)
    ax.set_ylim(0, top * 1.12)
    ax.set_xlabel(chart.x_label, fontsize=8, color=_INK)
    ax.set_ylabel(chart.y_label, fontsize=8, color=_INK)
    if stacked:
        ax.legend(fontsize=7.5, frameon=False, loc="upper left", ncols=min(4, len(chart.groups)))


def _draw_bars(ax: matplotlib.axes.Axes, chart: Chart) -> None:
    ys = list(range(len(chart.categories)))[::-1]
    widths = [float(v or 0) for v in chart.values[0]]
    ax.barh(ys, widths, 0.66, color=PALETTE[0])
    right = max(widths, default=0) or 1
    for y, width, text in zip(ys, widths, chart.totals):
        ax.text(width + right * 0.01, y, text, va="center", ha="left", fontsize=7.5, color=_INK)
    ax.set_yticks(ys, chart.categories)
    ax.set_xlim(0, right * 1.12)
    ax.set_xlabel(chart.y_label, fontsize=8, color=_INK)


def chart_png(chart: Chart, font: CjkFont) -> bytes:
    """``chart`` as a PNG image, ``WIDTH_IN`` inches wide at ``DPI``."""
    rows = len(chart.categories) if chart.horizontal else 0
    height = max(2.6, 0.9 + 0.24 * rows) if chart.horizontal else 3.2
    with plt.rc_context({"font.family": [_family(font), "DejaVu Sans"], "axes.unicode_minus": False,
                         "svg.hashsalt": "tipgraph"}):
        fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
        ax = fig.add_subplot()
        _style(ax, chart.horizontal)
        (_draw_bars if chart.horizontal else _draw_columns)(ax, chart)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()
