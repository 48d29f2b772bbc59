"""Properties of the structure parser on any input: no crash, full coverage, proper nesting, speed."""

from __future__ import annotations

import gc
import time
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statutes.definitions import extract_definitions
from statutes.structure import _Parser, parse_units
from tests.corpus import KENYA

ROOT = Path(__file__).resolve().parents[2]

LANGS = ["en", "fr", "es", "ar", "ru", "pt", "xx", ""]

# Pieces of statute numbering, mixed with noise, so that the parser's branches are exercised.
PIECES = list("\n\n\n  ()().-–—:;,1234567890aiivxIVXbhjzа«»\"'“”§º°") + [
    "Section ",
    "PART ",
    "Part II",
    "Article ",
    "Art. ",
    "Artículo ",
    "Artigo ",
    "Статья ",
    "Глава 1. ",
    "المادة ",
    "مادة (",
    "الفصل ",
    "(a) ",
    "(i) ",
    "(ii) ",
    "(h) ",
    "(1) ",
    "(1)",
    "1. ",
    "2. ",
    "3 ",
    "I. – ",
    "II - ",
    "1° ",
    "a) ",
    "а) ",
    "1) ",
    "§ 1º ",
    "Parágrafo único. ",
    "أولاً: ",
    "ثانياً ",
    "(أ) ",
    "أ- ",
    "هـ) ",
    "١- ",
    "۵",
    "FIRST SCHEDULE",
    "CHAPITRE Ier",
    "الباب الأول",
    "المادة الحادية والعشرون",
    "TÍTULO VII BIS",
    '"child" means ',
    "“x” includes—",
    "Примечания. ",
    "ﺍﻟﻤﺎﺩﺓ (3)",
    "ﺃ- ",
    "يقصد بالطفل ",
    "on entend par « x » ",
    "Se entenderá por x el ",
    "Considera-se x, ",
    "Под x понимается ",
    "ARRANGEMENT OF SECTIONS\n",
    "\r\n",
    "\u2028",
    "\x85",
    "\u200f",
    "\ufeff",
    "\x0c",
    "Short title",
    "shall",
    "Artículo 1o. ",
    "Artículo cuarto.- ",
    "ARTICULO DÉCIMO PRIMERO. ",
    "Article 1er ",
    "Article premier\n",
    "Art. 1.º ",
    "Статья 1-я. ",
    "Раздел первый\n",
    "Глава двадцать первая\n",
    "LIBRO PRIMERO\n",
    "Livre Ier\n",
    "Infractions commises\n",
    " bis ",
    " quáter ",
]
statutes_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
any_text = st.text(max_size=400)


def check_invariants(text: str, lang: str, headings_above: bool = False):
    units = _Parser(text, lang, headings_above).run()  # the strict parser: no safety net
    ids = set()
    by_id = {}
    prev_start = -1
    for u in units:
        assert 0 <= u.start <= u.body_end <= u.end <= len(text), u
        assert u.start >= prev_start, "document order"
        prev_start = u.start
        assert u.id not in ids, u.id
        ids.add(u.id)
        by_id[u.id] = u
    for u in units:
        if u.parent is not None:
            p = by_id[u.parent]
            assert p.start <= u.start and u.end <= p.end, (p, u)
            assert p.body_end <= u.start
            assert u.depth == p.depth + 1
        else:
            assert u.depth == 0
    # spans nest properly: two units are disjoint or one holds the other
    for a, b in pairwise(units):
        if b.start < a.end:
            assert b.end <= a.end, (a, b)
    covered = bytearray(len(text) + 1)
    for u in units:
        covered[u.start : u.body_end] = b"\x01" * (u.body_end - u.start)
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert covered[k], (k, text[max(0, k - 20) : k + 20], lang)
    return units


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(statutes_like, st.sampled_from(LANGS))
def test_invariants_on_statute_like_text(text, lang):
    units = check_invariants(text, lang)
    defs = extract_definitions(text, units, lang)
    for d in defs:
        assert 0 <= d.start <= d.end <= len(text) and text[d.start : d.end] == d.text


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(statutes_like, st.sampled_from(LANGS))
def test_invariants_with_headings_above(text, lang):
    check_invariants(text, lang, headings_above=True)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(any_text, st.sampled_from(LANGS))
def test_invariants_on_any_string(text, lang):
    units = check_invariants(text, lang)
    for d in extract_definitions(text, units, lang):
        assert text[d.start : d.end] == d.text


def test_public_function_never_raises_on_odd_strings():
    for text in [
        "\ud800",
        "(" * 10000,
        "1." * 5000,
        "\n" * 10000,
        "«" * 3000,
        "ﺍﻟﻤﺎﺩﺓ" * 1000,
        "9" * 5000 + ".",
        "(" + "9" * 5000 + ")",
        "Article " + "9" * 5000,
    ]:
        for lang in LANGS:
            units = parse_units(text, lang)
            extract_definitions(text, units, lang)


def _time(text: str, lang: str) -> float:
    best = float("inf")
    for _ in range(2):
        gc.collect()
        t = time.perf_counter()
        units = parse_units(text, lang)
        extract_definitions(text, units, lang)
        best = min(best, time.perf_counter() - t)
    return best


def test_linear_time_on_one_megabyte():
    """No catastrophic backtracking: 1 MB inputs parse in seconds and 4x the input costs ~4x the time."""
    if KENYA.exists():
        ke = KENYA.read_text(encoding="utf-8").split("# ---", 1)[1]
    else:
        ke = "1. Short title\n(1) A person commits an offence.\n(a) by force;\n(i) in part;\n" * 10
    adversarial = {
        "statute": (ke * (1_000_000 // len(ke) + 1), "en"),
        "one long line": (("(" * 40 + "a" * 30 + "«" * 30) * 10_000, "fr"),
        "markers only": ("(i) (1) 1. a) \n" * 70_000, "en"),
        "quotes": ('"a' * 500_000, "en"),
        "arabic": ("المادة الحادية والعشرون بعد المائة يقصد ب" * 25_000, "ar"),
        "digits": ("1" * 1_000_000, "es"),
    }
    for name, (big, lang) in adversarial.items():
        big = big[:1_000_000]
        small = big[:250_000]
        t_small = _time(small, lang)
        t_big = _time(big, lang)
        assert t_big < 30, (name, t_big)
        # 4x the input: ~4x the time when linear, 16x when quadratic (margin for a loaded machine)
        assert t_big < 9 * max(t_small, 0.05), (name, t_small, t_big)
