"""Identifier cleaners: accepted forms, rejections, masking, the registry, hostile input.

Every number, name and handle here is invented for these tests.
"""

from __future__ import annotations

import inspect
import time

import pytest

from graph import cleaners
from graph.cleaners import CLEANERS, account, email, flight, handle, passport, phone

# --- phone -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("+855 12 345 567", None, "+85512345567"),
        ("+85512345567", None, "+85512345567"),
        ("(+855) 12-345-567", None, "+85512345567"),
        ("00855 12345567", None, "+85512345567"),
        ("00855 12345567", "TW", "+85512345567"),
        ("+855 (0) 12 345 567", None, "+85512345567"),
        ("012 345 567", "KH", "+85512345567"),
        ("+66 81 234 5678", None, "+66812345678"),
        ("081 234 5678", "th", "+66812345678"),
        ("+95 9 420 123 456", None, "+959420123456"),
        ("+886 0912 345 678", None, "+886912345678"),
        ("(02) 2345-6789", "TW", "+886223456789"),
        ("tel:+85512345567", None, "+85512345567"),
        ("+886912345678", "KH", "+886912345678"),
        ("(00855) 12 345 567", None, "+85512345567"),
        ("+855.12.345.567", None, "+85512345567"),
        ("+٨٥٥١٢٣٤٥٥٦٧", None, "+85512345567"),  # Arabic-Indic digits come out ASCII
    ],
)
def test_cleaners_phone_written_forms_to_e164(raw, hint, expected):
    assert phone.clean(raw, country_hint=hint) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "0912-345-678",
        "0912 345 678",
        "０９１２３４５６７８",
        "０９１２－３４５－６７８",
        "0912—345—678",
        "0912–345–678",
        "０９１２\u3000３４５\u3000６７８",
        "\u200b0912-345-678",
    ],
)
def test_cleaners_phone_taiwan_mobile_with_hint_to_e164(raw):
    assert phone.clean(raw, country_hint="TW") == "+886912345678"


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("0912-345-678", None),  # no country code and no hint: any country's number
        ("0912-345-678", "XX"),  # an unassigned hint counts as none
        ("0912-345-678", 886),
        ("+855 12 345", None),  # too short for Cambodia
        ("12345", "TW"),
        ("2022", "TW"),  # a year
        ("2022-09-05", "TW"),  # dates
        ("111/3/4", "TW"),
        ("05.09.2022", "TH"),
        ("K12345678", "TW"),  # passport-like
        ("AB1234567", None),
        ("312345678", "TW"),  # nine digits, but not a valid Taiwanese number
        ("++855 12 345 567", None),
        ("+855 12 345 567 ext 5", None),
        ("+855-12-345-567-999-999-999", None),
        ("call +855 12 345 567", None),
    ],
)
def test_cleaners_phone_rejects_non_numbers(raw, hint):
    assert phone.clean(raw, country_hint=hint) is None


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+85512345567", "KH"),
        ("+886912345678", "TW"),
        ("+66812345678", "TH"),
        ("+959420123456", "MM"),
        ("+855 12 345 567", "KH"),
        ("+80012345678", None),  # non-geographic freephone
        ("0912345678", None),
        ("not a number", None),
        (None, None),
    ],
)
def test_cleaners_phone_country_is_region_of_number(number, expected):
    assert phone.country(number) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+85512345567", "+855 ** *** 567"),
        ("+886912345678", "+886 *** *** 678"),
        ("+66812345678", "+66 ** *** *678"),
        ("+886223456789", "+886 * **** *789"),
        ("(+855) 12-345-567", "+855 ** *** 567"),
    ],
)
def test_cleaners_phone_mask_keeps_country_code_and_last_three(number, expected):
    assert phone.mask(number) == expected


@pytest.mark.parametrize("junk", ["", "hello", "+999", "0912345678", None, 12345678])
def test_cleaners_phone_mask_reveals_nothing_of_non_numbers(junk):
    assert phone.mask(junk) == "***"


# --- e-mail ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ming.Chen@Example.COM.TW", "Ming.Chen@example.com.tw"),
        ("  recruiter.lin@mail.example.org ", "recruiter.lin@mail.example.org"),
        ("mailto:Boss88@Example.ORG", "Boss88@example.org"),
        ("agent_7+jobs@work-abroad.example", "agent_7+jobs@work-abroad.example"),
        ("ｊｏｂｓ８８＠ｅｘａｍｐｌｅ．ｃｏｍ", "jobs88@example.com"),
        ("x@y.co", "x@y.co"),
    ],
)
def test_cleaners_email_lowercases_domain_keeps_local_part(raw, expected):
    assert email.clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "no-at-sign.example.com",
        "two@at@example.com",
        "spaced name@example.com",
        "name@example",
        "name@localhost",
        "name@example.c",
        "name@example.c0m",
        "name@192.168.0.1",
        "name@exa_mple.com",
        "name@-example.com",
        "name@example..com",
        "name@example.com.",
        ".name@example.com",
        "na..me@example.com",
        "@example.com",
        "name@",
        "LINE: name@example.com",
        "a" * 65 + "@example.com",
    ],
)
def test_cleaners_email_rejects_implausible_addresses(raw):
    assert email.clean(raw) is None


# --- passport --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        ("K12345678", None, "K12345678"),
        ("k 1234 5678", None, "K12345678"),
        ("AB1234567", None, "AB1234567"),
        ("ab-123-4567", None, "AB1234567"),
        ("ＡＢ１２３４５６７", None, "AB1234567"),
        ("312345678", None, "312345678"),
        ("312 345 678", "TW", "312345678"),
        ("312—345—678", "tw", "312345678"),
        ("A1234567", "KH", "A1234567"),
        ("E12345", "XX", "E12345"),
        ("123456", None, "123456"),
    ],
)
def test_cleaners_passport_accepted_forms_upper_without_separators(raw, hint, expected):
    assert passport.clean(raw, country_hint=hint) == expected


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("K12345678", "TW"),  # Taiwan: nine digits only
        ("31234567", "TW"),
        ("3123456789", "TW"),
        ("ABCD123", None),  # fewer than five digits
        ("A1234", None),  # too short
        ("1234567890", None),  # too long
        ("K1234567!", None),
        ("AB.1234567", None),
        ("2022-09-05", None),  # a date, not a number with dashes
        ("2022-09", None),
        ("+85512345567", None),
        ("ß1234567", None),  # upper() would make it SS1234567
    ],
)
def test_cleaners_passport_rejects_what_breaks_the_rules(raw, hint):
    assert passport.clean(raw, country_hint=hint) is None


# --- bank account ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12345678", "12345678"),
        ("0123 4567 8901", "012345678901"),
        ("1234-5678-9012-3456", "1234567890123456"),
        ("(822) 1234-5678-9012", "822-123456789012"),
        ("(822)123456789012", "822-123456789012"),
        ("822-123456789012", "822-123456789012"),
        ("822 - 1234 5678", "822-12345678"),
        ("（８２２）１２３４５６７８", "822-12345678"),
        ("004-0123456789", "004-0123456789"),
        ("0012 3456 7890", "001234567890"),  # starts 00, but no phone number follows
        ("1" * 20, "1" * 20),
    ],
)
def test_cleaners_account_digits_with_optional_bank_code(raw, expected):
    assert account.clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "+855 12 345 567",
        "00855 12 345 567",
        "1234567",
        "822-1234567",
        "1" * 21,
        "12a45678",
        "2022-09-05",
        "822--12345678",
        "-12345678",
        "1234/5678/9012",
        "٨٢٢-١٢٣٤٥٦٧٨",  # keys are ASCII digits; other scripts' digits are refused, not copied
    ],
)
def test_cleaners_account_rejects_phones_short_and_lettered(raw):
    assert account.clean(raw) is None


# --- chat handles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("LINE ID: abc_123", ("LINE", "abc_123")),
        ("LINE：abc123", ("LINE", "abc123")),
        ("Line id ABC.123", ("LINE", "abc.123")),
        ("line帳號：abc123", ("LINE", "abc123")),
        ("LINE: @abc123", ("LINE", "abc123")),
        ("line.me/ti/p/~Abc123", ("LINE", "abc123")),
        ("Telegram @scam_boss88", ("Telegram", "scam_boss88")),
        ("TG: Scam_Boss88", ("Telegram", "scam_boss88")),
        ("t.me/scam_boss88", ("Telegram", "scam_boss88")),
        ("https://t.me/Scam_Boss88/", ("Telegram", "scam_boss88")),
        ("t.me/s/scam_boss88", ("Telegram", "scam_boss88")),
        ("電報：scam_boss88", ("Telegram", "scam_boss88")),
        ("WeChat: wx_abc123", ("WeChat", "wx_abc123")),
        ("微信號 abc123", ("WeChat", "abc123")),
        ("微信號abc123", ("WeChat", "abc123")),
        ("微信号：Wx_Abc123", ("WeChat", "Wx_Abc123")),
        ("FB: some.name", ("Facebook", "some.name")),
        ("臉書：Some.Name", ("Facebook", "Some.Name")),
        ("facebook.com/some.name", ("Facebook", "some.name")),
        ("https://www.facebook.com/Some.Name?ref=share", ("Facebook", "Some.Name")),
        ("m.facebook.com/some.name", ("Facebook", "some.name")),
        ("facebook.com/profile.php?id=100012345678901", ("Facebook", "100012345678901")),
        ("@Night_Owl", ("Other", "Night_Owl")),
        ("LINE ID: abc_123。", ("LINE", "abc_123")),
    ],
)
def test_cleaners_handle_parse_recognises_platform_and_handle(raw, expected):
    assert handle.parse(raw) == expected
    assert handle.clean(raw) == expected[1]


@pytest.mark.parametrize(
    "raw",
    [
        "boss@example.com",  # an e-mail, not a handle
        "LINE: boss@example.com",
        "instagram.com/some.name",  # other sites
        "https://example.com/some.name",
        "abc123",  # a bare word: nothing says it is a handle
        "LINEabc123",
        "@",
        "@a",
        "微信: abc",  # too short for WeChat
        "Telegram @1scam",  # Telegram usernames start with a letter
        "t.me/+AbCdEf123",  # invite links, not usernames
        "t.me/joinchat/abcdef",
        "facebook.com/groups/12345",
        "line.me/ti/g/abcdef",
        "FB: t.me/scam_boss88",  # the label and the link disagree
        "LINE ID: abc_123 and more",
    ],
)
def test_cleaners_handle_rejects_emails_urls_and_bare_words(raw):
    assert handle.parse(raw) is None
    assert handle.clean(raw) is None


@pytest.mark.parametrize(
    ("raw", "platform", "expected"),
    [
        ("Scam_Boss88", "Telegram", "scam_boss88"),
        ("@Scam_Boss88", "tg", "scam_boss88"),
        ("@Night_Owl", "LINE", "night_owl"),  # a bare @handle takes the known platform
        ("Abc123", "line", "abc123"),
        ("wx_Abc123", "微信", "wx_Abc123"),
        ("some.name", "FB", "some.name"),
        ("LINE: abc123", "LINE", "abc123"),
        ("abc123", "Instagram", "abc123"),  # unknown platforms are Other
        ("LINE: abc123", "WeChat", None),  # the text names another platform
        ("t.me/scam_boss88", "LINE", None),
        ("@x", "Telegram", None),
        ("boss@example.com", "WeChat", None),
        ("example.com/abc", "Other", None),
        ("abc123", 5, None),  # a non-string platform is no platform
    ],
)
def test_cleaners_handle_clean_with_known_platform(raw, platform, expected):
    assert handle.clean(raw, platform=platform) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("LINE", "LINE"), ("tg", "Telegram"), (" WeChat ", "WeChat"), ("臉書", "Facebook"), ("Instagram", "Other"),
     ("", None), (None, None)],
)
def test_cleaners_handle_platform_names_normalised(name, expected):
    assert handle.platform(name) == expected


# --- flights ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("BR265", "BR265"), ("br 265", "BR265"), ("CI-835", "CI835"), ("ＢＲ２６５", "BR265"), ("BR－265", "BR265"),
     ("12345", None), ("hello", None)],
)
def test_cleaners_flight_uses_values_rules(raw, expected):
    assert flight.clean(raw) == expected


def test_cleaners_flight_reexports_values_functions():
    from graph import values

    assert flight.flight_number is values.flight_number
    assert flight.flight_key is values.flight_key
    assert flight.flight_key("BR 265", "2022-09-01") == "BR265@2022-09-01"


# --- the registry ----------------------------------------------------------------------


def test_cleaners_registry_has_one_cleaner_per_kind():
    assert set(CLEANERS) == {"phone", "email", "passport", "account", "handle", "flight"}
    for kind, module in [("phone", phone), ("email", email), ("passport", passport), ("account", account),
                         ("handle", handle), ("flight", flight)]:
        assert CLEANERS[kind] is module.clean


@pytest.mark.parametrize(
    ("kind", "raw", "hints", "expected"),
    [
        ("phone", "0912-345-678", {"country_hint": "TW"}, "+886912345678"),
        ("email", "Boss.Lin@Example.ORG", {}, "Boss.Lin@example.org"),
        ("passport", "312345678", {"country_hint": "TW"}, "312345678"),
        ("account", "(822) 1234-5678-9012", {}, "822-123456789012"),
        ("handle", "scam_boss88", {"platform": "Telegram"}, "scam_boss88"),
        ("flight", "br 265", {}, "BR265"),
        ("phone", "not a phone", {"country_hint": "TW"}, None),
    ],
)
def test_cleaners_registry_clean_dispatches_by_kind(kind, raw, hints, expected):
    assert cleaners.clean(kind, raw, **hints) == expected


@pytest.mark.parametrize("kind", sorted(CLEANERS))
def test_cleaners_every_cleaner_takes_country_hint(kind):
    parameters = inspect.signature(CLEANERS[kind]).parameters
    assert parameters["country_hint"].kind is inspect.Parameter.KEYWORD_ONLY
    assert CLEANERS[kind]("", country_hint="TW") is None


@pytest.mark.parametrize("kind", ["fax", "Phone", "", None])
def test_cleaners_registry_unknown_kind_raises_naming_it(kind):
    with pytest.raises(ValueError, match=r"unknown identifier kind .*known kinds: account, email, flight, handle"):
        cleaners.clean(kind, "+85512345567")


def test_cleaners_registry_unknown_hint_is_a_programming_error():
    with pytest.raises(TypeError):
        cleaners.clean("phone", "+85512345567", platform="LINE")


@pytest.mark.parametrize("module", [cleaners, phone, email, passport, account, handle, flight])
def test_cleaners_modules_declare_public_names(module):
    assert module.__all__
    assert all(hasattr(module, name) for name in module.__all__)


ACCEPTED = [
    ("phone", "+855 12 345 567", "KH"),
    ("phone", "0912-345-678", "TW"),
    ("email", "Ming.Chen@Example.COM", None),
    ("passport", "ab-123-4567", None),
    ("account", "(822) 1234-5678-9012", None),
    ("account", "0123 4567 8901", None),
    ("flight", "br 265", None),
]


@pytest.mark.parametrize(("kind", "raw", "hint"), ACCEPTED)
def test_cleaners_clean_is_idempotent(kind, raw, hint):
    once = cleaners.clean(kind, raw, country_hint=hint)
    assert once is not None
    assert cleaners.clean(kind, once, country_hint=hint) == once


# --- hostile input ---------------------------------------------------------------------

MEGABYTE = 1_000_000
HOSTILE = [
    None,
    0,
    12345678,
    1.5,
    float("nan"),
    True,
    b"+85512345567",
    bytearray(b"K12345678"),
    ["+85512345567"],
    {"phone": "+85512345567"},
    object(),
    "",
    " ",
    "\n\t",
    "\u3000" * 10,
    "\x00",
    "\x00+855 12 345 567",
    "+855 12 345 567\x1b[0m",
    "K1234\x075678",
    "😀",
    "+855😀12345567",
    "\U0001f4de +855 12 345 567",
    "\ud800",
    "\u0301" * 50,
    "ﷺ" * 100,
    "a" * MEGABYTE,
    "1" * MEGABYTE,
    "+" + "8" * MEGABYTE,
    "LINE: " + "a" * MEGABYTE,
    "BR" + " " * MEGABYTE + "x",
    "a@" + "b." * 500 + "com",
    "t.me/" + "a" * 1000,
    "@" * 1000,
    "(((((",
    "++855",
    "0" * 30,
    "%s%n",
    "'; MATCH (n) DETACH DELETE n; //",
]


@pytest.mark.parametrize("kind", sorted(CLEANERS))
def test_cleaners_never_raise_on_hostile_input(kind):
    started = time.perf_counter()
    for junk in HOSTILE:
        assert cleaners.clean(kind, junk) is None, repr(junk)[:40]
        assert cleaners.clean(kind, junk, country_hint=junk if not isinstance(junk, str) else "TW") is None
    # a megabyte of junk is refused on sight, never scanned by a backtracking pattern
    assert time.perf_counter() - started < 5


def test_cleaners_phone_and_handle_helpers_never_raise_on_hostile_input():
    for junk in HOSTILE:
        assert phone.country(junk) is None
        assert phone.mask(junk) == "***"
        assert handle.parse(junk) is None
        assert handle.clean(junk, platform="LINE") is None
        assert handle.clean("abc123", platform=junk) in (None, "abc123")


def test_cleaners_invisible_format_characters_are_dropped_not_fatal():
    assert phone.clean("\u202a+855 12 345 567\u202c") == "+85512345567"
    assert passport.clean("K1234\u200b5678") == "K12345678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("+95 9 000 417 263", "+959000417263"), ("+855 77 000 5290", "+855770005290")],
)
def test_cleaners_phone_with_country_code_needs_only_a_possible_length(raw, expected):
    # outside the ranges phonenumbers knows, but written with a country code and the right length
    assert phone.clean(raw) == expected

