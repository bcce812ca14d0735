"""Settings: one typed object, loaded once from the environment and ``TIPGRAPH_HOME/config.toml``.

Precedence: environment variable, then the config file, then the default. Secrets are
never read from the config file: the password comes from ``NEO4J_PASSWORD`` or from a
file named by ``NEO4J_PASSWORD_FILE`` (or ``neo4j_password_file`` in the config), and it
never appears in ``repr`` or in output.

>>> s = load_settings(env={"TIPGRAPH_HOME": "/tmp/tg-doc"})
>>> s.uses_local_server, s.database
(True, 'tipgraph')
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from graph.errors import SettingsError

__all__ = ["Settings", "SETTINGS_HELP", "load_settings", "LOCAL_DATABASE"]

LOCAL_DATABASE = "tipgraph"
CONFIG_FILE = "config.toml"


@dataclass(frozen=True)
class Settings:
    """Everything tipgraph can be told; see ``SETTINGS_HELP`` for what each means."""

    home: Path
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    query_timeout_s: float = 30.0
    batch_size: int = 2000
    server_heap: str = "2g"
    server_start_timeout_s: float = 120.0
    max_file_mb: float = 50.0
    workers: int = 0
    retry_s: float = 120.0
    session_minutes: float = 30.0
    lockout_attempts: int = 5
    lockout_minutes: float = 15.0

    @property
    def uses_local_server(self) -> bool:
        """True when no ``NEO4J_URI`` is set and the bundled local server is used."""
        return not self.neo4j_uri

    @property
    def database(self) -> str:
        """The database to use: the configured one, or the local server's or Neo4j's default."""
        if self.neo4j_database:
            return self.neo4j_database
        return LOCAL_DATABASE if self.uses_local_server else "neo4j"


# name -> (environment variable, help). Rendered into the README's configuration table.
SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "home": ("TIPGRAPH_HOME", "Folder for the local server, its password file, quarantine and config (default ~/.tipgraph)."),
    "neo4j_uri": ("NEO4J_URI", "Bolt or neo4j:// URI of a Neo4j 5 server, cluster or Aura; unset: the bundled local server."),
    "neo4j_user": ("NEO4J_USER", "User name for NEO4J_URI (default neo4j)."),
    "neo4j_password": ("NEO4J_PASSWORD", "Password for NEO4J_URI; or NEO4J_PASSWORD_FILE naming a file that holds it."),
    "neo4j_database": ("NEO4J_DATABASE", "Database name (default neo4j on a server, tipgraph locally)."),
    "query_timeout_s": ("TIPGRAPH_QUERY_TIMEOUT", "Seconds a read statement may run before the server stops it (default 30)."),
    "batch_size": ("TIPGRAPH_BATCH_SIZE", "Rows per UNWIND batch for writes (default 2000)."),
    "server_heap": ("TIPGRAPH_SERVER_HEAP", "Java heap of the local server, e.g. 2g (default 2g)."),
    "server_start_timeout_s": ("TIPGRAPH_SERVER_START_TIMEOUT", "Seconds to wait for the local server to answer (default 120)."),
    "max_file_mb": ("TIPGRAPH_MAX_FILE_MB", "Largest file ingest reads, in MB; larger ones are quarantined (default 50)."),
    "workers": ("TIPGRAPH_WORKERS", "Processes that read and extract during ingest (default 0: one per core)."),
    "retry_s": ("TIPGRAPH_RETRY_SECONDS", "Seconds ingest waits for a graph server that stopped answering, retrying with back-off, before it stops and keeps what it wrote (default 120)."),
    "session_minutes": ("TIPGRAPH_SESSION_MINUTES", "Minutes a workbench session may sit idle before it must sign in again (default 30)."),
    "lockout_attempts": ("TIPGRAPH_LOCKOUT_ATTEMPTS", "Failed sign-ins in a row that lock an account (default 5)."),
    "lockout_minutes": ("TIPGRAPH_LOCKOUT_MINUTES", "Minutes a locked account stays locked (default 15)."),
}

_SECRET_FROM_FILE = "NEO4J_PASSWORD_FILE"


def _coerce(name: str, raw: Any, default: Any) -> Any:
    if isinstance(default, bool) or default is None or isinstance(default, str):
        return str(raw)
    try:
        return type(default)(raw)
    except (TypeError, ValueError):
        raise SettingsError(name, f"{raw!r} is not a {type(default).__name__}") from None


def _read_password_file(path: str) -> str:
    try:
        return Path(path).expanduser().read_text(encoding="utf-8").strip()
    except OSError as e:
        raise SettingsError(_SECRET_FROM_FILE, f"cannot read {path}: {e.strerror}") from None


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Build the settings from ``env`` (default ``os.environ``) and the config file.

    Raises:
        SettingsError: a value has the wrong type, the config file is not valid TOML or
            names an unknown setting, or it holds a password.
    """
    env = os.environ if env is None else env
    home = Path(env.get("TIPGRAPH_HOME") or "~/.tipgraph").expanduser()
    file_values: dict[str, Any] = {}
    config_path = home / CONFIG_FILE
    if config_path.is_file():
        try:
            file_values = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            raise SettingsError(str(config_path), f"not valid TOML: {e}") from None
    if "neo4j_password" in file_values:
        raise SettingsError(
            "neo4j_password",
            f"{config_path} holds a password; put it in a 0600 file and set neo4j_password_file instead",
        )
    password_file = env.get(_SECRET_FROM_FILE) or file_values.pop("neo4j_password_file", None)
    unknown = set(file_values) - set(SETTINGS_HELP)
    if unknown:
        raise SettingsError(
            str(config_path), f"unknown setting(s) {sorted(unknown)}; known: {sorted(SETTINGS_HELP)}"
        )

    values: dict[str, Any] = {"home": home}
    defaults = Settings(home=home)
    for f in fields(Settings):
        if f.name == "home":
            continue
        env_name = SETTINGS_HELP[f.name][0]
        raw = env.get(env_name) or file_values.get(f.name)
        if raw is not None and raw != "":
            values[f.name] = _coerce(f.name, raw, getattr(defaults, f.name))
    if "neo4j_password" not in values and password_file:
        values["neo4j_password"] = _read_password_file(str(password_file))
    settings = Settings(**values)
    if settings.batch_size < 1:
        raise SettingsError("batch_size", "must be at least 1")
    if settings.query_timeout_s <= 0:
        raise SettingsError("query_timeout_s", "must be positive")
    if settings.max_file_mb <= 0:
        raise SettingsError("max_file_mb", "must be positive")
    if settings.session_minutes <= 0:
        raise SettingsError("session_minutes", "must be positive")
    if settings.lockout_attempts < 1 or settings.lockout_minutes <= 0:
        raise SettingsError("lockout_attempts", "give at least 1 attempt and a positive number of minutes")
    if settings.retry_s < 0:
        raise SettingsError("retry_s", "must be 0 (do not wait) or more seconds")
    if settings.workers < 0:
        raise SettingsError("workers", "must be 0 (one per core) or more")
    return settings
