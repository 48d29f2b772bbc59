"""Read a statute file of any supported format into a Document: plain text, metadata, units.

Formats: plain text (.txt/.md, any common encoding), Word (.docx), PDF with a text layer,
HTML (.html/.htm), Akoma Ntoso XML (units from the markup) and other XML (text only).
The extension chooses the reader, and the first bytes may overrule it (a .txt that is a
PDF, a .docx that is an HTML page saved by a browser); a file whose content is an image,
an archive or another binary format is refused.

Every refusal is a StatuteError whose message is one line, "<path>: <reason>". Time and
memory are bounded: the size is checked by stat before anything is read, a DOCX is
checked for zip bombs from its directory before anything is unpacked, XML goes through
the hardened parser of modellaw.safexml, and a PDF's page count is capped.
"""

from __future__ import annotations

import stat as stat_mod
from functools import partial
from pathlib import Path
from typing import Callable

from statutes.model import Document, StatuteError
from statutes.readers.common import (
    _HINTS,
    ENV_LIMITS,
    SUPPORTED_EXTENSIONS,
    Limits,
    _env_limit,
    _fail,
    _quiet_libraries,
    _size,
    _stat,
)
from statutes.readers.docx import _read_docx
from statutes.readers.encoding import decode_text
from statutes.readers.html import _read_html
from statutes.readers.metadata import MANIFEST_COLUMNS, _apply_sidecar, normalize_language, read_manifest, split_header
from statutes.readers.ocr import OCR_MODES, TESSERACT_LANGS, OcrOptions, ocr_mode
from statutes.readers.pdf import _read_pdf
from statutes.readers.sniff import _sniff
from statutes.readers.txt import _read_txt
from statutes.readers.xml import _read_xml

__all__ = [
    "ENV_LIMITS",
    "Limits",
    "MANIFEST_COLUMNS",
    "OCR_MODES",
    "SUPPORTED_EXTENSIONS",
    "decode_text",
    "normalize_language",
    "read_document",
    "read_manifest",
    "split_header",
]


_READERS: dict[str, Callable[[Path, str, Limits], Document]] = {
    "txt": _read_txt,
    "html": _read_html,
    "xml": _read_xml,
    "docx": _read_docx,
    "pdf": _read_pdf,
}


def read_document(
    path: str | Path,
    max_bytes: int | None = None,
    *,
    max_pages: int | None = None,
    max_unzipped_bytes: int = 200_000_000,
    max_zip_ratio: int = 100,
    pdf_seconds: float | None = None,
    ocr: str | None = None,
    lang: str | None = None,
    progress: bool | None = None,
) -> Document:
    """Read one statute file. Raises StatuteError with one line "<path>: <reason>".

    max_bytes, max_pages and pdf_seconds default to $MODELLAW_MAX_BYTES, $MODELLAW_MAX_PAGES and
    $MODELLAW_PDF_SECONDS when set, else to the Limits defaults (50 MB, 5000 pages, 600 s).
    `ocr` (auto, always, never; default $MODELLAW_OCR, else auto) says which PDF pages are read by
    OCR: auto those without a text layer. `lang` is the statute's language for OCR (else detected);
    `progress` shows an OCR progress bar on stderr (default: when stderr is a terminal).
    """
    p = Path(path)
    name = str(path)
    lim = Limits(
        max_bytes=max_bytes if max_bytes is not None else _env_limit("max_bytes", name),
        max_pages=max_pages if max_pages is not None else _env_limit("max_pages", name),
        max_unzipped_bytes=max_unzipped_bytes,
        max_zip_ratio=max_zip_ratio,
        pdf_seconds=pdf_seconds if pdf_seconds is not None else _env_limit("pdf_seconds", name),
    )
    st = _stat(p, name)
    if stat_mod.S_ISDIR(st.st_mode):
        _fail(name, "is a directory, not a statute file")
    if not stat_mod.S_ISREG(st.st_mode):
        _fail(name, "is not a regular file")
    ext = p.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        hint = _HINTS.get(ext, "expected one of " + " ".join(sorted(set(SUPPORTED_EXTENSIONS))))
        _fail(name, f"unsupported file type '{ext or '(no extension)'}': {hint}")
    if st.st_size == 0:
        _fail(name, "empty file")
    if st.st_size > lim.max_bytes:
        _fail(name, f"file is {_size(st.st_size)}, over the {lim.max_bytes:,}-byte limit")
    try:
        with p.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        _fail(name, f"cannot read: {exc.strerror or exc}")

    kind = _sniff(head, SUPPORTED_EXTENSIONS[ext], name)
    reader = _READERS[kind]
    if kind == "pdf":
        options = OcrOptions(ocr_mode(ocr, name), lang if lang in TESSERACT_LANGS else None, progress)
        reader = partial(_read_pdf, ocr=options)
    try:
        with _quiet_libraries():
            doc = reader(p, name, lim)
    except StatuteError:
        raise
    except MemoryError:
        _fail(name, "out of memory while reading")
    except RecursionError:
        _fail(name, "document is nested too deeply to read")
    except Exception as exc:  # a third-party parser failed on hostile or broken input
        _fail(name, f"cannot read as {kind.upper()}: {type(exc).__name__}: {exc}")

    _apply_sidecar(p, name, doc.meta)
    if not doc.text.strip():
        _fail(name, "no text found")
    return doc
