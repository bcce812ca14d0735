"""Dates: every written form we read, what we refuse to read, offsets, and hostile input."""

import dataclasses
import random
import re
import time

import pytest

from nlp.dates import DateMatch, find_dates, parse_date

ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def found(text, **kwargs):
    return [(d.text, d.norm, d.precision) for d in find_dates(text, **kwargs)]


def norms(text, **kwargs):
    return [d.norm for d in find_dates(text, **kwargs)]


def assert_well_formed(text, matches):
    """The invariants every result keeps, whatever the input."""
    previous_end = 0
    for d in matches:
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert d.start >= previous_end, "overlapping or out of order"
        assert ISO.fullmatch(d.norm)
        assert d.precision in {"day", "month", "year", "approx"}
        previous_end = d.end


# --- ROC calendar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "111 年 3 月 4 日",
        "111年3月4日",
        "111年03月04日",
        "民國111年3月4日",
        "民國 111 年 3 月 4 日",
        "中華民國111年3月4日",
        "111/3/4",
        "111.03.04",
        "111-03-04",
        "１１１年３月４日",
        "１１１／３／４",
        "一一一年三月四日",
        "一百一十一年三月四日",
        "111\u3000年\u30003\u3000月\u30004\u3000日",
        "111年3月4號",
    ],
)
def test_dates_roc_forms_give_one_day(text):
    assert found(text) == [(text, "2022-03-04", "day")]


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("一一〇年三月二十四日", "2021-03-24"),
        ("一一零年十二月三十一日", "2021-12-31"),
        ("一一二年十月十日", "2023-10-10"),
        ("一百一十二年二月八日", "2023-02-08"),
        ("一一一年九月廿五日", "2022-09-25"),
        ("一一一年三月三十一日", "2022-03-31"),
        ("二〇二二年九月五日", "2022-09-05"),
    ],
)
def test_dates_chinese_numerals_read_digit_by_digit_and_with_units(text, norm):
    assert norms(text) == [norm]


def test_dates_keep_the_span_as_written_inside_a_referral_sentence():
    text = "查獲國人李○華等 3 人涉嫌人口販運案，於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"
    assert found(text) == [("112 年 2 月 8 日", "2023-02-08", "day")]


def test_dates_two_digit_roc_year_with_a_full_day_is_read():
    assert found("民國78年5月3日出生") == [("民國78年5月3日", "1989-05-03", "day")]
    assert norms("被告於99年6月3日出境") == ["2010-06-03"]


# --- the year carried over ----------------------------------------------------------------


def test_dates_roc_year_carried_to_later_date_in_sentence():
    text = "111 年 3 月 4 日至 3 月 6 日"
    assert found(text) == [("111 年 3 月 4 日", "2022-03-04", "day"), ("3 月 6 日", "2022-03-06", "day")]


@pytest.mark.parametrize("connector", ["至", "到", "~", "～", "－", "-", "、", "及"])
def test_dates_bare_day_after_a_connector_takes_year_and_month(connector):
    text = f"111年8月23日{connector}24日"
    assert found(text) == [("111年8月23日", "2022-08-23", "day"), ("24日", "2022-08-24", "day")]


def test_dates_bare_day_in_chinese_numerals_and_same_month():
    assert norms("一一一年三月一日至三十一日") == ["2022-03-01", "2022-03-31"]
    assert found("111年3月4日至同月6日")[1] == ("同月6日", "2022-03-06", "day")


def test_dates_carry_chains_through_several_dates_in_a_sentence():
    text = "被害人張○豪於111年12月18日出境，12月20日抵達金邊，同日被帶往西港，至12月30日仍失聯"
    assert norms(text) == ["2022-12-18", "2022-12-20", "2022-12-30"]


def test_dates_carried_year_stops_at_the_end_of_the_sentence():
    for end in ("。", "！", "？", "；", "\n", ". "):
        assert norms(f"111年3月4日查獲{end}3月6日移送") == ["2022-03-04"], end


def test_dates_month_day_without_year_is_skipped_never_guessed():
    assert find_dates("被害人於3月4日返國") == []
    assert find_dates("返國日期：三月二十四日") == []


def test_dates_default_year_fills_a_month_day_without_year_in_sentence():
    assert found("被害人於3月4日返國", default_year=2023) == [("3月4日", "2023-03-04", "day")]
    assert norms("三月二十四日", default_year=2022) == ["2022-03-24"]
    # The sentence's own year wins over the default.
    assert norms("111年3月4日至3月6日", default_year=2019) == ["2022-03-04", "2022-03-06"]


def test_dates_default_year_does_not_fill_a_bare_day_or_month():
    assert find_dates("至24日止", default_year=2022) == []
    assert find_dates("3月間", default_year=2022) == []


def test_dates_month_range_carries_the_year():
    assert found("111年10月至12月") == [("111年10月", "2022-10", "month"), ("12月", "2022-12", "month")]


def test_dates_same_and_next_year_refer_to_the_previous_date():
    text = "111年12月4日查獲。同年12月9日移送，翌年1月6日起訴"
    assert found(text)[1:] == [("同年12月9日", "2022-12-09", "day"), ("翌年1月6日", "2023-01-06", "day")]


def test_dates_carried_year_must_make_the_date_valid():
    assert norms("111年1月29日至2月29日") == ["2022-01-29"]
    assert norms("113年1月29日至2月29日") == ["2024-01-29", "2024-02-29"]


def test_dates_english_day_month_takes_the_year_of_the_sentence():
    text = "The victim reached Bangkok on 5 Sept 2022 and flew home on 9 September."
    assert norms(text) == ["2022-09-05", "2022-09-09"]
    assert norms("Sept. 20 was the flight date.") == []


# --- loose dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm", "precision"),
    [
        ("111 年底", "2022", "approx"),
        ("111年底", "2022", "approx"),
        ("111年初", "2022", "approx"),
        ("111年中", "2022", "approx"),
        ("111年下半年", "2022", "approx"),
        ("111 年 10 月", "2022-10", "month"),
        ("111年9月上旬", "2022-09", "approx"),
        ("111年9月中旬", "2022-09", "approx"),
        ("111年9月下旬", "2022-09", "approx"),
        ("111年9月底", "2022-09", "approx"),
        ("民國111年", "2022", "year"),
        ("111年", "2022", "year"),
        ("2022年", "2022", "year"),
        ("late 2022", "2022", "approx"),
        ("early September 2022", "2022-09", "approx"),
        ("mid-2022", "2022", "approx"),
        ("the end of September 2022", "2022-09", "approx"),
    ],
)
def test_dates_loose_and_partial_dates_keep_known_precision(text, norm, precision):
    assert found(text) == [(text, norm, precision)]


def test_dates_year_followed_by_a_common_word_is_still_a_year_not_mid_autumn():
    assert found("111年中秋節前夕")[0][:2] == ("111年", "2022")
    assert found("111年期間共查獲")[0][:2] == ("111年", "2022")


# --- Western dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2022年9月5日",
        "西元2022年9月5日",
        "2022-09-05",
        "2022/9/5",
        "2022.09.05",
        "5 Sept 2022",
        "5 Sep 2022",
        "5 September 2022",
        "5 Sept. 2022",
        "05 SEP 2022",
        "Sept. 5, 2022",
        "September 5, 2022",
        "September 5th, 2022",
        "5th of September 2022",
        "5th September, 2022",
        "2022-9-5",
    ],
)
def test_dates_western_forms_give_one_day(text):
    assert found(text)[0][1:] == ("2022-09-05", "day")
    assert found(text)[0][0] == text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Officers were posted in September 2022.", "September 2022"),
        ("posted Sep 2022", "Sep 2022"),
        ("posted Sept. 2022", "Sept. 2022"),
        ("in September of 2022", "September of 2022"),
    ],
)
def test_dates_english_month_and_year_has_month_precision(text, span):
    assert found(text) == [(span, "2022-09", "month")]


@pytest.mark.parametrize(
    "text",
    ["in 2022", "In 2022, 314 nationals came home", "since 2022", "during 2022", "until 2022", "the year 2022"],
)
def test_dates_year_alone_when_a_word_marks_it(text):
    assert found(text) == [("2022", "2022", "year")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25/09/2022", ["2022-09-25"]),  # day > 12: only day-first can be right
        ("9/25/2022", ["2022-09-25"]),  # the day-first reading is impossible
        ("05/05/2022", ["2022-05-05"]),  # both readings agree
        ("05/09/2022", []),  # 5 September or 9 May: skipped
        ("11.03.2022", []),
        ("31/02/2022", []),  # neither reading is a date
    ],
)
def test_dates_day_first_numeric_only_when_one_reading_is_possible(text, expected):
    assert norms(text) == expected


# --- what is not a date -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "14:30",
        "下午 14:30 抵達",
        "+855 12 345 678",
        "0912-345-678",
        "+886-2-2345-6789",
        "護照號碼 312345678",
        "3,000 元",
        "新臺幣 1 萬 2,345 元",
        "計 75 件，共 379 人",
        "111年度偵字第1234號",
        "112年度訴字第56號判決",
        "長榮航空 BR265 班機",
        "CI-835",
        "version 2022.09.05",
        "v111.3.4",
        "192.168.1.1",
        "2022",
        "共2022人",
        "In 2022 cases were referred",
        "action plan 2021-2022",
        "Case 2022-09-05-001",
        "處有期徒刑3年6月",
        "為期 2 年",
        "一百年來",
        "111年來",
    ],
)
def test_dates_no_date_in_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text", ["111年2月30日", "111年13月", "111年3月32日", "111/2/29", "2022-13-01", "31 September 2022", "112年0月5日"]
)
def test_dates_impossible_dates_give_nothing_not_a_shorter_date(text):
    assert find_dates(text) == []


def test_dates_case_number_year_does_not_hide_a_later_date():
    text = "臺北地檢署111年度偵字第1234號案，於111年5月6日提起公訴"
    assert found(text) == [("111年5月6日", "2022-05-06", "day")]


def test_dates_case_number_year_is_not_carried():
    assert find_dates("111年度偵字第1234號，5月6日起訴") == []


def test_dates_date_before_a_time_is_read_and_the_time_is_not():
    assert found("2022-09-05T14:30") == [("2022-09-05", "2022-09-05", "day")]
    assert found("111年9月5日14時30分") == [("111年9月5日", "2022-09-05", "day")]


def test_dates_lowercase_month_word_without_year_is_not_a_date():
    assert find_dates("Officers may 5 times check", default_year=2022) == []


# --- offsets, order and mixed text -------------------------------------------------------

PIECES = [
    "被害人陳○明於１１１年９月５日自西港園區逃出，於9月20日搭乘 BR 265 班機返國。",
    "On 5 Sept 2022 two liaison officers arrived; call +66 81 234 5678 at 14:30. ",
    "臺中地檢署111年度偵字第1234號，計 75 件、共 379 人、3,000 元。",
    "一一一年三月一日至三十一日 and late 2022 😀\x00\x07\n",
    "In 2022, 314 nationals were helped home by 31 December 2022.\n",
    "民國 111 年 3 月 4 日至 3 月 6 日間，111年底前返國；",
    "Report 05/09/2022 v1.2.3 phone 0912-345-678 \u200b\ufeff 中文English混寫2022/9/5。",
]


def mixed_text(size, seed=7):
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        part = rng.choice(PIECES)
        parts.append(part)
        length += len(part)
    return "".join(parts)


def test_dates_offsets_index_the_input_as_given_over_long_mixed_text():
    text = mixed_text(200_000)
    matches = find_dates(text)
    assert_well_formed(text, matches)
    assert len(matches) > 5_000


def test_dates_in_full_width_text_report_full_width_spans():
    text = "於１１１年９月５日返國"
    (d,) = find_dates(text)
    assert (d.start, d.end, d.text, d.norm) == (1, 9, "１１１年９月５日", "2022-09-05")


def test_dates_are_in_text_order_and_do_not_overlap():
    text = "9 September 2022; 111年3月4日至6日; 2022-09-05; early September 2022"
    matches = find_dates(text)
    assert [d.norm for d in matches] == ["2022-09-09", "2022-03-04", "2022-03-06", "2022-09-05", "2022-09"]
    assert_well_formed(text, matches)


def test_dates_match_is_a_frozen_value():
    d = find_dates("111年3月4日")[0]
    assert d == DateMatch(0, 8, "111年3月4日", "2022-03-04", "day")
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.norm = "2023-01-01"


# --- hostile input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02\x1b[31m\x7f",
        "😀🇹🇼👨‍👩‍👧",
        "\ud800\udfff lone surrogates",
        "年月日",
        "年" * 500,
        "1" * 500,
        "至日至日至日",
        "111年" * 100,
        "Sept. Sept. Sept.",
        "○○年○月○日",
        "0/0/0000 00.00.00 000-00-00",
        "\n".join(["111年3月4日"] * 3),
    ],
)
def test_dates_never_raise_and_keep_invariants_on_hostile_input(text):
    assert_well_formed(text, find_dates(text))
    assert parse_date(text) is None or ISO.fullmatch(parse_date(text))


def test_dates_random_date_like_noise_keeps_invariants():
    rng = random.Random(11)
    alphabet = "0123456789１２３年月日號至到~-/.、 ,。旬底初中度民國一二三十〇百 Sept2022of.\n"
    for _ in range(2_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert_well_formed(text, find_dates(text, default_year=rng.choice([None, 2022])))


def test_dates_non_string_input_gives_nothing():
    assert find_dates(None) == []  # type: ignore[arg-type]
    assert parse_date(b"111/3/4") is None  # type: ignore[arg-type]


def test_dates_two_megabyte_text_finishes_in_seconds():
    text = mixed_text(2_000_000)
    started = time.perf_counter()
    matches = find_dates(text)
    assert time.perf_counter() - started < 5.0
    assert matches and matches[-1].end <= len(text)


@pytest.mark.parametrize("text", ["1" * 2_000_000, "年" * 2_000_000, "1年" * 1_000_000, " " * 2_000_000])
def test_dates_degenerate_two_megabyte_text_finishes_in_seconds(text):
    started = time.perf_counter()
    assert find_dates(text) == []
    assert time.perf_counter() - started < 5.0


# --- parse_date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("民國111年3月4日", "2022-03-04"),
        (" 111/3/4 ", "2022-03-04"),
        ("１１１．０３．０４", "2022-03-04"),
        ("5 Sept 2022", "2022-09-05"),
        ("111年9月下旬", "2022-09"),
        ("2022", "2022"),
        ("2022-09", "2022-09"),
        ("111年", "2022"),
        ("3月4日", None),
        ("111年3月4日至6日", None),
        ("111年3月4日移送", None),
        ("05/09/2022", None),
        ("111年2月30日", None),
        ("", None),
        ("2022-13", None),
    ],
)
def test_dates_parse_date_reads_a_string_that_is_one_date(text, norm):
    assert parse_date(text) == norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9/3\tBR 265\tTPE→PNH", [("9/3", "2022-09-03")]),
        ("10/24 與柬埔寨移民總局會商", [("10/24", "2022-10-24")]),
        ("111年10月1日抵達金邊，10/24 返國", [("111年10月1日", "2022-10-01"), ("10/24", "2022-10-24")]),
    ],
)
def test_dates_month_slash_day_takes_the_year_of_the_sentence_or_document(text, expected):
    assert [(d.text, d.norm) for d in find_dates(text, default_year=2022)] == expected


@pytest.mark.parametrize("text", ["約 1/3 的人", "3/4/2022", "13/45", "BR265/3"])
def test_dates_fractions_and_ambiguous_slashes_are_not_month_day(text):
    assert find_dates(text, default_year=2022) == []
