"""Identifiers in running text and in pasted tables: what is taken, its label and normal form."""

import pytest

from nlp.found import resolve_overlaps
from nlp.identifiers import find_identifiers
from nlp.tables import table_cells
from nlp.text import fold


def found(text):
    return [(text[f.start : f.end], f.label, f.norm) for f in resolve_overlaps(find_identifiers(text, fold(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("洪雅惠的 LINE 是 yahui_0707，", [("yahui_0707", "HANDLE", "yahui_0707")]),
        ("阿傑的臉書帳號是 jay.ph.work，現在", [("jay.ph.work", "HANDLE", "jay.ph.work")]),
        ("who used the Telegram handle rk_dubaijobs. On", [("rk_dubaijobs", "HANDLE", "rk_dubaijobs")]),
        ("who contacted him on WeChat as lhr_kh88 and", [("lhr_kh88", "HANDLE", "lhr_kh88")]),
        ("Telegram 帳號 t.me/dxb_payroll 向家屬", [("dxb_payroll", "HANDLE", "dxb_payroll")]),
        ("柏宇用 Telegram 傳訊息給我，他的帳號是 bo_yu_0314，說", [("bo_yu_0314", "HANDLE", "bo_yu_0314")]),
        ("his passport, 313478205, was kept", [("313478205", "PASSPORT", "313478205")]),
        ("Rodel's passport, number P4418207B, was", [("P4418207B", "PASSPORT", "P4418207B")]),
    ],
)
def test_identifiers_in_running_text(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["through a Telegram channel that", "a LINE group of 40 people", "recruited in Facebook groups"],
)
def test_identifiers_platform_words_followed_by_plain_words_are_not_handles(text):
    assert found(text) == []


def test_identifiers_table_columns_say_what_a_cell_holds():
    text = ("姓名\t護照號碼\t電話\tLINE ID\t帳戶\n"
            "林○明\t309876512\t0918-204-375\tjm_easywork\t808-0025-1234567\n")
    assert found(text) == [
        ("309876512", "PASSPORT", "309876512"),
        ("0918-204-375", "PHONE", "+886918204375"),
        ("jm_easywork", "HANDLE", "jm_easywork"),
        ("808-0025-1234567", "ACCOUNT", "808-00251234567"),
    ]


def test_identifiers_pipe_tables_too():
    text = "Name | Passport | Flight home\nHSIEH YU-TING | 300911204 | BR 266\n"
    assert found(text) == [("300911204", "PASSPORT", "300911204")]


def test_tables_cells_carry_their_header_and_offsets():
    text = "intro\nA\tB\n1\t two \n"
    [first, second] = table_cells(text)
    assert (first.text, first.header, second.text, second.header) == ("1", "A", "two", "B")
    assert text[second.start : second.end] == "two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我們繳仲介費是匯到他們公司的戶頭 013-001-2558760-3，收據", [("013-001-2558760-3", "ACCOUNT")]),
        ("sent to a GCash wallet, 0966 418 2275, registered", [("0966 418 2275", "ACCOUNT")]),
        ("在 Telegram 群組「tw_passport_buy」以每本新臺幣", [("tw_passport_buy", "HANDLE")]),
        ("used the TikTok handle @lina.jobs.kh, met her", [("lina.jobs.kh", "HANDLE")]),
        ("Zalo 帳號 hung.nguyen.tuyendung。", [("hung.nguyen.tuyendung", "HANDLE")]),
        ("his LINE ID was hcw_model_agency and", [("hcw_model_agency", "HANDLE")]),
    ],
)
def test_identifiers_accounts_and_handles_in_more_phrasings(text, expected):
    assert [(t, label) for t, label, _ in found(text)] == expected


@pytest.mark.parametrize("text", ["a Facebook friend told him", "a WeChat video call", "Telegram and LINE groups"])
def test_identifiers_plain_words_after_a_platform_are_not_handles(text):
    assert [f for f in found(text) if f[1] == "HANDLE"] == []


@pytest.mark.parametrize(
    "text",
    ["二人護照號碼分別為 300245781、300377902 及 300491126。", "Their passports are 300245781, 300377902 and 300491126."],
)
def test_identifiers_a_list_of_passports_after_one_cue(text):
    assert [(t, label) for t, label, _ in found(text)] == [
        ("300245781", "PASSPORT"), ("300377902", "PASSPORT"), ("300491126", "PASSPORT")]


@pytest.mark.parametrize(
    ("text", "platform", "name"),
    [
        ("使用微信（WeChat）帳號 money_lucky702 聯繫", "WeChat", "money_lucky702"),
        ("以 LINE ID：lucky_easy453 與被害人聯繫", "LINE", "lucky_easy453"),
        ("微信帳號：kh_boss_88，", "WeChat", "kh_boss_88"),
    ],
)
def test_identifiers_a_platform_glossed_or_followed_by_id_is_the_platform_not_a_handle(text, platform, name):
    handles = [f for f in resolve_overlaps(find_identifiers(text, fold(text))) if f.label == "HANDLE"]
    assert [(f.norm, f.attrs["platform"]) for f in handles] == [(name, platform)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("我妹妹的護照號碼我們有拍照，是 359027716。", "359027716"),
        ("Passport no. of Ms Lin: 363302117 (reported lost).", "363302117"),
        ("| No. | Name | Passport / travel doc |\n| 1 | CHANG YU-CHEN | TD-2209-0147 |\n", "TD-2209-0147"),
    ],
)
def test_identifiers_passport_a_few_words_after_its_cue_or_a_travel_document(text, number):
    assert [t for t, label, _ in found(text) if label == "PASSPORT"] == [number]
