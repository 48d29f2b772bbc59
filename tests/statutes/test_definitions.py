"""Defined terms are found with their defining words, in every language, on real texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from statutes.definitions import extract_definitions
from statutes.structure import parse_units
from tests.corpus import KENYA, statute_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "statutes"


def defs_of(text: str, lang: str):
    units = parse_units(text, lang)
    defs = extract_definitions(text, units, lang)
    labels = {u.id: u.label for u in units}
    for d in defs:  # offsets are exact
        assert text[d.start : d.end] == d.text
        assert d.unit_id in labels
    return {d.term: d for d in defs}, labels


def fixture(name: str) -> str:
    return statute_text(FIXTURES / name)


# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kenya():
    if not KENYA.exists():
        pytest.skip("corpus statute not found")
    return defs_of(statute_text(KENYA), "en")


def test_kenya_section_2_terms(kenya):
    defs, labels = kenya
    assert sorted(defs) == sorted(
        [
            "Advisory Committee",
            "Board of Trustees",
            "Cabinet Secretary",
            "child",
            "consent",
            "exploitation",
            "forced labour",
            "Fund",
            "organized criminal group",
            "proceeds of crime",
            "publish",
            "slavery",
            "trafficking for sexual exploitation",
            "trafficking in persons",
            "victim of trafficking in persons",
        ]
    )
    assert all(labels[d.unit_id].startswith("s. 2") for d in defs.values())


def test_kenya_exploitation_includes_forced_labour_over_its_list(kenya):
    defs, labels = kenya
    e = defs["exploitation"]
    assert e.text.startswith("includes but is not limited to—")
    assert "(f) forced labour;" in e.text and e.text.endswith("(j) forced marriage;")
    assert '"forced labour"' not in e.text  # the next definition is not swallowed
    assert labels[e.unit_id] == 's. 2 ("exploitation")'


@pytest.mark.parametrize(
    "term, text",
    [
        ("child", "has the meaning assigned to it in the Children Act (Cap. 141);"),
        (
            "consent",
            "in relation to a person means that the person agrees by choice, and has the freedom and capacity "
            "to make that choice;",
        ),
        (
            "slavery",
            "is the status or condition of a person over whom any or all of the powers attaching to the right "
            "of ownership are exercised;",
        ),
        ("trafficking in persons", "has the meaning assigned to it by section 3;"),
        (
            "victim of trafficking in persons",
            "includes a person who is being or has been trafficked as defined in section 3.",
        ),
    ],
)
def test_kenya_one_line_definitions(kenya, term, text):
    defs, _ = kenya
    assert defs[term].text == text


def test_kenya_definition_with_sub_items(kenya):
    defs, _ = kenya
    t = defs["trafficking for sexual exploitation"].text
    assert t.startswith("means trafficking—\n(a) with the intention") and t.endswith("(Cap. 63A);")


def test_cross_reference_in_quotes_is_not_a_definition(kenya):
    defs, _ = kenya
    # s. 3(3): shall be considered "trafficking in persons" even if this does not involve any of the means
    assert all(d.text.startswith(("means", "includes", "has the", "in relation", "is the")) for d in defs.values())


# ---------------------------------------------------------------------------------------------
# Real excerpts: (fixture, lang, term, unit label, defining words start, defining words end)
# ---------------------------------------------------------------------------------------------
REAL = [
    (
        "en-scotland-2010-s47.txt",
        "en",
        "Human Rights Convention",
        "s. 47(4)",
        "means the Convention for the Protection",
        "at Rome on 4 November 1950.",
    ),
    (
        "en-ph-ra-9208-s3.txt",
        "en",
        "Child",
        "s. 3(b)",
        "refers to a person below eighteen (18)",
        "physical or mental disability or condition.",
    ),
    (
        "en-ph-ra-9208-s3.txt",
        "en",
        "Forced Labor and Slavery",
        "s. 3(d)",
        "refer to the extraction of work",
        "debt-bondage or deception.",
    ),
    (
        "fr-code-penal-225-4-1.txt",
        "fr",
        "traite des êtres humains",
        "Art. 225-4-1, I",
        "est le fait de recruter une personne",
        "promesse de rémunération ou d'avantage.",
    ),
    (
        "fr-code-penal-225-4-1.txt",
        "fr",
        "exploitation",
        "Art. 225-4-1, I",
        "est le fait de mettre la victime à sa disposition",
        "commettre tout crime ou délit.",
    ),
    (
        "fr-tn-loi-2016-61-art2.txt",
        "fr",
        "traite des personnes",
        "Art. 2, 1",
        "Est considérée comme traite des personnes",
        "à la disposition d'un tiers.",
    ),
    (
        "fr-tn-loi-2016-61-art2.txt",
        "fr",
        "exploitation",
        "Art. 2, 1",
        "comprend l'exploitation de la prostitution",
        "toutes autres formes d'exploitation.",
    ),
    (
        "fr-tn-loi-2016-61-art2.txt",
        "fr",
        "esclavage",
        "Art. 2, 4",
        "Toute situation dans laquelle s'exercent",
        "attributs du droit de propriété.",
    ),
    (
        "es-pa-codigo-penal-456a.txt",
        "es",
        "explotación",
        "Art. 456-A",
        "el obtener un provecho material",
        "extracción ilícita de\n\nórganos.",
    ),
    (
        "es-codigo-penal-177bis.txt",
        "es",
        "situación de necesidad o vulnerabilidad",
        "Art. 177 bis.1",
        "cuando la persona en cuestión",
        "que someterse al abuso.",
    ),
    (
        "es-pe-codigo-penal-129a.txt",
        "es",
        "fines de explotación de la trata de personas",
        "Art. 129-A.2",
        "comprende, entre otros, la venta de niños",
        "cualquier otra forma análoga de explotación.",
    ),
    (
        "pt-br-eca-art2.txt",
        "pt",
        "criança",
        "Art. 2º",
        "para os efeitos desta Lei, a pessoa até doze anos",
        "entre doze e dezoito anos de idade.",
    ),
    (
        "ru-uk-rf-127-1-127-2.txt",
        "ru",
        "эксплуатацией человека",
        "Ст. 127.1 прим. 2",
        "использование занятия проституцией",
        "рабский труд (услуги), подневольное состояние.",
    ),
    (
        "ru-by-law-2012-art1.txt",
        "ru",
        "жертва торговли людьми",
        "Ст. 1",
        "гражданин, в отношении которого совершены",
        "связанное с ней преступление;",
    ),
    (
        "ar-eg-law-64-2010.txt",
        "ar",
        "الجماعة الإجرامية المنظمة",
        "المادة 1 (1)",
        "الجماعة المؤلفة وفق تنظيم معين",
        "على منفعة مادية أو معنوية.",
    ),
    (
        "ar-eg-law-64-2010-forum.txt",
        "ar",
        "الجريمة ذات الطابع عبر الوطني",
        "المادة 1 (2)",
        "أية جريمة ارتُكبت في أكثر من دولة",
        "و كانت لها آثار في دولة أخرى.",
    ),
    ("ar-jo-law-9-2009-pdf.txt", "ar", "الوزارة", "المادة 2", "ﻭﺯﺍﺭﺓ ﺍﻟﻌﺪﻝ", "ﻭﺯﺍﺭﺓ ﺍﻟﻌﺪﻝ ."),
    ("ar-jo-law-9-2009-pdf.txt", "ar", "الجماعة الاجرامية المنظمة", "المادة 2", "ﺟﻤﺎﻋﺔ ﻣﺆﻟﻔﺔ", "ﻣﻨﻔﻌﺔ ﻣﺎﺩﻳﺔ ﺍﺧﺮﻯ."),
    ("ar-jo-law-9-2009-pdf.txt", "ar", "جرائم الاتجار بالبشر", "المادة 3 (أ)", "- ﺍﺳﺘﻘﻄﺎﺏ ﺍﺷﺨﺎﺹ", "ﺑﺎﻟﻘﻮﺓ …"),
    (
        "ar-lb-law-164-2011.txt",
        "ar",
        "الاتجار بالأشخاص",
        "المادة 586 (1)",
        "اجتذاب شخص أو نقله",
        "المبينة في هذه المادة.",
    ),
    (
        "ar-lb-law-164-2011.txt",
        "ar",
        "ضحية الاتجار",
        "المادة 586 (1)",
        "لأغراض هذا القانون، «ضحية الاتجار» تعني",
        "أو حُوكم أو أُدين.",
    ),
]


@pytest.mark.parametrize("name, lang, term, unit, head, tail", REAL, ids=[f"{r[0]}:{r[2]}" for r in REAL])
def test_real_definitions(name, lang, term, unit, head, tail):
    defs, labels = defs_of(fixture(name), lang)
    assert term in defs, sorted(defs)
    d = defs[term]
    assert labels[d.unit_id] == unit
    assert d.text.startswith(head), d.text[:80]
    assert d.text.endswith(tail), d.text[-80:]


@pytest.mark.parametrize(
    "name, lang, count",
    [
        ("en-uk-modern-slavery-2015-s1.txt", "en", 0),
        ("fr-lu-code-penal-382-1.txt", "fr", 0),
        ("pt-br-codigo-penal-149a.txt", "pt", 0),
        ("pt-pt-codigo-penal-160.txt", "pt", 0),
        ("ar-jo-law-9-2009-pdf.txt", "ar", 5),
        ("fr-tn-loi-2016-61-art2.txt", "fr", 5),
        ("ru-by-law-2012-art1.txt", "ru", 4),
    ],
)
def test_no_spurious_definitions(name, lang, count):
    defs, _ = defs_of(fixture(name), lang)
    assert len(defs) == count, sorted(defs)


# ---------------------------------------------------------------------------------------------
# Formulas, one line each
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, lang, term, words",
    [
        (
            "2. In this Act—\n“child” means a person under eighteen years of age;\n",
            "en",
            "child",
            "means a person under eighteen years of age;",
        ),
        (
            "For the purposes of this Act, 'exploitation' is the use of a person for profit.\n",
            "en",
            "exploitation",
            "is the use of a person for profit.",
        ),
        (
            "Article 2\n"
            "Au sens de la présente loi, on entend par « enfant » toute personne âgée de moins de dix-huit ans.\n",
            "fr",
            "enfant",
            "toute personne âgée de moins de dix-huit ans.",
        ),
        (
            "Article 3\nLe terme « victime » s'entend de toute personne physique ayant subi un préjudice.\n",
            "fr",
            "victime",
            "s'entend de toute personne physique ayant subi un préjudice.",
        ),
        (
            'Artículo 2.\nA los efectos de esta ley se entiende por "víctima" toda persona que haya sufrido un daño.\n',
            "es",
            "víctima",
            "toda persona que haya sufrido un daño.",
        ),
        (
            "Art. 5º Para os fins desta Lei, entende-se por vítima a pessoa que sofreu dano.\n",
            "pt",
            "vítima",
            "a pessoa que sofreu dano.",
        ),
        (
            "Статья 2\nПод торговлей людьми понимается купля-продажа человека.\n",
            "ru",
            "торговлей людьми",
            "купля-продажа человека.",
        ),
        (
            "المادة 1\nيقصد بالطفل في تطبيق أحكام هذا القانون كل شخص لم يتجاوز الثامنة عشرة.\n",
            "ar",
            "الطفل",
            "في تطبيق أحكام هذا القانون كل شخص لم يتجاوز الثامنة عشرة.",
        ),
        (
            "المادة 1\nفي تطبيق أحكام هذا القانون يقصد بالكلمات والعبارات التالية المعاني المبينة قرين كل منها:\n"
            "الطفل: كل من لم يبلغ ثماني عشرة سنة.\nالضحية: الشخص الطبيعي الذي تعرض لضرر.\n",
            "ar",
            "الطفل",
            "كل من لم يبلغ ثماني عشرة سنة.",
        ),
    ],
)
def test_formulas(text, lang, term, words):
    defs, _ = defs_of(text, lang)
    assert term in defs, sorted(defs)
    assert defs[term].text == words


def test_arabic_definition_list_gives_each_term():
    text = (
        "المادة 1\nفي تطبيق أحكام هذا القانون يقصد بالكلمات والعبارات التالية المعاني المبينة قرين كل منها:\n"
        "الطفل: كل من لم يبلغ ثماني عشرة سنة.\nالضحية: الشخص الطبيعي الذي تعرض لضرر.\n"
    )
    defs, labels = defs_of(text, "ar")
    assert sorted(defs) == ["الضحية", "الطفل"]
    assert {labels[d.unit_id] for d in defs.values()} == {"المادة 1"}


def test_empty_inputs():
    assert extract_definitions("", [], "en") == []
    assert extract_definitions("   \n", [], "ar") == []
    assert extract_definitions('"x" means y.', [], "en")[0].unit_id == ""
