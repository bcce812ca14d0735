"""Exports partners can open: FollowTheMoney, GraphML, GEXF, CSV, HTCDS and CTDC.

Each format is an exporter registered with :func:`exporter`, exactly as an add-on would
register one; :data:`EXPORTERS` is the registry. An exporter takes the export's data
(:class:`exports.graphdata.ExportData`, already masked for the profile) and the output path,
writes one or more files, and returns an :class:`ExportResult` saying what it wrote.

Profiles: ``partner`` masks names and identifiers (``graph.masking``), leaves out case titles
and never carries evidence text; ``internal`` keeps values as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exports.graphdata import ExportData

__all__ = ["EXPORTERS", "PROFILES", "ExportResult", "Exporter", "exporter", "load_builtin", "output_path"]

PROFILES = ("partner", "internal")


@dataclass
class ExportResult:
    """What an export wrote: the files, how many rows or entities, and notes for the user."""

    format: str
    files: list[str]
    records: int
    profile: str
    notes: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "files": self.files, "records": self.records, "profile": self.profile,
                "notes": self.notes, "report": self.report}


@dataclass(frozen=True)
class Exporter:
    """A registered format: its name, the file suffix it writes, and what it needs."""

    name: str
    suffix: str
    help: str
    write: Callable[..., ExportResult]
    needs_indicators: bool = False


#: The registry: format name -> :class:`Exporter`.
EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str, *, suffix: str, help: str, needs_indicators: bool = False
             ) -> Callable[[Callable[..., ExportResult]], Callable[..., ExportResult]]:
    """Register ``write(data, output, **options) -> ExportResult`` as format ``name``."""

    def decorate(write: Callable[..., ExportResult]) -> Callable[..., ExportResult]:
        EXPORTERS[name] = Exporter(name, suffix, help, write, needs_indicators)
        return write

    return decorate


def load_builtin() -> dict[str, Exporter]:
    """Import the built-in formats (each registers itself) and return the registry."""
    from exports import ctdc, ftm, htcds, networks, tables  # noqa: F401

    return EXPORTERS


def output_path(output: Path) -> Path:
    """Refuse an output whose folder does not exist (before any reading)."""
    output = Path(output)
    if not output.parent.is_dir():
        raise FileNotFoundError(f"the folder {output.parent} does not exist; create it first")
    return output

