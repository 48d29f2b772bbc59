"""Number values as written in statutes: digits, roman, letters, Arabic ordinals; what comes next."""

from __future__ import annotations

import re
from dataclasses import dataclass

from statutes.structure.tables import TABLES
from statutes.structure.text import normalize_line, unparen, western_digits

# Number values: roman, letters, Arabic ordinals
# ---------------------------------------------------------------------------------------
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_OK = re.compile(r"^(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_value(s: str) -> int | None:
    s = s.lower()
    if not s or len(s) > 12 or not _ROMAN_OK.match(s):
        return None
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


_AR_ABJAD = "ابجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_AR_ALPHA = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_AR_LETTERS = "".join(sorted(set(_AR_ABJAD)))
_CYR = "абвгдежзиклмнопрстуфхцчшщэюя"

_AR_TABLE = TABLES["ar"].raw["ordinals"]
_AR_UNITS = {normalize_line(f)[0]: int(v) for v, forms in _AR_TABLE["units"].items() for f in forms}
_AR_TENS = {normalize_line(f)[0]: int(v) for v, forms in _AR_TABLE["tens"].items() for f in forms}
_U = "|".join(sorted(_AR_UNITS, key=len, reverse=True))
_T = "|".join(sorted(_AR_TENS, key=len, reverse=True))
# "الأولى", "الحادية عشرة", "الحادية والعشرون", "العشرون", "المائة", "... بعد المائة"
_NB = r"(?![\u0600-\u06ff])"
_AR_ORD = (
    rf"(?:ال(?P<ou>{_U}){_NB}(?:\s+(?:(?P<oteen>عشره|عشر){_NB}|وال(?P<otens>{_T}){_NB}))?"
    rf"|ال(?P<otens2>{_T}){_NB}|ال(?P<ohund>مائه|مايه|مئه){_NB})(?:\s+(?P<oplus>بعد\s+ال(?:مائه|مايه|مئه)){_NB})?"
)
_AR_ORD_RX = re.compile(_AR_ORD)
# adverbial ordinals: "أولاً" "ثانياً" ... "حادي عشر"
_AR_ADV_UNITS = {normalize_line(w)[0]: int(v) for v, w in _AR_TABLE["adverbs"].items()}
# "حادي عشر" ... "تاسع عشر": the masculine unit stems (1-9) before "عشر"
_AR_ADV_TEEN = "|".join(
    sorted({f for f, v in _AR_UNITS.items() if v < 10 and not f.endswith(("ه", "ى")) and f not in ("اول", "اولي")})
)
_AR_ADV = (
    rf"(?:(?P<au>{'|'.join(_AR_ADV_UNITS)})(?![\u0600-\u06ff])"
    rf"|(?P<ac>{_AR_ADV_TEEN})\s+عشر(?![\u0600-\u06ff]))"
)
_AR_ADV_RX = re.compile(_AR_ADV)


def ar_ordinal_value(m: re.Match) -> int | None:
    g = m.groupdict()
    v = None
    if g.get("ohund"):
        v = 100
    elif g.get("otens2"):
        v = _AR_TENS[g["otens2"]]
    elif g.get("ou"):
        u = _AR_UNITS[g["ou"]]
        if g.get("oteen"):
            v = u + 10 if u < 10 else None
        elif g.get("otens"):
            v = u + _AR_TENS[g["otens"]] if u < 10 else None
        else:
            v = None if g["ou"].startswith("حادي") else u
    if v is not None and g.get("oplus"):
        v += 100
    return v


def _ar_adv_value(m: re.Match) -> int:
    if m.group("au"):
        return _AR_ADV_UNITS[m.group("au")]
    return _AR_UNITS[m.group("ac")] + 10


_EN_WORDS = TABLES["en"].cardinals  # "PART ONE"
_EN_ORD = TABLES["en"].ordinals  # "First Schedule"
# an ordinal suffix written after the digits is not part of the number's value: "1º" = "1o." = "1er" = 1
_ORD_SUFFIXES = frozenset(_NV for t in TABLES.values() for x in t.ordinal_suffixes if (_NV := x.lower().strip("-.")))


# A value is (family, key): keys compare within a family.
@dataclass(frozen=True)
class Val:
    family: str  # num | alpha | roman | abjad | cyr | ord | word
    key: tuple
    first: bool


_NV_HEAD = re.compile(r"(?:[LRDA]\.?\s?)?(\d{1,6})")
_NV_DIGITS = re.compile(r"\d{1,6}")
_NV_CLEAN = re.compile(r"[\d.\-\s]+")


def num_value(text: str) -> Val | None:
    """Value of an article/section/list number as written: "4", "4A", "177 bis", "225-4-1", "127.1", "1º"."""
    if text.isascii() and text.isdigit() and len(text) <= 6:
        n = int(text)
        return Val("num", (n, ""), n == 1)
    t = unparen(western_digits(text))
    m = _NV_HEAD.match(t)
    if not m:
        return None
    parts = [int(x) for x in _NV_DIGITS.findall(t)[:5]]
    suffix = t[m.end() :].strip().lower()
    suffix = _NV_CLEAN.sub("", suffix)
    if suffix in _ORD_SUFFIXES:
        suffix = ""
    key = tuple(parts) + (suffix,)
    return Val("num", key, parts[0] == 1 and len(parts) == 1 and suffix == "")


def alpha_value(s: str) -> Val | None:
    s = s.lower()
    if not s or not s.isascii() or not s.isalpha():
        return None
    i = ord(s[0]) - 96
    if len(s) > 1 and len(set(s)) == 1:  # aa, bb after z
        return Val("alpha", (26 * (len(s) - 1) + i, ""), False)
    return Val("alpha", (i, s[1:]), s == "a")


def rvalue(s: str) -> Val | None:
    v = roman_value(s)
    return Val("roman", (v,), v == 1) if v else None


def _is_next(prev: Val | None, cur: Val | None, window: int = 3) -> bool:
    if prev is None or cur is None or prev.family != cur.family:
        return False
    a, b = prev.key, cur.key
    if cur.family == "num":
        if b[0] == a[0]:
            return b > a  # 4 -> 4A, 225-4 -> 225-4-1
        return a[0] < b[0] <= a[0] + window
    if cur.family == "alpha":
        if b[0] == a[0]:
            return b[1] > a[1]  # e -> ea
        return a[0] < b[0] <= a[0] + window
    if cur.family == "abjad":
        return any(0 < y - x <= 2 for x, y in zip(a, b, strict=True) if x >= 0 and y >= 0)  # both (abjad, alphabet)
    return a[0] < b[0] <= a[0] + window


# ---------------------------------------------------------------------------------------
