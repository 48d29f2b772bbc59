"""Laws the tool has never seen: real excerpts, read by a lawyer, against the tool's verdict.

Every row is (fixture, language, key, expected verdict, reason). The fixture is a short excerpt of
a national law that is not in the labelled corpus (sources and cuts in
tests/fixtures/statutes/unseen/README.md); the expected verdict is what the excerpt, as it stands,
gives for the key ("what the law must contain", shared/reference/protections.csv), under the same
conventions as the corpus gold (a provision outside the excerpt does not count; a circumstance that
only raises a penalty is not an offence of its own: partial).

Every row passes today: the rows where the tool was first found wrong were fixed by a reading that
names its mechanism in the row's reason.
"""

from pathlib import Path

import pytest

from analysis import assess
from modellaw import resolve_model
from statutes import read_statute

FIX = Path(__file__).parents[1] / "fixtures" / "statutes"
RF = "unseen/ru-uk-rf-127-1-127-2"
RF_GP = "unseen/ru-uk-rf-29-33"
BY = "unseen/ru-by-law-350-z-art-20"
KZ = "unseen/ru-kz-law-110-viii-2024-art-1"

TABLE = [
    # -- Russian Federation, Criminal Code arts. 127.1-127.2 -------------------------------------
    (
        RF,
        "ru",
        "offence.trafficking",
        "covered",
        "sale and the five acts with a purpose of exploitation; no means required for anyone (broader than TIPP 3(a))",
    ),
    (
        RF,
        "ru",
        "offence.child-no-means",
        "covered",
        "no means are part of the offence, so for a child the act and the purpose suffice (TIPP 3(c))",
    ),
    (RF, "ru", "offence.consent-irrelevant", "missing", "nothing on the victim's consent"),
    (
        RF,
        "ru",
        "offence.exploitation-forms",
        "partial",
        "note 2: prostitution of others and other sexual exploitation, slave labour, servitude; organs only as an "
        "aggravated purpose (ч. 2 ж); forced labour not named - 'рабский труд' is slavery (ст. 127.2), and "
        "'принудительные работы' in the sanctions is a penalty",
    ),
    (
        RF,
        "ru",
        "offence.aggravating",
        "covered",
        "ч. 2-3: minor, official position, violence, organs, death or grave harm, organised group",
    ),
    (RF, "ru", "offence.organizing", "partial", "an organised group only raises the penalty (ч. 3 в)"),
    (
        RF,
        "ru",
        "victim.non-punishment",
        "missing",
        "note 1 exempts the offender who frees the victim ('освобождается от уголовной ответственности'), "
        "not the victim",
    ),
    (RF, "ru", "offence.attempt", "missing", "no attempt rule in these articles (general part, ст. 30, outside)"),
    (RF, "ru", "victim.compensation", "missing", "a criminal-code offence article holds no compensation scheme"),
    # -- Russian Federation, Criminal Code general part arts. 29, 33 -------------------------------
    (
        RF_GP,
        "ru",
        "offence.attempt",
        "covered",
        "ст. 29: attempt is an incomplete crime, punished under the article of the completed one",
    ),
    (
        RF_GP,
        "ru",
        "offence.organizing",
        "covered",
        "ст. 33 ч. 3: the organiser - who organised or directed the commission - is an accomplice in any crime",
    ),
    (
        RF_GP,
        "ru",
        "offence.aggravating",
        "missing",
        "the organised group and criminal community appear in the definition of the organiser, no penalty is raised",
    ),
    (RF_GP, "ru", "offence.trafficking", "missing", "no special-part offence"),
    # -- Belarus, Law 350-З of 2012, arts. 1 and 20 -----------------------------------------------
    (
        BY,
        "ru",
        "definition.victim",
        "covered",
        "'жертва торговли людьми - гражданин, в отношении которого совершены торговля людьми ...'",
    ),
    (
        BY,
        "ru",
        "definition.child",
        "missing",
        "age brackets for placement ('от трех до восемнадцати лет', 'достигшим восемнадцатилетнего возраста') "
        "define no child",
    ),
    (
        BY,
        "ru",
        "victim.assistance",
        "partial",
        "temporary accommodation with food and free legal aid; the medical, psychological and other forms are cut",
    ),
    (BY, "ru", "victim.compensation", "missing", "nothing on compensation in the excerpt"),
    (
        BY,
        "ru",
        "victim.special-needs-children",
        "missing",
        "children are only placed by age; no best interests, guardian or child procedures",
    ),
    # -- Kazakhstan, Law 110-VIII of 2024, art. 1 --------------------------------------------------
    (
        KZ,
        "ru",
        "offence.trafficking",
        "partial",
        "a framework law defining trafficking (acts, purpose, means 'в том числе') with no penalty: the "
        "offence is left to the Criminal Code (TIPP 5(1))",
    ),
    (
        KZ,
        "ru",
        "offence.aggravating",
        "missing",
        "a minor ('в том числе несовершеннолетнего') and the use of an official position are part of the "
        "definition, no penalty is raised",
    ),
    (KZ, "ru", "definition.victim", "missing", "the definition of the victim is not in the excerpt"),
    # -- other languages (excerpts in tests/fixtures/statutes/) -------------------------------------
    (
        "pt-pt-codigo-penal-160",
        "pt",
        "offence.child-no-means",
        "covered",
        "n.º 2: a minor recruited etc. 'por qualquer meio' for exploitation",
    ),
    ("pt-pt-codigo-penal-160", "pt", "offence.consent-irrelevant", "missing", "n.º 8 (consent) is cut"),
    (
        "pt-pt-codigo-penal-160",
        "pt",
        "offence.organizing",
        "partial",
        "'associação criminosa' only aggravates (n.º 4 d)",
    ),
    ("en-ph-ra-9208-s3", "en", "offence.consent-irrelevant", "covered", "'with or without the victim's consent'"),
    ("en-ph-ra-9208-s3", "en", "definition.child", "covered", "'(b) Child - refers to a person below eighteen'"),
    ("es-pa-codigo-penal-456a", "es", "offence.trafficking", "covered", "acts, means and purpose in art. 456-A"),
]

# Rows that were strict xfail until the mechanism behind each landed (round 3); each says the reading.
TABLE += [
    (
        RF,
        "ru",
        "offence.documents",
        "partial",
        "ч. 2 д names taking, hiding or destroying identity documents only as an aggravating circumstance "
        "('То же деяние, совершенное: ...'): reading context.documents-only-aggravate (Model Law arts. 9, 15)",
    ),
    (
        RF,
        "ru",
        "offence.use-of-services",
        "partial",
        "ст. 127.2 punishes using the labour of a person held as property (slavery) only, not the knowing use "
        "of a trafficking victim's services: element victim-known missing (Model Law art. 11)",
    ),
    (
        RF_GP,
        "ru",
        "offence.accomplice",
        "covered",
        "a general-part rule 'Соучастниками преступления ... признаются организатор, подстрекатель и пособник' "
        "deems participants accomplices in every crime (offence lexicon 'deeming'; Protocol art. 5(2)(b))",
    ),
    (
        "en-ph-ra-9208-s3",
        "en",
        "offence.use-of-services",
        "missing",
        "the words 'benefits', 'services' and 'knowledge' of the trafficking definition make no offence "
        "(hit filter defined_not_punished)",
    ),
    (
        "ar-eg-law-64-2010",
        "ar",
        "offence.aggravating",
        "missing",
        "the organised group is only defined (art. 1 (1)); no penalty is raised (hit filter defined_not_punished)",
    ),
    # The helper who wrote this row expected "missing"; the corpus gold reads the same structure as
    # partial (pe-ley-28950-2007: "no definition; 'niño, niña o adolescente' is undefined and the
    # under-18 threshold appears only in the aggravations"; ar-ley-26364-2008 likewise): the law sets
    # the age of 18 for a child victim without defining "child". Partial, by the corpus convention.
    (
        "es-pa-codigo-penal-456a",
        "es",
        "definition.child",
        "partial",
        "no definition of a child; the under-18 threshold appears only in the aggravating clause "
        "('La víctima sea una persona menor de dieciocho años'), as in the corpus gold for Peru art. 153-A",
    ),
    (
        "fr-lu-code-penal-382-1",
        "fr",
        "offence.trafficking",
        "covered",
        "acts 'en vue: ... 2) de l'exploitation' (reading offence.purpose-in-list) with no means required for "
        "anyone (reading offence.no-means-required): broader than Protocol art. 3(a)",
    ),
    (
        "pt-pt-codigo-penal-160",
        "pt",
        "offence.aggravating",
        "covered",
        "n.º 3 raises the penalty for a minor by reference ('No caso previsto no número anterior'): reading "
        "offence.child-aggravation-by-reference; death/harm, official and criminal association in n.º 4",
    ),
]


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


def _verdict(model, fixture, lang, key):
    st = read_statute(FIX / f"{fixture}.txt")
    assert st.language == lang
    return assess(st, model).key_verdicts()[key]


@pytest.mark.parametrize("fixture,lang,key,expected,reason", TABLE, ids=[f"{t[0]}:{t[2]}" for t in TABLE])
def test_unseen(model, fixture, lang, key, expected, reason):
    assert _verdict(model, fixture, lang, key) == expected, reason
