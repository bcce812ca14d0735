"""Every fixed word of the 4P report, in Traditional Chinese and English.

Labels are data: one table per kind of word, keyed by language. ``text(lang, key)`` is the
one lookup, so a missing translation fails loudly in tests rather than printing a key.

>>> text("en", "pillar.prosecution")
'Prosecution'
>>> country("zh-TW", "KH")
'柬埔寨'
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGS", "PILLARS", "text", "country", "service_kind", "exploitation", "month"]

LANGS = ("zh-TW", "en")
PILLARS = ("prosecution", "protection", "prevention", "partnership")

_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh-TW": {
        "title": "{year} 年人口販運防制 4P 成果報告",
        "subtitle": "起訴、保護、預防、夥伴關係：指標、圖表與說明",
        "cover.year": "年度",
        "cover.year_value": "{year} 年（民國 {roc} 年）",
        "cover.lang": "語言",
        "cover.lang_value": "繁體中文",
        "cover.as_of": "資料截止日",
        "cover.generated": "產製時間",
        "cover.suppression": "小數值遮蔽",
        "cover.suppression_value": "小於 {n} 之數值以「<{n}」表示",
        "cover.suppression_none": "未遮蔽",
        "cover.note": "本報告僅含統計數字，不含任何個人姓名或識別資料。",
        "section.summary": "摘要",
        "section.pillar": "{pillar}",
        "section.charts": "圖表",
        "section.appendix": "附錄：指標定義與計算方式",
        "pillar.prosecution": "起訴（Prosecution）",
        "pillar.protection": "保護（Protection）",
        "pillar.prevention": "預防（Prevention）",
        "pillar.partnership": "夥伴關係（Partnership）",
        "col.indicator": "指標",
        "col.unit": "單位",
        "col.value": "{year} 年",
        "col.previous": "{year} 年",
        "col.change": "增減",
        "col.definition": "定義",
        "col.records": "計入紀錄數",
        "col.id": "代號",
        "chart.cases.title": "移送人口販運案件：按剝削類型與年度",
        "chart.cases.x": "年度",
        "chart.cases.y": "案件數",
        "chart.returns.title": "{year} 年協助返國人數：按月份與國家",
        "chart.returns.x": "返國月份",
        "chart.returns.y": "人數",
        "chart.services.title": "{year} 年保護服務：按類別",
        "chart.services.x": "服務類別",
        "chart.services.y": "數量",
        "chart.total": "合計",
        "chart.data": "圖表數據",
        "chart.suppressed_note": "小於 {n} 之數值未繪出，以「<{n}」表示。",
        "other": "其他",
        "unknown": "未載明",
        "no_previous": "—",
        "change.na": "—",
        "narrative.overview": "{year} 年共計 {total} 項指標，與 {prev} 年相較，{up} 項增加、{down} 項減少、{same} 項持平。",
        "narrative.headline": "{title}為 {value}{unit}",
        "narrative.up": "{title}為 {value}{unit}，較 {prev} 年之 {previous}{unit}增加 {pct}",
        "narrative.down": "{title}為 {value}{unit}，較 {prev} 年之 {previous}{unit}減少 {pct}",
        "narrative.same": "{title}為 {value}{unit}，與 {prev} 年持平",
        "narrative.rise": "增幅最大者為{title}（{previous} → {value}，+{pct}）",
        "narrative.fall": "減幅最大者為{title}（{previous} → {value}，−{pct}）",
        "narrative.sentence_end": "。",
        "narrative.join": "；",
        "narrative.cases": "{year} 年移送案件以{top}最多（{n} 件）。",
        "narrative.returns": "{year} 年協助返國者以自{top}返國者最多（{n} 人），返國人數最多之月份為 {month}（{m} 人）。",
        "narrative.services": "{year} 年提供之保護服務以{top}最多（{n}）。",
        "appendix.intro": "下表說明各項指標之計算方式，以及計入之紀錄數（截至資料截止日已匯入之文件）。",
        "appendix.record": "（每筆紀錄：{what}）",
        "appendix.cases_by_year": "圖表資料：案件檔案載明於各該年度移送地檢署偵辦之人口販運案件，依移送日期之年度與剝削類型計數，每案計一件。",
        "appendix.returns_by_month": "圖表資料：返國日期在當年之協助返國紀錄，依返國月份與剝削地國家計數，每筆紀錄計一人；國家較多時，人數較少者合併為「其他」。",
        "appendix.services_by_kind": "圖表資料：服務登記簿中日期在當年之紀錄，依服務類別計數，每筆計一次。",
    },
    "en": {
        "title": "Anti-Trafficking 4P Report {year}",
        "subtitle": "Prosecution, protection, prevention and partnership: indicators, charts and commentary",
        "cover.year": "Year",
        "cover.year_value": "{year} (ROC year {roc})",
        "cover.lang": "Language",
        "cover.lang_value": "English",
        "cover.as_of": "Data as of",
        "cover.generated": "Generated",
        "cover.suppression": "Small counts",
        "cover.suppression_value": "counts below {n} are shown as <{n}",
        "cover.suppression_none": "not suppressed",
        "cover.note": "This report holds figures only: no names or other personal details.",
        "section.summary": "Summary",
        "section.pillar": "{pillar}",
        "section.charts": "Charts",
        "section.appendix": "Appendix: how each figure was counted",
        "pillar.prosecution": "Prosecution",
        "pillar.protection": "Protection",
        "pillar.prevention": "Prevention",
        "pillar.partnership": "Partnership",
        "col.indicator": "Indicator",
        "col.unit": "Unit",
        "col.value": "{year}",
        "col.previous": "{year}",
        "col.change": "Change",
        "col.definition": "Definition",
        "col.records": "Records",
        "col.id": "Id",
        "chart.cases.title": "Trafficking cases referred, by type of exploitation and year",
        "chart.cases.x": "Year",
        "chart.cases.y": "Cases",
        "chart.returns.title": "Nationals brought home in {year}, by month and country",
        "chart.returns.x": "Month of return",
        "chart.returns.y": "People",
        "chart.services.title": "Protection services given in {year}, by kind",
        "chart.services.x": "Service",
        "chart.services.y": "Number given",
        "chart.total": "Total",
        "chart.data": "Chart data",
        "chart.suppressed_note": "Counts below {n} are not drawn and are shown as <{n}.",
        "other": "Other",
        "unknown": "not stated",
        "no_previous": "—",
        "change.na": "—",
        "narrative.overview": "Of the {total} indicators for {year}, {up} rose, {down} fell and {same} stayed the same against {prev}.",
        "narrative.headline": "{title}: {value}{unit}",
        "narrative.up": "{title}: {value}{unit}, up {pct} from {previous} in {prev}",
        "narrative.down": "{title}: {value}{unit}, down {pct} from {previous} in {prev}",
        "narrative.same": "{title}: {value}{unit}, the same as in {prev}",
        "narrative.rise": "the largest rise was in {title} ({previous} → {value}, +{pct})",
        "narrative.fall": "the largest fall was in {title} ({previous} → {value}, −{pct})",
        "narrative.sentence_end": ".",
        "narrative.join": "; ",
        "narrative.cases": "Most cases referred in {year} involved {top} ({n} cases).",
        "narrative.returns": "Most nationals brought home in {year} returned from {top} ({n}); the busiest month was {month} ({m}).",
        "narrative.services": "The service given most often in {year} was {top} ({n}).",
        "appendix.intro": "How each figure was counted, and from how many records (documents ingested by the cut-off date).",
        "appendix.record": " One record: {what}.",
        "appendix.cases_by_year": "Chart series: trafficking cases whose case file states a referral to a prosecutors' office, "
                                  "counted by year of referral and type of exploitation; each case counts once.",
        "appendix.returns_by_month": "Chart series: repatriation records with a return date in the year, counted by month of "
                                     "return and country of exploitation, one person each; beyond the largest countries the "
                                     "rest are added up as Other.",
        "appendix.services_by_kind": "Chart series: rows of the services register dated in the year, counted by kind; each "
                                     "row counts once.",
    },
}

_COUNTRIES: Mapping[str, tuple[str, str]] = {
    "KH": ("柬埔寨", "Cambodia"), "MM": ("緬甸", "Myanmar"), "TH": ("泰國", "Thailand"), "LA": ("寮國", "Laos"),
    "VN": ("越南", "Viet Nam"), "PH": ("菲律賓", "Philippines"), "MY": ("馬來西亞", "Malaysia"),
    "ID": ("印尼", "Indonesia"), "SG": ("新加坡", "Singapore"), "BN": ("汶萊", "Brunei"), "TL": ("東帝汶", "Timor-Leste"),
    "AE": ("阿拉伯聯合大公國", "United Arab Emirates"), "TW": ("臺灣", "Taiwan"), "CN": ("中國大陸", "Mainland China"),
    "JP": ("日本", "Japan"), "KR": ("韓國", "Korea"), "US": ("美國", "United States"),
}

_SERVICES: Mapping[str, tuple[str, str]] = {
    "stay_permit": ("核發臨時停留許可", "temporary stay permits"),
    "stay_permit_extension": ("延長臨時停留許可", "stay permits extended"),
    "work_permit": ("核發工作許可", "work permits"),
    "shelter_foreign": ("外籍被害人安置", "shelter placements (foreign victims)"),
    "taiwanese_adult_victim": ("本國成年被害人", "Taiwanese adult victims"),
    "taiwanese_adult_placed": ("本國成年被害人安置", "Taiwanese adults placed"),
    "taiwanese_adult_declined": ("本國成年被害人拒絕安置或返家", "Taiwanese adults declined or went home"),
    "minor_sexual_victim": ("未成年性剝削被害人", "victims under 18, sexual exploitation"),
    "minor_placed": ("未成年被害人安置", "victims under 18 placed"),
    "minor_returned_family": ("未成年被害人返家", "victims under 18 returned to family"),
    "rescreened_detainee": ("收容人再鑑別為被害人", "detainees re-screened as victims"),
    "interpretation": ("通譯服務", "interpretation"),
    "accompanied_interview": ("陪同偵訊", "accompanied interviews"),
    "border_meeting": ("國境接機", "met at the border"),
    "emergency_card": ("緊急救助卡", "emergency-assistance cards"),
}

_EXPLOITATION: Mapping[str, tuple[str, str]] = {
    "labour": ("勞力剝削", "labour exploitation"),
    "sexual": ("性剝削", "sexual exploitation"),
    "organ_removal": ("器官摘取", "organ removal"),
    "forced_criminality": ("強迫犯罪", "forced criminality"),
}

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _check(lang: str) -> int:
    if lang not in LANGS:
        raise ValueError(f"lang {lang!r}: give one of {', '.join(LANGS)}")
    return LANGS.index(lang)


def text(lang: str, key: str, **values: object) -> str:
    """The fixed text ``key`` in ``lang``, with ``values`` filled in."""
    _check(lang)
    return _TEXT[lang][key].format(**values) if values else _TEXT[lang][key]


def _pick(table: Mapping[str, tuple[str, str]], lang: str, key: str | None) -> str:
    if not key:
        return text(lang, "unknown")
    names = table.get(key)
    return names[_check(lang)] if names else key


def country(lang: str, code: str | None) -> str:
    """A country's name from its ISO code; the code itself when we have no name for it."""
    return _pick(_COUNTRIES, lang, code)


def service_kind(lang: str, kind: str | None) -> str:
    """A kind of protection service (``Service.kind``) as readers know it."""
    return _pick(_SERVICES, lang, kind)


def exploitation(lang: str, kind: str | None) -> str:
    """A type of exploitation (``Case.exploitation``)."""
    return _pick(_EXPLOITATION, lang, kind)


def month(lang: str, yyyy_mm: str) -> str:
    """``2022-09`` as ``9 月`` or ``Sep``."""
    m = int(yyyy_mm[5:7])
    return f"{m} 月" if _check(lang) == 0 else _MONTHS_EN[m - 1]
