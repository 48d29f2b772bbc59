"""Word (.docx) reader: zip-bomb and entity checks first, then paragraphs, tables and automatic numbers."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from lxml import etree

from statutes.model import Document, StatuteMeta
from statutes.readers.common import _DOCTYPE, _ENTITY, Limits, _fail, _size
from statutes.readers.metadata import normalize_language

if TYPE_CHECKING:
    import docx.document


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _check_docx_zip(p: Path, name: str, lim: Limits) -> None:
    """Refuse zip bombs and hostile XML from the zip directory, before python-docx unpacks anything."""
    try:
        zf = zipfile.ZipFile(p)
    except zipfile.BadZipFile:
        _fail(name, "not a valid DOCX file (damaged or not a zip archive)")
    except (OSError, ValueError, EOFError) as exc:
        _fail(name, f"not a valid DOCX file ({exc})")
    with zf:
        infos = zf.infolist()
        if len(infos) > lim.max_zip_members:
            _fail(name, f"DOCX has {len(infos)} zip members, over the {lim.max_zip_members} limit")
        total = 0
        for info in infos:
            size = info.file_size
            total += size
            if size > lim.max_unzipped_bytes:
                _fail(
                    name,
                    f"DOCX member {info.filename} unpacks to {_size(size)}, over the "
                    f"{lim.max_unzipped_bytes:,}-byte limit (zip bomb?)",
                )
            ratio = size / info.compress_size if info.compress_size else (float("inf") if size else 0)
            if size > 1_000_000 and ratio > lim.max_zip_ratio:
                _fail(
                    name,
                    f"DOCX member {info.filename} has a compression ratio of {ratio:,.0f}:1, over "
                    f"{lim.max_zip_ratio}:1 (zip bomb?)",
                )
        if total > lim.max_unzipped_bytes:
            _fail(
                name,
                f"DOCX unpacks to {_size(total)} in all, over the {lim.max_unzipped_bytes:,}-byte limit (zip bomb?)",
            )
        names = {i.filename for i in infos}
        main = "word/document.xml"
        if "_rels/.rels" in names:
            try:
                from modellaw.safexml import UnsafeXMLError, parse_bytes

                rels = parse_bytes(zf.read("_rels/.rels"), "_rels/.rels").getroot()
                for rel in rels:
                    if rel.get("Type") == _REL_OFFICE_DOC and rel.get("Target"):
                        main = rel.get("Target").lstrip("/")
                        break
            except (UnsafeXMLError, KeyError):
                pass
        if main not in names:
            if "xl/workbook.xml" in names:
                _fail(name, "not a Word document: the zip is an Excel workbook")
            if "ppt/presentation.xml" in names:
                _fail(name, "not a Word document: the zip is a PowerPoint presentation")
            _fail(name, f"not a Word document: the zip has no {main}")
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                try:
                    data = zf.read(info)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
                    _fail(name, f"damaged DOCX: cannot unpack {info.filename} ({exc})")
                if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<":  # UTF-16/32: the patterns below are blind
                    from modellaw.safexml import UnsafeXMLError, parse_bytes

                    try:
                        doctype = parse_bytes(data, info.filename).docinfo.internalDTD is not None
                    except UnsafeXMLError as exc:
                        _fail(name, f"DOCX part {exc}; refused")
                    if doctype:
                        _fail(name, f"DOCX part {info.filename} has a DOCTYPE; refused")
                if _ENTITY.search(data):
                    _fail(
                        name,
                        f"DOCX part {info.filename} declares XML entities; refused (billion laughs / external entity)",
                    )
                if _DOCTYPE.search(data):
                    _fail(name, f"DOCX part {info.filename} has a DOCTYPE; refused")


class _Numbering:
    """Renders Word's automatic list numbers ("1.", "(a)") that are not in the paragraph text."""

    def __init__(self, document: docx.document.Document) -> None:
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # no numbering part
            numbering = None
        if numbering is not None:
            for an in numbering.iterchildren(_w("abstractNum")):
                levels: dict[int, tuple[str, str, int]] = {}
                for lvl in an.iterchildren(_w("lvl")):
                    ilvl = _wint(lvl.get(_w("ilvl")), 0)
                    fmt = _wval(lvl.find(_w("numFmt"))) or "decimal"
                    text = _wval(lvl.find(_w("lvlText")))
                    start = _wint(_wval(lvl.find(_w("start"))), 1)
                    levels[ilvl] = (fmt, text if text is not None else "", start)
                self.abstract[an.get(_w("abstractNumId"), "")] = levels
            for num in numbering.iterchildren(_w("num")):
                aid = _wval(num.find(_w("abstractNumId"))) or ""
                overrides = {}
                for ov in num.iterchildren(_w("lvlOverride")):
                    so = ov.find(_w("startOverride"))
                    if so is not None:
                        overrides[_wint(ov.get(_w("ilvl")), 0)] = _wint(_wval(so), 1)
                self.nums[num.get(_w("numId"), "")] = (aid, overrides)
        try:
            styles = document.styles.element
        except Exception:
            styles = None
        if styles is not None:
            by_id = {s.get(_w("styleId")): s for s in styles.iterchildren(_w("style"))}
            for sid in by_id:
                cur, seen = by_id.get(sid), 0
                while cur is not None and seen < 10:
                    numpr = cur.find(f"{_w('pPr')}/{_w('numPr')}")
                    if numpr is not None:
                        nid = _wval(numpr.find(_w("numId")))
                        if nid:
                            self.style_num[sid] = (nid, _wint(_wval(numpr.find(_w("ilvl"))), 0))
                        break
                    based = cur.find(_w("basedOn"))
                    cur = by_id.get(_wval(based)) if based is not None else None
                    seen += 1

    def label(self, p: etree._Element) -> str:
        ppr = p.find(_w("pPr"))
        nid, ilvl = None, 0
        if ppr is not None:
            numpr = ppr.find(_w("numPr"))
            if numpr is not None:
                nid = _wval(numpr.find(_w("numId")))
                ilvl = _wint(_wval(numpr.find(_w("ilvl"))), 0)
            if nid is None:
                ps = ppr.find(_w("pStyle"))
                style = _wval(ps) if ps is not None else None
                if style is not None and style in self.style_num:
                    nid, ilvl = self.style_num[style]
        if not nid or nid == "0" or nid not in self.nums:
            return ""
        aid, overrides = self.nums[nid]
        levels = self.abstract.get(aid, {})
        if ilvl not in levels:
            return ""
        counts = self.counters.setdefault(nid, {})
        start = overrides.get(ilvl, levels[ilvl][2])
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            f, _, st = levels.get(k, ("decimal", "", 1))
            return _fmt_number(counts.get(k, overrides.get(k, st)), f)

        return re.sub(r"%([1-9])", sub, text)


def _wval(el: etree._Element | None) -> str | None:
    return None if el is None else el.get(_w("val"))


def _wint(value: str | None, default: int) -> int:
    """A numbering value (w:ilvl, w:start...); a damaged one counts as absent: numbering is cosmetic."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def _roman(n: int) -> str:
    vals = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _fmt_number(n: int, fmt: str) -> str:
    if not 0 <= n <= 10_000:  # a hostile w:start (10**9) would make letters or roman numerals gigabytes long
        return str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = max(n, 1)
        s = chr(ord("a") + (k - 1) % 26) * ((k - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(max(n, 1))
        return r.upper() if fmt == "upperRoman" else r
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _para_text(p: etree._Element) -> str:
    """Text of one w:p in document order: runs, hyperlinks, insertions, fields; not deletions."""
    out: list[str] = []
    skip_tags = {_w("delText"), _w("instrText"), _w("del"), f"{{{_MC}}}Fallback", _w("pPr"), _w("rPr")}

    def rec(el: etree._Element) -> None:
        for c in el:
            tag = c.tag
            if not isinstance(tag, str) or tag in skip_tags:
                continue
            if tag == _w("t"):
                out.append(c.text or "")
            elif tag == _w("tab"):
                out.append("\t")
            elif tag in (_w("br"), _w("cr")):
                out.append("\n")
            elif tag == _w("noBreakHyphen"):
                out.append("-")
            elif tag == _w("p"):  # a paragraph in a text box
                out.append("\n")
                rec(c)
            else:
                rec(c)

    rec(p)
    return "".join(out)


def _docx_lines(container: etree._Element, numbering: _Numbering) -> Iterable[str]:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _w("p"):
            text = _para_text(child)
            label = numbering.label(child)
            if label and text.strip():
                text = f"{label} {text.lstrip()}" if not text.lstrip().startswith(label) else text
            yield text
        elif tag == _w("tbl"):
            for tr in child.iterchildren(_w("tr")):
                cells = []
                for tc in tr.iterchildren(_w("tc")):
                    cell_lines = [ln for ln in _docx_lines(tc, numbering) if ln.strip()]
                    cells.append(cell_lines)
                if all(len(c) <= 1 for c in cells):
                    row = "\t".join(c[0].strip() for c in cells if c)
                    if row:
                        yield row
                else:
                    for c in cells:
                        yield from c
        elif tag in (_w("sdt"), _w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")):
            inner = child.find(_w("sdtContent")) if tag == _w("sdt") else child
            if inner is not None:
                yield from _docx_lines(inner, numbering)


def _read_docx(p: Path, name: str, lim: Limits) -> Document:
    _check_docx_zip(p, name, lim)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(p))
    except PackageNotFoundError:
        _fail(name, "not a valid DOCX file (no Word document package inside)")
    except etree.XMLSyntaxError as exc:
        _fail(name, f"damaged DOCX: malformed XML ({exc})")
    except (KeyError, zipfile.BadZipFile) as exc:
        _fail(name, f"damaged DOCX: {exc}")
    numbering = _Numbering(document)
    body = document.element.body
    lines = [ln.replace("\r", "") for ln in _docx_lines(body, numbering)]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    if not text.strip():
        _fail(name, "DOCX has no text")
    meta = StatuteMeta(path=name, format="docx")
    try:
        cp = document.core_properties
        if cp.title:
            meta.title = cp.title.strip()
        if cp.language:
            meta.extra["declared_language"] = normalize_language(cp.language)
    except Exception:  # damaged docProps: metadata is optional
        pass
    return Document(text=text, meta=meta)
