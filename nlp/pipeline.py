"""The spaCy pipelines: ``spacy.blank("zh")`` or ``spacy.blank("en")`` plus our components.

Nothing is downloaded: the components are rules, gazetteers and normalisers registered as
spaCy factories. Finders are registered in ``FINDERS`` (built-ins the same way an add-on
would), and ``tipgraph_entities`` runs the ones its config names.

Components and what they set on the ``Doc``:

* ``tipgraph_entities``: ``doc._.tg_entities`` (non-overlapping ``Found`` in text order) and
  ``doc.spans["tipgraph"]`` (the same as spaCy spans, for displaCy and other tools);
* ``tipgraph_roles``: ``doc._.tg_roles`` (entity index -> role, for PERSON);
* ``tipgraph_relations``: ``doc._.tg_relations``;
* ``tipgraph_indicators``: ``doc._.tg_indicators``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp.found import Found, resolve_overlaps
from nlp.text import fold

__all__ = ["FINDERS", "register_finder", "build_pipeline", "pipeline_for"]

Finder = Callable[[str, str], list[Found]]
FINDERS: dict[str, Finder] = {}


def register_finder(name: str) -> Callable[[Finder], Finder]:
    """Register ``fn(text, folded) -> list[Found]`` under ``name``."""

    def add(fn: Finder) -> Finder:
        FINDERS[name] = fn
        return fn

    return add


def _register_builtins() -> None:
    from nlp import dates, flights, identifiers, offenses, orgs, persons, places, quantities

    def find_dates(text: str, folded: str) -> list[Found]:
        found = dates.find_dates(folded)
        out = [Found(d.start, d.end, "DATE", d.norm, "rules.dates", 0.97 if d.precision != "approx" else 0.85,
                     {"precision": d.precision}) for d in found]
        if not found:
            return out
        # A month and day without a year take the year of the nearest dated mention before them
        # in the document (a case file states the year once, then writes 3 月 6 日).
        known = sorted((d.start, d.norm[:4]) for d in found)
        starts = [start for start, _ in known]
        have = {(d.start, d.end) for d in found}
        for d in dates.find_dates(folded, default_year=int(known[0][1])):
            if (d.start, d.end) in have:
                continue
            i = bisect_right(starts, d.start)
            year = known[i - 1][1] if i else known[0][1]
            out.append(Found(d.start, d.end, "DATE", year + d.norm[4:], "rules.dates.document_year", 0.85,
                             {"precision": d.precision}))
        return out

    def find_quantities(text: str, folded: str) -> list[Found]:
        out = []
        for q in quantities.find_quantities(folded):
            attrs = {"value": q.value, "unit": q.unit}
            if getattr(q, "approx", False):
                attrs["approx"] = True
            out.append(Found(q.start, q.end, q.label, f"{q.value} {q.unit}", "rules.quantities", 0.95, attrs))
        return out

    for name, fn in (
        ("dates", find_dates), ("quantities", find_quantities), ("identifiers", identifiers.find_identifiers),
        ("flights", flights.find_flights), ("places", places.find_places), ("orgs", orgs.find_orgs),
        ("offenses", offenses.find_offenses), ("persons", persons.find_persons),
    ):
        register_finder(name)(fn)


_register_builtins()
DEFAULT_FINDERS = tuple(FINDERS)

for _ext in ("tg_text", "tg_entities", "tg_roles", "tg_relations", "tg_indicators"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class EntityComponent:
    """Runs the finders over the folded text and keeps the best non-overlapping spans."""

    def __init__(self, finders: Sequence[str]) -> None:
        unknown = [f for f in finders if f not in FINDERS]
        if unknown:
            raise ValueError(f"unknown finder(s) {unknown}; registered: {sorted(FINDERS)}")
        self.finders = [FINDERS[f] for f in finders]

    def __call__(self, doc: Doc) -> Doc:
        # spaCy rebuilds doc.text from the tokens on every access: the tokenizer keeps it once
        text = doc._.tg_text if doc._.tg_text is not None else doc.text
        doc._.tg_text = text
        folded = fold(text)
        doc.user_data["tg_folded"] = folded
        found: list[Found] = []
        for finder in self.finders:
            found.extend(finder(text, folded))
        kept = resolve_overlaps(found)
        doc._.tg_entities = kept
        spans = []
        for f in kept:
            span = doc.char_span(f.start, f.end, label=f.label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["tipgraph"] = spans
        return doc


@Language.factory("tipgraph_entities", default_config={"finders": list(DEFAULT_FINDERS)}, assigns=["doc._.tg_entities"])
def make_entities(nlp: Language, name: str, finders: list[str]) -> EntityComponent:
    return EntityComponent(finders)


@Language.factory("tipgraph_roles", requires=["doc._.tg_entities"], assigns=["doc._.tg_roles"])
def make_roles(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from nlp.roles import assign_roles

    def roles(doc: Doc) -> Doc:
        entities = doc._.tg_entities or []
        people = [i for i, e in enumerate(entities) if e.label == "PERSON"]
        assigned = assign_roles(doc._.tg_text or doc.text, [entities[i] for i in people])
        doc._.tg_roles = dict(zip(people, assigned))
        return doc

    return roles


@Language.factory("tipgraph_relations", requires=["doc._.tg_entities", "doc._.tg_roles"], assigns=["doc._.tg_relations"])
def make_relations(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from nlp.relations import find_relations

    def relations(doc: Doc) -> Doc:
        doc._.tg_relations = find_relations(doc._.tg_text or doc.text, doc._.tg_entities or [], doc._.tg_roles or {})
        return doc

    return relations


@Language.factory("tipgraph_indicators", assigns=["doc._.tg_indicators"])
def make_indicators(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    from nlp.indicators import find_indicators

    def indicators(doc: Doc) -> Doc:
        text = doc._.tg_text or doc.text
        doc._.tg_indicators = find_indicators(text, doc.user_data.get("tg_folded"))
        return doc

    return indicators


def build_pipeline(lang: str) -> Language:
    """A new pipeline for ``zh`` or ``en``: ``spacy.blank(lang)`` with the four components.

    Chinese uses our linear character tokenizer (``nlp.tokenizer``) in place of spaCy's.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if lang == "zh":
        import nlp.tokenizer  # noqa: F401  (registers the tokenizer)

        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "tipgraph.char_tokenizer.v1"}}})
    else:
        nlp = spacy.blank(lang)
    nlp.max_length = 50_000_000  # we never parse; long documents are fine
    for component in ("tipgraph_entities", "tipgraph_roles", "tipgraph_relations", "tipgraph_indicators"):
        nlp.add_pipe(component)
    return nlp


@cache
def pipeline_for(lang: str) -> Language:
    """The shared pipeline for a language (built once per process)."""
    return build_pipeline(lang)
