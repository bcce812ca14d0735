"""Flights (FLIGHT): ``BR265``, ``BR 265``, ``CI-835``, ``長榮航空 BR265 班機``, normalised to ``BR265``.

A two-character code and 1-4 digits look like many other things (passport and case
numbers), so the code must be an airline of the region, or the number must stand next
to a word for flight (班機, 航班, flight).

>>> [f.norm for f in find_flights("搭乘 BR 265 班機及 CI-835 返國", "搭乘 BR 265 班機及 CI-835 返國")]
['BR265', 'CI835']
"""

from __future__ import annotations

import re

from graph.values import flight_number
from nlp.found import Found

__all__ = ["find_flights", "AIRLINES"]

# IATA codes of airlines flying between Taiwan, Southeast Asia and the Gulf.
AIRLINES = frozenset(
    "BR CI JX IT AE B7 DA TG FD SL VZ WE PG K6 KR 8M UB VN VJ QH EK FZ EY QR CX HX UO MH AK D7 OD 5J PR Z2 "
    "SQ TR 3K MU CA CZ KE OZ NH JL MM GK 7C LJ ZE TW QD".split()
)
_FLIGHT = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9]|[A-Z0-9][A-Z])\s?[-–]?\s?(\d{1,4})(?![\d])(?![A-Za-z0-9])")
_CUE = re.compile(r"班機|航班|班次|flight|Flight|FLIGHT")


def find_flights(text: str, folded: str) -> list[Found]:
    """Flight numbers in the text; ``folded`` is ``nlp.text.fold(text)``."""
    out: list[Found] = []
    for m in _FLIGHT.finditer(folded):
        code = m.group(1)
        near = folded[max(0, m.start() - 12) : m.end() + 6]
        if code not in AIRLINES and not _CUE.search(near):
            continue
        number = flight_number(code + m.group(2))
        if number is None:
            continue
        confidence = 0.95 if code in AIRLINES else 0.7
        out.append(Found(m.start(), m.end(), "FLIGHT", number, "rules.flights", confidence, {"airline": code}))
    return out
