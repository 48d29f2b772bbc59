"""Which reader a file needs: the extension, unless its first bytes say otherwise."""

from __future__ import annotations

import codecs

from statutes.readers.common import _fail

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office (OLE2) file such as a Word .doc"),
]


def _sniff(head: bytes, by_ext: str, name: str) -> str:
    """The reader to use: by_ext, unless the first bytes say otherwise."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "docx"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            advice = "; save it as .docx, PDF or plain text" if magic in (b"{\\rtf", _OLE2) else ""
            _fail(name, f"content is {what}, not a statute text{advice}")
    if head[4:8] == b"ftyp":
        _fail(name, "content is a media file (ISO base media), not a statute text")
    low = _ascii_head(head)
    looks_html = low.startswith(("<!doctype html", "<html")) or ("<html" in low[:512] and "<body" in low)
    looks_xml = low.startswith("<?xml") or "akomantoso" in low
    if by_ext in ("pdf", "docx"):
        if looks_xml:
            return "xml"
        if looks_html:
            return "html"
        if by_ext == "pdf":
            _fail(name, "not a PDF file (no %PDF- header)")
        _fail(name, "not a DOCX file (not a zip archive)")
    if by_ext == "html" and looks_xml and "akomantoso" in low:
        return "xml"
    if by_ext == "xml" and looks_html and not low.startswith("<?xml"):
        return "html"
    return by_ext


def _ascii_head(head: bytes) -> str:
    """Lower-cased first bytes as ASCII, BOMs and UTF-16 NULs dropped, leading whitespace stripped."""
    h = head[:1024]
    if h.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        h = h[2:].replace(b"\x00", b"")
    elif h.startswith(codecs.BOM_UTF8):
        h = h[3:]
    return h.decode("ascii", "ignore").lstrip().lower()
