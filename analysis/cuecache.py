"""A disk cache of a model's cues compiled for one language.

Compiling every cue of a model for a language (tokenising and lemmatising each cue word) takes
about a second, on every run; the result depends only on the model file, the language and the
tool's versions. It is kept as JSON (never pickle) in the user's cache folder
(`platformdirs.user_cache_dir("modellaw")`, or `$MODELLAW_CACHE` when set), one file per model
hash and language. A file is used only when its header names this format and the same key (model
file SHA-256, language, modellaw, spaCy and spacy-lookups-data versions) and every entry has the
expected shape; anything else (a corrupt, stale or foreign file, an unreadable folder) is ignored
and the cues are compiled again. Writing is best effort: a read-only cache folder only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable

from analysis.match import CompiledCue, Word

FORMAT = "modellaw.compiled-cues"
FORMAT_VERSION = 1
ENV = "MODELLAW_CACHE"

Cues = dict[str, list[CompiledCue]]


def cache_dir() -> Path:
    """$MODELLAW_CACHE, else the platform's per-user cache folder for modellaw."""
    env = os.environ.get(ENV, "").strip()
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("modellaw"))


def cache_key(model_path: str, lang: str) -> dict[str, str] | None:
    """What a cached file must match, or None when the model file cannot be read (no caching)."""
    try:
        digest = hashlib.sha256(Path(model_path).read_bytes()).hexdigest()
    except OSError:
        return None
    import spacy

    from modellaw import __version__

    try:
        lookups = metadata.version("spacy-lookups-data")
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        lookups = ""
    return {
        "model_sha256": digest,
        "lang": lang,
        "modellaw": __version__,
        "spacy": spacy.__version__,
        "lookups": lookups,
    }


def _path(key: dict[str, str]) -> Path:
    return cache_dir() / f"cues-{key['model_sha256'][:16]}-{key['lang']}.json"


def _encode(cue: CompiledCue) -> list[object]:
    parts = [[[w.norm, w.lemma, w.alt, w.prefix] for w in part] for part in cue.parts]
    return [cue.text, cue.weight, parts, cue.negative, cue.defined, list(cue.negated_parts)]


def _word(raw: object) -> Word:
    if not (isinstance(raw, list) and len(raw) == 4 and all(isinstance(x, str) for x in raw[:3])):
        raise ValueError("bad word")
    if not isinstance(raw[3], bool):
        raise ValueError("bad word")
    return Word(raw[0], raw[1], raw[2], raw[3])


def _decode(raw: object) -> CompiledCue:
    if not (isinstance(raw, list) and len(raw) == 6):
        raise ValueError("bad cue")
    text, weight, parts, negative, defined, negated = raw
    if not isinstance(text, str) or isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise ValueError("bad cue")
    if not (isinstance(parts, list) and all(isinstance(p, list) for p in parts)):
        raise ValueError("bad cue")
    if not (isinstance(negative, bool) and isinstance(defined, bool) and isinstance(negated, list)):
        raise ValueError("bad cue")
    if not all(isinstance(x, bool) for x in negated):
        raise ValueError("bad cue")
    return CompiledCue(
        text, float(weight), tuple(tuple(_word(w) for w in p) for p in parts), negative, defined, tuple(negated)
    )


def load(key: dict[str, str], expected: dict[str, list[tuple[str, float]]]) -> Cues | None:
    """The cached cues for this key, or None when there are none that can be trusted.

    `expected` lists each element's cue texts and weights as the model states them now: a
    cached entry that disagrees is stale and the whole file is ignored.
    """
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != FORMAT_VERSION:
        return None
    if data.get("key") != key or not isinstance(data.get("cues"), dict):
        return None
    raw = data["cues"]
    if set(raw) != set(expected):
        return None
    out: Cues = {}
    try:
        for name, want in expected.items():
            entries = raw[name]
            if not isinstance(entries, list) or len(entries) != len(want):
                return None
            cues = [_decode(e) for e in entries]
            if [(c.text, c.weight) for c in cues] != [(t, float(w)) for t, w in want]:
                return None
            out[name] = cues
    except ValueError:
        return None
    return out


def save(key: dict[str, str], cues: Cues) -> None:
    """Write the cues for this key (atomically; errors are ignored: the cache only saves time)."""
    path = _path(key)
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "key": key,
        "cues": {name: [_encode(c) for c in cs] for name, cs in cues.items()},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def compiled_cues(
    model_path: str, lang: str, expected: dict[str, list[tuple[str, float]]], build: Callable[[], Cues]
) -> Cues:
    """The model's cues for one language: from the cache when it holds a valid copy, else built and saved."""
    key = cache_key(model_path, lang)
    if key is None:
        return build()
    cached = load(key, expected)
    if cached is not None:
        return cached
    cues = build()
    save(key, cues)
    return cues
