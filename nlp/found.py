"""What a finder returns: one span of the input with its label and normal form.

Finders work on the folded text (``nlp.text.fold``, same length as the input) and report
offsets of the input as given, so ``text[start:end]`` is always what was written.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Found", "LABELS", "overlaps", "resolve_overlaps"]

LABELS = ("PERSON", "ORG", "LOC", "DATE", "FLIGHT", "PASSPORT", "PHONE", "ACCOUNT", "EMAIL", "HANDLE",
          "MONEY", "COUNT", "OFFENSE")


@dataclass(frozen=True)
class Found:
    """A span found in a text.

    ``norm`` is the canonical form (ISO date, E.164 phone, canonical place name ...);
    ``attrs`` holds what a label adds (``country`` for places, ``value`` and ``unit`` for
    counts and money); ``source`` names the finder, for evidence.
    """

    start: int
    end: int
    label: str
    norm: str
    source: str
    confidence: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(f"label {self.label!r} is not one of {LABELS}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"span {self.start}-{self.end} is empty or negative")


def overlaps(a: Found, b: Found) -> bool:
    return a.start < b.end and b.start < a.end


def resolve_overlaps(found: list[Found]) -> list[Found]:
    """Keep non-overlapping spans: the longer wins, then the more confident, then the earlier."""
    ranked = sorted(found, key=lambda f: (-(f.end - f.start), -f.confidence, f.start))
    starts: list[int] = []  # kept spans never overlap, so sorted by start they are sorted by end too
    kept: list[Found] = []
    for f in ranked:
        i = bisect_left(starts, f.start)
        if i < len(kept) and kept[i].start < f.end:
            continue
        if i > 0 and kept[i - 1].end > f.start:
            continue
        starts.insert(i, f.start)
        kept.insert(i, f)
    return kept
