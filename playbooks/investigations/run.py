"""Running an investigation playbook: bind its parameters, send its one statement in a read
transaction with its time-out and row cap, post-process, keep the declared columns."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString, cast

from graph.store import Store
from playbooks.drawing import to_graph
from playbooks.errors import PlaybookFileError
from playbooks.investigations.definitions import Playbook, playbook
from playbooks.params import bind
from playbooks.postprocess import get_postprocessor

__all__ = ["PlaybookResult", "run_playbook"]


@dataclass(frozen=True)
class PlaybookResult:
    """What a run gave: rows (declared columns, in order), whether the cap cut them, the
    parameters as bound, and how long the statement took."""

    playbook: Playbook
    params: dict[str, Any]
    rows: list[dict[str, Any]]
    truncated: bool
    seconds: float

    def graph(self) -> dict[str, list[dict[str, Any]]]:
        """The rows as a link chart (nodes and edges), or empty when the playbook draws none."""
        if self.playbook.graph is None:
            return {"nodes": [], "edges": []}
        return to_graph(self.playbook.graph, self.rows)


def run_playbook(store: Store, book: Playbook | str, given: Mapping[str, Any] | None = None, *,
                 max_rows: int | None = None, today: date | None = None) -> PlaybookResult:
    """Run one playbook with the parameters ``given`` (text or values; defaults fill the rest).

    Args:
        store: the graph to read.
        book: the playbook, or its name.
        given: parameter values by name.
        max_rows: a lower row cap than the playbook's own (never a higher one).
        today: the day a ``today`` default means (tests pin it).

    Raises:
        UnknownPlaybook: no playbook has that name.
        ParameterError, MissingParameter: a parameter is unknown, missing or does not fit.
        GraphError: the graph cannot be reached, refused the statement or it ran out of time.
    """
    pb = playbook(book) if isinstance(book, str) else book
    params = bind(pb.params, given or {}, today=today)
    cap = min(pb.max_rows, max_rows) if max_rows is not None else pb.max_rows
    if cap < 1:
        raise ValueError(f"max_rows {max_rows!r}: give at least 1")
    started = time.monotonic()
    # the statement is the playbook file's text, checked read-only when it was loaded
    statement = cast(LiteralString, pb.cypher)
    rows = store.read_tx(lambda tx: tx.run(statement, params, max_rows=cap + 1),
                         purpose=f"playbook:{pb.name}", timeout_s=pb.timeout_s)
    seconds = time.monotonic() - started
    truncated = len(rows) > cap
    rows = rows[:cap]
    if pb.postprocess is not None:
        rows = get_postprocessor(pb.postprocess)(rows, params)
    if rows:
        missing = [c for c in pb.columns if c not in rows[0]]
        if missing:
            raise PlaybookFileError(pb.path, f"columns: the statement returns no column(s) {', '.join(missing)}")
    return PlaybookResult(pb, params, [{c: row[c] for c in pb.columns} for row in rows], truncated, seconds)
