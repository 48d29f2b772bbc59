"""Scope readings of victim protections (analysis/readings/scope.py), one table per mechanism.

Each row is a short statute written in the style of real laws, its language, and what a
lawyer reads in it: an element found or not (hit filters), or a provision's verdict
(scope limits). Every mechanism has a row in each of the six languages, with the negative
(the limit or the wrong sense is there) next to the positive (it is not).
"""

from __future__ import annotations

import pytest

from analysis import assess
from modellaw import resolve_model
from statutes import parse_text

HEAD = {
    "en": "Section {n}",
    "fr": "Article {n}",
    "es": "Artículo {n}",
    "pt": "Artigo {n}",
    "ru": "Статья {n}",
    "ar": "المادة {n}",
}


def _statute(lang: str, *articles: str):
    text = "\n".join(f"{HEAD[lang].format(n=i + 1)}\n{body}" for i, body in enumerate(articles))
    return parse_text(text, lang)


def _verdict(lang: str, provision: str, *articles: str):
    a = assess(_statute(lang, *articles), resolve_model("tip-2009"))
    return next(v for v in a.verdicts if v.provision.id == provision)


def _found(lang: str, provision: str, element: str, *articles: str) -> bool:
    v = _verdict(lang, provision, *articles)
    return next(e for e in v.elements if e.id == element).found


# -- wrong sense: a cue word used in another legal sense does not count ----------------------
WRONG_SENSE = [
    # (lang, provision, element, text, found)
    (
        "en",
        "victim-safety",
        "physical-safety",
        "The pledging by a debtor of the personal services of the victim as security for a debt is debt bondage.",
        False,
    ),
    ("en", "victim-safety", "physical-safety", "The police shall ensure the security of the victim.", True),
    (
        "en",
        "victim-assistance",
        "legal",
        "The Attorney-General may grant mutual legal assistance to a foreign State.",
        False,
    ),
    ("en", "victim-assistance", "legal", "Victims shall receive free legal assistance.", True),
    (
        "fr",
        "victim-participation",
        "views-considered",
        "Au sens de la présente loi, on entend par victime toute personne ayant subi un préjudice.",
        False,
    ),
    (
        "fr",
        "victim-participation",
        "views-considered",
        "La victime est entendue par le juge à tous les stades de la procédure.",
        True,
    ),
    ("es", "victim-assistance", "legal", "El Estado prestará asistencia jurídica mutua a otros Estados.", False),
    ("es", "victim-assistance", "legal", "La víctima recibirá asistencia jurídica gratuita.", True),
    ("pt", "victim-assistance", "legal", "O Estado prestará assistência jurídica mútua a outros Estados.", False),
    ("pt", "victim-assistance", "legal", "A vítima receberá assistência jurídica gratuita.", True),
    ("ar", "victim-assistance", "legal", "تقدم الدولة المساعدة القانونية المتبادلة للدول الاخرى.", False),
    ("ar", "victim-assistance", "legal", "تقدم للمجني عليه المساعدة القانونية مجانا.", True),
    (
        "ru",
        "victim-assistance",
        "legal",
        "Российская Федерация оказывает взаимную правовую помощь иностранным государствам.",
        False,
    ),
    ("ru", "victim-assistance", "legal", "Жертве торговли людьми оказывается бесплатная юридическая помощь.", True),
]


@pytest.mark.parametrize("lang,provision,element,text,found", WRONG_SENSE)
def test_wrong_sense(lang, provision, element, text, found):
    assert _found(lang, provision, element, text) is found


# -- non-punishment must shield the victim, not offenders who report --------------------------
VICTIM_ONLY = [
    (
        "en",
        "Any offender who reports the offence to the authorities before it is discovered shall be "
        "exempt from the penalties for any offence under this Act.",
        False,
    ),
    (
        "en",
        "A victim of trafficking shall be exempt from punishment for any offence committed as a "
        "direct result of being trafficked.",
        True,
    ),
    (
        "fr",
        "Toute personne ayant pris part à une entente est exemptée de peine pour les infractions "
        "si elle les révèle aux autorités.",
        False,
    ),
    (
        "fr",
        "La victime de la traite est exemptée de peine pour les infractions commises du fait de sa situation.",
        True,
    ),
    ("es", "Quedará exento de pena por los delitos previstos el partícipe que los revele a la autoridad.", False),
    (
        "es",
        "La víctima de trata quedará exenta de pena por los delitos cometidos como resultado directo de la trata.",
        True,
    ),
    ("pt", "O coautor que revelar os fatos à autoridade está isento de pena pelos crimes previstos nesta Lei.", False),
    ("pt", "A vítima de tráfico está isenta de pena pelos crimes cometidos em consequência direta do tráfico.", True),
    ("ar", "يعفى من العقوبات المقررة للجرائم المنصوص عليها في هذا القانون كل من بادر من الجناة بابلاغ السلطات.", False),
    ("ar", "يعفى المجني عليه من العقوبات المقررة للجرائم التي ارتكبها نتيجة مباشرة للاتجار به.", True),
    (
        "ru",
        "Соучастник, добровольно сообщивший о преступлении, освобождается от уголовной ответственности "
        "за любые преступления, предусмотренные настоящей статьей.",
        False,
    ),
    (
        "ru",
        "Жертва торговли людьми освобождается от уголовной ответственности за любые преступления, "
        "совершенные в результате торговли людьми.",
        True,
    ),
]


@pytest.mark.parametrize("lang,text,found", VICTIM_ONLY)
def test_non_punishment_concerns_victims(lang, text, found):
    assert _found(lang, "art10-non-punishment", "unlawful-acts", text) is found


# -- child victims: a prevention guideline is not a rule for child victims --------------------
PREVENTION = [
    ("en", "Prevention measures shall take into account the best interests of the child.", False),
    (
        "en",
        "In all actions concerning child victims, the best interests of the child shall be a primary consideration.",
        True,
    ),
    ("fr", "Les mesures de prévention tiennent compte de l'intérêt supérieur de l'enfant.", False),
    (
        "fr",
        "Dans toute décision concernant un enfant victime, l'intérêt supérieur de l'enfant est une considération "
        "primordiale.",
        True,
    ),
    ("es", "Las medidas de prevención deberán considerar el interés superior del niño.", False),
    ("es", "En toda decisión relativa a una víctima menor de edad prevalecerá el interés superior del niño.", True),
    ("pt", "As medidas de prevenção considerarão o interesse superior da criança.", False),
    ("pt", "Em toda decisão relativa à criança vítima prevalecerá o interesse superior da criança.", True),
    ("ar", "تراعي تدابير الوقاية المصلحة الفضلى للطفل.", False),
    ("ar", "تراعى المصلحة الفضلى للطفل المجني عليه في جميع الاجراءات.", True),
    ("ru", "Меры профилактики учитывают наилучшие интересы ребенка.", False),
    ("ru", "При принятии решений в отношении ребенка, ставшего жертвой, учитываются наилучшие интересы ребенка.", True),
]


@pytest.mark.parametrize("lang,text,found", PREVENTION)
def test_best_interests_concern_child_victims(lang, text, found):
    assert _found(lang, "victim-child-special-needs", "best-interests", text) is found


# -- a penal article names the victim's safety as an aggravation, not a protection -----------
PENAL = [
    ("en", "The penalty shall be imprisonment for life where the offence endangers the security of the victim.", False),
    ("es", "Será reprimido con prisión de diez años cuando se ponga en peligro la seguridad de la víctima.", False),
    ("es", "El Estado garantiza la seguridad de la víctima y su protección frente a represalias.", True),
    ("ar", "يعاقب بالسجن المؤبد اذا ترتب على الجريمة تهديد امن المجني عليه وحمايته.", False),
    ("ar", "تتخذ تدابير حماية المجني عليه من الانتقام.", True),
]


@pytest.mark.parametrize("lang,text,found", PENAL)
def test_safety_not_in_penal_article(lang, text, found):
    assert _found(lang, "victim-safety", "physical-safety", text) is found


# -- scope limits: a protection for only some victims, or at discretion, is partial -----------
SAFETY_FOREIGN = {
    # lang: (limited text, unlimited text, witness-protection text)
    "en": (
        "Measures shall be taken to ensure the physical safety of foreign victims of trafficking.",
        "Measures shall be taken to ensure the physical safety of victims of trafficking.",
        "Victims who testify shall benefit from witness protection.",
    ),
    "fr": (
        "Des mesures sont prises pour assurer la sécurité physique des personnes étrangères victimes de la traite.",
        "Des mesures sont prises pour assurer la sécurité physique des victimes de la traite.",
        "Les victimes qui témoignent bénéficient de la protection des témoins.",
    ),
    "es": (
        "Se adoptarán medidas para garantizar la protección frente a represalias de las víctimas extranjeras.",
        "Se adoptarán medidas para garantizar la protección frente a represalias de las víctimas.",
        "Las víctimas que declaren serán incorporadas al programa de protección de testigos.",
    ),
    "pt": (
        "Serão adotadas medidas de proteção contra represálias às vítimas estrangeiras.",
        "Serão adotadas medidas de proteção contra represálias às vítimas.",
        "As vítimas que testemunharem serão incluídas no programa de proteção a testemunhas.",
    ),
    "ar": (
        "توفر الحماية الامنية للمجني عليه الاجنبي.",
        "توفر الحماية الامنية للمجني عليه.",
        "تكفل حماية الشهود من المجني عليهم.",
    ),
    "ru": (
        "Иностранные граждане, ставшие жертвами, обеспечиваются мерами безопасности потерпевших.",
        "Жертвы торговли людьми обеспечиваются мерами безопасности потерпевших.",
        "Потерпевшим, дающим показания, обеспечивается защита свидетелей.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SAFETY_FOREIGN))
def test_safety_for_foreign_victims_only_is_partial(lang):
    limited, unlimited, witnesses = SAFETY_FOREIGN[lang]
    v = _verdict(lang, "victim-safety", limited, witnesses)
    assert v.verdict == "partial" and "scope.foreign-only" in v.readings, v.notes
    assert _verdict(lang, "victim-safety", unlimited, witnesses).verdict == "covered"


RESIDENCE_DISCRETION = {
    # lang: (at an authority's discretion, as of right)
    "en": (
        "The Minister may, if he considers it necessary, grant a victim a temporary residence permit.",
        "A victim of trafficking shall be granted a temporary residence permit.",
    ),
    "fr": (
        "Le ministre peut, s'il l'estime nécessaire, délivrer à la victime une autorisation provisoire de séjour.",
        "La victime de la traite reçoit une autorisation provisoire de séjour.",
    ),
    "es": (
        "El juez podrá conceder a la víctima un permiso de residencia temporal.",
        "La víctima de trata tiene derecho a un permiso de residencia temporal.",
    ),
    "pt": (
        "O juiz poderá conceder à vítima autorização de residência temporária.",
        "A vítima de tráfico tem direito a autorização de residência temporária.",
    ),
    "ar": (
        "اذا كان المجني عليه اجنبيا وكانت هناك ضرورة لبقائه في المملكة فللادعاء العام او المحكمة تقدير ذلك.",
        "يمنح المجني عليه تصريح اقامة مؤقتة.",
    ),
    "ru": (
        "Суд может выдать жертве разрешение на временное проживание.",
        "Жертве торговли людьми выдается разрешение на временное проживание.",
    ),
}


@pytest.mark.parametrize("lang", sorted(RESIDENCE_DISCRETION))
def test_residence_at_discretion_is_partial(lang):
    discretionary, of_right = RESIDENCE_DISCRETION[lang]
    v = _verdict(lang, "victim-residence", discretionary)
    assert v.verdict == "partial" and "scope.discretion" in v.readings, v.notes
    assert _verdict(lang, "victim-residence", of_right).verdict == "covered"


SAFETY_COOPERATION = {
    "en": (
        "Victims who cooperate with the authorities shall be protected from retaliation.",
        "Victims shall be protected from retaliation, regardless of whether they cooperate with the authorities.",
    ),
    "fr": (
        "Les victimes qui coopèrent avec les autorités bénéficient d'une protection contre les représailles.",
        "Les victimes bénéficient d'une protection contre les représailles.",
    ),
    "es": (
        "Las víctimas que colaboren con las autoridades recibirán protección frente a represalias.",
        "Las víctimas recibirán protección frente a represalias, independientemente de que colaboren con las "
        "autoridades.",
    ),
    "pt": (
        "As vítimas que colaborarem com as autoridades receberão proteção contra represálias.",
        "As vítimas receberão proteção contra represálias.",
    ),
    "ar": (
        "توفر الحماية الامنية للمجني عليه الذي يتعاون مع السلطات.",
        "توفر الحماية الامنية للمجني عليه بغض النظر عن تعاونه مع السلطات.",
    ),
    "ru": (
        "Потерпевшим, сотрудничающим с правоохранительными органами, обеспечиваются меры безопасности потерпевших.",
        "Потерпевшим независимо от сотрудничества с правоохранительными органами обеспечиваются меры безопасности "
        "потерпевших.",
    ),
}
WITNESSES = {lang: texts[2] for lang, texts in SAFETY_FOREIGN.items()}


@pytest.mark.parametrize("lang", sorted(SAFETY_COOPERATION))
def test_safety_only_for_cooperating_victims_is_partial(lang):
    conditional, unconditional = SAFETY_COOPERATION[lang]
    v = _verdict(lang, "victim-safety", conditional, WITNESSES[lang])
    assert v.verdict == "partial" and "scope.cooperation" in v.readings, v.notes
    assert _verdict(lang, "victim-safety", unconditional, WITNESSES[lang]).verdict == "covered"


COMPENSATION_SECURED = {
    # lang: (assets only held to secure reparation, a compensation order)
    "en": (
        "The court shall order the freezing of the assets necessary for the compensation of the victim's damage.",
        "The court shall order the offender to pay compensation to the victim for the damage suffered.",
    ),
    "fr": (
        "Le juge ordonne la saisie des biens nécessaires à la réparation du préjudice de la victime.",
        "Le tribunal condamne l'auteur à la réparation du préjudice subi par la victime.",
    ),
    "es": (
        "El juez ordenará el embargo de los bienes necesarios para la reparación del daño a la víctima.",
        "La sentencia condenatoria ordenará la reparación del daño causado a la víctima.",
    ),
    "pt": (
        "O juiz manterá a constrição dos bens necessários à reparação dos danos causados à vítima.",
        "A sentença fixará valor mínimo para reparação dos danos causados à vítima.",
    ),
    "ar": (
        "تأمر المحكمة بتجميد الاموال اللازمة لجبر الضرر وتعويض المجني عليه.",
        "تلزم المحكمة الجاني بتعويض المجني عليه عن الضرر.",
    ),
    "ru": (
        "Суд налагает арест на имущество, необходимое для возмещения вреда потерпевшему.",
        "Суд взыскивает с осужденного возмещение вреда потерпевшему.",
    ),
}


@pytest.mark.parametrize("lang", sorted(COMPENSATION_SECURED))
def test_assets_held_for_reparation_are_partial_compensation(lang):
    secured, order = COMPENSATION_SECURED[lang]
    v = _verdict(lang, "victim-compensation", secured)
    assert v.verdict == "partial" and "scope.secured-assets" in v.readings, v.notes
    assert _verdict(lang, "victim-compensation", order).verdict == "covered"


SAFETY_PROCEEDINGS = {
    "en": "During the trial, measures shall be taken to ensure the physical safety of victims of trafficking.",
    "fr": "Pendant la durée de la procédure, des mesures sont prises pour assurer la sécurité physique des victimes.",
    "es": "Durante el proceso, las víctimas recibirán protección frente a represalias.",
    "pt": "Durante o processo, as vítimas receberão proteção contra represálias.",
    "ar": "توفر الحماية الامنية للمجني عليه اثناء التحقيق.",
    "ru": "В ходе предварительного следствия жертвы обеспечиваются мерами безопасности потерпевших.",
}


@pytest.mark.parametrize("lang", sorted(SAFETY_PROCEEDINGS))
def test_safety_only_while_proceedings_last_is_partial(lang):
    v = _verdict(lang, "victim-safety", SAFETY_PROCEEDINGS[lang], WITNESSES[lang])
    assert v.verdict == "partial" and "scope.proceedings-only" in v.readings, v.notes
