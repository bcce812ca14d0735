"""E-mail addresses: NFKC-folded, domain in lower case, local part kept as written.

The local part is left alone because, strictly, only the receiving server knows whether
``Ming.Chen`` and ``ming.chen`` are one mailbox; domains are case-insensitive everywhere.
The check is for a *plausible* address, not a deliverable one: one ``@``, no spaces,
a local part of at most 64 characters, and a dotted domain of letters, digits and
hyphens whose last label (the TLD) is two or more letters.

>>> clean("Ming.Chen@Example.COM.TW")
'Ming.Chen@example.com.tw'
>>> clean("recruiter88\uff20mail\uff0eexample"), clean("no-domain@localhost")
('recruiter88@mail.example', None)
"""

from __future__ import annotations

import re

from graph.cleaners._text import prepare

__all__ = ["clean"]

_MAX_ADDRESS = 254
_MAX_LOCAL = 64
_MAX_DOMAIN = 253
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
# Printable, no white space, none of the characters RFC 5322 reserves outside quotes.
_LOCAL = re.compile(r'[^\s@"(),:;<>\[\]\\]+')
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD = re.compile(r"[a-z]{2,63}")


def clean(text: object, *, country_hint: object = None) -> str | None:
    """The address with its domain lower-cased, or ``None`` when it is not a plausible address.

    Args:
        text: an address, optionally as a ``mailto:`` link; full-width characters
            (``＠``, ``．``) are folded to ASCII.
        country_hint: accepted so every cleaner takes the same keywords; unused.

    Returns:
        ``local@domain`` or ``None``. Never raises.

    >>> clean("  mailto:Boss.Lin@Mail.Example.org "), clean("two@at@example.com"), clean("a b@example.com")
    ('Boss.Lin@mail.example.org', None, None)
    """
    address = prepare(text, _MAX_ADDRESS + len("mailto:"))
    if address is None:
        return None
    address = _MAILTO.sub("", address, count=1)
    if len(address) > _MAX_ADDRESS or address.count("@") != 1:
        return None
    local, domain = address.split("@")
    domain = domain.lower()
    if not _plausible_local(local) or not _plausible_domain(domain):
        return None
    return f"{local}@{domain}"


def _plausible_local(local: str) -> bool:
    return (
        0 < len(local) <= _MAX_LOCAL
        and _LOCAL.fullmatch(local) is not None
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
    )


def _plausible_domain(domain: str) -> bool:
    labels = domain.split(".")
    return (
        len(domain) <= _MAX_DOMAIN
        and len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and _TLD.fullmatch(labels[-1]) is not None
    )
