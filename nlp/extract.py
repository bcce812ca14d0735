"""The extraction contract: one JSON-ready object per document (``tipgraph extract``).

    {"doc": {"id", "lang", "chars"},
     "entities": [{"id", "label", "text", "start", "end", "norm", "role"?, "value"?, "unit"?,
                   "country"?, "confidence", "source", "attrs"?}],
     "relations": [{"type", "head", "tail", "start", "end", "confidence", "source"}],
     "indicators": [{"type", "value", "start", "end", "person"?}]}

Offsets are Unicode code points of the input as given: ``text == input[start:end]``.
``head``, ``tail`` and ``person`` are entity ids of the same document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Any

from nlp.pipeline import pipeline_for
from nlp.sentences import Sentences
from nlp.text import detect_language

__all__ = ["extract", "extract_many", "doc_id_of"]

LANGS = ("auto", "zh", "en")


def doc_id_of(data: bytes) -> str:
    """A document's id: ``doc:`` and the SHA-256 of its bytes."""
    return "doc:" + hashlib.sha256(data).hexdigest()


def _choose_lang(text: str, lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return detect_language(text) if lang == "auto" else lang


def _entity(i: int, e: Any, text: str, role: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"e{i + 1}", "label": e.label, "text": text[e.start : e.end], "start": e.start,
                           "end": e.end, "norm": e.norm}
    attrs = dict(e.attrs)
    if role is not None:
        out["role"] = role
    for key in ("value", "unit", "country"):
        if key in attrs:
            out[key] = attrs.pop(key)
    out["confidence"] = round(float(e.confidence), 3)
    out["source"] = e.source
    if attrs:
        out["attrs"] = attrs
    return out


def _result(doc: Any, doc_id: str, lang: str) -> dict[str, Any]:
    text = doc._.tg_text if doc._.tg_text is not None else doc.text
    entities = doc._.tg_entities or []
    roles = doc._.tg_roles or {}
    people = [i for i, e in enumerate(entities) if e.label == "PERSON"]
    indicators = []
    sentences = Sentences(text)
    people_in: dict[tuple[int, int], list[int]] = {}
    for i in people:
        people_in.setdefault(sentences.bounds(entities[i].start), []).append(i)
    for ind in doc._.tg_indicators or []:
        item: dict[str, Any] = {"type": ind.type, "value": ind.value, "start": ind.start, "end": ind.end}
        near = people_in.get(sentences.bounds(ind.start), [])
        if near:
            victims = [i for i in near if roles.get(i) == "victim"]
            pick = min(victims or near, key=lambda i: abs(entities[i].start - ind.start))
            item["person"] = f"e{pick + 1}"
        indicators.append(item)
    return {
        "doc": {"id": doc_id, "lang": lang, "chars": len(text)},
        "entities": [_entity(i, e, text, roles.get(i) if e.label == "PERSON" else None) for i, e in enumerate(entities)],
        "relations": [
            {"type": r.type, "head": f"e{r.head + 1}", "tail": f"e{r.tail + 1}", "start": r.start, "end": r.end,
             "confidence": r.confidence, "source": r.source}
            for r in doc._.tg_relations or []
        ],
        "indicators": indicators,
    }


def extract(text: str, *, lang: str = "auto", doc_id: str | None = None) -> dict[str, Any]:
    """Everything the pipelines find in one text, in the contract's shape.

    Raises:
        ValueError: ``lang`` is not auto, zh or en.
    """
    chosen = _choose_lang(text, lang)
    doc = pipeline_for(chosen)(text)
    return _result(doc, doc_id or doc_id_of(text.encode("utf-8")), chosen)


def extract_many(items: Iterable[tuple[str, str]], *, lang: str = "auto", batch_size: int = 64) -> Iterator[dict[str, Any]]:
    """Extract ``(doc_id, text)`` pairs in order, through ``nlp.pipe`` in runs of one language."""
    run: list[tuple[str, str]] = []
    run_lang = ""
    for doc_id, text in items:
        chosen = _choose_lang(text, lang)
        if run and chosen != run_lang:
            yield from _flush(run, run_lang, batch_size)
            run = []
        run_lang = chosen
        run.append((doc_id, text))
        if len(run) >= batch_size:
            yield from _flush(run, run_lang, batch_size)
            run = []
    if run:
        yield from _flush(run, run_lang, batch_size)


def _flush(run: list[tuple[str, str]], lang: str, batch_size: int) -> Iterator[dict[str, Any]]:
    nlp = pipeline_for(lang)
    for (doc_id, _text), doc in zip(run, nlp.pipe((t for _, t in run), batch_size=batch_size)):
        yield _result(doc, doc_id, lang)
