"""Decoding statute text bytes: byte-order marks, UTF-8/16, and the single-byte encodings of the six languages."""

from __future__ import annotations

import codecs
import re

from statutes.readers.common import _fail

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
