"""Start, stop and inspect the bundled local graph server (``tipgraph db start|stop|status``).

The server runs as its own process (``graph.serverproc``), detached from the command that
started it, bound to 127.0.0.1 on free ports. Its state lives in ``TIPGRAPH_HOME/server/``:

* ``password``: a strong random password made at first start, mode 0600;
* ``state.json``: pid, ports and database of the running server;
* ``databases/``: the data; ``server.log``: what the server said.

Ready means the Bolt port answers a query on the database: no fixed sleeps. A state file
whose process is gone (or is not our server) is stale and is cleaned up.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from graph.errors import ServerError
from graph.settings import Settings

__all__ = [
    "ServerState",
    "ROOT_USER",
    "start",
    "stop",
    "current",
    "ensure_running",
    "require_running",
    "read_password",
    "server_dir",
]

ROOT_USER = "root"
_PROC_MODULE = "graph.serverproc"


@dataclass(frozen=True)
class ServerState:
    """What ``state.json`` records about a running local server."""

    pid: int
    bolt_port: int
    http_port: int
    database: str
    started_at: float

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def server_dir(settings: Settings) -> Path:
    return settings.home / "server"


def _state_path(settings: Settings) -> Path:
    return server_dir(settings) / "state.json"


def _password_path(settings: Settings) -> Path:
    return server_dir(settings) / "password"


def _log_path(settings: Settings) -> Path:
    return server_dir(settings) / "server.log"


def read_password(settings: Settings) -> str:
    """The local server's root password (made at first start)."""
    try:
        return _password_path(settings).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise ServerError(
            f"no password file in {server_dir(settings)}: the local server was never started; "
            "run `tipgraph db start`"
        ) from None


def _ensure_password(settings: Settings) -> None:
    path = _password_path(settings)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
        return
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(secrets.token_urlsafe(32) + "\n")


@contextlib.contextmanager
def _lock(settings: Settings) -> Iterator[None]:
    """One start or stop at a time per TIPGRAPH_HOME, across processes."""
    directory = server_dir(settings)
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    with open(directory / "lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for servers we start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _can_bind(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no obstacle
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _ports(settings: Settings) -> tuple[int, int]:
    """Bolt and HTTP ports: the last ones used when both are free (a restarted server keeps
    its address, so a running ingest or workbench reconnects), else new free ones."""
    try:
        last = json.loads((server_dir(settings) / "ports.json").read_text(encoding="utf-8"))
        bolt, http = int(last["bolt"]), int(last["http"])
        if bolt != http and _can_bind(bolt) and _can_bind(http):
            return bolt, http
    except (OSError, ValueError, KeyError, TypeError):
        pass
    bolt_port, http_port = free_port(), free_port()
    while http_port == bolt_port:
        http_port = free_port()
    return bolt_port, http_port


def _port_answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _is_our_process(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return _PROC_MODULE.encode() in cmdline


def _read_state(settings: Settings) -> ServerState | None:
    try:
        data = json.loads(_state_path(settings).read_text(encoding="utf-8"))
        return ServerState(**data)
    except FileNotFoundError:
        return None
    except (ValueError, TypeError):
        return None  # a torn or foreign file: treated as stale


def _write_state(settings: Settings, state: ServerState) -> None:
    path = _state_path(settings)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
    os.replace(tmp, path)


def current(settings: Settings) -> ServerState | None:
    """The running server, or None. A stale state file (dead or foreign pid) is removed."""
    state = _read_state(settings)
    if state is None:
        if _state_path(settings).exists():
            _state_path(settings).unlink(missing_ok=True)
        return None
    if _is_our_process(state.pid):
        return state  # answering, or still starting: ours either way
    _state_path(settings).unlink(missing_ok=True)
    return None


def _log_tail(settings: Settings, lines: int = 15) -> str:
    try:
        text = _log_path(settings).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _wait_ready(settings: Settings, state: ServerState, proc: subprocess.Popen[bytes]) -> None:
    from graph.store import Connection, Store  # driver import only when waiting

    deadline = time.monotonic() + settings.server_start_timeout_s
    conn = Connection(state.bolt_uri, ROOT_USER, read_password(settings), state.database)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(
                f"the local graph server exited with status {proc.returncode} while starting; "
                f"its log ({_log_path(settings)}) ends with:\n{_log_tail(settings)}"
            )
        if _port_answers(state.bolt_port):
            store = Store(conn, timeout_s=10.0, user="db-start")
            try:
                store.ping()
                return
            except Exception:  # the database may not exist for a moment after the port opens
                pass
            finally:
                store.close()
        time.sleep(0.1)
    raise ServerError(
        f"the local graph server did not answer within {settings.server_start_timeout_s:.0f} s "
        f"(TIPGRAPH_SERVER_START_TIMEOUT); its log ({_log_path(settings)}) ends with:\n{_log_tail(settings)}"
    )


def start(settings: Settings) -> ServerState:
    """Start the local server unless one runs; return its state once it answers queries."""
    with _lock(settings):
        running = current(settings)
        if running is not None:
            return running
        _ensure_password(settings)
        root = server_dir(settings) / "databases"
        root.mkdir(parents=True, exist_ok=True)
        bolt_port, http_port = _ports(settings)
        (server_dir(settings) / "ports.json").write_text(json.dumps({"bolt": bolt_port, "http": http_port}),
                                                         encoding="utf-8")
        cmd = [
            sys.executable, "-m", _PROC_MODULE,
            "--root", str(root),
            "--password-file", str(_password_path(settings)),
            "--database", settings.database,
            "--bolt-port", str(bolt_port),
            "--http-port", str(http_port),
            "--heap", settings.server_heap,
        ]
        project_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (project_root, env.get("PYTHONPATH", "")) if p)
        with open(_log_path(settings), "ab") as logf:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=logf, stderr=subprocess.STDOUT,
                cwd=server_dir(settings), env=env, start_new_session=True,
            )
        state = ServerState(proc.pid, bolt_port, http_port, settings.database, time.time())
        _write_state(settings, state)
        try:
            _wait_ready(settings, state, proc)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(30)
            _state_path(settings).unlink(missing_ok=True)
            raise
        return state


def stop(settings: Settings, timeout_s: float = 60.0) -> bool:
    """Stop the local server cleanly; True if one was running. Nothing committed is lost."""
    with _lock(settings):
        state = current(settings)
        if state is None:
            return False
        os.kill(state.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not _is_our_process(state.pid) or _is_zombie(state.pid):
                _state_path(settings).unlink(missing_ok=True)
                return True
            time.sleep(0.1)
        raise ServerError(
            f"the local graph server (pid {state.pid}) did not stop within {timeout_s:.0f} s; "
            f"see {_log_path(settings)}"
        )


def _is_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] == "Z"


def ensure_running(settings: Settings) -> ServerState:
    """The running local server, started first if none runs."""
    state = current(settings)
    return state if state is not None and _port_answers(state.bolt_port) else start(settings)


def require_running(settings: Settings) -> ServerState:
    """The running local server; ServerError if none runs."""
    state = current(settings)
    if state is None:
        raise ServerError("no local graph server is running; start it with `tipgraph db start`")
    return state
