"""The bundled local server, driven as users drive it: the real `tipgraph` command in a fresh home."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from graph import localserver
from graph.settings import load_settings

pytestmark = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="tests the bundled local server")


def tipgraph(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(TIPGRAPH_HOME=str(home), TIPGRAPH_SERVER_HEAP="1g")
    return subprocess.run([sys.executable, "-m", "tipgraph", *args], env=env, capture_output=True, text=True, timeout=300)


# 127.0.0.1 as /proc/net/tcp writes it, and as /proc/net/tcp6 writes ::ffff:127.0.0.1 and ::1
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


def test_localserver_lifecycle_through_the_cli(tmp_path):
    home = tmp_path / "home"
    started = tipgraph(home, "db", "start", "--json")
    assert started.returncode == 0, started.stderr
    state = json.loads(started.stdout)
    assert state["state"] == "running" and state["bolt_uri"].startswith("bolt://127.0.0.1:")
    try:
        password_file = home / "server" / "password"
        assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
        password = password_file.read_text().strip()
        assert len(password) >= 32
        port = int(state["bolt_uri"].rsplit(":", 1)[1])
        addresses = listening_addresses(port)
        assert addresses and addresses <= LOOPBACK, addresses

        again = tipgraph(home, "db", "start", "--json")
        assert json.loads(again.stdout)["pid"] == state["pid"]

        wrote = tipgraph(home, "query", "--write", "--json", "CREATE (p:Person {id: 'person:t1', name: 'x'}) RETURN p.id AS id")
        assert wrote.returncode == 0, wrote.stderr
        counted = tipgraph(home, "query", "--json", "MATCH (n) RETURN count(n) AS n")
        assert json.loads(counted.stdout) == {"n": 1}

        status = tipgraph(home, "db", "status", "--json")
        assert password not in status.stdout + status.stderr
        body = json.loads(status.stdout)
        assert body["state"] == "running" and body["nodes"] == 1 and body["database"] == "tipgraph"

        stopped = tipgraph(home, "db", "stop")
        assert stopped.returncode == 0 and "stopped" in stopped.stdout
        assert json.loads(tipgraph(home, "db", "status", "--json").stdout)["state"] == "stopped"

        # stop loses nothing: the row written before is there after a new start
        tipgraph(home, "db", "start")
        assert json.loads(tipgraph(home, "query", "--json", "MATCH (p:Person) RETURN p.id AS id").stdout) == {"id": "person:t1"}
    finally:
        tipgraph(home, "db", "stop")
    assert not (home / "server" / "state.json").exists()


def test_localserver_stale_state_file_is_cleaned_up(tmp_path):
    settings = load_settings({"TIPGRAPH_HOME": str(tmp_path)})
    server_dir = localserver.server_dir(settings)
    server_dir.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (server_dir / "state.json").write_text(json.dumps(
        {"pid": dead.pid, "bolt_port": 1, "http_port": 2, "database": "tipgraph", "started_at": 0}))
    assert localserver.current(settings) is None
    assert not (server_dir / "state.json").exists()
    (server_dir / "state.json").write_text("{torn")
    assert localserver.current(settings) is None


def test_localserver_failed_start_reports_the_log(tmp_path, monkeypatch):
    settings = load_settings({"TIPGRAPH_HOME": str(tmp_path), "TIPGRAPH_SERVER_HEAP": "not-a-size",
                              "TIPGRAPH_SERVER_START_TIMEOUT": "60"})
    with pytest.raises(localserver.ServerError, match="exited with status"):
        localserver.start(settings)
    assert localserver.current(settings) is None


def test_localserver_no_server_means_clear_message(tmp_path):
    settings = load_settings({"TIPGRAPH_HOME": str(tmp_path)})
    with pytest.raises(localserver.ServerError, match="tipgraph db start"):
        localserver.require_running(settings)
