"""A victim's journey as a route diagram: stops left to right in date order, as inline SVG.

No map tiles, nothing fetched: it works air-gapped. Pure; all text is escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["route_svg"]

_KIND_COLOURS = {"flight": "#16a085", "exploitation": "#c0392b", "rescue": "#2e86c1", "repatriation": "#1e8449"}


def _clean(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def route_svg(steps: Sequence[Mapping[str, Any]], *, width_per_step: int = 170) -> str:
    """One circle per step (coloured by kind), joined by arrows; place, date and detail below."""
    n = len(steps)
    width = max(1, n) * width_per_step + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="journey" width="{width}" height="150" '
             f'viewBox="0 0 {width} 150" style="font-family: sans-serif; font-size: 12px">']
    for i, step in enumerate(steps):
        x = 40 + i * width_per_step
        colour = _KIND_COLOURS.get(_clean(step.get("kind")), "#7f8c8d")
        if i:
            parts.append(f'<line x1="{x - width_per_step + 14}" y1="40" x2="{x - 16}" y2="40" stroke="#99a3a4" '
                         f'stroke-width="2" marker-end="url(#arrow)"/>')
        parts.append(f'<circle cx="{x}" cy="40" r="12" fill="{colour}"><title>{html.escape(_clean(step.get("kind")))}'
                     f"</title></circle>")
        for dy, key, weight in ((75, "place", "bold"), (93, "date", "normal"), (111, "detail", "normal")):
            text = html.escape(_clean(step.get(key))[:28])
            parts.append(f'<text x="{x}" y="{dy}" text-anchor="middle" font-weight="{weight}">{text}</text>')
    parts.insert(1, '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
                    'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#99a3a4"/></marker></defs>')
    parts.append("</svg>")
    return f'<div style="overflow-x: auto">{"".join(parts)}</div>'
