"""Shared pieces of the demo texts: a document being written with the people it mentions, and the
written forms of dates, flights and money that Taiwanese and English reports use."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

__all__ = ["Doc", "phone_forms", "roc_date", "roc_month_day", "roc_loose", "western_date", "flight_text", "ROC_STYLES",
           "AIRLINES_ZH", "AIRLINES_EN"]

ROC_STYLES: tuple[str, ...] = ("spaced", "tight", "minguo", "slash", "dot", "fullwidth", "hanzi")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_HANZI = "〇一二三四五六七八九"
AIRLINES_ZH: dict[str, str] = {"BR": "長榮航空", "CI": "中華航空", "TG": "泰國航空", "EK": "阿聯酋航空",
                               "PR": "菲律賓航空", "VJ": "越捷航空", "5J": "宿霧太平洋航空"}
AIRLINES_EN: dict[str, str] = {"BR": "EVA Air", "CI": "China Airlines", "TG": "Thai Airways", "EK": "Emirates",
                               "PR": "Philippine Airlines", "VJ": "VietJet Air", "5J": "Cebu Pacific"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


@dataclass
class Doc:
    """Text being written, and which person each name in it stands for."""

    parts: list[str] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)

    def add(self, text: str) -> None:
        """Append text."""
        self.parts.append(text)

    def name(self, person_id: str, surface: str) -> str:
        """Record that ``surface`` names ``person_id``; return it for use in a template."""
        self.mentions.append((person_id, surface))
        return surface

    @property
    def text(self) -> str:
        """The document so far."""
        return "".join(self.parts)


def _hanzi_number(n: int, year: bool) -> str:
    if year:
        return "".join(_HANZI[int(c)] for c in str(n))
    if n < 10:
        return _HANZI[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _HANZI[tens]) + "十" + (_HANZI[ones] if ones else "")


def roc_date(d: dt.date, style: str = "spaced") -> str:
    """A date in the ROC calendar, written one of the ways Taiwanese documents write it.

    >>> [roc_date(dt.date(2022, 3, 4), s) for s in ROC_STYLES]
    ['111 年 3 月 4 日', '111年3月4日', '民國111年3月4日', '111/3/4', '111.03.04', '１１１年３月４日', '一一一年三月四日']
    """
    y = d.year - 1911
    if style == "spaced":
        return f"{y} 年 {d.month} 月 {d.day} 日"
    if style == "tight":
        return f"{y}年{d.month}月{d.day}日"
    if style == "minguo":
        return f"民國{y}年{d.month}月{d.day}日"
    if style == "slash":
        return f"{y}/{d.month}/{d.day}"
    if style == "dot":
        return f"{y}.{d.month:02d}.{d.day:02d}"
    if style == "fullwidth":
        return f"{y}年{d.month}月{d.day}日".translate(_FULLWIDTH)
    if style == "hanzi":
        return f"{_hanzi_number(y, True)}年{_hanzi_number(d.month, False)}月{_hanzi_number(d.day, False)}日"
    raise ValueError(f"style must be one of {ROC_STYLES}, not {style!r}")


def roc_month_day(d: dt.date, spaced: bool = True) -> str:
    """A later date in the same sentence, without its year: ``3 月 6 日``."""
    return f"{d.month} 月 {d.day} 日" if spaced else f"{d.month}月{d.day}日"


def roc_loose(d: dt.date, rng: random.Random) -> str:
    """A loose date: the month, or the end of the year, or early/late in a month."""
    y = d.year - 1911
    return rng.choice((f"{y} 年 {d.month} 月", f"{y}年{d.month}月", f"{y} 年 {d.month} 月初" if d.day < 11
                       else f"{y} 年 {d.month} 月下旬" if d.day > 20 else f"{y} 年 {d.month} 月中旬"))


def western_date(d: dt.date, style: int = 0) -> str:
    """An English report's date: ``5 Sept 2022``, ``2022-09-05`` or ``September 5, 2022``.

    >>> [western_date(dt.date(2022, 9, 5), s) for s in range(3)]
    ['5 Sept 2022', '2022-09-05', 'September 5, 2022']
    """
    if style == 0:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if style == 1:
        return d.isoformat()
    return f"{_MONTHS_LONG[d.month - 1]} {d.day}, {d.year}"


def flight_text(flight: str, style: int, *, lang: str = "zh") -> str:
    """A flight number as written: ``BR265``, ``BR 265``, ``BR-265``, or with the airline's name.

    >>> [flight_text("BR265", s) for s in range(4)]
    ['BR265', 'BR 265', 'BR-265', '長榮航空 BR265']
    """
    code, num = flight[:2], flight[2:]
    if style == 0:
        return flight
    if style == 1:
        return f"{code} {num}"
    if style == 2:
        return f"{code}-{num}"
    airline = (AIRLINES_ZH if lang == "zh" else AIRLINES_EN)[code]
    return f"{airline} {flight}"


def phone_forms(e164: str) -> list[str]:
    """How a phone number is written: local form first for Taiwan, then international forms.

    >>> phone_forms("+886912345678")
    ['0912-345-678', '+886 912 345 678', '+886-912-345-678']
    """
    if e164.startswith("+886"):
        d = e164[4:]
        return [f"0{d[:3]}-{d[3:6]}-{d[6:]}", f"+886 {d[:3]} {d[3:6]} {d[6:]}", f"+886-{d[:3]}-{d[3:6]}-{d[6:]}"]
    if e164.startswith("+855"):
        d = e164[4:]
        return [f"+855 {d[:2]} {d[2:5]} {d[5:]}", f"+855-{d[:2]}-{d[2:]}"]
    if e164.startswith("+66"):
        d = e164[3:]
        return [f"+66 {d[:2]} {d[2:5]} {d[5:]}", f"+66-{d}"]
    d = e164[3:]
    return [f"+95 {d[0]} {d[1:4]} {d[4:7]} {d[7:]}", f"+95-{d}"]
