"""Offline language identification for statute text, restricted to the six supported languages.

Script decides first: a text written mostly in Arabic letters is Arabic, mostly in Cyrillic
letters is Russian (no other Arabic- or Cyrillic-script language is supported). Latin-script
text is classified by py3langid restricted to en, fr, es and pt, on a bounded sample taken
from the start, middle and end of the text so that a 50 MB statute costs no more than a page.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SUPPORTED = ("en", "fr", "es", "ar", "ru", "pt")
LATIN = ("en", "fr", "es", "pt")
DEFAULT = "en"

_CHUNK = 4000  # characters per sample chunk; three chunks at most
_lock = threading.Lock()
_identifier: LanguageIdentifier | None = None


def _get_identifier() -> LanguageIdentifier:
    """A private py3langid identifier (the module-global one is left untouched for other users)."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(LATIN))
                _identifier = ident
    return _identifier


def sample(text: str, chunk: int = _CHUNK) -> str:
    """Start, middle and end of `text`, at most 3 * chunk characters."""
    if len(text) <= 3 * chunk:
        return text
    mid = len(text) // 2
    return "\n".join((text[:chunk], text[mid - chunk // 2 : mid + chunk // 2], text[-chunk:]))


def script_counts(text: str) -> tuple[int, int, int]:
    """(latin, arabic, cyrillic) letter counts."""
    latin = arabic = cyrillic = 0
    for ch in text:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o <= 0x1EFF:
            latin += 1
        elif 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0x8A0 <= o <= 0x8FF or 0xFB50 <= o <= 0xFEFF:
            arabic += 1
        elif 0x400 <= o <= 0x52F:
            cyrillic += 1
    return latin, arabic, cyrillic


def detect_language(text: str) -> str:
    """ISO 639-1 code among en, fr, es, ar, ru, pt; 'en' when the text gives nothing to go on."""
    if not text or not text.strip():
        return DEFAULT
    s = sample(text)
    latin, arabic, cyrillic = script_counts(s)
    total = latin + arabic + cyrillic
    if total == 0:
        return DEFAULT
    if arabic >= cyrillic and arabic * 2 > total:
        return "ar"
    if cyrillic * 2 > total:
        return "ru"
    if latin == 0:
        return "ar" if arabic >= cyrillic else "ru"
    if arabic or cyrillic:  # classify the Latin-script part only
        s = "".join(ch if (ch.isascii() or ord(ch) < 0x250 or not ch.isalpha()) else " " for ch in s)
    lang, _conf = _get_identifier().classify(s)
    return lang if lang in SUPPORTED else DEFAULT
