"""The structure parser cuts real statutes into the units their own citations name."""

from __future__ import annotations

from pathlib import Path

import pytest

from statutes.structure import parse_units
from tests.corpus import KENYA, statute_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "statutes"


def load(path: Path) -> str:
    return statute_text(path)


def by_label(units):
    out = {}
    for u in units:
        out.setdefault(u.label, u)
    return out


def starts_with(text: str, unit, prefix: str) -> bool:
    return text[unit.start : unit.end].startswith(prefix)


# ---------------------------------------------------------------------------------------------
# The corpus statute: Kenya, Counter-Trafficking in Persons Act 2010
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def kenya():
    if not KENYA.exists():
        pytest.skip(f"corpus statute not found: {KENYA}")
    text = load(KENYA)
    return text, parse_units(text, "en")


def test_kenya_has_exactly_28_sections_in_six_parts_and_two_schedules(kenya):
    text, units = kenya
    sections = [u for u in units if u.kind == "section"]
    assert [u.label for u in sections] == [f"s. {n}" for n in range(1, 29)]
    assert [u.label for u in units if u.kind == "part"] == [
        "Part I",
        "Part II",
        "Part III",
        "Part IV",
        "Part V",
        "Part VI",
    ]
    scheds = [u for u in units if u.kind == "schedule"]
    assert [(u.label, u.heading) for u in scheds] == [
        ("First Schedule", "CONDUCT OF BUSINESS AND AFFAIRS OF THE ADVISORY COMMITTEE"),
        ("Second Schedule", "CONSEQUENTIAL AMENDMENTS"),
    ]
    # the schedule's numbered paragraphs are not sections of the Act
    paras = [u.label for u in units if u.parent == "sched_1" and u.kind == "paragraph"]
    assert paras == [f"First Schedule, para. {n}" for n in range(1, 6)]
    assert units[0].kind == "preamble" and text[units[0].start : units[0].end] == "COUNTER-TRAFFICKING IN PERSONS ACT"


@pytest.mark.parametrize(
    "label, start",
    [
        ("s. 1", "1. Short title"),
        ("s. 3", "3. Trafficking in persons"),
        ("s. 3(1)", "(1) A person commits the offence of trafficking in persons"),
        ("s. 3(1)(g)", "(g) giving or receiving payments"),
        ("s. 3(2)", "(2) The consent of a victim"),
        ("s. 3(3)", "(3) The recruitment, transportation"),
        ("s. 5(d)", "(d) by any other means promotes"),
        ("s. 11(3)", "(3) A person who discloses the name"),
        ("s. 12(a)(i)", "(i) towards or in connection with"),
        ("s. 12(a)(ii)", "(ii) under coercive circumstances"),
        ("s. 12(b)", "(b) for purposes of seeking"),
        ("s. 14", "14. Victim immunity from prosecution"),
        ("s. 15(1)(g)", "(g) legal assistance or legal information"),
        ("s. 19(2)(ea)", "(ea) the Director of Public Prosecutions"),
        ("s. 19(2)(i)", "(i) one person nominated by the Central Organization"),
        ("s. 19(2)(k)", "(k) such other members"),
        ("s. 20(2)(j)(iii)", "(iii) establishment of centres"),
        ("s. 20(2)(k)", "(k) mechanisms to screen persons"),
        ("s. 20(2)(l)", "(l) public information campaigns"),
        ("s. 23(2)(b)", "(b) the balance of damages under section 17(2)"),
        ("s. 25", "25. Extra-territorial jurisdiction"),
        ("s. 28(e)", "(e) any other matter"),
        ("First Schedule, para. 4(8)", "(8) Subject to subparagraph (4)"),
        ("Part II", "PART II – TRAFFICKING IN PERSONS AND RELATED OFFENCES"),
    ],
)
def test_kenya_labels_point_at_the_right_words(kenya, label, start):
    text, units = kenya
    u = by_label(units)[label]
    assert text[u.start : u.end].startswith(start), (label, text[u.start : u.start + 60])


def test_kenya_letter_i_after_h_is_a_paragraph_but_roman_i_after_j_nests(kenya):
    _text, units = kenya
    lab = by_label(units)
    assert lab["s. 19(2)(i)"].kind == "paragraph" and lab["s. 19(2)(i)"].parent == lab["s. 19(2)"].id
    assert lab['s. 2 ("exploitation")(i)'].kind == "paragraph"  # child marriage, between (h) and (j)
    j = lab["s. 20(2)(j)"]
    assert [u.label for u in units if u.parent == j.id] == ["s. 20(2)(j)(i)", "s. 20(2)(j)(ii)", "s. 20(2)(j)(iii)"]
    assert lab["s. 12(a)(i)"].kind == "subparagraph"


def test_kenya_headings_ids_and_tree(kenya):
    text, units = kenya
    lab = by_label(units)
    s3 = lab["s. 3"]
    assert s3.heading == "Trafficking in persons" and s3.id == "part_II__sec_3"
    assert lab["s. 3(1)(a)"].id == "part_II__sec_3__subsec_1__para_a"
    assert lab["s. 3(1)(a)"].parent == lab["s. 3(1)"].id and lab["s. 3(1)"].parent == s3.id
    assert lab["s. 3(1)(a)"].depth == 3
    assert lab["Part I"].heading == "PRELIMINARY"
    assert lab["s. 14"].heading == "Victim immunity from prosecution"
    # own text of a section with a heading line ends before its first child
    assert text[s3.start : s3.body_end] == "3. Trafficking in persons"
    assert text[lab["s. 14"].start : lab["s. 14"].end].endswith("direct result of being trafficked.")


def test_kenya_definition_entries_are_items_of_section_2(kenya):
    text, units = kenya
    sec2 = by_label(units)["s. 2"]
    items = [u for u in units if u.parent == sec2.id]
    assert [u.num for u in items] == [
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
    expl = by_label(units)['s. 2 ("exploitation")']
    kids = [u for u in units if u.parent == expl.id]
    assert [u.num for u in kids] == [f"({c})" for c in "abcdefghij"]
    assert text[kids[5].start : kids[5].end] == "(f) forced labour;"
    # "forced labour" comes after the list, as its own entry, not inside (j)
    assert by_label(units)['s. 2 ("forced labour")'].parent == sec2.id


def test_kenya_cross_references_are_not_headings(kenya):
    text, units = kenya
    # "section 19", "subsection (1)", "paragraph (2)(h), (i) and (j)" appear mid-sentence only:
    # every unit of this Act starts at the start of a line
    for u in units:
        line_start = text.rfind("\n", 0, u.start) + 1
        assert text[line_start : u.start].strip() == "", u.label


# ---------------------------------------------------------------------------------------------
# Real excerpts in six languages: (fixture, language, labels that must exist with their words)
# ---------------------------------------------------------------------------------------------
CASES = [
    (
        "en-uk-modern-slavery-2015-s1.txt",
        "en",
        [
            ("Part 1", "PART 1"),
            ("s. 1", "1 Slavery, servitude and forced or compulsory labour"),
            ("s. 1(1)(b)", "(b) the person requires another person"),
            ("s. 1(4)(a)", "(a) to any of the person’s"),
            ("s. 1(5)", "(5) The consent of a person"),
        ],
    ),
    (
        "en-scotland-2010-s47.txt",
        "en",
        [
            ("s. 47", "47Slavery, servitude"),
            ("s. 47(1)", "(1)A person (“A”) commits"),
            ("s. 47(3)(b)", "(b)on summary conviction"),
            ("s. 47(4)", "(4)In this section"),
        ],
    ),
    (
        "en-ph-ra-9208-s3.txt",
        "en",
        [
            ("s. 3", "Section 3. Definition of Terms."),
            ("s. 3(a)", "(a) Trafficking in Persons - refers to"),
            ("s. 3(d)", "(d) Forced Labor and Slavery"),
        ],
    ),
    (
        "fr-code-penal-225-4-1.txt",
        "fr",
        [
            ("Section 1 bis", "Section 1 bis"),
            ("Art. 225-4-1", "Article 225-4-1"),
            ("Art. 225-4-1, I", "I. – La traite des êtres humains est le fait"),
            ("Art. 225-4-1, I, 1°", "1° Soit avec l'emploi de menace"),
            ("Art. 225-4-1, I, 4°", "4° Soit en échange"),
            ("Art. 225-4-1, II", "II. – La traite des êtres humains à l'égard d'un mineur"),
        ],
    ),
    (
        "fr-loi-2003-239-art32.txt",
        "fr",
        [
            ("Chapitre VIII", "Chapitre VIII : Dispositions"),
            ("Art. 32", "Article 32"),
            ("Section 1 bis", "« Section 1 bis"),
            ("Art. 225-4-1", "« Art. 225-4-1. - La traite"),
            ("Art. 225-4-2", "« Art. 225-4-2. - L'infraction"),
            ("Art. 225-4-2, 1°", "« 1° A l'égard d'un mineur"),
            ("Art. 225-4-2, 5°", "« 5° Lorsque la personne"),
        ],
    ),
    (
        "fr-lu-code-penal-382-1.txt",
        "fr",
        [
            ("Chapitre VI-I", "Chapitre VI-I. – De la traite"),
            ("Art. 382-1", "Art. 382-1. (L. 9 avril 2014)"),
            ("Art. 382-1(1)", "(1) Constitue l'infraction"),
            ("Art. 382-1(1), 4)", "4) du prélèvement d'organes"),
            ("Art. 382-1(4)", "(4) Constitue l'infraction de vente d'enfants"),
        ],
    ),
    (
        "fr-tn-loi-2016-61-art2.txt",
        "fr",
        [("Art. 2", "Article 2"), ("Art. 2, 1", "1. La traite des personnes :"), ("Art. 2, 4", "4. L'esclavage :")],
    ),
    (
        "es-codigo-penal-177bis.txt",
        "es",
        [
            ("Título VII bis", "TÍTULO VII BIS"),
            ("Art. 177 bis", "Artículo 177 bis."),
            ("Art. 177 bis.1", "1. Será castigado con la pena de cinco a ocho años"),
            ("Art. 177 bis.1.a)", "a) La imposición de trabajo o de servicios forzados"),
            ("Art. 177 bis.1.e)", "e) La celebración de matrimonios forzados."),
            ("Art. 177 bis.3", "3. El consentimiento de una víctima"),
            ("Art. 177 bis.4.b)", "b) la víctima sea especialmente vulnerable"),
        ],
    ),
    (
        "es-pe-codigo-penal-129a.txt",
        "es",
        [
            ("Art. 129-A", "Artículo 129-A.- Trata de personas"),
            ("Art. 129-A.4", "4. El consentimiento dado"),
            ("Art. 129-B", "Artículo 129-B.- Formas agravadas"),
            ("Art. 129-B.1", "1. El agente comete el hecho"),
        ],
    ),
    (
        "es-pa-codigo-penal-456a.txt",
        "es",
        [
            ("Art. 456-A", "Artículo 456-A"),
            ("Art. 456-A.1", "1. La víctima sea una persona menor"),
            ("Art. 456-A.2", "2. La víctima sea utilizada"),
        ],
    ),
    (
        "ru-uk-rf-127-1-127-2.txt",
        "ru",
        [
            ("Глава 17", "Глава 17. Преступления против свободы"),
            ("Ст. 127.1", "Статья 127.1. Торговля людьми"),
            ("Ст. 127.1 ч. 1", "1. Торговля людьми, то есть купля-продажа"),
            ("Ст. 127.1 ч. 2 п. а", "а) в отношении двух"),
            ("Ст. 127.1 ч. 2 п. ж", "ж) в целях изъятия"),
            ("Ст. 127.1 ч. 3 п. в", "в) совершенные организованной группой"),
            ("Ст. 127.1 прим. 2", "2. Под эксплуатацией человека"),
            ("Ст. 127.2", "Статья 127.2. Использование рабского труда"),
            ("Ст. 127.2 ч. 2 п. д", "д) с изъятием, сокрытием"),
        ],
    ),
    ("ru-by-law-2012-art1.txt", "ru", [("Глава 1", "ГЛАВА 1"), ("Ст. 1", "Статья 1. Основные термины")]),
    (
        "pt-br-codigo-penal-149a.txt",
        "pt",
        [
            ("Art. 149-A", "Art. 149-A. Agenciar, aliciar"),
            ("Art. 149-A, I", "I - remover-lhe órgãos"),
            ("Art. 149-A, V", "V - exploração sexual."),
            ("Art. 149-A, § 1º", "§ 1º A pena é aumentada"),
            ("Art. 149-A, § 1º, IV", "IV - a vítima do tráfico de pessoas for retirada"),
            ("Art. 149-A, § 2º", "§ 2º A pena é reduzida"),
        ],
    ),
    (
        "pt-br-lei-13344-2016.txt",
        "pt",
        [
            ("Art. 1º", "Art. 1o Esta Lei dispõe"),
            ("Art. 1º, parágrafo único", "Parágrafo único. O enfrentamento"),
            ("Capítulo I", "CAPÍTULO I"),
            ("Art. 2º, VI", "VI - atenção integral às vítimas"),
            ("Art. 3º, I", "I - fortalecimento"),
        ],
    ),
    (
        "pt-pt-codigo-penal-160.txt",
        "pt",
        [
            ("Art. 160.º", "Artigo 160.º"),
            ("Art. 160.º, n.º 1", "1 - Quem oferecer, entregar"),
            ("Art. 160.º, n.º 1, e", "e) Mediante a obtenção do consentimento"),
            ("Art. 160.º, n.º 4, c", "c) Tiver sido cometida por um funcionário"),
        ],
    ),
    (
        "pt-br-eca-art2.txt",
        "pt",
        [("Art. 2º", "Art. 2º Considera-se criança"), ("Art. 2º, parágrafo único", "Parágrafo único.")],
    ),
    (
        "ar-eg-law-64-2010.txt",
        "ar",
        [
            ("الفصل الأول", "الفصل الأول"),
            ("المادة 1", "مادة (١):"),
            ("المادة 1 (1)", "١ - الجماعة الإجرامية المنظمة:"),
            ("المادة 1 (2)", "٢ - الجريمة ذات الطابع عبر الوطنى:"),
        ],
    ),
    (
        "ar-eg-law-64-2010-forum.txt",
        "ar",
        [
            ("الفصل الاول", "الفصل الاول"),
            ("المادة 1", "مادة (1) : في تطبيق"),
            ("المادة 1 (2)", "2)            الجريمة ذات"),
        ],
    ),
    (
        "ar-lb-law-164-2011.txt",
        "ar",
        [
            ("المادة 1", "المادة الأولى: يضاف"),
            ("الفصل الثالث", "الفصل الثالث"),
            ("المادة 586 (1)", "المادة 586 (1):"),
            ("المادة 586 (1) (أ)", "أ) بواسطة التهديد بالقوة"),
            ("المادة 586 (1) (هـ)", "هـ)الاسترقاق"),
        ],
    ),
    (
        "ar-jo-law-9-2009-pdf.txt",
        "ar",
        [
            ("المادة 1", "ﺍﻟﻤﺎﺩﺓ (1)"),
            ("المادة 2", "ﺍﻟﻤﺎﺩﺓ (2)"),
            ("المادة 3", "ﺍﻟﻤﺎﺩﺓ (3)"),
            ("المادة 3 (أ)", "ﺃ- ﻟﻤﻘﺎﺻﺪ"),
        ],
    ),
]


@pytest.mark.parametrize("fixture, lang, expected", CASES, ids=[c[0] for c in CASES])
def test_real_excerpts_are_labelled_in_their_own_convention(fixture, lang, expected):
    text = load(FIXTURES / fixture)
    units = parse_units(text, lang)
    lab = by_label(units)
    for label, start in expected:
        assert label in lab, (label, [u.label for u in units])
        assert starts_with(text, lab[label], start), (label, text[lab[label].start : lab[label].start + 60])


@pytest.mark.parametrize(
    "fixture, lang, articles",
    [
        ("fr-code-penal-225-4-1.txt", "fr", ["Art. 225-4-1"]),
        ("fr-loi-2003-239-art32.txt", "fr", ["Art. 32", "Art. 225-4-1", "Art. 225-4-2"]),
        ("es-codigo-penal-177bis.txt", "es", ["Art. 177 bis"]),
        ("es-pe-codigo-penal-129a.txt", "es", ["Art. 129-A", "Art. 129-B"]),
        ("ru-uk-rf-127-1-127-2.txt", "ru", ["Ст. 127.1", "Ст. 127.2"]),
        ("pt-br-lei-13344-2016.txt", "pt", ["Art. 1º", "Art. 2º", "Art. 3º"]),
        ("ar-lb-law-164-2011.txt", "ar", ["المادة 1", "المادة 586 (1)"]),
        ("ar-jo-law-9-2009-pdf.txt", "ar", ["المادة 1", "المادة 2", "المادة 3"]),
    ],
)
def test_article_counts(fixture, lang, articles):
    units = parse_units(load(FIXTURES / fixture), lang)
    assert [u.label for u in units if u.kind == "article"] == articles


def test_fixtures_each_carry_a_source_note():
    files = sorted(FIXTURES.glob("*.txt"))
    langs = set()
    for f in files:
        head = f.read_text(encoding="utf-8").split("# ---", 1)[0]
        assert "# source:" in head and "# language:" in head, f.name
        langs.add(head.split("# language:", 1)[1].split()[0])
    assert langs == {"en", "fr", "es", "ar", "ru", "pt"}


def test_structure_details_of_excerpts():
    t = load(FIXTURES / "ru-uk-rf-127-1-127-2.txt")
    lab = by_label(parse_units(t, "ru"))
    assert lab["Ст. 127.1"].heading == "Торговля людьми" and lab["Ст. 127.1"].num == "127.1"
    assert lab["Ст. 127.1 ч. 2 п. а"].parent == lab["Ст. 127.1 ч. 2"].id
    t = load(FIXTURES / "pt-pt-codigo-penal-160.txt")
    lab = by_label(parse_units(t, "pt"))
    assert lab["Art. 160.º"].heading == "Tráfico de pessoas"
    t = load(FIXTURES / "es-pe-codigo-penal-129a.txt")
    lab = by_label(parse_units(t, "es"))
    assert lab["Art. 129-A"].heading == "Trata de personas"
    t = load(FIXTURES / "es-codigo-penal-177bis.txt")
    lab = by_label(parse_units(t, "es"))
    assert lab["Título VII bis"].heading == "De la trata de seres humanos" and lab["Título VII bis"].kind == "title"
    assert lab["Art. 177 bis"].parent == lab["Título VII bis"].id
    t = load(FIXTURES / "ar-jo-law-9-2009-pdf.txt")
    units = parse_units(t, "ar")
    assert [u.num for u in units] == ["(1)", "(2)", "(3)", "ﺃ"]  # as written (presentation forms kept)
    t = load(FIXTURES / "pt-br-codigo-penal-149a.txt")
    lab = by_label(parse_units(t, "pt"))
    # incisos under the caput, then § 1º takes its own incisos
    assert lab["Art. 149-A, I"].parent == lab["Art. 149-A"].id
    assert lab["Art. 149-A, § 1º, I"].parent == lab["Art. 149-A, § 1º"].id
    assert lab["Art. 149-A, § 1º"].parent == lab["Art. 149-A"].id


# ---------------------------------------------------------------------------------------------
# Conventions and traps, one line each
# ---------------------------------------------------------------------------------------------
def labels(text: str, lang: str) -> list[str]:
    return [u.label for u in parse_units(text, lang) if u.kind != "preamble"]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # English
        (
            "Section 4. Offences\n(1) A person who—\n(a) recruits;\n(i) by force;\n(ii) by fraud;\n(b) transports.\n",
            "en",
            ["s. 4", "s. 4(1)", "s. 4(1)(a)", "s. 4(1)(a)(i)", "s. 4(1)(a)(ii)", "s. 4(1)(b)"],
        ),
        ("3. (1) A person commits an offence.\n(2) Consent is irrelevant.\n", "en", ["s. 3", "s. 3(1)", "s. 3(2)"]),
        (
            "Article 2\n1. For the purposes of this Law:\n(a) child means a person under 18.\n",
            "en",
            ["Art. 2", "Art. 2(1)", "Art. 2(1)(a)"],
        ),
        (
            "SCHEDULE 1\n1. Meetings\n(1) The Board shall meet.\n",
            "en",
            ["Schedule 1", "Schedule 1, para. 1", "Schedule 1, para. 1(1)"],
        ),
        ("PART ONE – PRELIMINARY\n1. Short title\nThis Act may be cited.\n", "en", ["Part One", "s. 1"]),
        (
            "1. Terms\n" + "".join(f"({c}) item;\n" for c in "abcdefghijklmnopqrstuvwxyz") + "(aa) next;\n",
            "en",
            ["s. 1"] + [f"s. 1({c})" for c in "abcdefghijklmnopqrstuvwxyz"] + ["s. 1(aa)"],
        ),
        # French
        (
            "CHAPITRE Ier\nDe la traite\nArticle 1er\nLa présente loi s'applique.\n"
            "Art. 3. – Sont punis :\n1° Le fait de recruter ;\n"
            "a) par la force ;\n2° Le fait de transporter.\n",
            "fr",
            ["Chapitre Ier", "Art. 1er", "Art. 3", "Art. 3, 1°", "Art. 3, 1°, a)", "Art. 3, 2°"],
        ),
        (
            "Article premier\nTexte.\nTITRE II BIS\nArticle 2\nTexte.\n",
            "fr",
            ["Art. premier", "Titre II bis", "Art. 2"],
        ),
        # Spanish
        (
            "CAPÍTULO I\nDisposiciones generales\nArt. 5.º Objeto.\n1. La ley protege.\na) A las víctimas.\n"
            "Artículo 6.\n1.ª Primera regla.\n",
            "es",
            ["Capítulo I", "Art. 5.º", "Art. 5.º.1", "Art. 5.º.1.a)", "Art. 6", "Art. 6.1.ª"],
        ),
        # Russian
        (
            "Раздел VII. Преступления против личности\nГлава 17. Преступления против свободы\n"
            "Статья 127.1. Торговля людьми\n"
            "1. Торговля людьми.\n2. То же деяние, совершенное:\n1) группой лиц;\nа) в отношении двух лиц;\n",
            "ru",
            [
                "Раздел VII",
                "Глава 17",
                "Ст. 127.1",
                "Ст. 127.1 ч. 1",
                "Ст. 127.1 ч. 2",
                "Ст. 127.1 ч. 2 п. 1",
                "Ст. 127.1 ч. 2 п. 1 пп. а",
            ],
        ),
        # Portuguese
        (
            "Art. 1º Esta Lei dispõe.\nParágrafo único. Aplica-se.\nArt. 2º Princípios:\n"
            "I – respeito;\nII – promoção;\na) primeira;\n",
            "pt",
            ["Art. 1º", "Art. 1º, parágrafo único", "Art. 2º", "Art. 2º, I", "Art. 2º, II", "Art. 2º, II, a"],
        ),
        # Arabic: words, Arabic-Indic and Persian digits, items
        (
            "المادة الأولى\nنص.\nالمادة الثانية\nنص.\nالمادة العاشرة\nنص.\n"
            "المادة الحادية عشرة\nنص.\nالمادة العشرون\nنص.\n"
            "المادة الحادية والعشرون\nنص.\nالمادة الثلاثون\nنص.\n",
            "ar",
            ["المادة 1", "المادة 2", "المادة 10", "المادة 11", "المادة 20", "المادة 21", "المادة 30"],
        ),
        (
            "مادة ٥\nيعاقب كل من:\nأولاً: باع شخصاً.\nثانياً: اشترى شخصاً.\n",
            "ar",
            ["المادة 5", "المادة 5 (أولاً)", "المادة 5 (ثانياً)"],
        ),
        (
            "مادة ۷\nنص:\n(أ) الأول\n(ب) الثاني\n(ج) الثالث\n",
            "ar",
            ["المادة 7", "المادة 7 (أ)", "المادة 7 (ب)", "المادة 7 (ج)"],
        ),
        (
            "المادة (5)\n1- يعاقب:\nأ- بالسجن\nب- بالغرامة\n2- ولا يعتد.\n",
            "ar",
            ["المادة 5", "المادة 5 (1)", "المادة 5 (1)(أ)", "المادة 5 (1)(ب)", "المادة 5 (2)"],
        ),
        (
            "الباب الأول\nأحكام عامة\nالفصل 448-1\nيقصد بالاتجار بالبشر تجنيد شخص.\n",
            "ar",
            ["الباب الأول", "الفصل 448-1"],
        ),
        ("المادة 5 مكرر\nنص.\n", "ar", ["المادة 5 مكرر"]),
    ],
)
def test_numbering_conventions(text, lang, expected):
    assert labels(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        # a wrapped sentence starting "2. " is not a section (sequence and lower case)
        (
            "1. Short title\nThis Act runs to\n2. of the text and\n2. Interpretation\nIn this Act.\n",
            "en",
            ["s. 1", "s. 2"],
        ),
        # dates and years at a line start
        (
            "1. Commencement\nThis Act comes into force on\n2010. The Minister may\n2. Scope\nText.\n",
            "en",
            ["s. 1", "s. 2"],
        ),
        # "section 19" mid-sentence or wrapped to the start of a line
        (
            "4. Offences\nA person who contravenes\nsection 19 of this Act commits an offence.\n"
            "Section 19 of the Act applies.\n",
            "en",
            ["s. 4"],
        ),
        # the word "I" is not a roman numeral; "Part of" is not a Part
        ("Article 1\nI declare that\nPart of the land is reserved.\n", "en", ["Art. 1"]),
        # (2010) is not a subsection; "(2)" without an open "(1)" is text
        ("5. Penalties\n(2010) revised.\n(1) A fine.\n(2) Prison.\n", "en", ["s. 5", "s. 5(1)", "s. 5(2)"]),
        ("Статья 5. Текст\n1. Первая часть продолжается\n2. ст. 6 упоминается\n", "ru", ["Ст. 5", "Ст. 5 ч. 1"]),
        ("Artículo 3.\n1. Texto que sigue en\n2. del Código Penal.\n", "es", ["Art. 3", "Art. 3.1"]),
        ("Article 225-4-1 du code pénal prévoit\nArticle 2\nTexte.\n", "fr", ["Art. 2"]),
        ("المادة 5 من هذا القانون تطبق\nالمادة 6\nنص.\n", "ar", ["المادة 6"]),
    ],
)
def test_false_positives_are_text(text, lang, expected):
    assert labels(text, lang) == expected


def test_table_of_contents_is_not_parsed_twice():
    text = (
        "ANTI-TRAFFICKING ACT\nARRANGEMENT OF SECTIONS\nPART I – PRELIMINARY\n1. Short title.\n2. Interpretation.\n"
        "PART II – OFFENCES\n3. Trafficking.\n\nPART I – PRELIMINARY\n1. Short title\nThis Act may be cited.\n"
        "2. Interpretation\nIn this Act.\nPART II – OFFENCES\n3. Trafficking\n(1) A person.\n"
    )
    units = parse_units(text, "en")
    assert [u.label for u in units] == ["Preamble", "Part I", "s. 1", "s. 2", "Part II", "s. 3", "s. 3(1)"]
    assert "ARRANGEMENT OF SECTIONS" in text[units[0].start : units[0].end]


def test_offsets_of_chained_numbers():
    text = "Artículo 177 bis. 1. Será castigado.\n2. Aun cuando.\n"
    u = by_label(parse_units(text, "es"))
    assert text[u["Art. 177 bis"].start : u["Art. 177 bis"].body_end] == "Artículo 177 bis."
    assert text[u["Art. 177 bis.1"].start :].startswith("1. Será castigado.")


def test_empty_and_blank_inputs():
    assert parse_units("", "en") == []
    assert parse_units(" \n\t\n", "fr") == []
    only = parse_units("An Act to make provision.\n", "en")
    assert [(u.kind, u.label) for u in only] == [("preamble", "Preamble")]


def test_unknown_language_tries_every_convention():
    assert labels("Статья 1. Текст\n1. Часть.\n", "xx")[:1] == ["Ст. 1"]
    assert labels("Artículo 5.\n1. Texto.\n", "auto")[0] == "Art. 5"
