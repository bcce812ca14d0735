"""Test fixtures: a private graph server per test session, or any server named by NEO4J_URI.

Without NEO4J_URI, the session gets its own TIPGRAPH_HOME and local server (started through
``graph.localserver``, as users do) and removes both at the end. With NEO4J_URI (``make
test-neo4j``), the suite refuses a database that already holds nodes unless
TIPGRAPH_TEST_RESETDB=1: a real case database must never be wiped by a test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import localserver, schema
from graph.settings import Settings, load_settings
from graph.store import Store, open_store

WIPE = "MATCH (n) DETACH DELETE n"
COUNT_ALL = "MATCH (n) RETURN count(n) AS n"


@pytest.fixture(scope="session")
def server_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings pointing at the graph server this test session may use and wipe."""
    if os.environ.get("NEO4J_URI"):
        settings = load_settings()
        with open_store(settings, start_local=False) as store:
            held = store.read(COUNT_ALL)[0]["n"]
        if held and os.environ.get("TIPGRAPH_TEST_RESETDB") != "1":
            pytest.exit(
                f"{settings.neo4j_uri} database {settings.database} holds {held} nodes; the tests wipe it. "
                "Point NEO4J_URI at an empty test database or set TIPGRAPH_TEST_RESETDB=1.",
                returncode=2,
            )
        yield settings
        return
    home = tmp_path_factory.mktemp("tipgraph-home")
    settings = load_settings({"TIPGRAPH_HOME": str(home), "TIPGRAPH_SERVER_HEAP": "1g"})
    localserver.start(settings)
    try:
        yield settings
    finally:
        localserver.stop(settings)


@pytest.fixture
def server_env(server_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The environment the CLI needs to find the session's server."""
    monkeypatch.setenv("TIPGRAPH_HOME", str(server_settings.home))
    if not server_settings.uses_local_server:
        monkeypatch.setenv("NEO4J_URI", server_settings.neo4j_uri or "")
    return server_settings


@pytest.fixture
def store(server_settings: Settings) -> Iterator[Store]:
    """An empty database with the schema in place."""
    with open_store(server_settings, start_local=False, user="test") as s:
        s.write(WIPE)
        schema.init_schema(s)
        yield s


@pytest.fixture
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus (seed 2022), generated once per test session, with its truth.json."""
    from ingest.demo import generate

    folder = tmp_path_factory.mktemp("demo")
    generate(folder, seed=2022)
    return folder


def demo_corpus(folder: Path) -> list[Path]:
    """The folders of a generated demo corpus that `tipgraph demo` ingests."""
    return [folder / name for name in ("cases", "rescues", "registers", "bad")]


@pytest.fixture(scope="module")
def demo_graph(server_settings: Settings, demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo corpus ingested and resolved into an emptied database, once per test module.

    Tests that use it only read; a module that writes must reload through its own fixture."""
    from ingest.pipeline import ingest
    from ingest.resolve import resolve

    home = tmp_path_factory.mktemp("demo-home")
    with open_store(server_settings, start_local=False, user="test") as s:
        s.write(WIPE)
        schema.init_schema(s)
        ingest(s, demo_corpus(demo_dir), home=home, workers=2)
        resolve(s)
        yield s
