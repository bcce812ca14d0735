"""The local graph server process: ArcadeDB with its Bolt plugin, bound to loopback.

Run by ``graph.localserver`` as ``python -m graph.serverproc ...``; never imported by the
CLI or the workbench, so the JVM lives only here. It starts the server, makes sure the
database exists, then waits for SIGTERM or SIGINT and stops the server cleanly (every
committed transaction is on disk before it exits).

The password is read from a 0600 file, never from the command line (which ``ps`` shows).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path

__all__ = ["main"]

log = logging.getLogger("tipgraph.serverproc")


def _serve(args: argparse.Namespace) -> None:
    from arcadedb_embedded.server import ArcadeDBServer

    password = Path(args.password_file).read_text(encoding="utf-8").strip()
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %s: stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    server = ArcadeDBServer(
        root_path=args.root,
        root_password=password,
        config={
            "host": "127.0.0.1",
            "http_port": args.http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
        },
        # -Xrs: the JVM leaves SIGTERM/SIGINT to us, so stopping always goes through server.stop()
        jvm_kwargs={"heap_size": args.heap, "jvm_args": "-Xrs"},
    )
    server.start()
    try:
        server.create_database(args.database)
        log.info("ready: bolt 127.0.0.1:%s database %s", args.bolt_port, args.database)
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
        log.info("stopped")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m graph.serverproc", description=__doc__)
    parser.add_argument("--root", required=True, help="folder holding the databases")
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--heap", default="2g")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    code = 0
    try:
        _serve(args)
    except Exception:
        log.exception("the local graph server failed")
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    # The interpreter's own shutdown can crash inside the JVM after the server stopped; the data
    # is safe by now, so leave at once.
    os._exit(code)


if __name__ == "__main__":
    main()
