"""Value types of the ingest stage: a document read from disk, and the error for one that cannot be read.

Both are plain data; readers build them, later stages only read them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["REASONS", "SourceDocument", "Unreadable", "document_id", "paragraph_spans"]

#: Machine codes an :class:`Unreadable` may carry, with what the user should do about each.
REASONS: dict[str, str] = {
    "empty": "check that the file was exported completely, then add it again",
    "binary": "save it as plain text (UTF-8) or in a supported format, then add it again",
    "encrypted": "remove the password (print or export an unprotected copy), then add that copy",
    "no_text": "the PDF holds only images: run OCR on it or ask for a text version, then add that",
    "too_large": "split the file into smaller parts or raise the size limit, then add it again",
    "zip_bomb": "do not open this file; ask the sender for a fresh copy",
    "corrupt": "open it in its own program and save it again, then add the new copy",
    "unsupported": "convert it to .txt, .md, .html, .pdf, .docx, .csv or .xlsx, then add it again",
    "bad_register": "rename the columns to the expected headers shown above, then add it again",
    "missing": "check the path; the file may have been moved or deleted",
    "invalid": "the file was read but what it says could not be stored as it stands; fix the value named, then add it again",
}


def document_id(data: bytes) -> str:
    """Return the deterministic id of a file from its bytes: ``doc:`` and the SHA-256 hex digest.

    >>> document_id(b"abc")[:12]
    'doc:ba7816bf'
    """
    return "doc:" + hashlib.sha256(data).hexdigest()


def paragraph_spans(text: str, *, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """Split ``text[start:end]`` on blank lines into ``(start, end)`` offsets, trimmed of surrounding whitespace.

    >>> paragraph_spans("one\\ntwo\\n\\n three ")
    ((0, 7), (10, 15))
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < stop:
        brk = _next_blank_line(text, pos, stop)
        _add_trimmed(text, pos, brk[0], spans)
        pos = brk[1]
    return tuple(spans)


def _next_blank_line(text: str, pos: int, stop: int) -> tuple[int, int]:
    """Return (start, end) of the next run of line breaks holding a blank line, or (stop, stop)."""
    i = text.find("\n", pos, stop)
    while i != -1:
        j = i + 1
        while j < stop and text[j] in " \t\r\f\v\u3000":
            j += 1
        if j < stop and text[j] == "\n":
            while j < stop and text[j] in " \t\r\n\f\v\u3000":
                j += 1
            return i, j
        i = text.find("\n", i + 1, stop)
    return stop, stop


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(frozen=True)
class SourceDocument:
    """A file's whole text with its page and paragraph offsets, as one reader made it.

    ``pages`` and ``paragraphs`` are ``(start, end)`` character offsets into ``text``; a format without pages has a
    single page covering the whole text. ``id`` is :func:`document_id` of the file's bytes.
    """

    id: str
    path: str
    kind_hint: str | None
    text: str
    pages: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    encoding: str | None
    media_type: str
    size: int

    def page_text(self, index: int) -> str:
        """Return the text of page ``index`` (0-based)."""
        start, end = self.pages[index]
        return self.text[start:end]

    def paragraph_texts(self) -> list[str]:
        """Return the text of every paragraph, in order."""
        return [self.text[s:e] for s, e in self.paragraphs]


class Unreadable(Exception):
    """A file that cannot be ingested; ``reason`` is a short machine code (see :data:`REASONS`).

    The message names the file (by its name only, never its content) and says what to do.
    """

    def __init__(self, path: str, reason: str, detail: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.detail = detail
        advice = REASONS.get(reason, "check the file, then add it again")
        what = f": {detail}" if detail else ""
        super().__init__(f"cannot read {self.path} ({reason}){what}; {advice}")

    @property
    def message(self) -> str:
        """The human message: what happened to which file, and what to do."""
        return str(self)

    def __reduce__(self) -> tuple[type[Unreadable], tuple[str, str, str]]:
        return (type(self), (self.path, self.reason, self.detail))
