"""Report languages: every interface string is in every catalog, translated, with the same placeholders."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from reports import languages, render
from reports.catalogs import extract_messages
from reports.i18n import catalog_path, normalize_lang, translations

TRANSLATED = ["fr", "es", "ar", "ru", "pt"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")


def _catalog(lang):
    with catalog_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def _key(m):
    return (m.context, m.id)


def test_languages():
    assert set(languages()) >= {"en", "fr", "es", "ar", "ru", "pt"} and languages()[0] == "en"
    assert normalize_lang("FR") == normalize_lang("fr-FR") == normalize_lang("fr_FR.UTF-8") == "fr"
    assert normalize_lang(None) == "en"
    with pytest.raises(ValueError, match="unsupported report language 'xx'.*en, "):
        normalize_lang("xx")


def test_catalogs_hold_exactly_the_strings_in_use():
    used = {_key(m) for m in extract_messages() if m.id}
    assert len(used) > 50
    for lang in languages():
        in_catalog = {_key(m) for m in _catalog(lang) if m.id}
        assert used - in_catalog == set(), f"{lang}: strings not in the catalog (python -m reports.catalogs update)"
        assert in_catalog - used == set(), f"{lang}: strings no longer used"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_translated(lang):
    cat = _catalog(lang)
    assert not cat.fuzzy
    for m in cat:
        if not m.id:
            continue
        assert m.string and m.string.strip(), f"{lang}: {m.id!r} is not translated"
        assert not m.fuzzy, f"{lang}: {m.id!r} is fuzzy"
        assert sorted(PLACEHOLDER.findall(m.string)) == sorted(PLACEHOLDER.findall(m.id)), (
            f"{lang}: placeholders differ in {m.id!r}"
        )
        assert "<" not in m.string and "&" not in m.string  # translations are trusted markup in templates
    identical = [m.id for m in cat if m.id and m.string == m.id]
    # a few words are the same in both languages (Article, Total, Verdict, Score, the date pattern)
    assert len(identical) <= 6, identical


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_is_compiled_at_run_time(lang):
    t = translations(lang)
    assert t.gettext("Missing protections") != "Missing protections"
    assert t.pgettext("count", "Covered") != t.gettext("Covered")  # plural column header vs one verdict
    assert translations(lang) is t  # compiled once


def test_english_is_the_msgid():
    t = translations("en")
    assert t.gettext("Missing protections") == "Missing protections"


def test_unsupported_language_is_refused(assessment):
    with pytest.raises(ValueError, match="unsupported report language"):
        render(assessment, "html", "xx")
