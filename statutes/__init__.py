"""Read a national statute from a file into a tree of citable units with definitions."""
from __future__ import annotations

from pathlib import Path

from statutes.model import Definition, Document, Statute, StatuteError, StatuteMeta, Unit

__all__ = ["Definition", "Document", "Statute", "StatuteError", "StatuteMeta", "Unit", "read_statute", "parse_text"]


def parse_text(text: str, lang: str | None = None, meta: StatuteMeta | None = None) -> Statute:
    """Structure plain statute text (already extracted) into units and definitions."""
    from statutes.definitions import extract_definitions
    from statutes.lang import detect_language
    from statutes.structure import parse_units

    meta = meta or StatuteMeta()
    language = lang or meta.language or detect_language(text)
    units = parse_units(text, language)
    return Statute(text=text, language=language, meta=meta, units=units,
                   definitions=extract_definitions(text, units, language))


def read_statute(path: str | Path, lang: str | None = None) -> Statute:
    """Read any supported format; `lang` overrides detection. Raises StatuteError (one line)."""
    from statutes.definitions import extract_definitions
    from statutes.lang import detect_language
    from statutes.readers import read_document
    from statutes.structure import parse_units

    doc: Document = read_document(Path(path))
    language = lang if lang and lang != "auto" else (doc.meta.language or detect_language(doc.text))
    units = doc.units if doc.units is not None else parse_units(doc.text, language)
    return Statute(text=doc.text, language=language, meta=doc.meta, units=units,
                   definitions=extract_definitions(doc.text, units, language))
