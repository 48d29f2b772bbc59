"""XML from outside (model files, Akoma Ntoso / generic XML statutes, DOCX parts, HTML) never makes
a network request, never reads another file, never expands entities and never runs a stylesheet.

Already covered elsewhere (not repeated here):
- billion laughs, external file entities, parameter entities, undeclared entity references, deep
  nesting in statute XML/HTML/DOCX: tests/statutes/test_bad_input.py::test_hostile_or_broken_xml,
  ::test_external_entity_is_never_resolved, ::test_html_with_entity_declarations,
  ::test_docx_with_entities, ::test_deeply_nested_xml;
- the same for model files: tests/modellaw/test_loader.py::test_bad_model_is_refused_with_one_line,
  ::test_entity_is_never_resolved.

Every "no request" test below runs a real HTTP server on 127.0.0.1 that records requests (and
proves it works with one request of its own first), then asserts it received none.
"""

from __future__ import annotations

import zipfile

import pytest

from modellaw import ModelError, load_model
from modellaw.safexml import UnsafeXMLError, parse_bytes
from statutes.readers import read_document

from .conftest import MINI_MODEL, build, refused

XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'
AKN_BODY = (
    '<section {id}="sec_1"><num>1.</num><heading>Short title</heading>'
    "<content><p>This Act is the Counter-Trafficking in Persons Act.</p></content></section>"
)


def _akn(prolog: str = "", body: str = AKN_BODY) -> str:
    return build.akn(body).replace(XML_DECL, '<?xml version="1.0" encoding="UTF-8"?>\n' + prolog, 1)


def _mini(prolog: str = "", **replace: str) -> str:
    text = MINI_MODEL.read_text(encoding="utf-8").replace(XML_DECL, XML_DECL + "\n" + prolog, 1)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def _hostile_statutes(url: str, secret_uri: str) -> dict[str, str]:
    """Statute files that would each make a request (or read `secret_uri`) if anything were fetched."""
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    return {
        "akn-external-dtd.xml": _akn(f'<!DOCTYPE akomaNtoso SYSTEM "{url}/akn.dtd">'),
        "akn-public-dtd.xml": _akn(f'<!DOCTYPE akomaNtoso PUBLIC "-//X//DTD AKN//EN" "{url}/akn-public.dtd">'),
        "akn-xslt-pi.xml": _akn(f'<?xml-stylesheet type="text/xsl" href="{url}/akn.xsl"?>'),
        "akn-xinclude.xml": _akn(
            body=AKN_BODY.replace(
                "<p>This Act",
                f'<p {xi}><xi:include href="{url}/inc.xml" parse="text"/>'
                f'<xi:include href="{secret_uri}" parse="text"/>This Act',
            )
        ),
        "akn-schema-location.xml": _akn().replace(
            "<akomaNtoso ",
            '<akomaNtoso xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="http://docs.oasis-open.org/legaldocml/ns/akn/3.0 {url}/akn.xsd" ',
            1,
        ),
        "generic-external-dtd.xml": f'{XML_DECL}\n<!DOCTYPE law SYSTEM "{url}/law.dtd">\n'
        f"<law><p>Article 1. Trafficking in persons is an offence.</p></law>",
        "generic-xinclude.xml": f"{XML_DECL}\n<law {xi}><p>Article 1. Trafficking is an offence.</p>"
        f'<xi:include href="{url}/law.xml"/><xi:include href="{secret_uri}" parse="text"/></law>',
        "html-everything.html": (
            f'<!DOCTYPE html SYSTEM "{url}/html.dtd"><html><head><title>Act</title>'
            f'<link rel="stylesheet" href="{url}/s.css"><script src="{url}/s.js"></script>'
            f'<style>@import url({url}/import.css);</style><meta http-equiv="refresh" content="0;url={url}/r">'
            f'</head><body><img src="{url}/i.png"><iframe src="{url}/frame"></iframe>'
            f'<object data="{url}/o"></object><p>Article 1. Trafficking in persons is an offence.</p>'
            f'<p style="background:url({url}/bg.png)">Article 2. Penalties.</p></body></html>'
        ),
        "xhtml-xinclude.xhtml": (
            f'{XML_DECL}<html xmlns="http://www.w3.org/1999/xhtml" {xi}><body>'
            f'<p>Article 1. Trafficking.</p><xi:include href="{url}/x.xml"/></body></html>'
        ),
    }


def test_statute_markup_never_fetches_or_includes(tmp_path, http_recorder):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    for name, text in _hostile_statutes(http_recorder.url, secret.as_uri()).items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        doc = read_document(p)  # harmless markup is read, never followed
        assert "FETCHED-OVER-HTTP" not in doc.text and "TOP-SECRET" not in doc.text, name
        assert "Article 1" in doc.text or "This Act is the Counter-Trafficking" in doc.text, (name, doc.text)
    http_recorder.assert_no_request()


def test_model_markup_never_fetches_or_includes(tmp_path, http_recorder):
    url = http_recorder.url
    xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
    loaded = {
        "external-dtd": _mini(f'<!DOCTYPE model SYSTEM "{url}/model.dtd">'),
        "xslt-pi": _mini(f'<?xml-stylesheet type="text/xsl" href="{url}/model.xsl"?>'),
        "schema-location": _mini(
            **{
                '<model xmlns="urn:modellaw:model:1"': '<model xmlns="urn:modellaw:model:1" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                f'xsi:schemaLocation="urn:modellaw:model:1 {url}/model.xsd"'
            }
        ),
    }
    for name, text in loaded.items():
        p = tmp_path / f"{name}.xml"
        p.write_text(text, encoding="utf-8")
        m = load_model(p)  # the stylesheet is not applied, the DTD not loaded, the schema is ours
        assert m.title == "Mini checklist" and "FETCHED" not in m.citation, name
    p = tmp_path / "xinclude.xml"
    p.write_text(
        _mini(
            **{
                "<citation>Test fixture</citation>": f"<citation {xi}>Test "
                f'<xi:include href="{url}/c.xml" parse="text"/></citation>'
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ModelError) as exc:  # an XInclude element is not part of the model schema
        load_model(p)
    assert "schema" in str(exc.value) and "\n" not in str(exc.value)
    http_recorder.assert_no_request()


def test_docx_parts_never_fetch(tmp_path, http_recorder):
    """External relationships (hyperlinks, attached template, linked images) and DTDs are never followed."""
    url = http_recorder.url
    good = build.make_docx(tmp_path / "good.docx", ["Article 1. Trafficking in persons is an offence."])
    with zipfile.ZipFile(good) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
        settings = zf.read("word/settings.xml").decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/hyperlink" Target="{url}/link" TargetMode="External"/>'
        f'<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="{url}/template.dotm" TargetMode="External"/>'
        f'<Relationship Id="rIdX3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/image" Target="{url}/image.png" TargetMode="External"/></Relationships>',
    )
    settings = settings.replace("<w:zoom", '<w:attachedTemplate r:id="rIdX2"/><w:zoom', 1)
    p = build.rewrite_docx(
        good,
        tmp_path / "links.docx",
        {"word/_rels/document.xml.rels": rels.encode(), "word/settings.xml": settings.encode()},
    )
    assert "Article 1" in read_document(p).text
    with zipfile.ZipFile(good) as zf:
        xml = zf.read("word/document.xml")
    head, rest = xml.split(b"?>", 1)
    dtd = build.rewrite_docx(
        good,
        tmp_path / "dtd.docx",
        {"word/document.xml": head + b"?>" + f'<!DOCTYPE w:document SYSTEM "{url}/w.dtd">'.encode() + rest},
    )
    refused(dtd, "DOCTYPE")
    http_recorder.assert_no_request()


# ---------------------------------------------------------------------------------------
# entity declarations the byte pattern cannot see: UTF-16 / UTF-32 (regression tests: before the
# fix, modellaw/safexml.py accepted these and libxml2 expanded the entity into attribute values,
# and a UTF-16 DOCX part with a DOCTYPE and entities was read)

UTF16_CASES = {
    "internal-entity-in-attribute": '<!DOCTYPE a [<!ENTITY e "INJECTED">]>\n<a b="&e;"><p>Article 1.</p></a>',
    "internal-entity-unused": '<!DOCTYPE a [<!ENTITY e "INJECTED">]>\n<a><p>Article 1.</p></a>',
    "parameter-entity-over-http": (
        '<!DOCTYPE a [<!ENTITY % ext SYSTEM "{url}/pe.dtd"> %ext;]>\n<a><p>Article 1.</p></a>'
    ),
    "external-entity-in-text": '<!DOCTYPE a [<!ENTITY s SYSTEM "{secret}">]>\n<a><p>Article 1. &s;</p></a>',
    "billion-laughs-in-attribute": (
        '<!DOCTYPE a [<!ENTITY l0 "lollollollol">'
        + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 9))
        + ']>\n<a b="&l8;"><p>Article 1.</p></a>'
    ),
}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("case", UTF16_CASES)
def test_entities_refused_in_any_encoding(tmp_path, http_recorder, codec, case):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    decl = f'<?xml version="1.0" encoding="{codec.upper().replace("-BE", "BE")}"?>\n'
    body = UTF16_CASES[case].replace("{url}", http_recorder.url).replace("{secret}", secret.as_uri())
    data = (decl + body).encode(codec)
    with pytest.raises(UnsafeXMLError) as exc:
        parse_bytes(data, "x.xml")
    assert "entit" in str(exc.value).lower() and "TOP-SECRET" not in str(exc.value)
    p = tmp_path / "law.xml"
    p.write_bytes(data)
    assert "TOP-SECRET" not in refused(p, "entit")
    http_recorder.assert_no_request()


def test_utf16_model_with_entities_refused(tmp_path):
    text = _mini('<!DOCTYPE model [<!ENTITY v "true">]>', **{'verified="true"': 'verified="&v;"'})
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    p = tmp_path / "model16.xml"
    p.write_bytes(text.encode("utf-16"))
    with pytest.raises(ModelError) as exc:
        load_model(p)
    assert "entities" in str(exc.value) and str(exc.value).startswith(f"{p}:1:")


@pytest.mark.parametrize(
    "decl, words",
    [
        ('<!DOCTYPE w:document [<!ENTITY a "INJECTED">]>', "entities"),
        ('<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/w.dtd">', "DOCTYPE"),
    ],
    ids=["entity", "external-dtd"],
)
def test_utf16_docx_part_with_doctype_refused(tmp_path, decl, words):
    good = build.make_docx(tmp_path / "good.docx", ["Article 1 text"])
    with zipfile.ZipFile(good) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    rest = rest.replace("Article 1 text", "Article 1 &a;") if "ENTITY" in decl else rest
    data = (head.replace('encoding="UTF-8"', 'encoding="UTF-16"') + "?>" + decl + rest).encode("utf-16")
    p = build.rewrite_docx(good, tmp_path / "u16.docx", {"word/document.xml": data})
    refused(p, "word/document.xml", words)


def test_utf16_docx_part_without_doctype_is_read(tmp_path):
    """The fix refuses only DOCTYPEs: a legitimate UTF-16 part is still read."""
    good = build.make_docx(tmp_path / "good.docx", ["Article 1 text"])
    with zipfile.ZipFile(good) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
    data = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode("utf-16")
    p = build.rewrite_docx(good, tmp_path / "u16.docx", {"word/document.xml": data})
    assert read_document(p).text == "Article 1 text\n"


def test_quadratic_blowup_without_doctype_is_impossible():
    """Without a DOCTYPE no entity can be declared: a big document is just big (the 50 MB cap applies)."""
    data = b'<?xml version="1.0"?><a>' + b"&amp;" * 200_000 + b"</a>"
    root = parse_bytes(data).getroot()
    assert root.text == "&" * 200_000
