"""Invented names: Chinese names from common surnames and given-name characters, their romanised and
masked forms, and foreign names from common given and family names. Nobody real is meant."""

from __future__ import annotations

import random

__all__ = [
    "SURNAMES",
    "GIVEN_CHARS",
    "MASKS",
    "FOREIGN_NAMES",
    "chinese_name",
    "foreign_name",
    "mask",
    "romanise",
    "is_generated_chinese",
]

#: Common surnames and their Wade-Giles style passport spelling.
SURNAMES: dict[str, str] = {
    "陳": "CHEN", "林": "LIN", "黃": "HUANG", "張": "CHANG", "李": "LI", "王": "WANG", "吳": "WU",
    "劉": "LIU", "蔡": "TSAI", "楊": "YANG", "許": "HSU", "鄭": "CHENG", "謝": "HSIEH", "郭": "KUO",
    "洪": "HUNG", "邱": "CHIU", "曾": "TSENG", "廖": "LIAO", "賴": "LAI", "周": "CHOU", "葉": "YEH",
    "蘇": "SU", "莊": "CHUANG", "江": "CHIANG", "何": "HO", "蕭": "HSIAO", "羅": "LO", "高": "KAO",
    "潘": "PAN", "簡": "CHIEN", "朱": "CHU", "鍾": "CHUNG", "彭": "PENG", "游": "YU", "詹": "CHAN",
    "胡": "HU", "施": "SHIH", "沈": "SHEN", "余": "YU", "趙": "CHAO",
}

#: Given-name characters and their romanisation.
GIVEN_CHARS: dict[str, str] = {
    "偉": "WEI", "廷": "TING", "明": "MING", "華": "HUA", "志": "CHIH", "豪": "HAO", "美": "MEI",
    "玲": "LING", "宇": "YU", "軒": "HSUAN", "婷": "TING", "雅": "YA", "怡": "YI", "欣": "HSIN",
    "家": "CHIA", "俊": "CHUN", "傑": "CHIEH", "建": "CHIEN", "宏": "HUNG", "文": "WEN", "彥": "YEN",
    "承": "CHENG", "翰": "HAN", "冠": "KUAN", "佳": "CHIA", "淑": "SHU", "芬": "FEN", "惠": "HUI",
    "君": "CHUN", "柏": "PO", "凱": "KAI", "哲": "CHE", "瑋": "WEI", "琪": "CHI", "詩": "SHIH",
    "涵": "HAN", "子": "TZU", "晴": "CHING", "安": "AN", "信": "HSIN", "誠": "CHENG", "正": "CHENG",
    "德": "TE", "榮": "JUNG", "國": "KUO", "育": "YU", "仁": "JEN", "郁": "YU", "慧": "HUI",
    "思": "SZU", "維": "WEI", "昱": "YU", "銘": "MING", "鈞": "CHUN", "威": "WEI", "庭": "TING",
    "嘉": "CHIA", "瑜": "YU", "峰": "FENG", "任": "JEN",
}

#: Ways published texts hide a given name; ``"○"`` first because it is the most common.
MASKS: tuple[str, ...] = ("○", "〇", "Ｏ", "*", " O ")

#: Foreign given and family names by nationality (ISO country code); combined at random.
FOREIGN_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ID": (("Siti", "Dewi", "Agus", "Budi", "Rina", "Eko", "Sri", "Wahyu", "Nur", "Adi"),
           ("Rahayu", "Lestari", "Santoso", "Wibowo", "Susanti", "Pratama", "Hidayat", "Saputra", "Utami")),
    "VN": (("Van Hung", "Thi Lan", "Van Minh", "Thi Hoa", "Van Nam", "Thi Thu", "Duc Anh", "Thi Mai",
            "Van Long", "Thi Huong", "Quoc Bao", "Thi Ngoc", "Van Tuan", "Thi Hanh"),
           ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly")),
    "TH": (("Somchai", "Anan", "Prasert", "Malee", "Suda", "Niran", "Kanya", "Chai"),
           ("Srisuk", "Boonmee", "Chaiyaporn", "Wongsa", "Thongdee", "Sukjai", "Rattana")),
    "PH": (("Maria", "Jose", "Ana", "Mark", "Grace", "John", "Rosa", "Carlo"),
           ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Ramos")),
    "KH": (("Sok", "Dara", "Sophea", "Vanna", "Rithy", "Chenda", "Piseth"),
           ("Chan", "Kim", "Sok", "Meas", "Heng", "Chea", "Pich")),
    "MM": (("Aung", "Kyaw", "Thida", "Zaw", "Hla", "Moe"), ("Min", "Htet", "Win", "Oo", "Naing", "Tun")),
}

_FAMILY_FIRST = frozenset({"VN", "KH", "MM"})


def chinese_name(rng: random.Random, *, taken: set[str], surname: str | None = None,
                 last: str | None = None) -> str:
    """A three-character name not in ``taken`` (which is updated), from our surname and given lists."""
    chars = list(GIVEN_CHARS)
    while True:
        sur = surname or rng.choice(list(SURNAMES))
        first = rng.choice(chars)
        second = last or rng.choice(chars)
        name = sur + first + second
        if first != second and name not in taken:
            taken.add(name)
            return name


def foreign_name(rng: random.Random, country: str, *, taken: set[str]) -> str:
    """A Latin-script name for ``country`` (a key of FOREIGN_NAMES), not in ``taken``."""
    given, family = FOREIGN_NAMES[country]
    tries = 0
    while True:
        tries += 1
        g, f = rng.choice(given), rng.choice(family)
        if tries > 20:  # the simple combinations are used up: add a second given name
            g = f"{g} {rng.choice([x for x in given if x != g])}"
        name = f"{f} {g}" if country in _FAMILY_FIRST else f"{g} {f}"
        if name not in taken:
            taken.add(name)
            return name


def mask(name: str, style: str = "○") -> str:
    """The published form of a Chinese name: the middle character hidden.

    >>> mask("陳偉明"), mask("陳偉明", " O ")
    ('陳○明', '陳 O 明')
    """
    if len(name) == 2:
        return name[0] + style.strip()
    return name[0] + style + name[2:]


def romanise(name: str, style: int = 0) -> str:
    """A romanised form of a generated Chinese name, as passports and NGO reports write it.

    Styles: 0 ``CHEN WEI-TING``, 1 ``Wei-Ting Chen``, 2 ``Chen Wei-ting``, 3 ``CHEN WEI TING``.

    >>> [romanise("陳偉廷", s) for s in range(4)]
    ['CHEN WEI-TING', 'Wei-Ting Chen', 'Chen Wei-ting', 'CHEN WEI TING']
    """
    sur = SURNAMES[name[0]]
    parts = [GIVEN_CHARS[c] for c in name[1:]]
    if style == 0:
        return f"{sur} {'-'.join(parts)}"
    if style == 1:
        return f"{'-'.join(p.title() for p in parts)} {sur.title()}"
    if style == 2:
        return f"{sur.title()} {'-'.join(parts).capitalize()}"
    return f"{sur} {' '.join(parts)}"


def is_generated_chinese(name: str) -> bool:
    """Whether a full Chinese name could have come from :func:`chinese_name`."""
    return len(name) == 3 and name[0] in SURNAMES and all(c in GIVEN_CHARS for c in name[1:])
