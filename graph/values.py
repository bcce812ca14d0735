"""Normalised property values: ISO dates, ISO-3166 alpha-2 countries, IATA airports, flight keys.

Each cleaner takes loose input and returns the canonical form, or ``None`` when the input
is not a valid value of that type. They never raise, so a batch is never stopped by one
bad cell; callers that must reject turn ``None`` into an error naming the field.

>>> iso_date("2022-9-5"), country("kh"), iata(" bkk "), flight_key("BR 265", "2022-09-01")
('2022-09-05', 'KH', 'BKK', 'BR265@2022-09-01')
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["iso_date", "country", "iata", "flight_number", "flight_key", "COUNTRIES"]

# ISO 3166-1 alpha-2, officially assigned codes.
COUNTRIES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
    DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU
    GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
    KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA
    ZM ZW""".split()
)

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_FLIGHT = re.compile(r"^\s*([A-Z0-9]{2}|[A-Z]{3})\s*[- ]?\s*(\d{1,4})([A-Z]?)\s*$")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a real calendar date; ``None`` otherwise.

    Accepts ``datetime.date`` objects and ISO-like strings with unpadded parts.
    """
    if isinstance(value, date):
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not 1800 <= int(year) <= 2200:
        return None
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def country(value: object) -> str | None:
    """The ISO-3166 alpha-2 code in upper case, or ``None`` if it is not an assigned code."""
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if code in COUNTRIES else None


def iata(value: object) -> str | None:
    """A three-letter IATA airport code in upper case, or ``None``."""
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if re.fullmatch(r"[A-Z]{3}", code) else None


def flight_number(value: object) -> str | None:
    """``BR265`` from ``BR265``, ``br 265``, ``CI-835``; ``None`` if it is not a flight number."""
    if not isinstance(value, str) or len(value) > 32:  # a flight number is short; long cells are not one
        return None
    m = _FLIGHT.match(value.upper())
    if not m or not re.search(r"[A-Z]", m.group(1)):
        return None
    return f"{m.group(1)}{int(m.group(2))}{m.group(3)}"


def flight_key(number: object, on: object) -> str | None:
    """``BR265@2022-09-01``: one flight is a number on a day."""
    num, day = flight_number(number), iso_date(on)
    if num is None or day is None or len(day) != 10:
        return None
    return f"{num}@{day}"
