"""Split plain statute text into a tree of citable units (parts, articles, subsections...).

The parser is line based and linear: each line is tested once, at its start, against the
numbering conventions of the statute's language (only line-initial numbering counts, so a
cross-reference such as "section 19" in a sentence never opens a unit). A stack of open
units decides where a new number belongs:

- every numbering *style* ("(1)", "(a)", "(i)", "1°", "§ 1º", "أ-", "а)") has a rank in
  its language's hierarchy (subsection above paragraph above subparagraph);
- a number continues the open list of its style only if it is that list's next value
  (small gaps allowed for repealed items), or opens a new list only if it is a first value
  ("1", "a", "i", "أ"); anything else is text — this rejects a wrapped line starting "2. "
  or "(2010)", and tells roman "(i)" from the letter "(i)" after "(h)";
- divisions (Part, Titre, Глава, الباب ...) are ranked by the order in which they nest.

Units are emitted in document order (pre-order). Their own-text spans `[start, body_end)`
together cover every non-whitespace character of the input; text before the first heading
goes into a `preamble` unit.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from statutes.model import Unit

__all__ = ["parse_units", "LANGS"]

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

_AR_UNITS = {
    "اول": 1,
    "اولي": 1,
    "حادي": 1,
    "حاديه": 1,
    "ثاني": 2,
    "ثانيه": 2,
    "ثالث": 3,
    "ثالثه": 3,
    "رابع": 4,
    "رابعه": 4,
    "خامس": 5,
    "خامسه": 5,
    "سادس": 6,
    "سادسه": 6,
    "سابع": 7,
    "سابعه": 7,
    "ثامن": 8,
    "ثامنه": 8,
    "تاسع": 9,
    "تاسعه": 9,
    "عاشر": 10,
    "عاشره": 10,
}
_AR_TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
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
_AR_ADV_UNITS = {
    "اولا": 1,
    "ثانيا": 2,
    "ثالثا": 3,
    "رابعا": 4,
    "خامسا": 5,
    "سادسا": 6,
    "سابعا": 7,
    "ثامنا": 8,
    "تاسعا": 9,
    "عاشرا": 10,
}
_AR_ADV = (
    rf"(?:(?P<au>{'|'.join(_AR_ADV_UNITS)})(?![\u0600-\u06ff])"
    rf"|(?P<ac>حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\s+عشر(?![\u0600-\u06ff]))"
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


# Number words: the packed lists are kept as written (one word a line would be 60 lines).
# fmt: off
_EN_WORDS = {w: i + 1 for i, w in enumerate([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
])}
_EN_ORD = {w: i + 1 for i, w in enumerate([
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth",
])}
_ES_ORD = {w: i + 1 for i, w in enumerate([
    "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo",
])}
_ES_ORD.update({w[:-1] + "a": v for w, v in list(_ES_ORD.items())})
_ES_ORD.update({"único": 1, "única": 1, "unico": 1, "unica": 1, "primer": 1, "tercer": 3})
_PT_ORD = {w: i + 1 for i, w in enumerate([
    "primeiro", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo", "oitavo", "nono", "décimo",
])}
_PT_ORD.update({w[:-1] + "a": v for w, v in list(_PT_ORD.items())})
_PT_ORD.update({"único": 1, "única": 1, "unico": 1, "unica": 1})
_RU_ORD = {w: i + 1 for i, w in enumerate([
    "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый",
])}
_RU_ORD.update({"первая": 1, "вторая": 2, "третья": 3, "общая": 1, "особенная": 2})
# fmt: on


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
    key = tuple(parts) + (suffix,)
    return Val("num", key, parts[0] == 1 and len(parts) == 1 and suffix in ("", "er", "º", "°", "ª", ".º", "o"))


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
# Line patterns
# ---------------------------------------------------------------------------------------
_SP = r"[ \t\u00a0\u2000-\u200b\u202f]"
_SEP = rf"(?:{_SP}*(?:\.{_SP}*[-–—]+|[-–—]+|\.|:|\)|،){_SP}*|{_SP}+|$)"
_ROMAN_RX = r"[IVXLC]{1,8}"
_FR_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)"

_NUM = {
    "en": r"\d{1,4}[A-Z]{0,3}(?![\w])",
    "fr": rf"(?:[LRDA]\.?{_SP}?)?\d{{1,4}}(?:[-.]\d{{1,4}}){{0,4}}(?:{_SP}?{_FR_SUFFIX}\b|er\b)?(?:-[A-Z]\b)?"
    rf"|premier\b|PREMIER\b|unique\b|UNIQUE\b",
    "es": rf"\d{{1,4}}(?:-\d{{1,4}}){{0,3}}(?:{_SP}?-{_SP}?[A-Z](?![a-záéíóúñ]))?"
    rf"(?:{_SP}(?:{_FR_SUFFIX}|BIS|TER|QUATER)\b)?(?:{_SP}?\.?{_SP}?[ºª°](?!\w))?"
    rf"|[úÚ]nico\b|ÚNICO\b|(?:primero|PRIMERO|segundo|SEGUNDO|tercero|TERCERO)\b",
    "pt": rf"\d{{1,4}}(?:-[A-Z](?![a-z]))?(?:{_SP}?\.?[ºª°]|o(?![A-Za-zÀ-ÿ]))?(?:-[A-Z](?![a-z]))?",
    "ru": r"\d{1,4}(?:\.\d{1,3}){0,3}",
}

_ART_KW = {
    "en": r"(?P<kw>Section|SECTION|Sec\.|SEC\.|Article|ARTICLE|Art\.|ART\.)",
    "fr": r"(?P<kw>Article|ARTICLE|Art\.|ART\.)",
    "es": r"(?P<kw>Artículo|ARTÍCULO|Articulo|ARTICULO|Art\.|ART\.)",
    "pt": r"(?P<kw>Artigo|ARTIGO|Art\.|ART\.)",
    "ru": r"(?P<kw>Статья|СТАТЬЯ|Ст\.)",
}
_ART_RX = {lg: re.compile(rf"{kw}{_SP}*(?P<num>{_NUM[lg]})(?P<sep>{_SEP})") for lg, kw in _ART_KW.items()}

_AR_NUM = (
    rf"(?:\({_SP}*{D}{{1,4}}{_SP}*\)"  # (12)
    rf"|{D}{{1,4}}(?:{_SP}*[-/]{_SP}*{D}{{1,4}})*"  # 12, 12-3, 12/3
    rf"(?:{_SP}*\({_SP}*{D}{{1,3}}{_SP}*\)(?={_SP}*(?:[:\-–—.]|$)))?)"  # then "(3)" before a separator
)
_AR_BIS = r"(?:{sp}+(?P<bis>مكرر(?:ا|{sp}*\(?{sp}*[{l}]{sp}*\)?(?![\u0600-\u06ff]))?))?".format(sp=_SP, l=_AR_LETTERS)
_AR_ART_RX = re.compile(
    rf"(?P<kw>(?:ال)?ماده){_SP}*(?:رقم{_SP}*)?(?:(?P<num>{_AR_NUM})|(?P<ord>{_AR_ORD})){_AR_BIS}(?P<sep>{_SEP})"
)
_AR_FASL_ART_RX = re.compile(rf"(?P<kw>(?:ال)?فصل){_SP}*(?P<num>{_AR_NUM}){_AR_BIS}(?P<sep>{_SEP})")

_ONES = "|".join(_EN_WORDS)
_EN_DIV_RX = re.compile(
    rf"(?P<kw>PART|Part|CHAPTER|Chapter|TITLE|Title|DIVISION|Division|SUB-?PART|Sub-?[Pp]art|BOOK|Book)"
    rf"{_SP}+(?P<num>{_ROMAN_RX}(?![A-Za-z])|\d{{1,3}}[A-Z]?(?![\w])|\d{{1,3}}(?=[A-Z]{{2}})|(?i:{_ONES})\b)(?P<sep>{_SEP})"
)
_EN_SCHED_RX = re.compile(
    rf"(?:(?P<ord>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|the)){_SP}+)?"
    rf"(?P<kw>SCHEDULES?|Schedules?|ANNEX(?:URE)?|Annex(?:ure)?|APPENDIX|Appendix)"
    rf"(?:{_SP}+(?P<num>\d{{1,3}}(?![\w])|{_ROMAN_RX}(?![A-Za-z])|[A-Z](?![\w])))?(?P<sep>{_SEP})"
)
_FR_DIV_RX = re.compile(
    rf"(?:«{_SP}?)?(?P<kw>LIVRE|Livre|TITRE|Titre|CHAPITRE|Chapitre|SOUS-SECTION|Sous-section|SECTION|Section"
    rf"|PARAGRAPHE|Paragraphe|ANNEXE|Annexe)"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}(?:-[IVXLC0-9]+)?|\d{{1,3}}|I)(?:er|ER)?(?![\w])(?:{_SP}?(?:{_FR_SUFFIX}|BIS|TER)\b)?"
    rf"|[Pp]remier\b|PREMIER\b|[Uu]nique\b|UNIQUE\b|préliminaire\b|PRÉLIMINAIRE\b))?(?P<sep>{_SEP})"
)
_ES_ORDW = "|".join(
    sorted(
        {w for w in _ES_ORD} | {w.upper() for w in _ES_ORD} | {w.capitalize() for w in _ES_ORD}, key=len, reverse=True
    )
)
_ES_DIV_RX = re.compile(
    rf"(?P<kw>LIBRO|Libro|TÍTULO|TITULO|Título|Titulo|CAPÍTULO|CAPITULO|Capítulo|Capitulo|SECCIÓN|SECCION"
    rf"|Sección|Seccion|ANEXO|Anexo)"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}(?:{_SP}?\.?{_SP}?[ªº°])?)(?![\w])(?:{_SP}(?:BIS|bis|Bis|TER|ter))?"
    rf"|(?:{_ES_ORDW})\b|PRELIMINAR\b|[Pp]reliminar\b))?(?P<sep>{_SEP})"
)
_PT_ORDW = "|".join(
    sorted(
        {w for w in _PT_ORD} | {w.upper() for w in _PT_ORD} | {w.capitalize() for w in _PT_ORD}, key=len, reverse=True
    )
)
_PT_DIV_RX = re.compile(
    rf"(?P<kw>LIVRO|Livro|TÍTULO|Título|TITULO|CAPÍTULO|Capítulo|CAPITULO|SUBSEÇÃO|Subseção|SEÇÃO|Seção|SECÇÃO|Secção"
    rf"|PARTE|Parte|ANEXO|Anexo)"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}[ºª]?)(?![\w])(?:-[A-Z](?![a-z]))?|(?:{_PT_ORDW})\b|GERAL\b|Geral\b|ESPECIAL\b|Especial\b))?(?P<sep>{_SEP})"
)
_RU_ORDW = "|".join(
    sorted(
        {w for w in _RU_ORD} | {w.upper() for w in _RU_ORD} | {w.capitalize() for w in _RU_ORD}, key=len, reverse=True
    )
)
_RU_DIV_RX = re.compile(
    rf"(?P<kw>РАЗДЕЛ|Раздел|ГЛАВА|Глава|ПАРАГРАФ|Параграф|ПРИЛОЖЕНИЕ|Приложение|ЧАСТЬ|Часть)"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}(?:\.\d{{1,2}})?)(?![\w])|(?:{_RU_ORDW})\b))?(?P<sep>{_SEP})"
)
_AR_DIV_RX = re.compile(
    rf"(?P<kw>(?:ال)?(?:باب|فصل|قسم|جزء|فرع|كتاب|ملحق)){_SP}+"
    rf"(?:(?P<ord>{_AR_ORD})|(?P<num>\({_SP}*{D}{{1,3}}{_SP}*\)|{D}{{1,3}}))(?P<sep>{_SEP})"
)
_AR_ANNEX_RX = re.compile(rf"(?P<kw>(?:ال)?ملحق|(?:ال)?جدول)(?P<sep>{_SP}*(?:[:\-–—]{_SP}*|$))")

# division keyword -> (kind, id prefix, canonical label word per language)
_DIV_KINDS = {
    "part": ("part", "part"),
    "chapter": ("chapter", "chp"),
    "title": ("title", "title"),
    "division": ("division", "dvs"),
    "subpart": ("division", "subpart"),
    "book": ("part", "book"),
    "livre": ("part", "book"),
    "titre": ("title", "title"),
    "chapitre": ("chapter", "chp"),
    "section": ("division", "dvs"),
    "sous-section": ("division", "subdvs"),
    "paragraphe": ("division", "prgr"),
    "libro": ("part", "book"),
    "título": ("title", "title"),
    "titulo": ("title", "title"),
    "capítulo": ("chapter", "chp"),
    "capitulo": ("chapter", "chp"),
    "sección": ("division", "dvs"),
    "seccion": ("division", "dvs"),
    "livro": ("part", "book"),
    "seção": ("division", "dvs"),
    "secção": ("division", "dvs"),
    "subseção": ("division", "subdvs"),
    "parte": ("part", "part"),
    "раздел": ("part", "part"),
    "глава": ("chapter", "chp"),
    "параграф": ("division", "dvs"),
    "часть": ("part", "part"),
    "باب": ("part", "part"),
    "فصل": ("chapter", "chp"),
    "قسم": ("division", "dvs"),
    "جزء": ("part", "part"),
    "فرع": ("division", "subdvs"),
    "كتاب": ("part", "book"),
}
_SCHED_WORDS = {
    "schedule",
    "schedules",
    "annex",
    "annexure",
    "appendix",
    "annexe",
    "anexo",
    "приложение",
    "ملحق",
    "جدول",
}
_LABEL_WORD = {
    "sub-part": "Subpart",
    "subpart": "Subpart",
    "título": "Título",
    "titulo": "Título",
    "capítulo": "Capítulo",
    "capitulo": "Capítulo",
    "sección": "Sección",
    "seccion": "Sección",
    "seção": "Seção",
    "secção": "Secção",
    "subseção": "Subseção",
    "sous-section": "Sous-section",
}

_AR_STOP = {
    "من",
    "في",
    "فى",
    "على",
    "علي",
    "الى",
    "الي",
    "عن",
    "او",
    "و",
    "بعد",
    "قبل",
    "السابق",
    "السابقه",
    "المشار",
    "المذكور",
    "المذكوره",
    "المنصوص",
    "المبينه",
    "الوارد",
    "الوارده",
    "اعلاه",
    "ادناه",
    "مكرر",
    "بشان",
    "لسنه",
    "ب",
    "ل",
    "التي",
    "الذي",
}

# sub-level styles
_SUB_RX = {
    "paren_num": re.compile(rf"\({_SP}?(?P<n>{D}{{1,3}}[A-Za-z]{{0,2}}){_SP}?\)(?![0-9a-z])"),
    "paren_alpha": re.compile(r"\((?P<n>[a-z]{1,3})\)(?![0-9])"),
    "num_space": re.compile(r"(?P<n>\d{1,4}[A-Z]{0,2})[ \t]+(?=[A-Z])|(?P<n2>\d{1,4})(?=[A-Z][a-z])"),
    "paren_ALPHA": re.compile(r"\((?P<n>[A-Z]{1,2})\)(?![0-9A-Za-z])"),
    "num_dot": re.compile(rf"(?P<n>{D}{{1,3}})\.(?=[ \t\u00a0\u202f]|$|[\u0600-\u06ff])"),
    "num_paren": re.compile(rf"(?P<n>{D}{{1,3}}){_SP}?\)(?![0-9])"),
    "num_dash": re.compile(rf"(?P<n>{D}{{1,3}}){_SP}?[-–—](?=[ \t\u00a0]|[^\d\s\-–—.])"),
    "num_degree": re.compile(rf"(?P<n>\d{{1,3}}){_SP}?[°º](?:{_SP}?[-–—])?(?=\s|$)"),
    "ord": re.compile(rf"(?P<n>\d{{1,3}}\.?{_SP}?[ªº°])(?:{_SP}?[.)\-–—])?(?=\s|$)"),
    "alpha_paren": re.compile(r"(?P<n>[a-z]{1,2})[ \t]?\)(?![0-9A-Za-z])"),
    "cyr_paren": re.compile(r"(?P<n>[а-яё]{1,2})[ \t]?\)(?![0-9а-яА-Я])"),
    "roman_sep": re.compile(rf"(?P<n>[IVXLC]{{1,7}}){_SP}?(?:\.{_SP}?[-–—]|[-–—]|\.|\))(?=\s|$)"),
    "para_sign": re.compile(
        rf"(?:§{_SP}?(?P<n>\d{{1,3}}(?:{_SP}?\.?[º°o])?)\.?(?=\s|$)"
        rf"|(?P<u>Par[áa]grafo{_SP}+[úu]nico|PAR[ÁA]GRAFO{_SP}+[ÚU]NICO)\.?{_SP}?[-–—]?)"
    ),
    "ar_adv": re.compile(rf"(?P<n>{_AR_ADV}){_SP}*(?:[:\-–—.)]|(?=\s))"),
    "ar_letter": re.compile(rf"(?:\({_SP}?(?P<n1>[{_AR_LETTERS}]){_SP}?\)|(?P<n2>[{_AR_LETTERS}]){_SP}?[-–—)])"),
}
# language -> [(style, rank)] in the order tried
_STYLES = {
    "en": [("paren_num", 1), ("paren_alpha", 2), ("paren_ALPHA", 4), ("num_dot", 1), ("num_space", 1)],
    "fr": [("roman_sep", 1), ("paren_num", 1), ("num_degree", 2), ("num_dot", 1), ("num_paren", 2), ("alpha_paren", 3)],
    "es": [("ord", 2), ("num_dot", 1), ("roman_sep", 1), ("paren_num", 1), ("num_paren", 2), ("alpha_paren", 2)],
    "pt": [("para_sign", 1), ("num_dash", 1), ("roman_sep", 2), ("alpha_paren", 3), ("num_dot", 4)],
    "ru": [("num_dot", 1), ("num_paren", 2), ("cyr_paren", 3)],
    "ar": [("ar_adv", 1), ("paren_num", 2), ("num_dash", 2), ("num_paren", 2), ("num_dot", 2), ("ar_letter", 3)],
}
_RANK = {lg: dict(v) for lg, v in _STYLES.items()}
for _lg in _RANK:
    _RANK[_lg].setdefault("paren_roman", 3)
    _RANK[_lg].setdefault("paren_ROMAN", 5)
_FLEXIBLE = {("en", "paren_ALPHA"), ("en", "paren_ROMAN")} | {("ar", s) for s, _ in _STYLES["ar"]}
# styles whose text starts with a capital (a lowercase start means a wrapped sentence)
_CAPITAL_AFTER = {"num_dot", "roman_sep", "para_sign", "num_dash"}
_DEF_RANK = 1.5
_NOTE_RANK = 0.9
_RU_NOTE_RX = re.compile(rf"(?P<n>Примечани[ея]|ПРИМЕЧАНИ[ЕЯ])\.?{_SP}*")

_Q = (
    r'(?:"(?P<q1>[^"\n]{1,80})"|“(?P<q2>[^”“\n]{1,80})[”“]|‘(?P<q3>[^’\n]{1,80})’'
    r"|«[ \u00a0\u202f]?(?P<q4>[^»\n]{1,80}?)[ \u00a0\u202f]?»|„(?P<q5>[^“”\n]{1,80})[“”]|'(?P<q6>[^'\n]{1,80})')"
)
_DEF_VERBS = {
    "en": r"(?:means|includes|include|has\s+the(?:\s+same)?\s+meaning|have\s+the(?:\s+same)?\s+meaning|shall\s+mean"
    r"|shall\s+include|refers\s+to|denotes|mean)\b",
    "fr": r"(?:s['’]entend|désigne|signifie|vise)\b|[:–—]",
    "es": r"(?:significa|se\s+entiende|se\s+entenderá|comprende)\b|[:–—]",
    "pt": r"(?:significa|compreende|abrange)\b|[:–—]",
    "ru": r"(?:означает|это)\b|[:–—-]",
    "ar": r"(?:تعني|يعني|هو|هي)(?![\u0600-\u06ff])|[:–—]",
}
_DEF_LINE_RX = {
    lg: re.compile(
        rf"(?:[-–—•]{_SP}*)?{_Q}{_SP}*,?{_SP}*(?:(?:[^\n\"“”«»]{{1,60}}?{_SP}+)?(?P<v>{v})"
        + (r"|(?P<v2>is|are)\b" if lg == "en" else "")
        + ")"
    )
    for lg, v in _DEF_VERBS.items()
}
_TOC_RX = re.compile(
    r"(?i:arrangement\s+of\s+(?:sections|clauses|regulations)|table\s+of\s+contents|contents|sommaire"
    r"|table\s+des\s+mati[èe]res|[íi]ndice|sum[áa]rio|оглавление|содержание)|فهرس(?:\s+المحتويات)?|المحتويات"
)


def quoted_term(m: re.Match) -> str:
    for k in ("q1", "q2", "q3", "q4", "q5", "q6"):
        v = m.group(k)
        if v is not None:
            return v.strip()
    return ""


# ---------------------------------------------------------------------------------------
# Candidates found at a line start
# ---------------------------------------------------------------------------------------
@dataclass
class Cand:
    cls: str  # div | sched | art | sub | note | def
    style: str = ""
    kw: str = ""
    num: str = ""  # as written (original text)
    val: Val | None = None
    alt: Val | None = None  # roman reading of an ambiguous "(i)"
    pos: int = 0  # start in normalised line
    end: int = 0  # end of the marker (after separator) in normalised line
    had_sep: bool = False
    lang: str = ""
    extra: dict = field(default_factory=dict)


def _rest_ok(s: str, p: int, had_sep: bool, lang: str, strict: bool = True) -> bool:
    """After a heading keyword + number: reject a wrapped cross-reference ("section 19 of ...")."""
    rest = s[p:].lstrip()
    if not rest:
        return True
    c = rest[0]
    if lang == "ar":
        if had_sep:
            return True
        w = re.match(r"[\u0600-\u06ff]+", rest)
        return not (w and w.group(0) in _AR_STOP)
    if c.islower():
        return had_sep and not strict
    return True


class _Scanner:
    """Stateless recognition of numbering at the start of a (normalised) line."""

    def __init__(self, lang: str):
        self.lang = lang
        self.langs = (lang,) if lang in LANGS else LANGS

    def scan(self, s: str, p: int) -> list[Cand]:
        """Candidates at position p of s (first non-space). Returns a chain (e.g. art then sub)."""
        if p >= len(s):
            return []
        c0 = s[p]
        if c0.islower():
            # only "a)" / "а)" items can start with a lowercase letter
            if self.lang == "en":
                return []
            for lg in self.langs:
                for style in ("alpha_paren", "cyr_paren"):
                    if style in _RANK.get(lg, ()):
                        m = _SUB_RX[style].match(s, p)
                        if m:
                            c = self._mk_sub(style, m, s, p, lg)
                            if c is not None:
                                return [c] + self._chain(s, c.end, lg, c)
            return []
        if s[p] == "«" and not self._def_at(s, p):
            q = p + 1
            while q < len(s) and s[q] in " \u00a0\u202f":
                q += 1
            if q < len(s) and (s[q].isdigit() or s[q].isupper() or s[q] == "("):
                p = q
        for lg in self.langs:
            c = self._div(s, p, lg)
            if c:
                return [c]
        for lg in self.langs:
            c = self._art(s, p, lg)
            if c:
                return [c] + self._chain(s, c.end, lg, c)
        for lg in self.langs:
            c = self._note(s, p, lg)
            if c:
                return [c] + self._chain(s, c.end, lg, c)
        for lg in self.langs:
            cs = self._subs(s, p, lg)
            if cs:
                return cs[:1] + self._chain(s, cs[0].end, lg, cs[0])
        if self.lang == "en" or self.lang not in LANGS:  # "X" means ... lines (English drafting)
            c = self._def(s, p, "en")
            if c:
                return [c]
        return []

    # -- divisions -----------------------------------------------------------------
    def _div(self, s: str, p: int, lg: str) -> Cand | None:
        if lg == "en":
            m = _EN_SCHED_RX.match(s, p)
            if (
                m
                and (m.group("ord") or m.group("num") or m.group("kw").isupper())
                and _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg)
                and len(s) - p <= 200
            ):
                ordw = (m.group("ord") or "").lower()
                return Cand(
                    "sched",
                    kw=m.group("kw"),
                    num=(m.group("ord") or m.group("num") or ""),
                    val=Val("ord", (_EN_ORD.get(ordw, 0),), False),
                    pos=p,
                    end=m.end(),
                    lang=lg,
                    extra={"ordw": ordw if ordw != "the" else "", "n": m.group("num") or ""},
                )
            m = _EN_DIV_RX.match(s, p)
            if m and len(s) - p <= 250 and _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return self._mk_div(m, lg, p)
            return None
        rx = {"fr": _FR_DIV_RX, "es": _ES_DIV_RX, "pt": _PT_DIV_RX, "ru": _RU_DIV_RX, "ar": _AR_DIV_RX}.get(lg)
        if rx is None:
            return None
        m = rx.match(s, p)
        if lg == "ar" and not m:
            m2 = _AR_ANNEX_RX.match(s, p)
            if m2 and len(s) - p <= 60:
                return Cand("sched", kw=m2.group("kw"), num="", val=None, pos=p, end=m2.end(), lang=lg, extra={"n": ""})
            return None
        if not m or len(s) - p > 250:
            return None
        kw = m.group("kw")
        kwl = kw.lower()
        num = m.group("num") if "num" in m.groupdict() else None
        if lg == "ar":
            if m.group("ord") is None and num is not None and kwl.endswith("فصل"):
                return None  # Moroccan/Tunisian "الفصل 448-1" is an article
            if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return None
            return self._mk_div(m, lg, p)
        if kwl in _SCHED_WORDS:
            if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg) or not (kw.isupper() or num):
                return None
            return Cand("sched", kw=kw, num=num or "", val=None, pos=p, end=m.end(), lang=lg, extra={"n": num or ""})
        if not num:
            return None
        if lg == "ru" and kwl == "часть" and not kw.isupper():
            return None  # "Часть первая настоящей статьи" is a cross-reference
        if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
            return None
        return self._mk_div(m, lg, p)

    def _mk_div(self, m: re.Match, lg: str, p: int) -> Cand:
        kw = m.group("kw")
        gd = m.groupdict()
        if lg == "ar":
            if gd.get("ord"):
                om = _AR_ORD_RX.match(gd["ord"])
                v = ar_ordinal_value(om) if om else None
                num = gd["ord"]
            else:
                num = gd.get("num") or ""
                v = (num_value(num) or Val("num", (0,), False)).key[0]
            val = Val("num", (v or 0,), v == 1)
        else:
            num = gd.get("num") or ""
            core = re.split(r"[\s\u00a0-]", num)[0]
            rv = roman_value(core.rstrip("erER") if core.upper().endswith("ER") else core)
            low = num.lower()
            if rv:
                val = Val("num", (rv,), rv == 1)
            elif (nv := num_value(num)) is not None:
                val = nv
            else:
                w = low.split()[0] if low.split() else low
                n = (
                    _EN_WORDS.get(w)
                    or _ES_ORD.get(w)
                    or _PT_ORD.get(w)
                    or _RU_ORD.get(w)
                    or (1 if w in ("premier", "unique", "préliminaire", "preliminar", "geral") else 0)
                )
                val = Val("num", (n,), n == 1)
        return Cand("div", kw=kw, num=num, val=val, pos=p, end=m.end(), had_sep=bool(m.group("sep").strip()), lang=lg)

    # -- articles / sections -----------------------------------------------------------
    def _art(self, s: str, p: int, lg: str) -> Cand | None:
        if lg == "ar":
            m = _AR_ART_RX.match(s, p)
            fasl = False
            if not m:
                m = _AR_FASL_ART_RX.match(s, p)
                fasl = True
            if not m or not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return None
            gd = m.groupdict()
            if gd.get("ord"):
                om = _AR_ORD_RX.match(gd["ord"])
                v = ar_ordinal_value(om) if om else None
                if v is None:
                    return None
                val = Val("num", (v, ""), v == 1)
                num = gd["ord"]
            else:
                num = gd["num"]
                parsed = num_value(num)
                if parsed is None:
                    return None
                val = parsed
            bis = gd.get("bis") or ""
            if bis:
                val = Val("num", val.key[:-1] + ("مكرر" + val.key[-1],), False)
            return Cand(
                "art",
                style="kw",
                kw=m.group("kw"),
                num=num,
                val=val,
                pos=p,
                end=m.end(),
                had_sep=bool(m.group("sep").strip()),
                lang=lg,
                extra={"fasl": fasl, "bis": bis},
            )
        rx = _ART_RX.get(lg)
        if rx is not None:
            m = rx.match(s, p)
            if m:
                num = m.group("num")
                had_sep = bool(m.group("sep").strip())
                aval = self._art_val(num, lg)
                if aval is not None and _rest_ok(s, m.end(), had_sep, lg):
                    kw = m.group("kw")
                    return Cand(
                        "art",
                        style="kw",
                        kw=kw,
                        num=num.strip(),
                        val=aval,
                        pos=p,
                        end=m.end(),
                        had_sep=had_sep,
                        lang=lg,
                    )
        return None

    @staticmethod
    def _art_val(num: str, lg: str) -> Val | None:
        low = num.strip().lower()
        if low in ("premier", "unique"):
            return Val("num", (1, ""), True)
        if low in _ES_ORD:
            return Val("num", (_ES_ORD[low], ""), _ES_ORD[low] == 1)
        return num_value(num)

    def _note(self, s: str, p: int, lg: str) -> Cand | None:
        if lg != "ru":
            return None
        m = _RU_NOTE_RX.match(s, p)
        if not m:
            return None
        return Cand("note", style="note", num=m.group("n"), val=None, pos=p, end=m.end(), lang=lg)

    # -- sub-levels ----------------------------------------------------------------------
    def _subs(self, s: str, p: int, lg: str) -> list[Cand]:
        for style, _rank in _STYLES.get(lg, ()):
            m = _SUB_RX[style].match(s, p)
            if not m:
                continue
            c = self._mk_sub(style, m, s, p, lg)
            if c is not None:
                return [c]
        return []

    def _mk_sub(self, style: str, m: re.Match, s: str, p: int, lg: str) -> Cand | None:
        end = m.end()
        while end < len(s) and s[end] in " \t\u00a0\u202f":
            end += 1
        if (
            style in _CAPITAL_AFTER
            and end < len(s)
            and s[end].islower()
            and lg != "ar"
            and not (lg == "pt" and style == "roman_sep")
        ):
            return None
        alt = None
        if style == "num_space":
            n = m.group("n") or m.group("n2")
            val = num_value(n)
        elif style == "paren_num" or style in ("num_dot", "num_paren", "num_dash", "num_degree") or style == "ord":
            n = m.group("n")
            val = num_value(n)
        elif style == "paren_alpha":
            n = m.group("n")
            val = alpha_value(n)
            if roman_value(n) and lg == "en":
                alt = rvalue(n)
                if len(n) > 1:  # "(ii)", "(iv)": only roman; "(ii)" doubled letter vs roman 2: roman wins too
                    val, alt = alt, None
                    style = "paren_roman"
        elif style == "paren_ALPHA":
            n = m.group("n")
            val = alpha_value(n)
            if roman_value(n) and (len(n) > 1 or n in "IVX"):
                alt = rvalue(n)
                if len(n) > 1:
                    val, alt, style = alt, None, "paren_ROMAN"
        elif style in ("alpha_paren",):
            n = m.group("n")
            val = alpha_value(n)
        elif style == "cyr_paren":
            n = m.group("n")
            i = _CYR.find(n[0]) if len(n) == 1 else -1
            if i < 0:
                return None
            val = Val("cyr", (i + 1,), i == 0)
        elif style == "roman_sep":
            n = m.group("n")
            val = rvalue(n)
        elif style == "para_sign":
            if m.group("u"):
                n = m.group("u")
                val = Val("num", (1, "único"), True)
            else:
                n = m.group("n")
                val = num_value(n)
        elif style == "ar_adv":
            n = m.group("n")
            am = _AR_ADV_RX.match(s, p)
            v = _ar_adv_value(am) if am else 0
            val = Val("ord", (v,), v == 1)
        elif style == "ar_letter":
            n = m.group("n1") or m.group("n2")
            i, j = _AR_ABJAD.find(n), _AR_ALPHA.find(n)
            val = Val("abjad", (i, j), n == "ا")
        else:  # pragma: no cover
            return None
        if val is None:
            return None
        return Cand("sub", style=style, num=n, val=val, alt=alt, pos=p, end=end, lang=lg, extra={"mend": m.end()})

    def _chain(self, s: str, q: int, lg: str, first: Cand) -> list[Cand]:
        """A sub-level number right after a heading number on the same line: "3. (1) A person"."""
        while q < len(s) and s[q] in " \t\u00a0\u202f":
            q += 1
        out: list[Cand] = []
        for _ in range(3):
            if q >= len(s):
                break
            cs = self._subs(s, q, lg)
            if not cs or not (cs[0].val and (cs[0].val.first or (cs[0].alt and cs[0].alt.first))):
                break
            if out and cs[0].style == out[-1].style:
                break
            out.append(cs[0])
            q = cs[0].end
        return out

    def _def(self, s: str, p: int, lg: str) -> Cand | None:
        rx = _DEF_LINE_RX.get(lg)
        if rx is None:
            return None
        m = rx.match(s, p)
        if not m:
            return None
        term = quoted_term(m)
        if not term or not any(ch.isalpha() for ch in term):
            return None
        return Cand("def", style="def", num=term, pos=p, end=p, lang=lg)

    def _def_at(self, s: str, p: int) -> bool:
        return any(self._def(s, p, lg) for lg in self.langs)


# ---------------------------------------------------------------------------------------
# The stateful parse
# ---------------------------------------------------------------------------------------
@dataclass
class _Node:
    cls: str
    kind: str
    style: str
    rank: float
    num: str
    label: str
    heading: str
    start: int
    parent: int
    depth: int
    idc: str
    val: Val | None = None
    kw: str = ""
    end: int = -1
    first_child: int = -1
    extra: dict = field(default_factory=dict)


_PREAMBLE = {
    "en": "Preamble",
    "fr": "Préambule",
    "es": "Preámbulo",
    "pt": "Preâmbulo",
    "ru": "Преамбула",
    "ar": "الديباجة",
}
_TERMINAL = ".;:,!?—–-…،؛"
_DEG_CLEAN = re.compile(r"[ \t\u00a0\-–—]+")
_RUN_IN = re.compile(r"([^.;:\n]{2,100}?)\.\s*[-–—]+\s+\S")


_SAN_WS = re.compile(r"[\s\u00a0.]+")
_SAN_BAD = re.compile(r"[^\w\-]+")


def _sanitize(num: str) -> str:
    if num.isascii() and num.isalnum() and len(num) <= 40:
        return num
    t = unparen(western_digits(num)).replace("º", "").replace("°", "").replace("ª", "")
    t = _SAN_WS.sub("-", t)
    t = _SAN_BAD.sub("", t).strip("-")
    return t[:40] or "x"


def _word_count(s: str) -> int:
    return len(s.split())


# What the parser's passes share: (offset, text) per line; its normalised form with the index
# map back and the first non-space position; the cached per-line scan.
_Lines = list[tuple[int, str]]
_Idx = list[int] | None
_Normed = list[tuple[str, _Idx, int]]
_Scan = Callable[[int], list["Cand"]]


class _Parser:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = (lang or "").lower()[:2] if lang else ""
        if self.lang not in LANGS:
            self.lang = "en" if not lang else self.lang
        self.scanner = _Scanner(self.lang)
        self.nodes: list[_Node] = []
        self.stack: list[int] = []
        self.div_rank: dict[str, float] = {}
        self.ids: set[str] = set()
        self.id_next: dict[str, int] = {}
        self.keyword_mode = False
        self.cur_norm = ""
        self.cur_body = ""
        self.cur_idx: list[int] | None = None
        self.last_bare: dict[int, Val] = {}  # container node -> last bare section value

    # -- helpers -----------------------------------------------------------------------
    def _lines(self) -> list[tuple[int, str]]:
        out = []
        off = 0
        for raw in self.text.splitlines(keepends=True):
            body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            out.append((off, body))
            off += len(raw)
        return out

    def _top(self) -> _Node | None:
        return self.nodes[self.stack[-1]] if self.stack else None

    def _pop(self, at: int) -> None:
        i = self.stack.pop()
        self.nodes[i].end = at

    def _pop_while(self, at: int, pred: Callable[[_Node], bool]) -> None:
        while self.stack and pred(self.nodes[self.stack[-1]]):
            self._pop(at)

    def _art_index(self) -> int:
        """Stack position of the innermost article/section-level node (or -1)."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.nodes[self.stack[k]].cls in ("art",):
                return k
            if self.nodes[self.stack[k]].cls in ("div", "sched"):
                return -1
        return -1

    def _push(self, node: _Node) -> int:
        parent = self.stack[-1] if self.stack else -1
        node.parent = parent
        node.depth = (self.nodes[parent].depth + 1) if parent >= 0 else 0
        base = node.idc
        if parent >= 0:
            base = self.nodes[parent].idc + "__" + node.idc
        uid = base
        if uid in self.ids:
            k = self.id_next.get(base, 2)
            while f"{base}_{k}" in self.ids:
                k += 1
            uid = f"{base}_{k}"
            self.id_next[base] = k + 1
        self.ids.add(uid)
        node.idc = uid
        self.nodes.append(node)
        idx = len(self.nodes) - 1
        if parent >= 0 and self.nodes[parent].first_child < 0:
            self.nodes[parent].first_child = idx
        self.stack.append(idx)
        return idx

    # -- main loop -----------------------------------------------------------------------
    def run(self) -> list[Unit]:
        lines = self._lines()
        normed: list[tuple[str, list[int] | None, int]] = []
        for _off, body in lines:
            s, idx = normalize_line(body)
            p = 0
            while p < len(s) and (s[p].isspace() or s[p] in _LEAD_MARKS):
                p += 1
            normed.append((s, idx, p))
        scans: list[list[Cand] | None] = [None] * len(lines)

        def scan(i: int) -> list[Cand]:
            cached = scans[i]
            if cached is None:
                s, _idx, p = normed[i]
                cached = scans[i] = self.scanner.scan(s, p) if p < len(s) else []
            return cached

        # Which convention numbers sections in an English act: "Section 4" or bare "4."?
        if self.lang == "en":
            for i in range(len(lines)):
                cs = scan(i)
                if cs and cs[0].cls == "art" and cs[0].lang == "en":
                    self.keyword_mode = True
                    break
        suppressed = self._toc(lines, normed, scan)

        for i, (off, body) in enumerate(lines):
            s, idx, p = normed[i]
            if p >= len(s) or i in suppressed:
                continue
            cands = scan(i)
            if not cands:
                continue
            line_start = off + self._first_nonspace(body)
            self.cur_norm, self.cur_body, self.cur_idx = s, body, idx
            accepted_any = False
            for ci, c in enumerate(cands):
                start = line_start if ci == 0 else off + _orig(idx, c.pos)
                ok = self._accept(c, start, i, lines, normed, scan, body, idx, chained=ci > 0)
                if not ok:
                    break
                accepted_any = True
            if not accepted_any:
                continue
        n = len(self.text)
        while self.stack:
            self._pop(n)
        return self._emit()

    @staticmethod
    def _first_nonspace(body: str) -> int:
        k = 0
        while k < len(body) and body[k].isspace():
            k += 1
        return k

    def _toc(self, lines: _Lines, normed: _Normed, scan: _Scan) -> set[int]:
        """Lines of a table of contents ("ARRANGEMENT OF SECTIONS" ... until the body repeats)."""
        limit = max(1, len(lines) * 2 // 5)
        for t in range(min(limit, len(lines))):
            s, _idx, p = normed[t]
            body = s[p:].strip()
            if not body or len(body) > 40:
                continue
            m = _TOC_RX.fullmatch(body.rstrip(":").strip())
            if not m:
                continue
            first = None
            for a in range(t + 1, len(lines)):
                cs = scan(a)
                if cs and cs[0].cls in ("div", "art") or (cs and cs[0].cls == "sub" and cs[0].style == "num_dot"):
                    first = (a, cs[0].cls, western_digits(cs[0].num).lower(), cs[0].kw.lower())
                    break
            if first is None:
                return set()
            for b in range(first[0] + 1, len(lines)):
                cs = scan(b)
                if cs and (cs[0].cls, western_digits(cs[0].num).lower(), cs[0].kw.lower()) == first[1:]:
                    return set(range(t, b))
            return set()
        return set()

    # -- acceptance ---------------------------------------------------------------------
    def _accept(
        self,
        c: Cand,
        start: int,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        body: str,
        idx: _Idx,
        chained: bool,
    ) -> bool:
        if c.cls in ("div", "sched"):
            return self._accept_div(c, start, i, lines, normed, scan, body, idx)
        if c.cls == "art":
            return self._accept_art(c, start, i, lines, normed, scan, body, idx)
        if c.cls == "note":
            return self._accept_note(c, start, body, idx)
        if c.cls == "sub":
            if self.lang == "en" and c.style == "num_space":
                if chained or self.keyword_mode:
                    return False
                return self._accept_bare_section(c, start, i, lines, normed, scan, body, idx, need_heading=True)
            if (
                self.lang == "en"
                and c.style == "num_dot"
                and not chained
                and (self._in_schedule_without_art() or not self.keyword_mode)
            ):
                return self._accept_bare_section(c, start, i, lines, normed, scan, body, idx)
            return self._accept_sub(c, start, i, normed, scan)
        if c.cls == "def":
            return self._accept_def(c, start)
        return False

    def _in_schedule_without_art(self) -> bool:
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "sched":
                return True
            if n.cls == "div":
                return False
        return False

    def _in_schedule(self) -> _Node | None:
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "sched":
                return n
        return None

    def _heading_from(
        self,
        c: Cand,
        body: str,
        idx: _Idx,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        max_words: int,
        allow_period: bool = False,
        next_line: bool = True,
    ) -> str:
        s, _i, _p = normed[i]
        rest = s[c.end :].strip()
        if rest:
            if self._headingish(rest, max_words, allow_period):
                return body[_orig(idx, c.end) :].strip()
            m = _RUN_IN.match(rest)  # "Definition of Terms. – As used in this Act:"
            if m and self._headingish(m.group(1), max_words, False):
                return m.group(1).strip()
            return ""
        if not next_line:
            return ""
        for j in range(i + 1, min(i + 3, len(lines))):
            s2, idx2, p2 = normed[j]
            if p2 >= len(s2):
                continue
            if scan(j):
                return ""
            cand = s2[p2:].strip()
            q = 0
            if cand.startswith("«"):
                q = 1
                cand = cand[1:].strip()
            if self._headingish(cand, max_words, allow_period) and len(cand) <= 160:
                h = lines[j][1].strip()
                return h[1:].strip() if q else h
            return ""
        return ""

    def _headingish(self, rest: str, max_words: int, allow_period: bool) -> bool:
        if not rest or _word_count(rest) > max_words:
            return False
        if rest[0].islower() or rest[0] in "([«\"“'":
            return False
        last = rest[-1]
        # ends without a full stop or the like, or (when allowed) with the period of a short heading
        return last not in _TERMINAL or (allow_period and last == "." and _word_count(rest) <= 6)

    def _div_rank_for(self, key: str) -> float:
        """Divisions rank by nesting as first seen: a kind first met inside another nests below it."""
        if key in self.div_rank:
            return self.div_rank[key]
        open_divs = [self.nodes[k] for k in self.stack if self.nodes[k].cls == "div"]
        if open_divs:
            inner = self.div_rank[open_divs[-1].extra["key"]]
            higher = [r for r in self.div_rank.values() if r > inner]
            r = (inner + min(higher)) / 2 if higher else min(inner + 1.0, (inner + 0.0) / 2)
        else:
            r = min(self.div_rank.values(), default=-50.0)
        self.div_rank[key] = r
        return r

    def _accept_div(
        self, c: Cand, start: int, i: int, lines: _Lines, normed: _Normed, scan: _Scan, body: str, idx: _Idx
    ) -> bool:
        lg = c.lang if self.lang not in LANGS else self.lang
        if c.cls == "sched":
            self._pop_while(start, lambda n: True)
            label, idc = self._sched_label(c, lg)
            heading = self._heading_from(c, body, idx, i, lines, normed, scan, 15)
            self._push(
                _Node("sched", "schedule", "sched", -100.0, c.num, label, heading, start, -1, 0, idc, c.val, c.kw)
            )
            return True
        kwl = c.kw.lower()
        if lg == "ar":
            kwl = kwl[2:] if kwl.startswith("ال") else kwl
        kind, pref = _DIV_KINDS.get(kwl, ("division", "dvs"))
        key = kwl
        rank = self._div_rank_for(key)
        self._pop_while(start, lambda n: n.rank >= rank)
        heading = self._heading_from(c, body, idx, i, lines, normed, scan, 20)
        num_orig = self._orig_text(body, idx, c, "num")
        label = self._div_label(lg, c.kw, num_orig)
        v = c.val.key[0] if c.val else 0
        idc = f"{pref}_{_sanitize(num_orig) if lg != 'ar' else (v or _sanitize(num_orig))}"
        self._push(
            _Node(
                "div", kind, "div", rank, num_orig, label, heading, start, -1, 0, idc, c.val, c.kw, extra={"key": key}
            )
        )
        return True

    def _orig_text(self, body: str, idx: _Idx, c: Cand, what: str) -> str:
        """The original spelling of the candidate's number (the normalised line may differ)."""
        if idx is None:
            return c.num
        s_norm = self.cur_norm
        k = s_norm.find(c.num, c.pos)
        if k < 0:
            return c.num
        return body[_orig(idx, k) : _orig(idx, k + len(c.num))].strip() or c.num

    def _sched_label(self, c: Cand, lg: str) -> tuple[str, str]:
        kw = c.kw
        ordw = c.extra.get("ordw", "")
        n = c.extra.get("n", "")
        if lg == "en" or lg not in LANGS:
            word = kw.capitalize() if kw.isupper() else kw
            word = word[:-1] if word.lower().endswith("s") and word.lower() != "annexures" else word
            if ordw:
                label = f"{ordw.capitalize()} {word}"
                idc = f"sched_{_EN_ORD.get(ordw, 0) or _sanitize(ordw)}"
            elif n:
                label = f"{word} {n}"
                idc = f"sched_{_sanitize(n)}"
            else:
                label, idc = word, "sched"
            return label, idc
        word = kw if lg == "ar" else (kw.capitalize() if kw.isupper() else kw)
        label = f"{word} {n}".strip()
        return label, (f"sched_{_sanitize(n)}" if n else "sched")

    def _div_label(self, lg: str, kw: str, num: str) -> str:
        if lg == "ar":
            return f"{kw} {num}".strip()
        kwl = kw.lower()
        word = _LABEL_WORD.get(kwl) or (kw.capitalize() if kw.isupper() else kw)
        if kwl.startswith("sous-"):
            word = "Sous-section"
        n = re.sub(r"\b(BIS|TER|QUATER)\b", lambda m: m.group(1).lower(), num)
        if n.isupper() and n.isalpha() and len(n) > 3 and not roman_value(n):
            n = n.capitalize()
        if lg == "en" and n.isalpha() and n.lower() in _EN_WORDS:
            n = n.capitalize()
        return f"{word} {n}".strip()

    def _accept_art(
        self, c: Cand, start: int, i: int, lines: _Lines, normed: _Normed, scan: _Scan, body: str, idx: _Idx
    ) -> bool:
        lg = self.lang if self.lang in LANGS else c.lang
        self._pop_while(start, lambda n: n.rank >= 0)
        num_orig = self._orig_text(body, idx, c, "num")
        kwl = c.kw.lower()
        if lg == "en" and kwl.startswith("sec"):
            kind, idp, label = "section", "sec", f"s. {num_orig}"
        elif lg == "ar" or c.lang == "ar":
            kind, idp = "article", "art"
            v = c.val.key[0] if c.val else 0
            bis = c.extra.get("bis", "")
            shown = str(v) if c.val and not re.search(D, c.num) else unparen(western_digits(c.num))
            shown = re.sub(r"\s+", " ", shown)
            word = "الفصل" if c.extra.get("fasl") else "المادة"
            label = f"{word} {shown}" + (f" {bis}" if bis else "")
            num_orig = c.num if not idx else num_orig
        elif lg == "ru":
            kind, idp, label = "article", "art", f"Ст. {num_orig}"
        else:
            kind, idp = "article", "art"
            shown = num_orig
            if lg == "pt":
                shown = re.sub(r"(?<=\d)o$", "º", shown)
            if lg in ("fr", "es") and shown.lower() in ("premier", "primero", "unique", "único"):
                shown = shown.lower()
            label = f"Art. {shown}"
        max_words = 15 if lg == "en" else (4 if lg == "ar" else 10)
        heading = self._heading_from(
            c, body, idx, i, lines, normed, scan, max_words, allow_period=lg in ("es",), next_line=lg not in ("ar",)
        )
        idc = f"{idp}_{_sanitize(label.split(' ', 1)[1] if ' ' in label else num_orig)}"
        self._push(_Node("art", kind, "kw", 0.0, num_orig, label, heading, start, -1, 0, idc, c.val, c.kw))
        return True

    def _accept_bare_section(
        self,
        c: Cand,
        start: int,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        body: str,
        idx: _Idx,
        need_heading: bool = False,
    ) -> bool:
        """English "4. Short title" / "4." numbering, or a numbered paragraph of a schedule."""
        sched = self._in_schedule()
        container = self.stack[0] if (sched is not None and self.stack) else -1
        prev = self.last_bare.get(container)
        v = c.val
        if v is None:
            return False
        if prev is not None:
            if not (_is_next(prev, v, window=10)):
                return self._accept_sub(c, start, i, normed, scan) if self.keyword_mode else False
        elif sched is not None and not v.first:
            return False
        s, _x, _p = normed[i]
        rest = s[c.end :].strip()
        if rest and rest[0].islower():
            return False
        if need_heading and not self._headingish(rest, 15, False):
            return False
        self._pop_while(start, lambda n: n.rank >= 0)
        self.last_bare[container] = v
        num_orig = self._orig_text(body, idx, c, "num")
        heading = self._heading_from(c, body, idx, i, lines, normed, scan, 15, next_line=False)
        if sched is not None:
            self._push(
                _Node(
                    "art",
                    "paragraph",
                    "sched_para",
                    0.0,
                    num_orig,
                    f"{sched.label}, para. {num_orig}",
                    heading,
                    start,
                    -1,
                    0,
                    f"para_{_sanitize(num_orig)}",
                    v,
                    "",
                    extra={"sched": True},
                )
            )
        else:
            self._push(
                _Node(
                    "art",
                    "section",
                    "bare",
                    0.0,
                    num_orig,
                    f"s. {num_orig}",
                    heading,
                    start,
                    -1,
                    0,
                    f"sec_{_sanitize(num_orig)}",
                    v,
                    "",
                )
            )
        return True

    def _accept_note(self, c: Cand, start: int, body: str, idx: _Idx) -> bool:
        k = self._art_index()
        if k < 0:
            return False
        self._pop_while(start, lambda n: n.rank >= _NOTE_RANK and n.cls != "art")
        art = self.nodes[self.stack[-1]]
        self._push(
            _Node("note", "item", "note", _NOTE_RANK, c.num, f"{art.label} прим.", "", start, -1, 0, "note", None, "")
        )
        return True

    def _open_of_style(self, style: str) -> int:
        """Stack position of the innermost open unit of a style, within the current article."""
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.style == style:
                return k
            if n.cls in ("art", "div", "sched"):
                return -1
        return -1

    def _lookahead_roman(self, i: int, normed: _Normed) -> str | None:
        """The next "(x)" marker after line i, to tell roman (i) from the letter (i)."""
        for j in range(i + 1, min(i + 40, len(normed))):
            s, _idx, p = normed[j]
            m = re.match(r"\(([a-z]{1,4})\)", s[p : p + 8])
            if m:
                return m.group(1)
        return None

    def _accept_sub(self, c: Cand, start: int, i: int, normed: _Normed, scan: _Scan) -> bool:
        lg = self.lang if self.lang in LANGS else c.lang
        ranks = _RANK.get(lg, _RANK["en"])
        style: str | None = c.style
        val = c.val
        if c.alt is not None:  # "(i)", "(v)", "(x)": letter or roman?
            style, val = self._resolve_roman(c, c.alt, i, normed)
            if style is None:
                return False
        if style not in ranks:
            return False
        rank = float(ranks[style])
        k = self._open_of_style(style)
        if k >= 0 and val is not None and _is_next(self.nodes[self.stack[k]].val, val):
            while len(self.stack) > k:
                self._pop(start)
        elif val is not None and val.first:
            top = self._top()
            inside = top is not None and top.cls in ("sub", "def", "note")
            if (lg, style) in _FLEXIBLE and k < 0 and top is not None and inside and top.rank >= rank:
                pass  # a fresh list nested deeper than its usual rank
            else:
                self._pop_while(start, lambda n: n.cls in ("sub", "def") and n.rank >= rank)
        else:
            return False
        self._push(self._sub_node(lg, style, rank, c, val, start))
        return True

    def _resolve_roman(self, c: Cand, alt: Val, i: int, normed: _Normed) -> tuple[str | None, Val | None]:
        """Letter or roman numeral for a marker that reads as both; `alt` is its roman value (c.alt)."""
        a_style = "paren_alpha" if c.style == "paren_alpha" else "paren_ALPHA"
        r_style = "paren_roman" if c.style == "paren_alpha" else "paren_ROMAN"
        ka, kr = self._open_of_style(a_style), self._open_of_style(r_style)
        a_next = ka >= 0 and _is_next(self.nodes[self.stack[ka]].val, c.val)
        r_next = kr >= 0 and _is_next(self.nodes[self.stack[kr]].val, alt)
        r_first = alt.first
        if r_next and a_next:
            return (r_style, alt) if kr > ka else (a_style, c.val)
        if r_next:
            return r_style, alt
        if a_next and r_first:
            nxt = self._lookahead_roman(i, normed)
            if nxt is not None:
                if roman_value(nxt) == 2:
                    return r_style, alt
                av = alpha_value(nxt)
                if av is not None and _is_next(c.val, av):
                    return a_style, c.val
            prev = self.nodes[self.stack[ka]].val
            cv = c.val  # a_next: not None
            return (a_style, cv) if prev and cv and prev.key[0] == cv.key[0] - 1 else (r_style, alt)
        if a_next:
            return a_style, c.val
        if r_first:
            return r_style, alt
        if c.val is not None and c.val.first:
            return a_style, c.val
        return None, None

    def _sub_kind(self, rank: float) -> str:
        in_sched = False
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "art":
                in_sched = bool(n.extra.get("sched"))
                break
        kinds = ["subsection", "paragraph", "subparagraph", "item", "item", "item"]
        r = int(rank) - 1 + (2 if in_sched else 0)
        return kinds[max(0, min(r, len(kinds) - 1))]

    def _sub_node(self, lg: str, style: str, rank: float, c: Cand, val: Val, start: int) -> _Node:
        parent = self._top()
        plabel = parent.label if parent else ""
        raw = c.num.strip()
        if self.cur_idx is not None:
            raw = unicodedata.normalize("NFKC", self._orig_text(self.cur_body, self.cur_idx, c, "num")).strip()
        core = western_digits(raw).strip("()").strip()
        kind = self._sub_kind(rank)
        if lg == "ar":
            d = 1
            for k in range(len(self.stack) - 1, -1, -1):
                if self.nodes[self.stack[k]].cls not in ("sub", "def"):
                    break
                d += 1
            kind = self._sub_kind(float(d))
        idp = {"subsection": "subsec", "paragraph": "para", "subparagraph": "subpara", "item": "item"}[kind]
        if lg == "en" or lg not in LANGS:
            label = f"{plabel}({core})"
        elif lg == "fr":
            if style == "paren_num":
                label = f"{plabel}({core})"
            elif style == "num_dot":
                label = f"{plabel}, {core}"
            elif style == "num_degree":
                label = f"{plabel}, {core}°"
            elif style in ("num_paren", "alpha_paren"):
                label = f"{plabel}, {core.rstrip(')').strip()})"
            else:
                label = f"{plabel}, {core}"
        elif lg == "es":
            if style == "num_dot":
                label = f"{plabel}.{core}"
            elif style == "ord":
                label = f"{plabel}.{re.sub(r'[ .]', '', raw).replace('ª', '.ª').replace('º', '.º')}"
            elif style in ("alpha_paren", "num_paren"):
                label = f"{plabel}.{core.rstrip(')').strip()})"
            elif style == "paren_num":
                label = f"{plabel}({core})"
            else:
                label = f"{plabel}, {core}"
        elif lg == "ru":
            if parent is not None and parent.style == "note":
                label = f"{plabel} {core}"
            elif style == "num_dot":
                label = f"{plabel} ч. {core}"
            elif style == "num_paren":
                label = f"{plabel} п. {core.rstrip(')').strip()}"
            else:
                sub = "пп." if parent is not None and parent.style == "num_paren" else "п."
                label = f"{plabel} {sub} {core.rstrip(')').strip()}"
        elif lg == "pt":
            if style == "para_sign":
                label = (
                    f"{plabel}, parágrafo único"
                    if val.key[-1] == "único"
                    else f"{plabel}, § {re.sub(r'^§', '', raw).strip()}"
                )
            elif style == "num_dash":
                label = f"{plabel}, n.º {core}"
            elif style == "alpha_paren":
                label = f"{plabel}, {core.rstrip(')').strip()}"
            elif style == "num_dot":
                label = f"{plabel}, item {core}"
            else:
                label = f"{plabel}, {core}"
        else:  # ar
            shown = raw.strip("()").strip()
            shown = re.sub(r"[\s\-–—.):]+$", "", shown)
            shown = western_digits(shown)
            label = f"{plabel} ({shown})" if parent is not None and parent.cls == "art" else f"{plabel}({shown})"
        idnum = _sanitize(core.rstrip(")"))
        if style == "para_sign" and val.key[-1] == "único":
            idnum = "unico"
        return _Node(
            "sub", kind, style, rank, self._marker_as_written(c), label, "", start, -1, 0, f"{idp}_{idnum}", val
        )

    def _marker_as_written(self, c: Cand) -> str:
        """The number as written: "(a)", "1°", "a)", "§ 1º", "I" (of "I. –"), "أ" (of "أ-")."""
        mend = c.extra.get("mend", c.end)
        a, b = _orig(self.cur_idx, c.pos), _orig(self.cur_idx, mend)
        mark = self.cur_body[a:b].rstrip(" \t\u00a0.-–—:")
        return mark or c.num

    def _accept_def(self, c: Cand, start: int) -> bool:
        if self._art_index() < 0:
            return False
        k = self._open_of_style("def")
        if k >= 0:
            while len(self.stack) > k:
                self._pop(start)
        else:
            self._pop_while(start, lambda n: n.cls == "sub" and n.rank >= _DEF_RANK)
        parent = self._top()
        assert parent is not None  # an article is open (checked above)
        term = c.num
        lg = self.lang
        q = '"{}"' if lg in ("en", "es", "pt") else "«{}»"
        label = f"{parent.label} ({q.format(term)})"
        idt = re.sub(r"[^\w]+", "-", term.lower()).strip("-")[:40] or "x"
        self._push(_Node("def", "item", "def", _DEF_RANK, term, label, "", start, -1, 0, f"def_{idt}", None))
        return True

    # -- output ----------------------------------------------------------------------------
    def _emit(self) -> list[Unit]:
        text = self.text
        units: list[Unit] = []
        first_start = self.nodes[0].start if self.nodes else len(text)
        pre = text[:first_start]
        if pre.strip():
            s0 = len(pre) - len(pre.lstrip())
            e0 = len(pre.rstrip())
            lg = self.lang if self.lang in _PREAMBLE else "en"
            units.append(
                Unit(
                    id="preamble",
                    kind="preamble",
                    num="",
                    label=_PREAMBLE[lg],
                    heading="",
                    start=s0,
                    end=e0,
                    body_end=e0,
                    parent=None,
                    depth=0,
                )
            )
        for n in self.nodes:
            end = n.start + len(text[n.start : n.end].rstrip())
            if n.first_child >= 0:
                fc = self.nodes[n.first_child].start
                body_end = n.start + len(text[n.start : fc].rstrip())
            else:
                body_end = end
            units.append(
                Unit(
                    id=n.idc,
                    kind=n.kind,
                    num=n.num,
                    label=n.label,
                    heading=n.heading,
                    start=n.start,
                    end=end,
                    body_end=body_end,
                    parent=self.nodes[n.parent].idc if n.parent >= 0 else None,
                    depth=n.depth,
                )
            )
        return units


def parse_units(text: str, lang: str) -> list[Unit]:
    """Units of a statute in document order (pre-order), with citable labels and offsets.

    `lang` is an ISO 639-1 code (en, fr, es, ar, ru, pt); any other value tries every
    language's conventions. Never raises on any string.
    """
    if not isinstance(text, str):
        raise TypeError("parse_units expects str")
    try:
        return _Parser(text, lang).run()
    except Exception:  # pragma: no cover - a bug must not stop a batch run; tests call _Parser directly
        logging.getLogger(__name__).exception("structure parser failed; statute kept as one unit")
        return _fallback(text)


def _fallback(text: str) -> list[Unit]:
    if not text.strip():
        return []
    s0 = len(text) - len(text.lstrip())
    e0 = len(text.rstrip())
    return [
        Unit(
            id="preamble",
            kind="preamble",
            num="",
            label="Preamble",
            heading="",
            start=s0,
            end=e0,
            body_end=e0,
            parent=None,
            depth=0,
        )
    ]
