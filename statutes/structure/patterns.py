"""Line-initial patterns of each language: article and division keywords, sub-level markers, definitions."""

from __future__ import annotations

import re

from statutes.structure.tables import TABLES, keyword_alternation, ordinal_alternation
from statutes.structure.text import D
from statutes.structure.values import _AR_ADV, _AR_LETTERS, _AR_ORD, _EN_WORDS

# Line patterns
# ---------------------------------------------------------------------------------------
_SP = r"[ \t\u00a0\u2000-\u200b\u202f]"
_SEP = rf"(?:{_SP}*(?:\.{_SP}*[-–—]+|[-–—]+|\.|:|\)|،){_SP}*|{_SP}+|$)"
_ROMAN_RX = r"[IVXLC]{1,8}"
_FR_SUFFIX = rf"(?:{keyword_alternation(TABLES['fr'].letter_suffixes)})"
_ES_SUFFIX = rf"(?:{keyword_alternation(TABLES['es'].letter_suffixes)})"
_ORDW = {lg: ordinal_alternation(lg) for lg in ("en", "fr", "es", "pt", "ru")}  # spelled-out ordinals, 1-50

# The number after an article keyword, per language. Each accepts the language's ordinal suffixes
# (tables: ordinal_suffixes) and its spelled-out ordinals ("Article premier", "Artículo cuarto").
_NUM = {
    "en": rf"\d{{1,4}}[A-Z]{{0,3}}(?![\w])|\d{{1,4}}(?:st|nd|rd|th)(?![\w])|(?:{_ORDW['en']})(?![\w-])",
    "fr": rf"(?:[LRDA]\.?{_SP}?)?\d{{1,4}}(?:[-.]\d{{1,4}}){{0,4}}(?:{_SP}?{_FR_SUFFIX}\b|(?:er|ère|re)\b)?"
    rf"(?:-[A-Z]\b)?"
    rf"|(?:{_ORDW['fr']})(?![\w-])",
    "es": rf"\d{{1,4}}(?:-\d{{1,4}}){{0,3}}(?:{_SP}?-{_SP}?[A-Z](?![a-záéíóúñ]))?"
    rf"(?:{_SP}{_ES_SUFFIX}\b)?(?:{_SP}?\.?{_SP}?[ºª°](?!\w)|o(?![A-Za-zÁÉÍÓÚÑáéíóúñ]))?"
    rf"|(?:{_ORDW['es']})(?![\w-])",
    "pt": rf"\d{{1,4}}(?:-[A-Z](?![a-z]))?(?:{_SP}?\.?[ºª°]|o(?![A-Za-zÀ-ÿ]))?(?:-[A-Z](?![a-z]))?"
    rf"|(?:{_ORDW['pt']})(?![\w-])",
    "ru": rf"\d{{1,4}}(?:\.\d{{1,3}}){{0,3}}(?:-(?:я|й|ая|ый)(?![а-яё]))?|(?:{_ORDW['ru']})(?![\w-])",
}

_ART_KW = {lg: rf"(?P<kw>{keyword_alternation(TABLES[lg].article_words)})" for lg in ("en", "fr", "es", "pt", "ru")}
_ART_RX = {lg: re.compile(rf"{kw}{_SP}*(?P<num>{_NUM[lg]})(?P<sep>{_SEP})") for lg, kw in _ART_KW.items()}


def _div_words(lg: str) -> str:
    t = TABLES[lg]
    return keyword_alternation(list(t.divisions) + sorted(t.schedules))


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
    rf"(?P<kw>{keyword_alternation(list(TABLES['en'].divisions))}|SubPart)"
    rf"{_SP}+(?P<num>{_ROMAN_RX}(?![A-Za-z])|\d{{1,3}}[A-Z]?(?![\w])|\d{{1,3}}(?=[A-Z]{{2}})|(?i:{_ONES})\b)(?P<sep>{_SEP})"
)
_EN_SCHED_RX = re.compile(
    # a word or two before the keyword; the scanner keeps it only if it is "the" or an ordinal ("Twenty-first")
    rf"(?:(?P<ord>[A-Za-z]{{3,12}}(?:[- ][A-Za-z]{{3,7}})?){_SP}+)?"
    rf"(?P<kw>SCHEDULES?|Schedules?|ANNEX(?:URE)?|Annex(?:ure)?|APPENDIX|Appendix)"
    rf"(?:{_SP}+(?P<num>\d{{1,3}}(?![\w])|{_ROMAN_RX}(?![A-Za-z])|[A-Z](?![\w])))?(?P<sep>{_SEP})"
)
_FR_DIV_RX = re.compile(
    rf"(?:«{_SP}?)?(?P<kw>{_div_words('fr')})"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}(?:-[IVXLC0-9]+)?|\d{{1,3}}|I)(?:er|ER)?(?![\w])(?:{_SP}?(?:{_FR_SUFFIX}|BIS|TER)\b)?"
    rf"|(?:{_ORDW['fr']})(?![\w-])|préliminaire\b|PRÉLIMINAIRE\b))?(?P<sep>{_SEP})"
)
_ES_DIV_RX = re.compile(
    rf"(?P<kw>{_div_words('es')})"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}(?:{_SP}?\.?{_SP}?[ªº°])?)(?![\w])(?:{_SP}(?:BIS|bis|Bis|TER|ter))?"
    rf"|(?:{_ORDW['es']})(?![\w-])|PRELIMINAR\b|[Pp]reliminar\b))?(?P<sep>{_SEP})"
)
_PT_DIV_RX = re.compile(
    rf"(?P<kw>{_div_words('pt')})"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}[ºª]?)(?![\w])(?:-[A-Z](?![a-z]))?|(?:{_ORDW['pt']})(?![\w-])|GERAL\b|Geral\b|ESPECIAL\b|Especial\b))?(?P<sep>{_SEP})"
)
_RU_DIV_RX = re.compile(
    rf"(?P<kw>{_div_words('ru')})"
    rf"(?:{_SP}+(?P<num>(?:{_ROMAN_RX}|\d{{1,3}}(?:\.\d{{1,2}})?)(?![\w])|(?:{_ORDW['ru']})(?![\w-])))?(?P<sep>{_SEP})"
)
_AR_DIV_WORDS = "|".join([*TABLES["ar"].divisions, "ملحق"])
_AR_DIV_RX = re.compile(
    rf"(?P<kw>(?:ال)?(?:{_AR_DIV_WORDS})){_SP}+"
    rf"(?:(?P<ord>{_AR_ORD})|(?P<num>\({_SP}*{D}{{1,3}}{_SP}*\)|{D}{{1,3}}))(?P<sep>{_SEP})"
)
_AR_ANNEX_RX = re.compile(rf"(?P<kw>(?:ال)?ملحق|(?:ال)?جدول)(?P<sep>{_SP}*(?:[:\-–—]{_SP}*|$))")

# division keyword -> (kind, id prefix); keyword -> the word its label is written with ("Título")
_DIV_KINDS = {k: (d.kind, d.id_prefix) for t in TABLES.values() for k, d in t.divisions.items()}
_LABEL_WORD = {k: d.label for lg, t in TABLES.items() if lg != "ar" for k, d in t.divisions.items()}
_SCHED_WORDS = frozenset(w for t in TABLES.values() for w in t.schedules)
_AR_STOP = frozenset(TABLES["ar"].raw["cross_reference"]["stop_words"])
_PREAMBLE = {lg: t.preamble for lg, t in TABLES.items()}

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
_STYLES = {lg: list(t.levels) for lg, t in TABLES.items()}
_unknown = {st for v in _STYLES.values() for st, _ in v} - set(_SUB_RX)
if _unknown:  # a table naming a marker style the parser does not know
    raise ValueError(f"statutes/structure/numbering: unknown level style(s) {sorted(_unknown)}")
_RANK = {lg: dict(v) for lg, v in _STYLES.items()}
for _lg in _RANK:
    _RANK[_lg].setdefault("paren_roman", 3)
    _RANK[_lg].setdefault("paren_ROMAN", 5)
_FLEXIBLE = {(lg, st) for lg, t in TABLES.items() for st in t.flexible_levels}
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
