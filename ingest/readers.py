"""File readers by extension, and :func:`read_document`, which turns a file into a :class:`SourceDocument` or refuses
it.

Built-in readers register with :func:`reader` exactly as an add-on would; :data:`READERS` is the registry.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import logging
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ingest.documents import SourceDocument, Unreadable, document_id, paragraph_spans

__all__ = [
    "MAX_ZIP_MEMBERS",
    "MAX_ZIP_RATIO",
    "MAX_ZIP_TOTAL",
    "READERS",
    "Parsed",
    "Reader",
    "Sheet",
    "check_zip",
    "decode_text",
    "read_bytes",
    "read_document",
    "read_sheets",
    "reader",
]

log = logging.getLogger(__name__)

#: Most bytes all members of a .docx/.xlsx may declare uncompressed, together.
MAX_ZIP_TOTAL = 256 * 1024 * 1024
#: Highest uncompressed/compressed ratio a sizeable member may declare (ordinary Office XML stays well below).
MAX_ZIP_RATIO = 200
#: Members smaller than this are not held to :data:`MAX_ZIP_RATIO` (tiny XML compresses very well).
ZIP_RATIO_FLOOR = 1024 * 1024
#: Most members a .docx/.xlsx may hold.
MAX_ZIP_MEMBERS = 10_000
#: Share of control characters above which decoded "text" is taken for binary data.
MAX_CONTROL_SHARE = 0.01

_TEXT_ENCODINGS = ("utf-8", "big5", "cp950")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Parsed:
    """What a reader returns: the text with its page and paragraph offsets, and the encoding it decoded."""

    text: str
    pages: tuple[tuple[int, int], ...]
    paragraphs: tuple[tuple[int, int], ...]
    encoding: str | None = None
    kind_hint: str | None = None


ParseFn = Callable[[bytes, str], Parsed]


@dataclass(frozen=True)
class Reader:
    """A registered reader: the extension it handles, the media type it reports and its parse function."""

    extension: str
    media_type: str
    parse: ParseFn


#: The registry: lower-case extension with its dot (".pdf") -> :class:`Reader`.
READERS: dict[str, Reader] = {}


def reader(*extensions: str, media_type: str) -> Callable[[ParseFn], ParseFn]:
    """Register ``parse(data, path) -> Parsed`` for ``extensions`` (e.g. ``".txt"``); a later registration wins.

    The parse function raises :class:`Unreadable` for a file it cannot read.
    """

    def decorate(parse: ParseFn) -> ParseFn:
        for ext in extensions:
            key = ext.lower() if ext.startswith(".") else "." + ext.lower()
            READERS[key] = Reader(key, media_type, parse)
        return parse

    return decorate


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """Return the bytes of ``path``; a missing, unreadable, empty or over-size file raises :class:`Unreadable`."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise Unreadable(name, "unsupported", "it is a folder, not a file")
        if size > max_bytes:
            raise Unreadable(name, "too_large", f"{size} bytes, the limit is {max_bytes}")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as e:
        raise Unreadable(name, "missing", "no such file") from e
    except PermissionError as e:
        raise Unreadable(name, "missing", "no permission to read it") from e
    except OSError as e:
        raise Unreadable(name, "corrupt", e.strerror or type(e).__name__) from e
    if len(data) > max_bytes:
        raise Unreadable(name, "too_large", f"more than {max_bytes} bytes")
    if not data.strip():
        raise Unreadable(name, "empty", "the file holds no data")
    return data


def read_document(path: Path, *, max_bytes: int, kind_hint: str | None = None) -> SourceDocument:
    """Read one file with the reader registered for its extension.

    Args:
        path: the file.
        max_bytes: files larger than this are refused before they are read.
        kind_hint: passed through to the document (a reader may set its own, e.g. ``"register"``).

    Returns:
        The :class:`SourceDocument`, whose ``id`` derives from the file's bytes.

    Raises:
        Unreadable: with ``reason`` one of empty, binary, encrypted, no_text, too_large, zip_bomb, corrupt,
            unsupported or missing.
    """
    path = Path(path)
    found = READERS.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(READERS))
        raise Unreadable(str(path), "unsupported", f"no reader for {path.suffix or 'files without an extension'!r}"
                         f" (readers: {known})")
    data = read_bytes(path, max_bytes=max_bytes)
    parsed = found.parse(data, str(path))
    if not parsed.text.strip():
        raise Unreadable(str(path), "empty", "no text in it")
    return SourceDocument(
        id=document_id(data),
        path=str(path),
        kind_hint=kind_hint if kind_hint is not None else parsed.kind_hint,
        text=parsed.text,
        pages=parsed.pages,
        paragraphs=parsed.paragraphs,
        encoding=parsed.encoding,
        media_type=found.media_type,
        size=len(data),
    )


# -- text ---------------------------------------------------------------------------------------------------------


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode text strictly: UTF-8 with BOM, UTF-16 with BOM, UTF-8, Big5, CP950; refuse binary data.

    Returns ``(text, encoding)`` with line ends made ``\\n``. Raises :class:`Unreadable` ("binary") for NUL bytes,
    many control characters, or bytes valid in none of these encodings.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    elif b"\x00" in data:
        raise Unreadable(path, "binary", "it holds NUL bytes, so it is not a text file")
    else:
        candidates = _TEXT_ENCODINGS
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        _refuse_control_characters(text, path)
        return text.replace("\r\n", "\n").replace("\r", "\n"), enc
    raise Unreadable(path, "binary", "it is not UTF-8, UTF-16 or Big5 text")


def _refuse_control_characters(text: str, path: str) -> None:
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    if "\x00" in text or controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise Unreadable(path, "binary", f"{controls} control characters in {len(text)}, so it is not text")


def _whole(text: str) -> tuple[tuple[int, int], ...]:
    return ((0, len(text)),)


@reader(".txt", media_type="text/plain")
def _read_txt(data: bytes, path: str) -> Parsed:
    text, enc = decode_text(data, path)
    return Parsed(text, _whole(text), paragraph_spans(text), enc)


@reader(".md", media_type="text/markdown")
def _read_md(data: bytes, path: str) -> Parsed:
    return _read_txt(data, path)


# -- joining blocks -----------------------------------------------------------------------------------------------


def _join_pages(pages: list[list[str]]) -> tuple[str, tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Join pages of paragraph strings with blank lines; return text, page offsets and paragraph offsets.

    Empty paragraphs are dropped; a page without any keeps an empty ``(pos, pos)`` span so page numbers hold.
    """
    parts: list[str] = []
    page_spans: list[tuple[int, int]] = []
    para_spans: list[tuple[int, int]] = []
    pos = 0
    for blocks in pages:
        page_start: int | None = None
        for block in (b.strip() for b in blocks):
            if not block:
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            if page_start is None:
                page_start = pos
            para_spans.append((pos, pos + len(block)))
            parts.append(block)
            pos += len(block)
        page_spans.append((pos if page_start is None else page_start, pos))
    return "".join(parts), tuple(page_spans), tuple(para_spans)


# -- html ---------------------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "title", "tr", "ul",
})
_DROP_TAGS = frozenset({"script", "style", "template", "noscript"})
_CELL_TAGS = frozenset({"td", "th"})


class _HTMLText(HTMLParser):
    """Collect the text of an HTML page as paragraphs: block elements break, script and style are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._drop = 0
        self._pre = 0

    def _flush(self) -> None:
        text = "".join(self._current)
        if not self._pre:
            text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        text = text.strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self._drop += 1
        elif tag == "br":
            self._current.append("\n")
        elif tag in _CELL_TAGS:
            if self._current and "".join(self._current).strip():
                self._current.append("\t")
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre":
                self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._current.append("\n")
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self._drop = max(0, self._drop - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._drop:
            return
        self._current.append(data if self._pre else data.replace("\n", " "))

    def close(self) -> None:
        super().close()
        self._flush()


@reader(".html", ".htm", media_type="text/html")
def _read_html(data: bytes, path: str) -> Parsed:
    source, enc = decode_text(data, path)
    parser = _HTMLText()
    parser.feed(source)
    parser.close()
    text, pages, paragraphs = _join_pages([parser.blocks])
    return Parsed(text, pages, paragraphs, enc)


# -- pdf ----------------------------------------------------------------------------------------------------------


@reader(".pdf", media_type="application/pdf")
def _read_pdf(data: bytes, path: str) -> Parsed:
    page_texts = _pdf_page_texts(data, path)
    if not any(t.strip() for t in page_texts):
        raise Unreadable(path, "no_text", f"none of its {len(page_texts)} pages has a text layer")
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    pos = 0
    for i, page in enumerate(page_texts):
        if i:
            parts.append("\n\n")
            pos += 2
        page = page.replace("\r\n", "\n").replace("\r", "\n")
        parts.append(page)
        pages.append((pos, pos + len(page)))
        pos += len(page)
    text = "".join(parts)
    paragraphs = tuple(span for start, end in pages for span in paragraph_spans(text, start=start, end=end))
    return Parsed(text, tuple(pages), paragraphs, None)


def _pdf_page_texts(data: bytes, path: str) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        pdf = PdfReader(io.BytesIO(data))
        if pdf.is_encrypted and not _pdf_opens_without_password(pdf):
            raise Unreadable(path, "encrypted", "the PDF is password-protected")
        return [page.extract_text() or "" for page in pdf.pages]
    except Unreadable:
        raise
    except DependencyError as e:
        raise Unreadable(path, "encrypted", "the PDF uses encryption this installation cannot open") from e
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError) as e:
        # pypdf raises many kinds of error on malformed files; all mean the same to the user.
        raise Unreadable(path, "corrupt", f"the PDF cannot be parsed ({type(e).__name__})") from e


def _pdf_opens_without_password(pdf: object) -> bool:
    from pypdf import PasswordType

    try:
        return pdf.decrypt("") != PasswordType.NOT_DECRYPTED  # type: ignore[attr-defined]
    except (NotImplementedError, ValueError):
        return False


# -- zip containers (docx, xlsx) ----------------------------------------------------------------------------------


def check_zip(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip bomb from the members' declared sizes, before anything is decompressed.

    Raises :class:`Unreadable` ("zip_bomb") for too many members, a declared total over :data:`MAX_ZIP_TOTAL`, or a
    sizeable member whose declared compression ratio is over :data:`MAX_ZIP_RATIO`.
    """
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise Unreadable(path, "zip_bomb", f"{len(members)} members, the limit is {MAX_ZIP_MEMBERS}")
    total = sum(m.file_size for m in members)
    if total > MAX_ZIP_TOTAL:
        raise Unreadable(path, "zip_bomb", f"it would unpack to {total} bytes, the limit is {MAX_ZIP_TOTAL}")
    for m in members:
        if m.file_size > ZIP_RATIO_FLOOR and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise Unreadable(path, "zip_bomb", f"member {m.filename!r} is compressed {ratio}:1")


def _open_zip(data: bytes, path: str, what: str) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        raise Unreadable(path, "encrypted", f"this {what} is password-protected (or an old binary Office file)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, NotImplementedError) as e:
        # NotImplementedError: a damaged header claims a zip version or method we cannot read
        raise Unreadable(path, "corrupt", f"it is not a valid {what} (not a zip archive)") from e
    check_zip(archive, path)
    return archive


def _read_member(archive: zipfile.ZipFile, name: str, path: str) -> bytes:
    """Read one member, never more than it declared (a lying header cannot inflate past it)."""
    try:
        info = archive.getinfo(name)
    except KeyError as e:
        raise Unreadable(path, "corrupt", f"the part {name!r} is missing") from e
    try:
        with archive.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except RuntimeError as e:  # zipfile's word for a member flagged as encrypted
        raise Unreadable(path, "encrypted", f"the part {name!r} is encrypted") from e
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as e:
        raise Unreadable(path, "corrupt", f"the part {name!r} cannot be unpacked") from e
    if len(data) > info.file_size:
        raise Unreadable(path, "zip_bomb", f"the part {name!r} unpacks to more than it declares")
    return data


def _refuse_dtd(data: bytes, path: str, name: str) -> None:
    """Refuse an XML part with a DOCTYPE or entity declaration (no external entities, no entity expansion)."""
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
        raise Unreadable(path, "corrupt", f"the part {name!r} declares a DTD, which Office files never do")


def _parse_xml(data: bytes, path: str, name: str) -> ET.Element:
    """Parse Office XML, refusing any DTD: Office parts never have one, and entities are how XML attacks work."""
    _refuse_dtd(data, path, name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        raise Unreadable(path, "corrupt", f"the part {name!r} is not well-formed XML") from e


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_paragraph(p: ET.Element) -> str:
    out: list[str] = []
    for el in p.iter():
        if el.tag == _W + "t" and el.text:
            out.append(el.text)
        elif el.tag == _W + "tab":
            out.append("\t")
        elif el.tag in (_W + "br", _W + "cr"):
            out.append("\n")
    return "".join(out)


def _docx_blocks(container: ET.Element) -> Iterator[str]:
    """Yield one string per paragraph and one per table cell, in document order."""
    for child in container:
        if child.tag == _W + "p":
            yield _docx_paragraph(child)
        elif child.tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                for cell in row.findall(_W + "tc"):
                    yield "\n".join(b for b in _docx_blocks(cell) if b.strip())
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"):
            yield from _docx_blocks(child)


@reader(".docx", media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
def _read_docx(data: bytes, path: str) -> Parsed:
    with _open_zip(data, path, ".docx file") as archive:
        root = _parse_xml(_read_member(archive, "word/document.xml", path), path, "word/document.xml")
    body = root.find(_W + "body")
    if body is None:
        raise Unreadable(path, "corrupt", "the document has no body")
    text, pages, paragraphs = _join_pages([list(_docx_blocks(body))])
    return Parsed(text, pages, paragraphs, None)


# -- tables (csv, xlsx) -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One table of a register file: its name and its rows, each with its 1-based source line or row number."""

    name: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_sheet(data: bytes, path: str) -> tuple[Sheet, str]:
    text, enc = decode_text(data, path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows: list[tuple[int, tuple[str, ...]]] = []
    rdr = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    line = 1
    try:
        for record in rdr:
            rows.append((line, tuple(record)))
            line = rdr.line_num + 1
    except csv.Error as e:
        raise Unreadable(path, "corrupt", f"bad CSV near line {rdr.line_num}: {e}") from e
    return Sheet(Path(path).stem, tuple(rows)), enc


# What openpyxl raises on a damaged workbook (a part that does not unpack or parse).
_WORKBOOK_ERRORS = (KeyError, ValueError, TypeError, OSError, EOFError, IndexError, NotImplementedError,
                    RuntimeError, zipfile.BadZipFile, zlib.error, ET.ParseError)


def _xlsx_sheets(data: bytes, path: str) -> list[Sheet]:
    from openpyxl import load_workbook

    with _open_zip(data, path, ".xlsx file") as archive:
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                _refuse_dtd(_read_member(archive, info.filename, path), path, info.filename)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _WORKBOOK_ERRORS as e:
        raise Unreadable(path, "corrupt", f"the workbook cannot be opened ({type(e).__name__})") from e
    try:
        sheets = []
        for ws in book.worksheets:
            rows = tuple(
                (i, tuple(_cell_text(v) for v in values))
                for i, values in enumerate(ws.iter_rows(values_only=True), start=1)
            )
            sheets.append(Sheet(ws.title, rows))
        return sheets
    except _WORKBOOK_ERRORS as e:  # read-only sheets are unpacked lazily, row by row
        raise Unreadable(path, "corrupt", f"a sheet of the workbook cannot be read ({type(e).__name__})") from e
    finally:
        book.close()


def read_sheets(path: Path, *, max_bytes: int) -> tuple[bytes, list[Sheet], str | None]:
    """Read a .csv or .xlsx file as tables: ``(file bytes, sheets, encoding)`` (a CSV is one sheet).

    Raises :class:`Unreadable` as :func:`read_document` does ("unsupported" for other extensions).
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in (".csv", ".xlsx"):
        raise Unreadable(str(path), "unsupported", f"a register must be .csv or .xlsx, not {ext or 'no extension'!r}")
    data = read_bytes(path, max_bytes=max_bytes)
    if ext == ".csv":
        sheet, enc = _csv_sheet(data, str(path))
        return data, [sheet], enc
    return data, _xlsx_sheets(data, str(path)), None


def _sheets_parsed(sheets: list[Sheet], encoding: str | None) -> Parsed:
    pages = [["\t".join(cells).rstrip("\t") for _, cells in sheet.rows] for sheet in sheets]
    text, page_spans, paragraphs = _join_pages(pages)
    return Parsed(text, page_spans, paragraphs, encoding, kind_hint="register")


@reader(".csv", media_type="text/csv")
def _read_csv(data: bytes, path: str) -> Parsed:
    sheet, enc = _csv_sheet(data, path)
    return _sheets_parsed([sheet], enc)


@reader(".xlsx", media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
def _read_xlsx(data: bytes, path: str) -> Parsed:
    return _sheets_parsed(_xlsx_sheets(data, path), None)
