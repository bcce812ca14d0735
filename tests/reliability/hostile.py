"""A corpus of hostile files, generated on demand (nothing binary is committed).

``write_corpus(folder)`` writes every file into ``folder`` and returns what ingest should do
with each: the reason it must be quarantined for, or ``None`` when it must be read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf

from tests.ingest.test_readers import CONTENT_TYPES, make_pdf

__all__ = ["FORMULA", "CYPHER", "SCRIPT", "HOSTILE_NAMES", "write_corpus", "write_huge_text"]

FORMULA = '=HYPERLINK("http://x","y")'
CYPHER = "'}) MATCH (n) DETACH DELETE n //"
SCRIPT = "<script>alert('x')</script>"
HOSTILE_NAMES = (FORMULA, CYPHER, SCRIPT)
PAGES = [["查獲國人李○華等 3 人涉嫌人口販運案", "於 112 年 2 月 8 日移送臺中地方檢察署偵辦。"]]


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(PAGES))))
    writer.encrypt("s3cret", algorithm="RC4-128")  # pure Python; AES needs the cryptography package
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _zip_bomb_docx(path: Path, megabytes: int = 300) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                member.write(block)


def write_huge_text(path: Path, megabytes: int = 200) -> Path:
    """A text file of ``megabytes`` MB, written in 1 MB blocks (never held whole in memory)."""
    line = "查獲國人李○華等 3 人涉嫌人口販運案 BR265 TPE→PNH +855 12 345 678\n".encode()
    block = line * (1024 * 1024 // len(line))
    with open(path, "wb") as fh:
        for _ in range(megabytes):
            fh.write(block)
    return path


def write_corpus(folder: Path) -> dict[str, str | None]:
    """Write the hostile corpus; returns file name -> expected quarantine reason (None: read)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, reason: str | None) -> None:
        (folder / name).write_bytes(data)
        expected[name] = reason

    pdf = make_pdf(PAGES)
    put("cut.pdf", pdf[: len(pdf) // 2], "corrupt")
    put("locked.pdf", _encrypted_pdf(), "encrypted")
    _zip_bomb_docx(folder / "bomb.docx")
    expected["bomb.docx"] = "zip_bomb"
    put("nul.txt", b"\x00\x01\x02MZ\x00\x00binary\x00" * 64, "binary")
    put("utf16-without-bom.txt", "被害人陳○明於曼谷獲救".encode("utf-16-le"), "binary")
    put("latin1.txt", "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e0 la cr\u00e8me".encode("latin-1"), "binary")
    put("..\\..\\etc\\passwd.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Cat", "corrupt")
    put("....\\passwd.txt", "受害人陳偉明於金邊獲救，搭乘 BR265 返國。".encode(), None)
    put("script.html", (f"<html><body><p>{SCRIPT}</p><script>alert(1)</script>"
                        "<p>被害人林○華於妙瓦底獲救。</p></body></html>").encode(), None)
    put("script.txt", f"通報：{SCRIPT} 被害人張○強於西港獲救。".encode(), None)
    rows = [f'"{name.replace(chr(34), chr(34) * 2)}",31{i:07d},柬埔寨,西港,111/03/03' for i, name in enumerate(HOSTILE_NAMES)]
    put("rescue_hostile.csv", ("姓名,護照號碼,國家,地點,返國日期\n" + "\n".join(rows) + "\n").encode(), None)
    return expected
