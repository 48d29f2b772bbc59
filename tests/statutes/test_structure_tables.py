"""The per-language numbering tables: complete, consistent, and generating every ordinal to the fiftieth."""

from __future__ import annotations

import pytest

from statutes.structure.patterns import _SUB_RX
from statutes.structure.tables import DIVISION_KINDS, TABLES, fold, ordinal_forms, ordinal_value
from statutes.structure.text import LANGS, normalize_line
from statutes.structure.values import _AR_ORD_RX, ar_ordinal_value

KINDS = set(DIVISION_KINDS)


def test_one_table_per_language_with_the_required_entries():
    assert set(TABLES) == set(LANGS)
    for lg, t in TABLES.items():
        assert t.preamble and t.article_words and t.divisions, lg
        assert {d.kind for d in t.divisions.values()} <= KINDS, lg
        assert all(d.label and d.id_prefix for d in t.divisions.values()), lg
        assert t.levels and {st for st, _ in t.levels} <= set(_SUB_RX), lg
        assert t.flexible_levels <= {st for st, _ in t.levels} | {"paren_ROMAN"}, lg


@pytest.mark.parametrize("lang", ["en", "fr", "es", "pt", "ru"])
def test_every_ordinal_to_the_fiftieth_is_spelled(lang):
    values = set(TABLES[lang].ordinals.values())
    assert set(range(1, 51)) <= values, sorted(set(range(1, 51)) - values)


@pytest.mark.parametrize(
    "lang, word, value",
    [
        ("es", "primero", 1),
        ("es", "Primera", 1),
        ("es", "cuarto", 4),
        ("es", "sexto", 6),
        ("es", "undécimo", 11),
        ("es", "décimo primero", 11),
        ("es", "decimoprimero", 11),
        ("es", "DÉCIMO TERCERO", 13),
        ("es", "vigésimo primero", 21),
        ("es", "vigesimoprimera", 21),
        ("es", "cuadragésimo noveno", 49),
        ("es", "quincuagésimo", 50),
        ("fr", "premier", 1),
        ("fr", "première", 1),
        ("fr", "dix-septième", 17),
        ("fr", "vingt et unième", 21),
        ("fr", "vingt-et-unième", 21),
        ("fr", "vingt-deuxième", 22),
        ("fr", "quarante-neuvième", 49),
        ("fr", "cinquantième", 50),
        ("pt", "primeiro", 1),
        ("pt", "décimo primeiro", 11),
        ("pt", "vigésima segunda", 22),
        ("pt", "quinquagésimo", 50),
        ("ru", "первая", 1),
        ("ru", "четвёртая", 4),
        ("ru", "четвертая", 4),
        ("ru", "двадцать первая", 21),
        ("ru", "сорок девятый", 49),
        ("ru", "пятидесятая", 50),
        ("en", "First", 1),
        ("en", "twenty-first", 21),
        ("en", "Forty Ninth", 49),
        ("en", "fiftieth", 50),
    ],
)
def test_spelled_ordinal_values(lang, word, value):
    assert ordinal_value(lang, word) == value


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("الأولى", 1),
        ("الأول", 1),
        ("الرابعة", 4),
        ("الرابع", 4),
        ("العاشرة", 10),
        ("الحادية عشرة", 11),
        ("الحادي عشر", 11),
        ("الثانية عشرة", 12),
        ("التاسعة عشرة", 19),
        ("العشرون", 20),
        ("الحادية والعشرون", 21),
        ("الخامسة والثلاثون", 35),
        ("التاسعة والأربعون", 49),
        ("الخمسون", 50),
    ],
)
def test_arabic_ordinals_feminine_and_masculine(phrase, value):
    m = _AR_ORD_RX.fullmatch(normalize_line(phrase)[0])
    assert m is not None and ar_ordinal_value(m) == value


def test_fold_and_forms():
    assert fold("Vigésimo-Primero") == "vigesimo primero"
    assert fold("ЧЕТВЁРТАЯ") == "четвертая"
    forms = ordinal_forms("es")
    assert forms["décimo primero"] == 11 and forms["decimo primero"] == 11
    assert ordinal_value("es", "trigésimo décimo") is None and ordinal_value("xx", "primero") is None
