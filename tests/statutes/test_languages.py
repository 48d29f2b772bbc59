"""A statute in a language without cues is refused; a multilingual gazette is read in one language."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from statutes import read_statute
from statutes.languages import UnsupportedLanguageError, choose_language
from statutes.readers import read_document
from tests.corpus import STATUTES
from tests.readers_support import build

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "statutes" / "languages"
GERMAN = FIX / "de-stgb-232.txt"
GAZETTE = FIX / "rw-en-fr-gazette.txt"
LANGS = build.LANGS
excerpt = build.excerpt
CORPUS_STATUTES = sorted(STATUTES.glob("*.txt")) if STATUTES.is_dir() else []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


# ---------------------------------------------------------------------------------------
# refusal


def test_german_statute_is_refused_naming_its_language_and_the_supported_ones():
    with pytest.raises(UnsupportedLanguageError) as err:
        read_statute(GERMAN)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(str(GERMAN))
    assert "German (de)" in msg
    for code in ("en", "fr", "es", "ar", "ru", "pt"):
        assert f"({code})" in msg
    assert "--lang" in msg


def test_cli_refuses_german_with_exit_3_and_one_line():
    run = _cli("compare", str(GERMAN))
    assert run.returncode == 3
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "German (de)" in lines[0], run.stderr
    assert run.stdout == ""


def test_lang_still_forces_a_language():
    st = read_statute(GERMAN, lang="en")
    assert st.language == "en"
    run = _cli("compare", str(GERMAN), "--lang", "en", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["statute"]["language"] == "en"


def test_a_declared_unsupported_language_is_refused_too(tmp_path: Path):
    p = tmp_path / "act.txt"
    p.write_text("# language: de\n# ---\n" + GERMAN.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError, match="declared language German"):
        read_statute(p)


@pytest.mark.parametrize("lang", LANGS)
def test_the_six_languages_are_not_refused(lang: str):
    choice = choose_language(excerpt(lang))
    assert choice.language == lang
    assert not choice.multilingual


def test_a_short_text_is_too_short_to_refuse():
    # A clause or two says too little to refuse on: the six-language guess stands.
    assert choose_language("§ 1 Wer eine andere Person anwirbt, wird bestraft.").language in LANGS


@pytest.mark.skipif(not CORPUS_STATUTES, reason="the labelled corpus (../shared/corpus) is not here")
@pytest.mark.parametrize("path", CORPUS_STATUTES, ids=[p.stem for p in CORPUS_STATUTES])
def test_corpus_statutes_read_as_their_own_language_without_their_header(path: Path):
    doc = read_document(path)
    choice = choose_language(doc.text)  # the header's language is not used here
    assert choice.language == doc.meta.language
    assert not choice.multilingual, choice.describe()


# ---------------------------------------------------------------------------------------
# a trilingual gazette


def _line_languages(text: str) -> list[tuple[int, int, str]]:
    """The fixture's lines with the language of the article block they belong to."""
    out: list[tuple[int, int, str]] = []
    lang = ""
    for m in re.finditer(r"[^\n]*\n?", text):
        line = m.group()
        if line.startswith("Ingingo"):
            lang = "rw"
        elif re.match(r"Article (One|\d+) –", line):
            lang = "en"
        elif line.startswith("Article"):
            lang = "fr"
        if line.strip():
            out.append((m.start(), m.end(), lang))
    return out


def test_auto_assesses_the_supported_language_with_most_text():
    st = read_statute(GAZETTE)
    letters: dict[str, int] = {}
    for start, end, lang in _line_languages(GAZETTE.read_text(encoding="utf-8")):
        letters[lang] = letters.get(lang, 0) + sum(ch.isalpha() for ch in GAZETTE.read_text("utf-8")[start:end])
    most = max((lang for lang in letters if lang in LANGS), key=letters.__getitem__)
    assert st.language == most
    assert set(st.meta.languages) == {"rw", "en", "fr"}
    assert list(st.meta.languages)[0] == max(letters, key=letters.__getitem__)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_evidence_never_quotes_the_other_languages(lang: str):
    source = GAZETTE.read_text(encoding="utf-8")
    run = _cli("compare", str(GAZETTE), "--lang", lang, "--format", "json")
    assert run.returncode == 0, run.stderr
    assert "multilingual" in run.stderr and f"assessing its {lang} text" in run.stderr
    data = json.loads(run.stdout)
    assert data["statute"]["language"] == lang
    spans = _line_languages(source)
    quoted = 0
    for p in data["provisions"]:
        for e in p["evidence"]:
            langs = {ln for s, t, ln in spans if s < e["end"] and e["start"] < t}
            assert langs == {lang}, (p["id"], e["text"])
            quoted += 1
    assert quoted, "the chosen language's provisions on victims should be found"


def test_masking_keeps_offsets():
    text = GAZETTE.read_text(encoding="utf-8")
    choice = choose_language(text, "en")
    masked = choice.mask(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "Umunyarwanda" not in masked and "victimes" not in masked
    for start, end, lang in _line_languages(text):
        if lang == "en":
            assert masked[start:end] == text[start:end]


@pytest.mark.parametrize("confused_with,left_out", [("gl", False), ("ast", False), ("rw", True)])
def test_lines_read_as_a_neighbouring_language_are_not_left_out(monkeypatch, confused_with: str, left_out: bool):
    # A Spanish text whose every other line the identifier gives to another language: a neighbour of
    # Spanish (Galician, Asturian) is a misreading and stays in; a different language (Kinyarwanda) is left out.
    from statutes import languages

    text = "\n".join([excerpt("es")] * 3)
    real = languages.identify
    seen = iter(range(10_000))

    def flaky(chunk: str) -> tuple[str, float]:
        lang, p = real(chunk)
        return (confused_with, 0.99) if next(seen) % 2 else (lang, p)

    monkeypatch.setattr(languages, "identify", flaky)
    choice = languages.choose_language(text, "es")
    assert choice.language == "es"
    assert choice.multilingual is left_out, choice.describe()
