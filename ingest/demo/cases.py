"""The case plan: ring cases first (the hidden structures), then ordinary cases per year, with the
2022 prosecution figures (161 referred, 75/85/1, 379 victims, 153 indicted, 325 defendants) exact."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from ingest.demo import names
from ingest.demo.gazetteer import OFFICES, PLACES, UNITS
from ingest.demo.model import Case, Person

if TYPE_CHECKING:
    from ingest.demo.people import _Builder

__all__ = ["build_cases", "split", "YEAR_PLANS"]

#: Per year: (setting, cases, victims total, lo, hi) for the ordinary (non-ring) cases.
YEAR_PLANS: dict[int, tuple[tuple[str, int, int, int, int], ...]] = {
    2022: (("migrant", 72, 239, 1, 8), ("minor", 60, 91, 1, 3), ("sexual_foreign", 25, 40, 1, 3),
           ("organ", 1, 1, 1, 1), ("fraud", 7, 7, 0, 2)),
    2021: (("migrant", 18, 62, 1, 6), ("minor", 10, 15, 1, 3), ("sexual_foreign", 4, 6, 1, 2),
           ("fraud", 4, 4, 0, 2)),
    2020: (("migrant", 11, 38, 1, 6), ("minor", 9, 13, 1, 3), ("sexual_foreign", 5, 8, 1, 2),
           ("fraud", 3, 3, 0, 2)),
}
_EXPLOITATION = {"migrant": "labour", "overseas": "labour", "minor": "sexual", "sexual_foreign": "sexual",
                 "organ": "organ", "fraud": "none"}
_OFFENCES = {
    "labour": ["人口販運", "勞力剝削"], "sexual": ["人口販運", "性剝削"], "organ": ["人口販運", "器官摘取"],
}
_FRAUD_OFFENCES = (["詐欺", "妨害自由"], ["違反護照條例"], ["詐欺"], ["人蛇", "偷渡"])
_FOREIGN_WORKERS = ("ID", "ID", "VN", "VN", "PH", "TH")
_FOREIGN_WOMEN = ("VN", "VN", "TH", "ID", "PH")
_HOME_AIRPORT = {"ID": "CGK", "VN": "SGN", "PH": "MNL", "TH": "BKK"}

# ring: (country, place, recruiters, cases as (year, trafficking, victims, recruiter slots))
_RINGS: dict[str, tuple[str, str, int, tuple[tuple[int, bool, int, tuple[str, ...]], ...]]] = {
    "A": ("KH", "西港", 3, ((2021, True, 3, ("r0", "r1")), (2022, True, 3, ("r0", "r2")),
                          (2022, False, 3, ("chain", "r1")), (2022, False, 2, ("r1", "broker")))),
    "B": ("MM", "妙瓦底", 3, ((2021, True, 2, ("r0", "r1")), (2022, True, 3, ("r0", "r1")),
                           (2022, False, 3, ("r2", "broker")))),
    "C": ("KH", "巴域", 2, ((2020, True, 2, ("r0", "r1")), (2022, True, 2, ("r0", "r1")),
                         (2022, False, 2, ("r1",)), (2022, False, 2, ("r0", "r1")))),
}


def split(total: int, n: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    """``n`` integers in ``[lo, hi]`` summing to ``total``, spread at random.

    >>> sum(split(379, 161, 1, 8, random.Random(1)))
    379
    """
    if not n * lo <= total <= n * hi:
        raise ValueError(f"total {total} cannot be split into {n} parts of {lo}..{hi}")
    parts = [lo] * n
    left = total - n * lo
    while left:
        i = rng.randrange(n)
        if parts[i] < hi:
            parts[i] += 1
            left -= 1
    return parts


def _date(b: "_Builder", start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=b.rng.randint(0, (end - start).days))


def _new_case(b: "_Builder", year: int, setting: str, trafficking: bool, referral: dt.date) -> Case:
    r = b.rng
    exploitation = _EXPLOITATION[setting] if trafficking else "none"
    if trafficking:
        offences = list(_OFFENCES[exploitation])
    else:
        offences = ["詐欺", "妨害自由"] if setting == "overseas" else list(r.choice(_FRAUD_OFFENCES))
    if trafficking and setting == "overseas" and r.random() < 0.6:
        offences.append("妨害自由")
    case = Case(id=f"tmp-{len(b.cases) + 1:04d}", year=year, exploitation=exploitation, trafficking=trafficking,
                offences=offences, suspects=[], victims=[], referral_date=referral, unit=r.choice(UNITS),
                office=r.choice(OFFICES), defendants=[], indictment_date=None, setting=setting)
    case.rich = r.random() < 0.3
    case.full_names = r.random() < 0.15
    b.cases.append(case)
    return case


def _rings(b: "_Builder", structures: dict[str, object]) -> list[tuple[str, dt.date, str, str]]:
    """Build the rings, the broker and the chain; return the 2022 victims abroad for the rescue list."""
    r = b.rng
    abroad: list[tuple[str, dt.date, str, str]] = []
    broker = b.person("recruiter", year=2022)
    broker.accounts.append(b.account())
    rings, flew = [], []
    chain_info: dict[str, object] = {}
    broker_cases: list[str] = []
    for key, (country, place, n_rec, plan) in sorted(_RINGS.items()):
        recs = [b.person("recruiter", year=2021) for _ in range(n_rec)]
        shared_phone, shared_account = b.phone("TW"), b.account()
        boss_phone = b.phone("KH" if country == "KH" else "MM")
        shared_handle = b.handle("Telegram" if key == "B" else "LINE")
        for p in recs:
            p.phones.append(shared_phone)
            p.accounts.append(shared_account)
            p.handles.append(shared_handle)
        recs[0].phones.append(boss_phone)
        abroad_phones = [boss_phone]
        if country == "MM":  # the ring's driver on the Thai side of the border
            recs[1].phones.append(b.phone("TH"))
            abroad_phones.append(recs[1].phones[-1])
        ring_cases, ring_victims = [], []
        for year, trafficking, n_victims, slots in plan:
            start = dt.date(year, 2, 1)
            out = _date(b, start, dt.date(year, 5, 31))
            back = out + dt.timedelta(days=r.randint(90, 150))
            referral = back + dt.timedelta(days=r.randint(10, 25))
            case = _new_case(b, year, "overseas", trafficking, referral)
            case.ring, case.rich, case.destination = f"ring-{key}", True, (country, place)
            case.recruitment = r.choice(("job_ad", "social_media", "acquaintance"))
            suspects: list[Person] = []
            for slot in slots:
                if slot == "broker":
                    suspects.append(broker)
                    broker_cases.append(case.id)
                elif slot == "chain":
                    chain = b.people[str(chain_info["person"])]
                    chain.roles.append("recruiter")
                    chain.phones.append(b.phone("TW"))
                    chain.handles.append(shared_handle)
                    chain_info["recruiter_in"] = case.id
                    suspects.append(chain)
                else:
                    suspects.append(recs[int(slot[1:])])
            victims = [b.person("victim", year=year, contacts=True) for _ in range(n_victims)]
            if key == "A" and year == 2021:
                chain_info.update(person=victims[0].id, victim_in=case.id,
                                  recruited_by=[p.id for p in suspects])
            if "recruiter_in" in chain_info and chain_info["recruiter_in"] == case.id:
                chain_info["recruited"] = [v.id for v in victims]
            case.suspects = [p.id for p in suspects]
            case.recruiters = [p.id for p in suspects]
            case.victims = [v.id for v in victims]
            companion = suspects[0]
            trip = b.trip([companion.id] + case.victims, out, PLACES[country][2], "outbound")
            case.trips.append(trip)
            flew.append({"case": case.id, "recruiter": companion.id, "victims": list(case.victims),
                         "flight": trip.flight, "date": out.isoformat(), "route": f"{trip.origin}→{trip.destination}"})
            if key == "B" and year == 2022 and trafficking:
                case.full_names = True
                structures["cross_script"] = {"person": victims[0].id, "case": case.id}
            if year == 2022:
                abroad.extend((v.id, back, country, place) for v in victims)
            ring_cases.append(case.id)
            ring_victims.extend(case.victims)
        rings.append({"id": f"ring-{key}", "recruiters": [p.id for p in recs], "shared_phones": [shared_phone],
                      "shared_accounts": [shared_account], "abroad_phones": abroad_phones, "shared_handles": [f"{shared_handle[0]}:{shared_handle[1]}"],
                      "cases": ring_cases, "victims": ring_victims, "country": country, "place": place})
    structures["rings"] = rings
    structures["broker"] = {"person": broker.id, "rings": ["ring-A", "ring-B"], "cases": broker_cases}
    structures["recruitment_chain"] = chain_info
    structures["flew_with_recruiter"] = flew
    return abroad


def _indict(case: Case, when: dt.date | None, defendants: int) -> None:
    case.indictment_date = when
    case.defendants = list(case.suspects[:defendants]) if when else []


def build_cases(b: "_Builder") -> dict[str, object]:
    """Create every case and its people on the builder; return the hidden structures."""
    r = b.rng
    structures: dict[str, object] = {}
    abroad = _rings(b, structures)
    for case in b.cases:  # ring cases: trafficking ones indicted, fraud ones sometimes
        if case.trafficking or r.random() < 0.5:
            when = case.referral_date + dt.timedelta(days=r.randint(7, 20))
            _indict(case, when, len(case.suspects))
    ordinary: dict[int, list[tuple[Case, int]]] = {}
    for year, plan in sorted(YEAR_PLANS.items()):
        for setting, n, total, lo, hi in plan:
            counts = [r.randint(lo, hi) for _ in range(n)] if setting == "fraud" else split(total, n, lo, hi, r)
            for k in counts:
                referral = _date(b, dt.date(year, 1, 5), dt.date(year, 12, 10))
                case = _new_case(b, year, setting, setting != "fraud", referral)
                ordinary.setdefault(year, []).append((case, k))
    # indictments: 2022 trafficking 142 + 5 (2023) + 11 none; 2021: 8 in 2022, 6 none, rest in 2021
    counted: list[Case] = []
    for year, rows in sorted(ordinary.items()):
        traff = sorted((c for c, _ in rows if c.trafficking), key=lambda c: (c.referral_date, c.id))
        late, rest = (traff[-5:], traff[:-5]) if year == 2022 else (traff[-8:], traff[:-8]) if year == 2021 else ([], traff)
        none = set(id(c) for c in r.sample(rest, {2022: 11, 2021: 6, 2020: 5}[year]))
        for c in rest:
            if id(c) in none:
                continue
            c.indictment_date = min(c.referral_date + dt.timedelta(days=r.randint(10, 150)), dt.date(year, 12, 30))
            if year == 2022:
                counted.append(c)
        for c in late:
            if year == 2022:
                c.indictment_date = _date(b, dt.date(2023, 1, 5), dt.date(2023, 4, 28))
            else:
                c.indictment_date = _date(b, dt.date(2022, 1, 5), dt.date(2022, 5, 31))
                counted.append(c)
        for c, _ in rows:
            if not c.trafficking and r.random() < 0.4:
                c.indictment_date = min(c.referral_date + dt.timedelta(days=r.randint(10, 120)), dt.date(year, 12, 30))
    ring_defendants = sum(len(c.defendants) for c in b.cases if c.trafficking and c.indictment_date
                          and c.indictment_date.year == 2022)
    wanted = dict(zip(map(id, counted), split(325 - ring_defendants, len(counted), 1, 5, r)))
    pair = _masked_pair(b, ordinary, structures)
    for year, rows in sorted(ordinary.items()):
        for case, k in rows:
            d = wanted.get(id(case))
            n_suspects = (d + (1 if r.random() < 0.25 else 0)) if d else r.randint(1, 4)
            _populate(b, case, n_suspects, k, pair.get(case.id))
            if case.indictment_date is not None:
                _indict(case, case.indictment_date, d or r.randint(1, len(case.suspects)))
    minor = next(c for c in b.cases if c.setting == "minor" and c.year == 2022)
    foreign_minor = b.people[minor.victims[-1]]
    foreign_minor.nationality = "VN"
    foreign_minor.name = names.foreign_name(r, "VN", taken=b.taken)
    structures["foreign_minor"] = foreign_minor.id
    organ = next(c for c in b.cases if c.setting == "organ")
    organ_back = organ.referral_date - dt.timedelta(days=r.randint(20, 40))
    abroad.append((organ.victims[0], organ_back, "KH", "金邊"))
    structures["_abroad_2022"] = [(pid, country, place, back) for pid, back, country, place in abroad]
    return structures


def _masked_pair(b: "_Builder", ordinary: dict[int, list[tuple[Case, int]]],
                 structures: dict[str, object]) -> dict[str, Person]:
    """Two different people, both published as 陳○明, leading two unrelated cases."""
    first = next(c for c, _ in ordinary[2022] if c.setting == "minor")
    second = next(c for c, _ in ordinary[2021] if c.setting == "migrant")
    out: dict[str, Person] = {}
    for case, year in ((first, 2022), (second, 2021)):
        name = names.chinese_name(b.rng, taken=b.taken, surname="陳", last="明")
        p = b.person("suspect", year=year, name=name)
        case.forced_masks[p.id] = "陳○明"
        case.full_names = False
        out[case.id] = p
    structures["same_masked_name"] = {"masked": "陳○明", "people": [p.id for p in out.values()],
                                      "cases": list(out)}
    return out


def _populate(b: "_Builder", case: Case, n_suspects: int, n_victims: int, lead: Person | None) -> None:
    r = b.rng
    suspects = [lead] if lead else []
    while len(suspects) < n_suspects:
        suspects.append(b.person("suspect", year=case.year))
    case.suspects = [p.id for p in suspects]
    victims: list[Person] = []
    worker_nat, woman_nat = r.choice(_FOREIGN_WORKERS), r.choice(_FOREIGN_WOMEN)
    if case.setting == "fraud" and "詐欺" not in case.offences:
        n_victims = 0  # passport trading and smuggling have no victims to name
    for _ in range(n_victims):
        if case.setting == "migrant":
            victims.append(b.person("victim", nationality=worker_nat, year=case.year))
        elif case.setting == "minor":
            victims.append(b.person("victim", minor=True, year=case.year, sex="F" if r.random() < 0.85 else "M"))
        elif case.setting == "sexual_foreign":
            victims.append(b.person("victim", nationality=woman_nat, year=case.year, sex="F"))
        else:
            victims.append(b.person("victim", year=case.year, contacts=True))
    case.victims = [v.id for v in victims]
    if case.setting == "organ":
        case.destination = ("KH", "金邊")
        case.recruitment = "acquaintance"
        case.rich = True
        out = case.referral_date - dt.timedelta(days=r.randint(100, 130))
        case.trips.append(b.trip([victims[0].id, suspects[0].id], out, "PNH", "outbound"))
    elif case.rich and case.setting in ("migrant", "sexual_foreign") and victims:
        airport = _HOME_AIRPORT[victims[0].nationality]
        came = case.referral_date - dt.timedelta(days=r.randint(150, 420))
        case.trips.append(b.trip([v.id for v in victims], came, airport, "arrival"))
    if case.setting == "migrant":
        case.recruitment = "agency"
    elif case.setting == "minor":
        case.recruitment = "social_media"
    elif case.setting == "sexual_foreign":
        case.recruitment = r.choice(("acquaintance", "job_ad", "agency"))
    elif case.setting == "fraud":
        case.destination = ("KH", r.choice(("西港", "金邊")))
    if case.recruitment in ("job_ad", "social_media") or case.setting in ("minor", "organ"):
        lead_p = suspects[0]
        if not lead_p.handles:
            lead_p.handles.append(b.handle(r.choice(("LINE", "Telegram", "WeChat"))))
    if r.random() < 0.4:
        suspects[0].accounts.append(b.account())
