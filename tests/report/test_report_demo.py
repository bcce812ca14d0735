"""The 4P report of the demo corpus: DOMAIN's 2022 figures in every format, no names, a PDF that
embeds its CJK font and renders, a DOCX that Word's library and LibreOffice open, a cut-off that
freezes the figures, and the command line."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from playbooks.indicators import load_indicators
from playbooks.report import build_report, find_cjk_font, render
from tests.support.domain import TABLE_2022
from tipgraph.cli import app

pytestmark = pytest.mark.server

GENERATED = datetime(2023, 2, 1, 9, 30, tzinfo=timezone.utc)
AS_OF = datetime.now(timezone.utc).date() + timedelta(days=1)  # every demo document, ingested today, counts
TITLE_ZH = "2022 年人口販運防制 4P 成果報告"


@pytest.fixture(scope="module")
def font():
    return find_cjk_font()


@pytest.fixture(scope="module")
def reports(demo_graph):
    """The report model per language, built once."""
    return {lang: build_report(demo_graph, 2022, lang=lang, as_of=AS_OF, generated_at=GENERATED)
            for lang in ("zh-TW", "en")}


@pytest.fixture(scope="module")
def rendered(reports, font):
    """Every format of both languages, with the seconds each took to render."""
    import time

    out = {}
    for lang, report in reports.items():
        for fmt in ("md", "html", "docx", "pdf"):
            start = time.perf_counter()
            out[(lang, fmt)] = render(report, fmt, font=font)
            out[(lang, fmt, "seconds")] = time.perf_counter() - start
    return out


def _squeeze(text: str) -> str:
    """Text without white space: PDF text extraction spaces and breaks lines its own way."""
    return "".join(text.split())


def _titles(lang: str) -> dict[str, str]:
    return {d.id: d.title_zh if lang == "zh-TW" else d.title_en for d in load_indicators()}


def _md_rows(md: str) -> dict[str, list[str]]:
    rows = {}
    for line in md.splitlines():
        if line.startswith("| "):
            cells = [c.strip().strip("\u3000") for c in line.strip("|").split(" | ")]
            rows.setdefault(cells[0], cells)
    return rows


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_report_md_shows_every_2022_figure_of_domain_table(rendered, lang):
    rows = _md_rows(rendered[(lang, "md")].decode())
    titles = _titles(lang)
    for key, value in TABLE_2022.items():
        assert rows[titles[key]][2] == f"{value:,}", (key, rows[titles[key]])


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_report_html_shows_every_2022_figure_of_domain_table(rendered, lang):
    page = rendered[(lang, "html")].decode()
    titles = _titles(lang)
    for key, value in TABLE_2022.items():
        cell = re.escape(html.escape(titles[key]))
        assert re.search(rf'<td[^>]*>{cell}</td><td>[^<]*</td><td class="num">{value:,}</td>', page), key


def test_report_pdf_and_docx_show_the_2022_figures(rendered):
    from docx import Document
    from pypdf import PdfReader

    titles = _titles("zh-TW")
    doc = Document(io.BytesIO(rendered[("zh-TW", "docx")]))
    cells = {row.cells[0].text: row.cells[2].text for t in doc.tables for row in t.rows if len(row.cells) == 5}
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered[("zh-TW", "pdf")])).pages)
    for key, value in TABLE_2022.items():
        assert cells[titles[key]] == f"{value:,}", key
        assert f"{value:,}" in pdf_text, key


def _people(demo_dir: Path, demo_graph) -> set[str]:
    truth = json.loads((demo_dir / "truth.json").read_text(encoding="utf-8"))
    names = {p["name"] for p in truth["people"]} | {s for p in truth["people"] for s in p["surfaces"]}
    for row in demo_graph.read("MATCH (p:Person) RETURN p.name AS name, p.aliases AS aliases"):
        names.add(row["name"] or "")
        names.update(row["aliases"] or [])
    return {n.lower() for n in names if len(n) >= 3}


def _texts(rendered) -> dict[str, str]:
    from docx import Document
    from pypdf import PdfReader

    out = {}
    for lang in ("zh-TW", "en"):
        out[f"{lang}.md"] = rendered[(lang, "md")].decode()
        out[f"{lang}.html"] = html.unescape(rendered[(lang, "html")].decode())
        doc = Document(io.BytesIO(rendered[(lang, "docx")]))
        out[f"{lang}.docx"] = "\n".join([p.text for p in doc.paragraphs]
                                        + [c.text for t in doc.tables for r in t.rows for c in r.cells])
        out[f"{lang}.pdf"] = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(rendered[(lang, "pdf")])).pages)
    return out


def test_report_never_names_a_person_masked_or_not(rendered, demo_dir, demo_graph):
    names = _people(demo_dir, demo_graph)
    assert len(names) > 1000  # the check below is not vacuous
    for where, text in _texts(rendered).items():
        folded = text.lower()
        found = sorted(n for n in names if n in folded)
        assert not found, f"{where} names {found[:5]}"


def _fonts_of(page) -> list:
    fonts = []
    for ref in (page.get("/Resources", {}).get("/Font") or {}).values():
        font = ref.get_object()
        fonts.append(font)
        fonts.extend(d.get_object() for d in font.get("/DescendantFonts") or [])
    return fonts


def test_report_pdf_embeds_its_cjk_font_and_carries_the_chinese_title(rendered):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(rendered[("zh-TW", "pdf")]))
    assert TITLE_ZH in reader.pages[0].extract_text()
    embedded = set()
    for page in reader.pages:
        for font in _fonts_of(page):
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and ("/FontFile2" in descriptor.get_object()
                                           or "/FontFile3" in descriptor.get_object()):
                embedded.add(str(font["/BaseFont"]))
    assert any("WenQuanYi" in name or "CJK" in name or "Ming" in name or "Hei" in name for name in embedded), embedded


def test_report_pdf_pages_render_and_none_is_blank(rendered, tmp_path):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(rendered[("zh-TW", "pdf")])
    assert len(pdf) >= 4
    for i in range(len(pdf)):
        image = pdf[i].render(scale=0.5).to_pil().convert("L")
        inked = sum(image.histogram()[:200])  # pixels darker than near-white
        assert inked > 500, f"page {i + 1} is blank"
        if i == 0:
            image.save(tmp_path / "cover.png")


def test_report_pdf_font_has_a_glyph_for_every_character_of_the_title(font):
    """Extracted text proves the mapping to Unicode; this proves the glyphs drawn are real, not boxes."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font.path), fontNumber=font.index).getBestCmap()
    assert [ch for ch in TITLE_ZH if ch != " " and ord(ch) not in cmap] == []


def test_report_docx_reopens_with_its_tables(rendered):
    from docx import Document

    doc = Document(io.BytesIO(rendered[("en", "docx")]))
    headed = [t for t in doc.tables if t.rows[0].cells[0].text == "Indicator"]
    assert len(headed) == 5  # one per P and the appendix
    assert len(doc.inline_shapes) == 3  # the charts
    assert doc.core_properties.created == GENERATED


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (make test installs it)")
def test_report_docx_opens_in_libreoffice(rendered, tmp_path):
    from pypdf import PdfReader

    source = tmp_path / "report.docx"
    source.write_bytes(rendered[("zh-TW", "docx")])
    done = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180)
    converted = tmp_path / "report.pdf"
    assert converted.exists(), done.stdout + done.stderr
    text = _squeeze(" ".join(p.extract_text() for p in PdfReader(converted).pages))
    assert _squeeze(TITLE_ZH) in text
    assert "司法警察機關移送地檢署偵辦之人口販運案件" in text


def test_report_suppression_hides_small_demo_counts(demo_graph):
    report = build_report(demo_graph, 2022, lang="en", as_of=AS_OF, generated_at=GENERATED, suppress_below=10)
    md = render(report, "md").decode()
    rows = _md_rows(md)
    titles = _titles("en")
    assert rows[titles["cases_referred_organ"]][2] == "<10"
    assert rows[titles["training_sessions"]][2] == "<10"
    assert rows[titles["cases_referred"]][2] == "161"
    services = next(c for c in report.charts() if c.id == "services_by_kind")
    assert "<10" in services.totals and "1,064" in services.totals


def test_report_is_the_same_bytes_for_the_same_cut_off(demo_graph, rendered, font):
    again = build_report(demo_graph, 2022, lang="zh-TW", as_of=AS_OF, generated_at=GENERATED)
    assert render(again, "md") == rendered[("zh-TW", "md")]
    assert render(again, "pdf", font=font) == rendered[("zh-TW", "pdf")]


def test_report_cut_off_before_the_ingest_counts_nothing(demo_graph):
    """Every demo document was ingested today: a report frozen as of yesterday counts none of them,
    in the figures and in the charts alike."""
    before = build_report(demo_graph, 2022, lang="en", as_of=AS_OF - timedelta(days=2), generated_at=GENERATED)
    assert set(_md_rows(render(before, "md").decode())[_titles("en")["cases_referred"]][2:4]) == {"0"}
    assert all(v in (0, None) for chart in before.charts() for row in chart.values for v in row)


def test_report_cli_writes_each_format_and_reproduces_markdown(server_env, demo_graph, tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(GENERATED.timestamp())))
    args = ["report", "4p", "--year", "2022", "--as-of", AS_OF.isoformat(), "--suppress-below", "5"]
    first = runner.invoke(app, [*args, "--lang", "en", "-o", str(tmp_path / "a.md")])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, [*args, "--lang", "en", "--format", "md", "-o", str(tmp_path / "b.txt")])
    assert second.exit_code == 0, second.output
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.txt").read_bytes()
    assert "2023-02-01 09:30 UTC" in (tmp_path / "a.md").read_text(encoding="utf-8")
    pdf = runner.invoke(app, [*args, "--lang", "zh-TW", "-o", str(tmp_path / "r.pdf")])
    assert pdf.exit_code == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_report_cli_bad_options_say_what_to_give(server_env, tmp_path):
    runner = CliRunner()
    roc = runner.invoke(app, ["report", "4p", "--year", "111", "-o", str(tmp_path / "r.pdf")])
    assert roc.exit_code == 2 and "2022" in roc.output
    fmt = runner.invoke(app, ["report", "4p", "--year", "2022", "-o", str(tmp_path / "r.rtf")])
    assert fmt.exit_code == 2 and "md|html|docx|pdf" in fmt.output
    lang = runner.invoke(app, ["report", "4p", "--year", "2022", "--lang", "fr", "-o", str(tmp_path / "r.md")])
    assert lang.exit_code == 2 and "zh-TW or en" in lang.output
    cut = runner.invoke(app, ["report", "4p", "--year", "2022", "--as-of", "31/01/2023", "-o", str(tmp_path / "r.md")])
    assert cut.exit_code == 2 and "2023-01-31" in cut.output
    assert not list(tmp_path.iterdir())


def test_report_cli_missing_font_names_the_package(server_env, demo_graph, tmp_path, monkeypatch):
    monkeypatch.setenv("TIPGRAPH_CJK_FONT", str(tmp_path / "none.ttf"))
    result = CliRunner().invoke(app, ["report", "4p", "--year", "2022", "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert "apt-get install fonts-wqy-microhei" in result.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_report_render_times_and_sizes_stay_reasonable(rendered):
    for lang in ("zh-TW", "en"):
        for fmt in ("md", "html", "docx", "pdf"):
            assert len(rendered[(lang, fmt)]) < 2_000_000, (lang, fmt)
            assert rendered[(lang, fmt, "seconds")] < 30, (lang, fmt)
