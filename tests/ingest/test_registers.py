"""Tests for ingest.registers: headers mapped onto each kind's schema, clean rows with their source lines."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest

from ingest.documents import Unreadable
from ingest.registers import SCHEMAS, clean_value, detect_kind, normalize_header, read_register


def write_csv(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "data"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


RESCUE_CSV = (
    "姓名,護照號碼,性別,出生年,剝削國家,剝削地點,通報日期,尋獲日期,救援日期,返國日期,駐外館處,返國班機\n"
    "陳○明, 312345678 ,男,１９９８,柬埔寨,西哈努克,111/08/01,111/08/20,111/08/22,111/09/05,駐泰國代表處,BR 265\n"
    ",,,,,,,,,,,\n"
    "林○華,,女,2001,緬甸,妙瓦底,111/09/10,,,,,\n"
)


def test_read_register_detects_rescue_from_chinese_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "rescue.csv", RESCUE_CSV)
    reg = read_register(path)
    assert reg.kind == "rescue"
    assert reg.headers["姓名"] == "victim" and reg.headers["剝削地點"] == "place"
    assert set(reg.headers.values()) == {c.name for c in SCHEMAS["rescue"].columns}
    assert reg.id == "doc:" + hashlib.sha256(path.read_bytes()).hexdigest()
    assert reg.warnings == ()


def test_read_register_cleans_values_and_skips_empty_rows_keeping_source_lines(tmp_path: Path) -> None:
    reg = read_register(write_csv(tmp_path, "rescue.csv", RESCUE_CSV), "rescue")
    assert [r.line for r in reg.rows] == [2, 4]
    first = reg.rows[0]
    assert first["victim"] == "陳○明"
    assert first["passport"] == "312345678"
    assert first["birth_year"] == "1998"
    assert first["return_flight"] == "BR 265"
    assert reg.rows[1]["returned"] == ""


def test_read_register_matches_english_aliases_after_normalising_headers(tmp_path: Path) -> None:
    text = "\ufeff Name ,ＰＡＳＳＰＯＲＴ　ＮＯ,Year of Birth,GENDER,Country\nCHEN WEI TING,312345678,1998,M,KH\n"
    reg = read_register(write_csv(tmp_path, "en.csv", text))
    assert reg.kind == "rescue"
    assert reg.rows[0].values == {
        "victim": "CHEN WEI TING", "passport": "312345678", "birth_year": "1998", "sex": "M", "country": "KH",
    }
    assert reg.encoding == "utf-8-sig"


def test_read_register_big5_manifest_is_detected(tmp_path: Path) -> None:
    text = "旅客姓名,護照號碼,班機,出發日期,出發地,目的地\n王○強,398765432,CI-835,２０２２-09-05,PNH,TPE\n"
    reg = read_register(write_csv(tmp_path, "manifest.csv", text, "big5"))
    assert reg.kind == "manifest"
    assert reg.encoding == "big5"
    assert reg.rows[0].values == {
        "passenger": "王○強", "passport": "398765432", "flight": "CI-835", "date": "2022-09-05",
        "origin": "PNH", "destination": "TPE",
    }


def test_read_register_xlsx_services_with_anonymous_codes_and_dates(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, "services.xlsx", [
        ["被害人", "服務類別", "日期", "提供單位"],
        ["V-0001", "通譯", dt.date(2022, 3, 4), "移民署"],
        [None, None, None, None],
        ["V-0002", "陪同偵訊", "111/03/05", None],
    ])
    reg = read_register(path)
    assert reg.kind == "services"
    assert [(r.line, r["victim"], r["kind"], r["date"], r["provider"]) for r in reg.rows] == [
        (2, "V-0001", "通譯", "2022-03-04", "移民署"),
        (4, "V-0002", "陪同偵訊", "111/03/05", ""),
    ]


def test_read_register_finds_header_below_a_title_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, "activities.xlsx", [
        ["111 年度防制人口販運活動一覽"],
        [],
        ["活動類別", "日期", "名稱", "人數", "合作單位"],
        ["訓練", "111/05/10", "查緝實務研習", 111, "移民署"],
    ])
    reg = read_register(path)
    assert reg.kind == "activities"
    assert reg.rows[0].line == 4
    assert reg.rows[0].values["participants"] == "111"


def test_read_register_keeps_unknown_column_under_extra_with_warning(tmp_path: Path) -> None:
    text = "活動類別,日期,備註\n工作坊,2022-11-01,約 300 人\n"
    reg = read_register(write_csv(tmp_path, "act.csv", text), "activities")
    assert reg.rows[0].extra == {"備註": "約 300 人"}
    assert "備註" not in reg.rows[0].values
    assert len(reg.warnings) == 1 and "備註" in reg.warnings[0] and "extra" in reg.warnings[0]


def test_read_register_missing_required_column_names_it_and_lists_aliases(tmp_path: Path) -> None:
    text = "旅客姓名,日期\n王○強,2022-09-05\n"
    with pytest.raises(Unreadable) as info:
        read_register(write_csv(tmp_path, "flights.csv", text), "manifest")
    err = info.value
    assert err.reason == "bad_register"
    message = str(err)
    assert "flights.csv" in message
    assert "lacks the required column flight" in message
    assert "flight* (班機, flight)" in message
    assert "passenger* (旅客姓名, passenger, name)" in message


def test_read_register_without_kind_and_no_fitting_headers_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Unreadable) as info:
        read_register(write_csv(tmp_path, "other.csv", "a,b\n1,2\n"))
    assert info.value.reason == "bad_register"
    assert "rescue lacks victim" in str(info.value) and "manifest lacks passenger, flight, date" in str(info.value)


def test_read_register_rejects_unknown_kind_argument(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="kind='arrests'"):
        read_register(write_csv(tmp_path, "r.csv", RESCUE_CSV), "arrests")


def test_read_register_line_numbers_count_multiline_csv_fields(tmp_path: Path) -> None:
    text = 'victim,place\n"陳○明","西哈努克\n某園區"\n林○華,巴域\n'
    reg = read_register(write_csv(tmp_path, "multi.csv", text))
    assert [(r.line, r["place"]) for r in reg.rows] == [(2, "西哈努克\n某園區"), (4, "巴域")]


def test_read_register_refuses_a_text_file(tmp_path: Path) -> None:
    with pytest.raises(Unreadable) as info:
        read_register(write_csv(tmp_path, "rescue.txt", RESCUE_CSV))
    assert info.value.reason == "unsupported"


def test_read_register_refuses_an_empty_csv(tmp_path: Path) -> None:
    with pytest.raises(Unreadable) as info:
        read_register(write_csv(tmp_path, "empty.csv", ",,\n,,\n"))
    assert info.value.reason == "empty"


def test_normalize_header_folds_width_case_and_spaces() -> None:
    assert normalize_header("ｙｅａｒ＿ｏｆ＿ｂｉｒｔｈ") == normalize_header("Year Of Birth") == "yearofbirth"
    assert normalize_header(" 護照 號碼 ") == "護照號碼"


def test_clean_value_turns_full_width_digits_half_width() -> None:
    assert clean_value("　１１１年３月４日 ") == "111年3月4日"


def test_detect_kind_prefers_the_kind_with_most_matched_columns() -> None:
    assert detect_kind(["name", "kind", "date"]) == "services"
    assert detect_kind(["kind", "date", "title"]) == "activities"
    assert detect_kind(["name", "flight", "date"]) == "manifest"
    assert detect_kind(["name"]) == "rescue"
    assert detect_kind(["flight"]) is None
