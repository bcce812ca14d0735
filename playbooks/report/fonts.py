"""The CJK font the charts and the PDF are drawn with: found on disk, never downloaded.

The PDF embeds it (a subset of the glyphs used), so the report reads the same on any machine.
It must be a TrueType font (glyf outlines, ``.ttf`` or ``.ttc``): reportlab cannot embed the
CFF outlines of ``.otf`` fonts such as Noto Sans CJK. Set ``TIPGRAPH_CJK_FONT`` to a font
file (``path.ttc#N`` picks face N of a collection), or install the Debian package below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from playbooks.errors import PlaybookError

__all__ = ["FONT_ENV", "DEBIAN_PACKAGE", "CANDIDATES", "CjkFont", "FontNotFound", "find_cjk_font"]

FONT_ENV = "TIPGRAPH_CJK_FONT"
#: What `make install` installs, and what the tests were run with (0.2.0-beta-3.1 on Debian 12).
DEBIAN_PACKAGE = "fonts-wqy-microhei"
#: TrueType CJK fonts of Debian packages, tried in order when no font is configured.
CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # fonts-wqy-microhei
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # fonts-wqy-zenhei
    "/usr/share/fonts/truetype/arphic/uming.ttc",  # fonts-arphic-uming
    "/usr/share/fonts/truetype/arphic/ukai.ttc",  # fonts-arphic-ukai
)
_TRUETYPE = (b"\x00\x01\x00\x00", b"true", b"ttcf")


class FontNotFound(PlaybookError):
    """No usable CJK TrueType font: says which setting to fix or what to install."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"{reason}; set {FONT_ENV} to a TrueType CJK font (.ttf or .ttc), "
                         f"or install one: apt-get install {DEBIAN_PACKAGE}")


@dataclass(frozen=True)
class CjkFont:
    """A font file and the face to use in it (0 unless it is a collection)."""

    path: Path
    index: int = 0


def _parse(setting: str) -> CjkFont:
    path, _, index = setting.partition("#")
    if index and not index.isdigit():
        raise FontNotFound(f"{FONT_ENV}={setting!r}: the face after '#' must be a number")
    return CjkFont(Path(path).expanduser(), int(index or 0))


def _usable(font: CjkFont) -> str | None:
    """Why ``font`` cannot be used, or None when it can."""
    if not font.path.is_file():
        return f"{font.path} is not a file"
    with font.path.open("rb") as f:
        magic = f.read(4)
    if magic == b"OTTO":
        return f"{font.path} has CFF (OpenType) outlines, which the PDF writer cannot embed"
    if magic not in _TRUETYPE:
        return f"{font.path} is not a TrueType font"
    return None


def find_cjk_font(configured: str | None = None, candidates: Sequence[str] = CANDIDATES) -> CjkFont:
    """The configured font (``TIPGRAPH_CJK_FONT``'s value), else the first installed candidate.

    Raises:
        FontNotFound: the configured font is unusable, or none is configured and none is installed.
    """
    if configured:
        font = _parse(configured)
        reason = _usable(font)
        if reason:
            raise FontNotFound(f"{FONT_ENV}: {reason}")
        return font
    for path in candidates:
        if _usable(CjkFont(Path(path))) is None:
            return CjkFont(Path(path))
    raise FontNotFound("no CJK TrueType font is installed (looked in " + ", ".join(candidates) + ")")
