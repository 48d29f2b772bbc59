"""Akoma Ntoso XML: text and citable units with exact offsets, taken from the markup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from statutes.model import Document, StatuteMeta, Unit
from statutes.readers.common import _WS, _fail, _Lines, _local
from statutes.readers.metadata import _sidecar_paths, normalize_language

AKN_NAMESPACES = (
    "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
    "http://www.akomantoso.org/2.0",
    "http://www.akomantoso.org/1.0",
    "http://www.akomantoso.org/1.0/",
)

_AKN_KIND = {
    "book": "part",
    "tome": "part",
    "part": "part",
    "subpart": "part",
    "title": "title",
    "subtitle": "title",
    "chapter": "chapter",
    "subchapter": "chapter",
    "division": "division",
    "subdivision": "division",
    "section": "section",
    "subsection": "subsection",
    "rule": "section",
    "subrule": "subsection",
    "article": "article",
    "paragraph": "paragraph",
    "subparagraph": "subparagraph",
    "clause": "paragraph",
    "subclause": "subparagraph",
    "alinea": "paragraph",
    "level": "paragraph",
    "point": "item",
    "indent": "item",
    "proviso": "item",
    "preamble": "preamble",
    "attachment": "schedule",
    "component": "schedule",
}
_AKN_SKIP = {"meta", "authorialNote", "noteRef", "eop", "marker", "img", "componentRef", "documentRef", "popup", "toc"}
_AKN_INLINE = {
    "b",
    "i",
    "u",
    "sup",
    "sub",
    "span",
    "ref",
    "mref",
    "rref",
    "term",
    "def",
    "abbr",
    "inline",
    "remark",
    "date",
    "person",
    "organization",
    "concept",
    "object",
    "event",
    "location",
    "process",
    "role",
    "quantity",
    "docTitle",
    "docNumber",
    "docType",
    "docDate",
    "docProponent",
    "docStage",
    "docStatus",
    "docCommittee",
    "docIntroducer",
    "docPurpose",
    "docJurisdiction",
    "docketNumber",
    "shortTitle",
    "affectedDocument",
    "relatedDocument",
    "change",
    "del",
    "ins",
    "omissis",
    "placeholder",
    "fillIn",
    "decoration",
    "vote",
    "outcome",
    "a",
    "entity",
    "legislature",
    "session",
    "courtType",
    "neutralCitation",
    "party",
    "judge",
    "lawyer",
    "signature",
    "opinion",
    "argument",
    "embeddedText",
    "quotedText",
    "recordedTime",
    "lineNumber",
    "subFlow",
}
_KIND_TITLE = {
    "part": "Part",
    "title": "Title",
    "chapter": "Chapter",
    "division": "Division",
    "schedule": "Schedule",
    "preamble": "Preamble",
    "section": "Section",
    "article": "Article",
    "subsection": "Subsection",
    "paragraph": "Paragraph",
    "subparagraph": "Subparagraph",
    "item": "Item",
}
_ID_ABBR = {
    "part": "part",
    "title": "title",
    "chapter": "chp",
    "division": "dvs",
    "section": "sec",
    "subsection": "subsec",
    "article": "art",
    "paragraph": "para",
    "subparagraph": "subpara",
    "item": "item",
    "schedule": "sched",
    "preamble": "preamble",
}
_NUM_WORD = re.compile(
    r"^(?:article|art\.?|section|sec\.?|s\.|artículo|artigo|статья|ст\.|المادة|مادة|part|chapter|"
    r"chapitre|capítulo|título|titre|partie|глава|раздел|الفصل|الباب)\s*",
    re.IGNORECASE,
)
_ISO3_TO_1 = {"eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ara": "ar", "rus": "ru", "por": "pt"}


@dataclass
class _Frame:
    """An open unit while walking an Akoma Ntoso document."""

    unit: Unit
    in_base: bool  # inside a section/article
    first_child: int | None = None  # where the first child unit starts


class _Akn:
    """Walks an Akoma Ntoso document, producing the text and its units with exact offsets."""

    def __init__(self, root: etree._Element, name: str) -> None:
        self.root = root
        self.name = name
        self.lines = _Lines()
        self.units: list[Unit] = []
        self.stack: list[_Frame] = []
        self.ids: set[str] = set()
        self.lang = "en"

    def read(self, p: Path) -> Document:
        doc_el = next((c for c in self.root if _local(c) and _local(c) != "meta"), None)
        if doc_el is None:
            _fail(self.name, "Akoma Ntoso file has no document element")
        meta = StatuteMeta(path=self.name, format="akn")
        self._frbr(doc_el, meta)
        declared = ""
        for sp in _sidecar_paths(p):  # a sidecar's language decides the citation style too
            if sp != p and sp.is_file() and sp.stat().st_size < 1_000_000:
                m = re.search(r"(?im)^#?\s*lang(?:uage)?\s*:\s*(\S+)", sp.read_bytes().decode("utf-8", "replace"))
                if m:
                    declared = normalize_language(m.group(1))
                break
        self.lang = declared or meta.language or self._guess_language(doc_el)
        self._children(doc_el)
        text = self.lines.text()
        return Document(text=text, meta=meta, units=self.units)

    # metadata --------------------------------------------------------------------------
    def _frbr(self, doc_el: etree._Element, meta: StatuteMeta) -> None:
        meta_el = next((c for c in doc_el if _local(c) == "meta"), None)
        if meta_el is None:
            return
        work = next((e for e in meta_el.iter() if _local(e) == "FRBRWork"), None)
        expr = next((e for e in meta_el.iter() if _local(e) == "FRBRExpression"), None)
        if work is not None:
            for e in work:
                n = _local(e)
                if n == "FRBRcountry" and e.get("value"):
                    code = e.get("value").strip()
                    meta.extra["country_code"] = code
                    meta.country = _country_name(code)
                elif n == "FRBRdate" and e.get("date") and not meta.year:
                    m = re.match(r"\s*(\d{4})", e.get("date"))
                    if m:
                        meta.year = m.group(1)
                elif (
                    n == "FRBRalias"
                    and e.get("value")
                    and (e.get("name") or "").lower() in ("title", "short title", "shorttitle", "")
                ):
                    meta.title = meta.title or e.get("value").strip()
                elif n == "FRBRuri" and e.get("value"):
                    meta.extra["frbr_uri"] = e.get("value")
                elif n == "FRBRnumber" and e.get("value"):
                    meta.extra["number"] = e.get("value")
        if expr is not None:
            for e in expr:
                if _local(e) == "FRBRlanguage" and e.get("language"):
                    code = e.get("language").strip().lower()
                    meta.language = _ISO3_TO_1.get(code, normalize_language(code))
        if not meta.title:
            for e in doc_el.iter():
                if _local(e) in ("shortTitle", "docTitle") and "".join(e.itertext()).strip():
                    meta.title = _WS.sub(" ", "".join(e.itertext())).strip()
                    break

    def _guess_language(self, doc_el: etree._Element) -> str:
        from statutes.lang import detect_language

        parts: list[str] = []
        n = 0
        for t in doc_el.itertext():
            parts.append(t)
            n += len(t)
            if n > 12_000:
                break
        return detect_language(" ".join(parts))

    # walking ---------------------------------------------------------------------------
    def _children(self, el: etree._Element, skip: tuple[str, ...] = ()) -> None:
        for child in el:
            tag = _local(child)
            if tag and tag not in skip:
                self._walk(child)
            self.lines.add(child.tail)

    def _walk(self, el: etree._Element) -> None:
        tag = _local(el)
        if tag in _AKN_SKIP or not tag:
            return
        if tag == "eol":
            self.lines.add(" ")
            return
        if tag in _AKN_KIND or (tag == "hcontainer" and self._hcontainer_is_unit(el)):
            self._unit(el, tag)
        elif tag in _AKN_INLINE:
            self.lines.add(el.text)
            self._children(el)
        elif tag in (
            "list",
            "body",
            "mainBody",
            "attachments",
            "components",
            "doc",
            "act",
            "bill",
            "judgmentBody",
            "debateBody",
            "amendmentBody",
            "collectionBody",
            "portionBody",
        ):
            self.lines.flush()
            self.lines.add(el.text)
            self._children(el)
            self.lines.flush()
        elif tag in ("td", "th"):
            self.lines.add(" ")
            self.lines.add(el.text)
            self._children(el)
            self.lines.add(" ")
        else:  # a block: p, content, intro, wrapUp, blockList, item, tr, heading outside a unit...
            self.lines.flush()
            num = next((c for c in el if _local(c) == "num"), None)
            if num is not None:
                self.lines.flush_prefix()
                self.lines.prefix = _text(num) or None
            self.lines.add(el.text)
            self._children(el, skip=("num",))
            self.lines.flush_prefix() if num is not None else self.lines.flush()

    @staticmethod
    def _hcontainer_is_unit(el: etree._Element) -> bool:
        name = (el.get("name") or "").lower()
        if name in ("crossheading", "crossHeading".lower()):
            return False
        return any(_local(c) in ("num", "heading") for c in el)

    def _unit(self, el: etree._Element, tag: str) -> None:
        lines = self.lines
        lines.flush_prefix()
        if self.stack and self.stack[-1].first_child is None:
            self.stack[-1].first_child = lines.pos  # the parent's own text ends here
        kind = _AKN_KIND.get(tag, "division")
        if tag == "hcontainer":
            kind = "schedule" if re.search(r"schedule|annex|appendix", el.get("name") or "", re.I) else "division"
        num_el = next((c for c in el if _local(c) == "num"), None)
        head_el = next((c for c in el if _local(c) == "heading"), None)
        num_raw = _text(num_el)
        heading = _text(head_el)
        if kind == "schedule" and tag in ("attachment", "component"):
            heading = heading or self._attachment_title(el)
        parent, parent_in_base = (self.stack[-1].unit, self.stack[-1].in_base) if self.stack else (None, False)
        is_base = kind == "article" or (kind == "section" and next(el.iter("{*}article"), None) is None)
        num = _clean_num(num_raw)
        uid = self._uid(el, kind, num, parent)
        label = self._label(kind, num, heading, parent, parent_in_base, is_base)
        start = lines.pos
        if heading:
            lines.line(f"{num_raw} {heading}" if num_raw else heading)
        elif num_raw:
            lines.prefix = num_raw
        unit = Unit(
            id=uid,
            kind=kind,
            num=num,
            label=label,
            heading=heading,
            start=start,
            end=start,
            body_end=start,
            parent=parent.id if parent else None,
            depth=len(self.stack),
        )
        self.units.append(unit)
        frame = _Frame(unit, parent_in_base or is_base)
        self.stack.append(frame)
        for child in el:
            if child is not num_el and child is not head_el and _local(child):
                self._walk(child)
            lines.add(child.tail)
        lines.flush_prefix()
        self.stack.pop()
        unit.end = max(start, lines.pos - 1)
        first_child = frame.first_child
        unit.body_end = max(start, first_child - 1) if first_child is not None else unit.end

    def _attachment_title(self, el: etree._Element) -> str:
        for e in el.iter():
            n = _local(e)
            if n == "FRBRalias" and (e.get("name") or "title").lower() == "title" and e.get("value"):
                return e.get("value").strip()
        for e in el.iter():
            if _local(e) in ("heading", "docTitle"):
                t = _text(e)
                if t:
                    return t
        return ""

    def _uid(self, el: etree._Element, kind: str, num: str, parent: Unit | None) -> str:
        uid = (el.get("eId") or el.get("id") or el.get("wId") or "").strip()
        if not uid:
            slug = re.sub(r"[^\w.-]+", "_", num).strip("_") or str(len(self.units) + 1)
            uid = f"{_ID_ABBR.get(kind, kind)}_{slug}"
            if parent is not None:
                uid = f"{parent.id}__{uid}"
        base, i = uid, 2
        while uid in self.ids:
            uid = f"{base}_{i}"
            i += 1
        self.ids.add(uid)
        return uid

    def _label(
        self, kind: str, num: str, heading: str, parent: Unit | None, parent_in_base: bool, is_base: bool
    ) -> str:
        if kind == "preamble":
            return "Preamble"
        if kind == "schedule":
            return heading or f"Schedule {num}".strip()
        if is_base:
            n = num or heading
            if self.lang == "en" and kind == "section":
                return f"s. {n}"
            if self.lang == "ar":
                return f"المادة {n}"
            if self.lang == "ru":
                return f"Ст. {n}"
            return f"Art. {n}"
        if parent_in_base and parent is not None:
            if not num:
                return parent.label
            if num.startswith("(") or (self.lang == "en" and not num.startswith("(")):
                core = num if num.startswith("(") else f"({num.strip('()')})"
                return f"{parent.label}{core}"
            return f"{parent.label}, {num}"
        title = _KIND_TITLE.get(kind, kind.capitalize())
        return f"{title} {num}".strip() if num else (heading or title)


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    parts: list[str] = []

    def rec(e: etree._Element) -> None:
        if _local(e) in _AKN_SKIP:
            return
        parts.append(e.text or "")
        for c in e:
            rec(c)
            parts.append(c.tail or "")

    rec(el)
    return _WS.sub(" ", "".join(parts)).strip()


def _clean_num(raw: str) -> str:
    s = raw.strip()
    s = _NUM_WORD.sub("", s).strip()
    if s.startswith("(") and s.endswith(")") and s.count("(") == 1 and not raw.strip().startswith("("):
        s = s[1:-1].strip()  # "مادة (1)" -> "1", but "(a)" stays "(a)"
    return s.rstrip(".:–—- ").strip()


def _country_name(code: str) -> str:
    c = code.strip()
    if len(c) in (2, 3) and c.isalpha():
        try:
            from babel import Locale

            name = Locale("en").territories.get(c.upper())
            if name:
                return name
        except Exception:  # babel missing or without data: keep the code
            pass
    return c
