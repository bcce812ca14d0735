"""The 4P figures of one year as a plain dict: a thin view over ``playbooks.indicators``.

The indicators themselves (what counts, the statement that counts it) are the YAML files of
``playbooks/indicators/``; this module keeps the older names for callers that want only the
numbers of one year.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import Store
from playbooks.indicators import compute_indicators, load_indicators

__all__ = ["FIGURES", "Figure", "fourp_figures", "SOUTHEAST_ASIA"]

#: the countries counted as Southeast Asia (see indicators/nationals_returned_from_sea.yaml)
SOUTHEAST_ASIA = ("KH", "MM", "TH", "LA", "VN", "PH", "MY", "ID", "SG", "BN", "TL")


@dataclass(frozen=True)
class Figure:
    key: str
    pillar: str
    label: str


FIGURES: tuple[Figure, ...] = tuple(Figure(d.id, d.p.capitalize(), d.title_en) for d in load_indicators())


def fourp_figures(store: Store, year: int, *, as_of: str | None = None) -> dict[str, int]:
    """Every figure of ``FIGURES`` for the calendar year ``year``, by indicator id."""
    return {v.definition.id: v.value for v in compute_indicators(store, year, as_of=as_of, previous=False)}
