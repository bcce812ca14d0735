"""Short paragraphs written from the figures: templated sentences in the report's language.

Pure functions from figures and series to strings. A sentence only compares counts that are
shown: a suppressed count is never ranked, nor its change written, so the words give away
nothing the tables hide.
"""

from __future__ import annotations

from collections.abc import Sequence

from playbooks.report import labels
from playbooks.report.figures import Figure
from playbooks.report.counts import Counts
from playbooks.report.series import ChartData

__all__ = ["overview", "pillar_paragraph", "series_paragraph"]


def _end(lang: str, parts: Sequence[str]) -> str:
    parts = [p for p in parts if p]
    if not parts:
        return ""
    sentence = labels.text(lang, "narrative.join").join(parts)
    return sentence[:1].upper() + sentence[1:] + labels.text(lang, "narrative.sentence_end")


def _unit(unit: str) -> str:
    return f" {unit}" if unit else ""


def _relative(f: Figure) -> float:
    return (f.value - f.previous) / f.previous if f.value is not None and f.previous else 0.0


def _pct(rel: float) -> str:
    return f"{abs(rel) * 100:.1f}%"


def overview(figures: Sequence[Figure], year: int, counts: Counts, lang: str) -> str:
    """How many indicators rose, fell or stayed against the year before (shown counts only)."""
    comparable = [f for f in figures if counts.comparable(f.value, f.previous)]
    up = sum(1 for f in comparable if (f.value or 0) > (f.previous or 0))
    down = sum(1 for f in comparable if (f.value or 0) < (f.previous or 0))
    return labels.text(lang, "narrative.overview", year=year, prev=year - 1, total=len(figures),
                       up=up, down=down, same=len(comparable) - up - down)


def _headline(f: Figure, year: int, counts: Counts, lang: str) -> str:
    values = {"title": f.title(lang), "value": counts.show(f.value), "previous": counts.show(f.previous),
              "unit": _unit(f.unit(lang)), "prev": year - 1}
    if not counts.comparable(f.value, f.previous):
        return labels.text(lang, "narrative.headline", **values)
    if f.value == f.previous:
        return labels.text(lang, "narrative.same", **values)
    if not f.previous:
        return labels.text(lang, "narrative.headline", **values)
    key = "narrative.up" if (f.value or 0) > f.previous else "narrative.down"
    return labels.text(lang, key, **values, pct=_pct(_relative(f)))


def pillar_paragraph(figures: Sequence[Figure], year: int, counts: Counts, lang: str) -> str:
    """A paragraph on one P: its first indicator, then its largest rise and largest fall.

    >>> def f(id, title, order, value, previous):
    ...     return Figure(id, "prevention", title, title, "", "", "", "", None, order, value, previous, value)
    >>> pillar_paragraph([f("a", "Sessions", 1, 4, 2), f("b", "Trainees", 2, 90, 100)], 2022, Counts(), "en")
    'Sessions: 4, up 100.0% from 2 in 2021; the largest fall was in Trainees (100 → 90, −10.0%).'
    """
    if not figures:
        return ""
    head = min(figures, key=lambda f: (f.parent is not None, f.order))
    ranked = sorted((f for f in figures if f is not head and counts.comparable(f.value, f.previous) and f.previous),
                    key=lambda f: (_relative(f), f.order))
    parts = [_headline(head, year, counts, lang)]
    for f, key, keep in ((ranked[-1] if ranked else None, "narrative.rise", lambda r: r > 0),
                         (ranked[0] if ranked else None, "narrative.fall", lambda r: r < 0)):
        if f is not None and keep(_relative(f)):
            parts.append(labels.text(lang, key, title=f.title(lang), value=counts.show(f.value),
                                     previous=counts.show(f.previous), pct=_pct(_relative(f))))
    return _end(lang, parts)


def _top(cells: dict[str, int]) -> tuple[str, int] | None:
    cells = {k: v for k, v in cells.items() if v}
    return max(sorted(cells.items()), key=lambda kv: kv[1]) if cells else None


def series_paragraph(data: ChartData, year: int, counts: Counts, lang: str) -> str:
    """What the charts show: the commonest type of case, country and month of return, and service."""
    sentences = []
    cases = _top({g: n for x, g, n in data.cases_by_year.cells if x == str(year)})
    if cases:
        sentences.append(labels.text(lang, "narrative.cases", year=year, top=labels.exploitation(lang, cases[0]),
                                     n=counts.show(cases[1])))
    country = _top(data.returns_by_month.by_group())
    busiest = _top({x: data.returns_by_month.total(x) for x in data.returns_by_month.xs()})
    if country and busiest:
        sentences.append(labels.text(lang, "narrative.returns", year=year, top=labels.country(lang, country[0]),
                                     n=counts.show(country[1]), month=labels.month(lang, busiest[0]),
                                     m=counts.show(busiest[1])))
    service = _top({x: n for x, _, n in data.services_by_kind.cells})
    if service:
        sentences.append(labels.text(lang, "narrative.services", year=year, top=labels.service_kind(lang, service[0]),
                                     n=counts.show(service[1])))
    return (" " if lang == "en" else "").join(sentences)
