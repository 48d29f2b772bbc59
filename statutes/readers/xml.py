"""XML reader: Akoma Ntoso goes to its own walker, XHTML to the HTML reader, any other XML gives its text."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from statutes.model import Document, StatuteMeta
from statutes.readers.akn import AKN_NAMESPACES, _Akn
from statutes.readers.common import _WS, Limits, _fail, _Lines, _local
from statutes.readers.html import _read_html


def _read_xml(p: Path, name: str, lim: Limits) -> Document:
    from modellaw.safexml import UnsafeXMLError, parse_bytes

    data = p.read_bytes()
    try:
        tree = parse_bytes(data, name)
    except UnsafeXMLError as exc:
        msg = str(exc)
        if msg.startswith(name + ":"):  # "name:LINE: reason" -> "name: line LINE: reason"
            msg = msg[len(name) + 1 :]
            m = re.match(r"(\d+): (.*)$", msg, re.S)
            msg = f"line {m.group(1)}: {m.group(2)}" if m and m.group(1) != "0" else (m.group(2) if m else msg)
        msg = re.sub(
            r"Excessive depth in document: (\d+), use XML_PARSE_HUGE option",
            r"elements nested more than \1 levels deep; refused",
            msg,
        )
        _fail(name, msg.strip())
    root = tree.getroot()
    ns = etree.QName(root).namespace or ""
    if _local(root) == "akomaNtoso" or ns in AKN_NAMESPACES or ns.startswith(AKN_NAMESPACES[0]):
        return _Akn(root, name).read(p)
    if _local(root) == "html":
        return _read_html(p, name, lim)
    meta = StatuteMeta(path=name, format="xml")
    body = next((el for el in root.iter() if _local(el) == "body"), root)
    lines = _Lines()
    lines.add(body.text)
    _xml_walk(body, lines)
    for el in root.iter():
        if _local(el) == "title" and (el.text or "").strip():
            meta.title = _WS.sub(" ", "".join(el.itertext())).strip()
            break
    return Document(text=lines.text(), meta=meta)


_XML_INLINE = {
    "num",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "span",
    "sup",
    "sub",
    "a",
    "ref",
    "term",
    "def",
    "abbr",
    "emphasis",
    "inline",
    "small",
    "big",
    "code",
    "mark",
    "q",
    "cite",
    "var",
    "font",
    "tt",
}


def _xml_walk(el: etree._Element, lines: _Lines) -> None:
    for child in el:
        tag = _local(child)
        if not tag:  # comment or processing instruction
            lines.add(child.tail)
            continue
        if tag in _XML_INLINE:
            lines.add(child.text)
            _xml_walk(child, lines)
        else:
            lines.flush()
            lines.add(child.text)
            _xml_walk(child, lines)
            lines.flush()
        lines.add(child.tail)
