"""Flight numbers, found in the registry like every other identifier kind.

The rules live in :func:`graph.values.flight_number` (``BR265`` from ``br 265`` or
``CI-835``), re-exported here with :func:`graph.values.flight_key`, which joins a number
and a day into the key of one flight. :func:`clean` adds only what every cleaner
shares: the ``country_hint`` keyword, full-width characters and Chinese dashes folded
(``ＢＲ２６５``, ``BR－265``), and a length limit.

>>> clean("br 265"), clean("CI-835"), clean("ＢＲ２６５"), clean("12345")
('BR265', 'CI835', 'BR265', None)
>>> flight_key("BR 265", "2022-09-01")
'BR265@2022-09-01'
"""

from __future__ import annotations

from graph.cleaners._text import fold_dashes, prepare
from graph.values import flight_key, flight_number

__all__ = ["clean", "flight_number", "flight_key"]

# Longer than any way of writing a flight number. The limit also keeps huge inputs away
# from the pattern in graph.values, whose runs of optional spaces backtrack quadratically.
_MAX_INPUT = 32


def clean(text: object, *, country_hint: object = None) -> str | None:
    """The flight number as ``graph.values.flight_number`` writes it, or ``None``.

    Args:
        text: a flight number as written (``BR265``, ``BR 265``, ``CI-835``, ``ＢＲ２６５``).
        country_hint: accepted so every cleaner takes the same keywords; unused.

    Returns:
        Airline code and number without zero padding, or ``None``. Never raises.
    """
    written = prepare(text, _MAX_INPUT)
    if written is None:
        return None
    return flight_number(fold_dashes(written))
