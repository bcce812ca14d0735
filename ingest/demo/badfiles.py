"""Files ingest must quarantine: empty, binary under a text name, a register missing a column, a
zip bomb posing as .docx (small on disk) and a truncated PDF; each with the reason ingest should give."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

__all__ = ["write_bad_files", "BOMB_SIZE", "NOT_GENERATED"]

#: Uncompressed size of the zip bomb's one big member.
BOMB_SIZE = 100 * 1024 * 1024
_CHUNK = 1024 * 1024
_EPOCH = (1980, 1, 1, 0, 0, 0)

#: Cases described in the truth file but deliberately not written, to keep the corpus small.
NOT_GENERATED: tuple[dict[str, str], ...] = (
    {"case": "oversize", "reason": "too_large", "note": "a .txt over 6 MB; not generated to keep the corpus small"},
)


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("[Content_Types].xml", date_time=_EPOCH)
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, '<?xml version="1.0" encoding="UTF-8"?><Types/>')
        big = zipfile.ZipInfo("word/document.xml", date_time=_EPOCH)
        big.compress_type = zipfile.ZIP_DEFLATED
        zeros = bytes(_CHUNK)
        with zf.open(big, "w", force_zip64=True) as out:
            for _ in range(BOMB_SIZE // _CHUNK):
                out.write(zeros)


def write_bad_files(out_dir: Path, *, seed: int) -> list[dict[str, str]]:
    """Write the bad files under ``out_dir/bad``; return ``[{"file", "reason"}]`` sorted by file."""
    bad = out_dir / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}:bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan-0001.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096))
    (bad / "manifest_missing_flight.csv").write_bytes(
        "\ufeffpassenger,passport,date,origin,destination\r\nLIN YU-TING,312000001,2022-09-05,PNH,TPE\r\n".encode())
    _zip_bomb(bad / "referral-scan.docx")
    pdf = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R"
           b" /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length 512 >>\nstream\nBT /F1 12 Tf 72 712 Td (")
    (bad / "indictment-111-0042.pdf").write_bytes(pdf)
    return [
        {"file": "bad/empty.txt", "reason": "empty"},
        {"file": "bad/indictment-111-0042.pdf", "reason": "corrupt"},
        {"file": "bad/manifest_missing_flight.csv", "reason": "bad_register"},
        {"file": "bad/referral-scan.docx", "reason": "zip_bomb"},
        {"file": "bad/scan-0001.txt", "reason": "binary"},
    ]
