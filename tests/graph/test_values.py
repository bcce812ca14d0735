from datetime import date

import pytest

from graph import values


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2022-09-01", "2022-09-01"), ("2022-9-5", "2022-09-05"), ("2022-12", "2022-12"), ("2022", "2022"),
     (date(2022, 3, 4), "2022-03-04"), ("2022-02-30", None), ("2022-13", None), ("111-03-04", None), ("", None), (None, None)],
)
def test_iso_date_accepts_real_dates_only(raw, expected):
    assert values.iso_date(raw) == expected


def test_country_accepts_assigned_alpha2_codes_only():
    assert values.country(" kh ") == "KH"
    assert values.country("TW") == "TW"
    assert values.country("XX") is None
    assert values.country("KHM") is None


@pytest.mark.parametrize(("raw", "expected"), [("BR265", "BR265"), ("br 265", "BR265"), ("CI-835", "CI835"), ("CI0835", "CI835"), ("5J 241", "5J241"), ("12345", None), ("hello", None)])
def test_flight_number_forms(raw, expected):
    assert values.flight_number(raw) == expected


def test_flight_key_is_number_at_day():
    assert values.flight_key("BR 265", "2022-09-01") == "BR265@2022-09-01"
    assert values.flight_key("BR265", "2022-09") is None


def test_iata_needs_three_letters():
    assert values.iata("pnh") == "PNH"
    assert values.iata("PN1") is None
