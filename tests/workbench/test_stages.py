"""Repatriation stages: the current stage from recorded moves or register dates, overdue limits."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.stages import DEFAULT_THRESHOLDS, check_stage, current_stage, days_in_stage, thresholds


def test_stages_a_recorded_move_wins_over_the_register_dates() -> None:
    record = {"stage": "returned", "returned_on": "2022-03-03",
              "moves": [{"stage": "identified", "date": "2022-03-05"}, {"stage": "sheltered", "date": "2022-03-09"}]}
    assert current_stage(record) == ("sheltered", "2022-03-09")


@pytest.mark.parametrize(("record", "expected"), [
    ({"stage": "located", "reported_on": "2022-01-01", "located_on": "2022-01-20"}, ("located", "2022-01-20")),
    ({"rescued_on": "2022-02-21", "reported_on": "2022-01-17"}, ("rescued", "2022-02-21")),
    ({"stage": "reported_missing"}, ("reported_missing", None)),
])
def test_stages_without_moves_come_from_the_register(record, expected) -> None:
    assert current_stage(record) == expected


def test_stages_unknown_names_are_refused_with_the_list() -> None:
    with pytest.raises(ValueError, match="reported_missing, located"):
        check_stage("lost")


def test_stages_days_in_stage_and_unknown_dates() -> None:
    assert days_in_stage("2022-03-01", date(2022, 3, 11)) == 10
    assert days_in_stage(None, date(2022, 3, 11)) is None and days_in_stage("03/01", date(2022, 3, 11)) is None


def test_stages_thresholds_can_be_set_and_bad_settings_say_how() -> None:
    assert thresholds({"TIPGRAPH_STAGE_DAYS": '{"located": 3}'}) == {**DEFAULT_THRESHOLDS, "located": 3}
    for bad, words in (("{", "not JSON"), ('["located"]', "JSON object"), ('{"located": -1}', "whole number"),
                       ('{"lost": 3}', "not one of")):
        with pytest.raises(ValueError, match=words):
            thresholds({"TIPGRAPH_STAGE_DAYS": bad})
