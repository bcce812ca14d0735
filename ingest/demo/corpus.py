"""From a built world to the corpus: plan the rescue reports, render every document, and assemble
the ground truth (people with every surface form used, cases, flights, structures, bad files)."""

from __future__ import annotations

import random
from typing import Any

from ingest.demo.model import Rescue, World
from ingest.demo.render import Doc
from ingest.demo.texts_en import render_rescue_en
from ingest.demo.texts_zh import render_case, render_rescue_zh

__all__ = ["plan_reports", "render_documents", "truth_of", "REPORTS"]

#: How many rescue reports and liaison notes to write.
REPORTS = 84


def plan_reports(world: World) -> list[tuple[str, str, list[Rescue]]]:
    """``(file, lang, rescues)`` for each report: every ring victim is covered; the cross-script victim in English."""
    rng = random.Random(f"{world.seed}:reports")
    groups: dict[tuple[str, str], list[Rescue]] = {}
    for res in world.rescues:
        key = (res.origin, res.returned.isoformat()) if res.returned else ("stuck", res.person)
        groups.setdefault(key, []).append(res)
    chunks = [g[i:i + 4] for _, g in sorted(groups.items()) for i in range(0, len(g), 4)]
    ring_victims = {str(v) for ring in world.structures["rings"] for v in ring["victims"]}  # type: ignore[index,union-attr]
    cross = str(world.structures["cross_script"]["person"])  # type: ignore[index]
    must = [c for c in chunks if any(r.person in ring_victims or r.person == cross for r in c)]
    rest = [c for c in chunks if c not in must]
    chosen = must + rng.sample(rest, REPORTS - len(must))
    chosen.sort(key=lambda c: (c[0].reported, c[0].person))
    plan = []
    for n, chunk in enumerate(chosen, 1):
        lang = "en" if any(r.person == cross for r in chunk) else ("zh" if n % 2 else "en")
        plan.append((f"rescues/rescue-{n:03d}-{lang}.txt", lang, chunk))
    return plan


def _ring_of(world: World) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for ring in world.structures["rings"]:  # type: ignore[attr-defined]
        for v in ring["victims"]:
            out[v] = ring
    return out


def render_documents(world: World) -> tuple[dict[str, bytes], dict[str, Doc], list[dict[str, Any]]]:
    """Case files and rescue reports: (path -> bytes, path -> Doc, the report plan for the truth)."""
    files: dict[str, bytes] = {}
    docs: dict[str, Doc] = {}
    for case in sorted(world.cases, key=lambda c: c.id):
        doc = render_case(case, world)
        try:
            data = doc.text.encode(case.encoding)
        except UnicodeEncodeError:
            case.encoding = "utf-8"
            data = doc.text.encode("utf-8")
        files[case.file], docs[case.file] = data, doc
    ring_of = _ring_of(world)
    reports = []
    for path, lang, chunk in plan_reports(world):
        render = render_rescue_en if lang == "en" else render_rescue_zh
        doc = render(path, chunk, world, ring_of=ring_of)
        files[path], docs[path] = doc.text.encode("utf-8"), doc
        reports.append({"file": path, "lang": lang, "people": [r.person for r in chunk]})
    return files, docs, reports


def _iso(d: Any) -> str | None:
    return None if d is None else d.isoformat()


def truth_of(world: World, surfaces: dict[str, set[str]], reports: list[dict[str, Any]],
             bad: list[dict[str, str]]) -> dict[str, Any]:
    """The ground truth as a JSON-ready dict (figures are added by the caller, from the written files)."""
    people = []
    for pid, p in sorted(world.people.items()):
        people.append({
            "id": pid, "name": p.name, "surfaces": sorted(surfaces.get(pid, set())), "role": p.roles[0],
            "roles": list(p.roles), "nationality": p.nationality, "sex": p.sex, "birth_year": p.birth_year,
            "minor": p.minor, "passport": p.passport or None, "phones": list(p.phones), "accounts": list(p.accounts),
            "handles": [f"{platform}:{h}" for platform, h in p.handles],
        })
    cases = [{
        "id": c.id, "file": c.file, "encoding": c.encoding, "year": c.year, "trafficking": c.trafficking,
        "exploitation": c.exploitation, "offences": list(c.offences), "setting": c.setting, "ring": c.ring or None,
        "suspects": list(c.suspects), "victims": list(c.victims), "suspect_count": len(c.suspects),
        "victim_count": len(c.victims), "referral_date": c.referral_date.isoformat(), "prosecutors_office": c.office,
        "referring_unit": c.unit, "indicted": c.indicted, "indictment_date": _iso(c.indictment_date),
        "defendants": list(c.defendants), "defendants_indicted": len(c.defendants), "rich": c.rich,
        "names_masked": not c.full_names,
    } for c in sorted(world.cases, key=lambda c: c.id)]
    flights = [{"flight": t.flight, "date": t.date.isoformat(), "origin": t.origin, "destination": t.destination,
                "route": f"{t.origin}→{t.destination}", "people": list(t.people), "purpose": t.purpose}
               for t in sorted(world.trips, key=lambda t: (t.date, t.flight, t.people))]
    rescues = [{"person": r.person, "country": r.country, "place": r.place, "reported": _iso(r.reported),
                "found": _iso(r.found), "rescued": _iso(r.rescued), "returned": _iso(r.returned),
                "mission": r.mission, "flight": r.flight or None}
               for r in sorted(world.rescues, key=lambda r: (r.reported, r.person))]
    structures = dict(world.structures)
    cross = dict(structures["cross_script"])  # type: ignore[call-overload]
    cross["rescue_report"] = next(r["file"] for r in reports if cross["person"] in r["people"])
    cross["register"] = "registers/rescue_2022.csv"
    cross["surfaces"] = sorted(surfaces.get(cross["person"], set()))
    structures["cross_script"] = cross
    return {
        "seed": world.seed, "people": people, "cases": cases, "flights": flights, "rescues": rescues,
        "rescue_reports": reports, "structures": structures, "bad_files": bad,
        "emergency_card_recipients": "masked names of departing travellers, not people of the case graph",
    }
