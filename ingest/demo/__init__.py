"""A synthetic, realistic demo corpus with its ground truth: case files, rescue reports, registers and
bad files, invented from a seed, whose 2022 slice reproduces the 4P table of DOMAIN.md.

    >>> from pathlib import Path; import tempfile
    >>> summary = generate(Path(tempfile.mkdtemp()), seed=7)
    >>> summary.cases >= 220 and summary.rescues >= 60
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ingest.demo.badfiles import NOT_GENERATED, write_bad_files
from ingest.demo.corpus import render_documents, truth_of
from ingest.demo.figures import count_back, prosecution_by_year
from ingest.demo.people import build_world
from ingest.demo.registers import build_registers

__all__ = ["generate", "DemoSummary"]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate` wrote: file counts by kind and the truth file's path."""

    cases: int
    rescues: int
    registers: int
    bad: int
    truth: Path


def generate(out_dir: Path, *, seed: int = 2022) -> DemoSummary:
    """Write the demo corpus for ``seed`` under ``out_dir`` (created if needed); same seed, same bytes.

    Layout: ``cases/``, ``rescues/``, ``registers/``, ``bad/`` and ``truth.json``. Existing files of the
    same names are overwritten; nothing else is removed.
    """
    out_dir = Path(out_dir)
    world = build_world(seed)
    files, docs, reports = render_documents(world)
    register_files, register_mentions = build_registers(world)
    files.update(register_files)
    for rel, data in sorted(files.items()):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    bad = write_bad_files(out_dir, seed=seed)
    surfaces: dict[str, set[str]] = {}
    for doc in docs.values():
        for pid, surface in doc.mentions:
            surfaces.setdefault(pid, set()).add(surface)
    for pid, surface in register_mentions:
        surfaces.setdefault(pid, set()).add(surface)
    truth = truth_of(world, surfaces, reports, bad)
    truth["not_generated"] = list(NOT_GENERATED)
    truth["figures_by_year"] = {str(y): prosecution_by_year(truth["cases"], y) for y in (2020, 2021, 2022)}
    truth_path = out_dir / "truth.json"
    _write_truth(truth_path, truth)
    truth["figures_2022"] = count_back(out_dir)
    _write_truth(truth_path, truth)
    return DemoSummary(
        cases=sum(1 for rel in files if rel.startswith("cases/")),
        rescues=sum(1 for rel in files if rel.startswith("rescues/")),
        registers=len(register_files), bad=len(bad), truth=truth_path)


def _write_truth(path: Path, truth: dict[str, object]) -> None:
    path.write_text(json.dumps(truth, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
