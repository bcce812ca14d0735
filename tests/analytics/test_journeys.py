"""Journeys: one victim's itinerary, and routes victims share."""

from __future__ import annotations

from graph.analytics import common_routes, journey
from tests.analytics.casegraphs import flight, rel, two_rings


def test_journey_lists_flights_exploitation_rescue_and_repatriation_in_date_order() -> None:
    table = journey(two_rings(), "person:va1")
    assert table["kind"].tolist() == ["flight", "exploitation", "rescue", "repatriation"]
    assert table["date"].tolist() == ["2022-09-01", "2022-09-05", "2023-01-10", "2023-01-20"]
    assert table["place"].tolist()[:2] == ["TPE→PNH", "Sihanoukville, KH"]
    assert table["step"].tolist() == [1, 2, 3, 4]


def test_journey_of_a_merged_id_is_the_canonical_persons() -> None:
    g = two_rings()
    rel(g, "person:a3b", flight(g, "BR211", "2022-08-01", "TPE", "PNH"), "TRAVELED_ON")
    table = journey(g, "person:a3b")
    assert table[["person", "detail"]].values.tolist() == [["person:a3", "BR211@2022-08-01"]]


def test_common_routes_find_the_route_two_victims_shared() -> None:
    table = common_routes(two_rings())
    assert table["route"].tolist() == ["TPE→PNH"]
    row = table.iloc[0]
    assert (row["victims"], row["people"]) == (2, ["person:va1", "person:va2"])
    assert row["destinations"] == ["Sihanoukville, KH"]
