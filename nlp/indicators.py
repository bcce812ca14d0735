"""Trafficking indicators tagged in narratives, each with the span that shows it.

Three kinds, for the CTDC and HTCDS exports and the protection side of the 4P report:

* ``MethodsOfControl``: the values of the Human Trafficking Case Data Standard
  (PhysicalThreats, DebtBondage, WithholdsDocuments, ...);
* ``RecruitmentMethod``: job_ad, social_media, acquaintance, agency, family;
* ``ExploitationType``: forced_criminality (scam compounds, which the standard lacks),
  labour, sexual, organ_removal.

Each is attached to the person it is about when the sentence names one (the nearest victim,
else the nearest person).

>>> [(i.type, i.value) for i in find_indicators("護照遭沒收，每天被迫工作16小時", "護照遭沒收，每天被迫工作16小時")]
[('MethodsOfControl', 'WithholdsDocuments'), ('MethodsOfControl', 'ExcessiveWorkingHours')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.text import fold

__all__ = ["Indicator", "find_indicators", "LEXICON"]


@dataclass(frozen=True)
class Indicator:
    type: str
    value: str
    start: int
    end: int


# (type, value) -> Chinese and English expressions (regular expressions, matched on folded text)
LEXICON: dict[tuple[str, str], tuple[str, ...]] = {
    ("MethodsOfControl", "PhysicalThreats"): (r"威脅|恐嚇|揚言要?(?:殺|打|賣)", r"threat(?:en(?:ed)?|s)?\b(?! to (?:report|call) (?:the )?police)"),
    ("MethodsOfControl", "ThreatsLawEnforcement"): (r"(?:威脅|恐嚇).{0,6}(?:報警|警察|移民局|坐牢|遣返)", r"threaten(?:ed)? to (?:report|call|hand) .{0,20}(?:police|immigration)"),
    ("MethodsOfControl", "ThreatensChildrenFamily"): (r"(?:威脅|恐嚇).{0,6}(?:家人|家屬|父母|小孩|孩子)", r"threaten(?:ed)? (?:his|her|their) (?:family|children|parents)"),
    ("MethodsOfControl", "DebtBondage"): (r"債務|欠債|背債|賠償金|違約金|贖身|贖金|償還.{0,4}(?:機票|費用)", r"debt|owed? (?:money|the company)|pay off|ransom|penalty fee"),
    ("MethodsOfControl", "FalsePromises"): (r"高薪|輕鬆賺|假(?:工作|職缺)|虛假(?:工作|承諾)|誘騙|佯稱", r"false (?:job|promise)|promised (?:a )?(?:well[- ]paid|high[- ]paying)|fake job|high salary"),
    ("MethodsOfControl", "PhysicalAbuse"): (r"毆打|電擊|虐待|體罰|凌虐|痛打|鞭打|打傷", r"beaten|beat (?:him|her|them)|tortured|electric shock|physically abused|whipped"),
    ("MethodsOfControl", "SexualAbuse"): (r"性侵|強制性交|性騷擾|猥褻", r"sexual(?:ly)? (?:abuse|assault|abused|assaulted)|raped"),
    ("MethodsOfControl", "TakesEarnings"): (r"扣薪|不給薪|未給薪|沒收薪|扣留薪|拿走薪|無薪", r"withheld (?:his |her |their )?(?:wages|salary|pay)|unpaid|took (?:his |her |their )?(?:earnings|wages)"),
    ("MethodsOfControl", "RestrictsFinancialAccess"): (r"(?:提款卡|金融卡|存摺|帳戶).{0,4}(?:被|遭)?(?:收走|控制|扣留|沒收)", r"(?:bank card|account) (?:was |were )?(?:taken|controlled|confiscated)"),
    ("MethodsOfControl", "RestrictsMedicalCare"): (r"不(?:讓|准|給)就醫|拒絕就醫|無法就醫", r"denied (?:medical|health) (?:care|treatment)|not allowed to see a doctor"),
    ("MethodsOfControl", "WithholdsNecessities"): (r"不給(?:飯|食物|水)|斷食|挨餓|不准吃飯", r"denied (?:food|water)|starved|no food"),
    ("MethodsOfControl", "PsychologicalAbuse"): (r"辱罵|羞辱|精神虐待|恐嚇訊息|監控", r"psychological(?:ly)? abuse|humiliat|verbal(?:ly)? abuse"),
    ("MethodsOfControl", "PsychoactiveSubstance"): (r"毒品|強迫吸毒|下藥|注射", r"drugs?\b|drugged|narcotics"),
    ("MethodsOfControl", "ExcessiveWorkingHours"): (r"每天(?:被迫)?工作\s*(?:1[2-9]|2[0-4]|十[二三四五六七八九]|二十)\s*(?:個)?小時|超時工作|日夜工作|(?:1[2-9]|十[二三四五六七八九])\s*小時", r"(?:1[2-9]|2[0-4]) hours? a day|long hours|around the clock"),
    ("MethodsOfControl", "WithholdsDocuments"): (r"護照.{0,4}(?:遭|被)?(?:沒收|扣留|收走|扣押|拿走)|(?:沒收|扣留|收走|扣押)(?:其|他|她|被害人)?.{0,2}護照", r"(?:confiscated|took|withheld|kept) (?:his |her |their )?passports?|passports? (?:was |were |had been |has been |have been )?(?:confiscated|taken|withheld|seized)"),
    ("RecruitmentMethod", "job_ad"): (r"求職廣告|徵才廣告|網路廣告|徵人廣告|招聘廣告|應徵", r"job (?:ad|advert|advertisement|posting)|answered an ad"),
    ("RecruitmentMethod", "social_media"): (r"臉書|社群|網路|LINE|Telegram|微信|IG|抖音", r"social media|facebook|line app|telegram|wechat|tiktok|instagram"),
    ("RecruitmentMethod", "acquaintance"): (r"朋友介紹|友人介紹|熟人|同學介紹|網友", r"(?:a |his |her )?friend|acquaintance|classmate"),
    ("RecruitmentMethod", "agency"): (r"人力仲介|仲介公司|人力公司|仲介", r"(?:recruitment|employment) agency|broker|agent"),
    ("RecruitmentMethod", "family"): (r"親戚介紹|家人介紹|(?:表|堂)(?:哥|姊|姐|弟|妹)介紹", r"(?:a )?relative|cousin|uncle|aunt"),
    ("ExploitationType", "forced_criminality"): (r"詐騙園區|詐騙集團|被迫(?:從事)?詐騙|從事詐騙|電信詐騙|園區", r"scam (?:compound|centre|center|operation)|forced to (?:scam|commit fraud)|online fraud"),
    ("ExploitationType", "labour"): (r"勞力剝削|強迫勞動|強制勞動", r"forced labou?r|labou?r exploitation"),
    ("ExploitationType", "sexual"): (r"性剝削|性交易|賣淫", r"sexual exploitation|prostitution|sex work"),
    ("ExploitationType", "organ_removal"): (r"器官摘取|摘取器官|摘除器官|賣腎", r"organ (?:removal|harvesting)|kidney"),
}

_COMPILED = [
    (key, re.compile(zh), re.compile(en, re.IGNORECASE)) for key, (zh, en) in LEXICON.items()
]


def find_indicators(text: str, folded: str | None = None) -> list[Indicator]:
    """Indicators in text order; one per (type, value) and place."""
    folded = fold(text) if folded is None else folded
    found: dict[tuple[str, str, int], Indicator] = {}
    for (type_, value), zh, en in _COMPILED:
        for pattern in (zh, en):
            for m in pattern.finditer(folded):
                if m.end() > m.start():
                    found.setdefault((type_, value, m.start()), Indicator(type_, value, m.start(), m.end()))
    # a more specific control (threats to the family) replaces the general one at the same place
    specific = {(i.start, i.end) for i in found.values() if i.value in ("ThreatsLawEnforcement", "ThreatensChildrenFamily")}
    return sorted(
        (i for i in found.values() if not (i.value == "PhysicalThreats" and any(s <= i.start < e for s, e in specific))),
        key=lambda i: (i.start, i.type, i.value),
    )
