"""The model's own words in six languages: completeness of the shipped files, provenance, and bad files.

Every installed model has every string (title, publisher, chapters, key texts, provision titles and
summaries, element labels) in en, fr, es, ar, ru and pt; no translation is the English left as it is;
official wording names its source; a broken translation file is a one-line ModelError naming it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from modellaw import ModelError, load_model, resolve_model
from modellaw.model import LANGS, MODELS_DIR, builtin_models
from modellaw.translations import (
    TITLE_OURS,
    check,
    load_translation,
    localise,
    model_strings,
    strip_title_ours,
    translation_path,
)

MODELS = sorted(builtin_models())
OTHER_LANGS = [lang for lang in LANGS if lang != "en"]
# Strings a translation may leave as in English: proper names and numbers. None is needed today; a
# future one (a treaty's acronym, say) goes here with the reason.
SAME_AS_ENGLISH: frozenset[str] = frozenset()
# Terms the Protocols' official language versions use for the offence (the 2009 and 2020 trafficking
# models), which the translated model must use rather than a synonym.
PROTOCOL_TERMS = {"fr": "traite", "es": "trata", "pt": "tráfico", "ru": "торгов", "ar": "الاتجار"}


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_string_in_every_language(name, lang):
    model = resolve_model(name)
    loc = localise(model, lang)
    assert loc.missing == [], f"{name} {lang}: no translation for {loc.missing[:5]}"
    assert set(loc.provenance) == set(model_strings(model))
    assert all(model_strings(loc.model).values())


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_no_translation_is_the_english_left_as_it_is(name, lang):
    model = resolve_model(name)
    english = model_strings(model)
    shown = model_strings(localise(model, lang).model)
    same = [
        path
        for path, text in shown.items()
        if text in (english[path], strip_title_ours(english[path])) and text not in SAME_AS_ENGLISH
    ]
    assert same == [], f"{name} {lang}: still English: {same[:5]}"


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("lang", OTHER_LANGS)
def test_translated_titles_leave_the_title_ours_marker_to_the_report(name, lang):
    model = resolve_model(name)
    loc = localise(model, lang)
    assert not [p.id for p in loc.model.provisions if TITLE_OURS in p.title]
    assert loc.title_ours == {p.id for p in model.provisions if p.title.endswith(TITLE_OURS)}


def test_title_ours_flags_the_2009_titles_we_wrote():
    loc = localise(resolve_model("tip-2009"), "fr")
    assert "training-officials" in loc.title_ours
    assert "art8-offence" not in loc.title_ours  # a published title (reference CSV)
    assert loc.model.find("training-officials").title == "Formation des agents"


@pytest.mark.parametrize("name", ["tip-2009", "tip-2020"])
@pytest.mark.parametrize("lang", sorted(PROTOCOL_TERMS))
def test_trafficking_models_use_the_protocol_term(name, lang):
    title = localise(resolve_model(name), lang).model.find("offence.trafficking")
    assert title is not None
    assert PROTOCOL_TERMS[lang] in title.title.lower() or PROTOCOL_TERMS[lang] in title.summary.lower()


@pytest.mark.parametrize("name", MODELS)
@pytest.mark.parametrize("lang", LANGS)
def test_provenance_is_recorded(name, lang):
    loc = localise(resolve_model(name), lang)
    for path, prov in loc.provenance.items():
        assert not prov.fallback, path
        assert bool(prov.source) == prov.official, path  # official wording always names where it was read
        if prov.official:
            assert "http" in prov.source, (path, prov.source)
    if lang != "en":
        assert loc.unofficial  # most of each model is our translation, and a report can say so


# Official wording read in the published language versions (the files' [sources]); what is not listed
# here is our translation. Only the beginnings of the editions could be read.
OFFICIAL = [
    ("tip-2009", "es", "provisions.art2-commencement.title", "Entrada en vigor"),
    ("tip-2009", "es", "provisions.art4-scope.title", "Ámbito de aplicación"),
    ("tip-2009", "es", "chapters.III", "Jurisdicción"),
    ("tip-2009", "ru", "provisions.art2-commencement.title", "Начало действия"),
    ("tip-2009", "ru", "model.title", "Типовой закон о борьбе с торговлей людьми"),
    ("tip-2009", "fr", "model.title", "Loi type contre la traite des personnes"),
    ("tip-2009", "en", "provisions.art17-carriers.title", "Duty of, and offence by, commercial carriers"),
    ("som-2010", "fr", "provisions.art1-purpose.title", "Objet"),
    ("som-2010", "es", "provisions.art1-purpose.title", "Declaración de finalidad"),
    ("som-2010", "es", "chapters.II", "Penalización"),
]
UNOFFICIAL = [
    ("tip-2009", "fr", "provisions.art8-offence.title"),  # the French table of contents was not read past its start
    ("tip-2009", "es", "provisions.art8-offence.title"),
    ("tip-2009", "ar", "model.title"),
    ("tip-2009", "pt", "model.title"),
    ("tip-2009", "en", "provisions.training-officials.title"),  # "(title ours)"
    ("tip-2020", "es", "chapters.gen"),
    ("som-2010", "ru", "provisions.art1-purpose.title"),
]


@pytest.mark.parametrize(("name", "lang", "path", "text"), OFFICIAL)
def test_official_wording(name, lang, path, text):
    loc = localise(resolve_model(name), lang)
    assert loc.of(path).official
    assert model_strings(loc.model)[path] == text


@pytest.mark.parametrize(("name", "lang", "path"), UNOFFICIAL)
def test_our_translation_is_marked_unofficial(name, lang, path):
    prov = localise(resolve_model(name), lang).of(path)
    assert not prov.official and not prov.fallback and prov.source == ""


def test_english_keeps_the_model_text():
    model = resolve_model("tip-2009")
    assert localise(model, "en").model.provisions == model.provisions


def test_the_localised_model_keeps_ids_cues_and_statuses():
    model = resolve_model("tip-2009")
    loc = localise(model, "ar").model
    assert [p.id for p in loc.provisions] == [p.id for p in model.provisions]
    for mine, theirs in zip(loc.provisions, model.provisions, strict=True):
        assert (mine.status, mine.article, mine.keys, mine.chapter) == (
            theirs.status,
            theirs.article,
            theirs.keys,
            theirs.chapter,
        )
        assert [e.cues for e in mine.elements] == [e.cues for e in theirs.elements]


# --- a user's model and its translation files -------------------------------------------------------

MINI = Path(__file__).parents[1] / "fixtures" / "reports" / "mini-model.xml"


@pytest.fixture
def user_model(tmp_path):
    path = tmp_path / "mini-model.xml"
    shutil.copy(MINI, path)
    (tmp_path / "translations").mkdir()
    return load_model(path)


def _write(model, lang: str, body: str) -> Path:
    path = translation_path(model, lang)
    path.write_text(f'model_id = "{model.id}"\nlang = "{lang}"\n' + body, encoding="utf-8")
    return path


def test_a_model_without_translations_falls_back_to_english_visibly(user_model):
    loc = localise(user_model, "fr")
    assert loc.model.provisions == user_model.provisions
    assert loc.missing and all(p.fallback for p in loc.provenance.values())
    assert check(user_model) == []  # nothing translated yet: nothing to complete


def test_a_missing_string_falls_back_and_validate_reports_it(user_model):
    pid = user_model.provisions[0].id
    _write(user_model, "fr", f'[provisions."{pid}"]\ntitle = "Titre"\n')
    loc = localise(user_model, "fr")
    assert loc.model.provisions[0].title == "Titre"
    assert not loc.of(f"provisions.{pid}.title").fallback
    assert loc.of(f"provisions.{pid}.summary").fallback
    assert loc.model.provisions[0].summary == user_model.provisions[0].summary
    problems = check(user_model)
    assert any(p.startswith("fr: ") and "missing" in p for p in problems)
    assert any(p.startswith("es: no translation file") for p in problems)


BAD = [
    ("not toml", "this is = = not toml\n", "TOML"),
    ("unknown provision", '[provisions."no-such"]\ntitle = "x"\n', "provisions.no-such.title: no such string"),
    ("unknown element", '[provisions."{pid}".elements]\n"no-such" = "x"\n', "no such string"),
    ("unknown chapter", '[chapters]\n"ZZ" = "x"\n', "chapters.ZZ: no such string"),
    ("unknown field", '[provisions."{pid}"]\nnotes = "x"\n', "unknown field"),
    ("unknown top-level", "extra = 1\n", "unknown top-level entry"),
    ("number, not text", '[provisions."{pid}"]\ntitle = 3\n', "expected a non-empty string"),
    ("empty text", '[provisions."{pid}"]\ntitle = "  "\n', "expected a non-empty string"),
    ("elements not a table", '[provisions."{pid}"]\nelements = "x"\n', "expected a table"),
    ("official without source", '[provisions."{pid}"]\ntitle = {{ text = "x" }}\n', "official entry"),
    ("unknown source", '[provisions."{pid}"]\ntitle = {{ text = "x", source = "nope" }}\n', "not in [sources]"),
]


@pytest.mark.parametrize(("case", "body", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_translation_file_is_one_line_naming_it(user_model, case, body, message):
    path = _write(user_model, "fr", body.format(pid=user_model.provisions[0].id))
    with pytest.raises(ModelError) as err:
        localise(user_model, "fr")
    text = str(err.value)
    assert "\n" not in text and str(path) in text and message in text, text


@pytest.mark.parametrize(
    ("header", "message"),
    [('model_id = "other"\nlang = "fr"\n', "model_id"), ('model_id = "{mid}"\nlang = "es"\n', "does not match")],
)
def test_a_header_naming_another_model_or_language_is_refused(user_model, header, message):
    path = translation_path(user_model, "fr")
    path.write_text(header.format(mid=user_model.id), encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        load_translation(path, user_model, "fr")


def test_an_official_entry_names_its_source(user_model):
    pid = user_model.provisions[0].id
    _write(
        user_model,
        "fr",
        f'[sources]\nedition = "Édition française, https://example.org/toc"\n'
        f'[provisions."{pid}"]\ntitle = {{ text = "Titre officiel", source = "edition" }}\n',
    )
    prov = localise(user_model, "fr").of(f"provisions.{pid}.title")
    assert prov.official and prov.source == "Édition française, https://example.org/toc"


def test_stale_english_is_reported(user_model):
    pid = user_model.provisions[0].id
    for lang in LANGS:
        _write(user_model, lang, f'[provisions."{pid}"]\ntitle = "Old English title"\n')
    problems = check(user_model)
    assert any(p.startswith("en: 1 string(s) changed in the model since translation") for p in problems)


# --- modellaw models validate ------------------------------------------------------------------------


def test_validate_passes_the_installed_models():
    result = CliRunner().invoke(app, ["models", "validate", *map(str, sorted(MODELS_DIR.glob("*.xml")))])
    assert result.exit_code == 0, result.output
    assert result.output.count(": valid (") == len(MODELS)


def test_validate_fails_when_a_language_is_incomplete(user_model):
    pid = user_model.provisions[0].id
    _write(user_model, "fr", f'[provisions."{pid}"]\ntitle = "Titre"\n')
    result = CliRunner().invoke(app, ["models", "validate", user_model.path])
    assert result.exit_code != 0
    assert "translations: fr:" in result.output and "missing" in result.output
