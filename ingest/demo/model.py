"""The demo world's records: people, cases, trips and rescues, as plain dataclasses (trips are frozen;
people and cases are filled in while the world is built, then only read)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["Person", "Trip", "Case", "Rescue", "World"]


@dataclass
class Person:
    """One invented person; identifiers as written in the texts."""

    id: str
    name: str
    nationality: str
    sex: str
    birth_year: int
    roles: list[str]
    passport: str = ""
    phones: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    handles: list[tuple[str, str]] = field(default_factory=list)
    minor: bool = False

    @property
    def chinese(self) -> bool:
        """Whether the name is written in Chinese characters."""
        return self.nationality == "TW"


@dataclass(frozen=True)
class Trip:
    """A flight taken by a group of people on one day."""

    flight: str
    date: dt.date
    origin: str
    destination: str
    people: tuple[str, ...]
    purpose: str  # outbound (recruited abroad) or home (repatriated)


@dataclass
class Case:
    """One case file: a referral to prosecutors, maybe an indictment."""

    id: str
    year: int
    exploitation: str  # labour, sexual, organ, none
    trafficking: bool
    offences: list[str]
    suspects: list[str]
    victims: list[str]
    referral_date: dt.date
    unit: str
    office: str
    defendants: list[str]
    indictment_date: dt.date | None
    setting: str  # overseas, migrant, sexual, organ, fraud
    destination: tuple[str, str] = ("", "")  # country, place
    recruitment: str = "job_ad"
    recruiters: list[str] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    ring: str = ""
    rich: bool = False
    file: str = ""
    encoding: str = "utf-8"
    forced_masks: dict[str, str] = field(default_factory=dict)
    full_names: bool = False

    @property
    def indicted(self) -> bool:
        """Whether prosecutors indicted anyone."""
        return self.indictment_date is not None


@dataclass
class Rescue:
    """One national's way home: reported, found, rescued, flown home (or not yet)."""

    person: str
    country: str
    place: str
    reported: dt.date
    found: dt.date | None
    rescued: dt.date | None
    returned: dt.date | None
    mission: str
    flight: str
    origin: str


@dataclass
class World:
    """Everything the generator invents for one seed."""

    seed: int
    people: dict[str, Person]
    cases: list[Case]
    rescues: list[Rescue]
    trips: list[Trip]
    structures: dict[str, object]
