"""The demo population and its hidden structures: recruiter rings, a broker, a recruitment chain,
victims who flew with their recruiter, one victim in two scripts and two people behind one masked
name; plus every case and rescue, with the 2022 counts of DOMAIN.md built in."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ingest.demo import names
from ingest.demo.cases import build_cases
from ingest.demo.gazetteer import ARRIVAL_FLIGHTS, HOME_FLIGHTS, MISSIONS, OUT_FLIGHTS, PLACES
from ingest.demo.model import Case, Person, Rescue, Trip, World

__all__ = ["build_world"]

_HANDLE_WORDS = ("hr", "boss", "job", "work", "easy", "kk", "lucky", "vip", "gold", "asia", "win", "money")
_BANKS = ("004", "005", "006", "007", "008", "012", "013", "700", "808", "812", "822")


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


class _Builder:
    """Keeps the random generator and what is already taken (names, numbers)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.people: dict[str, Person] = {}
        self.taken: set[str] = set()
        self.numbers: set[str] = set()
        self.cases: list[Case] = []
        self.trips: list[Trip] = []

    # identifiers -----------------------------------------------------------------------------
    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self.numbers:
                self.numbers.add(value)
                return value

    def phone(self, country: str = "TW") -> str:
        r = self.rng
        if country == "TW":
            return self._unique(lambda: f"+8869{r.randint(10, 89)}{r.randint(0, 999999):06d}")
        if country == "KH":
            return self._unique(lambda: f"+855{r.choice(('12', '15', '16', '17', '77', '88', '96'))}{r.randint(0, 999999):06d}")
        if country == "TH":
            return self._unique(lambda: f"+66{r.choice('689')}{r.randint(0, 99999999):08d}")
        return self._unique(lambda: f"+959{r.randint(100000000, 999999999)}")

    def account(self) -> str:
        r = self.rng
        return self._unique(lambda: f"{r.choice(_BANKS)}-{r.randint(10 ** 11, 10 ** 12 - 1)}")

    def handle(self, platform: str) -> tuple[str, str]:
        r = self.rng
        return platform, self._unique(lambda: f"{r.choice(_HANDLE_WORDS)}_{r.choice(_HANDLE_WORDS)}{r.randint(1, 999)}")

    def passport(self, country: str) -> str:
        r = self.rng
        if country == "TW":
            return self._unique(lambda: f"3{r.randint(0, 99999999):08d}")
        if country == "TH":
            return self._unique(lambda: f"A{r.choice('ABCD')}{r.randint(0, 9999999):07d}")
        if country == "PH":
            return self._unique(lambda: f"P{r.randint(0, 9999999):07d}{r.choice('ABC')}")
        return self._unique(lambda: f"{r.choice('BC')}{r.randint(0, 9999999):07d}")

    # people ------------------------------------------------------------------------------------
    def person(self, role: str, *, nationality: str = "TW", minor: bool = False, year: int = 2022,
               name: str | None = None, sex: str | None = None, contacts: bool = False) -> Person:
        r = self.rng
        pid = f"p{len(self.people) + 1:04d}"
        sex = sex or r.choice("MF")
        if name is None:
            name = (names.chinese_name(r, taken=self.taken) if nationality == "TW"
                    else names.foreign_name(r, nationality, taken=self.taken))
        age = r.randint(13, 17) if minor else (r.randint(19, 45) if role == "victim" else r.randint(24, 62))
        p = Person(id=pid, name=name, nationality=nationality, sex=sex, birth_year=year - age, roles=[role],
                   minor=minor)
        if role in ("victim",) and not minor:
            p.passport = self.passport(nationality)
        if contacts or role in ("suspect", "recruiter"):
            p.phones.append(self.phone("TW" if nationality == "TW" else r.choice(("KH", "TH", "MM"))))
        if role == "recruiter":
            p.handles.append(self.handle(r.choice(("LINE", "Telegram", "WeChat"))))
        self.people[pid] = p
        return p

    def trip(self, people: list[str], date: dt.date, dest_airport: str, purpose: str,
             origin: str = "TPE") -> Trip:
        table = {"outbound": OUT_FLIGHTS, "home": HOME_FLIGHTS, "arrival": ARRIVAL_FLIGHTS}[purpose]
        flight = self.rng.choice(table[dest_airport])
        o, d = (origin, dest_airport) if purpose == "outbound" else (dest_airport, origin)
        for pid in people:
            p = self.people[pid]
            if not p.passport:
                p.passport = self.passport(p.nationality)
        t = Trip(flight=flight, date=date, origin=o, destination=d, people=tuple(people), purpose=purpose)
        self.trips.append(t)
        return t


def build_world(seed: int = 2022) -> World:
    """All people, cases, trips and rescues of the demo corpus for ``seed``."""
    b = _Builder(seed)
    structures = build_cases(b)
    rescues = _build_rescues(b, structures)
    _officials(b, structures)
    _other_passengers(b)
    renamed = _name_files(b.cases)
    structures = _remap(structures, renamed)  # type: ignore[assignment]
    return World(seed=seed, people=b.people, cases=b.cases, rescues=rescues, trips=b.trips, structures=structures)


def _remap(value: object, renamed: dict[str, str]) -> object:
    if isinstance(value, dict):
        return {k: _remap(v, renamed) for k, v in value.items()}
    if isinstance(value, list):
        return [_remap(v, renamed) for v in value]
    if isinstance(value, str):
        return renamed.get(value, value)
    return value


def _name_files(cases: list[Case]) -> dict[str, str]:
    renamed: dict[str, str] = {}
    by_year: dict[int, list[Case]] = {}
    for c in sorted(cases, key=lambda c: (c.referral_date, c.id)):
        by_year.setdefault(c.year, []).append(c)
    for year, group in sorted(by_year.items()):
        for n, c in enumerate(group, 1):
            renamed[c.id] = f"case-{year}-{n:03d}"
            c.id = renamed[c.id]
            ext = ".md" if n % 37 == 5 else ".txt"
            c.file = f"cases/{c.id}{ext}"
            if ext == ".txt" and n % 41 == 7 and not c.rich:
                c.encoding = "big5"
    return renamed


def _other_passengers(b: _Builder) -> None:
    """Unrelated travellers on some of the same flights, so a manifest is not a list of suspects."""
    for trip in list(b.trips):
        for _ in range(b.rng.choice((0, 0, 1, 2))):
            p = b.person("other", year=trip.date.year)
            p.passport = b.passport("TW")
            b.trips.append(Trip(flight=trip.flight, date=trip.date, origin=trip.origin,
                                destination=trip.destination, people=(p.id,), purpose="other"))


def _officials(b: _Builder, structures: dict[str, object]) -> None:
    staff = {}
    for post in ("liaison_th_1", "liaison_th_2", "liaison_pnh", "secretary_th", "secretary_vn", "secretary_mm"):
        staff[post] = b.person("official").id
    structures["officials"] = staff
    structures["prosecutors"] = [b.person("official").id for _ in range(12)]


def _build_rescues(b: _Builder, structures: dict[str, object]) -> list[Rescue]:
    """The 2022 rescue list: case victims abroad first, then other nationals, to the table's 314."""
    r = b.rng
    rescues: list[Rescue] = []
    seeded: list[tuple[str, str, str, dt.date]] = structures.pop("_abroad_2022")  # type: ignore[assignment]
    plan = ([("sea", 1)] * 314) + [("dubai", 1)] * 6 + [("next_year", 1)] * 8 + [("stuck", 1)] * 5
    sea_weights = (("KH", 60), ("MM", 20), ("TH", 8), ("LA", 5), ("VN", 3), ("PH", 2), ("MY", 2))
    pool = [c for c, w in sea_weights for _ in range(w)]
    for k, (kind, _) in enumerate(plan):
        if k < len(seeded):
            pid, country, place, returned = seeded[k]
        else:
            country = "AE" if kind == "dubai" else r.choice(pool)
            place = r.choice(PLACES[country][1])
            pid = b.person("victim", contacts=True).id
            if country in ("KH", "TH", "MM") and r.random() < 0.35:  # a local SIM card bought abroad
                b.people[pid].phones.append(b.phone(country))
            if kind == "next_year":
                returned = _day(r, dt.date(2023, 1, 3), dt.date(2023, 1, 31))
            elif kind == "stuck":
                returned = None
            else:
                month_start = dt.date(2022, r.choice((3, 5, 7, 8, 8, 9, 9, 10, 10, 10, 11, 11, 12)), 1)
                returned = _day(r, month_start, month_start + dt.timedelta(days=27))
        if returned is None:
            reported = _day(r, dt.date(2022, 11, 20), dt.date(2022, 12, 28))
            found = reported + dt.timedelta(days=r.randint(2, 10)) if r.random() < 0.5 else None
            rescued = None
        else:
            rescued = returned - dt.timedelta(days=r.randint(3, 18))
            found = rescued - dt.timedelta(days=r.randint(1, 12))
            reported = found - dt.timedelta(days=r.randint(3, 30))
        rescues.append(Rescue(person=pid, country=country, place=place, reported=reported, found=found,
                              rescued=rescued, returned=returned, mission=MISSIONS[country], flight="",
                              origin=PLACES[country][2]))
    # group the returned into flights home
    groups: dict[tuple[str, dt.date], list[Rescue]] = {}
    for res in rescues:
        if res.returned is not None:
            groups.setdefault((res.origin, res.returned), []).append(res)
    for (origin, day), group in sorted(groups.items()):
        trip = b.trip([g.person for g in group], day, origin, "home")
        for g in group:
            g.flight = trip.flight
    return rescues
