"""Readings of the offence structure (analysis/readings/offence.py), per language.

Each row is a short statute written for the test in the style of real laws, the key read, and
the verdict a lawyer gives it. Every mechanism has rows in en fr es ar ru pt, positive and
negative.
"""

import pytest

from modellaw import resolve_model
from tests.analysis.verdicts import check_key_verdict

# -- child rule by structure (Protocol art. 3(c)) -------------------------------------------
CHILD_NO_MEANS = [
    # an offence of acts + purpose only: no means for anyone, so none for a child
    (
        "en",
        "Section 3. Trafficking in persons\n(1) Any person who recruits, transports, transfers, harbours or "
        "receives a child for the purpose of exploitation shall be guilty of an offence and liable to imprisonment.\n",
        "covered",
    ),
    (
        "fr",
        "Article 5\nQuiconque recrute, transporte, transfère, héberge ou accueille un mineur aux fins "
        "d'exploitation est puni de dix ans d'emprisonnement.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 145 ter\nEl que captare, transportare, trasladare, acogiere o recibiere personas menores de "
        "dieciocho años de edad con fines de explotación será reprimido con prisión de cuatro a diez años.\n",
        "covered",
    ),
    ("ar", "المادة 3\nيعاقب بالسجن كل من قام بتجنيد طفل أو نقله أو إيوائه أو استقباله بقصد استغلاله.\n", "covered"),
    (
        "ru",
        "Статья 127.1. Торговля людьми\n1. Торговля людьми, то есть купля-продажа человека либо его вербовка, "
        "перевозка, передача, укрывательство или получение, совершенные в целях его эксплуатации, - "
        "наказывается лишением свободы на срок до пяти лет.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 4\nQuem recrutar, transportar, transferir, alojar ou acolher criança para fins de exploração "
        "é punido com pena de prisão de oito a doze anos.\n",
        "covered",
    ),
    # the means required for every victim, a child only raising the penalty: missing
    (
        "en",
        "Section 3. Trafficking\n(1) Any person who recruits, transports, harbours or receives another person by "
        "threat, force, fraud or deception for the purpose of exploitation commits an offence and is liable to "
        "imprisonment for ten years.\n(2) The penalty is doubled where the victim is a child.\n",
        "missing",
    ),
    (
        "fr",
        "Article 5\nQuiconque recrute, transporte, héberge ou accueille une personne par la menace, la violence ou "
        "la fraude aux fins d'exploitation est puni de dix ans d'emprisonnement.\nArticle 6\nLa peine est portée "
        "au double si la victime est un mineur.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 10\nEl que captare, transportare o acogiere personas mediante violencia, amenaza o engaño con "
        "fines de explotación será reprimido con prisión de cuatro a diez años.\nArtículo 11\nLa pena se agravará "
        "cuando la víctima fuere menor de edad.\n",
        "missing",
    ),
    (
        "ar",
        "المادة 2\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه بالإكراه أو التهديد أو الاحتيال بقصد "
        "استغلاله.\nالمادة 3\nتشدد العقوبة إذا كان المجني عليه طفلا.\n",
        "missing",
    ),
    (
        "ru",
        "Статья 5\n1. Вербовка, перевозка, передача или получение человека с применением насилия или угрозы, "
        "обмана, в целях его эксплуатации наказываются лишением свободы на срок до шести лет.\n2. То же деяние, "
        "совершенное в отношении несовершеннолетнего, наказывается лишением свободы на срок до десяти лет.\n",
        "missing",
    ),
    (
        "pt",
        "Art. 149-A. Recrutar, transportar, alojar ou acolher pessoa, mediante grave ameaça, violência, coação ou "
        "fraude, com a finalidade de exploração sexual.\nPena - reclusão, de 4 a 8 anos.\n"
        "§ 1º A pena é aumentada se o crime for cometido contra criança.\n",
        "missing",
    ),
]

# -- consent irrelevance in many phrasings (Protocol art. 3(b)) ---------------------------------
CONSENT = [
    (
        "en",
        "Section 4\nThe consent of a victim of trafficking to the intended exploitation is not valid where any "
        "of the means has been used.\n",
        "covered",
    ),
    (
        "fr",
        "Article 6\nLe consentement d'une victime de la traite n'est jamais valable lorsque l'un des moyens "
        "énoncés a été utilisé.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 2\nEl consentimiento dado por la víctima no constituirá en ningún caso causal de eximición de "
        "responsabilidad penal de los autores.\n",
        "covered",
    ),
    ("ar", "المادة 5\nلا يعتد برضا المجني عليه في أي جريمة من الجرائم المنصوص عليها في هذا القانون.\n", "covered"),
    (
        "ru",
        "Статья 4\nСогласие жертвы торговли людьми не является основанием для освобождения от ответственности.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 3\nO consentimento da vítima não é válido quando tiver sido utilizado qualquer dos meios referidos.\n",
        "covered",
    ),
    # consent named, but as a means (the consent of a person in control), not made irrelevant
    (
        "en",
        "Section 4\nPayments given to obtain the consent of a person having control over another person.\n",
        "missing",
    ),
    (
        "fr",
        "Article 6\nLe consentement d'une personne ayant autorité sur une autre est obtenu par des paiements.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 2\nLos pagos para obtener el consentimiento de una persona que tenga autoridad sobre la víctima.\n",
        "missing",
    ),
    ("ar", "المادة 5\nإعطاء مبالغ مالية لنيل موافقة شخص له سيطرة على آخر.\n", "missing"),
    ("ru", "Статья 4\nПодкуп для получения согласия лица, контролирующего другое лицо.\n", "missing"),
    ("pt", "Artigo 3\nA obtenção do consentimento da pessoa que tem o controlo sobre a vítima.\n", "missing"),
]

# -- an offence with a narrower list of means than the Protocol (art. 3(a)) ------------------------
MEANS = [
    # every category of means: covered
    (
        "en",
        "Section 3\n(1) A person who recruits, transports, transfers, harbours or receives another person by "
        "threat or use of force, abduction, fraud, deception, abuse of power or of a position of vulnerability, "
        "or giving payments or benefits, for the purpose of exploitation, commits an offence and is liable to "
        "imprisonment.\n",
        "covered",
    ),
    # no payments, no vulnerability: partial
    (
        "en",
        "Section 3\n(1) A person who recruits, transports, transfers, harbours or receives another person by "
        "threat or use of force or fraud for the purpose of exploitation commits an offence and is liable to "
        "imprisonment.\n",
        "partial",
    ),
    (
        "fr",
        "Article 2\nQuiconque recrute, transporte, transfère, héberge ou accueille une personne au moyen de "
        "menace, de contrainte, de fraude ou de tromperie aux fins de son exploitation est puni de dix ans "
        "d'emprisonnement.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 5\nEl que captare, transportare, trasladare, acogiere o recibiere personas mediante violencia, "
        "amenaza o engaño con fines de explotación será reprimido con prisión de tres a seis años.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 2\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه أو استقباله بالإكراه أو التهديد أو "
        "الاحتيال بقصد استغلاله.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 5\n1. Вербовка, перевозка, передача или получение человека с применением насилия или угрозы в "
        "целях его эксплуатации наказываются лишением свободы на срок до шести лет.\n",
        "partial",
    ),
    (
        "pt",
        "Art. 149-A. Agenciar, aliciar, recrutar, transportar, transferir, alojar ou acolher pessoa, mediante "
        "grave ameaça, violência, coação, fraude ou abuso, com a finalidade de exploração sexual.\n"
        "Pena - reclusão, de 4 a 8 anos, e multa.\n",
        "partial",
    ),
]

# -- organising: an organised group that only aggravates (Protocol art. 5(2)(c)) -------------------
ORGANIZING = [
    (
        "en",
        "Section 3\nA person who recruits or transports another person for the purpose of exploitation by "
        "threat commits an offence.\nSection 4. Aggravating circumstances\nThe penalty is imprisonment for life "
        "where the offence is committed by an organized criminal group.\n",
        "partial",
    ),
    (
        "fr",
        "Article 8\nLes peines d'emprisonnement sont portées au double si le trafic est l'oeuvre d'un groupe "
        "organisé.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 145 bis\nLa pena será de diez a quince años de prisión cuando el hecho fuere cometido por tres "
        "o más personas en forma organizada.\n",
        "partial",
    ),
    ("ar", "المادة 4\nتشدد العقوبة إذا ارتكبت الجريمة جماعة إجرامية منظمة.\n", "partial"),
    (
        "ru",
        "Статья 127.1\n3. Деяния, совершенные организованной группой, наказываются лишением свободы на срок "
        "до пятнадцати лет.\n",
        "partial",
    ),
    ("pt", "Art. 5.º\nA pena é agravada se o crime for cometido por organização criminosa.\n", "partial"),
    # organising or directing others made an offence of its own: covered
    (
        "en",
        "Section 5\nA person abets the offence if the person instructs another person to commit the offence, and "
        "is liable to the same punishment.\n",
        "covered",
    ),
    (
        "fr",
        "Article 11\nToute personne qui organise la commission d'une infraction de traite ou donne des "
        "instructions à une autre personne pour la commettre est passible de la même peine.\n",
        "covered",
    ),
    # the group only lowers the penalty of those outside it: nothing is aggravated
    ("pt", "Art. 6.º\nA pena é reduzida se o agente for primário e não integrar organização criminosa.\n", "missing"),
]

# -- attempt: a reference clause, not attempt liability (Protocol art. 5(2)(a)) ---------------------
ATTEMPT = [
    (
        "en",
        "Section 8\n(5) In this section, a reference to an offence under this Act includes a reference to an "
        "attempt to commit the offence.\n",
        "partial",
    ),
    (
        "en",
        "Section 6\nAny person who attempts to commit an offence under this Act shall be liable to the same "
        "punishment.\n",
        "covered",
    ),
    ("fr", "Article 12\nLa tentative est punie des mêmes peines.\n", "covered"),
    ("es", "Artículo 9\nLa tentativa será castigada con la pena del delito consumado.\n", "covered"),
    (
        "ar",
        "المادة 10\nيعاقب على الشروع في ارتكاب الجرائم المنصوص عليها في هذا النظام بعقوبة الجريمة التامة.\n",
        "covered",
    ),
    ("ru", "Статья 9\nПокушение на торговлю людьми наказывается.\n", "covered"),
    ("pt", "Artigo 9\nA tentativa é punível.\n", "covered"),
]

# -- accomplices: made punishable vs named in passing (Protocol art. 5(2)(b)) ------------------------
ACCOMPLICE = [
    (
        "en",
        "Section 3\n(6) A person who finances, controls, aids or abets the commission of an offence under "
        "subsection (1) shall be liable to imprisonment.\n",
        "covered",
    ),
    ("fr", "Article 4\nLes complices de l'infraction de traite sont punis des mêmes peines que l'auteur.\n", "covered"),
    (
        "es",
        "Artículo 153\nEl que promueve, favorece, financia o facilita la captación o el traslado de otro con "
        "fines de explotación será reprimido con pena privativa de libertad.\n",
        "covered",
    ),
    ("ar", "المادة 8\nيعاقب بعقوبة الفاعل، كل من ساهم في جريمة الاتجار بالأشخاص.\n", "covered"),
    ("ru", "Статья 8\nПособник торговли людьми наказывается лишением свободы на срок до пяти лет.\n", "covered"),
    ("pt", "Artigo 8\nO cúmplice é punido com a pena aplicável ao autor.\n", "covered"),
    # participants named only in the consent rule: referred to, not made punishable
    (
        "es",
        "Artículo 2\nEl consentimiento dado por la víctima no constituirá en ningún caso causal de eximición de "
        "responsabilidad de los autores, partícipes, cooperadores o instigadores.\n",
        "partial",
    ),
    ("en", "Section 4\nThe consent of the victim is no defence for the trafficker or any accomplice.\n", "partial"),
]

ROWS = (
    [("offence.child-no-means",) + r for r in CHILD_NO_MEANS]
    + [("offence.consent-irrelevant",) + r for r in CONSENT]
    + [("offence.trafficking",) + r for r in MEANS]
    + [("offence.organizing",) + r for r in ORGANIZING]
    + [("offence.attempt",) + r for r in ATTEMPT]
    + [("offence.accomplice",) + r for r in ACCOMPLICE]
)


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.mark.parametrize("key,lang,text,expected", ROWS, ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_offence_reading(model, key, lang, text, expected):
    check_key_verdict(model, text, lang, key, expected)
