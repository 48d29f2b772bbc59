"""Reports show the model's own words in the report language (issue 13): titles, summaries, missing elements.

A French statute assessed against the 2009 model, reported in fr, es and ar, holds none of the model's
English titles, summaries or element labels; ru and pt are checked through the view model (or the
localised assessment, until their interface catalogs exist). JSON and CSV keep the English.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from functools import lru_cache

import pytest

from analysis import assess
from analysis.types import Assessment
from modellaw import resolve_model
from modellaw.translations import model_strings, strip_title_ours
from reports import render
from reports.i18n import languages
from reports.view import build_view, localised_assessment
from statutes import read_statute
from tests.corpus import STATUTES

FRENCH_STATUTE = STATUTES / "dj-loi-traite-2016.txt"
pytestmark = pytest.mark.skipif(not FRENCH_STATUTE.is_file(), reason=f"corpus statute not found: {FRENCH_STATUTE}")


@lru_cache(maxsize=1)
def _assessment() -> Assessment:
    return assess(read_statute(FRENCH_STATUTE), resolve_model("tip-2009"))


def _english_words() -> set[str]:
    """The model's English titles, summaries and element labels."""
    model = resolve_model("tip-2009")
    out = set()
    for path, text in model_strings(model).items():
        if path.startswith("provisions."):
            out.add(strip_title_ours(text))
    return out


def _found(text: str, phrases: set[str]) -> list[str]:
    # whole phrases, on word boundaries, so "Attempt" is not found inside another word
    return sorted(p for p in phrases if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text))


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_html_report_holds_none_of_the_models_english(lang):
    a = _assessment()
    assert any(v.verdict != "covered" for v in a.verdicts)  # there are gaps, with missing elements, to show
    text = _text(render(a, "html", lang))
    assert _found(text, _english_words()) == []


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_html_report_holds_the_translated_titles(lang):
    a = _assessment()
    loc, _ = localised_assessment(a, lang)
    text = _text(render(a, "html", lang))
    gaps = [v.provision.title for v in loc.verdicts if v.verdict == "missing"]
    assert gaps
    for title in gaps:
        assert title in text, title


@pytest.mark.parametrize("lang", ["fr", "es", "ar", "ru", "pt"])
def test_view_model_words_are_in_the_report_language(lang):
    a = _assessment()
    english = _english_words()
    if lang in languages():
        view = build_view(a, lang)
        shown = [pv for g in view.gaps + view.covered for pv in g.provisions]
        words = [w for pv in shown for w in (pv.title, pv.summary, *(e.label for e in pv.missing))]
        words += [c.title for c in view.chapters]
        assert view.model_unofficial_translation
        assert all(pv.unofficial_translation or pv.title_official for pv in shown)
        assert not any(pv.untranslated for pv in shown)
    else:  # no interface catalog for this language yet: the localised assessment the view is built from
        loc, _ = localised_assessment(a, lang)
        words = [w for v in loc.verdicts for w in (v.provision.title, v.provision.summary)]
        words += [e.label for v in loc.verdicts for e in v.missing_elements]
        words += [v.provision.chapter_title for v in loc.verdicts]
    assert words
    assert [w for w in words if strip_title_ours(w) in english] == []


def test_view_carries_title_ours_as_a_flag():
    view = build_view(_assessment(), "fr")
    shown = {pv.id: pv for g in view.gaps + view.covered for pv in g.provisions}
    assert shown["training-officials"].title_ours and shown["training-officials"].title == "Formation des agents"
    assert not shown["art8-offence"].title_ours


def test_json_and_csv_keep_the_english():
    a = _assessment()
    data = json.loads(render(a, "json", "fr"))
    titles = {p["title"] for p in data["provisions"]}
    assert "Trafficking in persons" in titles and "Traite des personnes" not in titles
    rows = list(csv.DictReader(io.StringIO(render(a, "csv", "fr"))))
    assert "Trafficking in persons" in {r["title"] for r in rows}


def test_english_report_unchanged_by_localisation():
    a = _assessment()
    loc, _ = localised_assessment(a, "en")
    assert [v.provision for v in loc.verdicts] == [v.provision for v in a.verdicts]
    assert [[e.label for e in v.elements] for v in loc.verdicts] == [[e.label for e in v.elements] for v in a.verdicts]


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_xlsx_titles_and_missing_elements_in_the_report_language(lang):
    import openpyxl

    a = _assessment()
    book = openpyxl.load_workbook(io.BytesIO(render(a, "xlsx", lang)))
    sheet = book.worksheets[1]  # the provisions, one row each
    cells = " ".join(str(c.value) for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str))
    assert _found(cells, _english_words()) == []
    loc, _ = localised_assessment(a, lang)
    assert loc.model.find("art8-offence").title in cells
