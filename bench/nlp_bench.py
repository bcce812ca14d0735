"""Extraction benchmark: documents per second through ``nlp.pipe``, per core, with memory.

Documents of 2 KB (UTF-8 bytes, so about 680 characters of Chinese or 2,000 of English) are
built for each language from the gold corpus's train and dev texts in that language
(repeated and shuffled to length); the baseline in the same run is the blank spaCy pipeline
alone (tokenising only), so the figure says what our components cost on top of spaCy.

    python -m bench.nlp_bench [--docs 2000] [--seed 3]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from pathlib import Path

import spacy

from nlp.gold import load_corpus
from nlp.pipeline import build_pipeline


def _documents(n: int, seed: int, lang: str) -> list[str]:
    rng = random.Random(seed)
    texts = [d.text for split in ("train", "dev") for d in load_corpus(split) if d.meta.get("lang") == lang]
    if not texts:
        raise SystemExit(f"the gold corpus has no {lang} train or dev documents to build benchmark texts from")
    docs = []
    for _ in range(n):
        parts: list[str] = []
        while sum(len(p.encode("utf-8")) for p in parts) < 2048:
            parts.append(rng.choice(texts))
        docs.append("\n\n".join(parts).encode("utf-8")[:2048].decode("utf-8", errors="ignore"))
    return docs


def _rate(nlp: spacy.language.Language, docs: list[str]) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=64):
        pass
    return len(docs) / (time.perf_counter() - t)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, float] = {"documents": args.docs, "bytes_each": 2048}
    for lang in ("zh", "en"):
        docs = _documents(args.docs, args.seed, lang)
        results[f"{lang}_mean_chars"] = round(sum(map(len, docs)) / len(docs))
        full = build_pipeline(lang)
        full(docs[0])  # warm the caches
        blank = spacy.blank(lang)
        results[f"{lang}_docs_s"] = round(_rate(full, docs))
        results[f"{lang}_blank_docs_s"] = round(_rate(blank, docs))
    results["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "nlp.json").write_text(json.dumps(results, indent=2) + "\n")
    print("| pipeline | docs/s (one core, ~2 KB each) | blank spaCy baseline | target |")
    print("|---|---|---|---|")
    for lang in ("zh", "en"):
        print(f"| {lang} | {results[f'{lang}_docs_s']:,} | {results[f'{lang}_blank_docs_s']:,} | >= 300 |")
    print(f"\npeak memory {results['peak_rss_mib']} MiB")


if __name__ == "__main__":
    main()
