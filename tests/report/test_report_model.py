"""The report model without a graph: counts, suppression, sentences, escaping, fonts, labels."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from playbooks.report import FontNotFound, assemble, find_cjk_font, render
from playbooks.report import labels
from playbooks.report.counts import Counts
from playbooks.report.figures import Figure
from playbooks.report.narrative import overview, pillar_paragraph
from playbooks.report.series import ChartData, Series

GENERATED = datetime(2023, 2, 1, 9, 30, tzinfo=timezone.utc)


def figure(id: str, value: int | None, previous: int | None, *, p: str = "prosecution", order: int = 1,
           parent: str | None = None, title: str | None = None) -> Figure:
    title = title or id.replace("_", " ").capitalize()
    return Figure(id=id, p=p, title_zh=f"指標{id}", title_en=title, unit_zh="件", unit_en="cases",
                  definition_zh=f"{id} 之定義", definition_en=f"How {id} is counted.", parent=parent, order=order,
                  value=value, previous=previous, records=value, records_zh="一案", records_en="a case")


def small_report(*, suppress_below: int = 0, lang: str = "en", extra: tuple[Figure, ...] = ()):
    figures = [figure("cases", 161, 140), figure("organ", 1, 0, parent="cases", order=2),
               figure("trainees", 222, 250, p="prevention", order=3), *extra]
    data = ChartData(
        cases_by_year=Series((("2021", "labour", 20), ("2022", "labour", 75), ("2022", "organ_removal", 1))),
        returns_by_month=Series((("2022-03", "KH", 12), ("2022-03", "LA", 1), ("2022-10", "KH", 43))),
        services_by_kind=Series((("interpretation", "", 124), ("rescreened_detainee", "", 2))),
    )
    return assemble(figures, data, year=2022, lang=lang, as_of=date(2023, 1, 31), generated_at=GENERATED,
                    suppress_below=suppress_below)


def test_counts_write_thousands_and_suppress_below_n():
    counts = Counts(5)
    assert [counts.show(n) for n in (1064, 5, 4, 0, None)] == ["1,064", "5", "<5", "<5", "—"]
    assert Counts(0).show(1) == "1"


def test_counts_never_write_a_change_that_reveals_a_suppressed_count():
    counts = Counts(5)
    assert counts.change(161, 3) == "—"
    assert counts.change(3, 161) == "—"
    assert counts.change(161, 140) == "+21 (+15.0%)"
    assert Counts().change(3, 0) == "+3"
    assert Counts().change(7, 7) == "0"


def test_counts_refuse_negative_threshold():
    with pytest.raises(ValueError, match="suppress_below"):
        Counts(-1)


def test_narrative_names_the_largest_rise_and_fall():
    figures = [figure("cases", 161, 140), figure("indicted", 153, 100, order=2), figure("defendants", 300, 325, order=3)]
    text = pillar_paragraph(figures, 2022, Counts(), "en")
    assert text.startswith("Cases: 161 cases, up 15.0% from 140 in 2021")
    assert "largest rise was in Indicted (100 → 153, +53.0%)" in text
    assert "largest fall was in Defendants (325 → 300, −7.7%)" in text
    zh = pillar_paragraph(figures, 2022, Counts(), "zh-TW")
    assert "指標cases為 161 件，較 2021 年之 140 件增加 15.0%" in zh and zh.endswith("。")


def test_narrative_never_ranks_or_compares_suppressed_counts():
    figures = [figure("cases", 161, 140), figure("organ", 4, 1, order=2)]  # +300%, but both hidden
    text = pillar_paragraph(figures, 2022, Counts(5), "en")
    assert "Organ" not in text and "300" not in text
    assert overview(figures, 2022, Counts(5), "en").startswith("Of the 2 indicators for 2022, 1 rose, 0 fell")


def test_report_suppression_shows_lt_n_in_tables_sentences_and_chart_labels():
    report = small_report(suppress_below=5)
    md = render(report, "md").decode()
    assert "| <5 | <5 | — |" in md  # organ removal: 1 against 0, and no change written
    prosecution = next(t for t in report.tables() if any(r[0] == "Organ" for r in t.rows))
    assert next(r for r in prosecution.rows if r[0] == "Organ")[2:] == ("<5", "<5", "—")
    cases = next(c for c in report.charts() if c.id == "cases_by_year")
    organ = cases.groups.index("organ removal")
    assert cases.values[organ][-1] is None  # not drawn
    services = next(c for c in report.charts() if c.id == "services_by_kind")
    assert services.totals == ("124", "<5")
    assert "Counts below 5 are not drawn" in services.note
    assert "counts below 5 are shown as <5" in md


def test_report_levels_indent_sub_indicators_under_their_parent():
    report = small_report()
    table = next(t for t in report.tables() if any(r[0] == "Organ" for r in t.rows))
    assert [table.level(i) for i in range(len(table.rows))] == [0, 1]


def test_report_markdown_escapes_pipes_and_tags_but_keeps_lt_n():
    hostile = figure("x", 9, 9, order=9, title="a | b <script>alert(1)</script>")
    md = render(small_report(extra=(hostile,), suppress_below=5), "md").decode()
    assert "a \\| b &lt;script>alert(1)&lt;/script>" in md
    assert "<script>" not in md
    assert "<5" in md


@pytest.fixture(scope="module")
def font():
    return find_cjk_font()


def test_report_html_is_self_contained_and_escaped(font):
    hostile = figure("x", 9, 9, order=9, title="<script>alert(1)</script>")
    html = render(small_report(extra=(hostile,)), "html", font=font).decode()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "data:image/png;base64," in html
    for outside in ("http://", "https://", "<link", "<script", "@import", "url("):
        assert outside not in html, outside


def test_report_renders_every_format_in_both_languages(font):
    for lang in labels.LANGS:
        report = small_report(lang=lang, suppress_below=3)
        for fmt, magic in (("md", b"# "), ("html", b"<!DOCTYPE html>"), ("docx", b"PK"), ("pdf", b"%PDF")):
            assert render(report, fmt, font=font).startswith(magic), (lang, fmt)


def test_report_render_refuses_unknown_format_and_drawing_without_font():
    with pytest.raises(ValueError, match="md, html, docx, pdf"):
        render(small_report(), "rtf")
    with pytest.raises(FontNotFound, match="apt-get install fonts-wqy-microhei"):
        render(small_report(), "pdf")


def test_fonts_name_what_to_install_when_none_is_found(tmp_path):
    with pytest.raises(FontNotFound, match="TIPGRAPH_CJK_FONT.*apt-get install fonts-wqy-microhei"):
        find_cjk_font(None, candidates=(str(tmp_path / "none.ttc"),))
    otf = tmp_path / "cff.otf"
    otf.write_bytes(b"OTTO" + bytes(60))
    with pytest.raises(FontNotFound, match="CFF"):
        find_cjk_font(str(otf))
    with pytest.raises(FontNotFound, match="is not a file"):
        find_cjk_font(str(tmp_path / "missing.ttf"))


def test_fonts_take_a_face_of_a_collection_from_the_setting(font):
    assert find_cjk_font(f"{font.path}#1").index == 1


def test_labels_have_every_key_in_both_languages():
    keys = [set(labels._TEXT[lang]) for lang in labels.LANGS]
    assert keys[0] == keys[1]
    with pytest.raises(ValueError, match="zh-TW, en"):
        labels.text("fr", "title")


def test_assemble_refuses_roc_year_and_unknown_language():
    with pytest.raises(ValueError, match="not the ROC year"):
        assemble([], ChartData(Series(()), Series(()), Series(())), year=111, lang="en", as_of=date(2023, 1, 1),
                 generated_at=GENERATED)
    with pytest.raises(ValueError, match="zh-TW, en"):
        assemble([], ChartData(Series(()), Series(()), Series(())), year=2022, lang="jp", as_of=date(2023, 1, 1),
                 generated_at=GENERATED)
