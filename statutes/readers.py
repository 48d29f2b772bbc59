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

import codecs
import contextlib
import csv
import io
import logging
import os
import re
import stat as stat_mod
import time
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NoReturn

from lxml import etree

from statutes.model import Document, StatuteError, StatuteMeta, Unit

if TYPE_CHECKING:
    import docx.document
    from pypdf import PageObject

__all__ = [
    "Limits",
    "SUPPORTED_EXTENSIONS",
    "decode_text",
    "read_document",
    "read_manifest",
    "split_header",
]

# ---------------------------------------------------------------------------------------
# limits and errors


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50_000_000  # file size, checked by stat before reading
    max_pages: int = 5000  # PDF pages
    max_unzipped_bytes: int = 200_000_000  # DOCX: any member, and all members together
    max_zip_ratio: int = 100  # DOCX: uncompressed/compressed, for members over 1 MB
    max_zip_members: int = 10_000
    pdf_seconds: float = 600.0  # PDF text extraction, checked between pages
    max_page_content_bytes: int = 5_000_000  # PDF: one page's unpacked drawing instructions (~20 s to parse)


SUPPORTED_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".akn": "xml",
}

_HINTS = {
    ".doc": "legacy Word .doc is not supported; save it as .docx or PDF",
    ".rtf": "RTF is not supported; save it as .docx, PDF or plain text",
    ".odt": "OpenDocument is not supported; save it as .docx or PDF",
    ".docm": "macro-enabled Word files are not read; save it as .docx",
}


def _one_line(msg: str, limit: int = 400) -> str:
    msg = " ".join(str(msg).split())
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def _fail(name: str, reason: str) -> NoReturn:
    err = StatuteError(_one_line(f"{name}: {reason}"))
    err.__suppress_context__ = True  # the reason says it all; no chained library traceback
    raise err


def _size(n: int) -> str:
    return f"{n:,} bytes ({n / 1_000_000:.1f} MB)"


# ---------------------------------------------------------------------------------------
# entry point


ENV_LIMITS = {
    "max_bytes": "MODELLAW_MAX_BYTES",
    "max_pages": "MODELLAW_MAX_PAGES",
    "pdf_seconds": "MODELLAW_PDF_SECONDS",
}


def _env_limit(key: str, name: str) -> int:
    """The limit from its environment variable (see SECURITY.md), else the Limits default."""
    var = ENV_LIMITS[key]
    raw = os.environ.get(var, "").strip()
    if not raw:
        return getattr(Limits, key)
    try:
        value = int(raw.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if value < 1:
        _fail(name, f"{var}={raw!r} is not a positive whole number")
    return value


def read_document(
    path: str | Path,
    max_bytes: int | None = None,
    *,
    max_pages: int | None = None,
    max_unzipped_bytes: int = 200_000_000,
    max_zip_ratio: int = 100,
    pdf_seconds: float | None = None,
) -> Document:
    """Read one statute file. Raises StatuteError with one line "<path>: <reason>".

    max_bytes, max_pages and pdf_seconds default to $MODELLAW_MAX_BYTES, $MODELLAW_MAX_PAGES and
    $MODELLAW_PDF_SECONDS when set, else to the Limits defaults (50 MB, 5000 pages, 600 s).
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


# ---------------------------------------------------------------------------------------
# sniffing


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


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """pypdf and friends log warnings for every quirk of a damaged file; keep them off stderr."""
    loggers = [logging.getLogger(n) for n in ("pypdf", "charset_normalizer", "docx")]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, lvl in zip(loggers, saved, strict=True):
            lg.setLevel(lvl)


# ---------------------------------------------------------------------------------------
# plain text: encodings


_C0_ALLOWED = {9, 10, 11, 12, 13, 26, 27}  # \t \n \v \f \r, DOS EOF, ESC
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _C0_ALLOWED) + b"\x7f"
_SINGLE_BYTE = ("cp1252", "cp1256", "iso8859_6", "cp1251", "koi8_r", "iso8859_5", "cp866")

# Very common short words of the six languages; a wrong single-byte decoding scores near 0.
# One language per group of lines (fmt: off keeps the packing).
# fmt: off
_COMMON = frozenset([
    "the", "of", "and", "to", "in", "or", "a", "any", "by", "for", "be", "is", "shall", "person", "act", "this",
    "that", "with", "under", "which",
    "de", "la", "le", "les", "des", "et", "à", "en", "du", "un", "une", "est", "par", "pour", "au", "aux", "dans",
    "ou", "sur", "qui",
    "el", "los", "las", "y", "que", "del", "por", "con", "se", "una", "para", "al", "o", "su", "sus", "lo", "como",
    "da", "do", "dos", "das", "e", "em", "na", "no", "ao", "com", "os", "as", "pela", "pelo", "ou", "não",
    "и", "в", "не", "на", "с", "по", "или", "о", "к", "для", "от", "за", "что", "из", "то", "а", "его", "либо", "до",
    "при", "как", "также", "лица", "лиц",
    "في", "من", "على", "أو", "أن", "إلى", "التي", "الذي", "هذا", "عن", "مع", "كل", "لا", "ما", "و", "هذه", "بين",
])
# fmt: on
_WORD = re.compile(r"\w+")


def decode_text(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode statute text bytes; return (text, encoding). Raises StatuteError for binary data.

    Deterministic first: byte-order marks, BOM-less UTF-16, strict UTF-8, then the single-byte
    encodings of the six languages scored on common words (which also tells cp1256 from
    ISO-8859-6: the article "ال" is C7 E1 in one and C7 E4 in the other). charset-normalizer
    decides only what none of these explains.
    """
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(enc)
            except UnicodeDecodeError as exc:
                _fail(
                    name,
                    f"starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()} "
                    f"(bad bytes at offset {exc.start + len(bom)})",
                )
            _check_controls(text, name)
            return text, enc + ("-sig" if enc == "utf-8" else "")

    if b"\x00" in data:
        u16 = _bomless_utf16(data)
        if u16:
            try:
                text16 = data.decode(u16)
            except UnicodeDecodeError:
                pass
            else:
                _check_controls(text16, name)
                return text16, u16
        _fail(name, "binary content (NUL bytes), not a text file")

    sample = data[:262_144]
    bad = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    if bad > max(1, len(sample) // 200):
        _fail(name, "binary content (control bytes), not a text file")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    # Mostly UTF-8 with a few stray bytes (a cp1252 quote pasted into a UTF-8 file): keep UTF-8.
    lossy_sample = sample.decode("utf-8", "replace")
    replaced = lossy_sample.count("\ufffd")
    multibyte = len(_NON_ASCII.findall(lossy_sample)) - replaced
    if multibyte >= 20 and multibyte >= 10 * replaced:
        return data.decode("utf-8", "replace"), "utf-8 (with replaced invalid bytes)"

    best, best_score = None, 0.0
    for enc in _SINGLE_BYTE:
        try:
            cand = sample[:65_536].decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(cand)
        if score > best_score + 1e-9:
            best, best_score = enc, score
    if best is not None and best_score >= 0.08:
        try:
            return data.decode(best), best
        except UnicodeDecodeError:
            pass

    from charset_normalizer import from_bytes

    match = from_bytes(sample, steps=8, chunk_size=min(512, max(32, len(sample)))).best()
    if match is not None and match.encoding:
        guess: str | None
        try:
            guess = data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            guess = None
        if guess is not None and match.chaos < 0.3:
            _check_controls(guess, name)
            return guess, match.encoding
    _fail(
        name,
        "cannot determine the text encoding (not UTF-8, UTF-16 or a known single-byte encoding); "
        "save the file as UTF-8",
    )


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs sit in alternate bytes, as in BOM-less UTF-16 text."""
    from collections import Counter

    s = data[:8192]
    pairs = len(s) // 2
    if pairs < 2 or len(data) % 2:
        return None
    s = s[: 2 * pairs]
    for enc, high, low in (("utf-16-le", s[1::2], s[0::2]), ("utf-16-be", s[0::2], s[1::2])):
        # Text in one or two scripts: the high bytes are few distinct values (00 for ASCII, 06 for
        # Arabic, 04 for Cyrillic) while the low bytes vary.
        hc = Counter(high)
        if 0 not in hc or sum(c for _, c in hc.most_common(2)) < 0.9 * pairs or len(Counter(low)) < 4:
            continue
        try:
            text = s.decode(enc)
        except UnicodeDecodeError:
            continue
        ok = sum(1 for ch in text if ch.isalnum() or ch.isspace() or ch in ".,;:()-–—'\"«»’“”/%§°ºª")
        if ok >= 0.85 * len(text):
            return enc
    return None


def _check_controls(text: str, name: str) -> None:
    sample = text[:262_144]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ord(ch) not in _C0_ALLOWED) or ch == "\x7f")
    if bad > max(1, len(sample) // 200):
        _fail(name, "binary content (control characters), not a text file")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SCRIPT_CLASSES = (re.compile(r"[A-Za-z\u00c0-\u024f]"), re.compile(r"[\u0600-\u06ff]"), re.compile(r"[\u0400-\u052f]"))
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0600-\u06ff\u0400-\u052f]")


def _plausibility(text: str) -> float:
    """Share of words that are common words of the six languages, minus mixed-script words."""
    words = [w for w in _WORD.findall(text.lower()) if not w.isdigit()]
    if not words:
        return 0.0
    common = mixed = 0
    for w in words:
        if w in _COMMON or (len(w) > 3 and w.startswith("ال")):
            common += 1
        if not w.isascii():
            scripts = sum(1 for rx in _SCRIPT_CLASSES if rx.search(w))
            if scripts > 1 or _OTHER_LETTER.search(w):
                mixed += 1
    return (common - 2 * mixed) / len(words)


# ---------------------------------------------------------------------------------------
# metadata: header block, sidecar, manifest


_HEADER_LINE = re.compile(r"^#\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_HEADER_END = re.compile(r"^#\s*-{3,}\s*$")
_KNOWN_KEYS = {
    "country",
    "title",
    "year",
    "language",
    "lang",
    "source",
    "completeness",
    "date",
    "number",
    "jurisdiction",
    "short_title",
    "citation",
    "format",
    "note",
    "notes",
    "url",
    "version",
}

_LANG_ALIASES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "castellano": "es",
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "العربية": "ar",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "русский": "ru",
    "pt": "pt",
    "por": "pt",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
}


def normalize_language(value: str) -> str:
    v = value.strip().lower().replace("_", "-")
    if not v:
        return ""
    if v in _LANG_ALIASES:
        return _LANG_ALIASES[v]
    base = v.split("-")[0]
    return _LANG_ALIASES.get(base, v)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading "# key: value" block (ended by "# ---") from the text.

    A block without the "# ---" end line counts only if all its keys are known header keys
    and there are at least two, so a Markdown "# Title" or a lone "# Note: ..." stays text.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    fields: dict[str, str] = {}
    keys_ok = True
    j = i
    while j < len(lines):
        line = lines[j].strip()
        if _HEADER_END.match(line):
            if fields:
                return fields, "\n".join(lines[j + 1 :]).lstrip("\n")
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        key = m.group(1).lower().replace("-", "_")
        keys_ok &= key in _KNOWN_KEYS
        fields.setdefault(key, m.group(2))
        j += 1
    if fields and keys_ok and len(fields) >= 2:
        return fields, "\n".join(lines[j:]).lstrip("\n")
    return {}, text


def _apply_fields(meta: StatuteMeta, fields: dict[str, str], overwrite: bool) -> None:
    for key, value in fields.items():
        value = value.strip()
        if not value:
            continue
        if key in ("lang", "language"):
            key, value = "language", normalize_language(value)
        if key == "date" and not meta.year:
            m = re.search(r"\b(1[89]\d\d|20\d\d)\b", value)
            if m:
                meta.year = m.group(1)
        if key in ("title", "country", "year", "language", "source"):
            if overwrite or not getattr(meta, key):
                setattr(meta, key, value)
        elif overwrite or key not in meta.extra:
            meta.extra[key] = value


def _sidecar_paths(p: Path) -> list[Path]:
    return [p.with_name(p.name + ".meta"), p.with_suffix(".meta")]


def _apply_sidecar(p: Path, name: str, meta: StatuteMeta) -> None:
    """NAME.meta beside the file: the same "# key: value" lines as a text header."""
    for sp in _sidecar_paths(p):
        if sp == p or not sp.is_file():
            continue
        try:
            if sp.stat().st_size > 1_000_000:
                _fail(name, f"sidecar metadata {sp} is over 1 MB")
            raw = sp.read_bytes()
        except OSError as exc:
            _fail(name, f"cannot read sidecar metadata {sp}: {exc.strerror or exc}")
        try:
            text, _ = decode_text(raw, str(sp)) if raw.strip() else ("", "")
        except StatuteError as exc:
            _fail(name, f"sidecar metadata {exc}")
        fields: dict[str, str] = {}
        for line in text.replace("\r\n", "\n").split("\n"):
            s = line.strip()
            if not s or _HEADER_END.match(s) or s == "---":
                continue
            m = _HEADER_LINE.match(s if s.startswith("#") else "# " + s)
            if m:
                fields.setdefault(m.group(1).lower().replace("-", "_"), m.group(2))
        _apply_fields(meta, fields, overwrite=True)
        meta.extra["sidecar"] = str(sp)
        return


MANIFEST_COLUMNS = ("country", "title", "year", "language", "path")


def _stat(p: Path, name: str) -> os.stat_result:
    """stat() with the one-line refusals every input shares."""
    try:
        return p.stat()
    except FileNotFoundError:
        _fail(name, "no such file")
    except OSError as exc:
        _fail(name, f"cannot read: {exc.strerror or exc}")


def read_manifest(path: str | Path) -> list[dict]:
    """Rows of a manifest CSV (country,title,year,language,path), paths resolved against its folder."""
    p = Path(path)
    name = str(path)
    st = _stat(p, name)
    if not stat_mod.S_ISREG(st.st_mode):
        _fail(name, "is not a regular file")
    if st.st_size > 10_000_000:
        _fail(name, f"manifest is {_size(st.st_size)}, over the 10 MB limit")
    text, _ = decode_text(p.read_bytes(), name) if st.st_size else ("", "")
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    try:
        header = next(reader)
    except StopIteration:
        _fail(name, "empty manifest")
    except csv.Error as exc:
        _fail(name, f"malformed CSV: {exc}")
    cols = [c.strip().lower() for c in header]
    if "path" not in cols:
        _fail(name, f"manifest has no 'path' column (expected {','.join(MANIFEST_COLUMNS)})")
    rows: list[dict] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(cols):
                _fail(f"{name}:{line}", f"{len(row)} fields, but the header has {len(cols)}")
            rec = {c: "" for c in MANIFEST_COLUMNS}
            # a short row leaves its trailing columns empty (a long one was refused above)
            rec.update({c: v.strip() for c, v in zip(cols, row, strict=False)})
            if not rec["path"]:
                _fail(f"{name}:{line}", "empty path")
            target = Path(rec["path"])
            rec["path"] = str(target if target.is_absolute() else p.parent / target)
            rec["language"] = normalize_language(rec["language"])
            rows.append(rec)
    except csv.Error as exc:
        _fail(f"{name}:{reader.line_num}", f"malformed CSV: {exc}")
    return rows


# ---------------------------------------------------------------------------------------
# plain text reader


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


# ---------------------------------------------------------------------------------------
# line building shared by HTML, AKN and generic XML


_WS = re.compile(r"\s+")


class _Lines:
    """Accumulates inline text into lines; each emitted line ends with a newline.

    `prefix` is a pending number ("(1)", "3.") that is put in front of the next non-empty
    line, so a subsection's number and first words share a line as they do in print.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.buf: list[str] = []
        self.prefix: str | None = None

    def add(self, s: str | None) -> None:
        if s:
            self.buf.append(s)

    def flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        self.buf = []
        if not line:
            return
        if self.prefix:
            line = f"{self.prefix} {line}"
            self.prefix = None
        self._emit(line)

    def flush_prefix(self) -> None:
        self.flush()
        if self.prefix:
            p, self.prefix = self.prefix, None
            self._emit(p)

    def line(self, s: str) -> None:
        self.flush()
        s = _WS.sub(" ", s).strip()
        if s:
            self.buf = [s]
            self.flush()

    def _emit(self, line: str) -> None:
        self.out.append(line + "\n")
        self.pos += len(line) + 1

    def text(self) -> str:
        self.flush_prefix()
        return "".join(self.out)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# ---------------------------------------------------------------------------------------
# HTML


_HTML_DROP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "button",
    "select",
    "canvas",
    "audio",
    "video",
    "map",
}
_HTML_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "legend",
    "html",
    "frameset",
    "frame",
    "noframes",
    "option",
    "optgroup",
    "textarea",
    "output",
    "search",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)[0]
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = ""
        if enc:
            if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
                enc = "cp1252"  # as browsers do
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                pass
    return decode_text(data, name)[0]


def _read_html(p: Path, name: str, lim: Limits) -> Document:
    from lxml import html as lhtml

    data = p.read_bytes()
    if (
        b"\x00" in data[:4096]
        and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        and not _bomless_utf16(data)
    ):
        _fail(name, "binary content (NUL bytes), not an HTML file")
    if _ENTITY.search(data[:65536]):
        _fail(name, "declares XML entities (<!ENTITY); refused")
    text = _decode_html(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        _fail(name, "contains only whitespace, no text")
    parser = lhtml.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True)
    try:
        root = lhtml.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        _fail(name, "no text found" if "empty" in str(exc).lower() else f"cannot parse HTML: {exc}")
    meta = StatuteMeta(path=name, format="html")
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = _WS.sub(" ", title_el.text_content()).strip()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        meta.extra["declared_language"] = normalize_language(lang)
    body = root.find("body")
    if body is None:
        body = root
    lines = _Lines()
    _html_walk(body, lines)
    return Document(text=lines.text(), meta=meta)


def _html_walk(el: etree._Element, lines: _Lines, depth: int = 0) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if not tag or tag in _HTML_DROP or child.get("hidden") is not None:
            lines.add(child.tail)
            continue
        if tag == "br":
            lines.flush()
        elif tag == "pre":
            lines.flush()
            for ln in child.text_content().split("\n"):
                lines.line(ln)
        elif tag in ("td", "th"):
            lines.add(" ")
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
            lines.add(" ")
        elif tag in _HTML_BLOCK:
            lines.flush()
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
            lines.flush()
        else:
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
        lines.add(child.tail)


# ---------------------------------------------------------------------------------------
# XML: Akoma Ntoso and generic


AKN_NAMESPACES = (
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
    "http://www.akomantoso.org/2.0",
    "http://www.akomantoso.org/1.0",
    "http://www.akomantoso.org/1.0/",
)

_AKN_KIND = {
    "book": "part",
    "tome": "part",
    "part": "part",
    "subpart": "part",
    "title": "title",
    "subtitle": "title",
    "chapter": "chapter",
    "subchapter": "chapter",
    "division": "division",
    "subdivision": "division",
    "section": "section",
    "subsection": "subsection",
    "rule": "section",
    "subrule": "subsection",
    "article": "article",
    "paragraph": "paragraph",
    "subparagraph": "subparagraph",
    "clause": "paragraph",
    "subclause": "subparagraph",
    "alinea": "paragraph",
    "level": "paragraph",
    "point": "item",
    "indent": "item",
    "proviso": "item",
    "preamble": "preamble",
    "attachment": "schedule",
    "component": "schedule",
}
_AKN_SKIP = {"meta", "authorialNote", "noteRef", "eop", "marker", "img", "componentRef", "documentRef", "popup", "toc"}
_AKN_INLINE = {
    "b",
    "i",
    "u",
    "sup",
    "sub",
    "span",
    "ref",
    "mref",
    "rref",
    "term",
    "def",
    "abbr",
    "inline",
    "remark",
    "date",
    "person",
    "organization",
    "concept",
    "object",
    "event",
    "location",
    "process",
    "role",
    "quantity",
    "docTitle",
    "docNumber",
    "docType",
    "docDate",
    "docProponent",
    "docStage",
    "docStatus",
    "docCommittee",
    "docIntroducer",
    "docPurpose",
    "docJurisdiction",
    "docketNumber",
    "shortTitle",
    "affectedDocument",
    "relatedDocument",
    "change",
    "del",
    "ins",
    "omissis",
    "placeholder",
    "fillIn",
    "decoration",
    "vote",
    "outcome",
    "a",
    "entity",
    "legislature",
    "session",
    "courtType",
    "neutralCitation",
    "party",
    "judge",
    "lawyer",
    "signature",
    "opinion",
    "argument",
    "embeddedText",
    "quotedText",
    "recordedTime",
    "lineNumber",
    "subFlow",
}
_KIND_TITLE = {
    "part": "Part",
    "title": "Title",
    "chapter": "Chapter",
    "division": "Division",
    "schedule": "Schedule",
    "preamble": "Preamble",
    "section": "Section",
    "article": "Article",
    "subsection": "Subsection",
    "paragraph": "Paragraph",
    "subparagraph": "Subparagraph",
    "item": "Item",
}
_ID_ABBR = {
    "part": "part",
    "title": "title",
    "chapter": "chp",
    "division": "dvs",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "paragraph": "para",
    "subparagraph": "subpara",
    "item": "item",
    "schedule": "sched",
    "preamble": "preamble",
}
_NUM_WORD = re.compile(
    r"^(?:article|art\.?|section|sec\.?|s\.|artículo|artigo|статья|ст\.|المادة|مادة|part|chapter|"
    r"chapitre|capítulo|título|titre|partie|глава|раздел|الفصل|الباب)\s*",
    re.IGNORECASE,
)
_ISO3_TO_1 = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ara": "ar", "rus": "ru", "por": "pt"}


def _read_xml(p: Path, name: str, lim: Limits) -> Document:
    from modellaw.safexml import UnsafeXMLError, parse_bytes

    data = p.read_bytes()
    try:
        tree = parse_bytes(data, name)
    except UnsafeXMLError as exc:
        msg = str(exc)
        if msg.startswith(name + ":"):  # "name:LINE: reason" -> "name: line LINE: reason"
            msg = msg[len(name) + 1 :]
            m = re.match(r"(\d+): (.*)$", msg, re.S)
            msg = f"line {m.group(1)}: {m.group(2)}" if m and m.group(1) != "0" else (m.group(2) if m else msg)
        msg = re.sub(
            r"Excessive depth in document: (\d+), use XML_PARSE_HUGE option",
            r"elements nested more than \1 levels deep; refused",
            msg,
        )
        _fail(name, msg.strip())
    root = tree.getroot()
    ns = etree.QName(root).namespace or ""
    if _local(root) == "akomaNtoso" or ns in AKN_NAMESPACES or ns.startswith(AKN_NAMESPACES[0]):
        return _Akn(root, name).read(p)
    if _local(root) == "html":
        return _read_html(p, name, lim)
    meta = StatuteMeta(path=name, format="xml")
    body = next((el for el in root.iter() if _local(el) == "body"), root)
    lines = _Lines()
    lines.add(body.text)
    _xml_walk(body, lines)
    for el in root.iter():
        if _local(el) == "title" and (el.text or "").strip():
            meta.title = _WS.sub(" ", "".join(el.itertext())).strip()
            break
    return Document(text=lines.text(), meta=meta)


_XML_INLINE = {
    "num",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "span",
    "sup",
    "sub",
    "a",
    "ref",
    "term",
    "def",
    "abbr",
    "emphasis",
    "inline",
    "small",
    "big",
    "code",
    "mark",
    "q",
    "cite",
    "var",
    "font",
    "tt",
}


def _xml_walk(el: etree._Element, lines: _Lines) -> None:
    for child in el:
        tag = _local(child)
        if not tag:  # comment or processing instruction
            lines.add(child.tail)
            continue
        if tag in _XML_INLINE:
            lines.add(child.text)
            _xml_walk(child, lines)
        else:
            lines.flush()
            lines.add(child.text)
            _xml_walk(child, lines)
            lines.flush()
        lines.add(child.tail)


@dataclass
class _Frame:
    """An open unit while walking an Akoma Ntoso document."""

    unit: Unit
    in_base: bool  # inside a section/article
    first_child: int | None = None  # where the first child unit starts


class _Akn:
    """Walks an Akoma Ntoso document, producing the text and its units with exact offsets."""

    def __init__(self, root: etree._Element, name: str) -> None:
        self.root = root
        self.name = name
        self.lines = _Lines()
        self.units: list[Unit] = []
        self.stack: list[_Frame] = []
        self.ids: set[str] = set()
        self.lang = "en"

    def read(self, p: Path) -> Document:
        doc_el = next((c for c in self.root if _local(c) and _local(c) != "meta"), None)
        if doc_el is None:
            _fail(self.name, "Akoma Ntoso file has no document element")
        meta = StatuteMeta(path=self.name, format="akn")
        self._frbr(doc_el, meta)
        declared = ""
        for sp in _sidecar_paths(p):  # a sidecar's language decides the citation style too
            if sp != p and sp.is_file() and sp.stat().st_size < 1_000_000:
                m = re.search(r"(?im)^#?\s*lang(?:uage)?\s*:\s*(\S+)", sp.read_bytes().decode("utf-8", "replace"))
                if m:
                    declared = normalize_language(m.group(1))
                break
        self.lang = declared or meta.language or self._guess_language(doc_el)
        self._children(doc_el)
        text = self.lines.text()
        return Document(text=text, meta=meta, units=self.units)

    # metadata --------------------------------------------------------------------------
    def _frbr(self, doc_el: etree._Element, meta: StatuteMeta) -> None:
        meta_el = next((c for c in doc_el if _local(c) == "meta"), None)
        if meta_el is None:
            return
        work = next((e for e in meta_el.iter() if _local(e) == "FRBRWork"), None)
        expr = next((e for e in meta_el.iter() if _local(e) == "FRBRExpression"), None)
        if work is not None:
            for e in work:
                n = _local(e)
                if n == "FRBRcountry" and e.get("value"):
                    code = e.get("value").strip()
                    meta.extra["country_code"] = code
                    meta.country = _country_name(code)
                elif n == "FRBRdate" and e.get("date") and not meta.year:
                    m = re.match(r"\s*(\d{4})", e.get("date"))
                    if m:
                        meta.year = m.group(1)
                elif (
                    n == "FRBRalias"
                    and e.get("value")
                    and (e.get("name") or "").lower() in ("title", "short title", "shorttitle", "")
                ):
                    meta.title = meta.title or e.get("value").strip()
                elif n == "FRBRuri" and e.get("value"):
                    meta.extra["frbr_uri"] = e.get("value")
                elif n == "FRBRnumber" and e.get("value"):
                    meta.extra["number"] = e.get("value")
        if expr is not None:
            for e in expr:
                if _local(e) == "FRBRlanguage" and e.get("language"):
                    code = e.get("language").strip().lower()
                    meta.language = _ISO3_TO_1.get(code, normalize_language(code))
        if not meta.title:
            for e in doc_el.iter():
                if _local(e) in ("shortTitle", "docTitle") and "".join(e.itertext()).strip():
                    meta.title = _WS.sub(" ", "".join(e.itertext())).strip()
                    break

    def _guess_language(self, doc_el: etree._Element) -> str:
        from statutes.lang import detect_language

        parts: list[str] = []
        n = 0
        for t in doc_el.itertext():
            parts.append(t)
            n += len(t)
            if n > 12_000:
                break
        return detect_language(" ".join(parts))

    # walking ---------------------------------------------------------------------------
    def _children(self, el: etree._Element, skip: tuple[str, ...] = ()) -> None:
        for child in el:
            tag = _local(child)
            if tag and tag not in skip:
                self._walk(child)
            self.lines.add(child.tail)

    def _walk(self, el: etree._Element) -> None:
        tag = _local(el)
        if tag in _AKN_SKIP or not tag:
            return
        if tag == "eol":
            self.lines.add(" ")
            return
        if tag in _AKN_KIND or (tag == "hcontainer" and self._hcontainer_is_unit(el)):
            self._unit(el, tag)
        elif tag in _AKN_INLINE:
            self.lines.add(el.text)
            self._children(el)
        elif tag in (
            "list",
            "body",
            "mainBody",
            "attachments",
            "components",
            "doc",
            "act",
            "bill",
            "judgmentBody",
            "debateBody",
            "amendmentBody",
            "collectionBody",
            "portionBody",
        ):
            self.lines.flush()
            self.lines.add(el.text)
            self._children(el)
            self.lines.flush()
        elif tag in ("td", "th"):
            self.lines.add(" ")
            self.lines.add(el.text)
            self._children(el)
            self.lines.add(" ")
        else:  # a block: p, content, intro, wrapUp, blockList, item, tr, heading outside a unit...
            self.lines.flush()
            num = next((c for c in el if _local(c) == "num"), None)
            if num is not None:
                self.lines.flush_prefix()
                self.lines.prefix = _text(num) or None
            self.lines.add(el.text)
            self._children(el, skip=("num",))
            self.lines.flush_prefix() if num is not None else self.lines.flush()

    @staticmethod
    def _hcontainer_is_unit(el: etree._Element) -> bool:
        name = (el.get("name") or "").lower()
        if name in ("crossheading", "crossHeading".lower()):
            return False
        return any(_local(c) in ("num", "heading") for c in el)

    def _unit(self, el: etree._Element, tag: str) -> None:
        lines = self.lines
        lines.flush_prefix()
        if self.stack and self.stack[-1].first_child is None:
            self.stack[-1].first_child = lines.pos  # the parent's own text ends here
        kind = _AKN_KIND.get(tag, "division")
        if tag == "hcontainer":
            kind = "schedule" if re.search(r"schedule|annex|appendix", el.get("name") or "", re.I) else "division"
        num_el = next((c for c in el if _local(c) == "num"), None)
        head_el = next((c for c in el if _local(c) == "heading"), None)
        num_raw = _text(num_el)
        heading = _text(head_el)
        if kind == "schedule" and tag in ("attachment", "component"):
            heading = heading or self._attachment_title(el)
        parent, parent_in_base = (self.stack[-1].unit, self.stack[-1].in_base) if self.stack else (None, False)
        is_base = kind == "article" or (kind == "section" and next(el.iter("{*}article"), None) is None)
        num = _clean_num(num_raw)
        uid = self._uid(el, kind, num, parent)
        label = self._label(kind, num, heading, parent, parent_in_base, is_base)
        start = lines.pos
        if heading:
            lines.line(f"{num_raw} {heading}" if num_raw else heading)
        elif num_raw:
            lines.prefix = num_raw
        unit = Unit(
            id=uid,
            kind=kind,
            num=num,
            label=label,
            heading=heading,
            start=start,
            end=start,
            body_end=start,
            parent=parent.id if parent else None,
            depth=len(self.stack),
        )
        self.units.append(unit)
        frame = _Frame(unit, parent_in_base or is_base)
        self.stack.append(frame)
        for child in el:
            if child is not num_el and child is not head_el and _local(child):
                self._walk(child)
            lines.add(child.tail)
        lines.flush_prefix()
        self.stack.pop()
        unit.end = max(start, lines.pos - 1)
        first_child = frame.first_child
        unit.body_end = max(start, first_child - 1) if first_child is not None else unit.end

    def _attachment_title(self, el: etree._Element) -> str:
        for e in el.iter():
            n = _local(e)
            if n == "FRBRalias" and (e.get("name") or "title").lower() == "title" and e.get("value"):
                return e.get("value").strip()
        for e in el.iter():
            if _local(e) in ("heading", "docTitle"):
                t = _text(e)
                if t:
                    return t
        return ""

    def _uid(self, el: etree._Element, kind: str, num: str, parent: Unit | None) -> str:
        uid = (el.get("eId") or el.get("id") or el.get("wId") or "").strip()
        if not uid:
            slug = re.sub(r"[^\w.-]+", "_", num).strip("_") or str(len(self.units) + 1)
            uid = f"{_ID_ABBR.get(kind, kind)}_{slug}"
            if parent is not None:
                uid = f"{parent.id}__{uid}"
        base, i = uid, 2
        while uid in self.ids:
            uid = f"{base}_{i}"
            i += 1
        self.ids.add(uid)
        return uid

    def _label(
        self, kind: str, num: str, heading: str, parent: Unit | None, parent_in_base: bool, is_base: bool
    ) -> str:
        if kind == "preamble":
            return "Preamble"
        if kind == "schedule":
            return heading or f"Schedule {num}".strip()
        if is_base:
            n = num or heading
            if self.lang == "en" and kind == "section":
                return f"s. {n}"
            if self.lang == "ar":
                return f"المادة {n}"
            if self.lang == "ru":
                return f"Ст. {n}"
            return f"Art. {n}"
        if parent_in_base and parent is not None:
            if not num:
                return parent.label
            if num.startswith("(") or (self.lang == "en" and not num.startswith("(")):
                core = num if num.startswith("(") else f"({num.strip('()')})"
                return f"{parent.label}{core}"
            return f"{parent.label}, {num}"
        title = _KIND_TITLE.get(kind, kind.capitalize())
        return f"{title} {num}".strip() if num else (heading or title)


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    parts: list[str] = []

    def rec(e: etree._Element) -> None:
        if _local(e) in _AKN_SKIP:
            return
        parts.append(e.text or "")
        for c in e:
            rec(c)
            parts.append(c.tail or "")

    rec(el)
    return _WS.sub(" ", "".join(parts)).strip()


def _clean_num(raw: str) -> str:
    s = raw.strip()
    s = _NUM_WORD.sub("", s).strip()
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1 and not raw.strip().startswith("("):
        s = s[1:-1].strip()  # "مادة (1)" -> "1", but "(a)" stays "(a)"
    return s.rstrip(".:–—- ").strip()


def _country_name(code: str) -> str:
    c = code.strip()
    if len(c) in (2, 3) and c.isalpha():
        try:
            from babel import Locale

            name = Locale("en").territories.get(c.upper())
            if name:
                return name
        except Exception:  # babel missing or without data: keep the code
            pass
    return c


# ---------------------------------------------------------------------------------------
# DOCX


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _check_docx_zip(p: Path, name: str, lim: Limits) -> None:
    """Refuse zip bombs and hostile XML from the zip directory, before python-docx unpacks anything."""
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        _fail(name, "not a valid DOCX file (damaged or not a zip archive)")
    except (OSError, ValueError, EOFError) as exc:
        _fail(name, f"not a valid DOCX file ({exc})")
    with zf:
        infos = zf.infolist()
        if len(infos) > lim.max_zip_members:
            _fail(name, f"DOCX has {len(infos)} zip members, over the {lim.max_zip_members} limit")
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            if size > lim.max_unzipped_bytes:
                _fail(
                    name,
                    f"DOCX member {info.filename} unpacks to {_size(size)}, over the "
                    f"{lim.max_unzipped_bytes:,}-byte limit (zip bomb?)",
                )
            ratio = size / info.compress_size if info.compress_size else (float("inf") if size else 0)
            if size > 1_000_000 and ratio > lim.max_zip_ratio:
                _fail(
                    name,
                    f"DOCX member {info.filename} has a compression ratio of {ratio:,.0f}:1, over "
                    f"{lim.max_zip_ratio}:1 (zip bomb?)",
                )
        if total > lim.max_unzipped_bytes:
            _fail(
                name,
                f"DOCX unpacks to {_size(total)} in all, over the {lim.max_unzipped_bytes:,}-byte limit (zip bomb?)",
            )
        names = {i.filename for i in infos}
        main = "word/document.xml"
        if "_rels/.rels" in names:
            try:
                from modellaw.safexml import UnsafeXMLError, parse_bytes

                rels = parse_bytes(zf.read("_rels/.rels"), "_rels/.rels").getroot()
                for rel in rels:
                    if rel.get("Type") == _REL_OFFICE_DOC and rel.get("Target"):
                        main = rel.get("Target").lstrip("/")
                        break
            except (UnsafeXMLError, KeyError):
                pass
        if main not in names:
            if "xl/workbook.xml" in names:
                _fail(name, "not a Word document: the zip is an Excel workbook")
            if "ppt/presentation.xml" in names:
                _fail(name, "not a Word document: the zip is a PowerPoint presentation")
            _fail(name, f"not a Word document: the zip has no {main}")
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                try:
                    data = zf.read(info)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
                    _fail(name, f"damaged DOCX: cannot unpack {info.filename} ({exc})")
                if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<":  # UTF-16/32: the patterns below are blind
                    from modellaw.safexml import UnsafeXMLError, parse_bytes

                    try:
                        doctype = parse_bytes(data, info.filename).docinfo.internalDTD is not None
                    except UnsafeXMLError as exc:
                        _fail(name, f"DOCX part {exc}; refused")
                    if doctype:
                        _fail(name, f"DOCX part {info.filename} has a DOCTYPE; refused")
                if _ENTITY.search(data):
                    _fail(
                        name,
                        f"DOCX part {info.filename} declares XML entities; refused (billion laughs / external entity)",
                    )
                if _DOCTYPE.search(data):
                    _fail(name, f"DOCX part {info.filename} has a DOCTYPE; refused")


class _Numbering:
    """Renders Word's automatic list numbers ("1.", "(a)") that are not in the paragraph text."""

    def __init__(self, document: docx.document.Document) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # no numbering part
            numbering = None
        if numbering is not None:
            for an in numbering.iterchildren(_w("abstractNum")):
                levels: dict[int, tuple[str, str, int]] = {}
                for lvl in an.iterchildren(_w("lvl")):
                    ilvl = _wint(lvl.get(_w("ilvl")), 0)
                    fmt = _wval(lvl.find(_w("numFmt"))) or "decimal"
                    text = _wval(lvl.find(_w("lvlText")))
                    start = _wint(_wval(lvl.find(_w("start"))), 1)
                    levels[ilvl] = (fmt, text if text is not None else "", start)
                self.abstract[an.get(_w("abstractNumId"), "")] = levels
            for num in numbering.iterchildren(_w("num")):
                aid = _wval(num.find(_w("abstractNumId"))) or ""
                overrides = {}
                for ov in num.iterchildren(_w("lvlOverride")):
                    so = ov.find(_w("startOverride"))
                    if so is not None:
                        overrides[_wint(ov.get(_w("ilvl")), 0)] = _wint(_wval(so), 1)
                self.nums[num.get(_w("numId"), "")] = (aid, overrides)
        try:
            styles = document.styles.element
        except Exception:
            styles = None
        if styles is not None:
            by_id = {s.get(_w("styleId")): s for s in styles.iterchildren(_w("style"))}
            for sid in by_id:
                cur, seen = by_id.get(sid), 0
                while cur is not None and seen < 10:
                    numpr = cur.find(f"{_w('pPr')}/{_w('numPr')}")
                    if numpr is not None:
                        nid = _wval(numpr.find(_w("numId")))
                        if nid:
                            self.style_num[sid] = (nid, _wint(_wval(numpr.find(_w("ilvl"))), 0))
                        break
                    based = cur.find(_w("basedOn"))
                    cur = by_id.get(_wval(based)) if based is not None else None
                    seen += 1

    def label(self, p: etree._Element) -> str:
        ppr = p.find(_w("pPr"))
        nid, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                nid = _wval(numpr.find(_w("numId")))
                ilvl = _wint(_wval(numpr.find(_w("ilvl"))), 0)
            if nid is None:
                ps = ppr.find(_w("pStyle"))
                style = _wval(ps) if ps is not None else None
                if style is not None and style in self.style_num:
                    nid, ilvl = self.style_num[style]
        if not nid or nid == "0" or nid not in self.nums:
            return ""
        aid, overrides = self.nums[nid]
        levels = self.abstract.get(aid, {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(nid, {})
        start = overrides.get(ilvl, levels[ilvl][2])
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            f, _, st = levels.get(k, ("decimal", "", 1))
            return _fmt_number(counts.get(k, overrides.get(k, st)), f)

        return re.sub(r"%([1-9])", sub, text)


def _wval(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_w("val"))


def _wint(value: str | None, default: int) -> int:
    """A numbering value (w:ilvl, w:start...); a damaged one counts as absent: numbering is cosmetic."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _roman(n: int) -> str:
    vals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _fmt_number(n: int, fmt: str) -> str:
    if not 0 <= n <= 10_000:  # a hostile w:start (10**9) would make letters or roman numerals gigabytes long
        return str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = max(n, 1)
        s = chr(ord("a") + (k - 1) % 26) * ((k - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(max(n, 1))
        return r.upper() if fmt == "upperRoman" else r
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _para_text(p: etree._Element) -> str:
    """Text of one w:p in document order: runs, hyperlinks, insertions, fields; not deletions."""
    out: list[str] = []
    skip_tags = {_w("delText"), _w("instrText"), _w("del"), f"{{{_MC}}}Fallback", _w("pPr"), _w("rPr")}

    def rec(el: etree._Element) -> None:
        for c in el:
            tag = c.tag
            if not isinstance(tag, str) or tag in skip_tags:
                continue
            if tag == _w("t"):
                out.append(c.text or "")
            elif tag == _w("tab"):
                out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("p"):  # a paragraph in a text box
                out.append("\n")
                rec(c)
            else:
                rec(c)

    rec(p)
    return "".join(out)


def _docx_lines(container: etree._Element, numbering: _Numbering) -> Iterable[str]:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _w("p"):
            text = _para_text(child)
            label = numbering.label(child)
            if label and text.strip():
                text = f"{label} {text.lstrip()}" if not text.lstrip().startswith(label) else text
            yield text
        elif tag == _w("tbl"):
            for tr in child.iterchildren(_w("tr")):
                cells = []
                for tc in tr.iterchildren(_w("tc")):
                    cell_lines = [ln for ln in _docx_lines(tc, numbering) if ln.strip()]
                    cells.append(cell_lines)
                if all(len(c) <= 1 for c in cells):
                    row = "\t".join(c[0].strip() for c in cells if c)
                    if row:
                        yield row
                else:
                    for c in cells:
                        yield from c
        elif tag in (_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")):
            inner = child.find(_w("sdtContent")) if tag == _w("sdt") else child
            if inner is not None:
                yield from _docx_lines(inner, numbering)


def _read_docx(p: Path, name: str, lim: Limits) -> Document:
    _check_docx_zip(p, name, lim)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(p))
    except PackageNotFoundError:
        _fail(name, "not a valid DOCX file (no Word document package inside)")
    except etree.XMLSyntaxError as exc:
        _fail(name, f"damaged DOCX: malformed XML ({exc})")
    except (KeyError, zipfile.BadZipFile) as exc:
        _fail(name, f"damaged DOCX: {exc}")
    numbering = _Numbering(document)
    body = document.element.body
    lines = [ln.replace("\r", "") for ln in _docx_lines(body, numbering)]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    if not text.strip():
        _fail(name, "DOCX has no text")
    meta = StatuteMeta(path=name, format="docx")
    try:
        cp = document.core_properties
        if cp.title:
            meta.title = cp.title.strip()
        if cp.language:
            meta.extra["declared_language"] = normalize_language(cp.language)
    except Exception:  # damaged docProps: metadata is optional
        pass
    return Document(text=text, meta=meta)


# ---------------------------------------------------------------------------------------
# PDF


def _read_pdf(p: Path, name: str, lim: Limits) -> Document:
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
    if not any(t.strip() for t in texts):
        if failed == n:
            _fail(name, "damaged PDF: no page could be read")
        _fail(name, "PDF has no text layer (scanned image?); run OCR first")
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
    return Document(text="\n".join(texts) + "\n", meta=meta)


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


_READERS: dict[str, Callable[[Path, str, Limits], Document]] = {
    "txt": _read_txt,
    "html": _read_html,
    "xml": _read_xml,
    "docx": _read_docx,
    "pdf": _read_pdf,
}
