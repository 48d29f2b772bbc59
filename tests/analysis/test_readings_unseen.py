"""Readings found on laws the tool had never seen (round 3), per language.

Each row is a short statute written for the test in the style of real laws, the key read, and the
verdict a lawyer gives it. Every mechanism has rows in en fr es ar ru pt, positive and negative:

- a document offence found only in the list of aggravating circumstances ("the same act
  committed ...") is an aggravating circumstance, not an offence (Model Law arts. 9, 15): partial;
- the use of a victim's services (Model Law art. 11; CoE Convention art. 19): using slave or forced
  labour only, or only a victim's sexual services, is partial; the knowing use of a trafficking
  victim's services is covered;
- a general-part rule deeming persons accomplices makes participation punishable (Protocol
  art. 5(2)(b)), with no penalty in its own sentence;
- a definition raises no penalty and makes no offence: an organised group only defined is no
  aggravating circumstance (Model Law art. 9);
- the purpose written as a list after "en vue :" / "with a view to:" (Protocol art. 3(a)), and an
  offence needing no means at all, are covered;
- a definition of trafficking with no offence or penalty stated anywhere defines, it does not
  criminalise (Protocol art. 5(1)): partial;
- a penalty raised for the offence against a minor by reference to the preceding paragraph is the
  child-victim aggravation (Model Law art. 9(a)).
"""

import pytest

from analysis import assess
from modellaw import resolve_model
from statutes import parse_text
from tests.analysis.verdicts import check_key_verdict

# -- document handling only among the aggravating circumstances (Model Law arts. 9, 15) --------
DOCS_AGGRAVATING = [
    (
        "en",
        "Section 4\n(1) A person who recruits, transports or harbours another person for the purpose of "
        "exploitation commits an offence and is liable to imprisonment for ten years.\n(2) The same act "
        "committed—\n(a) against a child; or\n(b) by destroying or concealing the passport or identity "
        "document of the victim,\nis punishable by imprisonment for twenty years.\n",
        "partial",
    ),
    (
        "en",
        "Section 4\n(1) The same act committed against a child is punishable by imprisonment for twenty "
        "years.\nSection 8\nA person who destroys, conceals or withholds the passport or identity document of "
        "another person commits an offence and is liable to imprisonment for five years.\n",
        "covered",
    ),
    (
        "fr",
        "Article 4\nLe même fait commis :\n1) contre un mineur ;\n2) avec destruction ou dissimulation des "
        "documents d'identité de la victime,\nest puni de quinze ans de réclusion.\n",
        "partial",
    ),
    (
        "fr",
        "Article 15\nQuiconque détruit, dissimule ou confisque le passeport ou la pièce d'identité d'autrui est "
        "puni de cinq ans d'emprisonnement.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 4\nEl mismo hecho, cometido:\na) contra un menor de edad;\nb) con destrucción u ocultación "
        "del pasaporte o documento de identidad de la víctima,\nserá reprimido con prisión de diez a quince "
        "años.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 15\nEl que destruya, oculte o retenga el pasaporte o el documento de identidad de otra persona "
        "será reprimido con prisión de dos a cinco años.\n",
        "covered",
    ),
    (
        "ar",
        "المادة 4\nيعاقب بالسجن المؤبد على نفس الفعل إذا ارتكب بإتلاف أو إخفاء جواز سفر المجني عليه أو وثائق هويته.\n",
        "partial",
    ),
    ("ar", "المادة 15\nيعاقب بالحبس كل من قام بإتلاف أو إخفاء أو حجز جواز سفر شخص آخر أو وثائق هويته.\n", "covered"),
    (
        "ru",
        "Статья 5\n2. То же деяние, совершенное:\nа) в отношении несовершеннолетнего;\nб) с изъятием, сокрытием "
        "либо уничтожением документов, удостоверяющих личность потерпевшего, -\nнаказывается лишением свободы "
        "на срок от трех до десяти лет.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 15\nУничтожение, сокрытие или изъятие паспорта или иного документа, удостоверяющего личность "
        "другого человека, наказывается лишением свободы на срок до трех лет.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 4\nA mesma conduta, cometida:\na) Contra menor;\nb) Com destruição ou ocultação do passaporte "
        "ou documento de identidade da vítima,\né punida com pena de prisão de cinco a quinze anos.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 15\nQuem destruir, ocultar ou retiver o passaporte ou documento de identidade de outra pessoa é "
        "punido com pena de prisão até cinco anos.\n",
        "covered",
    ),
]

# -- the use of a victim's services (Model Law art. 11; CoE Convention art. 19) ---------------
USE_OF_SERVICES = [
    # slave or forced labour only: the conduct, not the knowing use of a trafficking victim
    (
        "en",
        "Section 6\nA person who knowingly uses the forced labour of another person commits an offence and is "
        "liable to imprisonment for five years.\n",
        "partial",
    ),
    (
        "en",
        "Section 6\nA person who uses the labour or services of a person, knowing that the person is a victim "
        "of trafficking, commits an offence and is liable to imprisonment for five years.\n",
        "covered",
    ),
    (
        "en",
        "Section 6\nA person who knowingly uses the sexual services of a victim of trafficking commits an "
        "offence and is liable to imprisonment for five years.\n",
        "partial",
    ),
    (
        "fr",
        "Article 6\nQuiconque utilise sciemment le travail forcé d'autrui est puni de cinq ans d'emprisonnement.\n",
        "partial",
    ),
    (
        "fr",
        "Article 6\nQuiconque a recours aux services d'une personne en sachant qu'elle est victime de la traite "
        "est puni de cinq ans d'emprisonnement.\n",
        "covered",
    ),
    (
        "fr",
        "Article 6\nQuiconque sollicite des relations sexuelles d'une victime de la traite en connaissance de "
        "cause est puni de cinq ans d'emprisonnement.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 6\nEl que utilice trabajos forzosos de otra persona será reprimido con prisión de dos a cinco "
        "años.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 6\nEl que, a sabiendas, utilice los servicios de una víctima de trata será reprimido con "
        "prisión de dos a cinco años.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 6\nEl que, a sabiendas, utilice los servicios sexuales de una víctima de trata será "
        "reprimido con prisión de dos a cinco años.\n",
        "partial",
    ),
    ("ar", "المادة 6\nيعاقب بالحبس كل من استخدم شخصا في السخرة.\n", "partial"),
    (
        "ar",
        "المادة 6\nيعاقب بالحبس كل من استخدم خدمات ضحية الاتجار بالأشخاص مع علمه بذلك.\n",
        "covered",
    ),
    (
        "ar",
        "المادة 6\nيعاقب بالحبس كل من استخدم خدمات جنسية لضحية الاتجار بالأشخاص مع علمه بذلك.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 7\nИспользование труда человека, в отношении которого осуществляются полномочия, присущие праву "
        "собственности, наказывается лишением свободы на срок до пяти лет.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 7\nИспользование услуг лица, заведомо являющегося жертвой торговли людьми, наказывается лишением "
        "свободы на срок до пяти лет.\n",
        "covered",
    ),
    (
        "ru",
        "Статья 7\nИспользование сексуальных услуг лица, заведомо являющегося жертвой торговли людьми, "
        "наказывается лишением свободы на срок до пяти лет.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 6\nQuem utilizar trabalho escravo é punido com pena de prisão até cinco anos.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 6\nQuem, tendo conhecimento da prática do crime de tráfico de pessoas, utilizar os serviços da "
        "vítima é punido com pena de prisão até cinco anos.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 6\nQuem, tendo conhecimento da prática do crime de tráfico de pessoas, utilizar os serviços "
        "sexuais da vítima é punido com pena de prisão até cinco anos.\n",
        "partial",
    ),
    # the words of the definition of trafficking make no offence
    (
        "en",
        "Section 2\nIn this Act—\n“trafficking” means the recruitment or receipt of persons with or without the "
        "victim's knowledge, by the giving of benefits, for forced labour or services.\n",
        "missing",
    ),
]

# -- a general-part rule deeming persons accomplices (Protocol art. 5(2)(b)) --------------------
DEEMING = [
    (
        "en",
        "Section 20\nEvery person who aids or abets another person in the commission of an offence is deemed "
        "to be an accomplice.\n",
        "covered",
    ),
    (
        "en",
        "Section 20\nThe consent of the victim is irrelevant where any of the means has been used by the "
        "offender or an accomplice.\n",
        "partial",
    ),
    (
        "fr",
        "Article 20\nSont considérés comme complices d'une infraction ceux qui ont, avec connaissance, aidé ou "
        "assisté l'auteur dans les faits qui l'ont facilitée.\n",
        "covered",
    ),
    (
        "fr",
        "Article 20\nLe consentement de la victime est indifférent à l'égard de l'auteur et du complice.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 20\nSe consideran cómplices los que cooperan a la ejecución del hecho con actos anteriores o "
        "simultáneos.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 20\nEl consentimiento de la víctima no exime de responsabilidad a los autores y cómplices.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 20\nيعد شريكا في الجريمة كل من ساعد الفاعل في الأعمال المسهلة لارتكابها.\n",
        "covered",
    ),
    (
        "ar",
        "المادة 20\nلا يعتد برضاء المجني عليه إذا استعمل الفاعل أو الشريك أيا من الوسائل.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 33\n1. Соучастниками преступления наряду с исполнителем признаются организатор, подстрекатель и "
        "пособник.\n",
        "covered",
    ),
    (
        "ru",
        "Статья 20\nСогласие жертвы не учитывается, если исполнитель или пособник применил насилие.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 27\nConsidera-se cúmplice quem, dolosamente e por qualquer forma, prestar auxílio material ou "
        "moral à prática por outrem de um facto doloso.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 20\nO consentimento da vítima não exclui a ilicitude do facto praticado pelo autor ou pelo cúmplice.\n",
        "partial",
    ),
]

# -- a circumstance only defined raises no penalty (Model Law art. 9) --------------------------
DEFINED_GROUP = [
    (
        "en",
        "Section 2\nIn this Act—\n“organised criminal group” means a structured group of three or more persons "
        "acting in concert to commit serious crimes.\n",
        "missing",
    ),
    (
        "en",
        "Section 9\nWhere the offence is committed by an organised criminal group, the offender is liable to "
        "imprisonment for life.\n",
        "partial",
    ),
    (
        "fr",
        "Article 1\nAu sens de la présente loi, on entend par :\n1. « groupe criminel organisé » : un groupe "
        "structuré de trois personnes ou plus agissant de concert.\n",
        "missing",
    ),
    (
        "fr",
        "Article 9\nLa peine est de trente ans de réclusion lorsque l'infraction est commise en bande organisée.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 1\nPara los efectos de esta ley se entiende por:\na) Grupo delictivo organizado: un grupo "
        "estructurado de tres o más personas que actúe concertadamente.\n",
        "missing",
    ),
    (
        "es",
        "Artículo 9\nLa pena será de quince a veinte años de prisión cuando el hecho fuere cometido por un grupo "
        "delictivo organizado.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 1\nيقصد بالعبارات الآتية المعاني المبينة قرين كل منها:\n1 - الجماعة الإجرامية المنظمة:\n"
        "الجماعة المؤلفة من ثلاثة أشخاص على الأقل للعمل بصفة مستمرة.\n",
        "missing",
    ),
    (
        "ar",
        "المادة 9\nتكون العقوبة السجن المؤبد إذا ارتكبت الجريمة من جماعة إجرامية منظمة.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 1\nВ настоящем Законе используются следующие основные понятия:\n1) организованная группа - "
        "устойчивая группа лиц, заранее объединившихся для совершения преступлений.\n",
        "missing",
    ),
    (
        "ru",
        "Статья 9\nТо же деяние, совершенное организованной группой, наказывается лишением свободы на срок до "
        "пятнадцати лет.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 1\nPara efeitos da presente lei, entende-se por:\na) «Grupo criminoso organizado», o grupo "
        "estruturado de três ou mais pessoas que actue concertadamente.\n",
        "missing",
    ),
    (
        "pt",
        "Artigo 9\nA pena é agravada de um terço se o crime for cometido por grupo criminoso organizado.\n",
        "partial",
    ),
]

# -- the purpose as a list, and an offence needing no means (Protocol art. 3(a)) ----------------
PURPOSE_LIST = [
    (
        "en",
        "Section 3\n(1) A person who recruits, transports, harbours or receives another person with a view to:\n"
        "(a) the sexual exploitation of that person; or\n(b) the exploitation of the labour of that person,\n"
        "commits an offence and is liable to imprisonment for ten years.\n",
        "covered",
    ),
    (
        "en",
        "Section 3\n(1) A person who recruits, transports, harbours or receives another person by threat or "
        "deception commits an offence and is liable to imprisonment for ten years.\n",
        "partial",
    ),
    (
        "fr",
        "Article 3\nConstitue l'infraction de traite le fait de recruter, de transporter, d'héberger ou "
        "d'accueillir une personne, en vue:\n1) de la commission contre elle d'infractions de proxénétisme;\n"
        "2) de l'exploitation de son travail ou de ses services.\nCette infraction est punie de cinq ans "
        "d'emprisonnement.\n",
        "covered",
    ),
    (
        "fr",
        "Article 3\nConstitue l'infraction de traite le fait de recruter, de transporter, d'héberger ou "
        "d'accueillir une personne par menace ou tromperie. Cette infraction est punie de cinq ans "
        "d'emprisonnement.\n",
        "partial",
    ),
    (
        "es",
        "Artículo 3\nEl que capte, transporte, traslade, acoja o reciba a una persona con el fin de:\na) su "
        "explotación sexual;\nb) su explotación laboral,\nserá reprimido con prisión de ocho a doce años.\n",
        "covered",
    ),
    (
        "es",
        "Artículo 3\nEl que capte, transporte, traslade, acoja o reciba a una persona mediante engaño o "
        "violencia será reprimido con prisión de ocho a doce años.\n",
        "partial",
    ),
    (
        "ar",
        "المادة 3\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه أو استقباله بقصد:\n1 - استغلاله "
        "جنسيا.\n2 - استغلاله في العمل.\n",
        "covered",
    ),
    (
        "ar",
        "المادة 3\nيعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه أو استقباله بالتهديد أو الخداع.\n",
        "partial",
    ),
    (
        "ru",
        "Статья 3\n1. Вербовка, перевозка, передача, укрывательство или получение человека в целях:\n"
        "а) его сексуальной эксплуатации;\nб) эксплуатации его труда, -\nнаказываются лишением свободы на срок "
        "до шести лет.\n",
        "covered",
    ),
    (
        "ru",
        "Статья 3\n1. Вербовка, перевозка, передача, укрывательство или получение человека путем обмана "
        "наказываются лишением свободы на срок до шести лет.\n",
        "partial",
    ),
    (
        "pt",
        "Artigo 3\n1 - Quem recrutar, transportar, alojar ou acolher pessoa para fins de:\na) Exploração "
        "sexual;\nb) Exploração do trabalho;\né punido com pena de prisão de três a dez anos.\n",
        "covered",
    ),
    (
        "pt",
        "Artigo 3\n1 - Quem recrutar, transportar, alojar ou acolher pessoa por meio de violência ou ameaça "
        "é punido com pena de prisão de três a dez anos.\n",
        "partial",
    ),
]

# -- the child-victim aggravation by reference (Model Law art. 9(a)) ----------------------------
CHILD_BY_REFERENCE = [
    (
        "en",
        "Section 5\n(1) A person who recruits, transports or harbours a child for the purpose of exploitation "
        "commits an offence.\n(2) In the case of the preceding subsection, where the offender uses force, the "
        "offender is liable to imprisonment for twenty years.\n",
        True,
    ),
    (
        "en",
        "Section 5\n(1) A person who recruits, transports or harbours an adult for the purpose of exploitation "
        "commits an offence.\n(2) In the case of the preceding subsection, where the offender uses force, the "
        "offender is liable to imprisonment for twenty years.\n",
        False,
    ),
    (
        "fr",
        "Article 5\n1. Le fait de recruter, transporter ou héberger un mineur aux fins d'exploitation constitue "
        "une infraction.\n2. Dans le cas prévu à l'alinéa précédent, l'auteur qui use de violence est puni de "
        "vingt ans de réclusion.\n",
        True,
    ),
    (
        "fr",
        "Article 5\n1. Le fait de recruter, transporter ou héberger un mineur aux fins d'exploitation constitue "
        "une infraction.\n2. Dans le cas prévu à l'alinéa précédent, la peine est réduite de moitié pour "
        "l'auteur qui libère la victime.\n",
        False,
    ),
    (
        "es",
        "Artículo 5\n1. El que capte, traslade o acoja a un menor con fines de explotación comete delito.\n2. En "
        "el caso del párrafo anterior, si el autor empleare violencia, será reprimido con prisión de veinte "
        "años.\n",
        True,
    ),
    (
        "es",
        "Artículo 5\n1. El que capte, traslade o acoja a una persona adulta con fines de explotación comete "
        "delito.\n2. En el caso del párrafo anterior, si el autor empleare violencia, será reprimido con prisión "
        "de veinte años.\n",
        False,
    ),
    (
        "ar",
        "المادة 5\n1 - يعاقب بالسجن كل من قام بتجنيد طفل أو نقله أو إيوائه بقصد استغلاله.\n2 - وفي الحالة "
        "المنصوص عليها في الفقرة السابقة تكون العقوبة السجن المؤبد إذا استعمل الجاني القوة.\n",
        True,
    ),
    (
        "ar",
        "المادة 5\n1 - يعاقب بالسجن كل من قام بتجنيد شخص أو نقله أو إيوائه بقصد استغلاله.\n2 - وفي الحالة "
        "المنصوص عليها في الفقرة السابقة تكون العقوبة السجن المؤبد إذا استعمل الجاني القوة.\n",
        False,
    ),
    (
        "ru",
        "Статья 5\n1. Вербовка, перевозка или укрывательство несовершеннолетнего в целях его эксплуатации "
        "наказываются лишением свободы на срок до восьми лет.\n2. Деяние, предусмотренное предыдущей частью, "
        "совершенное с применением насилия, наказывается лишением свободы на срок до пятнадцати лет.\n",
        True,
    ),
    (
        "ru",
        "Статья 5\n1. Вербовка, перевозка или укрывательство человека в целях его эксплуатации наказываются "
        "лишением свободы на срок до восьми лет.\n2. Деяние, предусмотренное предыдущей частью, совершенное с "
        "применением насилия, наказывается лишением свободы на срок до пятнадцати лет.\n",
        False,
    ),
    (
        "pt",
        "Artigo 5\n1 - Quem recrutar, transportar ou acolher menor para fins de exploração é punido com pena de "
        "prisão de três a dez anos.\n2 - No caso previsto no número anterior, se o agente utilizar violência, é "
        "punido com pena de prisão de três a doze anos.\n",
        True,
    ),
    (
        "pt",
        "Artigo 5\n1 - Quem recrutar, transportar ou acolher menor para fins de exploração é punido com pena de "
        "prisão de três a dez anos.\n2 - No caso previsto no número anterior, a pena é especialmente atenuada se "
        "o agente libertar a vítima.\n",
        False,
    ),
]

# -- a definition of trafficking with no offence or penalty stated (Protocol art. 5(1)) ---------
_PENALTY = {
    "en": "A person who commits trafficking in persons is liable to imprisonment for twenty years.",
    "fr": "La traite des personnes est punie de vingt ans de réclusion.",
    "es": "La trata de personas será reprimida con prisión de ocho a quince años.",
    "ar": "يعاقب بالسجن كل من ارتكب جريمة الاتجار بالأشخاص.",
    "ru": "Торговля людьми наказывается лишением свободы на срок до пятнадцати лет.",
    "pt": "O tráfico de pessoas é punido com pena de prisão de três a dez anos.",
}
_DEFINITION = {
    "en": "Section 2\n“Trafficking in persons” means the recruitment, transportation, transfer, harbouring or "
    "receipt of persons, by means of threat, force, coercion, abduction, fraud, deception, abuse of power or of "
    "a position of vulnerability, or the giving of payments or benefits to achieve the consent of a person "
    "having control over another person, for the purpose of exploitation.\n",
    "fr": "Article 2\nOn entend par traite des personnes le recrutement, le transport, le transfert, "
    "l'hébergement ou l'accueil de personnes, par la menace, la force, la contrainte, l'enlèvement, la fraude, "
    "la tromperie, l'abus d'autorité ou d'une situation de vulnérabilité, ou l'offre de paiements ou "
    "d'avantages pour obtenir le consentement d'une personne ayant autorité sur une autre, aux fins "
    "d'exploitation.\n",
    "es": "Artículo 2\nSe entiende por trata de personas la captación, el transporte, el traslado, la acogida "
    "o la recepción de personas, mediante amenaza, fuerza, coacción, rapto, fraude, engaño, abuso de poder o de "
    "una situación de vulnerabilidad, o la concesión de pagos o beneficios para obtener el consentimiento de "
    "una persona que tenga autoridad sobre otra, con fines de explotación.\n",
    "ar": "المادة 2\nيقصد بالاتجار بالأشخاص تجنيد أشخاص أو نقلهم أو إيواؤهم أو استقبالهم بواسطة التهديد "
    "بالقوة أو استعمالها أو الاختطاف أو الاحتيال أو الخداع أو استغلال السلطة أو استغلال حالة الضعف أو بإعطاء "
    "أو تلقي مبالغ مالية أو مزايا لنيل موافقة شخص له سيطرة على شخص آخر لغرض الاستغلال.\n",
    "ru": "Статья 2\nПод торговлей людьми понимаются вербовка, перевозка, передача, укрывательство или "
    "получение людей путем угрозы силой, насилия, принуждения, похищения, мошенничества, обмана, "
    "злоупотребления властью или уязвимостью положения, либо путем подкупа в виде платежей или выгод для "
    "получения согласия лица, контролирующего другое лицо, в целях эксплуатации.\n",
    "pt": "Artigo 2\nEntende-se por tráfico de pessoas o recrutamento, o transporte, a transferência, o "
    "alojamento ou o acolhimento de pessoas, por meio de ameaça, força, coação, rapto, fraude, engano, abuso de "
    "autoridade ou de uma situação de vulnerabilidade, ou da entrega de pagamentos ou benefícios para obter o "
    "consentimento de uma pessoa que tenha autoridade sobre outra, para fins de exploração.\n",
}
DEFINITION_ONLY = [(lang, text, "partial") for lang, text in _DEFINITION.items()] + [
    (lang, text + _PENALTY[lang] + "\n", "covered") for lang, text in _DEFINITION.items()
]

ROWS = (
    [("offence.documents",) + r for r in DOCS_AGGRAVATING]
    + [("offence.use-of-services",) + r for r in USE_OF_SERVICES]
    + [("offence.accomplice",) + r for r in DEEMING]
    + [("offence.aggravating",) + r for r in DEFINED_GROUP]
    + [("offence.trafficking",) + r for r in PURPOSE_LIST]
    + [("offence.trafficking",) + r for r in DEFINITION_ONLY]
)


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.mark.parametrize("key,lang,text,expected", ROWS, ids=[f"{r[0]}-{r[1]}-{i}" for i, r in enumerate(ROWS)])
def test_reading_unseen(model, key, lang, text, expected):
    check_key_verdict(model, text, lang, key, expected)


@pytest.mark.parametrize(
    "lang,text,child", CHILD_BY_REFERENCE, ids=[f"{r[0]}-{i}" for i, r in enumerate(CHILD_BY_REFERENCE)]
)
def test_child_aggravation_by_reference(model, lang, text, child):
    a = assess(parse_text(text, lang), model)
    v = next(v for v in a.verdicts if v.provision.id == "art9-aggravating")
    el = next(e for e in v.elements if e.id == "child-victim")
    assert el.found == child, (v.verdict, v.notes)
