"""One cleaner per identifier kind, and a registry to find them by name.

Each kind's module has ``clean(text, *, country_hint=None, ...) -> str | None``: the
canonical form used as the identifier's key in the graph, or ``None`` for anything that
is not a valid value of that kind. Cleaners never raise on bad text (``None``, numbers,
empty or huge strings, control characters, emoji), so one bad cell never stops a batch;
callers that must reject turn ``None`` into an error naming the field, not the value.

``nlp/`` and ``ingest/`` both clean through here, so a phone number read from a
spreadsheet and one found in a report become the same node. A new kind is added the
way the built-ins are: a module with ``clean``, and an entry in :data:`CLEANERS`.

>>> sorted(CLEANERS)
['account', 'email', 'flight', 'handle', 'passport', 'phone']
>>> clean("phone", "0912-345-678", country_hint="TW"), clean("handle", "t.me/Scam_Boss88")
('+886912345678', 'scam_boss88')
>>> clean("passport", None) is None
True
"""

from __future__ import annotations

from collections.abc import Callable

from graph.cleaners import account, email, flight, handle, passport, phone

__all__ = ["CLEANERS", "clean", "account", "email", "flight", "handle", "passport", "phone"]

CLEANERS: dict[str, Callable[..., str | None]] = {
    "phone": phone.clean,
    "email": email.clean,
    "passport": passport.clean,
    "account": account.clean,
    "handle": handle.clean,
    "flight": flight.clean,
}


def clean(kind: str, text: object, **hints: object) -> str | None:
    """Clean ``text`` as an identifier of ``kind``; ``None`` when it is not one.

    Args:
        kind: a key of :data:`CLEANERS` (``"phone"``, ``"email"``, ...).
        text: the value as written; anything at all, including ``None``.
        **hints: keywords for the kind's cleaner. Every cleaner accepts
            ``country_hint``; ``handle`` also takes ``platform``.

    Returns:
        The canonical value, or ``None``. Bad text never raises.

    Raises:
        ValueError: ``kind`` is not registered; the message lists the known kinds.
        TypeError: a hint the kind's cleaner does not take (a programming error).

    >>> clean("email", "Boss.Lin@Example.ORG")
    'Boss.Lin@example.org'
    >>> clean("fax", "+85512345567")
    Traceback (most recent call last):
    ...
    ValueError: unknown identifier kind 'fax'; known kinds: account, email, flight, handle, passport, phone
    """
    cleaner = CLEANERS.get(kind) if isinstance(kind, str) else None
    if cleaner is None:
        known = ", ".join(sorted(CLEANERS))
        raise ValueError(f"unknown identifier kind {kind!r}; known kinds: {known}")
    return cleaner(text, **hints)
