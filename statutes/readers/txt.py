"""Plain text reader (.txt, .md): any common encoding, an optional "# key: value" header."""

from __future__ import annotations

from pathlib import Path

from statutes.model import Document, StatuteMeta
from statutes.readers.common import Limits, _fail
from statutes.readers.encoding import decode_text
from statutes.readers.metadata import _apply_fields, split_header


def _read_txt(p: Path, name: str, lim: Limits) -> Document:
    data = p.read_bytes()
    text, encoding = decode_text(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        _fail(name, "contains only whitespace, no text")
    fields, body = split_header(text)
    meta = StatuteMeta(path=name, format="txt")
    meta.extra["encoding"] = encoding
    if fields:
        _apply_fields(meta, fields, overwrite=True)
        if not body.strip():
            _fail(name, "has a metadata header but no statute text after it")
    return Document(text=body, meta=meta)
