"""HTML reader: visible text of the body as lines, scripts and navigation dropped."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree

from statutes.model import Document, StatuteMeta
from statutes.readers.common import _ENTITY, _WS, Limits, _fail, _Lines
from statutes.readers.encoding import _bomless_utf16, decode_text
from statutes.readers.metadata import normalize_language

_HTML_DROP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "button",
    "select",
    "canvas",
    "audio",
    "video",
    "map",
}
_HTML_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "legend",
    "html",
    "frameset",
    "frame",
    "noframes",
    "option",
    "optgroup",
    "textarea",
    "output",
    "search",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode_html(data: bytes, name: str) -> str:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)[0]
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = ""
        if enc:
            if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
                enc = "cp1252"  # as browsers do
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                pass
    return decode_text(data, name)[0]


def _read_html(p: Path, name: str, lim: Limits) -> Document:
    from lxml import html as lhtml

    data = p.read_bytes()
    if (
        b"\x00" in data[:4096]
        and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        and not _bomless_utf16(data)
    ):
        _fail(name, "binary content (NUL bytes), not an HTML file")
    if _ENTITY.search(data[:65536]):
        _fail(name, "declares XML entities (<!ENTITY); refused")
    text = _decode_html(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        _fail(name, "contains only whitespace, no text")
    parser = lhtml.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, recover=True)
    try:
        root = lhtml.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        _fail(name, "no text found" if "empty" in str(exc).lower() else f"cannot parse HTML: {exc}")
    meta = StatuteMeta(path=name, format="html")
    title_el = root.find(".//title")
    if title_el is not None:
        meta.title = _WS.sub(" ", title_el.text_content()).strip()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        meta.extra["declared_language"] = normalize_language(lang)
    body = root.find("body")
    if body is None:
        body = root
    lines = _Lines()
    _html_walk(body, lines)
    return Document(text=lines.text(), meta=meta)


def _html_walk(el: etree._Element, lines: _Lines, depth: int = 0) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        tag = tag.lower().rsplit("}", 1)[-1]
        if not tag or tag in _HTML_DROP or child.get("hidden") is not None:
            lines.add(child.tail)
            continue
        if tag == "br":
            lines.flush()
        elif tag == "pre":
            lines.flush()
            for ln in child.text_content().split("\n"):
                lines.line(ln)
        elif tag in ("td", "th"):
            lines.add(" ")
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
            lines.add(" ")
        elif tag in _HTML_BLOCK:
            lines.flush()
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
            lines.flush()
        else:
            lines.add(child.text)
            _html_walk(child, lines, depth + 1)
        lines.add(child.tail)


# ---------------------------------------------------------------------------------------
# XML: Akoma Ntoso and generic
