"""Entity resolution across documents: who is the same person.

* The same passport is one person by construction (people are keyed by it, see
  ``ingest.batches``).
* People who share a phone, account or handle are merged only when their names agree too;
  the same full name on the same flight (a manifest's passenger and the narrative's victim)
  is one person as well;
  recruiters of one ring share phones, and that is a finding for the link chart, not
  a reason to make them one person.
* Names alone, or a Chinese name and a romanisation of it, only make a candidate for review
  with a score and the reasons; an agreeing birth year, passport or phone confirms a
  cross-script match. A masked name (陳○明) never counts as agreeing: two of them are two
  people unless an identifier says otherwise.

The result is written as ``SAME_AS`` relationships (status ``merged`` or ``proposed``) and a
``canonical`` id on every merged person (the smallest id of its group), so analytics can
count people once while every source node and its evidence stays as it was read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from graph.store import Store
from graph.writes import GraphBatch, RelRow, write_batch
from ingest.romanize import chinese_keys, latin_keys

__all__ = ["Person", "Resolution", "resolve", "resolve_people", "names_agree"]

PEOPLE = """
MATCH (p:Person)
OPTIONAL MATCH (p)-[:HAS_IDENTIFIER]->(i:Identifier)
WITH p, collect(i.type + ':' + i.value) AS identifiers
OPTIONAL MATCH (p)-[:TRAVELED_ON|REPATRIATED_ON]->(f:Flight)
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.masked AS masked, p.birth_year AS birth_year,
       identifiers, collect(f.id) AS flights
"""

SET_CANONICAL = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.canonical = row.canonical
"""

_MERGE_ON = ("phone", "account", "handle", "email")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MASK = re.compile(r"[○〇*＊Ｏ]")


@dataclass(frozen=True)
class Person:
    id: str
    names: tuple[str, ...]
    masked: bool = False
    birth_year: int | None = None
    identifiers: frozenset[str] = frozenset()
    flights: frozenset[str] = frozenset()


@dataclass
class Resolution:
    merged: int = 0  # pairs merged
    candidates: int = 0  # pairs proposed for review
    pairs: list[tuple[str, str, str, float, tuple[str, ...]]] = field(default_factory=list)  # a, b, status, score, why
    canonical: dict[str, str] = field(default_factory=dict)


def _plain(name: str) -> str:
    return re.sub(r"[\s\-'’.]", "", name).lower()


def _fits_mask(masked: str, full: str) -> bool:
    """潘○文 fits 潘詩文: the same length, and every character the mask shows is the full name's."""
    shown = re.sub(r"\s", "", _MASK.sub("○", masked))
    plain = re.sub(r"\s", "", full)
    if "○" not in shown or _MASK.search(plain) or len(shown) != len(plain) or not _CJK.search(plain):
        return False
    return all(a == "○" or a == b for a, b in zip(shown, plain))


def names_agree(a: Person, b: Person) -> tuple[float, list[str]]:
    """How well two people's names agree (0-1) and why; masked names agree with nothing but
    the same mask with an identifier behind it, which is the caller's business."""
    reasons: list[str] = []
    best = 0.0
    for x in a.names:
        for y in b.names:
            if _MASK.search(x) or _MASK.search(y):
                if _MASK.search(x) and _MASK.search(y) and _MASK.sub("○", x) == _MASK.sub("○", y):
                    best = max(best, 0.5)
                    reasons.append(f"same masked name {x}")
                elif _fits_mask(x, y) or _fits_mask(y, x):
                    best = max(best, 0.5)
                    reasons.append(f"{x} and {y} fit one masked name")
                continue
            if _plain(x) == _plain(y):
                best = max(best, 1.0)
                reasons.append(f"same name {x}")
                continue
            zx, zy = bool(_CJK.search(x)), bool(_CJK.search(y))
            if zx != zy:
                zh, latin = (x, y) if zx else (y, x)
                if chinese_keys(zh) & latin_keys(latin):
                    best = max(best, 0.7)
                    reasons.append(f"{latin} is a romanisation of {zh}")
            elif not zx and latin_keys(x) & latin_keys(y):
                best = max(best, 0.9)
                reasons.append(f"{x} and {y} are one name in another order")
    return best, sorted(set(reasons))


def resolve_people(people: list[Person]) -> Resolution:
    """Merges and candidates among ``people``. Pure and deterministic."""
    by_id = {p.id: p for p in people}
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)  # what brought the pair together
    blocks: dict[str, list[str]] = defaultdict(list)
    for p in people:
        for ident in p.identifiers:
            if ident.split(":", 1)[0] in _MERGE_ON:
                blocks[f"id:{ident}"].append(p.id)
        for name in p.names:
            if _MASK.search(name):
                blocks[f"mask:{_MASK.sub('○', name)}"].append(p.id)
            elif _CJK.search(name):
                blocks[f"name:{_plain(name)}"].append(p.id)
                for key in chinese_keys(name):
                    blocks[f"rom:{key}"].append(p.id)
            else:
                blocks[f"name:{_plain(name)}"].append(p.id)
                for key in latin_keys(name):
                    blocks[f"rom:{key}"].append(p.id)
            if not _MASK.search(name):
                for flight in p.flights:  # a name common elsewhere still pairs on one flight
                    blocks[f"flight:{flight}:{_plain(name)}"].append(p.id)
    for block, ids in blocks.items():
        unique = sorted(set(ids))
        if len(unique) > 200:
            continue  # a name everyone has: too common to say anything
        if block.startswith("id:"):
            links = combinations(unique, 2)  # each pair's names decide
        else:
            links = ((unique[0], other) for other in unique[1:])  # a star, not every pair, for one name
        for a, b in links:
            pairs[(a, b)].add(block)
    out = Resolution()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for (a, b), blocks_of in sorted(pairs.items()):
        pa, pb = by_id[a], by_id[b]
        score, reasons = names_agree(pa, pb)
        shared = sorted(i for i in pa.identifiers & pb.identifiers if i.split(":", 1)[0] in _MERGE_ON + ("passport",))
        years_agree = pa.birth_year is not None and pa.birth_year == pb.birth_year
        years_differ = pa.birth_year is not None and pb.birth_year is not None and pa.birth_year != pb.birth_year
        flights = sorted(pa.flights & pb.flights)
        if shared:
            reasons.append("share " + ", ".join(shared))
        if flights and score >= 0.9:
            reasons.append("both on " + ", ".join(flights))
        if years_agree:
            reasons.append(f"both born {pa.birth_year}")
        if years_differ:
            continue  # two birth years: two people
        if score == 0.0:
            continue  # identifiers shared by people with other names: a ring, not one person
        confirmed = (bool(shared) or (score >= 0.7 and years_agree and not _masked_only(pa, pb))
                     or (score >= 0.9 and bool(flights)))
        status = "merged" if confirmed else "proposed"
        if status == "proposed" and (score <= 0.5 or _masked_only(pa, pb)):
            continue  # a masked name alone proposes nothing
        final = min(1.0, score + (0.2 if shared else 0.0) + (0.1 if years_agree else 0.0))
        out.pairs.append((a, b, status, round(final, 2), tuple(reasons)))
        if status == "merged":
            out.merged += 1
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        else:
            out.candidates += 1
    roots = {p.id: find(p.id) for p in people}
    grouped = {root for pid, root in roots.items() if pid != root}
    out.canonical = {pid: root for pid, root in roots.items() if root in grouped}
    return out


def _masked_only(a: Person, b: Person) -> bool:
    return all(_MASK.search(n) for n in a.names) or all(_MASK.search(n) for n in b.names)


def resolve(store: Store) -> Resolution:
    """Resolve every person in the graph and write the outcome; idempotent."""
    rows = store.read(PEOPLE, {}, purpose="resolve")
    people = [_person(row) for row in rows]
    resolution = resolve_people(people)
    batch = GraphBatch()
    for a, b, status, score, reasons in resolution.pairs:
        batch.rels.append(RelRow("SAME_AS", a, b, {"score": score, "reasons": list(reasons), "status": status}))
    if batch.rels:
        write_batch(store, batch)
    rows_out = [{"id": pid, "canonical": root} for pid, root in sorted(resolution.canonical.items())]
    for i in range(0, len(rows_out), 2000):
        store.write(SET_CANONICAL, {"rows": rows_out[i : i + 2000]}, purpose="resolve")
    return resolution


def _person(row: dict[str, Any]) -> Person:
    names = tuple(n for n in [row["name"], *(row["aliases"] or [])] if n)
    return Person(row["id"], names, bool(row["masked"]), row["birth_year"], frozenset(row["identifiers"] or []),
                  frozenset(row.get("flights") or []))

