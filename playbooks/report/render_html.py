"""The report as one self-contained HTML file: inline CSS, charts as inline PNG, no outside assets.

Every string from the model is escaped; nothing is fetched when the page opens (no fonts,
scripts or images from elsewhere), so it can be mailed or archived as it is.
"""

from __future__ import annotations

import base64
from html import escape

from playbooks.report.charts import chart_png
from playbooks.report.fonts import CjkFont
from playbooks.report.labels import text
from playbooks.report.model import Block, Chart, Paragraph, Report, Table

__all__ = ["render_html", "CSS"]

CSS = """
:root { --ink: #262626; --muted: #595959; --rule: #d9d9d9; --accent: #1f4e79; --band: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: "Noto Sans TC", "Microsoft JhengHei", "PingFang TC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.cover { border-bottom: 3px solid var(--accent); padding: 3rem 0 2rem; margin-bottom: 2rem; }
.cover h1 { color: var(--accent); font-size: 2rem; line-height: 1.3; margin: 0 0 .5rem; }
.cover .subtitle { color: var(--muted); font-size: 1.1rem; margin: 0 0 1.5rem; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; margin: 0 0 1rem; }
.cover dt { color: var(--muted); } .cover dd { margin: 0; font-weight: 600; }
.cover .note { font-size: .9rem; color: var(--muted); border-left: 3px solid var(--rule); padding-left: .75rem; }
h2 { color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .92rem; }
th { background: var(--accent); color: #fff; font-weight: 600; text-align: left; padding: .4rem .6rem; }
td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--band); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.l1 { padding-left: 1.8rem; } .l2 { padding-left: 3rem; }
figure { margin: 1rem 0 2rem; } figure img { width: 100%; height: auto; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
.chart-note { font-size: .85rem; color: var(--muted); }
details { font-size: .9rem; } summary { cursor: pointer; color: var(--accent); }
@media print { main { max-width: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }
"""


def _table(table: Table) -> str:
    head = "".join(f'<th scope="col"{" class=num" if n else ""}>{escape(c)}</th>'
                   for c, n in zip(table.columns, table.numeric))
    rows = []
    for i, row in enumerate(table.rows):
        cells = []
        for j, (cell, numeric) in enumerate(zip(row, table.numeric)):
            classes = (["num"] if numeric else []) + ([f"l{min(table.level(i), 2)}"] if j == 0 and table.level(i) else [])
            attr = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attr}>{escape(cell)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    cols = "".join(f'<col style="width:{share * 100:.1f}%">' for share in table.shares())
    return (f"<table>{caption}<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _chart(chart: Chart, font: CjkFont, data_label: str) -> str:
    png = base64.b64encode(chart_png(chart, font)).decode("ascii")
    note = f'<p class="chart-note">{escape(chart.note)}</p>' if chart.note else ""
    return (f'<figure id="{escape(chart.id)}"><figcaption>{escape(chart.title)}</figcaption>'
            f'<img alt="{escape(chart.title)}" src="data:image/png;base64,{png}">{note}'
            f"<details><summary>{escape(data_label)}</summary>{_table(chart.data)}</details></figure>")


def _block(block: Block, font: CjkFont, data_label: str) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>" if block.text else ""
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return _chart(block, font, data_label)
    raise TypeError(f"no HTML for {type(block).__name__}")


def render_html(report: Report, font: CjkFont) -> bytes:
    """The report as one UTF-8 HTML page; ``font`` draws the charts."""
    data_label = text(report.lang, "chart.data")
    cover = report.cover
    fields = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in cover.fields)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(report.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(cover.title)}</title><style>{CSS}</style></head><body><main>",
        f'<header class="cover"><h1>{escape(cover.title)}</h1><p class="subtitle">{escape(cover.subtitle)}</p>',
        f'<dl>{fields}</dl><p class="note">{escape(cover.note)}</p></header>',
    ]
    for section in report.sections:
        parts.append(f'<section id="{escape(section.id)}"><h2>{escape(section.title)}</h2>')
        parts.extend(_block(b, font, data_label) for b in section.blocks)
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(p for p in parts if p).encode("utf-8")
