"""The 2009 UNODC Model Law as encoded in modellaw/models/unodc-tip-2009.xml.

Checked against copies of the two verified reference tables (tests/fixtures/reference/,
copied from shared/reference/): article titles, chapters and statuses, the protection
keys, and the honesty rules of docs/model-format.md (provenance, verified, article numbers).
"""

import csv
import re
from pathlib import Path

import pytest

from modellaw import load_model

ROOT = Path(__file__).parents[2]
MODEL = ROOT / "modellaw" / "models" / "unodc-tip-2009.xml"
REF = Path(__file__).parents[1] / "fixtures" / "reference"


def _rows(name):
    with open(REF / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


ARTICLES = _rows("modellaw-2009-articles.csv")
PROTECTIONS = _rows("protections.csv")
# Keys this part of the model must carry: every key the CSV ties to Articles 1-17, plus the two
# Convention keys without a Model Law article number (legal persons, confiscation).
CRIMINAL_KEYS = [r["key"] for r in PROTECTIONS if r["model_law_2009_article"].strip()] + [
    "offence.legal-persons",
    "confiscation.proceeds",
]


@pytest.fixture(scope="module")
def model():
    return load_model(MODEL)


def _by_article(model, art):
    return [p for p in model.provisions if p.article == art]


def test_header(model):
    assert (model.id, model.version, model.year) == ("unodc-tip-2009", "2009", "2009")
    assert model.title == "Model Law against Trafficking in Persons"
    assert "E.09.V.11" in model.citation and "Vienna, 2009" in model.citation


@pytest.mark.parametrize("row", ARTICLES, ids=[f"art{r['article']}" for r in ARTICLES])
def test_articles_1_to_17_match_the_reference_table(model, row):
    provs = _by_article(model, row["article"])
    assert provs, f"no provision for Article {row['article']}"
    chapter_id, chapter_title = (s.strip() for s in row["chapter"].split(".", 1))
    assert dict(model.chapters)[chapter_id] == chapter_title
    for p in provs:
        assert p.title == row["title"], p.id  # exactly, brackets included
        assert p.chapter == chapter_id, p.id
        assert p.basis == "model-law-text" and p.verified, p.id
        if row["status"].strip():
            assert p.status == row["status"].strip(), p.id


def test_articles_1_to_5_are_general(model):
    for art in "12345":
        assert {p.status for p in _by_article(model, art)} == {"general"}, art


def test_article_statuses_without_csv_status_follow_the_protection_key(model):
    status = {r["key"]: r["status"] for r in PROTECTIONS}
    for row in ARTICLES:
        if row["status"].strip():
            continue
        for p in _by_article(model, row["article"]):
            assert all(p.status == status[k] for k in p.keys if k in status), p.id
            assert "protections.csv" in p.provenance, p.id  # says where the status came from


def test_all_protection_keys_are_declared_as_in_the_reference(model):
    declared = {k.id: k for k in model.keys}
    for r in PROTECTIONS:
        k = declared.get(r["key"])
        assert k is not None, r["key"]
        assert k.status == r["status"].strip(), r["key"]
        assert k.source == r["protocol_source"].strip(), r["key"]
        assert k.text == r["what the law must contain (our words)"].strip(), r["key"]


def test_keys_added_beyond_the_reference_are_general_and_used(model):
    reference = {r["key"] for r in PROTECTIONS}
    carried = {k for p in model.provisions for k in p.keys}
    for k in model.keys:
        if k.id not in reference:
            assert k.status == "general", k.id
            assert k.id in carried, k.id


@pytest.mark.parametrize("key", CRIMINAL_KEYS)
def test_criminal_law_keys_are_carried(model, key):
    assert any(key in p.keys for p in model.provisions), key


def test_every_protection_key_is_carried_once_the_victim_fragment_is_merged(model):
    carried = {k for p in model.provisions for k in p.keys}
    rest = [r["key"] for r in PROTECTIONS if r["key"] not in CRIMINAL_KEYS]
    if not carried & set(rest):
        pytest.skip("victim-protection/prevention/cooperation fragment not merged into the model yet")
    assert [k for k in rest if k not in carried] == []


def test_a_provision_carries_keys_of_one_status(model):
    # a key is as covered as the weakest provision carrying it: no provision mixes keys whose
    # coverage would be judged differently (here: of different treaty status)
    status = {k.id: k.status for k in model.keys}
    for p in model.provisions:
        assert len({status[k] for k in p.keys}) == 1, p.id


def test_provenance_and_verification_are_honest(model):
    for p in model.provisions:
        assert p.provenance.strip() and p.status_basis.strip() and p.summary.strip(), p.id
        if p.verified:
            assert p.basis == "model-law-text", p.id
        if p.basis == "model-law-text":
            assert p.article is not None and any(r["article"] == p.article for r in ARTICLES), p.id
        if p.article is None:
            assert not p.verified, p.id
        if p.basis == "secondary-source":
            assert not p.verified and re.search(r"https?://", p.provenance), p.id


def test_unnumbered_and_secondary_source_provisions(model):
    legal = model.find("offence.legal-persons")
    assert legal.article is None and not legal.verified and legal.chapter == "IV"
    conf = model.find("confiscation.proceeds")
    assert conf.basis == "secondary-source" and not conf.verified
    assert "endvawnow.org" in conf.provenance  # the page that cites the article number


def test_chapters_beyond_vi_say_they_are_unverified(model):
    verified = {r["chapter"].split(".", 1)[0].strip() for r in ARTICLES} | {"IV"}
    for cid, title in model.chapters:
        if cid not in verified:
            assert "unverified" in title, cid


def test_lookup_by_article_and_key(model):
    assert model.find("8").id == "art8-offence"
    assert model.find("Art. 10").keys == ("victim.non-punishment",)
    assert model.find("offence.child-no-means").article == "8"


# A few end-to-end checks of the cues on short fragments written for this test (generic wording,
# not taken from any evaluation statute): the protection is found, and a narrower law is partial.
MATCH_CASES = [
    (
        "en",
        "A victim of trafficking shall not be held criminally liable for unlawful acts committed "
        "as a direct consequence of having been trafficked.",
        "art10-non-punishment",
        "covered",
    ),
    ("en", "A victim shall not be prosecuted for illegal entry into the country.", "art10-non-punishment", "partial"),
    ("en", "Exploitation includes sexual exploitation and forced labour.", "art5-exploitation", "partial"),
    (
        "fr",
        "Le consentement de la victime est indifférent lorsque l'un des moyens a été utilisé.",
        "art8-consent",
        "covered",
    ),
    (
        "es",
        "Aun cuando no se recurra a ninguno de los medios, se considerará trata "
        "cuando se lleve a cabo respecto de menores de edad.",
        "art8-child",
        "covered",
    ),
    (
        "pt",
        "As pessoas coletivas são responsáveis pelos crimes previstos e ficam sujeitas a multa.",
        "legal-persons",
        "covered",
    ),
    ("ru", "Ребенок - лицо, не достигшее восемнадцатилетнего возраста.", "art5-child", "covered"),
    ("ar", "ولا يعتد برضاء المجني عليه على الاستغلال متى استخدمت أية وسيلة من الوسائل.", "art8-consent", "covered"),
    (
        "en",
        "Victims shall receive housing, counselling and medical assistance.",
        "art16-identity-disclosure",
        "missing",
    ),
]


@pytest.mark.parametrize("lang,text,pid,expected", MATCH_CASES, ids=[f"{c[0]}-{c[2]}-{c[3]}" for c in MATCH_CASES])
def test_cues_find_the_protection(model, lang, text, pid, expected):
    from analysis import assess
    from statutes.model import Statute, StatuteMeta, Unit

    unit = Unit(
        id="sec_1", kind="section", num="1", label="s. 1", heading="", start=0, end=len(text), body_end=len(text)
    )
    st = Statute(text=text, language=lang, meta=StatuteMeta(title="fragment"), units=[unit], definitions=[])
    v = next(v for v in assess(st, model).verdicts if v.provision.id == pid)
    assert v.verdict == expected, [(e.id, e.found) for e in v.elements]
