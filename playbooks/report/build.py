"""Build the report model once: figures and series in, a ``Report`` of strings and bars out.

``build_report`` reads the graph (indicators and chart series, both as of the cut-off);
``assemble`` is the pure part, so every renderer gets the same figures, written the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timezone

from graph.store import Store
from playbooks.report import labels, narrative
from playbooks.report.figures import Figure, read_figures
from playbooks.report.model import Chart, Cover, Paragraph, Report, Section, Table
from playbooks.report.counts import Counts
from playbooks.report.series import CASE_YEARS, ChartData, Series, read_chart_data

__all__ = ["build_report", "assemble", "MAX_COUNTRIES"]

#: Countries drawn one by one in the returns chart; the rest are added up as "other".
MAX_COUNTRIES = 6
_EXPLOITATION_ORDER = ("labour", "sexual", "organ_removal", "forced_criminality")
_OTHER = "\x00other"


def build_report(store: Store, year: int, *, lang: str, as_of: date, generated_at: datetime,
                 suppress_below: int = 0) -> Report:
    """The 4P report of ``year`` from the graph, counting only documents ingested by ``as_of``.

    Raises:
        ValueError: for a year outside 1912-2100, an unknown language or a negative ``suppress_below``.
    """
    _check(year, lang)
    figures = read_figures(store, year, as_of=as_of)
    data = read_chart_data(store, year, as_of=as_of)
    return assemble(figures, data, year=year, lang=lang, as_of=as_of, generated_at=generated_at,
                    suppress_below=suppress_below)


def _check(year: int, lang: str) -> None:
    if not 1912 <= year <= 2100:
        raise ValueError(f"year {year}: give a calendar year such as 2022 (not the ROC year)")
    if lang not in labels.LANGS:
        raise ValueError(f"lang {lang!r}: give one of {', '.join(labels.LANGS)}")


def assemble(figures: Sequence[Figure], data: ChartData, *, year: int, lang: str, as_of: date,
             generated_at: datetime, suppress_below: int = 0) -> Report:
    """The report model from figures and chart series already read."""
    _check(year, lang)
    counts = Counts(suppress_below)
    sections = [Section("summary", labels.text(lang, "section.summary"), (
        Paragraph(narrative.overview(figures, year, counts, lang)),
        Paragraph(narrative.series_paragraph(data, year, counts, lang)),
    ))]
    for p in labels.PILLARS:
        of_p = [f for f in figures if f.p == p]
        sections.append(Section(p, labels.text(lang, f"pillar.{p}"), (
            Paragraph(narrative.pillar_paragraph(of_p, year, counts, lang)),
            _summary_table(of_p, year, counts, lang),
        )))
    charts = _charts(data, year, counts, lang)
    sections.append(Section("charts", labels.text(lang, "section.charts"), tuple(charts)))
    sections.append(Section("appendix", labels.text(lang, "section.appendix"), (
        Paragraph(labels.text(lang, "appendix.intro")),
        _appendix_table(figures, charts, data, counts, lang),
    )))
    return Report(year=year, lang=lang, cover=_cover(year, lang, as_of, generated_at, counts),
                  generated_at=generated_at, sections=tuple(sections))


def _cover(year: int, lang: str, as_of: date, generated_at: datetime, counts: Counts) -> Cover:
    n = counts.suppress_below
    utc = generated_at.astimezone(timezone.utc) if generated_at.tzinfo else generated_at
    return Cover(
        title=labels.text(lang, "title", year=year, roc=year - 1911),
        subtitle=labels.text(lang, "subtitle"),
        fields=(
            (labels.text(lang, "cover.year"), labels.text(lang, "cover.year_value", year=year, roc=year - 1911)),
            (labels.text(lang, "cover.lang"), labels.text(lang, "cover.lang_value")),
            (labels.text(lang, "cover.as_of"), as_of.isoformat()),
            (labels.text(lang, "cover.generated"), utc.strftime("%Y-%m-%d %H:%M UTC")),
            (labels.text(lang, "cover.suppression"),
             labels.text(lang, "cover.suppression_value", n=n) if n > 1 else labels.text(lang, "cover.suppression_none")),
        ),
        note=labels.text(lang, "cover.note"),
    )


def _levels(figures: Sequence[Figure]) -> list[int]:
    parent = {f.id: f.parent for f in figures}
    out = []
    for f in figures:
        depth, seen, up = 0, {f.id}, f.parent
        while up in parent and up not in seen:
            depth, up = depth + 1, parent[up]
            seen.add(up or "")
        out.append(depth)
    return out


def _summary_table(figures: Sequence[Figure], year: int, counts: Counts, lang: str) -> Table:
    return Table(
        columns=(labels.text(lang, "col.indicator"), labels.text(lang, "col.unit"),
                 labels.text(lang, "col.value", year=year), labels.text(lang, "col.previous", year=year - 1),
                 labels.text(lang, "col.change")),
        rows=tuple((f.title(lang), f.unit(lang), counts.show(f.value), counts.show(f.previous),
                    counts.change(f.value, f.previous)) for f in figures),
        numeric=(False, False, True, True, True),
        levels=tuple(_levels(figures)),
    )


def _appendix_table(figures: Sequence[Figure], charts: Sequence[Chart], data: ChartData, counts: Counts,
                    lang: str) -> Table:
    rows = [(f.title(lang), _definition(f, lang), counts.show(f.records)) for f in figures]
    series = (data.cases_by_year, data.returns_by_month, data.services_by_kind)
    rows += [(chart.title, labels.text(lang, f"appendix.{chart.id}"), counts.show(s.records))
             for chart, s in zip(charts, series)]
    return Table(columns=(labels.text(lang, "col.indicator"), labels.text(lang, "col.definition"),
                          labels.text(lang, "col.records")),
                 rows=tuple(rows), numeric=(False, False, True), levels=tuple(_levels(figures)))


def _definition(f: Figure, lang: str) -> str:
    what = f.counted(lang)
    return f.definition(lang) + (labels.text(lang, "appendix.record", what=what) if what else "")


def _chart(chart_id: str, title: str, x_label: str, y_label: str, categories: Sequence[tuple[str, str]],
           groups: Sequence[tuple[str, str]], series: Series, counts: Counts, total_label: str,
           horizontal: bool = False, group_of: dict[str, str] | None = None) -> Chart:
    """A chart from a series; categories and groups are (key, label) pairs in drawing order."""
    cell: dict[tuple[str, str], int] = {}
    for x, g, n in series.cells:
        g = (group_of or {}).get(g, g)
        cell[(x, g)] = cell.get((x, g), 0) + n
    values = tuple(tuple(None if counts.hidden(v := cell.get((c, g), 0)) else v for c, _ in categories)
                   for g, _ in groups)
    totals = tuple(counts.show(sum(cell.get((c, g), 0) for g, _ in groups)) for c, _ in categories)
    single = len(groups) == 1
    data = Table(
        columns=(x_label, *(() if single else (label for _, label in groups)), y_label if single else total_label),
        rows=tuple((label, *(() if single else (counts.show(cell.get((c, g), 0)) for g, _ in groups)), totals[i])
                   for i, (c, label) in enumerate(categories)),
        numeric=(False, *([True] * (1 if single else len(groups) + 1))),
    )
    return Chart(id=chart_id, title=title, x_label=x_label, y_label=y_label,
                 categories=tuple(label for _, label in categories), groups=tuple(label for _, label in groups),
                 values=values, totals=totals, horizontal=horizontal, data=data)


def _charts(data: ChartData, year: int, counts: Counts, lang: str) -> list[Chart]:
    def t(key: str, **values: object) -> str:
        return labels.text(lang, key, **values)

    total = t("chart.total")
    note = t("chart.suppressed_note", n=counts.suppress_below) if counts.suppress_below > 1 else ""

    kinds = sorted({g for _, g, _ in data.cases_by_year.cells},
                   key=lambda k: (_EXPLOITATION_ORDER.index(k) if k in _EXPLOITATION_ORDER else 99, k))
    cases = _chart("cases_by_year", t("chart.cases.title"), t("chart.cases.x"), t("chart.cases.y"),
                   [(str(y), str(y)) for y in range(year - CASE_YEARS + 1, year + 1)],
                   [(k, labels.exploitation(lang, k)) for k in kinds], data.cases_by_year, counts, total)

    by_country = data.returns_by_month.by_group()
    ranked = sorted(by_country, key=lambda c: (-by_country[c], c))
    shown, rest = ranked[:MAX_COUNTRIES], ranked[MAX_COUNTRIES:]
    if len(rest) == 1:
        shown, rest = ranked, []
    groups = [(c, labels.country(lang, c)) for c in shown] + ([(_OTHER, t("other"))] if rest else [])
    months = [(f"{year}-{m:02d}", labels.month(lang, f"{year}-{m:02d}")) for m in range(1, 13)]
    returns = _chart("returns_by_month", t("chart.returns.title", year=year), t("chart.returns.x"),
                     t("chart.returns.y"), months, groups, data.returns_by_month, counts, total,
                     group_of={c: _OTHER for c in rest})

    kinds_by_n = sorted(data.services_by_kind.cells, key=lambda c: (-c[2], c[0]))
    services = _chart("services_by_kind", t("chart.services.title", year=year), t("chart.services.x"),
                      t("chart.services.y"), [(x, labels.service_kind(lang, x)) for x, _, _ in kinds_by_n],
                      [("", "")], data.services_by_kind, counts, total, horizontal=True)
    return [replace(c, note=note) for c in (cases, returns, services)]
