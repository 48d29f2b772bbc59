"""Character classes and line normalisation shared by the structure parser (Arabic-aware)."""

from __future__ import annotations

import re
import unicodedata

LANGS = ("en", "fr", "es", "ar", "ru", "pt")

# ---------------------------------------------------------------------------------------
# Character classes and normalisation
# ---------------------------------------------------------------------------------------
_DIG = "0-9\u0660-\u0669\u06f0-\u06f9"
D = f"[{_DIG}]"
_DIGIT_TRANS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
_NEEDS_NORM = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_AR_DROP = frozenset(list(range(0x064B, 0x0660)) + [0x0670, 0x0640])  # harakat, dagger alef, tatweel
_AR_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ھ": "ه"}
_NEEDS_SLOW = re.compile("[\u064b-\u065f\u0670\u0640\ufb50-\ufdff\ufe70-\ufeff]")
_AR_TABLE = str.maketrans(_AR_MAP)
_LEAD_MARKS = "\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _build_char_rep() -> dict[str, str]:
    rep: dict[str, str] = {}
    for o in _AR_DROP:
        rep[chr(o)] = ""
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for o in range(lo, hi + 1):
            c = chr(o)
            n = unicodedata.normalize("NFKC", c)
            rep[c] = "".join(_AR_MAP.get(r, r) for r in n if ord(r) not in _AR_DROP)
    for k, v in _AR_MAP.items():
        rep[k] = v
    return rep


_CHAR_REP = _build_char_rep()


def western_digits(s: str) -> str:
    return s.translate(_DIGIT_TRANS)


def unparen(s: str) -> str:
    """ "(5)" -> "5"; "586 (1)" stays as is."""
    t = s.strip()
    if t.startswith("(") and t.endswith(")"):
        return t[1:-1].strip()
    return t


def normalize_line(line: str) -> tuple[str, list[int] | None]:
    """Arabic-aware normalisation for matching, with a map back to the original indices.

    Drops diacritics and tatweel, folds presentation forms (NFKC) and alef/ya/ta-marbuta
    variants. Returns (normalised, index map) — the map is None when the line is unchanged.
    """
    if not _NEEDS_NORM.search(line):
        return line, None
    if not _NEEDS_SLOW.search(line):
        t = line.translate(_AR_TABLE)
        return t, (None if t == line else list(range(len(line) + 1)))
    out: list[str] = []
    idx: list[int] = []
    rep_get = _CHAR_REP.get
    for i, c in enumerate(line):
        rep = rep_get(c)
        if rep is None:
            out.append(c)
            idx.append(i)
        else:
            for r in rep:
                out.append(r)
                idx.append(i)
    idx.append(len(line))
    return "".join(out), idx


def _orig(idx: list[int] | None, j: int) -> int:
    if idx is None:
        return j
    if j >= len(idx):
        return idx[-1]
    return idx[j]


# ---------------------------------------------------------------------------------------
