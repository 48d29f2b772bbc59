"""One hardened XML parser for every untrusted file (model files and statutes).

lxml resolves entities and may fetch DTDs unless told not to; a model file or an
Akoma Ntoso statute comes from outside, so both are parsed with DTD loading, entity
resolution and network access switched off, and any DOCTYPE that declares entities
is refused outright rather than silently ignored.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from lxml import etree

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


class UnsafeXMLError(ValueError):
    """Raised with a one-line, user-facing reason (line number included when known)."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_bytes(data: bytes, name: str = "<input>") -> etree._ElementTree:
    """Parse untrusted XML bytes; raise UnsafeXMLError on a DOCTYPE with entities or bad XML."""
    m = _ENTITY_DECL.search(data)
    if m:
        line = data.count(b"\n", 0, m.start()) + 1
        raise UnsafeXMLError(f"{name}:{line}: DOCTYPE declares entities; entities are never resolved")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        msg = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
        msg = re.sub(r",? line \d+, column \d+$", "", msg)
        raise UnsafeXMLError(f"{name}:{line}: malformed XML: {msg}") from None
    # The byte pattern above cannot see "<!ENTITY" in UTF-16/UTF-32 input: ask the parsed DTD too.
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise UnsafeXMLError(f"{name}:1: DOCTYPE declares entities; entities are never resolved")
    # A DOCTYPE without entity declarations is harmless: load_dtd=False means an
    # external subset named by it is never fetched. References to entities it might
    # have declared stay unresolved nodes; refuse them rather than pass them on.
    for ent in root.iter(etree.Entity):
        raise UnsafeXMLError(f"{name}:{ent.sourceline or 0}: entity reference {ent.text} is never resolved")
    return root.getroottree()


def parse_file(path: str | Path, max_bytes: int = 50_000_000) -> etree._ElementTree:
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise UnsafeXMLError(f"{path}: cannot read: {exc.strerror}") from None
    size = st.st_size
    if stat.S_ISDIR(st.st_mode):
        raise UnsafeXMLError(f"{path}: cannot read: Is a directory")
    if not stat.S_ISREG(st.st_mode):  # /dev/zero, a FIFO: read_bytes would never end
        raise UnsafeXMLError(f"{path}: cannot read: not a regular file")
    if size > max_bytes:
        raise UnsafeXMLError(f"{path}: file is {size} bytes, over the {max_bytes}-byte limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnsafeXMLError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_bytes(data, str(path))
