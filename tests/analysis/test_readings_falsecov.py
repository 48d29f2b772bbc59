"""Readings against false reassurance (analysis/readings/context.py, offence.py), per language.

Each row is a short statute written for the test in the style of real laws, the key read, and the
verdict a lawyer gives it. Every mechanism has rows in en fr es ar ru pt, positive and negative:
the tool must not say "covered" where the words stand in another context.
"""

import pytest

from modellaw import resolve_model
from tests.analysis.verdicts import check_key_verdict

# -- a cue word in a fixed phrase of another meaning (Protocol art. 5(2)(c)) ------------------
WRONG_SENSE = [
    (
        "en",
        "Section 12\nThe Committee shall organise programmes directed at the prevention of trafficking.\n",
        "missing",
    ),
    (
        "en",
        "Section 10\nA person who organises or directs another person to commit an offence under section 3 "
        "shall be liable to imprisonment for life.\n",
        "covered",
    ),
    (
        "fr",
        "Article 30\nLes organisations de la société civile participent aux actions dirigées contre la traite "
        "des personnes.\n",
        "missing",
    ),
    (
        "fr",
        "Article 11\nQuiconque organise ou dirige la commission d'une infraction de traite est puni de vingt "
        "ans de réclusion.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 20\nLas organizaciones de la sociedad civil participan en las acciones dirigidas a prevenir "
        "la trata de personas.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 11\nEl que organice o dirija a otras personas para cometer el delito de trata será reprimido "
        "con prisión de diez años.\n",
        "covered",
    ),
    (
        "ar",
        "المادة 4\nيعاقب بالحبس كل من أخفى شخصا اشترك في ارتكاب جريمة الاتجار بقصد الفرار من وجه العدالة.\n",
        "missing",
    ),
    (
        "ar",
        "المادة 11\nيعاقب بعقوبة الفاعل كل من نظم ارتكاب جريمة الاتجار بالأشخاص أو وجه شخصا آخر لارتكابها.\n",
        "covered",
    ),
    (
        "ru",
        "Статья 9\nПри назначении наказания за совершение преступления, предусмотренного статьей 5, суд "
        "руководствуется принципом справедливости.\n",
        "missing",
    ),
    ("ru", "Статья 6\nОрганизатор торговли людьми наказывается лишением свободы на срок до десяти лет.\n", "covered"),
    (
        "pt",
        "Artigo 20\nAs organizações da sociedade civil participam nas ações dirigidas a prevenir o tráfico de "
        "pessoas.\n",
        "missing",
    ),
    (
        "pt",
        "Artigo 11\nQuem organizar ou dirigir a prática do crime de tráfico de pessoas é punido com pena de "
        "prisão de oito a doze anos.\n",
        "covered",
    ),
]

# -- the document offence: another person's identity papers, handled by a person -------------
# (Model Law art. 15; CoE Convention art. 20)
DOCUMENTS = [
    # an offence of its own
    (
        "en",
        "Section 8\nA person who destroys, conceals, confiscates or withholds the passport or identity document "
        "of another person commits an offence and is liable to imprisonment for ten years.\n",
        "covered",
    ),
    (
        "fr",
        "Article 15\nQuiconque détruit, dissimule ou confisque le passeport ou la pièce d'identité d'autrui est "
        "puni de cinq ans d'emprisonnement.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 15\nEl que destruya, oculte o retenga el pasaporte o el documento de identidad de otra persona "
        "será reprimido con prisión de dos a cinco años.\n",
        "covered",
    ),
    ("ar", "المادة 15\nيعاقب بالحبس كل من قام بإتلاف أو إخفاء أو حجز جواز سفر شخص آخر أو وثائق هويته.\n", "covered"),
    (
        "ru",
        "Статья 15\nУничтожение, сокрытие или изъятие паспорта или иного документа, удостоверяющего личность "
        "другого человека, наказывается лишением свободы на срок до трех лет.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 15\nQuem destruir, ocultar ou retiver o passaporte ou documento de identidade de outra pessoa é "
        "punido com pena de prisão até cinco anos.\n",
        "covered",
    ),
    # a definition creates no offence
    (
        "en",
        "Section 2\nIn this Act, “fraudulent travel or identity document” means any travel or identity document "
        "that has been falsely made or altered.\n",
        "missing",
    ),
    (
        "fr",
        "Article 1\nL'expression « document de voyage ou d'identité frauduleux » désigne tout document de voyage ou "
        "d'identité contrefait ou modifié.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 1\nSe entiende por documento de viaje o de identidad falso todo documento de viaje o de "
        "identidad elaborado o alterado.\n",
        "missing",
    ),
    ("ar", "المادة 1\nيقصد بوثيقة السفر أو الهوية المزورة أي وثيقة من وثائق السفر أو الهوية تم تزويرها.\n", "missing"),
    (
        "ru",
        "Статья 1\nПод поддельным документом понимается проездной документ или документ, удостоверяющий личность, "
        "изготовленный или измененный.\n",
        "missing",
    ),
    (
        "pt",
        "Artigo 1\nEntende-se por documento de viagem ou de identidade fraudulento todo documento de viagem ou "
        "de identidade contrafeito.\n",
        "missing",
    ),
    # documents an officer may demand: not identity papers
    (
        "en",
        "Section 20\nA person who refuses to produce any document required under this section, or conceals any "
        "document from an enforcement officer, commits an offence.\n",
        "missing",
    ),
    (
        "fr",
        "Article 20\nQuiconque refuse de produire les registres exigés ou dissimule un document aux inspecteurs "
        "du travail est puni d'une amende.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 20\nEl que oculte o destruya los libros y documentos contables exigidos por la inspección de "
        "trabajo será sancionado con multa.\n",
        "missing",
    ),
    ("ar", "المادة 20\nيعاقب بالغرامة كل من قام بإخفاء الوثائق أو السجلات المطلوبة عن مفتشي العمل.\n", "missing"),
    (
        "ru",
        "Статья 20\nСокрытие документов бухгалтерского учета от налогового органа наказывается штрафом.\n",
        "missing",
    ),
    (
        "pt",
        "Artigo 20\nQuem ocultar ou destruir os livros e documentos contabilísticos exigidos pela inspeção do "
        "trabalho é punido com multa.\n",
        "missing",
    ),
    # a court ordering a measure: a sanction or a procedural step
    (
        "en",
        "Section 25\nThe court may order the confiscation of the passport of the accused for the duration of the "
        "proceedings.\n",
        "missing",
    ),
    (
        "fr",
        "Article 27\nLa juridiction ordonne la destruction des documents de voyage et des pièces d'identité "
        "falsifiés ayant servi à l'infraction.\n",
        "missing",
    ),
    ("es", "Artículo 27\nEl juez ordenará la retención del pasaporte del imputado durante el proceso.\n", "missing"),
    ("ar", "المادة 27\nيجوز للمحكمة أن تأمر بحجز جواز سفر المتهم طوال مدة التحقيق.\n", "missing"),
    ("ru", "Статья 27\nСуд вправе назначить изъятие паспорта обвиняемого на срок производства по делу.\n", "missing"),
    (
        "pt",
        "Artigo 27\nO juiz pode ordenar a retenção do passaporte e dos documentos de identidade do arguido "
        "durante o processo.\n",
        "missing",
    ),
    # documents handled only as a means of trafficking, in the definition of a means: partial
    (
        "en",
        "Section 2\nIn this Act—\n“coercion” includes—\n(a) any threat of harm to the individual; and\n(b) the "
        "destruction, concealment or withholding of the individual's passport or identity documents;\n"
        "Section 3\nAny person who recruits or transports an individual by coercion for the purpose of "
        "exploitation shall be guilty of an offence.\n",
        "partial",
    ),
    (
        "fr",
        "Article 1\nAu sens de la présente loi, on entend par :\n« Contrainte » : la menace d'un préjudice, la "
        "destruction ou la confiscation du passeport ou des documents d'identité de la personne.\nArticle 5\n"
        "Quiconque recrute ou transporte une personne par la contrainte aux fins d'exploitation est puni de "
        "dix ans d'emprisonnement.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 1\nA los efectos de esta ley se entiende por:\nCoacción: la amenaza de daño o la retención del "
        "pasaporte o de los documentos de identidad de la persona.\nArtículo 5\nEl que captare o transportare "
        "personas mediante coacción con fines de explotación será reprimido con prisión de cuatro a diez "
        "años.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 1\nيقصد بالكلمات والعبارات التالية المعاني المبينة قرين كل منها:\nالإكراه: التهديد بإلحاق الأذى "
        "أو احتجاز جواز سفر الشخص أو وثائق هويته.\nالمادة 2\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله "
        "بالإكراه بقصد الاستغلال.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 1. Основные понятия\nВ настоящем Законе используются следующие основные понятия:\n"
        "принуждение – угроза причинения вреда, уничтожение или изъятие паспорта лица;\nСтатья 5\nВербовка или "
        "перевозка человека с применением принуждения в целях его эксплуатации наказывается лишением свободы "
        "на срок до десяти лет.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 1\nPara os fins desta Lei, considera-se:\nCoação: a ameaça de dano ou a retenção do passaporte "
        "ou dos documentos de identidade da pessoa.\nArtigo 5\nQuem recrutar ou transportar uma pessoa mediante "
        "coação para fins de exploração é punido com pena de prisão de três a dez anos.\n",
        "partial",
    ),
    # documents only as one way of committing forced labour: partial
    (
        "en",
        "Section 10\nA person who subjects another person to forced labour or services by—\n(a) threatening harm "
        "to that person; or\n(b) destroying, concealing or withholding that person's passport or identity "
        "documents,\ncommits an offence and is liable to imprisonment.\n",
        "partial",
    ),
    (
        "fr",
        "Article 10\nQuiconque soumet une autre personne à un travail forcé est puni de dix ans d'emprisonnement :\n"
        "1. en menaçant de causer un préjudice à cette personne ; ou\n2. en détruisant ou en dissimulant tout "
        "document de voyage ou d'identité de cette personne.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 10\nEl que someta a otra persona a trabajos forzosos será reprimido con prisión de diez años:\n"
        "a) mediante amenazas de daño;\nb) mediante la destrucción o retención de su pasaporte o documento de "
        "identidad.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 10\nيعاقب بالسجن كل من أخضع شخصا للعمل القسري بإحدى الوسائل الآتية:\n1 - التهديد بإلحاق الأذى "
        "به.\n2 - إتلاف أو إخفاء جواز سفره أو وثائق هويته.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 10\nПринудительный труд, совершенный одним из следующих способов:\n1) с угрозой причинения вреда;"
        "\n2) путем уничтожения или сокрытия паспорта потерпевшего,\nнаказывается лишением свободы на срок до "
        "пяти лет.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 10\nQuem sujeitar outra pessoa a trabalho forçado é punido com pena de prisão de dez anos:\n"
        "a) mediante ameaça de dano;\nb) mediante a destruição ou retenção do seu passaporte ou documento de "
        "identidade.\n",
        "partial",
    ),
]

# -- participation after the offence is not complicity (Protocol art. 5(2)(b); UNTOC arts. 6, 23) --
ACCOMPLICE = [
    (
        "en",
        "Section 13\nA person who knowingly receives or conceals the proceeds of an offence under section 3 shall "
        "be deemed an accomplice and is liable to imprisonment.\n",
        "partial",
    ),
    (
        "en",
        "Section 5\nA person who aids or abets the commission of an offence under section 3 shall be liable to "
        "imprisonment.\n",
        "covered",
    ),
    (
        "fr",
        "Article 13\nToute personne qui aura sciemment recélé des biens obtenus à l'aide d'un crime de traite "
        "sera reconnue comme complice et punie des mêmes peines.\n",
        "partial",
    ),
    ("fr", "Article 4\nLes complices de l'infraction de traite sont punis des mêmes peines que l'auteur.\n", "covered"),
    (
        "es",
        "Artículo 13\nEl que a sabiendas oculte los efectos del delito de trata será considerado cómplice y "
        "reprimido con prisión de uno a tres años.\n",
        "partial",
    ),
    ("es", "Artículo 12\nEl cómplice del delito de trata será reprimido con la pena del autor.\n", "covered"),
    ("ar", "المادة 4\nيعاقب بالحبس كل من ساهم في إخفاء معالم جريمة الاتجار بالأشخاص.\n", "partial"),
    ("ar", "المادة 8\nيعاقب بعقوبة الفاعل، كل من ساهم في جريمة الاتجار بالأشخاص.\n", "covered"),
    (
        "ru",
        "Статья 13\nЗаранее не обещанное сокрытие имущества, добытого торговлей людьми, совершенное соучастником, "
        "наказывается лишением свободы на срок до двух лет.\n",
        "partial",
    ),
    ("ru", "Статья 8\nПособник торговли людьми наказывается лишением свободы на срок до пяти лет.\n", "covered"),
    (
        "pt",
        "Artigo 13\nQuem ocultar o produto do crime de tráfico de pessoas é punido como cúmplice com pena de "
        "prisão até três anos.\n",
        "partial",
    ),
    ("pt", "Artigo 8\nO cúmplice é punido com a pena aplicável ao autor.\n", "covered"),
]


# -- a closed list of vulnerable situations (Protocol art. 3(a); A/55/383/Add.1 para. 63) ---------
def _vulnerability(lang: str, closed: bool) -> str:
    if lang == "en":
        tail = (
            (
                "(a) the individual entering the country illegally;\n(b) the individual's pregnancy;\n(c) the "
                "individual's illness or disability.\n"
            )
            if closed
            else (
                "(a) the individual entering the country illegally;\n(b) any other situation in which the "
                "individual has no real alternative but to submit.\n"
            )
        )
        return (
            "Section 2\nIn this Act—\n“abuse of the position of vulnerability” means taking advantage of the "
            "vulnerable position of an individual as a result of —\n"
            + tail
            + "Section 3\nAny person who recruits, transports, transfers, harbours or receives an individual by "
            "means of the threat or use of force, abduction, fraud or deception, the abuse of power or of the "
            "position of vulnerability, or the giving of payments or benefits to a person having control over "
            "the individual, for the purpose of exploitation, shall be guilty of an offence and liable to "
            "imprisonment for ten years.\n"
        )
    if lang == "fr":
        tail = (
            ("a) l'entrée irrégulière sur le territoire ;\nb) la grossesse ;\nc) la maladie ou le handicap.\n")
            if closed
            else (
                "a) l'entrée irrégulière sur le territoire ;\nb) toute autre situation ne laissant "
                "à la personne d'autre choix que de se soumettre.\n"
            )
        )
        return (
            "Article 1\nAu sens de la présente loi :\nL'« abus d'une situation de vulnérabilité » s'entend du fait "
            "de profiter de la situation de la personne résultant de :\n"
            + tail
            + "Article 5\nQuiconque recrute, transporte, transfère, héberge ou accueille une personne par la menace, "
            "la force, l'enlèvement, la fraude, la tromperie, l'abus d'autorité ou d'une situation de "
            "vulnérabilité, ou l'offre de paiements ou d'avantages, aux fins d'exploitation, est puni de dix "
            "ans d'emprisonnement.\n"
        )
    if lang == "es":
        tail = (
            ("a) la entrada irregular en el país;\nb) el embarazo;\nc) la enfermedad o discapacidad.\n")
            if closed
            else (
                "a) la entrada irregular en el país;\nb) cualquier otra situación en que la persona "
                "no tenga otra alternativa real que someterse.\n"
            )
        )
        return (
            "Artículo 1\nA los efectos de esta ley:\nSe entiende por abuso de una situación de vulnerabilidad el "
            "aprovechamiento de la situación de la persona derivada de:\n"
            + tail
            + "Artículo 5\nEl que captare, transportare, trasladare, acogiere o recibiere personas mediante "
            "amenaza, fuerza, violencia, rapto, fraude, engaño, abuso de poder o de una situación de "
            "vulnerabilidad, o la concesión de pagos o beneficios, con fines de explotación, será reprimido con "
            "prisión de cuatro a diez años.\n"
        )
    if lang == "pt":
        tail = (
            ("a) a entrada ilegal no país;\nb) a gravidez;\nc) a doença ou deficiência.\n")
            if closed
            else (
                "a) a entrada ilegal no país;\nb) qualquer outra situação em que a pessoa não "
                "tenha alternativa real senão submeter-se.\n"
            )
        )
        return (
            "Artigo 1\nPara efeitos da presente lei:\nEntende-se por abuso de uma situação de vulnerabilidade o "
            "aproveitamento da situação da pessoa resultante de:\n"
            + tail
            + "Artigo 5\nQuem recrutar, transportar, transferir, alojar ou acolher uma pessoa mediante ameaça, "
            "força, rapto, fraude, engano, abuso de autoridade ou de uma situação de vulnerabilidade, ou a "
            "entrega de pagamentos ou benefícios, para fins de exploração, é punido com pena de prisão de "
            "três a dez anos.\n"
        )
    if lang == "ar":
        tail = (
            ("أ - الدخول غير المشروع إلى الدولة.\nب - الحمل.\nج - المرض أو الإعاقة.\n")
            if closed
            else (
                "أ - الدخول غير المشروع إلى الدولة.\nب - أو غير ذلك من الحالات التي لا يكون فيها "
                "للشخص بديل حقيقي سوى الخضوع.\n"
            )
        )
        return (
            "المادة 1\nيقصد بالمصطلحات الآتية المعاني المبينة قرين كل منها:\nاستغلال حالة الضعف: استغلال وضع "
            "الشخص الناتج عن إحدى الحالات الآتية:\n"
            + tail
            + "المادة 2\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه أو استقباله بالتهديد أو القوة أو "
            "الاختطاف أو الاحتيال أو الخداع أو استغلال السلطة أو استغلال حالة الضعف أو إعطاء مبالغ مالية أو "
            "مزايا بقصد الاستغلال.\n"
        )
    tail = (
        ("а) незаконного въезда в страну;\nб) беременности;\nв) болезни или инвалидности.\n")
        if closed
        else ("а) незаконного въезда в страну;\nб) иных обстоятельств, при которых у лица нет реальной альтернативы.\n")
    )
    return (
        "Статья 1. Основные понятия\nВ настоящем Законе используются следующие основные понятия:\n"
        "использование уязвимого положения – использование положения лица, возникшего вследствие:\n"
        + tail
        + "Статья 5\nВербовка, перевозка, передача, укрывательство или получение человека с применением насилия "
        "или угрозы, похищения, обмана, злоупотребления уязвимым положением или подкупа лица, в целях его "
        "эксплуатации, наказываются лишением свободы на срок до десяти лет.\n"
    )


VULNERABILITY = [
    (lang, _vulnerability(lang, closed), "partial" if closed else "covered")
    for lang in ("en", "fr", "es", "ar", "ru", "pt")
    for closed in (True, False)
]

# -- Arabic cues: "sexual" must qualify exploitation; information on rights is not on proceedings --
ARABIC_CUES = [
    (
        "offence.exploitation-forms",
        "المادة 2\nيحظر الاتجار بأي شخص بما في ذلك استغلال ضعفه من أجل الاعتداء الجنسي أو السخرة أو الاسترقاق أو "
        "الممارسات الشبيهة بالرق أو الاستعباد أو نزع الأعضاء.\n",
        "partial",
    ),
    (
        "offence.exploitation-forms",
        "المادة 2\nيحظر الاتجار بأي شخص بقصد استغلاله جنسيا أو السخرة أو الاسترقاق أو الممارسات الشبيهة بالرق أو "
        "الاستعباد أو نزع الأعضاء.\n",
        "covered",
    ),
    ("victim.information", "المادة 15\n1 - إعلام المجني عليه بحقوقه النظامية بلغة يفهمها.\n", "partial"),
    ("victim.information", "المادة 15\n1 - إعلام المجني عليه بسير الدعوى بلغة يفهمها.\n", "covered"),
]

ROWS = (
    [("offence.organizing",) + r for r in WRONG_SENSE]
    + [("offence.documents",) + r for r in DOCUMENTS]
    + [("offence.accomplice",) + r for r in ACCOMPLICE]
    + [("offence.trafficking",) + r for r in VULNERABILITY]
    + [(k, "ar", t, v) for k, t, v in ARABIC_CUES]
)


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.mark.parametrize("key,lang,text,expected", ROWS, ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_reading_against_false_covered(model, key, lang, text, expected):
    check_key_verdict(model, text, lang, key, expected)
