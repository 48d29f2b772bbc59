"""Institutional duties, jurisdiction, legal persons, confiscation: readings per language.

Each row is a short statute written for this test in the style of real laws, its language,
a protection key and the verdict a lawyer would give (analysis/readings/institutions.py).
"""

import pytest

from modellaw import resolve_model
from statutes import parse_text
from tests.analysis.verdicts import check_key_verdict

# -- confiscation (UNTOC art. 12(1)): a power over the proceeds; instruments alone, or paying
#    already-confiscated assets to a fund, is only part of it.
CONFISCATION = [
    (
        "Section 9. Forfeiture\n(1) The court shall order the confiscation of the proceeds of an offence under this "
        "Act.",
        "en",
        "confiscation.proceeds",
        "covered",
    ),
    (
        "Section 9. Forfeiture\n(1) The court may order the forfeiture of any vehicle or tools used in the "
        "commission of the offence.",
        "en",
        "confiscation.proceeds",
        "partial",
    ),
    (
        "Section 9. Fund\n(1) Proceeds of crime confiscated under any other law shall be paid into the Fund for "
        "victims.",
        "en",
        "confiscation.proceeds",
        "partial",
    ),
    (
        "Article 9\nLa juridiction prononce la confiscation des produits de l'infraction.",
        "fr",
        "confiscation.proceeds",
        "covered",
    ),
    (
        "Article 9\nLe juge peut prononcer la confiscation de tous les objets et matériels utilisés dans la traite.",
        "fr",
        "confiscation.proceeds",
        "partial",
    ),
    (
        "Artículo 9\nEl juez ordenará el decomiso de las ganancias provenientes del delito de trata.",
        "es",
        "confiscation.proceeds",
        "covered",
    ),
    (
        "Artículo 9\nEl producto de la subasta de los bienes decomisados se destinará a la reparación de las víctimas.",
        "es",
        "confiscation.proceeds",
        "partial",
    ),
    (
        "Artigo 9\nO juiz decidirá sobre o perdimento do produto e do proveito do crime de tráfico de pessoas.",
        "pt",
        "confiscation.proceeds",
        "covered",
    ),
    (
        "Artigo 9\nOs bens confiscados serão destinados ao fundo de apoio às vítimas.",
        "pt",
        "confiscation.proceeds",
        "partial",
    ),
    (
        "Статья 9\nСуд назначает конфискацию доходов, полученных преступным путем.",
        "ru",
        "confiscation.proceeds",
        "covered",
    ),
    (
        "Статья 9\nКонфискованное имущество направляется в фонд помощи жертвам.",
        "ru",
        "confiscation.proceeds",
        "partial",
    ),
    ("المادة 9\nيحكم بمصادرة الأموال المتحصلة من الجريمة.", "ar", "confiscation.proceeds", "covered"),
    # proceeds written as a verb (تحصل منها), found through the root cue √حصل
    (
        "المادة 9\nيجوز للمحكمة مصادرة الأدوات التي استعملت في ارتكاب الجريمة أو تحصل منها.",
        "ar",
        "confiscation.proceeds",
        "covered",
    ),
    ("المادة 9\nيجوز للمحكمة مصادرة الأدوات التي استعملت في ارتكاب الجريمة.", "ar", "confiscation.proceeds", "partial"),
    # seizure of evidence only is no confiscation of proceeds
    (
        "Section 9. Seizure\nAn officer may seize any document relevant to an investigation.",
        "en",
        "confiscation.proceeds",
        "missing",
    ),
]

# -- coordinating body (CoE art. 29(2)): national, set up, with coordinating functions.
COORDINATION = [
    (
        "Section 19. Advisory Committee\n(1) There is established the National Committee against Trafficking in "
        "Persons.\n"
        "Section 20. Functions\nThe Committee shall coordinate the implementation of the national plan of action.",
        "en",
        "coordination.body",
        "covered",
    ),
    (
        "Section 12. Duties\nThe Minister shall appoint officers to any regional task force that may be established.",
        "en",
        "coordination.body",
        "missing",
    ),
    (
        "Article 39\nIl est institué, par décret, un organe national de vigilance en matière de lutte contre la "
        "traite.",
        "fr",
        "coordination.body",
        "partial",
    ),
    (
        "Article 16\nLe Gouvernement prend des mesures pour établir la coordination au plan national entre les "
        "instances.",
        "fr",
        "coordination.body",
        "partial",
    ),
    ("Artículo 18\nCréase la Comisión Nacional contra la Trata de Personas.", "es", "coordination.body", "partial"),
    (
        "Artículo 4\nLa ley regula los beneficios por colaboración con la comisión de los delitos contra la libertad "
        "y de trata.",
        "es",
        "coordination.body",
        "missing",
    ),
    (
        "Artigo 5\nFica criada a Comissão Nacional de Enfrentamento ao Tráfico de Pessoas.",
        "pt",
        "coordination.body",
        "partial",
    ),
    (
        "Статья 5\nСоздается межведомственная комиссия по противодействию торговле людьми.",
        "ru",
        "coordination.body",
        "partial",
    ),
    (
        "Статья 5\nКоординационный совет координирует деятельность органов и реализацию национального плана действий.",
        "ru",
        "coordination.body",
        "covered",
    ),
    ("المادة 5\nتنشأ لجنة وطنية لمكافحة الاتجار بالأشخاص.", "ar", "coordination.body", "partial"),
    (
        "المادة 5\nتنشأ لجنة وطنية لمكافحة الاتجار بالأشخاص تختص بتنسيق الجهود ووضع خطة عمل وطنية.",
        "ar",
        "coordination.body",
        "covered",
    ),
]

# -- legal persons (UNTOC art. 10(1)): liability for trafficking, not for one section only.
LEGAL_PERSONS = [
    (
        "Section 3. Trafficking\nA person who trafficks another person commits an offence.\n"
        "Section 11. Confidentiality\n(1) A person who discloses the identity of a victim commits an offence.\n"
        "(2) A person who commits an offence under this section is liable to a fine, and in the case of a body "
        "corporate, a fine of ten million shillings.",
        "en",
        "offence.legal-persons",
        "partial",
    ),
    (
        "Section 14. Bodies corporate\nWhere an offence under this Act is committed by a body corporate, the body "
        "corporate is liable to a fine.",
        "en",
        "offence.legal-persons",
        "covered",
    ),
    (
        "Article 2\nLa traite est le recrutement d'une personne par une ou plusieurs personnes physiques ou morales "
        "aux fins d'exploitation.",
        "fr",
        "offence.legal-persons",
        "partial",
    ),
    (
        "Artículo 5\nLas personas jurídicas serán responsables de los delitos de trata y se les impondrá la multa y "
        "la disolución.",
        "es",
        "offence.legal-persons",
        "covered",
    ),
    (
        "Artigo 5\nA pessoa jurídica é responsável pelo crime de tráfico de pessoas e sujeita a multa e dissolução.",
        "pt",
        "offence.legal-persons",
        "covered",
    ),
    (
        "Статья 5\nЮридическое лицо подлежит ответственности за торговлю людьми и наказывается штрафом.",
        "ru",
        "offence.legal-persons",
        "covered",
    ),
    (
        "المادة 13\nإذا ارتكبت جريمة الاتجار بالأشخاص من خلال شخص ذي صفة اعتبارية يعاقب بغرامة لا تزيد على مليون.",
        "ar",
        "offence.legal-persons",
        "covered",
    ),
]

# -- jurisdiction abroad (UNTOC art. 15(2)): a rule on what the courts try, not consular help.
JURISDICTION = [
    (
        "Section 25. Extra-territorial jurisdiction\n(1) A citizen of Kenya who commits an act outside Kenya that "
        "constitutes an offence under this Act commits such an offence.",
        "en",
        "jurisdiction.extraterritorial",
        "partial",
    ),
    (
        "Section 9. Consular help\nWhere a victim who is a citizen is abroad, consular officers shall assist the "
        "victim outside the country.",
        "en",
        "jurisdiction.extraterritorial",
        "missing",
    ),
    (
        "Artículo 9\nCuando la víctima de trata en el exterior del país tenga nacionalidad argentina, los "
        "representantes diplomáticos la asistirán fuera del territorio.",
        "es",
        "jurisdiction.extraterritorial",
        "missing",
    ),
    (
        "Article 24\nLes infractions commises hors du territoire par un ressortissant sont poursuivies et jugées "
        "d'après la loi nationale.",
        "fr",
        "jurisdiction.extraterritorial",
        "partial",
    ),
    (
        "Artigo 1\nEsta Lei dispõe sobre o tráfico de pessoas cometido no exterior contra vítima brasileira.",
        "pt",
        "jurisdiction.extraterritorial",
        "partial",
    ),
    (
        "Статья 12\nГраждане, совершившие преступление вне пределов Российской Федерации, подлежат уголовной "
        "ответственности.",
        "ru",
        "jurisdiction.extraterritorial",
        "partial",
    ),
    (
        "المادة 4\nيعاقب كل مواطن ارتكب خارج الدولة فعلا يعد جريمة اتجار بالأشخاص.",
        "ar",
        "jurisdiction.extraterritorial",
        "partial",
    ),
    (
        "Section 3. Trafficking\n(4) It does not matter whether the act is done partly in and partly outside "
        "Singapore.",
        "en",
        "jurisdiction.territorial",
        "partial",
    ),
    (
        "Artículo 153\nEl que capta o traslada a otro en el territorio de la República con fines de explotación será "
        "reprimido.",
        "es",
        "jurisdiction.territorial",
        "partial",
    ),
]

# -- duties of the State (Protocol arts. 9-10): measures, not aims or words in passing.
DUTIES = [
    (
        "Section 4. Sentencing\nThe court may take into account aggravating factors such as the vulnerability of the "
        "victim.",
        "en",
        "prevention.policies",
        "missing",
    ),
    (
        "Article 16\nLe Gouvernement établit des politiques et programmes efficaces afin de prévenir la traite par "
        "des recherches, "
        "des campagnes d'information et de sensibilisation et des initiatives sociales et économiques.",
        "fr",
        "prevention.policies",
        "covered",
    ),
    (
        "Article 3\nLa présente loi a pour objet de promouvoir la coopération régionale et internationale contre la "
        "traite.",
        "fr",
        "cooperation.information-exchange",
        "missing",
    ),
    (
        "Artículo 3\nLa presente ley tiene por objeto promover la cooperación internacional contra la trata.",
        "es",
        "cooperation.information-exchange",
        "missing",
    ),
    (
        "Artigo 3\nEsta Lei tem por objetivo promover a cooperação internacional contra o tráfico de pessoas.",
        "pt",
        "cooperation.information-exchange",
        "missing",
    ),
    (
        "Статья 2\nЦелью настоящего закона является развитие международного сотрудничества в противодействии "
        "торговле людьми.",
        "ru",
        "cooperation.information-exchange",
        "missing",
    ),
    (
        "المادة 2\nيهدف هذا القانون إلى تعزيز التعاون الدولي في مكافحة الاتجار بالأشخاص.",
        "ar",
        "cooperation.information-exchange",
        "missing",
    ),
    (
        "Artículo 4\nEl Estado promoverá acuerdos bilaterales con otros Estados para intercambiar información "
        "migratoria.",
        "es",
        "cooperation.information-exchange",
        "partial",
    ),
    ("Section 8\nThe victim shall be given counselling and job training.", "en", "training", "missing"),
    ("Artigo 6\nA vítima terá acesso à formação profissional e ao emprego.", "pt", "training", "missing"),
    (
        "Article 16\nLe Gouvernement soutient des programmes de formation à l'intention des professionnels concernés "
        "par la traite.",
        "fr",
        "training",
        "partial",
    ),
    (
        "Artículo 3\nLas medidas de prevención comprenden la investigación, la capacitación y la difusión.",
        "es",
        "training",
        "partial",
    ),
    ("Статья 7\nОрганизуется обучение в сфере противодействия торговле людьми.", "ru", "training", "partial"),
    ("المادة 7\nتعد برامج تدريب في مجال مكافحة الاتجار بالأشخاص.", "ar", "training", "partial"),
    (
        "Section 12\nThe Minister shall provide training to police officers and immigration officials on trafficking.",
        "en",
        "training",
        "covered",
    ),
]

TABLE = CONFISCATION + COORDINATION + LEGAL_PERSONS + JURISDICTION + DUTIES


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.mark.parametrize("text,lang,key,expected", TABLE, ids=[f"{r[1]}-{r[2]}-{i}" for i, r in enumerate(TABLE)])
def test_institutional_readings(model, text, lang, key, expected):
    check_key_verdict(model, text, lang, key, expected)


# -- Arabic morphology: verbs with attached pronouns, broken plurals, root cues.
def test_arabic_token_keys_hold_lemma_and_root():
    from analysis.text import analyzer

    an = analyzer("ar")
    assert "ضحيه" in an.extra_keys("الضحايا")  # broken plural -> singular
    assert "√نقل" in an.extra_keys("ينقله") and an.keys("√نقل")[0] == "√نقل"
    assert an.keys("√استقبال")[0] in an.extra_keys("يستقبله")
    assert analyzer("en").extra_keys("training") == ()  # other languages tokenise as before


def test_a_plain_arabic_cue_word_never_matches_by_root(model):
    from analysis.match import StatuteIndex, compile_cue
    from analysis.text import analyzer

    an = analyzer("ar")
    idx = StatuteIndex(parse_text("المادة 1\nيعمل الموظف في الوزارة.", "ar"), an)
    # عمل (work) and استعمال (use) share the root √عمل: only a √ cue word reaches across
    assert idx.cue_hits(0, compile_cue("استعمال", 1.0, an)) == []
    assert idx.cue_hits(0, compile_cue("√استعمال", 1.0, an))
