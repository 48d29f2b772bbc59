"""Issue 13: the executive summary opens every report (with its chart), the "About this assessment" box reads the
measured accuracy from data, no PDF page is near-empty, and the report language follows the statute's."""

from __future__ import annotations

import io
import json
import re

import pytest
from babel.numbers import format_percent

from reports import languages, render
from reports.accuracy import ACCURACY_PATH, load_accuracy, parse_accuracy, shipped_figures
from reports.chart import chapter_chart
from reports.i18n import resolve_lang, translations

MIN_LINES = 15  # every PDF page but the last holds at least this many lines of text (pdftotext)
CHART_FILL = "0.94902 0.94902 0.94902 rg"  # the bars' background (#f2f2f2): drawn by the chart and nothing else


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        ([("I", "t", {"covered": 0, "partial": 0, "missing": 0})], [[]]),
        (
            [("I", "t", {"covered": 2, "partial": 1, "missing": 1}), ("II", "u", {"missing": 2})],
            [[("covered", 0.0, 100.0), ("partial", 100.0, 50.0), ("missing", 150.0, 50.0)], [("missing", 0.0, 100.0)]],
        ),
    ],
)
def test_chart_bars_share_one_scale(rows, expected):
    chart = chapter_chart(rows, width=200)
    assert [[(s.verdict, s.x, s.width) for s in b.segments] for b in chart.bars] == expected
    assert [b.total for b in chart.bars] == [sum(r[2].values()) for r in rows]


def test_summary_comes_first_with_an_inline_svg_chart(assessment):
    html = render(assessment, "html")
    body = html[html.index("<body>") :]
    assert body.index('id="summary"') < body.index('id="about"') < body.index('id="facts"') < body.index('id="missing"')
    assert body.index('id="missing"') < body.index('id="covered"') < body.index('id="method"')
    summary = body[body.index('id="summary"') : body.index('id="about"')]
    bars = re.findall(r"<svg .*?</svg>", summary, re.S)
    assert len(bars) == 3  # one per chapter of the fixture
    # chapter V: 1 covered, 2 missing; the longest chapters (3 provisions) fill the width
    widths = re.findall(
        r'<rect x="[\d.]+" y="0" width="([\d.]+)" height="[\d.]+" fill="#(?:3a8f46|e0a020|c0392b)"', bars[1]
    )
    assert [float(w) for w in widths] == pytest.approx([200 / 3, 400 / 3], abs=0.01)
    assert "<script" not in summary and 'href="http' not in summary


def test_about_box_reads_the_shipped_accuracy(kenya_assessment):
    acc = load_accuracy()
    assert acc is not None and acc.model == kenya_assessment.model.id
    html = render(kenya_assessment, "html", "en")
    about = html[html.index('id="about"') : html.index('id="facts"')]
    en = acc.languages["en"]
    row = re.search(r'<tr class="current">(.*?)</tr>', about, re.S)
    assert row, "the statute's language is highlighted"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    assert cells == [
        "English (en)",
        str(en.statutes),
        str(en.n),
        format_percent(en.accuracy, locale="en", format="#,##0.0%"),
        format_percent(en.flagged_share, locale="en", format="#,##0.0%"),
        format_percent(en.unflagged_accuracy, locale="en", format="#,##0.0%"),
    ]
    assert "python -m reports.accuracy ship" in about and "does not replace it" in about
    assert "in-sample" in about


def test_about_box_follows_the_data_not_the_template(kenya_assessment, monkeypatch, tmp_path):
    d = json.loads(ACCURACY_PATH.read_text(encoding="utf-8"))
    d["languages"]["en"]["accuracy"] = 0.123
    path = tmp_path / "accuracy.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    import reports.view

    monkeypatch.setattr(reports.view, "load_accuracy", lambda: load_accuracy(path))
    assert "12.3%" in render(kenya_assessment, "html", "en")
    monkeypatch.setattr(reports.view, "load_accuracy", lambda: None)
    assert "No measured accuracy for this model." in render(kenya_assessment, "html", "en")


def test_a_language_without_labelled_statutes_says_so(kenya_assessment, replace):
    ru = replace(kenya_assessment, language="ru")
    html = render(ru, "html", "ru")
    assert (
        translations("ru").gettext("No labelled statute in the language of this statute: its accuracy is not measured.")
        in html
    )
    assert 'class="current"' not in html


def test_shipped_figures_from_an_evaluation():
    figures = {
        "n": 38,
        "accuracy": 0.9,
        "leave_one_statute_out": {"review": {"flagged_share": 0.1, "unflagged_accuracy": 0.95}},
    }
    evaluation = {
        "model": "m",
        "measured": "2026-12-01",
        "review_below": 0.85,
        "statutes": {"a": {"language": "fr"}, "b": {"language": "fr"}, "c": {"language": "en"}},
        "languages": {"fr": figures, "en": dict(figures, accuracy=0.8, leave_one_statute_out={})},
        "overall": dict(figures, n=114),
    }
    acc = parse_accuracy(shipped_figures(evaluation))
    assert (acc.languages["fr"].statutes, acc.languages["fr"].unflagged_accuracy) == (2, 0.95)
    assert (
        acc.languages["en"].statutes,
        acc.languages["en"].flagged_share,
        acc.languages["en"].unflagged_accuracy,
    ) == (
        1,
        0.0,
        0.8,
    )
    assert acc.overall.n == 114 and acc.overall.statutes == 3
    with pytest.raises(ValueError):
        parse_accuracy({"format": "something else"})


def _page_lines(pdftotext, path) -> list[int]:
    pages = pdftotext(path, "-layout").split("\f")
    return [sum(1 for line in p.splitlines() if line.strip()) for p in pages if p.strip()]


@pytest.mark.parametrize("lang", languages())
def test_pdf_first_page_is_the_summary_and_no_page_is_near_empty(assessment, assessment_ar, pdftotext, tmp_path, lang):
    from pypdf import PdfReader

    a = assessment_ar if lang == "ar" else assessment
    path = tmp_path / f"r.{lang}.pdf"
    path.write_bytes(render(a, "pdf", lang))
    _ = translations(lang).gettext
    first = pdftotext(path, "-f", "1", "-l", "1")
    assert _("Executive summary") in first or _("Executive summary")[::-1] in first
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    fills = [CHART_FILL in p.get_contents().get_data().decode("latin-1") for p in pages]
    assert fills[0] and not any(fills[1:]), "the chart is drawn on the first page"
    lines = _page_lines(pdftotext, path)
    assert len(lines) == len(pages) >= 2
    assert min(lines[:-1]) >= MIN_LINES, lines


def test_real_statute_pdf_has_no_near_empty_page(kenya_assessment, pdftotext, tmp_path):
    path = tmp_path / "ke.fr.pdf"
    path.write_bytes(render(kenya_assessment, "pdf", "fr"))
    lines = _page_lines(pdftotext, path)
    assert len(lines) >= 3 and min(lines[:-1]) >= MIN_LINES, lines
    first = pdftotext(path, "-f", "1", "-l", "1")
    assert "Résumé analytique" in first and "Par chapitre" in first


@pytest.mark.parametrize(
    ("requested", "statute", "expected"),
    [
        ("auto", "fr", "fr"),
        ("auto", "pt", "pt"),
        ("auto", "ru", "ru"),
        ("auto", "sw", "en"),  # no catalog: English
        (None, "ar", "ar"),
        ("AUTO", "", "en"),
        ("es", "fr", "es"),  # asked for: kept
        ("pt-BR", "en", "pt"),
    ],
)
def test_report_language_defaults_to_the_statute(requested, statute, expected):
    assert resolve_lang(requested, statute) == expected


def test_unknown_report_language_is_refused():
    with pytest.raises(ValueError, match="unsupported report language"):
        resolve_lang("xx", "fr")


def test_cli_report_in_the_statutes_language(tmp_path):
    from typer.testing import CliRunner

    from cli import app

    statute = tmp_path / "loi.txt"
    statute.write_text(
        "Loi n° 1 relative à la traite des personnes\n\n"
        "Article 1. Constitue la traite des personnes le recrutement, le transport, le transfert, l'hébergement "
        "ou l'accueil de personnes, par la menace, la force ou la tromperie, aux fins d'exploitation.\n\n"
        "Article 2. La tentative est punie des mêmes peines.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["compare", str(statute), "--format", "md"])
    assert res.exit_code == 0, res.output
    assert "## Résumé analytique" in res.output
    res = CliRunner().invoke(app, ["compare", str(statute), "--format", "md", "--report-lang", "ru"])
    assert res.exit_code == 0 and "## Краткое изложение" in res.output
    res = CliRunner().invoke(app, ["compare", str(statute), "--format", "md", "--report-lang", "xx"])
    assert res.exit_code != 0 and "unsupported report language 'xx'" in res.output
    assert "Traceback" not in res.output


@pytest.mark.parametrize("lang", languages())
def test_batch_index_is_translated(kenya_assessment, lang):
    from reports.index import render_index

    html = render_index([], kenya_assessment.model, lang=lang, total=0)
    _ = translations(lang).gettext
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
    for s in ("Gap analysis against the Model Law", "Protections by statute", "Reports", "Mandatory gaps"):
        assert _(s) in html, s
    assert _("This tool assists legal review; it does not replace it.") in html
