"""Recruiters: hubs, chains (with the victim who later recruited) and cohorts."""

from __future__ import annotations

from graph.analytics import recruiter_hubs, recruitment_chains, recruitment_cohorts
from tests.analytics.casegraphs import two_rings


def test_recruiter_hubs_rank_by_victims_then_countries_and_flights() -> None:
    table = recruiter_hubs(two_rings())
    first = table.iloc[0]
    assert (first["recruiter"], first["victims"], first["countries"], first["flights"]) == ("person:a1", 2, 1, 1)
    assert first["country_codes"] == ["KH"]
    assert table.iloc[1]["recruiter"] == "person:b1"  # 1 victim, 1 country, 2 flights
    assert "person:a3b" not in set(table["recruiter"])


def test_recruitment_chains_find_the_victim_turned_recruiter() -> None:
    table = recruitment_chains(two_rings())
    row = table[table["recruited"] == "person:vx"].iloc[0]
    assert (row["recruiter"], row["root"], row["depth"]) == ("person:va2", "person:a1", 2)
    assert row["recruiter_was_victim"]
    first_link = table[table["recruited"] == "person:va2"].iloc[0]
    assert (first_link["depth"], first_link["recruited_recruits"]) == (1, 1)
    assert not first_link["recruiter_was_victim"]


def test_recruitment_chains_survive_a_circle_of_recruiters() -> None:
    import networkx as nx

    from tests.analytics.casegraphs import person, rel

    g = nx.MultiDiGraph()
    for p in "abc":
        person(g, f"person:{p}", p)
    rel(g, "person:a", "person:b", "RECRUITED")
    rel(g, "person:b", "person:c", "RECRUITED")
    rel(g, "person:c", "person:a", "RECRUITED")
    table = recruitment_chains(g)
    assert table["depth"].tolist() == [1, 2, 3]
    assert set(table["root"]) == {"person:a"}


def test_recruitment_cohorts_find_recruits_sent_on_one_flight() -> None:
    table = recruitment_cohorts(two_rings())
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["recruiter"], row["flight"], row["recruiter_aboard"]) == ("person:a1", "flight:BR265@2022-09-01", True)
    assert row["victims"] == ["person:va1", "person:va2"]
