"""Lint Cypher with Neo4j's own Cypher front end, offline, from Python tests.

The checking is done by the npm package ``@neo4j-cypher/language-support`` under Node.js, through
``tools/cypher-lint/lint.mjs`` (its header says what is checked and how). ``make test`` installs the
package with ``npm ci`` into ``tools/cypher-lint/node_modules``. One Node process lints a whole batch,
so pass every statement in one call: starting Node and the front end costs about a second.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["Diagnostic", "errors_only", "lint"]

REPO_ROOT = Path(__file__).resolve().parents[2]
LINT_DIR = REPO_ROOT / "tools" / "cypher-lint"
PACKAGE = "@neo4j-cypher/language-support"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the front end on one statement; ``line`` and ``column`` are 1-based."""

    severity: Literal["error", "warning"]
    message: str
    line: int
    column: int


def lint(
    statements: Mapping[str, str],
    *,
    params: Mapping[str, Collection[str]] | None = None,
    timeout_s: float = 300.0,
) -> dict[str, list[Diagnostic]]:
    """Lint each statement as Neo4j 5 would check it; diagnostics (errors and warnings) by id.

    Every id of ``statements`` is in the result, with an empty list when the front end found
    nothing. Statements are checked as Cypher 5 unless they carry their own ``CYPHER 25`` prefix.
    Labels, relationship types, properties, functions and procedures are not checked against a
    database. A ``$name`` is taken as supplied at run time, unless ``params`` lists the parameter
    names for that statement's id: then a parameter not listed is an error.

    Raises:
        RuntimeError: Node.js or the npm package is missing (run ``make test``), the linter did not
            finish within ``timeout_s``, or it failed.
    """
    if not statements:
        return {}
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("the Cypher linter needs Node.js (`node` is not on PATH): run `make test`, "
                           "which installs it and the linter")
    if not (LINT_DIR / "node_modules" / PACKAGE / "package.json").is_file():
        raise RuntimeError(f"the Cypher linter's npm package {PACKAGE} is not installed in {LINT_DIR}: "
                           "run `make test` (it runs `npm ci` there)")
    batch = []
    for statement_id, text in statements.items():
        entry: dict[str, object] = {"id": statement_id, "text": text}
        if params is not None and statement_id in params:
            entry["params"] = sorted(params[statement_id])
        batch.append(entry)
    try:
        done = subprocess.run(
            [node, str(LINT_DIR / "lint.mjs")],
            input=json.dumps({"statements": batch}),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout_s,
            cwd=LINT_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise RuntimeError(f"the Cypher linter did not finish {len(batch)} statements in {timeout_s:.0f} s") from e
    if done.returncode != 0:
        raise RuntimeError(f"the Cypher linter failed (exit {done.returncode}): {done.stderr.strip()}")
    results = {r["id"]: [Diagnostic(**d) for d in r["diagnostics"]] for r in json.loads(done.stdout)["results"]}
    if results.keys() != statements.keys():
        raise RuntimeError("the Cypher linter did not answer for exactly the statements it was given")
    return results


def errors_only(results: Mapping[str, list[Diagnostic]]) -> dict[str, list[Diagnostic]]:
    """Keep only errors, and only the statements that have any: ``{}`` means everything passed."""
    errors = {statement_id: [d for d in found if d.severity == "error"] for statement_id, found in results.items()}
    return {statement_id: found for statement_id, found in errors.items() if found}
