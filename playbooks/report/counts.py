"""How the report writes a count: thousands separators, small counts suppressed, changes.

One ``Counts`` object per report, so a table, a sentence and a chart label all write the same
count the same way.

>>> c = Counts(suppress_below=5)
>>> c.show(1064), c.show(3), c.show(None)
('1,064', '<5', '—')
>>> c.change(161, 34), c.change(161, 3), c.pct(161, 140)
('+127 (+373.5%)', '—', '+15.0%')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Counts", "MISSING"]

MISSING = "—"


@dataclass(frozen=True)
class Counts:
    """Formats counts for publication.

    Args:
        suppress_below: counts below this are written ``<N`` (and changes involving them are
            not written at all, since they would give the hidden count away); 0 or 1 hides none.
    """

    suppress_below: int = 0

    def __post_init__(self) -> None:
        if self.suppress_below < 0:
            raise ValueError(f"suppress_below {self.suppress_below}: give 0 (show every count) or a positive number")

    def hidden(self, n: int | None) -> bool:
        """True when ``n`` is a count that must not be shown."""
        return n is not None and self.suppress_below > 1 and n < self.suppress_below

    def show(self, n: int | None) -> str:
        """``n`` as printed: ``1,064``, ``<5`` when suppressed, ``—`` when unknown."""
        if n is None:
            return MISSING
        if self.hidden(n):
            return f"<{self.suppress_below}"
        return f"{n:,}"

    def comparable(self, value: int | None, previous: int | None) -> bool:
        """True when both counts are known and shown, so their difference may be printed."""
        return self._pair(value, previous) is not None

    def _pair(self, value: int | None, previous: int | None) -> tuple[int, int] | None:
        if value is None or previous is None or self.hidden(value) or self.hidden(previous):
            return None
        return value, previous

    def pct(self, value: int | None, previous: int | None) -> str:
        """The relative change ``+15.0%``; ``—`` when not comparable or the previous count is 0."""
        pair = self._pair(value, previous)
        if pair is None or not pair[1]:
            return MISSING
        return f"{(pair[0] - pair[1]) / pair[1] * 100:+.1f}%"

    def change(self, value: int | None, previous: int | None) -> str:
        """The change ``+127 (+373.5%)``, ``0``, or ``—`` when it must not or cannot be written."""
        pair = self._pair(value, previous)
        if pair is None:
            return MISSING
        diff = pair[0] - pair[1]
        if diff == 0:
            return "0"
        pct = self.pct(*pair)
        return f"{diff:+,}" + (f" ({pct})" if pct != MISSING else "")
