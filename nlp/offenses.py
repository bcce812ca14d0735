"""Offences (OFFENSE), as the law names them in Chinese and English case texts, normalised to one of:
trafficking, labour_exploitation, sexual_exploitation, organ_removal, forced_criminality,
fraud, deprivation_of_liberty, passport_offence, smuggling.

>>> [f.norm for f in find_offenses("涉嫌人口販運及勞力剝削", "涉嫌人口販運及勞力剝削")]
['trafficking', 'labour_exploitation']
"""

from __future__ import annotations

import re

from nlp.found import Found
from nlp.text import has_cjk, has_latin
from nlp.text import fold

__all__ = ["find_offenses", "OFFENSES"]

OFFENSES: dict[str, tuple[str, ...]] = {
    "trafficking": ("人口販運", "人口販賣", "販運人口", "human trafficking", "trafficking in persons", "trafficked persons",
                    "trafficking"),
    "labour_exploitation": ("勞力剝削", "勞動剝削", "強迫勞動", "強制勞動", "labour exploitation", "labor exploitation",
                            "forced labour", "forced labor"),
    "sexual_exploitation": ("性剝削", "兒少性剝削", "強迫性交易", "媒介性交易", "sexual exploitation", "sex trafficking",
                            "forced prostitution"),
    "organ_removal": ("器官摘取", "摘取器官", "摘除器官", "器官摘除", "organ removal", "organ harvesting",
                      "removal of organs"),
    # the offence as the law names it; a scam compound or "forced to scam" is an indicator
    "forced_criminality": ("被迫從事犯罪", "強迫從事犯罪", "被迫犯罪", "forced criminality", "forced to commit crimes"),
    "fraud": ("詐欺", "電信詐欺", "加重詐欺", "fraud"),
    "deprivation_of_liberty": ("妨害自由", "剝奪他人行動自由", "剝奪行動自由", "私行拘禁", "妨害人身自由",
                               "deprivation of liberty", "unlawful detention", "false imprisonment", "held captive"),
    "passport_offence": ("違反護照條例", "買賣護照", "護照條例", "出售護照", "passport offence", "passport offense",
                         "selling passports", "sold his passport", "sold her passport", "sale of passports"),
    "smuggling": ("人蛇", "偷渡", "人口走私", "蛇頭", "smuggling", "people smuggling", "migrant smuggling"),
}

_FORM_TO_OFFENSE = {fold(form).lower(): norm for norm, forms in OFFENSES.items() for form in forms}
_ZH_FORMS = sorted((f for f in _FORM_TO_OFFENSE if re.search(r"[A-Za-z]", f) is None), key=len, reverse=True)
_EN_FORMS = sorted((f for f in _FORM_TO_OFFENSE if re.search(r"[A-Za-z]", f) is not None), key=len, reverse=True)
_ZH_PATTERN = re.compile("|".join(re.escape(f) for f in _ZH_FORMS))
_EN_PATTERN = re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(f) for f in _EN_FORMS) + r")(?![A-Za-z])", re.IGNORECASE)


def find_offenses(text: str, folded: str) -> list[Found]:
    """Named offences in the text; the longest form wins (``兒少性剝削`` over ``性剝削``)."""
    out = []
    for pattern, present in ((_ZH_PATTERN, has_cjk), (_EN_PATTERN, has_latin)):
        if not present(folded):
            continue
        for m in pattern.finditer(folded):
            norm = _FORM_TO_OFFENSE.get(m.group().lower())
            if norm:
                out.append(Found(m.start(), m.end(), "OFFENSE", norm, "lexicon.offenses", 0.9))
    return out
