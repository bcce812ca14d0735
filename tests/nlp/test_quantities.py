import dataclasses
import random
import time

import pytest

from nlp.quantities import Quantity, find_quantities, parse_number


# --- parse_number -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("379", 379), ("1,064", 1064), ("1，064", 1064), ("３７９", 379), ("１，０６４", 1064), ("12,345,678", 12345678),
        ("1.5", 1.5), ("12,345.67", 12345.67), ("0", 0), (" 42 ", 42),
    ],
)
def test_numbers_parse_arabic_with_separators_and_full_width(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("十", 10), ("十五", 15), ("二十", 20), ("一百零五", 105), ("一百一十", 110), ("一千零一", 1001),
        ("一萬二千三百四十五", 12345), ("一萬零五十", 10050), ("十萬", 100000), ("三億五千萬", 350000000),
        ("一萬億", 10**12), ("兩千", 2000), ("兩萬五千", 25000), ("廿", 20), ("廿五", 25), ("卅", 30), ("卅一", 31),
        ("零", 0), ("〇", 0), ("二〇二二", 2022), ("一一一", 111), ("一兆", 10**12), ("万", 10000),
    ],
)
def test_numbers_parse_chinese_numerals_with_units(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [("一萬二", 12000), ("三百五", 350), ("兩千五", 2500), ("一億二", 120000000), ("一百零五", 105)],
)
def test_numbers_parse_spoken_abbreviation_reads_next_place(written, value):
    # 一萬二 is 12,000 as spoken; after 零 the digit keeps its own place
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [("壹拾貳萬參仟肆佰伍拾陸", 123456), ("伍佰", 500), ("玖仟玖佰玖拾玖", 9999), ("陸拾", 60), ("貳億零參拾萬", 200300000)],
)
def test_numbers_parse_financial_capitals(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1 萬 2,345", 12345), ("1萬2,345", 12345), ("2 億零 30 萬 5", 200300005), ("3.5萬", 35000), ("1.2萬", 12000),
        ("3 千", 3000), ("１萬２，３４５", 12345), ("1.5 million", 1500000), ("2 thousand", 2000), ("300餘", 300),
        ("20 餘萬", 200000),
    ],
)
def test_numbers_wan_with_separators_inside(written, value):
    assert parse_number(written) == value


def test_numbers_parse_returns_int_when_whole_and_float_otherwise():
    assert type(parse_number("3.5萬")) is int
    assert type(parse_number("3.0")) is int
    assert type(parse_number("1.25")) is float


@pytest.mark.parametrize(
    "written",
    [
        "", "   ", "abc", "1,2345", "12,34", "1 064", "1.2.3", "十十", "萬萬", "百千", "一二萬", "3五", "0912",
        "多", "餘", "50%", "第3", "3月", "12345678901234567890", "一" * 200, "\x00", "😀", "1\n2",
    ],
)
def test_numbers_parse_rejects_what_is_not_one_number(written):
    assert parse_number(written) is None


def test_numbers_parse_never_raises_on_non_text():
    assert parse_number(None) is None  # type: ignore[arg-type]
    assert find_quantities(None) == []  # type: ignore[arg-type]


# --- find_quantities: counts -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("共 379 人", "379 人", 379, "人"),
        ("被害人共計379人", "379人", 379, "人"),
        ("計 75 件", "75 件", 75, "件"),
        ("陪同偵訊 185 人次", "185 人次", 185, "人次"),
        ("查獲李○華等3名", "3名", 3, "人"),
        ("另有 2 位被害人", "2 位", 2, "人"),
        ("通譯服務 5 次", "5 次", 5, "次"),
        ("辦理訓練 2 場", "2 場", 2, "場次"),
        ("辦理訓練 2 場次", "2 場次", 2, "場次"),
        ("發放手冊 1,064 份", "1,064 份", 1064, "份"),
        ("策略 76 項", "76 項", 76, "項"),
        ("查訪 4 處", "4 處", 4, "處"),
        ("移送 3 案", "3 案", 3, "件"),
        ("其中一名", "一名", 1, "人"),
        ("救出兩人", "兩人", 2, "人"),
        ("十五人", "十五人", 15, "人"),
        ("總計 1 萬 2,345 人", "1 萬 2,345 人", 12345, "人"),
        ("合計１６１件", "１６１件", 161, "件"),
    ],
)
def test_numbers_chinese_count_units(text, span, value, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.label, q.value, q.unit) == (span, "COUNT", value, unit)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Police referred 161 cases.", "161 cases", 161, "件"),
        ("one of them: 1 case", "1 case", 1, "件"),
        ("379 victims were identified", "379 victims", 379, "人"),
        ("12 people were held", "12 people", 12, "人"),
        ("2 persons fled", "2 persons", 2, "人"),
        ("314 nationals returned", "314 nationals", 314, "人"),
        ("300 participants attended", "300 participants", 300, "人"),
        ("222 trainees", "222 trainees", 222, "人"),
        ("met 303 person-times at the border", "303 person-times", 303, "人次"),
        ("303 person times", "303 person times", 303, "人次"),
        ("2 sessions", "2 sessions", 2, "場次"),
        ("1.5 million people", "1.5 million people", 1500000, "人"),
    ],
)
def test_numbers_english_count_units(text, span, value, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.label, q.value, q.unit) == (span, "COUNT", value, unit)


def test_numbers_person_times_wins_over_person():
    (q,) = find_quantities("通譯 124 人次")
    assert (q.text, q.unit) == ("124 人次", "人次")


# --- approx -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value", "approx"),
    [
        ("約300名", "300名", 300, True),
        ("大約 5 件", "5 件", 5, True),
        ("逾 300 人", "300 人", 300, True),
        ("300 餘人", "300 餘人", 300, True),
        ("三十多人", "三十多人", 30, True),
        ("近百人", "百人", 100, True),
        ("300 人左右", "300 人", 300, True),
        ("about 300 participants", "300 participants", 300, True),
        ("approximately 1,064 people", "1,064 people", 1064, True),
        ("共 379 人", "379 人", 379, False),
        ("計 75 件", "75 件", 75, False),
        ("預約 3 人", "3 人", 3, False),
        ("最近 3 次", "3 次", 3, False),
        ("awesome 3 cases", "3 cases", 3, False),
        ("more than 300 victims", "300 victims", 300, True),
    ],
)
def test_numbers_approx_flag(text, span, value, approx):
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.approx) == (span, value, approx)


def test_numbers_quantity_is_frozen_and_exact_by_default():
    q = Quantity(0, 3, "3 人", "COUNT", 3, "人")
    assert q.approx is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 4  # type: ignore[misc]


# --- money --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("扣得新臺幣 3 萬元", "新臺幣 3 萬元", 30000, "TWD"),
        ("新台幣1,000元", "新台幣1,000元", 1000, "TWD"),
        ("paid NT$30,000 to the broker", "NT$30,000", 30000, "TWD"),
        ("ＮＴ＄３０，０００", "ＮＴ＄３０，０００", 30000, "TWD"),
        ("NTD 5,000", "NTD 5,000", 5000, "TWD"),
        ("5,000 TWD", "5,000 TWD", 5000, "TWD"),
        ("不法所得 30,000元", "30,000元", 30000, "TWD"),
        ("2 億零 30 萬 5 元", "2 億零 30 萬 5 元", 200300005, "TWD"),
        ("新臺幣壹拾貳萬元整", "新臺幣壹拾貳萬元", 120000, "TWD"),
        ("USD 1,200", "USD 1,200", 1200, "USD"),
        ("US$1,200", "US$1,200", 1200, "USD"),
        ("1,200 美元", "1,200 美元", 1200, "USD"),
        ("美金 500 元", "美金 500 元", 500, "USD"),
        ("USD 1.5 million", "USD 1.5 million", 1500000, "USD"),
        ("5 萬泰銖", "5 萬泰銖", 50000, "THB"),
        ("THB 20,000", "THB 20,000", 20000, "THB"),
        ("10,000 baht", "10,000 baht", 10000, "THB"),
        ("40,000 瑞爾", "40,000 瑞爾", 40000, "KHR"),
        ("KHR 40,000", "KHR 40,000", 40000, "KHR"),
        ("人民幣 2 萬元", "人民幣 2 萬元", 20000, "CNY"),
        ("2 萬元人民幣", "2 萬元人民幣", 20000, "CNY"),
        ("3 萬人民幣", "3 萬人民幣", 30000, "CNY"),
        ("RMB 800", "RMB 800", 800, "CNY"),
        ("涉案金額達新台幣 1 億 2,000 萬元", "新台幣 1 億 2,000 萬元", 120000000, "TWD"),
        ("二十多萬元", "二十多萬元", 200000, "TWD"),
    ],
)
def test_numbers_money_currency_before_or_after(text, span, value, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.label, q.value, q.unit) == (span, "MONEY", value, unit)


def test_numbers_money_approx_before_the_currency():
    (q,) = find_quantities("約新臺幣 3 萬元")
    assert (q.text, q.value, q.approx) == ("新臺幣 3 萬元", 30000, True)


# --- non-matches --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "111 年 3 月 4 日", "111年3月4日", "民國111年3月4日", "3 月 4 日至 3 月 6 日", "一一一年三月四日", "111/3/4",
        "111.03.04", "111 年底", "上午 10:30", "10 時 30 分", "電話 0912-345-678", "+855 12 345 678",
        "護照號碼 A12345678", "帳號 123-456-789012", "臺中地檢署 111 年度偵字第1234號", "第 3 場", "第二名",
        "BR265", "搭乘 BR 265 班機", "CI-835", "比例為 30%", "百分之三十", "購買零件", "陳〇明", "數十人",
        "幾百萬元", "韓元 5 萬元", "500 GBP", "元月 3 日", "一次性", "3~5人",
    ],
)
def test_numbers_non_quantities_are_not_matched(text):
    assert find_quantities(text) == []


def test_numbers_referral_sentence_yields_the_count_only():
    text = "查獲國人李○華等 3 人涉嫌人口販運案，於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == [("3 人", 3, "人")]


def test_numbers_several_quantities_come_in_text_order():
    text = "被害人 9 人、安置 1 人、返家 8 人；扣得 3萬美元 500人"
    assert [(q.text, q.label, q.unit) for q in find_quantities(text)] == [
        ("9 人", "COUNT", "人"), ("1 人", "COUNT", "人"), ("8 人", "COUNT", "人"),
        ("3萬美元", "MONEY", "USD"), ("500人", "COUNT", "人"),  # the currency of one amount is not the next's
    ]


def test_numbers_word_ending_in_a_numeral_does_not_swallow_the_count():
    assert [q.text for q in find_quantities("大陸 3 人，統一 5 件")] == ["3 人", "5 件"]


# --- offsets and robustness ---------------------------------------------------------------

_PIECES = [
    "共 379 人，計 75 件。", "😀🇹🇼", "約３００名", "新臺幣 3 萬元", "\x00\x07\u200b", "NT$30,000", "111 年 3 月 4 日",
    "The officer met 303 person-times.", "BR265 ", "2 億零 30 萬 5 元", "第1234號", "\r\n", "about 300 participants",
    "電話 +66 81 234 5678", "1 萬 2,345 人", "𠀀𠀁", "USD 1,200",
]


def _mixed(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(_PIECES) for _ in range(n))


def test_numbers_offsets_point_into_the_input_over_a_long_mixed_text():
    text = _mixed(3000)
    found = find_quantities(text)
    assert found
    assert all(text[q.start : q.end] == q.text for q in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert {q.label for q in found} == {"COUNT", "MONEY"}
    assert all(q.label in ("COUNT", "MONEY") and q.unit for q in found)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00" * 100, "".join(chr(c) for c in range(0, 0x3100, 3)), "😀" * 50 + "3 人" + "🇹🇼" * 50,
     "\ud800 3 人 \udfff", "萬" * 10_000, "1 萬 " * 10_000, "一" * 100_000 + "人", "1," * 50_000 + "5 人",
     "3" + " " * 100_000 + "人", "約" * 50_000 + "3 人"],
)
def test_numbers_never_raise_on_hostile_input(text):
    found = find_quantities(text)
    assert all(text[q.start : q.end] == q.text for q in found)


def test_numbers_emoji_before_a_count_keeps_code_point_offsets():
    text = "😀😀 共 3 人"
    (q,) = find_quantities(text)
    assert (q.start, q.end, q.text) == (5, 8, "3 人")


def test_numbers_random_numeral_soup_never_raises():
    rng = random.Random(11)
    alphabet = "0123456789,.， 　十百千萬億零〇一二兩廿卅壹貳拾佰仟餘多人件名元新臺幣USD$約第"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        parse_number(text)
        assert all(text[q.start : q.end] == q.text for q in find_quantities(text))


def test_numbers_two_megabytes_in_a_few_seconds():
    text = _mixed(200_000)[:2_000_000]
    started = time.perf_counter()
    found = find_quantities(text)
    assert time.perf_counter() - started < 10
    assert len(found) > 10_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("referred six suspects to", [("six suspects", 6, "人")]),
        ("one case of organ removal", [("one case", 1, "件")]),
        ("46 foreigners were found", [("46 foreigners", 46, "人")]),
        ("發放急難救助卡 1,064 張", [("1,064 張", 1064, "張")]),
        ("人頭帳戶 3 個", [("3 個", 3, "個")]),
        ("IDR 25,000,000 in fees", [("IDR 25,000,000", 25000000, "IDR")]),
        ("欠款 PHP 150,000", [("PHP 150,000", 150000, "PHP")]),
    ],
)
def test_quantities_more_units_currencies_and_number_words(text, expected):
    assert [(q.text, q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize("text", ["二人於111年1月起", "查獲臺中市一處應召站", "認識一個網友", "做了 3 個月", "Two nationals who escaped"])
def test_quantities_articles_and_back_references_are_not_counts(text):
    assert find_quantities(text) == []
