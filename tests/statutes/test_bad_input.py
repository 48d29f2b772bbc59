"""Bad input is refused with one line "<path>: <reason>", quickly, and never with another exception."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statutes.model import StatuteError
from statutes.readers import decode_text, read_document
from tests.readers_support import build, refused

FIX = Path(__file__).parents[1] / "fixtures" / "readers"


# ---------------------------------------------------------------------------------------
# the file itself


def test_missing_file(tmp_path):
    refused(tmp_path / "nope.txt", "no such file")


def test_directory(tmp_path):
    d = tmp_path / "statutes.txt"
    d.mkdir()
    refused(d, "directory")


def test_empty_file(tmp_path):
    for ext in (".txt", ".docx", ".pdf", ".html", ".xml"):
        p = tmp_path / f"empty{ext}"
        p.write_bytes(b"")
        refused(p, "empty file")


@pytest.mark.parametrize(
    "content", [b"   \n\t\r\n  ", "\u00a0\u2003\n".encode("utf-8"), b"\xef\xbb\xbf \n", " \n".encode("utf-16")]
)
def test_whitespace_only(tmp_path, content):
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    refused(p, "whitespace")


def test_whitespace_only_html_and_docx(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><head><title>Law</title><script>var a=1;</script></head><body> <p> </p></body></html>")
    refused(p, "no text")
    d = build.make_docx(tmp_path / "blank.docx", ["", "   "])
    refused(d, "no text")


def test_header_but_no_text(tmp_path):
    p = tmp_path / "hdr.txt"
    p.write_text("# country: Kenya\n# title: Act\n# ---\n\n\n", encoding="utf-8")
    refused(p, "header", "no statute text")


@pytest.mark.parametrize(
    "ext,words",
    [(".doc", "legacy Word"), (".rtf", "RTF"), (".jpg", "unsupported"), ("", "no extension"), (".odt", "OpenDocument")],
)
def test_unsupported_extension(tmp_path, ext, words):
    p = tmp_path / f"law{ext}"
    p.write_text("Article 1. Text.", encoding="utf-8")
    refused(p, "unsupported file type", words)


def test_over_max_bytes_checked_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # sparse: 50 MB + 1 byte on stat, nothing written
        fh.truncate(50_000_001)
    msg = refused(p, "50,000,001 bytes", "limit")
    assert "50.0 MB" in msg
    small = tmp_path / "small.txt"
    small.write_text("Article 1. " * 200, encoding="utf-8")
    refused(small, "over the 1,000-byte limit", max_bytes=1000)


# ---------------------------------------------------------------------------------------
# binary content given as text


def test_png_named_txt(tmp_path):
    p = tmp_path / "scan.txt"
    p.write_bytes(build.tiny_png())
    refused(p, "PNG image")


def test_random_bytes_named_txt(tmp_path):
    rnd = __import__("random").Random(1234)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rnd.randrange(256) for _ in range(20_000)))
    refused(p, "binary")


def test_nul_bytes_in_text(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(b"Section 1. Short title\x00\x00\x00 more \x00 text" * 10)
    refused(p, "binary", "NUL")


def test_control_bytes_without_nul(tmp_path):
    p = tmp_path / "ctl.txt"
    p.write_bytes(bytes(range(1, 9)) * 50 + b"Article 1")
    refused(p, "binary")


def test_bad_utf16_after_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(b"\xff\xfe" + "Article".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    refused(p, "UTF-16", "byte-order mark")


def test_other_binaries_in_any_extension(tmp_path):
    cases = {
        "a.html": b"\x1f\x8b\x08\x00" + b"\x00" * 20,
        "b.xml": b"GIF89a" + b"\x00" * 20,
        "c.txt": b"\x7fELF\x02\x01\x01" + b"\x00" * 20,
        "d.md": b"{\\rtf1\\ansi Article 1}",
        "e.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        refused(p, "content is")


# ---------------------------------------------------------------------------------------
# PDF


def test_image_only_pdf(tmp_path):
    p = build.image_only_pdf(tmp_path / "scan.pdf")
    msg = refused(p, "PDF has no text layer (scanned image?); run OCR first", ocr="never")
    assert msg == f"{p}: PDF has no text layer (scanned image?); run OCR first"


def test_blank_pdf(tmp_path):
    refused(build.blank_pdf(tmp_path / "blank.pdf", pages=3), "no text layer")


def test_encrypted_pdf(tmp_path):
    src = build.make_pdf(tmp_path / "en.pdf", build.excerpt("en").splitlines())
    enc = build.encrypt_pdf(src, tmp_path / "locked.pdf", user_password="secret")
    refused(enc, "encrypted", "password")


@pytest.mark.parametrize("frac", [0.95, 0.5, 0.1])
def test_truncated_pdf(tmp_path, frac):
    data = build.pdf_bytes(build.excerpt("fr").splitlines(), lang="fr")
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: int(len(data) * frac)])
    refused(p, "PDF")


def test_pdf_with_broken_xref_and_objects(tmp_path):
    data = build.pdf_bytes(build.excerpt("es").splitlines(), lang="es")
    p = tmp_path / "broken.pdf"
    p.write_bytes(data.replace(b" obj", b" jbo"))
    refused(p, "damaged PDF")


def test_pdf_with_wrong_startxref_is_recovered(tmp_path):
    """A stale startxref offset is repaired by scanning the file; the text is still read."""
    data = build.pdf_bytes(["3. Trafficking in persons"])
    i = data.rfind(b"startxref")
    p = tmp_path / "xref.pdf"
    p.write_bytes(data[:i] + b"startxref\n999999\n%%EOF\n")
    assert read_document(p).text == "3. Trafficking in persons\n"


def test_garbage_after_pdf_header(tmp_path):
    p = tmp_path / "garbage.pdf"
    p.write_bytes(b"%PDF-1.7\n" + os.urandom(50_000))
    refused(p, "PDF")


def test_pdf_extension_without_pdf_content(tmp_path):
    p = tmp_path / "error-page.pdf"
    p.write_text("Service unavailable, try again later", encoding="utf-8")
    refused(p, "not a PDF file")


def test_pdf_with_too_many_pages(tmp_path):
    p = build.blank_pdf(tmp_path / "many.pdf", pages=5_001)
    refused(p, "5,001 pages", "5,000-page limit")
    refused(p, "5,001 pages", "100-page limit", max_pages=100)


def test_pdf_declaring_tens_of_thousands_of_pages(tmp_path):
    """The declared /Count is checked before the page tree is walked."""
    data = build.blank_pdf(tmp_path / "one.pdf").read_bytes()  # pypdf writes plain objects
    assert b"/Count 1" in data
    p = tmp_path / "count.pdf"
    p.write_bytes(data.replace(b"/Count 1", b"/Count 90000", 1))
    refused(p, "90,000 pages", "limit")


# ---------------------------------------------------------------------------------------
# DOCX


def test_docx_not_a_zip(tmp_path):
    p = tmp_path / "law.docx"
    p.write_bytes(b"Article 1. This is plain text, saved with the wrong extension.")
    refused(p, "not a DOCX file")


def test_docx_zip_without_document(tmp_path):
    p = tmp_path / "law.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("readme.txt", "Article 1")
    refused(p, "not a Word document", "word/document.xml")


def test_xlsx_named_docx(tmp_path):
    p = tmp_path / "table.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    refused(p, "Excel")


def test_truncated_docx(tmp_path):
    good = build.make_docx(tmp_path / "good.docx", build.excerpt("pt").splitlines())
    p = tmp_path / "cut.docx"
    p.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(p, "DOCX")


def test_docx_with_malformed_document_xml(tmp_path):
    good = build.make_docx(tmp_path / "good.docx", ["Article 1"])
    p = build.rewrite_docx(good, tmp_path / "bad.docx", {"word/document.xml": b"<w:document><unclosed>"})
    refused(p, "DOCX")


def test_docx_zip_bomb_by_ratio(tmp_path):
    p = build.zip_bomb_docx(tmp_path / "bomb.docx", member_bytes=30_000_000)
    assert p.stat().st_size < 200_000
    refused(p, "word/document.xml", "compression ratio", "zip bomb")


def test_docx_zip_bomb_by_size(tmp_path):
    good = build.make_docx(tmp_path / "good.docx", build.excerpt("ru").splitlines())
    refused(good, "zip bomb", max_unzipped_bytes=10_000)


@pytest.mark.parametrize(
    "decl",
    [
        b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["billion-laughs", "external-entity"],
)
def test_docx_with_entities(tmp_path, decl):
    good = build.make_docx(tmp_path / "good.docx", ["Article 1"])
    with zipfile.ZipFile(good) as zf:
        xml = zf.read("word/document.xml")
    head, rest = xml.split(b"?>", 1)
    p = build.rewrite_docx(good, tmp_path / "evil.docx", {"word/document.xml": head + b"?>" + decl + rest})
    refused(p, "entities")


# ---------------------------------------------------------------------------------------
# XML and HTML

EVIL_XML = {
    "billion-laughs": '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
    '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<akomaNtoso>&lol2;</akomaNtoso>',
    "external-entity": '<?xml version="1.0"?>\n<!DOCTYPE act [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    "<act><p>&xxe;</p></act>",
    "parameter-entity": '<?xml version="1.0"?>\n<!DOCTYPE act [<!ENTITY % ext SYSTEM "http://example.invalid/x">'
    "%ext;]>\n<act/>",
    "undeclared-entity-ref": '<?xml version="1.0"?>\n<!DOCTYPE act SYSTEM "http://example.invalid/a.dtd">\n'
    "<act><p>&undefined;</p></act>",
    "malformed": '<?xml version="1.0"?>\n<akomaNtoso><act><body></act>',
}


@pytest.mark.parametrize("name", EVIL_XML)
def test_hostile_or_broken_xml(tmp_path, name):
    p = tmp_path / "evil.xml"
    p.write_text(EVIL_XML[name], encoding="utf-8")
    msg = refused(p)
    assert "passwd" not in msg.split(":", 1)[1] or name == "external-entity"
    assert any(w in msg for w in ("entit", "malformed")), msg


def test_external_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    p = tmp_path / "x.xml"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY s SYSTEM "{secret.as_uri()}">]><a>&s;</a>')
    assert "TOP-SECRET" not in refused(p, "entities")


def test_html_with_entity_declarations(tmp_path):
    p = tmp_path / "evil.html"
    p.write_text('<!DOCTYPE html [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><html><body><p>&b;</p></body></html>')
    refused(p, "entities")


def test_binary_sidecar_is_named_after_the_statute(tmp_path):
    p = tmp_path / "ke.txt"
    p.write_text(build.excerpt("en"), encoding="utf-8")
    (tmp_path / "ke.meta").write_bytes(build.tiny_png()[8:] + b"\x00" * 10)
    refused(p, "sidecar metadata", "ke.meta", "binary")


def test_akn_without_document_element(tmp_path):
    p = tmp_path / "empty.xml"
    p.write_text('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', encoding="utf-8")
    refused(p, "no document element")


def test_deeply_nested_xml(tmp_path):
    p = tmp_path / "deep.xml"
    p.write_text("<a>" * 5000 + "x" + "</a>" * 5000, encoding="utf-8")
    refused(p)


# ---------------------------------------------------------------------------------------
# property tests: the text reader never fails with anything but StatuteError

TMP_SETTINGS = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("prop")


def _read_or_refuse(path: Path) -> str | None:
    try:
        doc = read_document(path)
    except StatuteError as exc:
        msg = str(exc)
        assert msg.startswith(f"{path}: ") and "\n" not in msg
        return None
    assert isinstance(doc.text, str) and doc.text.strip()
    return doc.text


@TMP_SETTINGS
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes_read_or_refused(scratch, data):
    p = scratch / "any.txt"
    p.write_bytes(data)
    _read_or_refuse(p)


@TMP_SETTINGS
@given(
    data=st.binary(min_size=1, max_size=400),
    lang=st.sampled_from(build.LANGS),
    codec=st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1256", "cp1251", "koi8_r", "iso8859_6"]),
    cut=st.integers(min_value=0, max_value=2000),
)
def test_damaged_statute_text_read_or_refused(scratch, data, lang, codec, cut):
    """Real excerpts in real encodings, with bytes spliced in: text or one-line refusal."""
    raw = build.excerpt(lang).encode(codec, errors="replace")
    cut = min(cut, len(raw))
    p = scratch / "damaged.txt"
    p.write_bytes(raw[:cut] + data + raw[cut:])
    _read_or_refuse(p)


_TEXT = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Zs"), blacklist_characters="#\ufeff"),
    min_size=1,
    max_size=300,
)


@TMP_SETTINGS
@given(text=_TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_text_round_trips(scratch, text, codec):
    if not text.strip():
        return
    p = scratch / "rt.txt"
    p.write_bytes(text.encode(codec))
    assert read_document(p).text == text


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000))
def test_decode_text_only_raises_statute_error(data):
    try:
        text, enc = decode_text(data, "x")
    except StatuteError as exc:
        assert str(exc).startswith("x: ")
    else:
        assert isinstance(text, str) and isinstance(enc, str)
