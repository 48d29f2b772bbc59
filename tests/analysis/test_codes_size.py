"""Whole penal codes: no input size ends in a traceback, tokens keep their offsets, the cue cache is safe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis import cuecache
from analysis.match import Matcher
from analysis.text import analyzer, chunks
from cli import app
from modellaw import resolve_model

FIXTURES = Path(__file__).parents[1] / "fixtures" / "statutes"


@pytest.mark.parametrize(
    "text,size",
    [
        ("", 10),
        ("short", 10),
        ("line one\nline two\nline three\n" * 20, 50),
        ("word " * 100, 23),  # no line break: cut at a space
        ("x" * 95, 10),  # no white space at all: cut hard, still contiguous
    ],
)
def test_chunks_cover_the_text_contiguously(text: str, size: int) -> None:
    spans = chunks(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b - a <= size for a, b in spans)
    assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))
    if "\n" in text and len(text) > size:
        assert all(text[b - 1] == "\n" for _, b in spans[:-1])


@pytest.mark.parametrize("lang", ["es", "fr", "en"])
def test_chunked_tokens_are_the_whole_texts_tokens(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.text as text_mod

    name = {"es": "es-codigo-penal-177bis.txt", "fr": "fr-code-penal-225-4-1.txt", "en": "en-ph-ra-9208-s3.txt"}[lang]
    text = (FIXTURES / name).read_text(encoding="utf-8")
    an = analyzer(lang)
    whole = an.tokens(text)
    monkeypatch.setattr(text_mod, "CHUNK", 300)
    monkeypatch.setattr(text_mod.chunks, "__defaults__", (300,))
    pieces = an.tokens(text)
    assert len(chunks(text, 300)) > 3
    assert pieces == whole
    assert all(text[t.start : t.end].lower().replace("’", "'") == t.norm for t in pieces if lang != "ar")


def _big_code(target: int) -> str:
    """A code-sized Spanish text: the Spanish fixtures again and again, articles renumbered."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("es-*.txt"))]
    parts, n, k = ["CÓDIGO PENAL\nLIBRO PRIMERO\nPARTE GENERAL\n"], 1, 0
    size = len(parts[0])
    while size < target:
        body = texts[k % len(texts)]

        def renumber(m: re.Match[str]) -> str:
            nonlocal n
            n += 1
            return f"{m.group(1)} {n}"

        body = re.sub(r"^(Art[íi]culo|ART[IÍ]CULO)\s+\d+", renumber, body, flags=re.MULTILINE)
        parts.append(f"TÍTULO {k + 1}\n{body}")
        size += len(parts[-1]) + 2
        k += 1
    return "\n\n".join(parts)


def test_a_statute_past_spacys_max_length_is_assessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODELLAW_CACHE", str(tmp_path / "cache"))
    code = tmp_path / "codigo-penal.txt"
    code.write_text(_big_code(1_200_000), encoding="utf-8")
    assert len(code.read_text(encoding="utf-8")) > 1_000_000  # spaCy's max_length
    r = CliRunner().invoke(app, ["compare", str(code), "--lang", "es", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["statute"]["units"] > 1000
    assert out["keys"]["offence.trafficking"] in ("covered", "partial")


# -- the compiled-cue cache --------------------------------------------------------------------
@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MODELLAW_CACHE", str(tmp_path))
    return tmp_path


def _files(cache: Path) -> list[Path]:
    return sorted(cache.glob("cues-*.json"))


def test_cache_round_trip_gives_the_same_cues(cache: Path) -> None:
    model = resolve_model("tip-2009")
    built = Matcher(model, "es").cues
    assert len(_files(cache)) == 1
    assert Matcher(model, "es").cues == built  # read back from the file


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: "not json {",
        lambda d: json.dumps({**d, "version": 999}),
        lambda d: json.dumps({**d, "format": "something else"}),
        lambda d: json.dumps({**d, "key": {**d["key"], "modellaw": "0.0.0"}}),
        lambda d: json.dumps({**d, "cues": {k: v[:-1] for k, v in d["cues"].items()}}),
        lambda d: json.dumps({**d, "cues": {k: [[1, 2, 3]] * len(v) for k, v in d["cues"].items()}}),
        lambda d: json.dumps({**d, "cues": {k: [[c[0] + "x", *c[1:]] for c in v] for k, v in d["cues"].items()}}),
        lambda d: json.dumps([d]),
    ],
    ids=["corrupt", "version", "format", "stale-key", "short", "bad-shape", "other-cues", "not-an-object"],
)
def test_a_corrupt_or_stale_cache_is_ignored_and_rebuilt(cache: Path, damage) -> None:
    model = resolve_model("tip-2009")
    built = Matcher(model, "fr").cues
    (path,) = _files(cache)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(damage(data), encoding="utf-8")
    assert Matcher(model, "fr").cues == built
    assert json.loads(path.read_text(encoding="utf-8")) == data  # rewritten good


def test_an_unwritable_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("MODELLAW_CACHE", str(blocker / "cache"))  # a folder under a file
    model = resolve_model("tip-2009")
    assert Matcher(model, "en").cues


def test_the_cache_key_names_model_language_and_versions(tmp_path: Path) -> None:
    model = resolve_model("tip-2009")
    key = cuecache.cache_key(model.path, "es")
    assert key is not None and key["lang"] == "es" and len(key["model_sha256"]) == 64
    assert set(key) >= {"modellaw", "spacy", "lookups"}
    assert cuecache.cache_key(str(tmp_path / "missing.xml"), "es") is None
