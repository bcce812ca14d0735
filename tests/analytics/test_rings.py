"""Rings: communities ranked by suspects, victims, identifiers and evidence, with a reason."""

from __future__ import annotations

import pandas as pd

from graph.analytics import rings
from tests.analytics.casegraphs import two_rings


def test_rings_rank_the_two_recruiter_rings_first() -> None:
    table = rings(two_rings())
    top = table.iloc[0]
    assert top["rank"] == 1
    assert {"person:a1", "person:a2", "person:a3", "person:va1", "person:va2", "person:vx"} == set(top["members"])
    assert (top["suspects"], top["victims"], top["identifiers"]) == (4, 3, 2)
    second = table.iloc[1]
    assert {"person:b1", "person:b2", "person:b3", "person:vb1", "person:vb2"} <= set(second["members"])
    assert not any("person:t1" in m for m in table["members"])  # two travellers, no suspect: not a ring


def test_rings_give_a_one_line_reason() -> None:
    reason = rings(two_rings()).iloc[0]["reason"]
    assert reason.startswith("4 suspects and 3 victims sharing 2 identifiers (account, phone);")
    assert "\n" not in reason


def test_rings_leave_out_people_with_no_ties() -> None:
    members = {p for m in rings(two_rings())["members"] for p in m}
    assert "person:b3x" not in members


def test_rings_are_identical_for_the_same_seed() -> None:
    pd.testing.assert_frame_equal(rings(two_rings(), seed=9), rings(two_rings(), seed=9))


def test_rings_leave_out_communities_without_a_suspect() -> None:
    g = two_rings()
    for p in ("person:w1", "person:w2"):
        g.add_node(p, label="Person", name=p)
        g.add_edge(p, "case:witnesses", type="VICTIM_IN")
    g.add_node("case:witnesses", label="Case", number="W-1")
    table = rings(g)
    assert not any("person:w1" in m for m in table["members"])
    assert (table["suspects"] > 0).all()
