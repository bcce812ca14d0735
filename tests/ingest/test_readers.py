"""Tests for ingest.readers: every format read from real files, and every way a file is refused."""

from __future__ import annotations

import hashlib
import io
import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pypdf
import pytest

from ingest import readers
from ingest.documents import SourceDocument, Unreadable
from ingest.readers import READERS, Parsed, read_document, reader

MAX = 10 * 1024 * 1024


# -- builders -----------------------------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]]) -> bytes:
    """A real PDF whose text layer is a Type0 font with a ToUnicode CMap, one line of text per ``Tj``."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    entries = [f"<{code[ch]:04X}> <{ord(ch):04X}>" for ch in chars]
    bfchar = "\n".join(
        f"{len(entries[i:i + 100])} beginbfchar\n" + "\n".join(entries[i:i + 100]) + "\nendbfchar"
        for i in range(0, len(entries), 100)
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        f"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n{bfchar}\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode()
    first_page = 7
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    objs: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>",
        5: b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        6: b"<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    }
    for i, page in enumerate(pages):
        ops = [
            f"BT /F1 12 Tf 72 {760 - 20 * j} Td <{''.join(f'{code[ch]:04X}' for ch in line)}> Tj ET"
            for j, line in enumerate(page)
        ] or ["0 0 m 200 200 l S"]
        stream = "\n".join(ops).encode()
        objs[first_page + 2 * i] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {first_page + 2 * i + 1} 0 R >>"
        ).encode()
        objs[first_page + 2 * i + 1] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[num] for num in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def make_docx(body: str, *, prolog: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document.encode("utf-8"))
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, *, max_bytes: int = MAX) -> Unreadable:
    with pytest.raises(Unreadable) as info:
        read_document(path, max_bytes=max_bytes)
    return info.value


def paragraph_texts(doc: SourceDocument) -> list[str]:
    return [doc.text[s:e] for s, e in doc.paragraphs]


# -- text ---------------------------------------------------------------------------------------------------------


def test_read_txt_utf8_gives_id_size_and_blank_line_paragraphs(tmp_path: Path) -> None:
    data = "第一段，第一行\n第一段，第二行\n\n  Second paragraph.\n\n\n第三段\n".encode()
    doc = read_document(write(tmp_path, "note.txt", data), max_bytes=MAX)
    assert doc.id == "doc:" + hashlib.sha256(data).hexdigest()
    assert doc.size == len(data)
    assert doc.encoding == "utf-8"
    assert doc.media_type == "text/plain"
    assert doc.pages == ((0, len(doc.text)),)
    assert paragraph_texts(doc) == ["第一段，第一行\n第一段，第二行", "Second paragraph.", "第三段"]


def test_read_txt_strips_utf8_bom_and_normalises_crlf(tmp_path: Path) -> None:
    data = "\ufeffline one\r\n\r\nline two".encode()
    doc = read_document(write(tmp_path, "bom.md", data), max_bytes=MAX)
    assert doc.text == "line one\n\nline two"
    assert doc.encoding == "utf-8-sig"
    assert doc.media_type == "text/markdown"
    assert paragraph_texts(doc) == ["line one", "line two"]


def test_read_txt_utf16_with_bom_keeps_every_character(tmp_path: Path) -> None:
    text = "被害人陳○明於曼谷獲救 +66 81 234 5678"
    doc = read_document(write(tmp_path, "u16.txt", text.encode("utf-16")), max_bytes=MAX)
    assert doc.text == text
    assert doc.encoding == "utf-16"


def test_read_txt_big5_is_decoded_after_utf8_fails(tmp_path: Path) -> None:
    text = "臺中地方檢察署偵辦人口販運案，計 75 件。"
    doc = read_document(write(tmp_path, "big5.txt", text.encode("big5")), max_bytes=MAX)
    assert doc.text == text
    assert doc.encoding == "big5"


def test_read_txt_cp950_only_character_is_decoded(tmp_path: Path) -> None:
    text = "價格 €100"  # the euro sign exists in CP950 but not in Big5
    doc = read_document(write(tmp_path, "cp950.txt", text.encode("cp950")), max_bytes=MAX)
    assert doc.text == text
    assert doc.encoding == "cp950"


def test_read_txt_with_nul_bytes_is_refused_as_binary(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert err.reason == "binary"
    assert "image.txt" in str(err)


def test_read_txt_full_of_control_characters_is_refused_as_binary(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "ctl.txt", b"abc\x01\x02\x03\x04def\x05\x06\x07ghi" * 10))
    assert err.reason == "binary"


def test_read_txt_valid_in_no_encoding_is_refused_as_binary(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "junk.txt", b"\xff\xfa\xff\xfb text")).reason == "binary"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_read_empty_or_whitespace_file_is_refused_as_empty(tmp_path: Path, data: bytes) -> None:
    assert refused(write(tmp_path, "blank.txt", data)).reason == "empty"


def test_read_file_over_max_bytes_is_refused_as_too_large(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "big.txt", b"a" * 2048), max_bytes=1024)
    assert err.reason == "too_large"
    assert "big.txt" in str(err) and "1024" in str(err)


def test_read_unsupported_extension_names_file_and_supported_formats(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "setup.exe", b"MZ\x90\x00"))
    assert err.reason == "unsupported"
    assert err.path.endswith("setup.exe")
    assert "setup.exe" in str(err) and ".pdf" in str(err) and "convert" in str(err)


def test_read_missing_file_is_refused_as_missing(tmp_path: Path) -> None:
    assert refused(tmp_path / "gone.txt").reason == "missing"


# -- html ---------------------------------------------------------------------------------------------------------


def test_read_html_drops_script_and_style_and_splits_blocks(tmp_path: Path) -> None:
    html = (
        "<html><head><title>通報</title><style>p {color: red}</style>"
        "<script>var secret = 'do not index';</script></head><body>"
        "<h1>Rescue &amp; return</h1><p>Flight <b>BR265</b>\n  TPE&rarr;PNH&nbsp;on 5 Sept 2022.</p>"
        "<div>line one<br>line two</div><ul><li>陳○明</li><li>林○華</li></ul></body></html>"
    )
    doc = read_document(write(tmp_path, "page.html", html.encode()), max_bytes=MAX)
    assert "secret" not in doc.text and "color" not in doc.text
    assert paragraph_texts(doc) == [
        "通報", "Rescue & return", "Flight BR265 TPE\u2192PNH on 5 Sept 2022.", "line one\nline two",
        "陳○明", "林○華",
    ]
    assert doc.media_type == "text/html"


def test_read_htm_big5_page_is_decoded(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "old.htm", "<p>臺北</p><p>金邊</p>".encode("big5")), max_bytes=MAX)
    assert paragraph_texts(doc) == ["臺北", "金邊"]


# -- pdf ----------------------------------------------------------------------------------------------------------

CJK_PAGES = [
    ["查獲國人李○華等 3 人涉嫌人口販運案", "於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"],
    ["Liaison report: BR265 TPE PNH"],
    ["西哈努克 巴域 妙瓦底"],
]


def test_read_pdf_extracts_traditional_chinese_text_layer_with_page_offsets(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "report.pdf", make_pdf(CJK_PAGES)), max_bytes=MAX)
    assert doc.media_type == "application/pdf"
    assert len(doc.pages) == 3
    assert doc.page_text(0) == "查獲國人李○華等 3 人涉嫌人口販運案\n於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"
    assert doc.page_text(1) == "Liaison report: BR265 TPE PNH"
    assert doc.page_text(2) == "西哈努克 巴域 妙瓦底"
    starts = [s for s, _ in doc.pages]
    assert starts == sorted(starts)
    assert all(any(ps <= s and e <= pe for ps, pe in doc.pages) for s, e in doc.paragraphs)
    assert len(doc.paragraphs) == 3


def test_read_pdf_with_user_password_is_refused_as_encrypted(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(CJK_PAGES))))
    writer.encrypt("s3cret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    err = refused(write(tmp_path, "locked.pdf", buf.getvalue()))
    assert err.reason == "encrypted"
    assert "locked.pdf" in str(err) and "password" in str(err)


def test_read_pdf_with_only_drawings_is_refused_for_no_text_layer(tmp_path: Path) -> None:
    err = refused(write(tmp_path, "scan.pdf", make_pdf([[], []])))
    assert err.reason == "no_text"
    assert "OCR" in str(err)


def test_read_truncated_pdf_is_refused_as_corrupt(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Cat")).reason == "corrupt"


# -- docx ---------------------------------------------------------------------------------------------------------


def test_read_docx_gives_paragraphs_and_table_cells_in_order(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc>" + para("姓名") + "</w:tc><w:tc>" + para("護照號碼") + "</w:tc></w:tr>"
        "<w:tr><w:tc>" + para("陳○明") + "</w:tc><w:tc>" + para("312345678") + "</w:tc></w:tr></w:tbl>"
    )
    body = para("移送書") + "<w:p/>" + para("Recruited via LINE &amp; Telegram") + table + para("完")
    doc = read_document(write(tmp_path, "case.docx", make_docx(body)), max_bytes=MAX)
    assert paragraph_texts(doc) == ["移送書", "Recruited via LINE & Telegram", "姓名", "護照號碼", "陳○明",
                                    "312345678", "完"]
    assert doc.pages == ((0, len(doc.text)),)


def test_read_docx_zip_bomb_is_refused_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(block)
    assert path.stat().st_size < 5 * 1024 * 1024
    started = time.perf_counter()
    err = refused(path)
    assert err.reason == "zip_bomb"
    assert time.perf_counter() - started < 1.0
    assert "bomb.docx" in str(err)


def test_read_xlsx_over_declared_total_is_refused_as_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ZIP_TOTAL", 64 * 1024)
    book = openpyxl.Workbook()
    sheet = book.active
    for i in range(2000):
        sheet.append([os.urandom(16).hex(), i])
    path = tmp_path / "wide.xlsx"
    book.save(path)
    assert refused(path).reason == "zip_bomb"


def test_read_docx_that_is_not_a_zip_is_refused_as_corrupt(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "fake.docx", b"this is not a zip file at all")).reason == "corrupt"


def test_read_docx_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    err = refused(write(tmp_path, "xxe.docx", make_docx(para("&x;"), prolog=prolog)))
    assert err.reason == "corrupt"
    assert "DTD" in str(err)


def test_read_password_protected_office_file_is_refused_as_encrypted(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert refused(write(tmp_path, "locked.docx", ole)).reason == "encrypted"


# -- tables -------------------------------------------------------------------------------------------------------


def test_read_xlsx_document_has_one_page_per_sheet_and_register_hint(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "救援"
    first.append(["姓名", "國家"])
    first.append(["陳○明", "柬埔寨"])
    second = book.create_sheet("班機")
    second.append(["班機", "日期"])
    second.append(["BR265", 20220905])
    path = tmp_path / "book.xlsx"
    book.save(path)
    doc = read_document(path, max_bytes=MAX)
    assert doc.kind_hint == "register"
    assert [doc.page_text(i) for i in range(2)] == ["姓名\t國家\n\n陳○明\t柬埔寨", "班機\t日期\n\nBR265\t20220905"]


def test_read_csv_document_in_big5(tmp_path: Path) -> None:
    data = "姓名,國家\n陳○明,柬埔寨\n".encode("big5")
    doc = read_document(write(tmp_path, "list.csv", data), max_bytes=MAX)
    assert paragraph_texts(doc) == ["姓名\t國家", "陳○明\t柬埔寨"]
    assert doc.encoding == "big5"


# -- registry -----------------------------------------------------------------------------------------------------


def test_add_on_reader_registered_by_decorator_is_used(tmp_path: Path) -> None:
    @reader(".tipx", media_type="application/x-tip")
    def read_tip(data: bytes, path: str) -> Parsed:
        text = data.decode("ascii").upper()
        return Parsed(text, ((0, len(text)),), ((0, len(text)),), "ascii")

    try:
        doc = read_document(write(tmp_path, "a.TIPX", b"hello"), max_bytes=MAX)
    finally:
        del READERS[".tipx"]
    assert (doc.text, doc.media_type, doc.encoding) == ("HELLO", "application/x-tip", "ascii")


def test_builtin_readers_are_registered_for_every_supported_extension() -> None:
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".csv", ".xlsx"} <= set(READERS)


def test_read_xlsx_with_entity_declaration_in_a_part_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["姓名"])
    clean = io.BytesIO()
    book.save(clean)
    path = tmp_path / "xxe.xlsx"
    with zipfile.ZipFile(io.BytesIO(clean.getvalue())) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + data.split(b"?>", 1)[-1]
            dst.writestr(info, data)
    err = refused(path)
    assert err.reason == "corrupt" and "xl/workbook.xml" in str(err)


def test_read_docx_keeps_tabs_and_line_breaks_inside_a_paragraph(tmp_path: Path) -> None:
    body = "<w:p><w:r><w:t>電話</w:t><w:tab/><w:t>+855 12 345 678</w:t><w:br/><w:t>LINE: abc123</w:t></w:r></w:p>"
    doc = read_document(write(tmp_path, "tabs.docx", make_docx(body)), max_bytes=MAX)
    assert doc.text == "電話\t+855 12 345 678\nLINE: abc123"
    assert doc.paragraphs == ((0, len(doc.text)),)
