"""Every article numbering style of the six languages, on short real excerpts: (excerpt, expected labels).

Excerpts are a few lines of published legislation, quoted as printed (long sentences cut with "…");
each row names its source. Styles absent from the corpus come from the official texts named.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from statutes.structure import DIVISION_KINDS, parse_units

_X = tomllib.loads((Path(__file__).resolve().parents[1] / "fixtures" / "statutes" / "styles.toml").read_text("utf-8"))
MX_LGT = _X["mx_lgt"]["text"]
MX_DECRETO = _X["mx_decreto"]["text"]
ES_RD = _X["es_rd"]["text"]
AR_LEY = _X["ar_ley"]["text"]
MX_CPF = _X["mx_cpf"]["text"]
FR_CONST = _X["fr_const"]["text"]
FR_CONST_LF = _X["fr_const_lf"]["text"]
FR_CP = _X["fr_cp"]["text"]
BR_CF = _X["br_cf"]["text"]
PT_CRP = _X["pt_crp"]["text"]
RU_UK = _X["ru_uk"]["text"]
RU_CONST = _X["ru_const"]["text"]
SA_LAW = _X["sa_law"]["text"]
KE_ACT = _X["ke_act"]["text"]
DJ_ABOVE = _X["dj_above"]["text"]
BR_ABOVE = _X["br_above"]["text"]
KW_ABOVE = _X["kw_above"]["text"]


def units_of(text: str, lang: str, **kw: bool) -> list[tuple[str, str]]:
    return [(u.kind, u.label) for u in parse_units(text, lang, **kw) if u.kind != "preamble"]


def articles(text: str, lang: str) -> list[str]:
    return [label for kind, label in units_of(text, lang) if kind in ("article", "section")]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (MX_LGT, "es", ["Art. 1o", "Art. 2o", "Art. 10"]),
        (
            MX_DECRETO,
            "es",
            ["Art. primero", "Art. segundo", "Art. tercero", "Art. cuarto", "Art. quinto", "Art. sexto"],
        ),
        (ES_RD, "es", ["Art. 1.°", "Art. 2.°"]),
        (AR_LEY, "es", ["Art. 1º", "Art. 2º"]),
        (MX_CPF, "es", ["Art. 149 Bis", "Art. 149 Ter", "Art. 149 Quáter"]),
        (FR_CONST, "fr", ["Art. premier", "Art. 2"]),
        (FR_CONST_LF, "fr", ["Art. 1er", "Art. 2"]),
        (FR_CP, "fr", ["Art. 111-1", "Art. 111-2"]),
        (BR_CF, "pt", ["Art. 1º", "Art. 2º"]),
        (PT_CRP, "pt", ["Art. 1.º", "Art. 2.º"]),
        (RU_UK, "ru", ["Ст. 1", "Ст. 2"]),
        (RU_CONST, "ru", ["Ст. 1", "Ст. 2"]),
        (SA_LAW, "ar", ["المادة 10", "المادة 11", "المادة 12", "المادة 13", "المادة 14"]),
        (KE_ACT, "en", ["s. 3", "s. 4"]),
    ],
    ids=[
        "mx-1o",
        "mx-spelled",
        "es-1.deg",
        "ar-1o-dash",
        "mx-bis-ter-quater",
        "fr-premier",
        "fr-1er",
        "fr-hyphenated",
        "br-1o",
        "pt-1.o",
        "ru-code",
        "ru-spelled-section",
        "sa-feminine-ordinals",
        "ke-bare",
    ],
)
def test_article_numbering_styles(text, lang, expected):
    assert articles(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        (FR_CP, "fr", [("book", "Livre Ier"), ("title", "Titre Ier"), ("chapter", "Chapitre Ier")]),
        (BR_CF, "pt", [("title", "Título I")]),
        (RU_UK, "ru", [("part", "Раздел I"), ("chapter", "Глава 1")]),
        (RU_CONST, "ru", [("part", "Раздел первый"), ("chapter", "Глава 1")]),
        (AR_LEY, "es", [("title", "Título I")]),
        (KE_ACT, "en", [("part", "Part II")]),
    ],
)
def test_divisions_are_containers_of_the_articles(text, lang, expected):
    units = parse_units(text, lang)
    divs = [u for u in units if u.kind in DIVISION_KINDS]
    assert [(u.kind, u.label) for u in divs] == expected
    by_id = {u.id: u for u in units}
    innermost = divs[-1]
    arts = [u for u in units if u.kind in ("article", "section")]
    assert arts and all(u.parent == innermost.id for u in arts)
    for d in divs[1:]:
        assert by_id[d.parent or ""].kind in DIVISION_KINDS
    assert all(innermost.start <= u.start and u.end <= innermost.end for u in arts)


def test_values_of_spelled_and_suffixed_numbers():
    units = parse_units(MX_DECRETO, "es")
    arts = [u for u in units if u.kind == "article"]
    assert [u.num for u in arts][3] == "CUARTO"  # as written; the label is the citation
    assert all(u.parent is None for u in arts)
    units = parse_units(MX_LGT, "es")
    lab = {u.label: u for u in units}
    assert lab["Art. 2o, I"].parent == lab["Art. 2o"].id and lab["Art. 2o, II"].parent == lab["Art. 2o"].id
    assert MX_LGT[lab["Art. 2o"].start :].startswith("Artículo 2o.")


def test_headings_of_excerpts():
    h = {u.label: u.heading for u in parse_units(PT_CRP, "pt")}
    assert h["Art. 1.º"] == "República Portuguesa" and h["Art. 2.º"] == "Estado de direito democrático"
    h = {u.label: u.heading for u in parse_units(RU_UK, "ru")}
    assert h["Ст. 1"] == "Уголовное законодательство Российской Федерации" and h["Раздел I"] == "Уголовный закон"
    h = {u.label: u.heading for u in parse_units(FR_CP, "fr")}
    assert h["Livre Ier"] == "Dispositions générales" and h["Chapitre Ier"] == "Des principes généraux"


@pytest.mark.parametrize(
    "text, lang, label, heading, first_line",
    [
        (DJ_ABOVE, "fr", "Art. 14", "Infractions commises par des personnes morales", "Infractions commises"),
        (BR_ABOVE, "pt", "Art. 149-A", "Tráfico de Pessoas", "Tráfico de Pessoas"),
        (KW_ABOVE, "ar", "المادة 2", "الاتجار بالأشخاص", "الاتجار بالأشخاص"),
    ],
)
def test_heading_printed_above_goes_to_the_article_below(text, lang, label, heading, first_line):
    units = {u.label: u for u in parse_units(text, lang, headings_above=True)}
    art = units[label]
    assert art.heading == heading and text[art.start :].startswith(first_line)
    before = [u for u in units.values() if u.end <= art.start and u.kind == "article"]
    assert before and heading not in text[before[-1].start : before[-1].end]
    # off by default: the title stays in the text of the article before, as the analysis expects
    plain = {u.label: u for u in parse_units(text, lang)}
    assert plain[label].heading == "" and text[plain[label].start :].startswith(("Art", "المادة"))


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Article 4\nLe texte.\nDISPOSITIONS FINALES\nArticle 5\nLe texte.\n", "fr"),  # an unnumbered division
        ("Article 4\nthe offence under\nsection 3 of the Act\nArticle 5\nText.\n", "en"),  # wrapped sentence
        ("Artigo 1.º\nObjeto\nArtigo 2.º\nÂmbito\nTexto.\n", "pt"),  # "Objeto" is the heading of art. 1.º
    ],
)
def test_lines_that_are_not_a_heading_above(text, lang):
    units = [u for u in parse_units(text, lang, headings_above=True) if u.kind == "article"]
    second = units[1]
    assert text[second.start :].startswith(("Article 5", "Artigo 2.º"))
