"""Registers: tabular files (.csv, .xlsx) of rescues, flight manifests, victim services and activities.

Each kind has a declared schema of canonical columns with Chinese and English aliases; :func:`read_register` maps a
file's headers onto it and returns clean rows, each with its source line.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.documents import Unreadable, document_id
from ingest.readers import Sheet, read_sheets

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SCHEMAS",
    "Column",
    "Register",
    "RegisterRow",
    "RegisterSchema",
    "clean_value",
    "describe_schema",
    "detect_kind",
    "normalize_header",
    "read_register",
]

log = logging.getLogger(__name__)

#: Largest register file read by default (bytes).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: How many non-empty rows at the top of a sheet may be a title before the header row.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Column:
    """A canonical column: its name, the header spellings that mean it, and whether a register must have it."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class RegisterSchema:
    """The declared columns of one register kind."""

    kind: str
    columns: tuple[Column, ...]

    @property
    def required(self) -> tuple[str, ...]:
        """Canonical names of the required columns."""
        return tuple(c.name for c in self.columns if c.required)

    def lookup(self) -> dict[str, str]:
        """Map each normalised alias (and canonical name) to its canonical column name."""
        table: dict[str, str] = {}
        for col in self.columns:
            for alias in (col.name, *col.aliases):
                table.setdefault(normalize_header(alias), col.name)
        return table


def _schema(kind: str, *columns: tuple[str, tuple[str, ...], bool]) -> RegisterSchema:
    return RegisterSchema(kind, tuple(Column(name, aliases, required) for name, aliases, required in columns))


#: The register kinds and their columns; the demo corpus writes these header strings.
SCHEMAS: dict[str, RegisterSchema] = {
    s.kind: s
    for s in (
        _schema(
            "rescue",
            ("victim", ("姓名", "被害人", "name", "victim"), True),
            ("passport", ("護照號碼", "passport", "passport_no"), False),
            ("sex", ("性別", "sex", "gender"), False),
            ("birth_year", ("出生年", "birth_year", "year_of_birth"), False),
            ("country", ("國家", "剝削國家", "country"), False),
            ("place", ("地點", "剝削地點", "place"), False),
            ("reported", ("通報日期", "reported"), False),
            ("located", ("尋獲日期", "located"), False),
            ("rescued", ("救援日期", "rescued"), False),
            ("returned", ("返國日期", "returned"), False),
            ("liaison_office", ("駐外館處", "liaison_office"), False),
            ("return_flight", ("返國班機", "return_flight"), False),
        ),
        _schema(
            "manifest",
            ("passenger", ("旅客姓名", "passenger", "name"), True),
            ("passport", ("護照號碼", "passport"), False),
            ("flight", ("班機", "flight"), True),
            ("date", ("日期", "出發日期", "date"), True),
            ("origin", ("出發地", "origin", "from"), False),
            ("destination", ("目的地", "destination", "to"), False),
        ),
        _schema(
            "services",
            ("victim", ("被害人", "victim", "name"), True),
            ("kind", ("服務類別", "kind", "service"), True),
            ("date", ("日期", "date"), True),
            ("provider", ("提供單位", "provider"), False),
        ),
        _schema(
            "activities",
            ("kind", ("活動類別", "kind"), True),
            ("date", ("日期", "date"), True),
            ("title", ("名稱", "title"), False),
            ("participants", ("人數", "participants"), False),
            ("partner", ("合作單位", "partner"), False),
        ),
    )
}


@dataclass(frozen=True)
class RegisterRow:
    """One data row: its 1-based line (CSV) or row (sheet) number, its canonical values and any unknown columns."""

    line: int
    values: dict[str, str]
    extra: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def get(self, column: str, default: str = "") -> str:
        """Return the cleaned value of ``column``, or ``default`` when the register has no such column."""
        return self.values.get(column, default)


@dataclass(frozen=True)
class Register:
    """A register file read against its schema.

    ``headers`` maps each source header to its canonical column (unknown ones are absent and reported in
    ``warnings``); ``id`` is the ``doc:`` SHA-256 id of the file's bytes.
    """

    id: str
    path: str
    kind: str
    sheet: str
    headers: dict[str, str]
    rows: tuple[RegisterRow, ...]
    warnings: tuple[str, ...]
    encoding: str | None
    size: int


def normalize_header(text: str) -> str:
    """Normalise a header for matching: full-width to half-width, no spaces or underscores, case-folded.

    >>> normalize_header(" Passport_No ") == normalize_header("ＰＡＳＳＰＯＲＴ ＮＯ")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "_-.")


_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def clean_value(text: str) -> str:
    """Clean a cell: full-width ASCII (digits, letters, punctuation) to half-width, then strip.

    >>> clean_value(" １１１／３／４ ")
    '111/3/4'
    """
    return text.translate(_FULLWIDTH).strip()


def describe_schema(kind: str) -> str:
    """Describe a kind's columns for error messages: ``victim* (姓名, 被害人, name, victim), ...`` (* = required)."""
    schema = _schema_for(kind)
    return ", ".join(f"{c.name}{'*' if c.required else ''} ({', '.join(c.aliases)})" for c in schema.columns)


def _schema_for(kind: str) -> RegisterSchema:
    try:
        return SCHEMAS[kind]
    except KeyError:
        raise ValueError(f"kind={kind!r} is not a register kind; use one of {', '.join(SCHEMAS)}") from None


def _match(schema: RegisterSchema, header: tuple[str, ...]) -> dict[int, str]:
    """Map column index -> canonical name, first column winning when two headers mean the same column."""
    table = schema.lookup()
    found: dict[int, str] = {}
    for i, cell in enumerate(header):
        name = table.get(normalize_header(cell))
        if name is not None and name not in found.values():
            found[i] = name
    return found


def _missing(schema: RegisterSchema, matched: dict[int, str]) -> list[str]:
    return [c for c in schema.required if c not in matched.values()]


def detect_kind(header: list[str] | tuple[str, ...]) -> str | None:
    """Return the register kind whose required columns all appear in ``header``, with the most matched columns.

    Returns ``None`` when no kind fits, or when two kinds fit equally well.

    >>> detect_kind(["旅客姓名", "班機", "日期"])
    'manifest'
    """
    scores: list[tuple[int, str]] = []
    for kind, schema in SCHEMAS.items():
        matched = _match(schema, tuple(header))
        if not _missing(schema, matched):
            scores.append((len(matched), kind))
    scores.sort(reverse=True)
    if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return None
    return scores[0][1]


def _nonempty(rows: tuple[tuple[int, tuple[str, ...]], ...]) -> list[tuple[int, tuple[str, ...]]]:
    return [(n, cells) for n, cells in rows if any(clean_value(c) for c in cells)]


def _find_header(sheets: list[Sheet], kind: str | None) -> tuple[Sheet, int, str] | None:
    """Find (sheet, index of the header row among its non-empty rows, kind) for the first header that fits."""
    for sheet in sheets:
        for idx, (_, cells) in enumerate(_nonempty(sheet.rows)[:HEADER_SEARCH_ROWS]):
            if kind is None:
                found = detect_kind(cells)
                if found is not None:
                    return sheet, idx, found
            elif not _missing(SCHEMAS[kind], _match(SCHEMAS[kind], cells)):
                return sheet, idx, kind
    return None


def _bad_register(path: str, header: tuple[str, ...], kind: str | None) -> Unreadable:
    shown = ", ".join(repr(h) for h in header if h.strip()) or "none"
    if kind is not None:
        missing = ", ".join(_missing(SCHEMAS[kind], _match(SCHEMAS[kind], header)))
        detail = (f"the {kind} register lacks the required column {missing} (headers found: {shown}); "
                  f"expected columns, * required: {describe_schema(kind)}")
        return Unreadable(path, "bad_register", detail)
    lacks = "; ".join(
        f"{k} lacks {', '.join(_missing(s, _match(s, header))) or 'nothing but ties with another kind'}"
        for k, s in SCHEMAS.items()
    )
    expected = " | ".join(f"{k}: {describe_schema(k)}" for k in SCHEMAS)
    detail = (f"no register kind fits its headers ({shown}): {lacks}; expected columns, * required: {expected}; "
              "or name the kind explicitly")
    return Unreadable(path, "bad_register", detail)


def read_register(path: Path, kind: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Register:
    """Read a .csv or .xlsx register and map its columns onto the schema of ``kind``.

    Args:
        path: the file (.csv in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Big5; or .xlsx).
        kind: ``rescue``, ``manifest``, ``services`` or ``activities``; ``None`` detects it from the headers.
        max_bytes: files larger than this are refused.

    Returns:
        The :class:`Register`; rows that are entirely empty are skipped, unknown columns are kept under each row's
        ``extra`` and reported in ``warnings``.

    Raises:
        ValueError: ``kind`` is not a register kind.
        Unreadable: the file cannot be read, or (``bad_register``) it lacks a required column; the message names the
            missing column and lists the expected ones with their aliases.
    """
    if kind is not None:
        _schema_for(kind)
    path = Path(path)
    data, sheets, encoding = read_sheets(path, max_bytes=max_bytes)
    first = next((rows[0][1] for rows in (_nonempty(s.rows) for s in sheets) if rows), None)
    if first is None:
        raise Unreadable(str(path), "empty", "the register has no rows")
    found = _find_header(sheets, kind)
    if found is None:
        raise _bad_register(str(path), first, kind)
    sheet, header_idx, kind = found
    rows = _nonempty(sheet.rows)
    header = rows[header_idx][1]
    columns = _match(SCHEMAS[kind], header)
    warnings = _header_warnings(sheet, header, columns, kind)
    extra_names = _extra_names(header, columns)
    out = tuple(_row(line, cells, columns, extra_names) for line, cells in rows[header_idx + 1:])
    warnings += _overflow_warnings(out, len(header))
    log.info("register %s read as %s: %d rows", document_id(data), kind, len(out))
    return Register(
        id=document_id(data),
        path=str(path),
        kind=kind,
        sheet=sheet.name,
        headers={header[i]: name for i, name in columns.items()},
        rows=out,
        warnings=tuple(warnings),
        encoding=encoding,
        size=len(data),
    )


def _extra_names(header: tuple[str, ...], columns: dict[int, str]) -> dict[int, str]:
    return {i: (clean_value(h) or f"column_{i + 1}") for i, h in enumerate(header) if i not in columns}


def _header_warnings(sheet: Sheet, header: tuple[str, ...], columns: dict[int, str], kind: str) -> list[str]:
    warnings = []
    for i, h in enumerate(header):
        if i in columns or not h.strip():
            continue
        warnings.append(f"column {clean_value(h)!r} (column {i + 1}) is not part of the {kind} register; "
                        "kept under extra")
    return warnings


def _overflow_warnings(rows: tuple[RegisterRow, ...], width: int) -> list[str]:
    unnamed = sorted(
        {k for r in rows for k in r.extra if k.startswith("column_") and k[7:].isdigit() and int(k[7:]) > width}
    )
    return [f"values in {k}, which has no header, kept under extra" for k in unnamed]


def _row(line: int, cells: tuple[str, ...], columns: dict[int, str], extra_names: dict[int, str]) -> RegisterRow:
    values = {name: "" for name in columns.values()}
    extra: dict[str, str] = {}
    for i, cell in enumerate(cells):
        value = clean_value(cell)
        if i in columns:
            values[columns[i]] = value
        elif value:
            extra[extra_names.get(i, f"column_{i + 1}")] = value
    return RegisterRow(line, values, extra)
