"""Lint Cypher with Neo4j's own front end (npm ``@neo4j-cypher/language-support``) under Node.

``make test`` installs it into ``tools/cypher-lint/node_modules``; one Node process lints a
whole batch of statements.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Diagnostic", "lint", "errors_only"]

LINT_DIR = Path(__file__).resolve().parents[2] / "tools" / "cypher-lint"


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    message: str
    line: int
    column: int


def lint(statements: Mapping[str, str], *, timeout_s: float = 300.0) -> dict[str, list[Diagnostic]]:
    """Diagnostics per statement id, as Neo4j 5's front end reports them (errors and warnings).

    Raises:
        RuntimeError: Node or the npm package is missing (run ``make test``), or the linter failed.
    """
    node = shutil.which("node")
    if node is None or not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        raise RuntimeError(f"the Cypher linter is not installed in {LINT_DIR}: run `make test` (it runs npm ci there)")
    payload = json.dumps({"statements": [{"id": k, "text": v} for k, v in statements.items()]})
    done = subprocess.run([node, str(LINT_DIR / "lint.mjs")], input=payload, capture_output=True, text=True,
                          timeout=timeout_s, cwd=LINT_DIR, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the Cypher linter failed ({done.returncode}): {done.stderr.strip()}")
    results = json.loads(done.stdout)["results"]
    return {r["id"]: [Diagnostic(**d) for d in r["diagnostics"]] for r in results}


def errors_only(results: Mapping[str, list[Diagnostic]]) -> dict[str, list[Diagnostic]]:
    """Only the statements with errors, and only their errors."""
    out = {k: [d for d in v if d.severity == "error"] for k, v in results.items()}
    return {k: v for k, v in out.items() if v}
