"""A frozen run (`as_of`): figures for a cut-off stay the same after later ingests, and records
with no provenance document are counted only when no cut-off is given."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.pipeline import ingest
from playbooks.indicators import compute_indicators, cutoff
from tests.support.waiting import wait_until
from tipgraph.cli import app

pytestmark = pytest.mark.server

LATEST_INGEST = "MATCH (d:Document) RETURN max(d.ingested_at) AS t"
HAND_WRITTEN_SERVICE = ("CREATE (:Service {id: 'service:by-hand', kind: 'interpretation', date: '2022-06-01', "
                        "provider: 'desk'})")
LATER_SERVICES = """被害人,服務類別,日期,提供單位
Late Arrival One,interpretation,111/11/02,通譯協會
Late Arrival Two,interpretation,111/11/03,通譯協會
Late Arrival Two,emergency_card,111/11/03,外交部
"""


def _figures(store, **kw) -> dict[str, int]:
    return {v.definition.id: v.value for v in compute_indicators(store, 2022, previous=False, **kw)}


def _registers(demo_dir: Path) -> list[Path]:
    folder = demo_dir / "registers"
    return [folder / "services_2022.csv", folder / "activities_2022.csv", folder / "rescue_2022.csv"]


def test_indicators_as_of_a_cut_off_do_not_change_after_later_ingests(store, demo_dir, tmp_path):
    ingest(store, _registers(demo_dir), home=tmp_path, workers=1)
    as_of = store.read(LATEST_INGEST)[0]["t"]
    frozen = _figures(store, as_of=as_of)
    assert frozen["interpretation_person_times"] == 124 and frozen["emergency_cards"] == 1064
    # later ingests carry a later second, so wait for the clock to pass the cut-off
    assert wait_until(lambda: cutoff(datetime.now(timezone.utc)) > cutoff(as_of), timeout=5, interval=0.05)
    later = tmp_path / "services_late.csv"
    later.write_text(LATER_SERVICES, encoding="utf-8")
    summary = ingest(store, [later], home=tmp_path, workers=1)
    assert summary.registers == 1
    now = _figures(store)
    assert (now["interpretation_person_times"], now["emergency_cards"]) == (126, 1065)
    assert _figures(store, as_of=as_of) == frozen


def test_indicators_as_of_leave_out_records_without_a_provenance_document(store, demo_dir, tmp_path):
    ingest(store, _registers(demo_dir)[:1], home=tmp_path, workers=1)
    store.write(HAND_WRITTEN_SERVICE)
    assert _figures(store)["interpretation_person_times"] == 125
    assert _figures(store, as_of="2999-12-31")["interpretation_person_times"] == 124


def test_indicators_as_of_a_day_before_any_ingest_count_nothing(store, demo_dir, tmp_path, server_env):
    ingest(store, _registers(demo_dir)[:1], home=tmp_path, workers=1)
    assert set(_figures(store, as_of="2000-01-01").values()) == {0}
    result = CliRunner().invoke(app, ["indicators", "--year", "2022", "--json", "--as-of", "2000-01-01"])
    assert result.exit_code == 0, result.output
    assert '"value": 124' not in result.stdout
