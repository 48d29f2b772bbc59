"""Domain types for a model law and the loader that reads them from validated XML.

The XML format is documented in docs/model-format.md and fixed by schema/model.xsd;
everything a user may encode (a regional model, a national action plan) goes
through the same schema, so a file that loads here is one the matcher can use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from modellaw.safexml import UnsafeXMLError, parse_file

NS = "urn:modellaw:model:1"
_Q = f"{{{NS}}}"
SCHEMA_PATH = Path(__file__).with_name("schema") / "model.xsd"
# The shipped models are package data, so an installed wheel finds them wherever it is run from.
MODELS_DIR = Path(str(resources.files("modellaw").joinpath("models")))
LANGS = ("en", "fr", "es", "ar", "ru", "pt")


class ModelError(ValueError):
    """A model file that cannot be used; the message is one line naming file, line and problem."""


@dataclass(frozen=True)
class Cue:
    lang: str
    text: str
    weight: float = 1.0


@dataclass(frozen=True)
class Element:
    id: str
    label: str
    essential: bool
    min: int
    cues: tuple[Cue, ...]

    def cues_for(self, lang: str) -> tuple[Cue, ...]:
        return tuple(c for c in self.cues if c.lang == lang)


@dataclass(frozen=True)
class Source:
    instrument: str
    article: str | None

    def __str__(self) -> str:
        return f"{self.instrument} art. {self.article}" if self.article else self.instrument


@dataclass(frozen=True)
class Provision:
    id: str
    article: str | None
    title: str
    chapter: str
    chapter_title: str
    status: str
    basis: str
    verified: bool
    status_basis: str
    provenance: str
    sources: tuple[Source, ...]
    keys: tuple[str, ...]
    summary: str
    elements: tuple[Element, ...]

    @property
    def label(self) -> str:
        return f"Art. {self.article}" if self.article else "(no article)"


@dataclass(frozen=True)
class ProtectionKey:
    id: str
    status: str
    source: str
    text: str


@dataclass(frozen=True)
class Model:
    id: str
    version: str
    year: str | None
    title: str
    publisher: str
    citation: str
    path: str
    chapters: tuple[tuple[str, str], ...]
    keys: tuple[ProtectionKey, ...]
    provisions: tuple[Provision, ...] = field(repr=False)

    def find(self, ref: str) -> Provision | None:
        """A provision by id, by article number ("8", "Art. 8") or by protection key."""
        ref = ref.strip()
        norm = ref.lower().removeprefix("article").removeprefix("art.").removeprefix("art").strip()
        for p in self.provisions:
            if p.id == ref:
                return p
        for p in self.provisions:
            if p.article is not None and p.article.lower() == norm:
                return p
        for p in self.provisions:
            if ref in p.keys:
                return p
        return None

    def chapter_title(self, chapter_id: str) -> str:
        return dict(self.chapters).get(chapter_id, chapter_id)


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(parse_file(SCHEMA_PATH))


def _text(el: etree._Element, tag: str) -> str:
    child = el.find(_Q + tag)
    return " ".join((child.text or "").split()) if child is not None else ""


def validate_model_file(path: str | Path) -> etree._ElementTree:
    """Parse safely and validate against the schema; raise ModelError with one line on failure."""
    try:
        tree = parse_file(path)
    except UnsafeXMLError as exc:
        raise ModelError(str(exc)) from None
    schema = _schema()
    try:
        ok = schema.validate(tree)
    except etree.Error as exc:
        raise ModelError(f"{path}:0: schema: validation failed: {exc}") from None
    if not ok:
        err = schema.error_log.filter_from_errors()[0] if schema.error_log else None
        line = err.line if err else 0
        msg = err.message if err else "does not match the model schema"
        msg = " ".join(msg.replace(_Q, "").split())  # the quoted value may hold newlines: keep one line
        msg = msg if len(msg) <= 300 else msg[:299] + "…"
        raise ModelError(f"{path}:{line}: schema: {msg}")
    return tree


def load_model(path: str | Path) -> Model:
    """Load a model file; every file goes through the schema first."""
    path = Path(path)
    root = validate_model_file(path).getroot()
    chapters = tuple((c.get("id"), c.get("title")) for c in root.findall(_Q + "chapter"))
    chapter_titles = dict(chapters)
    keys = tuple(
        ProtectionKey(k.get("id"), k.get("status"), k.get("source") or "", " ".join((k.text or "").split()))
        for k in root.findall(_Q + "key")
    )
    provisions = []
    for p in root.findall(_Q + "provision"):
        elements = []
        for e in p.findall(_Q + "element"):
            cues = tuple(
                Cue(cs.get("lang"), " ".join((c.text or "").split()), float(c.get("weight", "1")))
                for cs in e.findall(_Q + "cues")
                for c in cs.findall(_Q + "cue")
            )
            elements.append(
                Element(
                    id=e.get("id"),
                    label=_text(e, "label"),
                    essential=e.get("essential", "true") in ("true", "1"),
                    min=int(e.get("min", "1")),
                    cues=cues,
                )
            )
        ids = [e.id for e in elements]
        if len(ids) != len(set(ids)):
            raise ModelError(f"{path}:{p.sourceline}: provision {p.get('id')} repeats an element id")
        provisions.append(
            Provision(
                id=p.get("id"),
                article=p.get("article"),
                title=_text(p, "title"),
                chapter=p.get("chapter"),
                chapter_title=chapter_titles.get(p.get("chapter"), ""),
                status=p.get("status"),
                basis=p.get("basis"),
                verified=p.get("verified") in ("true", "1"),
                status_basis=_text(p, "status-basis"),
                provenance=_text(p, "provenance"),
                sources=tuple(Source(s.get("instrument"), s.get("article")) for s in p.findall(_Q + "source")),
                keys=tuple(k.get("ref") for k in p.findall(_Q + "key")),
                summary=_text(p, "summary"),
                elements=tuple(elements),
            )
        )
    return Model(
        id=root.get("id"),
        version=root.get("version"),
        year=root.get("year"),
        title=_text(root, "title"),
        publisher=_text(root, "publisher"),
        citation=_text(root, "citation"),
        path=str(path),
        chapters=chapters,
        keys=keys,
        provisions=tuple(provisions),
    )


def builtin_models() -> dict[str, Path]:
    """The models shipped in modellaw/models, by id (the file stem)."""
    return {p.stem: p for p in sorted(MODELS_DIR.glob("*.xml"))}


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Model:
    return load_model(path)


def resolve_model(name_or_path: str = "tip-2009") -> Model:
    """`tip-2009`, `unodc-tip-2009` or a path to a user's own model file."""
    models = builtin_models()
    aliases = {k.removeprefix("unodc-"): v for k, v in models.items()}
    path = models.get(name_or_path) or aliases.get(name_or_path)
    if path is None:
        path = Path(name_or_path)
        if not path.exists():
            known = ", ".join(sorted(aliases)) or "none"
            raise ModelError(f"{name_or_path}: no such model file or installed model (installed: {known})")
    return _load_cached(str(path), Path(path).stat().st_mtime)
