"""The drafter's own Word document, returned with the assessment as Word comments.

`annotate_docx` reads the draft's paragraphs with python-docx, finds where each one stands in the
statute text the assessment was made on (`paragraph_spans`), and anchors one comment on every
paragraph that holds evidence: the provision's article and title, the verdict, the elements still
missing, "needs review" where flagged, and the reviewer's verdict where one is recorded. One more
comment, on the first paragraph, lists the mandatory provisions not fully covered. Comments are
authored "modellaw". Runs, their text and their formatting are left as they are: a comment range is
two markers around the paragraph's runs and a reference run that holds no text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.types import Assessment, Verdict
from reports.docx import embed, set_bidi
from reports.i18n import VERDICT_LABELS, is_rtl, normalize_lang, translations
from reports.view import article_label, format_confidence

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from lxml import etree

AUTHOR = "modellaw"
INITIALS = "ML"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Subtrees whose text a reader does not see: deleted text, field codes, the fallback copy of an
# alternate-content block, and paragraph/run properties.
_SKIP = {f"{{{_W}}}{t}" for t in ("delText", "instrText", "del", "pPr", "rPr")} | {f"{{{_MC}}}Fallback"}
_P = f"{{{_W}}}p"
_R = f"{{{_W}}}r"
# Slack allowed between where a paragraph is expected in the statute text and where it is found:
# list numbers the reader writes before a paragraph ("(a) ", "12. ") and line breaks.
_SLACK = 200


@dataclass(frozen=True)
class ReviewNote:
    """A person's verdict on a provision or protection key (issue 14 records them)."""

    verdict: str  # covered | partial | missing
    reviewer: str = ""
    note: str = ""


@dataclass
class ParagraphNote:
    """One paragraph of the draft that holds evidence, with the verdicts that cite it."""

    index: int  # among the document's paragraphs (see `paragraph_elements`)
    start: int
    end: int
    verdicts: list[Verdict] = field(default_factory=list)


@dataclass
class AnnotateResult:
    path: Path
    paragraphs: int  # paragraphs in the draft
    with_text: int  # paragraphs that are not empty
    aligned: int  # paragraphs found in the statute text (of those with text)
    commented: int  # paragraphs given an evidence comment
    comments: int  # comments written (evidence comments and the summary)


def is_docx(path: Path) -> bool:
    """Whether `annotate` can write comments into the file: a Word .docx (its content is checked on reading)."""
    return path.suffix.lower() == ".docx"


# --- reading paragraphs --------------------------------------------------------------------------


def _inside(el: etree._Element, stop: etree._Element | None = None) -> Iterator[etree._Element]:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        yield parent
        parent = parent.getparent()


def paragraph_elements(body: etree._Element) -> list[etree._Element]:
    """Every w:p of the body in document order (tables, content controls, insertions included).

    A paragraph inside another one (a text box) belongs to its outer paragraph, and the fallback
    copy of alternate content is not text anyone reads, as in the DOCX reader.
    """
    out = []
    for p in body.iter(_P):
        if any(a.tag == _P or a.tag in _SKIP for a in _inside(p, body)):
            continue
        out.append(p)
    return out


def paragraph_text(p: etree._Element) -> str:
    """The words of one w:p as a reader sees them: text, tabs, breaks, hyphens; not deletions."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        for c in el:
            tag = c.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            local = tag.rsplit("}", 1)[-1]
            if local == "t":
                parts.append(c.text or "")
            elif local == "tab":
                parts.append("\t")
            elif local in ("br", "cr"):
                parts.append("\n")
            elif local == "noBreakHyphen":
                parts.append("-")
            elif tag == _P:
                parts.append("\n")
                walk(c)
            else:
                walk(c)

    walk(p)
    return "".join(parts)


# --- aligning paragraphs with the statute text -----------------------------------------------------


def paragraph_spans(paragraphs: Sequence[str], text: str) -> list[tuple[int, int] | None]:
    """Where each paragraph's words stand in `text` (the statute text the reader made), or None.

    The reader writes the paragraphs in order, one a line, with list numbers before some and runs
    of blank lines collapsed, so each paragraph is looked for after the previous one found, within
    the length of the paragraphs not found since plus some slack: a short paragraph ("(a)") is
    never matched far ahead, which would misplace every paragraph after it.
    """
    out: list[tuple[int, int] | None] = []
    cursor = 0
    pending = 0  # characters of paragraphs not found since the last one found
    for para in paragraphs:
        words = para.replace("\r", "").strip()
        if not words:
            out.append(None)
            continue
        limit = cursor + pending + len(words) + _SLACK
        at = text.find(words, cursor, limit)
        if at < 0:
            out.append(None)
            pending += len(words) + 1
            continue
        out.append((at, at + len(words)))
        cursor = at + len(words)
        pending = 0
    return out


def paragraph_notes(a: Assessment, spans: Sequence[tuple[int, int] | None]) -> list[ParagraphNote]:
    """The paragraphs that hold some verdict's evidence, each with those verdicts in the model's order."""
    found = [(s[0], s[1], i) for i, s in enumerate(spans) if s is not None]
    found.sort()
    starts = [f[0] for f in found]
    notes: dict[int, ParagraphNote] = {}
    for v in a.verdicts:
        for e in v.evidence:
            # paragraphs starting before the evidence ends, back to the first that ends after it starts
            k = bisect_right(starts, e.end - 1 if e.end > e.start else e.start)
            while k > 0:
                k -= 1
                start, end, i = found[k]
                if end <= e.start:
                    break
                note = notes.setdefault(i, ParagraphNote(i, start, end))
                if not any(x is v for x in note.verdicts):
                    note.verdicts.append(v)
    order = {id(v): n for n, v in enumerate(a.verdicts)}
    for note in notes.values():
        note.verdicts.sort(key=lambda v: order[id(v)])
    return [notes[i] for i in sorted(notes)]


# --- comment wording -------------------------------------------------------------------------------


def review_for(v: Verdict, reviews: Mapping[str, ReviewNote]) -> ReviewNote | None:
    """The reviewer's verdict on the provision, else on the first of its keys that has one."""
    if v.provision.id in reviews:
        return reviews[v.provision.id]
    return next((reviews[k] for k in v.provision.keys if k in reviews), None)


def verdict_lines(v: Verdict, lang: str, review: ReviewNote | None = None) -> list[str]:
    """What a comment says of one provision, a line each: heading and verdict, missing elements, review."""
    t = translations(lang)
    _ = t.gettext
    p = v.provision
    base = "rtl" if is_rtl(lang) else "ltr"
    head = f"{article_label(p.article, lang)} — {embed(p.title, base)}"
    verdict = _(VERDICT_LABELS.get(v.verdict, v.verdict))
    line = f"{head}: {verdict} · {_('Confidence')} {format_confidence(v.confidence, lang)}"
    if v.review:
        line += f" · {_('needs review')}"
    lines = [line]
    missing = sorted(v.missing_elements, key=lambda e: not e.essential)
    if missing:
        words = [embed(e.label, base) + ("" if e.essential else f" ({_('not essential')})") for e in missing]
        lines.append(f"{_('Missing elements:')} {'; '.join(words)}")
    if review is not None:
        said = _(VERDICT_LABELS.get(review.verdict, review.verdict))
        if review.reviewer:
            said = f"{said} ({embed(review.reviewer, base)})"
        lines.append(_("Reviewer's verdict: %(verdict)s") % {"verdict": said})
        if review.note:
            lines.append(embed(review.note, base))
    return lines


def summary_lines(a: Assessment, lang: str) -> list[str]:
    """The summary comment: how many provisions were assessed, and the mandatory ones not fully covered."""
    _ = translations(lang).gettext
    base = "rtl" if is_rtl(lang) else "ltr"
    lines = [
        f"{_('Gap analysis report')} — {embed(f'{a.model.title} ({a.model.id} {a.model.version})', base)}",
        _("Provisions assessed: %(n)s") % {"n": len(a.verdicts)},
        _("Mandatory provisions not fully covered"),
    ]
    gaps = a.mandatory_gaps()
    for v in gaps:
        mark = f" · {_('needs review')}" if v.review else ""
        verdict = _(VERDICT_LABELS.get(v.verdict, v.verdict))
        title = embed(v.provision.title, base)
        lines.append(f"• {article_label(v.provision.article, lang)} — {title}: {verdict}{mark}")
    if not gaps:
        lines.append(_("None: every mandatory provision is covered."))
    return lines


# --- writing comments ------------------------------------------------------------------------------


def _runs(p: etree._Element) -> list[etree._Element]:
    """The paragraph's own runs: its children first, else those in hyperlinks, fields, insertions."""
    direct = [r for r in p.iterchildren(_R)]
    if direct:
        return direct
    return [r for r in p.iter(_R) if next((x for x in _inside(r) if x.tag == _P), None) is p]


def _comment(doc: DocxDocument, p: etree._Element, lines: list[str], rtl: bool) -> bool:
    """Anchor a comment of `lines` (one paragraph each) over the runs of `p`; False if it has no run."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    runs = _runs(p)
    if not runs:
        return False
    para = Paragraph(p, doc._body)
    first, last = Run(runs[0], para), Run(runs[-1], para)
    comment = doc.add_comment([first, last], text=_clean(lines[0]), author=AUTHOR, initials=INITIALS)
    for line in lines[1:]:
        comment.add_paragraph(_clean(line))
    if rtl:  # the comment reads right to left, like the report language
        for cp in comment.paragraphs:
            set_bidi(cp._p.get_or_add_pPr(), True)
    return True


def _clean(text: str) -> str:
    """Text XML 1.0 can carry (statute titles come from the input)."""
    return "".join(ch for ch in text if ch in "\t\n" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


def annotate_docx(
    src: str | Path,
    dst: str | Path,
    a: Assessment,
    lang: str = "en",
    reviews: Mapping[str, ReviewNote] | None = None,
    text: str | None = None,
) -> AnnotateResult:
    """Write `src` (the .docx the assessment `a` was made of) to `dst` with the comments added.

    `text` is the statute text the assessment's evidence offsets refer to (as read from `src` by
    `statutes.read_statute`, which also refuses zip bombs and hostile XML: read it before calling
    this); `reviews` maps provision ids or protection keys to a person's verdict. Raises
    StatuteError when `src` is not a Word document.
    """
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    from statutes import StatuteError

    lang = normalize_lang(lang)
    src, dst = Path(src), Path(dst)
    try:
        doc = docx.Document(str(src))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise StatuteError(
            f"{src}: not a Word .docx document ({exc}); for other formats use `modellaw compare`"
        ) from None
    elements = paragraph_elements(doc.element.body)
    texts = [paragraph_text(p) for p in elements]
    if text is None:
        from statutes import read_statute

        text = read_statute(src, lang=a.language or None).text
    spans = paragraph_spans(texts, text)
    notes = paragraph_notes(a, spans)
    rtl = is_rtl(lang)
    written = 0
    first = next((p for p, t in zip(elements, texts, strict=True) if t.strip() and _runs(p)), None)
    if first is not None and _comment(doc, first, summary_lines(a, lang), rtl):
        written += 1
    commented = 0
    for note in notes:
        lines: list[str] = []
        for v in note.verdicts:
            lines += verdict_lines(v, lang, review_for(v, reviews or {}))
        if _comment(doc, elements[note.index], lines, rtl):
            commented += 1
            written += 1
    dst.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(dst))
    return AnnotateResult(
        path=dst,
        paragraphs=len(elements),
        with_text=sum(bool(t.strip()) for t in texts),
        aligned=sum(s is not None for s in spans),
        commented=commented,
        comments=written,
    )


__all__ = [
    "AUTHOR",
    "AnnotateResult",
    "ParagraphNote",
    "ReviewNote",
    "annotate_docx",
    "is_docx",
    "paragraph_elements",
    "paragraph_notes",
    "paragraph_spans",
    "paragraph_text",
    "summary_lines",
    "verdict_lines",
]
