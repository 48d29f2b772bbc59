"""The 2020 Model Legislative Provisions (trafficking) and the 2010 Model Law against the Smuggling of Migrants.

Checked against the tables of contents found for them (tests/fixtures/reference/<model>-toc.csv, which
record their sources; none was found for 2020), the protection keys (shared/reference/protections.csv for
2020, modellaw/models/smuggling-protections.csv for smuggling), the honesty rules of docs/model-format.md,
the 2009-2020 crosswalk, and a run of the matcher on two real national smuggling provisions.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analysis import assess
from modellaw import load_model, resolve_model, validate_model_file
from modellaw.crosswalk import (
    COLUMNS,
    RELATIONS,
    CrosswalkError,
    load_crosswalk,
    map_2009_to_2020,
    map_2020_to_2009,
    rows_for_2009,
)
from modellaw.model import MODELS_DIR
from statutes.model import Statute, StatuteMeta, Unit

REF = Path(__file__).parents[1] / "fixtures" / "reference"
TIP2020 = MODELS_DIR / "unodc-tip-2020.xml"
SOM2010 = MODELS_DIR / "unodc-som-2010.xml"
SMUGGLING_KEYS_CSV = MODELS_DIR / "smuggling-protections.csv"


def _csv(path: Path) -> list[dict]:
    """A CSV whose leading '#' lines are comments (the fixtures' source notes)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


PROTECTIONS = _csv(REF / "protections.csv")


@pytest.fixture(scope="module")
def tip():
    return load_model(TIP2020)


@pytest.fixture(scope="module")
def som():
    return load_model(SOM2010)


@pytest.fixture(scope="module", params=["tip", "som"])
def model(request, tip, som):
    return {"tip": tip, "som": som}[request.param]


# -- loading ------------------------------------------------------------------------------


def test_both_models_validate_and_are_installed():
    for path in (TIP2020, SOM2010):
        validate_model_file(path)
    assert resolve_model("tip-2020").id == "unodc-tip-2020"
    assert resolve_model("unodc-som-2010").id == "unodc-som-2010"
    assert resolve_model("som-2010").path == str(SOM2010)


def test_headers(tip, som):
    assert (tip.id, tip.version, tip.year) == ("unodc-tip-2020", "2020", "2020")
    assert tip.title == "Model Legislative Provisions against Trafficking in Persons"
    assert "Vienna, 2020" in tip.citation
    assert (som.id, som.version, som.year) == ("unodc-som-2010", "2010", "2010")
    assert som.title == "Model Law against the Smuggling of Migrants"
    assert "V.10-52715" in som.citation


# -- table of contents --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["unodc-tip-2020", "unodc-som-2010"])
def test_article_list_equals_the_published_table_of_contents(name):
    m = load_model(MODELS_DIR / f"{name}.xml")
    toc = _csv(REF / f"{name}-toc.csv")
    with open(REF / f"{name}-toc.csv", encoding="utf-8") as fh:
        assert re.search(r"^# .*https?://", fh.read(), re.M), "the fixture must name its source"
    sourced = [p for p in m.provisions if p.verified or p.basis == "secondary-source"]
    # the articles the model claims from a source are exactly those the table of contents shows
    assert sorted({p.article for p in sourced}) == sorted(r["article"] for r in toc)
    by_article = {r["article"]: r for r in toc}
    for p in sourced:
        row = by_article[p.article]
        assert p.title == row["title"], p.id
        assert p.chapter == row["chapter"], p.id
        assert m.chapter_title(p.chapter) == {"I": "General provisions", "II": "Criminal offences"}[p.chapter]


def test_no_2020_article_number_is_claimed(tip):
    for p in tip.provisions:
        assert p.article is None and not p.verified and p.basis == "protocol-wording", p.id
        assert "not found" in p.provenance and "descriptive" in p.provenance, p.id
    for cid, title in tip.chapters:
        assert "descriptive grouping" in title, cid


def test_provenance_and_verification_are_honest(model):
    for p in model.provisions:
        assert p.provenance.strip() and p.status_basis.strip() and p.summary.strip(), p.id
        if p.verified:
            assert p.basis == "model-law-text" and p.article, p.id
        if p.basis == "model-law-text":
            assert p.verified, p.id
        if p.basis == "secondary-source":
            assert re.search(r"https?://", p.provenance), p.id
        if p.article is None:
            assert not p.verified, p.id
            assert "descriptive" in p.provenance, p.id  # titles without a source are ours, and say so
        if p.basis == "protocol-wording":
            assert p.article is None, p.id


def test_smuggling_provenance_names_its_sources(som):
    for p in som.provisions:
        assert "statengeneraal/laws-markdown" in p.provenance, p.id  # the Protocol text read for statuses
        if p.verified:
            assert "https://docslib.org/doc/2107089" in p.provenance, p.id


# -- protection keys ----------------------------------------------------------------------


def test_2020_declares_the_38_reference_keys_as_in_protections_csv(tip):
    declared = {k.id: k for k in tip.keys}
    assert len(PROTECTIONS) == 38
    for r in PROTECTIONS:
        k = declared[r["key"]]
        assert (k.status, k.source, k.text) == (
            r["status"],
            r["protocol_source"],
            r["what the law must contain (our words)"],
        ), r["key"]


def test_every_declared_key_is_carried(model):
    carried = {k for p in model.provisions for k in p.keys}
    assert [k.id for k in model.keys if k.id not in carried] == []


def test_provision_status_is_its_keys_status(model):
    status = {k.id: k.status for k in model.keys}
    for p in model.provisions:
        assert {status[k] for k in p.keys} == {p.status}, p.id


def test_smuggling_keys_csv_matches_the_model(som):
    with open(SMUGGLING_KEYS_CSV, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    with open(REF / "protections.csv", newline="", encoding="utf-8") as fh:
        assert reader.fieldnames == csv.DictReader(fh).fieldnames  # same columns as protections.csv
    assert [r["key"] for r in rows] == [k.id for k in som.keys]
    declared = {k.id: k for k in som.keys}
    for r in rows:
        k = declared[r["key"]]
        assert (k.status, k.source, k.text) == (
            r["status"],
            r["protocol_source"],
            r["what the law must contain (our words)"],
        )
        assert r["status_basis"].strip(), r["key"]
        # the article column holds the 2010 Smuggling Model Law article, only where the TOC shows it
        for art in filter(None, r["model_law_2009_article"].split(";")):
            assert any(p.article == art and p.verified and r["key"] in p.keys for p in som.provisions), (r["key"], art)


SOMP_STATUS = {
    "smuggling.offence": "mandatory",  # SOMP 6(1)(a) 'shall'
    "smuggling.documents-offence": "mandatory",  # 6(1)(b)
    "smuggling.enabling-stay": "mandatory",  # 6(1)(c)
    "smuggling.attempt": "mandatory",  # 6(2)(a)
    "smuggling.accomplice": "mandatory",  # 6(2)(b)
    "smuggling.organizing": "mandatory",  # 6(2)(c)
    "smuggling.aggravating": "mandatory",  # 6(3) 'shall ... establish as aggravating circumstances'
    "smuggling.migrant-non-liability": "mandatory",  # 5 'shall not become liable'
    "migrants.protection-rights": "mandatory",  # 16(1)-(4)
    "migrants.consular-notification": "mandatory",  # 16(5)
    "return.smuggled-migrants": "mandatory",  # 18
    "prevention.information": "mandatory",  # 15
    "smuggling.jurisdiction-extraterritorial": "optional",  # UNTOC 15(2) 'may'
    "sea.measures": "optional",  # SOMP 8 'may'
    "smuggling.definition": "general",
}


@pytest.mark.parametrize("key,status", sorted(SOMP_STATUS.items()))
def test_smuggling_statuses_follow_the_protocol_wording(som, key, status):
    assert {k.id: k.status for k in som.keys}[key] == status
    for p in som.provisions:
        if key in p.keys and status == "mandatory":
            assert "shall" in p.status_basis, p.id
        if key in p.keys and status == "optional":
            assert re.search(r"'may'|shall consider|option", p.status_basis), p.id


def test_option_b_and_c_are_alternatives_not_extra_obligations(som):
    for art in ("5.G", "5.H", "5.I"):
        p = som.find(art)
        assert p.status == "optional" and "option" in p.status_basis, art
    for art in ("5.A", "5.B", "5.C", "5.D", "5.E", "5.F", "6"):
        assert som.find(art).status == "mandatory", art


# -- cues ---------------------------------------------------------------------------------


def test_smuggling_cues_name_smuggling_not_trafficking(som):
    trafficking = re.compile(r"traffick|\btraite\b|\btrata\b|اتجار|торговл")
    for p in som.provisions:
        for e in p.elements:
            assert not re.search(r"traffick|victim", e.label, re.I), (p.id, e.id, e.label)
            for c in e.cues:
                assert not trafficking.search(c.text), (p.id, e.id, c.text)
    offence = som.find("5.A").elements[0]
    terms = {
        "en": "smuggling of migrants",
        "fr": "trafic illicite de migrants",
        "es": "tráfico ilícito de migrantes",
        "ar": "تهريب المهاجرين",
        "ru": "незаконн* ввоз* мигрант*",
        "pt": "contrabando de migrantes",
    }
    for lang, term in terms.items():
        assert term in {c.text for c in offence.cues_for(lang)}, lang
    benefit = som.find("3").elements[1]
    assert "financial or other material benefit" in {c.text for c in benefit.cues_for("en")}
    assert "avantage financier ou un autre avantage matériel" in {c.text for c in benefit.cues_for("fr")}
    assert "beneficio financiero u otro beneficio de orden material" in {c.text for c in benefit.cues_for("es")}


# -- crosswalk ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def crosswalk():
    return load_crosswalk()


def test_crosswalk_columns_and_relations(crosswalk):
    with open(MODELS_DIR / "crosswalk-tip-2009-2020.csv", newline="", encoding="utf-8") as fh:
        assert tuple(csv.DictReader(fh).fieldnames) == COLUMNS
    assert crosswalk
    for r in crosswalk:
        assert r.relation in RELATIONS
        assert re.search(r"https?://", r.source), r
        if not r.article_2020:  # no 2020 article number is known: the 2020 side was not read
            assert r.unverified, r


def test_crosswalk_rows_refer_to_provisions_of_both_models(crosswalk, tip):
    m09 = resolve_model("tip-2009")
    for r in crosswalk:
        p09, p20 = m09.find(r.provision_id_2009), tip.find(r.provision_id_2020)
        assert p09 is not None and p09.id == r.provision_id_2009, r
        assert p20 is not None and p20.id == r.provision_id_2020, r
        assert (p09.article or "") == r.article_2009, r
        assert (p20.article or "") == r.article_2020, r
        assert set(p09.keys) & set(p20.keys), r  # a pairing carries the same protection


def test_crosswalk_maps_both_ways(crosswalk):
    assert map_2009_to_2020("8") == ["offence-trafficking", "offence-consent-irrelevant", "offence-child-no-means"]
    assert map_2009_to_2020("Art. 14") == ["offence-attempt"]
    assert map_2009_to_2020("art12-accomplice") == ["offence-accomplice"]
    assert map_2020_to_2009("offence-trafficking") == ["art8-offence"]
    assert map_2009_to_2020("1") == []  # Article 1 ([Title]) has no supported counterpart
    assert all(r.unverified for r in rows_for_2009("8"))
    for r in crosswalk:
        assert r.provision_id_2020 in map_2009_to_2020(r.provision_id_2009)
        assert r.provision_id_2009 in map_2020_to_2009(r.provision_id_2020)


def test_crosswalk_loader_rejects_bad_files(tmp_path):
    bad = tmp_path / "cw.csv"
    bad.write_text(",".join(COLUMNS) + "\n8,,art8-offence,offence-trafficking,renamed,x\n", encoding="utf-8")
    with pytest.raises(CrosswalkError, match="relation"):
        load_crosswalk(bad)
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CrosswalkError, match="columns"):
        load_crosswalk(bad)


# -- the matcher on real smuggling provisions ---------------------------------------------

# Barbados, Immigration (Amendment) Bill, 2016, clause 3 inserting s. 29A(1)-(2) into the Immigration Act,
# Cap. 190 (a bill, as published by the Parliament of Barbados), stored at
# https://github.com/lmwilkigov/barbados-hack-data/blob/master/data/legislature/bills/md/143_immigration-amendment-bill-2016.md
BARBADOS_29A = (
    "29A. (1) A person is guilty of the offence of smuggling of persons who with intent to obtain directly or "
    "indirectly a financial or other material benefit (a) engages in conduct preliminary to or takes part in the "
    "smuggling of persons by sea or air without complying with the requirements for legal entry into Barbados; "
    "(b) while engaging in conduct referred to in paragraph (a), (i) produces a fraudulent travel or identity "
    "document; or (ii) procures, provides or possesses a fraudulent travel or identity document; or (c) arranges "
    "for a person who is not a national or permanent resident of Barbados to remain in Barbados without having that "
    "person comply with the legal requirements for remaining in Barbados.\n"
    "(2) A person is guilty of committing the offence of smuggling of persons with aggravation where in committing "
    "the offence, the person (a) endangers the lives of the persons concerned; or (b) engages in inhumane or "
    "degrading treatment."
)

# Costa Rica, Código Penal, art. 249 bis (added by art. 85 of Ley 9095 of 26 October 2012), as published in SCIJ:
# http://www.pgrweb.go.cr/scij/Busqueda/Normativa/Normas/nrm_articulo.aspx?param1=NRA&nValor1=1&nValor2=66139&nValor3=130022&nValor5=273
COSTA_RICA_249BIS = (
    "Artículo 249 bis.- Se impondrá pena de prisión de cuatro a ocho años, a quien promueva, planee, coordine o "
    "ejecute el tráfico ilícito de migrantes nacionales hacia un segundo, tercero o más países por lugares no "
    "habilitados o habilitados por la Dirección General de Migración y Extranjería, aun cuando el inicio del "
    "traslado se realice por la vías legales establecidas por dicho ente, o bien, evadiendo los controles "
    "migratorios establecidos o utilizando datos o documentos falsos o alterados, o se encuentren indocumentados.\n"
    "La misma pena se impondrá a quien, de cualquier forma, promueva, prometa o facilite la obtención de documentos "
    "legales, o bien, falsos o alterados o encubra transacciones financieras legales o ilegales que afecten el "
    "patrimonio de la persona afectada o de sus garantes, con la finalidad de promover el tráfico ilícito de "
    "migrantes nacionales, y a quien coordine, facilite o efectúe acciones tendientes a alojar, ocultar o encubrir "
    "a personas nacionales que ingresen o permanezcan legal o ilegalmente en un segundo, tercero o más países, con "
    "la finalidad de consolidar el tráfico ilícito de migrantes.\n"
    "La pena será de seis a diez años de prisión cuando:\n"
    "1) La persona migrante sea menor de edad.\n"
    "2) Se ponga en peligro la vida o salud del migrante, por las condiciones en que ejecuta el hecho, o se le cause "
    "grave sufrimiento físico o mental.\n"
    "3) El autor o partícipe sea funcionario público.\n"
    "4) El hecho se realice por un grupo organizado de dos o más personas.\n"
    "5) A consecuencia del tráfico ilícito de migrantes, la persona resulte ser víctima de trata."
)


def _one_article(text: str, lang: str, label: str) -> Statute:
    """One article, built by hand so the check does not depend on the statute parser."""
    unit = Unit(
        id="art_1", kind="article", num="1", label=label, heading="", start=0, end=len(text), body_end=len(text)
    )
    return Statute(text=text, language=lang, meta=StatuteMeta(title=label), units=[unit], definitions=[])


@pytest.mark.parametrize(
    "text,lang,label",
    [
        (BARBADOS_29A, "en", "s. 29A"),
        (COSTA_RICA_249BIS, "es", "Art. 249 bis"),
    ],
    ids=["barbados-29A", "costa-rica-249bis"],
)
def test_assess_finds_the_smuggling_offence_in_a_national_provision(som, text, lang, label):
    a = assess(_one_article(text, lang, label), som)
    verdicts = {v.provision.id: v for v in a.verdicts}
    offence = verdicts["art5a-smuggling"]
    assert offence.verdict in ("covered", "partial")
    assert offence.evidence and all(ev.unit == label for ev in offence.evidence)
    assert a.key_verdicts()["smuggling.offence"] in ("covered", "partial")
    assert verdicts["art6-aggravating"].verdict in ("covered", "partial")  # both texts aggravate for danger to life
    assert verdicts["consular-notification"].verdict == "missing"  # nothing in either text on consuls


def test_a_trafficking_offence_is_not_taken_for_smuggling(som):
    text = (REF.parent / "statutes" / "en-uk-modern-slavery-2015-s1.txt").read_text(encoding="utf-8")
    body = text.split("# ---", 1)[1].strip()
    a = assess(_one_article(body, "en", "s. 1"), som)
    assert {v.provision.id: v.verdict for v in a.verdicts}["art5a-smuggling"] == "missing"


def test_compare_cli_runs_the_smuggling_model(tmp_path):
    from typer.testing import CliRunner

    from cli import app

    f = tmp_path / "barbados-29A.txt"
    f.write_text(BARBADOS_29A, encoding="utf-8")
    res = CliRunner().invoke(app, ["compare", str(f), "--model", "som-2010", "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "model unodc-som-2010 (2010)" in res.output
    line = next(ln for ln in res.output.splitlines() if "Art. 5.A" in ln)
    assert "covered" in line or "partial" in line
