"""PDF reader: the text layer page by page, within page-count, content-size and time limits; OCR for scans."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from statutes.model import Document, StatuteMeta
from statutes.readers.common import _WS, Limits, _fail, _size
from statutes.readers.metadata import normalize_language
from statutes.readers.ocr import OcrOptions, ocr_pages, tesseract_found

if TYPE_CHECKING:
    from pypdf import PageObject


def _read_pdf(p: Path, name: str, lim: Limits, ocr: OcrOptions | None = None) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(str(p), strict=False)
    except PdfReadError as exc:
        _fail(name, f"damaged or truncated PDF, cannot read it ({exc})")
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        _fail(name, f"damaged or truncated PDF, cannot read it ({type(exc).__name__}: {exc})")
    if reader.is_encrypted:
        try:
            result = reader.decrypt("")
        except DependencyError:
            _fail(
                name,
                "PDF is encrypted with AES; reading it needs the 'cryptography' package "
                "(pip install cryptography), or save an unencrypted copy",
            )
        except Exception as exc:  # unknown security handler etc.
            _fail(name, f"PDF is encrypted and cannot be decrypted ({type(exc).__name__}: {exc})")
        if int(result) == 0:  # PasswordType.NOT_DECRYPTED
            _fail(name, "PDF is encrypted (a password is required to open it); save an unencrypted copy")
    try:
        # pypdf types every dictionary entry PdfObject; here they are dictionaries (else: except below)
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except Exception:  # a damaged page tree is found out below
        declared = 0
    if declared > lim.max_pages:
        _fail(name, f"PDF declares {declared:,} pages, over the {lim.max_pages:,}-page limit")
    try:
        n = len(reader.pages)
    except Exception as exc:
        _fail(name, f"damaged PDF, cannot read its page tree ({type(exc).__name__}: {exc})")
    if n == 0:
        _fail(name, "PDF has no pages")
    if n > lim.max_pages:
        _fail(name, f"PDF has {n:,} pages, over the {lim.max_pages:,}-page limit")
    deadline = time.monotonic() + lim.pdf_seconds
    texts: list[str] = []
    failed = rtl_pages = 0
    for i in range(n):
        if time.monotonic() > deadline:
            _fail(name, f"PDF text extraction took over {lim.pdf_seconds:.0f} s (stopped at page {i + 1} of {n})")
        try:  # pypdf parses a page's content in pure Python: a small file can unpack to minutes of work
            content = reader.pages[i].get_contents()
            content_bytes = len(content.get_data()) if content is not None else 0
        except Exception:  # a damaged page is counted below
            content_bytes = 0
        if content_bytes > lim.max_page_content_bytes:
            _fail(
                name,
                f"PDF page {i + 1} unpacks to {_size(content_bytes)} of page content, over the "
                f"{lim.max_page_content_bytes:,}-byte limit (decompression bomb?)",
            )
        try:
            t = reader.pages[i].extract_text() or ""
        except Exception:  # one damaged page must not lose the rest
            failed += 1
            t = ""
        if t and _mostly_arabic(t):
            fixed = _rtl_page(reader.pages[i], t)
            if fixed:
                t = fixed
                rtl_pages += 1
        texts.append(t.replace("\r\n", "\n").replace("\r", "\n").strip("\n"))
    meta = StatuteMeta(path=name, format="pdf")
    meta.extra["pages"] = str(n)
    if failed:
        meta.extra["unreadable_pages"] = str(failed)
    if rtl_pages:
        meta.extra["rtl_reordered_pages"] = str(rtl_pages)
    try:
        info = reader.metadata
        if info is not None and info.title:
            meta.title = str(info.title).strip()
        lang = reader.trailer["/Root"].get("/Lang")  # type: ignore[attr-defined]  # pypdf: PdfObject, a dict here
        if lang:
            meta.extra["declared_language"] = normalize_language(str(lang))
    except Exception:  # metadata is optional
        pass
    _ocr(p, name, texts, meta, ocr or OcrOptions(), failed, deadline, lim.pdf_seconds)
    return Document(text=_join(texts, meta), meta=meta)


def _ocr(
    p: Path,
    name: str,
    texts: list[str],
    meta: StatuteMeta,
    opts: OcrOptions,
    failed: int,
    deadline: float,
    seconds: float,
) -> None:
    """Replace the text of pages without a text layer (every page with --ocr always) by their OCR."""
    n = len(texts)
    blank = [i for i, t in enumerate(texts) if not t.strip()]
    has_text = len(blank) < n
    if not has_text and failed == n and opts.mode != "always":
        _fail(name, "damaged PDF: no page could be read")
    todo = list(range(n)) if opts.mode == "always" else blank if opts.mode == "auto" else []
    if todo and opts.mode == "auto" and has_text and not tesseract_found():
        todo = []  # some pages have a text layer: read those, as without OCR, rather than refuse the file
    if blank and not todo:
        if not has_text:
            _fail(name, "PDF has no text layer (scanned image?); run OCR first")
        meta.extra["pages_without_text"] = str(len(blank))
        return
    if not todo:
        return
    lang = opts.lang or meta.extra.get("declared_language") or None
    got, used = ocr_pages(p, name, todo, n, replace(opts, lang=lang), deadline, seconds)
    for i, t in got.items():
        if t.strip():
            texts[i] = t
            meta.ocr_pages.append(i + 1)
    if not any(t.strip() for t in texts):
        _fail(name, f"PDF has no text layer, and OCR found no text on its {n} page{'s' if n != 1 else ''}")
    meta.extra["ocr_language"] = used


def _join(texts: list[str], meta: StatuteMeta) -> str:
    """The pages' text, one newline between pages; records the OCR pages' character spans."""
    pos = 0
    ocr = set(meta.ocr_pages)
    for i, t in enumerate(texts):
        if i + 1 in ocr:
            meta.ocr_spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return "\n".join(texts) + "\n"


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LTR_RUN = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]"
    r"(?:[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9.,:/%\- ]*"
    r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9])?"
)
_ARABIC_WORD = re.compile(r"[\u0621-\u065f\u0670-\u06d3]+")
_LAM_ALEF = re.compile(r"([\u0627\u0623\u0625\u0622])\u0644")  # alef (with hamza/madda) + lam


def _mostly_arabic(text: str) -> bool:
    arabic = len(_ARABIC.findall(text))
    return arabic > 20 and arabic > 2 * len(_LATIN_LETTER.findall(text))


def _rtl_page(page: PageObject, plain: str) -> str | None:
    """Logical-order text for a right-to-left page, or None to keep pypdf's own text.

    pypdf's plain extraction keeps Arabic words in logical order but misplaces numbers and
    brackets inside a right-to-left line ("مادة (1) :" comes out as ") : ... 1( مادة"), which
    hides article numbers from the structure parser. Layout mode gives each line in visual
    order, from glyph positions; reversing an Arabic line and re-reversing its left-to-right
    runs (digits, Latin words) restores the logical order. Reversal splits lam-alef ligatures
    ("الاتجار" would read "االتجار"), so each word is matched back to the plain extraction's.
    """
    try:
        visual = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode is optional polish
        return None
    words = set(_ARABIC_WORD.findall(plain))
    out: list[str] = []
    for line in visual.split("\n"):
        line = _WS.sub(" ", line).strip()
        if not line:
            continue
        if len(_ARABIC.findall(line)) > len(_LATIN_LETTER.findall(line)):
            line = _LTR_RUN.sub(lambda m: m.group(0)[::-1], line[::-1])
            line = _ARABIC_WORD.sub(lambda m: _match_word(m.group(0), words), line)
        out.append(line)
    text = "\n".join(out)
    # Never lose words: keep the new text only if it has the plain text's letters.
    if sorted(_ARABIC.findall(text)) != sorted(_ARABIC.findall(plain)):
        return None
    return text


def _match_word(core: str, words: set[str]) -> str:
    """`core` (Arabic letters only) as the plain extraction spells it, lam-alef pairs restored."""
    if core in words or not _LAM_ALEF.search(core):
        return core
    spots = [m.start() for m in _LAM_ALEF.finditer(core)][:4]
    for mask in range(1, 1 << len(spots)):
        chars = list(core)
        for k, pos in enumerate(spots):
            if mask >> k & 1:
                chars[pos], chars[pos + 1] = chars[pos + 1], chars[pos]
        cand = "".join(chars)
        if cand in words:
            return cand
    return core
