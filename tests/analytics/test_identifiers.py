"""Shared identifiers: the ring phone, counted over resolved people."""

from __future__ import annotations

from graph.analytics import shared_identifiers
from tests.analytics.casegraphs import two_rings


def test_shared_identifiers_find_the_ring_phone() -> None:
    table = shared_identifiers(two_rings()).set_index("identifier")
    row = table.loc["ident:phonea"]
    assert (row["kind"], row["value"]) == ("phone", "+886912000111")
    assert row["people"] == ["person:a1", "person:a2", "person:a3"]  # a3b is a3: counted once
    assert row["cases"] == ["case:A"]


def test_shared_identifiers_do_not_count_a_merged_person_twice() -> None:
    # a3 and a3b (the same person) are the only holders of this phone
    assert "ident:phonea3" not in set(shared_identifiers(two_rings())["identifier"])


def test_shared_identifiers_link_people_across_cases() -> None:
    row = shared_identifiers(two_rings()).set_index("identifier").loc["ident:handle"]
    assert row["people"] == ["person:a2", "person:b2", "person:k"]
    assert row["cases"] == ["case:A", "case:B"]


def test_shared_identifiers_keep_only_the_kinds_asked_for() -> None:
    table = shared_identifiers(two_rings(), kinds=("account",))
    assert table["identifier"].tolist() == ["ident:accta", "ident:acctb"]
    assert set(table["kind"]) == {"account"}
