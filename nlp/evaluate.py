"""Measure extraction against the gold corpus (``make eval``).

Scores, on one split:

* entities: precision, recall and F1 per label and overall, a match being the exact span
  and label;
* DATE normalisation: of the gold dates found at their exact span, the share whose ``norm``
  is exactly the gold one;
* roles: of the gold people found at their exact span, the share with the gold role;
* relations: type, head span and tail span all equal;
* indicators: type and value equal and the spans overlapping.

    python -m nlp.evaluate [--split test] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from nlp.extract import extract
from nlp.found import LABELS
from nlp.gold import GoldDocument, load_corpus
from nlp.relations import RELATION_TYPES

__all__ = ["Scores", "evaluate", "score_document"]

TARGETS = {"entity_f1": 0.92, "label_f1_min": 0.90, "date_norm": 0.98, "role_accuracy": 0.90,
           "relation_f1": 0.80, "indicator_f1": 0.80}


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    gold_count: Counter[str] = field(default_factory=Counter)
    date_norm: list[int] = field(default_factory=lambda: [0, 0])  # right, judged
    roles: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[str] = field(default_factory=list)

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, fp, fn = self.tp[key], self.fp[key], self.fn[key]
        p = tp / (tp + fp) if tp + fp else 1.0 if not fn else 0.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _count(scores: Scores, key: str, gold: set[Any], predicted: set[Any]) -> None:
    scores.tp[key] += len(gold & predicted)
    scores.fp[key] += len(predicted - gold)
    scores.fn[key] += len(gold - predicted)


def score_document(doc: GoldDocument, result: dict[str, Any], scores: Scores) -> None:
    """Add one document's comparison to ``scores``."""
    predicted = result["entities"]
    by_id = {e["id"]: e for e in predicted}
    pred_spans = {(e["label"], e["start"], e["end"]): e for e in predicted}
    gold_spans = {(g.label, g.start, g.end): g for g in doc.entities}
    for label in LABELS:
        g = {k for k in gold_spans if k[0] == label}
        p = {k for k in pred_spans if k[0] == label}
        _count(scores, label, g, p)
        scores.gold_count[label] += len(g)
        for key in sorted(p - g):
            scores.errors.append(f"{doc.id}: extra {label} {doc.text[key[1]:key[2]]!r}")
        for key in sorted(g - p):
            scores.errors.append(f"{doc.id}: missed {label} {doc.text[key[1]:key[2]]!r}")
    _count(scores, "ENTITIES", set(gold_spans), set(pred_spans))
    for key, g in gold_spans.items():
        p = pred_spans.get(key)
        if p is None:
            continue
        if g.label == "DATE" and g.norm:
            scores.date_norm[1] += 1
            scores.date_norm[0] += p["norm"] == g.norm
            if p["norm"] != g.norm:
                scores.errors.append(f"{doc.id}: DATE {doc.text[g.start:g.end]!r} gave {p['norm']}, gold {g.norm}")
        if g.label == "PERSON" and g.role:
            scores.roles[1] += 1
            scores.roles[0] += p.get("role") == g.role
            if p.get("role") != g.role:
                scores.errors.append(f"{doc.id}: role of {doc.text[g.start:g.end]!r} is {p.get('role')}, gold {g.role}")
    gold_rel = {(t, doc.entities[h].start, doc.entities[h].end, doc.entities[tl].start, doc.entities[tl].end)
                for t, h, tl in doc.relations}
    pred_rel = {(r["type"], by_id[r["head"]]["start"], by_id[r["head"]]["end"], by_id[r["tail"]]["start"],
                 by_id[r["tail"]]["end"]) for r in result["relations"]}
    _count(scores, "RELATIONS", gold_rel, pred_rel)
    for rel_type in RELATION_TYPES:
        _count(scores, f"relation:{rel_type}", {r for r in gold_rel if r[0] == rel_type},
               {r for r in pred_rel if r[0] == rel_type})
    for rel in sorted(pred_rel - gold_rel):
        scores.errors.append(f"{doc.id}: extra relation {rel[0]} {doc.text[rel[1]:rel[2]]!r} -> {doc.text[rel[3]:rel[4]]!r}")
    for rel in sorted(gold_rel - pred_rel):
        scores.errors.append(f"{doc.id}: missed relation {rel[0]} {doc.text[rel[1]:rel[2]]!r} -> {doc.text[rel[3]:rel[4]]!r}")
    matched_pred: set[int] = set()
    tp = 0
    for g in doc.indicators:
        hit = next((i for i, p in enumerate(result["indicators"]) if i not in matched_pred and p["type"] == g.type
                    and p["value"] == g.value and p["start"] < g.end and g.start < p["end"]), None)
        if hit is None:
            scores.errors.append(f"{doc.id}: missed indicator {g.value} {doc.text[g.start:g.end]!r}")
        else:
            matched_pred.add(hit)
            tp += 1
    scores.tp["INDICATORS"] += tp
    scores.fn["INDICATORS"] += len(doc.indicators) - tp
    scores.fp["INDICATORS"] += len(result["indicators"]) - len(matched_pred)
    for i, p in enumerate(result["indicators"]):
        if i not in matched_pred:
            scores.errors.append(f"{doc.id}: extra indicator {p['value']} {doc.text[p['start']:p['end']]!r}")


def evaluate(split: str = "test") -> tuple[Scores, int]:
    """Scores of the pipelines on a split of the gold corpus, and how many documents it has."""
    docs = load_corpus(split)
    scores = Scores()
    for doc in docs:
        score_document(doc, extract(doc.text, lang=doc.meta.get("lang", "auto"), doc_id=doc.id), scores)
    return scores, len(docs)


def summary(scores: Scores) -> dict[str, Any]:
    labels = {label: dict(zip(("precision", "recall", "f1"), map(lambda x: round(x, 3), scores.prf(label))),
                          support=scores.gold_count[label]) for label in LABELS}
    big = [v["f1"] for v in labels.values() if v["support"] >= 20]
    out = {
        "entity_f1": round(scores.prf("ENTITIES")[2], 3),
        "label_f1_min": min(big) if big else None,
        "date_norm": round(scores.date_norm[0] / scores.date_norm[1], 3) if scores.date_norm[1] else None,
        "role_accuracy": round(scores.roles[0] / scores.roles[1], 3) if scores.roles[1] else None,
        "relation_f1": round(scores.prf("RELATIONS")[2], 3),
        "indicator_f1": round(scores.prf("INDICATORS")[2], 3),
        "labels": labels,
        "relations": {t: dict(zip(("precision", "recall", "f1"), (round(x, 3) for x in scores.prf(f"relation:{t}"))),
                              support=scores.tp[f"relation:{t}"] + scores.fn[f"relation:{t}"]) for t in RELATION_TYPES},
    }
    out["targets_met"] = {k: (out[k] is not None and out[k] >= v) for k, v in TARGETS.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.evaluate", description=__doc__)
    parser.add_argument("--split", default="test")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print this many error lines")
    args = parser.parse_args(argv)
    scores, n = evaluate(args.split)
    result = summary(scores)
    if args.json:
        print(json.dumps({"split": args.split, "documents": n, **result}, ensure_ascii=False))
        return 0
    print(f"split {args.split}: {n} documents")
    print(f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for label, v in result["labels"].items():
        print(f"{label:<10} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f} {v['support']:>6}")
    print(f"{'relation':<15} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for rel_type, v in result["relations"].items():
        print(f"{rel_type:<15} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f} {v['support']:>6}")
    for key, target in TARGETS.items():
        value = result[key]
        shown = "n/a" if value is None else f"{value:.3f}"
        print(f"{key:<16} {shown:>6}  target {target}  {'met' if result['targets_met'][key] else 'NOT met'}")
    for line in scores.errors[: args.errors]:
        print("  " + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
