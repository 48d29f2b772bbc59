"""The model's own words in a report language: titles, summaries, element labels, chapters, key texts.

A model's strings are translated in TOML files kept apart from the model XML (so work on cues and work
on translations never touch the same file), in a `translations/` folder beside the model:
`translations/<model file stem>.<lang>.toml`. Strings are keyed by stable ids, never by English text.
The file format is described in docs/model-format.md ("Translations").

A value written as a plain string is our own, unofficial translation; a value written as a table
`{ text = "...", source = "<id>" }` is official wording, and `source` names an entry of the file's
`[sources]` table (title and address of the published text it was read in). The English file holds
the English text the other languages were translated from; a model whose English has since changed
is reported stale, because its translations may no longer say the same thing.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from modellaw.model import LANGS, Model, ModelError, Provision

TRANSLATIONS_DIRNAME = "translations"
# The 2009 model marks a title it had to make up, the published title being unknown, with this suffix
# (docs/model-format.md); the localised view carries it as a flag and translations leave it out.
TITLE_OURS = "(title ours)"
_TOP = {"model_id", "lang", "sources", "model", "chapters", "keys", "provisions"}
_MODEL_FIELDS = ("title", "publisher")
_PROVISION_FIELDS = ("title", "summary")


@dataclass(frozen=True)
class Provenance:
    """Where the wording of one localised string comes from."""

    official: bool  # the published wording of an official language version
    source: str = ""  # for official wording: the title and address of the text it was read in
    fallback: bool = False  # no translation for this string: the English text stands in


@dataclass(frozen=True)
class Translation:
    model_id: str
    lang: str
    path: str
    strings: dict[str, str]  # string path (see `model_strings`) -> text
    sources: dict[str, str]  # string path -> source, for official wording only


@dataclass(frozen=True)
class LocalisedModel:
    """A model with its strings in `lang`, and where each string's wording comes from."""

    model: Model
    lang: str
    provenance: dict[str, Provenance]
    title_ours: frozenset[str]  # provision ids whose title is ours, not the published one

    def of(self, path: str) -> Provenance:
        return self.provenance.get(path, Provenance(official=False))

    @property
    def unofficial(self) -> bool:
        """Some string is our translation (not an official version, not the canonical English)."""
        return self.lang != "en" and any(not p.official and not p.fallback for p in self.provenance.values())

    @property
    def missing(self) -> list[str]:
        return sorted(k for k, p in self.provenance.items() if p.fallback)


def strip_title_ours(title: str) -> str:
    return title[: -len(TITLE_OURS)].rstrip() if title.endswith(TITLE_OURS) else title


def model_strings(model: Model) -> dict[str, str]:
    """Every human-readable string of a model by its stable path, with its English text.

    Paths: `model.title`, `model.publisher`, `chapters.<id>`, `keys.<id>`, `provisions.<id>.title`,
    `provisions.<id>.summary`, `provisions.<id>.elements.<element id>`. Status bases and provenance
    notes are maintainers' notes quoting their sources and stay in English.
    """
    out = {"model.title": model.title, "model.publisher": model.publisher}
    out.update({f"chapters.{cid}": title for cid, title in model.chapters})
    out.update({f"keys.{k.id}": k.text for k in model.keys})
    for p in model.provisions:
        out[f"provisions.{p.id}.title"] = p.title
        out[f"provisions.{p.id}.summary"] = p.summary
        out.update({f"provisions.{p.id}.elements.{e.id}": e.label for e in p.elements})
    return {k: v for k, v in out.items() if v}


def translation_path(model: Model, lang: str) -> Path:
    path = Path(model.path)
    return path.parent / TRANSLATIONS_DIRNAME / f"{path.stem}.{lang}.toml"


def _flatten(path: Path, data: dict[str, Any]) -> tuple[dict[str, object], dict[str, Any]]:
    """The file's string entries by path (values unchecked), and its `[sources]` table."""

    def table(value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ModelError(f"{path}: {where}: expected a table, found {type(value).__name__}")
        return value

    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise ModelError(f"{path}: unknown top-level entry {unknown[0]!r}")
    entries: dict[str, object] = {}
    model = table(data.get("model", {}), "model")
    for name, value in model.items():
        if name not in _MODEL_FIELDS:
            raise ModelError(f"{path}: model.{name}: unknown field (expected {', '.join(_MODEL_FIELDS)})")
        entries[f"model.{name}"] = value
    for section in ("chapters", "keys"):
        for name, value in table(data.get(section, {}), section).items():
            entries[f"{section}.{name}"] = value
    for pid, fields in table(data.get("provisions", {}), "provisions").items():
        for name, value in table(fields, f"provisions.{pid}").items():
            if name == "elements":
                for eid, label in table(value, f"provisions.{pid}.elements").items():
                    entries[f"provisions.{pid}.elements.{eid}"] = label
            elif name in _PROVISION_FIELDS:
                entries[f"provisions.{pid}.{name}"] = value
            else:
                raise ModelError(f"{path}: provisions.{pid}.{name}: unknown field (expected title, summary, elements)")
    sources = table(data.get("sources", {}), "sources")
    return entries, sources


@lru_cache(maxsize=64)
def _read(path: str, mtime: float) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"{path}: TOML: {' '.join(str(exc).split())}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: cannot read: {exc}") from None


def load_translation(path: str | Path, model: Model, lang: str) -> Translation:
    """Read and check one translation file against its model; ModelError (one line) when it is wrong.

    Wrong: not TOML, a header naming another model or language, an id the model does not have, a
    value that is not a non-empty string or an official `{ text, source }` table with a known source.
    Missing strings are not an error here (the report falls back to English for them); `check` lists them.
    """
    path = Path(path)
    data = _read(str(path), path.stat().st_mtime)
    if data.get("model_id") != model.id:
        raise ModelError(f"{path}: model_id {data.get('model_id')!r} is not this model's id {model.id!r}")
    if data.get("lang") != lang:
        raise ModelError(f"{path}: lang {data.get('lang')!r} does not match the file name ({lang!r})")
    entries, sources = _flatten(path, data)
    for sid, text in sources.items():
        if not isinstance(text, str) or not text.strip():
            raise ModelError(f"{path}: sources.{sid}: expected a non-empty string (title and address)")
    known = model_strings(model)
    strings: dict[str, str] = {}
    official: dict[str, str] = {}
    for where, value in entries.items():
        if where not in known:
            raise ModelError(f"{path}: {where}: no such string in model {model.id}")
        if isinstance(value, dict):
            if set(value) != {"text", "source"}:
                raise ModelError(f"{path}: {where}: an official entry is {{ text = ..., source = ... }}")
            text, source = value["text"], value["source"]
            if not isinstance(source, str) or source not in sources:
                raise ModelError(f"{path}: {where}: source {source!r} is not in [sources]")
            official[where] = sources[source]
        else:
            text = value
        if not isinstance(text, str) or not text.strip():
            raise ModelError(f"{path}: {where}: expected a non-empty string, found {type(text).__name__} {text!r}")
        strings[where] = " ".join(text.split())
    return Translation(model.id, lang, str(path), strings, official)


def translation_for(model: Model, lang: str) -> Translation | None:
    path = translation_path(model, lang)
    return load_translation(path, model, lang) if path.is_file() else None


def check(model: Model) -> list[str]:
    """Problems with a model's translations, one line each: strings missing in a language, stale English.

    A model with no translation file at all has nothing to check (its reports show the English text);
    once one language is translated, all of en, fr, es, ar, ru and pt must be complete.
    """
    if not any(translation_path(model, lang).is_file() for lang in LANGS):
        return []
    known = model_strings(model)
    problems = []
    for lang in LANGS:
        tr = translation_for(model, lang)
        if tr is None:
            problems.append(f"{lang}: no translation file ({translation_path(model, lang)})")
            continue
        missing = [k for k in known if k not in tr.strings]
        if missing:
            shown = ", ".join(missing[:3]) + (", ..." if len(missing) > 3 else "")
            problems.append(f"{lang}: {len(missing)} string(s) missing: {shown}")
        if lang == "en":
            stale = [k for k in known if k in tr.strings and tr.strings[k] != known[k]]
            if stale:
                shown = ", ".join(stale[:3]) + (", ..." if len(stale) > 3 else "")
                problems.append(f"en: {len(stale)} string(s) changed in the model since translation: {shown}")
    return problems


def localise(model: Model, lang: str) -> LocalisedModel:
    """The model with every string in `lang`, each with its provenance.

    A string with no translation keeps its English text, flagged `fallback`. English keeps the model's
    own text (its file, if any, only says which English wording is official).
    """
    tr = translation_for(model, lang)
    english = model_strings(model)
    title_ours = frozenset(p.id for p in model.provisions if p.title.endswith(TITLE_OURS))
    provenance: dict[str, Provenance] = {}
    text: dict[str, str] = {}
    for path, en in english.items():
        if lang == "en":
            text[path] = en
            official = tr.sources.get(path, "") if tr is not None else ""
            provenance[path] = Provenance(official=bool(official), source=official)
        elif tr is not None and path in tr.strings:
            text[path] = tr.strings[path]
            source = tr.sources.get(path, "")
            provenance[path] = Provenance(official=bool(source), source=source)
        else:
            text[path] = en
            provenance[path] = Provenance(official=False, fallback=True)

    def provision(p: Provision) -> Provision:
        base = f"provisions.{p.id}"
        return dataclasses.replace(
            p,
            title=text.get(f"{base}.title", p.title),
            summary=text.get(f"{base}.summary", p.summary),
            chapter_title=text.get(f"chapters.{p.chapter}", p.chapter_title),
            elements=tuple(
                dataclasses.replace(e, label=text.get(f"{base}.elements.{e.id}", e.label)) for e in p.elements
            ),
        )

    localised = dataclasses.replace(
        model,
        title=text.get("model.title", model.title),
        publisher=text.get("model.publisher", model.publisher),
        chapters=tuple((cid, text.get(f"chapters.{cid}", title)) for cid, title in model.chapters),
        keys=tuple(dataclasses.replace(k, text=text.get(f"keys.{k.id}", k.text)) for k in model.keys),
        provisions=tuple(provision(p) for p in model.provisions),
    )
    return LocalisedModel(localised, lang, provenance, title_ours)


__all__ = [
    "LocalisedModel",
    "Provenance",
    "TITLE_OURS",
    "Translation",
    "check",
    "load_translation",
    "localise",
    "model_strings",
    "strip_title_ours",
    "translation_for",
    "translation_path",
]
