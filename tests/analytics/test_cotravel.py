"""Co-travel: groups on one flight, or one route within a few days, with a victim or recruiter."""

from __future__ import annotations

from graph.analytics import co_travel
from tests.analytics.casegraphs import two_rings


def test_co_travel_finds_the_flight_with_a_victim_and_their_recruiter() -> None:
    table = co_travel(two_rings())
    assert table["flight"].tolist() == ["flight:BR265@2022-09-01"]
    row = table.iloc[0]
    assert row["people"] == ["person:a1", "person:va1", "person:va2"]
    assert row["victims"] == ["person:va1", "person:va2"]
    assert "person:a1" in row["recruiters"]
    assert (row["date"], row["route"]) == ("2022-09-01", "TPE→PNH")


def test_co_travel_leaves_out_groups_without_a_victim_or_recruiter() -> None:
    assert "flight:JX711@2022-11-11" not in set(co_travel(two_rings(), days=3)["flight"])


def test_co_travel_groups_the_same_route_within_days() -> None:
    assert not co_travel(two_rings(), days=0)["flight"].str.contains("CI751").any()
    table = co_travel(two_rings(), days=1)
    row = table[table["flight"].str.contains("CI751")].iloc[0]
    assert row["people"] == ["person:b1", "person:vb1"]
    assert (row["date"], row["route"]) == ("2022-10-01..2022-10-02", "TPE→BKK")
