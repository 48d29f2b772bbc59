"""Readers: every format and encoding, on real short statute excerpts in the six languages.

The excerpts and their sources are in tests/fixtures/readers/README.md; binary files (DOCX, PDF)
are generated into tmp_path by tests/fixtures/readers/build.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from statutes.lang import detect_language
from statutes.model import StatuteError
from statutes.readers import decode_text, read_document, read_manifest, split_header
from tests.corpus import STATUTES as CORPUS
from tests.readers_support import build

FIX = Path(__file__).parents[1] / "fixtures" / "readers"

LANGS = build.LANGS


def excerpt(lang: str) -> str:
    return build.excerpt(lang)


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------------------------------
# plain text and encodings

ENCODINGS = [
    # (language, codec used to write, encoding the reader must report)
    *[(lang, "utf-8", "utf-8") for lang in LANGS],
    *[(lang, "utf-8-sig", "utf-8-sig") for lang in LANGS],
    *[(lang, "utf-16", "utf-16-le") for lang in LANGS],  # Python writes a BOM, little-endian
    *[(lang, "bom-utf-16-be", "utf-16-be") for lang in LANGS],
    *[(lang, "utf-16-le", "utf-16-le") for lang in LANGS],  # no BOM
    *[(lang, "utf-16-be", "utf-16-be") for lang in LANGS],  # no BOM
    ("en", "cp1252", "cp1252"),
    ("fr", "cp1252", "cp1252"),
    ("es", "cp1252", "cp1252"),
    ("pt", "cp1252", "cp1252"),
    ("ar", "cp1256", "cp1256"),
    ("ar", "iso8859_6", "iso8859_6"),
    ("ru", "cp1251", "cp1251"),
    ("ru", "koi8_r", "koi8_r"),
]


def _encode(text: str, codec: str) -> bytes:
    if codec == "bom-utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(codec)


@pytest.mark.parametrize("lang,codec,reported", ENCODINGS, ids=[f"{a}-{b}" for a, b, _ in ENCODINGS])
def test_text_in_every_encoding(tmp_path, lang, codec, reported):
    text = excerpt(lang)
    path = tmp_path / f"{lang}.txt"
    path.write_bytes(_encode(text, codec))
    doc = read_document(path)
    assert doc.text == text
    assert doc.meta.extra["encoding"] == reported
    assert doc.meta.format == "txt" and doc.units is None
    assert detect_language(doc.text) == lang


def test_arabic_indic_digits_utf8_and_utf16(tmp_path):
    text = excerpt("ar-indic")
    for codec in ("utf-8", "utf-16"):
        p = tmp_path / f"ar-{codec}.txt"
        p.write_bytes(text.encode(codec))
        assert read_document(p).text == text


def test_cp1256_and_iso8859_6_are_told_apart(tmp_path):
    """The same Arabic text gives different bytes; each must come back as written."""
    text = excerpt("ar")
    a, b = text.encode("cp1256"), text.encode("iso8859_6")
    assert a != b
    assert decode_text(a) == (text, "cp1256")
    assert decode_text(b) == (text, "iso8859_6")


def test_cp1252_punctuation_is_not_latin1(tmp_path):
    """’ and œ are 0x92 and 0x9C in cp1252 (control codes in ISO-8859-1)."""
    text, enc = decode_text(excerpt("fr").encode("cp1252"))
    assert "l’héberger" in text and "manœuvre" in text and enc == "cp1252"


def test_newlines_are_normalized(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(excerpt("en").replace("\n", "\r\n").encode("utf-8"))
    assert read_document(p).text == excerpt("en")
    p.write_bytes(excerpt("en").replace("\n", "\r").encode("utf-8"))
    assert read_document(p).text == excerpt("en")


def test_mostly_utf8_with_a_stray_byte_stays_utf8(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_bytes(excerpt("fr").encode("utf-8") + b"\x92 fin\n")
    doc = read_document(p)
    assert "l’héberger" in doc.text and "replaced" in doc.meta.extra["encoding"]


def test_markdown_extension_reads_as_text(tmp_path):
    p = tmp_path / "law.md"
    p.write_text("# Counter-Trafficking Act\n\n" + excerpt("en"), encoding="utf-8")
    doc = read_document(p)
    assert doc.text.startswith("# Counter-Trafficking Act")  # a Markdown title is not a header block


# ---------------------------------------------------------------------------------------
# metadata: header block, sidecar, manifest

HEADER = """# country: Kenya
# title: Counter-Trafficking in Persons Act
# year: 2010
# language: en
# source: Kenya Law
# completeness: partial (s. 3 only)
# ---
"""


def test_header_block_is_stripped_and_recorded(tmp_path):
    p = tmp_path / "ke.txt"
    p.write_text(HEADER + excerpt("en"), encoding="utf-8")
    doc = read_document(p)
    assert doc.text == excerpt("en")
    m = doc.meta
    assert (m.country, m.title, m.year, m.language, m.source) == (
        "Kenya",
        "Counter-Trafficking in Persons Act",
        "2010",
        "en",
        "Kenya Law",
    )
    assert m.extra["completeness"] == "partial (s. 3 only)"
    assert m.path == str(p)


def test_header_in_utf16_with_crlf(tmp_path):
    p = tmp_path / "ke.txt"
    p.write_bytes(
        (HEADER + excerpt("ar")).replace("\n", "\r\n").replace("language: en", "language: Arabic").encode("utf-16")
    )
    doc = read_document(p)
    assert doc.text == excerpt("ar") and doc.meta.language == "ar"


def test_header_without_end_line_needs_known_keys():
    fields, body = split_header("# country: Kenya\n# year: 2010\n3. Trafficking in persons\n")
    assert fields == {"country": "Kenya", "year": "2010"} and body.startswith("3. Trafficking")
    fields, body = split_header("# Note: unofficial text\n3. Trafficking\n")
    assert fields == {} and body.startswith("# Note")


def test_real_corpus_file():
    path = CORPUS / "ke-counter-trafficking-2010.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    doc = read_document(path)
    assert doc.meta.country == "Kenya" and doc.meta.year == "2010" and doc.meta.language == "en"
    assert doc.text.startswith("COUNTER-TRAFFICKING IN PERSONS ACT")
    assert "# ---" not in doc.text and "\n3. Trafficking in persons\n" in doc.text
    assert detect_language(doc.text) == "en"


def test_sidecar_meta_for_docx(tmp_path):
    p = build.make_docx(tmp_path / "eg-law-64-2010.docx", excerpt("ar").splitlines(), title="core title")
    (tmp_path / "eg-law-64-2010.meta").write_text(
        "# country: Egypt\n# title: Law No. 64 of 2010 on Combating Human Trafficking\n# year: 2010\n"
        "# language: ar\n# source: shaimaaatalla.com\n# ---\n",
        encoding="utf-8",
    )
    doc = read_document(p)
    assert doc.meta.country == "Egypt" and doc.meta.language == "ar" and doc.meta.year == "2010"
    assert doc.meta.title == "Law No. 64 of 2010 on Combating Human Trafficking"  # sidecar beats core props
    assert doc.meta.extra["sidecar"].endswith("eg-law-64-2010.meta")


def test_sidecar_named_after_full_filename(tmp_path):
    p = tmp_path / "fr.html"
    p.write_text(f"<html><body><p>{excerpt('fr')}</p></body></html>", encoding="utf-8")
    (tmp_path / "fr.html.meta").write_text("country: France\nlanguage: fr\n", encoding="utf-8")
    assert read_document(p).meta.country == "France"


def test_manifest(tmp_path):
    sub = tmp_path / "laws"
    sub.mkdir()
    (sub / "ke.txt").write_text(excerpt("en"), encoding="utf-8")
    m = tmp_path / "manifest.csv"
    m.write_text(
        "country,title,year,language,path\n"
        "Kenya,Counter-Trafficking in Persons Act,2010,English,laws/ke.txt\n"
        "\n"
        'France,"Code pénal, art. 225-4-1",2013,fr,laws/fr.txt\n',
        encoding="utf-8",
    )
    rows = read_manifest(m)
    assert [r["country"] for r in rows] == ["Kenya", "France"]
    assert rows[0]["path"] == str(sub / "ke.txt") and Path(rows[0]["path"]).exists()
    assert rows[0]["language"] == "en" and rows[1]["title"] == "Code pénal, art. 225-4-1"


def test_manifest_errors(tmp_path):
    m = tmp_path / "m.csv"
    m.write_text("country,title\nKenya,Act\n", encoding="utf-8")
    with pytest.raises(StatuteError, match=r"no 'path' column"):
        read_manifest(m)
    m.write_text("country,title,year,language,path\nKenya,Act,2010,en,\n", encoding="utf-8")
    with pytest.raises(StatuteError) as exc:
        read_manifest(m)
    assert str(exc.value) == f"{m}:2: empty path"
    with pytest.raises(StatuteError, match="no such file"):
        read_manifest(tmp_path / "none.csv")


# ---------------------------------------------------------------------------------------
# DOCX


@pytest.mark.parametrize("lang", LANGS)
def test_docx_each_language(tmp_path, lang):
    lines = excerpt(lang).splitlines()
    p = build.make_docx(tmp_path / f"{lang}.docx", lines, title=f"{lang} statute")
    doc = read_document(p)
    assert doc.text.splitlines() == lines
    assert doc.meta.format == "docx" and doc.meta.title == f"{lang} statute"
    assert detect_language(doc.text) == lang


def test_docx_tables_in_body_order_and_auto_numbering(tmp_path):
    pt = excerpt("pt").splitlines()
    p = build.make_docx(
        tmp_path / "pt.docx",
        pt[:4],
        table=[
            ["I -", "remover-lhe órgãos, tecidos ou partes do corpo;"],
            ["II -", "submetê-la a trabalho em condições análogas à de escravo;"],
        ],
        numbered=["Agenciar, aliciar, recrutar", "transportar, transferir, comprar"],
    )
    lines = read_document(p).text.splitlines()
    assert lines[:4] == pt[:4]
    assert lines[4] == "I -\tremover-lhe órgãos, tecidos ou partes do corpo;"
    assert lines[5].startswith("II -\tsubmetê-la")
    assert lines[6:8] == ["1. Agenciar, aliciar, recrutar", "2. transportar, transferir, comprar"]


def test_docx_keeps_empty_paragraphs_as_line_breaks(tmp_path):
    p = build.make_docx(tmp_path / "gap.docx", ["PART II", "", "3. Trafficking in persons"])
    assert read_document(p).text == "PART II\n\n3. Trafficking in persons\n"


# ---------------------------------------------------------------------------------------
# PDF


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_each_language(tmp_path, lang):
    text = excerpt(lang)
    p = build.make_pdf(tmp_path / f"{lang}.pdf", text.splitlines(), lang=lang, title=f"{lang} title")
    doc = read_document(p)
    assert doc.meta.format == "pdf" and doc.meta.title == f"{lang} title" and doc.meta.extra["pages"] == "1"
    assert detect_language(doc.text) == lang
    # The PDF wraps long lines; the words, their order and the numbering lines survive.
    assert squash(doc.text) == squash(text)
    first_words = {ln.split()[0] for ln in doc.text.splitlines() if ln.strip()}
    for ln in text.splitlines():
        if ln.strip():
            assert ln.split()[0] in first_words
    assert ("rtl_reordered_pages" in doc.meta.extra) == (lang == "ar")


def test_pdf_arabic_numbers_stay_in_logical_order(tmp_path):
    """pypdf alone gives ") : ... 1( مادة" for "مادة (1) :"; the reader restores the order,
    Arabic-Indic digits included, and keeps lam-alef ligatures whole ("الاتجار", "الأول")."""
    text = excerpt("ar-indic")
    doc = read_document(build.make_pdf(tmp_path / "eg.pdf", text.splitlines(), lang="ar"))
    lines = doc.text.splitlines()
    assert lines[:6] == text.splitlines()[:6]
    assert "مادة (١):" in lines and "قانون رقم ٦٤ لسنة ٢٠١٠ بشأن مكافحة الاتجار بالبشر" in lines
    assert squash(doc.text) == squash(text)


def test_pdf_arabic_lines_with_latin_citations(tmp_path):
    lines = [
        "مادة (5) : يعاقب بالسجن وفقا لقانون الطفل (Cap. 141) والقانون رقم 12 لسنة 1996",
        "المادة 3 مكرر - وفقا للبروتوكول Palermo Protocol 2000 الخاص بالاتجار",
    ]
    doc = read_document(build.make_pdf(tmp_path / "mixed.pdf", lines, lang="ar"))
    assert doc.text.splitlines() == lines


def test_pdf_pages_are_joined_with_newlines(tmp_path):
    from pypdf import PdfReader, PdfWriter

    a = build.make_pdf(tmp_path / "a.pdf", ["Статья 127.1. Торговля людьми"], lang="ru")
    b = build.make_pdf(tmp_path / "b.pdf", ["2. То же деяние, совершенное:"], lang="ru")
    w = PdfWriter()
    for src in (a, b):
        for page in PdfReader(str(src)).pages:
            w.add_page(page)
    out = tmp_path / "ab.pdf"
    w.write(str(out))
    doc = read_document(out)
    assert doc.text == "Статья 127.1. Торговля людьми\n2. То же деяние, совершенное:\n"
    assert doc.meta.extra["pages"] == "2"


def test_pdf_with_owner_password_only_is_read(tmp_path):
    """Permissions-only encryption (empty user password) is common on official PDFs."""
    src = build.make_pdf(tmp_path / "es.pdf", excerpt("es").splitlines(), lang="es")
    enc = build.encrypt_pdf(src, tmp_path / "es-locked.pdf", user_password="")
    assert squash(read_document(enc).text) == squash(excerpt("es"))


def test_pdf_with_aes_owner_password_only(tmp_path):
    pytest.importorskip("cryptography")
    src = build.make_pdf(tmp_path / "fr.pdf", excerpt("fr").splitlines(), lang="fr")
    enc = build.encrypt_pdf(src, tmp_path / "fr-aes.pdf", user_password="", algorithm="AES-256")
    assert "Article 225-4-1" in read_document(enc).text


# ---------------------------------------------------------------------------------------
# HTML

HTML_FR = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Code pénal – Article 225-4-1</title>
<style>p {{ color: red }}</style><script>var s = "Article 999 du script";</script></head>
<body><nav><a href="/">Accueil</a> › <a href="/codes">Codes</a></nav>
<div class="article"><h2>Article 225-4-1</h2>
<p>{l1}<br>{l2}</p>
<table><tr><td>{n3}</td><td>{r3}</td></tr></table>
<ul><li>{l4}</li></ul></div>
<noscript>Activez JavaScript</noscript></body></html>
"""


def test_html(tmp_path):
    lines = excerpt("fr").splitlines()
    n3, r3 = lines[3].split(" ", 1)
    p = tmp_path / "fr.html"
    p.write_text(HTML_FR.format(l1=lines[1], l2=lines[2], n3=n3, r3=r3, l4=lines[4]), encoding="utf-8")
    doc = read_document(p)
    assert doc.text.splitlines() == lines
    assert doc.meta.title == "Code pénal – Article 225-4-1" and doc.meta.format == "html"
    assert doc.meta.extra["declared_language"] == "fr" and doc.meta.language == ""
    assert "script" not in doc.text and "Accueil" not in doc.text and "JavaScript" not in doc.text


@pytest.mark.parametrize("lang,codec", [("es", "cp1252"), ("ru", "cp1251"), ("ar", "cp1256"), ("pt", "utf-8")])
def test_html_declared_charset(tmp_path, lang, codec):
    text = excerpt(lang)
    body = "".join(f"<p>{ln}</p>\n" for ln in text.splitlines())
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={codec}"></head>'
        f"<body>{body}</body></html>"
    )
    p = tmp_path / f"{lang}.htm"
    p.write_bytes(page.encode(codec))
    assert read_document(p).text == text


def test_html_nbsp_and_entities(tmp_path):
    p = tmp_path / "e.html"
    p.write_text("<p>Art.&nbsp;149-A. Agenciar &amp; aliciar</p>", encoding="utf-8")
    assert read_document(p).text == "Art. 149-A. Agenciar & aliciar\n"


# ---------------------------------------------------------------------------------------
# Akoma Ntoso


def test_akn_kenya_units_and_metadata():
    doc = read_document(FIX / "ke-akn.xml")
    m = doc.meta
    assert (m.format, m.country, m.year, m.language, m.title) == (
        "akn",
        "Kenya",
        "2010",
        "en",
        "Counter-Trafficking in Persons Act",
    )
    assert m.extra["country_code"] == "ke" and m.extra["frbr_uri"] == "/akn/ke/act/2010/8"
    by_id = {u.id: u for u in doc.units}
    labels = [u.label for u in doc.units]
    assert labels == [
        "Part I",
        "s. 1",
        "s. 2",
        "Part II",
        "s. 3",
        "s. 3(1)",
        "s. 3(1)(a)",
        "s. 3(1)(b)",
        "s. 3(1)(c)",
        "s. 3(2)",
        "First Schedule",
        "Provisions as to the conduct of business and affairs of the Advisory Committee",
    ]
    s3 = by_id["part_II__sec_3"]
    assert (s3.kind, s3.num, s3.heading, s3.parent, s3.depth) == (
        "section",
        "3",
        "Trafficking in persons",
        "part_II",
        1,
    )
    assert s3.own_text(doc.text) == "3. Trafficking in persons"
    sub1 = by_id["part_II__sec_3__subsec_1"]
    assert sub1.own_text(doc.text).startswith("(1) A person commits the offence of trafficking")
    assert sub1.own_text(doc.text).endswith("by means of—")
    assert sub1.text(doc.text).endswith("(c) fraud;")
    para_b = by_id["part_II__sec_3__subsec_1__para_b"]
    assert para_b.text(doc.text) == "(b) abduction;" and para_b.depth == 3
    assert by_id["part_II__sec_3__subsec_2"].text(doc.text).endswith("subsection (1) have been used.")
    assert by_id["part_I__sec_2"].text(doc.text).splitlines()[2].startswith('"child" has the meaning')
    assert by_id["att_1"].kind == "schedule"


def test_akn_offsets_are_consistent():
    doc = read_document(FIX / "ke-akn.xml")
    by_id = {u.id: u for u in doc.units}
    for u in doc.units:
        assert 0 <= u.start <= u.body_end <= u.end <= len(doc.text)
        own = u.own_text(doc.text)
        if u.num:
            assert own.startswith(u.num)
        if u.heading:
            assert u.heading in own.splitlines()[0] or u.heading == own.splitlines()[0]
        if u.parent:
            p = by_id[u.parent]
            assert p.start <= u.start and u.end <= p.end and u.depth == p.depth + 1
            assert u.start > p.body_end
    # siblings do not overlap, and document order is kept
    starts = [u.start for u in doc.units]
    assert starts == sorted(starts)


FR_BODY = """
<section {id}="sec_1bis"><num>Section 1 bis</num><heading>De la traite des êtres humains</heading>
  <article {id}="art_225-4-1"><num>Article 225-4-1</num>
    <paragraph {id}="art_225-4-1__para_I"><num>I. –</num>
      <intro><p>La traite des êtres humains est le fait de recruter une personne, de la transporter, de la transférer, de l’héberger ou de l’accueillir à des fins d’exploitation dans l’une des circonstances suivantes :</p></intro>
      <point {id}="art_225-4-1__para_I__point_1"><num>1°</num><content><p>Soit avec l’emploi de menace, de contrainte, de violence ou de manœuvre dolosive visant la victime, sa famille ou une personne en relation habituelle avec la victime ;</p></content></point>
      <point {id}="art_225-4-1__para_I__point_2"><num>2°</num><content><p>Soit par un ascendant légitime, naturel ou adoptif de cette personne ;</p></content></point>
    </paragraph>
  </article>
</section>
"""  # noqa: E501 — verbatim statute text (Code pénal art. 225-4-1) inside an AKN document


def test_akn_french_article_labels(tmp_path):
    p = tmp_path / "fr.xml"
    p.write_text(build.akn(FR_BODY, lang3="fra", country="fr", date="2013-08-05", title="Code pénal"), encoding="utf-8")
    doc = read_document(p)
    assert doc.meta.language == "fr" and doc.meta.country == "France" and doc.meta.year == "2013"
    assert [(u.kind, u.label) for u in doc.units] == [
        ("section", "Section 1 bis"),
        ("article", "Art. 225-4-1"),
        ("paragraph", "Art. 225-4-1, I"),
        ("item", "Art. 225-4-1, I, 1°"),
        ("item", "Art. 225-4-1, I, 2°"),
    ]
    art = doc.units[1]
    assert art.num == "225-4-1" and art.own_text(doc.text) == "Article 225-4-1"
    point1 = doc.units[3]
    assert point1.text(doc.text).startswith("1° Soit avec l’emploi de menace")
    assert doc.units[2].own_text(doc.text).startswith("I. – La traite des êtres humains est le fait")
    assert detect_language(doc.text) == "fr"


def test_akn_arabic_labels_and_language_guess(tmp_path):
    """No FRBRlanguage: the language is detected, and Arabic articles are cited as المادة N."""
    ar = excerpt("ar").splitlines()
    body = (
        f'<chapter {{id}}="chp_1"><num>الفصل الاول</num><heading>تعريفات</heading>'
        f'<article {{id}}="art_1"><num>مادة (1)</num><content><p>{ar[4].split(":", 1)[1].strip()}</p>'
        f"<p>{ar[5]}</p></content></article></chapter>"
    )
    xml = build.akn(body, lang3="ara", country="eg", date="2010-05-09").replace('<FRBRlanguage language="ara"/>', "")
    p = tmp_path / "eg.xml"
    p.write_text(xml, encoding="utf-8")
    doc = read_document(p)
    assert doc.meta.language == "" and doc.meta.country == "Egypt"
    art = doc.units[1]
    assert (art.kind, art.num, art.label) == ("article", "1", "المادة 1")
    assert art.text(doc.text).startswith("مادة (1) في تطبيق أحكام هذا القانون")
    assert detect_language(doc.text) == "ar"


def test_akn_2_0_namespace_with_id_attributes(tmp_path):
    body = """<section {id}="sec3"><num>3.</num><heading>Trafficking in persons</heading>
      <subsection {id}="sec3-1"><num>(1)</num><content><p>A person commits the offence.</p></content></subsection>
      </section>"""
    p = tmp_path / "old.xml"
    p.write_text(build.akn(body, ns="http://www.akomantoso.org/2.0", id_attr="id"), encoding="utf-8")
    doc = read_document(p)
    assert [(u.id, u.label, u.parent) for u in doc.units] == [("sec3", "s. 3", None), ("sec3-1", "s. 3(1)", "sec3")]
    assert doc.text == "3. Trafficking in persons\n(1) A person commits the offence.\n"


def test_akn_without_ids_gets_stable_generated_ids(tmp_path):
    body = """<section><num>5.</num><heading>Promotion</heading>
      <paragraph><num>(a)</num><content><p>leases premises;</p></content></paragraph>
      <paragraph><num>(a)</num><content><p>duplicate number;</p></content></paragraph></section>"""
    p = tmp_path / "noid.xml"
    p.write_text(build.akn(body), encoding="utf-8")
    ids = [u.id for u in read_document(p).units]
    assert ids == ["sec_5", "sec_5__para_a", "sec_5__para_a_2"]


def test_akn_sidecar_language_sets_citation_style(tmp_path):
    body = (
        '<section {id}="sec_3"><num>3</num>'
        "<content><p>Торговля людьми, то есть купля-продажа человека.</p></content></section>"
    )
    p = tmp_path / "ru.xml"
    p.write_text(build.akn(body, lang3="eng"), encoding="utf-8")
    (tmp_path / "ru.meta").write_text("# language: ru\n# country: Russia\n", encoding="utf-8")
    doc = read_document(p)
    assert doc.units[0].label == "Ст. 3" and doc.meta.language == "ru" and doc.meta.country == "Russia"


# ---------------------------------------------------------------------------------------
# generic XML and content sniffing


def test_generic_xml(tmp_path):
    pt = excerpt("pt").splitlines()
    p = tmp_path / "lei.xml"
    p.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<lei><cabecalho><title>Lei nº 13.344</title></cabecalho><body>
<epigrafe>{pt[0]}</epigrafe>
<artigo><num>Art. 1º</num> Esta Lei dispõe sobre o <i>tráfico de pessoas</i> cometido no território nacional.</artigo>
<artigo><num>Art. 149-A.</num> Agenciar, aliciar, recrutar<!-- nota --> ou acolher pessoa:<inciso>{pt[4]}</inciso></artigo>
</body></lei>""",  # noqa: E501 — verbatim statute text inside an XML document
        encoding="utf-8",
    )
    doc = read_document(p)
    assert doc.meta.format == "xml" and doc.units is None and doc.meta.title == "Lei nº 13.344"
    assert doc.text.splitlines() == [
        pt[0],
        "Art. 1º Esta Lei dispõe sobre o tráfico de pessoas cometido no território nacional.",
        "Art. 149-A. Agenciar, aliciar, recrutar ou acolher pessoa:",
        pt[4],
    ]


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    p = tmp_path / "law.txt"
    p.write_bytes(build.pdf_bytes(excerpt("en").splitlines()))
    doc = read_document(p)
    assert doc.meta.format == "pdf" and "3. Trafficking in persons" in doc.text


def test_html_saved_as_docx_is_read_as_html(tmp_path):
    p = tmp_path / "law.docx"
    p.write_text(f"<html><body><p>{excerpt('en').splitlines()[2]}</p></body></html>", encoding="utf-8")
    doc = read_document(p)
    assert doc.meta.format == "html" and doc.text == "3. Trafficking in persons\n"


def test_akn_saved_as_html_is_read_as_akn(tmp_path):
    p = tmp_path / "ke.html"
    p.write_bytes((FIX / "ke-akn.xml").read_bytes())
    assert read_document(p).meta.format == "akn"


# ---------------------------------------------------------------------------------------
# language detection


@pytest.mark.parametrize("lang", LANGS)
def test_detect_language_on_excerpts(lang):
    text = excerpt(lang)
    assert detect_language(text) == lang
    lines = [ln for ln in text.splitlines() if len(ln) > 60]
    assert detect_language(lines[0]) == lang  # one provision is enough


SHORT = [
    ("en", "A person who finances, controls, aids or abets the commission of an offence"),
    ("fr", "Soit par abus d’une situation de vulnérabilité due à son âge"),
    ("es", "La explotación sexual, incluyendo la pornografía."),
    ("pt", "submetê-la a trabalho em condições análogas à de escravo"),
    ("ru", "в отношении заведомо несовершеннолетнего"),
    ("ar", "الجماعة الإجرامية المنظمة"),
]


@pytest.mark.parametrize("lang,text", SHORT, ids=[s[0] for s in SHORT])
def test_detect_language_on_one_clause(lang, text):
    assert detect_language(text) == lang


def test_detect_language_fallbacks():
    assert detect_language("") == "en"
    assert detect_language("   \n") == "en"
    assert detect_language("1. 2. (3) 4-5 §") == "en"


def test_detect_language_on_large_text_is_bounded():
    import time

    text = excerpt("es") * 20_000  # ~20 MB
    t = time.monotonic()
    assert detect_language(text) == "es"
    assert time.monotonic() - t < 2.0


def test_detect_language_bilingual_majority():
    assert detect_language(excerpt("ar") + "\nArticle premier. " + excerpt("fr")[:80]) == "ar"
