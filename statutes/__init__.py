"""Read a national statute from a file into a tree of citable units with definitions."""

from __future__ import annotations

from pathlib import Path

from statutes.languages import UnsupportedLanguageError
from statutes.model import Definition, Document, Statute, StatuteError, StatuteMeta, Unit

__all__ = [
    "Definition",
    "Document",
    "Statute",
    "StatuteError",
    "StatuteMeta",
    "Unit",
    "UnsupportedLanguageError",
    "read_statute",
    "parse_text",
]


def _build(text: str, language: str, meta: StatuteMeta, units: list[Unit] | None) -> Statute:
    from statutes.definitions import extract_definitions
    from statutes.structure import parse_units

    units = units if units is not None else parse_units(text, language)
    return Statute(
        text=text, language=language, meta=meta, units=units, definitions=extract_definitions(text, units, language)
    )


def parse_text(text: str, lang: str | None = None, meta: StatuteMeta | None = None) -> Statute:
    """Structure plain statute text (already extracted) into units and definitions."""
    from statutes.lang import detect_language

    meta = meta or StatuteMeta()
    return _build(text, lang or meta.language or detect_language(text), meta, None)


def read_statute(path: str | Path, lang: str | None = None, ocr: str | None = None) -> Statute:
    """Read any supported format; `lang` overrides detection. Raises StatuteError (one line).

    `ocr` is auto, always or never: which PDF pages are read by OCR (see statutes.readers.read_document).
    A text in a language the model has no cues for raises UnsupportedLanguageError; a
    multilingual text is assessed on its lines in the chosen language only (the others are
    blanked, offsets unchanged) and `meta.languages` says what was found.
    """
    from statutes.languages import choose_language
    from statutes.readers import read_document

    given = lang if lang and lang != "auto" else None
    doc: Document = read_document(Path(path), ocr=ocr, lang=given)
    choice = choose_language(doc.text, given or doc.meta.language or None, name=str(path))
    text, units = doc.text, doc.units
    if choice.multilingual:
        text = choice.mask(text)
        if units is not None:  # a reader's own units: keep those with words left in the chosen language
            units = [u for u in units if text[u.start : u.end].strip()]
        doc.meta.languages = {lang: round(share, 3) for lang, share in choice.shares.items() if share >= 0.01}
    return _build(text, choice.language, doc.meta, units)
