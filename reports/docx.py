"""The gap report as an editable Word document, for advisers who revise it before sending it.

The same `ReportView` as the HTML report, in the same order and the same words (the gettext
catalogs), so a DOCX report says what the HTML one says in every report language. Everything is
laid out with named styles (Title, Heading 1-4, List Bullet, Quote, Table Grid and a few of its
own: verdict words, the cited unit, notes), never with formatting on the runs, so an adviser
restyles the whole report by editing a style. An Arabic report reads right to left: the
document defaults, the section and the tables are set right to left, and each quoted clause
takes the direction of its own first strong character.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Callable

from analysis.types import Assessment, Evidence
from reports.i18n import normalize_lang, translations
from reports.view import ProvisionView, ReportView, build_view, textdir

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml import etree

# Children of w:pPr that the schema (ECMA-376 CT_PPrBase) puts after w:bidi: it goes before the first present.
_AFTER_BIDI = [
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
# Children of w:sectPr after w:bidi (CT_SectPr), and of w:tblPr after w:bidiVisual (CT_TblPr).
_SECT_AFTER_BIDI = ["rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
_TBL_AFTER_BIDI = [
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
]
_TBL_AFTER_BIDI += ["tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange"]

VERDICT_STYLES = {"covered": "Verdict Covered", "partial": "Verdict Partly Covered", "missing": "Verdict Missing"}
REVIEW_STYLE = "Needs Review"
CITATION_STYLE = "Citation"
NOTE_STYLE = "Report Note"


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


def _insert_ordered(parent: etree._Element, child: etree._Element, after: list[str]) -> None:
    """Put `child` before the first child of `parent` that the schema orders after it."""
    for i, c in enumerate(parent):
        if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] in after:
            parent.insert(i, child)
            return
    parent.append(child)


def set_bidi(ppr: etree._Element, rtl: bool) -> None:
    """Set a paragraph's (or paragraph style's) direction: w:bidi, or w:bidi w:val="0" for left to right."""
    from docx.oxml.parser import OxmlElement

    for old in ppr.findall(_w("bidi")):
        ppr.remove(old)
    el = OxmlElement("w:bidi") if rtl else OxmlElement("w:bidi", attrs={_w("val"): "0"})
    _insert_ordered(ppr, el, _AFTER_BIDI)


# Unicode directional embeddings (UAX #9): a value written in the other direction than its paragraph keeps
# its own order, as <bdi> does in the HTML report; Word and LibreOffice both honour them.
_EMBED = {"ltr": "\u202a", "rtl": "\u202b"}
_POP = "\u202c"


def embed(text: str, base: str) -> str:
    """`text` wrapped in an embedding of its own direction when that is not `base` (the paragraph's)."""
    direction = textdir(text, base)
    return text if direction == base or not text else _EMBED[direction] + text + _POP


def _clean(text: object) -> str:
    """Text XML 1.0 can carry: statute words come from the input."""
    return "".join(ch for ch in str(text or "") if ch in "\t\n" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def _define_styles(doc: DocxDocument) -> None:
    """The report's own styles, with their looks in the style, where an editor changes them once."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    colours = {"covered": "1E6B34", "partial": "8A5A00", "missing": "A11D1D"}
    for verdict, name in VERDICT_STYLES.items():
        s = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        s.base_style = styles["Strong"]
        s.font.color.rgb = RGBColor.from_string(colours[verdict])
    review = styles.add_style(REVIEW_STYLE, WD_STYLE_TYPE.CHARACTER)
    review.base_style = styles["Strong"]
    review.font.color.rgb = RGBColor.from_string("6B2FA3")
    cite = styles.add_style(CITATION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cite.base_style = styles["Normal"]
    cite.font.bold = True
    cite.font.size = Pt(9)
    cite.paragraph_format.keep_with_next = True
    cite.paragraph_format.space_after = Pt(0)
    note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = styles["Normal"]
    note.font.italic = True


def _set_language(doc: DocxDocument, lang: str, rtl: bool) -> None:
    """Document defaults: the report language for spelling, and right to left for an RTL language."""
    from docx.oxml.parser import OxmlElement

    defaults = doc.styles.element.find(_w("docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        doc.styles.element.insert(0, defaults)
    rpr_default = defaults.find(_w("rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_w("rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(_w("lang")):
        rpr.remove(old)
    attrs = {_w("val"): lang, _w("eastAsia"): lang}
    if rtl:
        attrs[_w("bidi")] = lang
    rpr.append(OxmlElement("w:lang", attrs=attrs))  # w:lang is last in CT_RPr's sequence here
    doc.core_properties.language = lang
    if not rtl:
        return
    ppr_default = defaults.find(_w("pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    ppr = ppr_default.find(_w("pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        ppr_default.append(ppr)
    set_bidi(ppr, True)
    for section in doc.sections:
        _insert_ordered(section._sectPr, OxmlElement("w:bidi"), _SECT_AFTER_BIDI)


class _Writer:
    def __init__(self, r: ReportView) -> None:
        import docx

        self.r = r
        self.t = translations(r.lang)
        self.rtl = r.dir == "rtl"
        self.doc = docx.Document()
        self._style_ids: dict[str, str] = {}
        _define_styles(self.doc)
        _set_language(self.doc, r.lang, self.rtl)

    def _(self, message: str, **values: Any) -> str:
        text: str = self.t.gettext(message)
        return text % values if values else text.replace("%%", "%")

    def count(self, message: str) -> str:
        return str(self.t.pgettext("count", message))

    def style_id(self, name: str) -> str:
        """The id of a style, looked up once (python-docx looks styles up by name on every paragraph)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def para(self, text: str = "", style: str | None = None, direction: str | None = None) -> Paragraph:
        return self.parts([(text, None)], style, direction)

    def parts(
        self, parts: list[tuple[str, str | None]], style: str | None = None, direction: str | None = None
    ) -> Paragraph:
        """A paragraph in a paragraph style, of runs each in a character style or none.

        Each run is one value or label; one written in the other direction than the paragraph
        (`direction`, else the report's) is embedded in its own.
        """
        p = self.doc.add_paragraph()
        if style:
            p._p.get_or_add_pPr().style = self.style_id(style)
        base = direction or self.r.dir
        for text, char_style in parts:
            if text:
                run = p.add_run(embed(_clean(text), base))
                if char_style:
                    run._r.style = self.style_id(char_style)
        return p

    def heading(self, text: str, level: int) -> Paragraph:
        return self.para(text, f"Heading {level}")

    def table(self, rows: list[list[str]], header: bool = False, first_cm: float = 7.0) -> Table:
        """A grid: the first column `first_cm` wide (row labels), the page width shared by the others."""
        from docx.oxml.parser import OxmlElement
        from docx.shared import Cm

        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid")
        table.autofit = False
        rest = Cm((16.0 - first_cm) / max(1, len(rows[0]) - 1))
        for row, values in zip(table.rows, rows, strict=True):
            for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                cell.text = embed(_clean(value), self.r.dir)
                cell.width = Cm(first_cm) if i == 0 else rest
        if header:  # the header row repeats on each page
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        if self.rtl:
            tbl_pr = table._tbl.tblPr
            _insert_ordered(tbl_pr, OxmlElement("w:bidiVisual"), _TBL_AFTER_BIDI)
        return table

    def quote(self, e: Evidence) -> None:
        self.para(e.unit, CITATION_STYLE)
        direction = textdir(e.text, self.r.statute_dir)
        p = self.para(e.text, "Quote", direction)
        if (direction == "rtl") != self.rtl:  # a quoted clause keeps the direction of the statute's words
            set_bidi(p._p.get_or_add_pPr(), direction == "rtl")

    def title(self, p: ProvisionView) -> str:
        """The provision's title, marked as the HTML report marks a title written for the tool."""
        return f"{p.title} ({self._('title ours')})" if p.title_ours else p.title

    def provision_heading(self, p: ProvisionView) -> None:
        _ = self._
        title = self.title(p)
        self.parts([(p.label, None), (" — ", None), (title, None)], "Heading 4")
        parts: list[tuple[str, str | None]] = [
            (p.verdict_label, VERDICT_STYLES.get(p.verdict)),
            (f" · {p.status_label} · {_('Chapter')} ", None),
            (f"{p.chapter}. {p.chapter_title}", None),
            (f" · {_('Confidence')} ", None),
            (p.confidence if not self.rtl else _EMBED["ltr"] + p.confidence + _POP, None),  # a number: as in HTML
        ]
        if p.review:
            parts += [(" · ", None), (_("needs review"), REVIEW_STYLE)]
        self.parts(parts)
        if p.no_cues:
            self.para(
                _("The model has no cues in the statute's language for this provision, so this verdict is unreliable."),
                NOTE_STYLE,
            )

    def labelled(self, label: str, text: str) -> None:
        self.parts([(label, "Strong"), (" ", None), (text, None)])

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.para(item, "List Bullet")

    # --- sections, in the order of the HTML report ---------------------------------------------

    def facts(self) -> None:
        _, r = self._, self.r
        self.heading(_("Statute, model and tool"), 1)
        rows = [
            [_("Statute"), r.title or _("not stated")],
            [_("Country"), r.country or _("not stated")],
            [_("Year"), r.year or _("not stated")],
            [_("Language of the statute"), r.language or _("not stated")],
            [_("Model law"), f"{r.model_title} ({r.model_id})"],
            [_("Model version"), r.model_version],
            [_("Assessment date"), r.created],
            [_("Tool"), f"{r.tool} {r.tool_version}"],
            [_("Citable units read"), str(r.units)],
        ]
        if r.file:
            rows.append([_("File"), r.file])
        if r.sha256:
            rows.append([_("Fingerprint (SHA-256)"), r.sha256])
        self.table(rows, first_cm=5.0)

    def summary(self) -> None:
        """The executive summary, in the HTML report's order: counts, chapters, mandatory gaps, verdicts to review."""
        _, r = self._, self.r
        self.heading(_("Executive summary"), 1)
        self.para(_("Provisions assessed: %(n)s", n=r.total))
        head = ["", self.count("Covered"), self.count("Partly covered"), self.count("Missing")]
        m, c = r.mandatory, r.counts
        self.table(
            [
                head,
                [_("Mandatory provisions"), str(m["covered"]), str(m["partial"]), str(m["missing"])],
                [_("All provisions"), str(c["covered"]), str(c["partial"]), str(c["missing"])],
            ],
            header=True,
        )
        self.heading(_("By chapter"), 2)
        rows = [[_("Chapter"), self.count("Covered"), self.count("Partly covered"), self.count("Missing"), _("Total")]]
        for ch in r.chapters:
            rows.append([f"{ch.id}. {ch.title}", str(ch.covered), str(ch.partial), str(ch.missing), str(ch.total)])
        rows.append([_("Total"), str(c["covered"]), str(c["partial"]), str(c["missing"]), str(r.total)])
        self.table(rows, header=True)
        self.heading(_("Mandatory protections not fully covered"), 2)
        if r.mandatory_gaps:
            for p in r.mandatory_gaps:
                self.parts(
                    [(p.label, None), (" — ", None), (self.title(p), None), (" · ", None)]
                    + [(p.verdict_label, VERDICT_STYLES.get(p.verdict))],
                    "List Bullet",
                )
        else:
            self.para(_("None: every mandatory protection is covered."))
        self.review()

    def review(self) -> None:
        _, r = self._, self.r
        self.heading(_("Verdicts that need review"), 2)
        if not r.needs_review:
            self.para(_("None: every verdict is above the review threshold."))
            return
        self.para(_("The tool is least sure of these verdicts: check each against the statute before relying on it."))
        for p in r.needs_review:
            self.parts(
                [(p.label, None), (" — ", None), (self.title(p), None), (" · ", None)]
                + [(p.verdict_label, VERDICT_STYLES.get(p.verdict)), (f" · {_('Confidence')} {p.confidence}", None)],
                "List Bullet",
            )

    def about(self) -> None:
        """How the verdicts are made and how accurate they were measured to be (the HTML report's box)."""
        _, r = self._, self.r
        self.heading(_("About this assessment"), 1)
        self.para(
            _(
                "Each provision of the Model Law is broken into the legal elements a statute must contain. The tool "
                "looks for the words national laws use for each element (cues, in six languages) within one citable "
                "unit of the statute, then applies rules of legal reading that can lower a verdict (an offence "
                "limited to some victims, a protection left to an authority's discretion)."
            )
        )
        acc = r.accuracy
        if acc:
            self.para(
                _(
                    "Measured accuracy, by language of the statute (labelled statutes, measured %(date)s):",
                    date=acc.measured,
                )
            )
            rows = [[_("Language"), _("Statutes"), _("Verdicts"), _("Agree with the experts"), _("Flagged for review")]]
            for a in [*acc.rows, acc.overall]:
                rows.append([a.language, str(a.statutes), str(a.n), str(a.accuracy), str(a.flagged)])
            self.table(rows, header=True, first_cm=4.0)
            if not acc.statute_measured:
                self.para(
                    _("No labelled statute in the language of this statute: its accuracy is not measured."), NOTE_STYLE
                )
        else:
            self.para(_("No measured accuracy for this model."), NOTE_STYLE)
        self.para(_("This tool assists legal review; it does not replace it."))

    def gaps(self) -> None:
        _, r = self._, self.r
        self.heading(_("Missing protections"), 1)
        self.para(
            _("Provisions of the Model Law that the statute lacks or covers only in part, mandatory provisions first.")
        )
        if not r.gaps:
            self.para(_("No missing protections were found."))
        for g in r.gaps:
            self.heading(g.label, 2)
            for p in g.provisions:
                self.provision_heading(p)
                self.labelled(_("What the Model Law asks:"), p.summary)
                if p.missing:
                    self.para(_("Missing elements:"), CITATION_STYLE)
                    self.bullets([e.label if e.essential else f"{e.label} ({_('not essential')})" for e in p.missing])
                if p.closest:
                    self.para(_("Closest clause found:"), CITATION_STYLE)
                    self.quote(p.closest)
                else:
                    self.para(_("No related clause was found in the statute."), NOTE_STYLE)

    def covered(self) -> None:
        _, r = self._, self.r
        self.heading(_("Covered provisions"), 1)
        self.para(_("Provisions of the Model Law that the statute covers, with the clauses that are the evidence."))
        if not r.covered:
            self.para(_("No provision is fully covered."))
        for g in r.covered:
            self.heading(g.label, 2)
            for p in g.provisions:
                self.provision_heading(p)
                self.labelled(_("What the Model Law asks:"), p.summary)
                if p.evidence:
                    self.para(_("Evidence:"), CITATION_STYLE)
                    for e in p.evidence:
                        self.quote(e)
                if p.missing:
                    self.para(_("Non-essential elements not found:"), CITATION_STYLE)
                    self.bullets([e.label for e in p.missing])

    def method(self) -> None:
        _, r = self._, self.r
        self.heading(_("Method"), 1)
        self.para(
            _(
                "The statute is read as a tree of citable units (parts, sections or articles, subsections, "
                "paragraphs). Each provision of the Model Law is broken into the distinct legal elements a statute "
                "must contain, and each element carries cues in several languages: the words national laws use to "
                "express it. An element is found when its cues match within one unit of the statute."
            )
        )
        self.para(
            _(
                "A provision is covered when all of its essential elements are found, partly covered when some of "
                "them are found, and missing when none is found."
            )
        )
        if r.calibrated:
            self.para(
                _(
                    "Confidence is the estimated probability that the verdict is right, measured on national statutes "
                    "labelled by experts: of the verdicts shown at 80%%, about eight in ten agree with the experts. "
                    'Verdicts under the review threshold are marked "needs review" and listed apart.'
                )
            )
        else:
            self.para(
                _(
                    "This model has no calibration: confidence only says how clearly the words of the statute match, "
                    "not how often such a verdict is right, so every verdict needs review."
                )
            )
        self.para(
            _(
                "Titles, summaries and elements of the Model Law are given in the language of the model file. "
                "Statute clauses are quoted exactly as they stand in the text that was read, with the unit that "
                "holds them."
            )
        )
        self.parts(
            [
                (_("This tool assists legal review; it does not replace it."), "Strong"),
                (" ", None),
                (
                    _(
                        "A statute may meet a provision in words the cues do not recognise, and other laws of the "
                        "same State (a penal code, a children's act) are not read unless they are in the file assessed."
                    ),
                    None,
                ),
            ]
        )

    def write(self) -> bytes:
        _, r = self._, self.r
        self.para(_("Gap analysis report"), "Title")
        self.para(r.title or _("not stated"), "Subtitle")
        steps: list[Callable[[], None]] = [self.summary, self.about, self.facts, self.gaps, self.covered]
        for step in steps + [self.method]:
            step()
        footer = self.doc.sections[0].footer.paragraphs[0]
        footer.text = _clean(
            _("Generated by %(tool)s %(version)s on %(date)s.", tool=r.tool, version=r.tool_version, date=r.created)
        )
        props = self.doc.core_properties
        props.title = _clean(f"{_('Gap analysis report')} — {r.title}")[:255]
        props.author = r.tool
        props.subject = _clean(r.model_title)[:255]
        props.comments = ""
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def render_docx(a: Assessment, lang: str = "en") -> bytes:
    """The gap report as a .docx file's bytes, in the report language `lang`."""
    lang = normalize_lang(lang)
    return _Writer(build_view(a, lang)).write()


__all__ = ["embed", "render_docx", "set_bidi", "VERDICT_STYLES", "REVIEW_STYLE", "CITATION_STYLE", "NOTE_STYLE"]
