"""Chat and social-media handles: which platform, and the handle on it.

Recognised forms (labels in any case, ``:`` or ``：`` or a space after them):

* a labelled handle: ``LINE ID: abc_123``, ``LINE：abc123``, ``Telegram @scam_boss88``,
  ``TG: scam_boss88``, ``WeChat: wx_abc123``, ``微信號 abc123``, ``FB: some.name``,
  ``臉書：some.name``;
* a profile link: ``t.me/scam_boss88``, ``https://www.facebook.com/some.name``,
  ``facebook.com/profile.php?id=100012345678``, ``line.me/ti/p/~abc123``;
* a bare ``@handle``, whose platform is ``Other``.

Platforms are ``LINE``, ``Telegram``, ``WeChat``, ``Facebook`` and ``Other``. LINE IDs
and Telegram usernames are matched without regard to case, so they are lower-cased;
other handles are kept as written. The leading ``@`` is dropped. E-mail addresses and
links to other sites are not handles.

The character and length rules below are what we accept, chosen loose enough for the
handles in case files; they are not the platforms' own registration rules:

=========  ============================================================
LINE       4-20 of ``a-z 0-9 . _ -``
Telegram   5-32 of ``a-z 0-9 _``, starting with a letter
WeChat     6-20 of ``A-Z a-z 0-9 _ -``
Facebook   5-50 of ``A-Z a-z 0-9 .``, not starting or ending with ``.``
Other      2-64 of ``A-Z a-z 0-9 . _ -``
=========  ============================================================

>>> parse("Telegram @Scam_Boss88"), parse("微信號 wx_Abc123"), parse("facebook.com/Some.Name")
(('Telegram', 'scam_boss88'), ('WeChat', 'wx_Abc123'), ('Facebook', 'Some.Name'))
>>> clean("LINE ID: ABC_123"), clean("Scam_Boss88", platform="tg"), clean("boss@example.com")
('abc_123', 'scam_boss88', None)
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from graph.cleaners._text import prepare

__all__ = ["clean", "parse", "platform", "PLATFORMS"]

PLATFORMS: tuple[str, ...] = ("LINE", "Telegram", "WeChat", "Facebook", "Other")

_MAX_INPUT = 512
_ALIASES: dict[str, str] = {
    "line": "LINE",
    "telegram": "Telegram",
    "tg": "Telegram",
    "電報": "Telegram",
    "电报": "Telegram",
    "紙飛機": "Telegram",
    "纸飞机": "Telegram",
    "wechat": "WeChat",
    "weixin": "WeChat",
    "微信": "WeChat",
    "facebook": "Facebook",
    "fb": "Facebook",
    "臉書": "Facebook",
    "脸书": "Facebook",
    "other": "Other",
}
_CASE_INSENSITIVE = frozenset({"LINE", "Telegram"})
_RULES: dict[str, re.Pattern[str]] = {
    "LINE": re.compile(r"[a-z0-9._-]{4,20}"),
    "Telegram": re.compile(r"[a-z][a-z0-9_]{4,31}"),
    "WeChat": re.compile(r"[A-Za-z0-9_-]{6,20}"),
    "Facebook": re.compile(r"(?!\.)[A-Za-z0-9.]{5,50}(?<!\.)"),
    "Other": re.compile(r"[A-Za-z0-9._-]{2,64}"),
}
_LABELS = "|".join(sorted((re.escape(a) for a in _ALIASES if a != "other"), key=len, reverse=True))
_LABELLED = re.compile(
    rf"(?P<label>{_LABELS})"
    r"(?:\s*(?:id|user\s?name|帳號|账号|號碼|号码|號|号))?"
    # a colon, a space, an @, or nothing after a Chinese label (微信號abc123)
    r"(?:\s*[:=]\s*|\s+|(?=@)|(?<=[^\x00-\x7f]))"
    r"(?P<value>\S+)",
    re.IGNORECASE,
)
_URL = re.compile(
    r"(?P<scheme>https?://)?(?P<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?P<path>[/?#]\S*)?",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[.,;:!?。，、；：！？]+$")
_TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog"})
_FACEBOOK_HOSTS = re.compile(r"(?:[a-z0-9-]+\.)*(?:facebook\.com|fb\.com|fb\.me)")
# first path segments that are pages of the site, not somebody's profile
_TELEGRAM_RESERVED = frozenset({"joinchat", "addstickers", "addemoji", "share", "proxy", "socks", "setlanguage"})
_FACEBOOK_RESERVED = frozenset(
    {"groups", "pages", "events", "share", "sharer", "sharer.php", "watch", "photo.php", "permalink.php",
     "story.php", "login", "login.php", "marketplace", "people", "hashtag", "help", "policies", "gaming",
     "reel", "reels", "stories", "messages", "notifications", "home.php"}
)
_NUMERIC_ID = re.compile(r"[0-9]{5,20}")  # facebook.com/profile.php?id=...
_LINE_PROFILE = re.compile(r"/(?:r/)?ti/p/~(?P<id>[^/?#]+)/?(?:[?#].*)?", re.IGNORECASE)


def platform(name: object) -> str | None:
    """The canonical platform for a name or label: ``LINE``, ``Telegram``, ``WeChat``, ``Facebook``, ``Other``.

    Known aliases (``tg``, ``fb``, ``微信``, ``臉書``, ...) map to their platform; any other
    non-empty name is ``Other``; a non-string or empty name is ``None``.

    >>> platform("tg"), platform(" WeChat "), platform("微信"), platform("Instagram"), platform("")
    ('Telegram', 'WeChat', 'WeChat', 'Other', None)
    """
    text = prepare(name, 64)
    if text is None:
        return None
    return _ALIASES.get(text.casefold(), "Other")


def parse(text: object) -> tuple[str, str] | None:
    """``(platform, handle)`` for a labelled handle, a profile link or an ``@handle``; else ``None``.

    A bare word (``abc123``) is not recognised: without a label nothing says it is a
    handle. Use :func:`clean` with ``platform=`` when the platform is known from context.

    >>> parse("LINE：abc123"), parse("https://t.me/scam_boss88/"), parse("@Night_Owl")
    (('LINE', 'abc123'), ('Telegram', 'scam_boss88'), ('Other', 'Night_Owl'))
    >>> parse("instagram.com/some.name"), parse("boss@example.com"), parse("abc123")
    (None, None, None)
    """
    written = _prepared(text)
    if written is None:
        return None
    if _is_link(written):
        return _from_link(written)
    labelled = _LABELLED.fullmatch(written)
    if labelled:
        kind = _ALIASES[labelled.group("label").casefold()]
        value = labelled.group("value")
        if _is_link(value):
            linked = _from_link(value)
            return linked if linked is not None and linked[0] == kind else None
        return _checked(kind, value.removeprefix("@"))
    if written.startswith("@"):
        return _checked("Other", written[1:])
    return None


def clean(text: object, *, platform: object = None, country_hint: object = None) -> str | None:
    """The handle alone, in canonical form, or ``None``.

    Args:
        text: any form :func:`parse` recognises, or, when ``platform`` is given, a bare
            handle (``scam_boss88`` or ``@scam_boss88``).
        platform: the platform known from context (``"LINE"``, ``"tg"``, ``"微信"``...).
            A text that names a different platform gives ``None``.
        country_hint: accepted so every cleaner takes the same keywords; unused.

    Returns:
        The handle without ``@``, lower-cased on LINE and Telegram, or ``None``. Never raises.

    >>> clean("t.me/Scam_Boss88"), clean("@Scam_Boss88", platform="Telegram"), clean("LINE: abc123", platform="FB")
    ('scam_boss88', 'scam_boss88', None)
    """
    known = _platform_hint(platform)  # the keyword shadows platform(); the helper reaches it
    parsed = parse(text)
    if parsed is not None:
        kind, handle = parsed
        if known is None or known == kind:
            return handle
        if kind == "Other":
            # a bare @handle takes the platform the caller knows it is on
            checked = _checked(known, handle)
            return checked[1] if checked else None
        return handle if known == "Other" else None
    if known is None:
        return None
    written = _prepared(text)
    if written is None or _is_link(written):
        return None
    checked = _checked(known, written.removeprefix("@"))
    return checked[1] if checked else None


def _platform_hint(name: object) -> str | None:
    return platform(name) if isinstance(name, str) else None


def _prepared(text: object) -> str | None:
    written = prepare(text, _MAX_INPUT)
    if written is None:
        return None
    return _TRAILING.sub("", written) or None


def _checked(kind: str, handle: str) -> tuple[str, str] | None:
    if kind in _CASE_INSENSITIVE:
        handle = handle.lower()
    return (kind, handle) if _RULES[kind].fullmatch(handle) else None


def _is_link(text: str) -> bool:
    m = _URL.fullmatch(text)
    return bool(m and (m.group("scheme") or m.group("path")))


def _from_link(text: str) -> tuple[str, str] | None:
    m = _URL.fullmatch(text)
    if m is None:
        return None
    host = m.group("host").lower()
    path = m.group("path") or ""
    if host.startswith("www."):
        host = host[len("www.") :]
    route, _, query = path.partition("?")
    route = route.partition("#")[0]
    segments = [s for s in route.split("/") if s]
    if host in _TELEGRAM_HOSTS:
        if segments[:1] == ["s"]:  # t.me/s/<name> is the web preview of the same channel
            segments = segments[1:]
        if not segments or segments[0].lower() in _TELEGRAM_RESERVED:
            return None
        return _checked("Telegram", segments[0])
    if _FACEBOOK_HOSTS.fullmatch(host):
        if segments == ["profile.php"]:
            ids = parse_qs(query.partition("#")[0]).get("id", [])
            return ("Facebook", ids[0]) if len(ids) == 1 and _NUMERIC_ID.fullmatch(ids[0]) else None
        if not segments or segments[0].lower() in _FACEBOOK_RESERVED:
            return None
        return _checked("Facebook", segments[0])
    if host == "line.me":
        profile = _LINE_PROFILE.fullmatch(path)
        return _checked("LINE", profile.group("id")) if profile else None
    return None
