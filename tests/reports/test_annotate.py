"""`modellaw annotate`: the drafter's .docx back with a comment on every paragraph holding evidence."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from analysis import assess
from cli import app
from modellaw import resolve_model
from reports import render
from reports.annotate import (
    AUTHOR,
    ReviewNote,
    annotate_docx,
    paragraph_elements,
    paragraph_notes,
    paragraph_spans,
    paragraph_text,
    summary_lines,
    verdict_lines,
)
from reports.i18n import VERDICT_LABELS, languages, translations
from reports.view import article_label
from statutes import StatuteError, read_statute
from tests.corpus import KENYA, STATUTES, statute_text
from tests.reports.docx_support import SOFFICE_HINT, ink, save_as_docx, save_with_libreoffice, soffice, to_pdf, to_png

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"
KUWAIT = STATUTES / "kw-law-91-2013.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _plain(text: str) -> str:
    """Comment text without the directional embeddings that keep English words in order in Arabic."""
    return re.sub("[\u202a-\u202e]", "", text)


# --- aligning paragraphs with the statute text ------------------------------------------------------

LONG = "x" * 1000
SPANS = [
    ("one line each", ["A b.", "", "C d."], "A b.\nC d.\n", [(0, 4), None, (5, 9)]),
    (
        "list numbers written before",
        ["keeping a person", "forced labour"],
        "(a) keeping a person\n(b) forced labour\n",
        [(4, 20), (25, 38)],
    ),
    ("table cells joined by tabs", ["Name", "Value"], "Name\tValue\n", [(0, 4), (5, 10)]),
    (
        "blank lines collapsed",
        ["", "", "", "X", "", "", "Y"],
        "X\n\nY\n",
        [None, None, None, (0, 1), None, None, (3, 4)],
    ),
    ("carriage returns dropped", ["A\r\nB"], "A\nB\n", [(0, 3)]),
    ("a paragraph not read", ["zzz", "B"], "yyy\nB\n", [None, (4, 5)]),
    ("a short paragraph is not matched far ahead", ["(a)", "tail"], f"head\n{LONG}\n(a)\n", [None, None]),
    ("repeated words are taken in order", ["(a)", "(a)"], "(a) first\n(a) second\n", [(0, 3), (10, 13)]),
]


@pytest.mark.parametrize("case,paragraphs,text,expected", SPANS, ids=[c[0] for c in SPANS])
def test_paragraph_spans(case, paragraphs, text, expected):
    spans = paragraph_spans(paragraphs, text)
    assert spans == expected
    for para, span in zip(paragraphs, spans, strict=True):
        if span is not None:
            assert text[span[0] : span[1]] == para.replace("\r", "").strip()


def test_paragraph_notes(assessment):
    evidence = sorted({(e.start, e.end) for v in assessment.verdicts for e in v.evidence})
    assert len(evidence) >= 4
    first = evidence[0]
    middle = (first[0] + first[1]) // 2
    # the first clause split across two paragraphs, every other clause one paragraph, and one paragraph of nothing
    spans = [(first[0], middle), (middle, first[1]), *evidence[1:], (10_000, 10_010), None]
    notes = paragraph_notes(assessment, spans)
    assert [n.index for n in notes] == list(range(len(evidence) + 1))
    for n in notes:
        start, end = spans[n.index]
        citing = [v for v in assessment.verdicts if any(e.start < end and e.end > start for e in v.evidence)]
        assert n.verdicts == citing  # each verdict once, in the model's order
    shared = next(n for n in notes if any(v.provision.id == "offence-trafficking" for v in n.verdicts))
    assert sum(v.provision.id == "offence-trafficking" for v in shared.verdicts) == 1


@pytest.mark.parametrize("lang", languages())
def test_comment_wording(assessment, lang):
    t = translations(lang)
    v = next(v for v in assessment.verdicts if v.provision.id == "compensation")  # partial, needs review
    lines = [_plain(line) for line in verdict_lines(v, lang, ReviewNote("covered", "J. Doe", "s. 17 suffices"))]
    assert lines[0].startswith(f"{article_label(v.provision.article, lang)} — {v.provision.title}: ")
    assert t.gettext(VERDICT_LABELS["partial"]) in lines[0] and t.gettext("needs review") in lines[0]
    assert lines[1].startswith(t.gettext("Missing elements:"))
    assert all(e.label in lines[1] for e in v.missing_elements)
    reviewer = t.gettext("Reviewer's verdict: %(verdict)s") % {"verdict": t.gettext("Covered") + " (J. Doe)"}
    assert reviewer in lines and lines[-1] == "s. 17 suffices"
    confident = next(v for v in assessment.verdicts if v.provision.id == "offence-trafficking")
    assert verdict_lines(confident, lang) == [verdict_lines(confident, lang)[0]]
    assert t.gettext("needs review") not in verdict_lines(confident, lang)[0]
    summary = summary_lines(assessment, lang)
    assert t.gettext("Mandatory provisions not fully covered") in summary
    for g in assessment.mandatory_gaps():
        assert any(g.provision.title in line for line in summary), g.provision.id


# --- a real statute saved as DOCX ---------------------------------------------------------------------

REAL = [
    pytest.param((KENYA if KENYA.is_file() else SAMPLE, "en", "python-docx"), id="kenya-en"),
    pytest.param((KUWAIT, "ar", "python-docx-rtl"), id="kuwait-ar"),
    pytest.param((KENYA if KENYA.is_file() else SAMPLE, "en", "libreoffice"), id="kenya-saved-by-libreoffice"),
]


def _shape(p, strip: bool = False):
    """Every element of a paragraph (tag, attributes, text), without comment anchors if `strip`: what the draft had."""
    if strip:
        p = copy.deepcopy(p)
        for el in list(p.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
            el.getparent().remove(el)
        for ref in list(p.iter(f"{W}commentReference")):
            run = ref.getparent()
            run.getparent().remove(run)
    return [(el.tag, sorted(el.attrib.items()), el.text, el.tail) for el in p.iter()]


@pytest.fixture(scope="module", params=REAL)
def annotated(request, tmp_path_factory):
    source, lang, writer = request.param
    if not source.is_file():
        pytest.skip(f"{source}: corpus statute absent")
    tmp = tmp_path_factory.mktemp(f"annotate-{lang}")
    if writer == "libreoffice":
        if soffice() is None:
            pytest.skip(SOFFICE_HINT)
        draft = save_with_libreoffice(statute_text(source), tmp / f"{source.stem}.docx")
    else:
        draft = save_as_docx(statute_text(source), tmp / f"{source.stem}.docx", rtl=writer.endswith("rtl"))
    st = read_statute(draft)
    a = assess(st, resolve_model("tip-2009"))
    cited = next(v for v in a.verdicts if v.evidence)
    reviews = {cited.provision.keys[0]: ReviewNote("partial", "Reviewer A")}
    out = tmp / f"{source.stem}.reviewed.docx"
    res = annotate_docx(draft, out, a, lang, reviews=reviews, text=st.text)
    return draft, out, a, st, res, lang, cited


def test_text_and_formatting_are_unchanged(annotated):
    draft, out, *_ = annotated
    before, after = docx.Document(str(draft)), docx.Document(str(out))
    pb, pa = paragraph_elements(before.element.body), paragraph_elements(after.element.body)
    assert len(pb) == len(pa) > 40
    assert [p.text for p in before.paragraphs] == [p.text for p in after.paragraphs]
    assert [paragraph_text(p) for p in pb] == [paragraph_text(p) for p in pa]
    anchored = 0
    for b, a in zip(pb, pa, strict=True):
        assert _shape(a, strip=True) == _shape(b)  # every run and its formatting as it was
        anchored += _shape(a) != _shape(b)
    assert anchored > 10  # the comparison sees the anchors it strips


def test_one_comment_per_paragraph_with_evidence_and_a_summary(annotated):
    draft, out, a, st, res, lang, cited = annotated
    doc = docx.Document(str(out))
    elements = paragraph_elements(doc.element.body)
    texts = [paragraph_text(p) for p in elements]
    spans = paragraph_spans(texts, st.text)
    assert res.aligned == res.with_text == sum(bool(t.strip()) for t in texts)  # every paragraph found
    evidence = [(e.start, e.end) for v in a.verdicts for e in v.evidence]
    with_evidence = [i for i, s in enumerate(spans) if s and any(b < s[1] and e > s[0] for b, e in evidence)]
    assert len(with_evidence) >= 10  # a real act is cited in many places
    comments = {c.comment_id: c for c in doc.comments}
    plain = {cid: _plain(c.text) for cid, c in comments.items()}
    assert len(comments) == len(with_evidence) + 1 == res.comments
    assert {c.author for c in comments.values()} == {AUTHOR}
    anchored: dict[int, list[int]] = {}
    for i, p in enumerate(elements):
        for start in p.iter(f"{W}commentRangeStart"):
            anchored.setdefault(i, []).append(int(start.get(f"{W}id")))
    first = next(i for i, t in enumerate(texts) if t.strip())
    t = translations(lang)
    summary = [
        comments[c] for c in anchored[first] if t.gettext("Mandatory provisions not fully covered") in comments[c].text
    ]
    assert len(summary) == 1
    for g in a.mandatory_gaps():
        assert g.provision.title in summary[0].text
    assert sorted(i for i, ids in anchored.items() for c in ids if comments[c] is not summary[0]) == with_evidence
    for i in with_evidence:
        (cid,) = [c for c in anchored[i] if comments[c] is not summary[0]]
        s = spans[i]
        for v in a.verdicts:
            if any(e.start < s[1] and e.end > s[0] for e in v.evidence):
                assert f"{article_label(v.provision.article, lang)} — {v.provision.title}" in plain[cid]
    reviewed = t.gettext("Reviewer's verdict: %(verdict)s") % {"verdict": t.gettext("Partly covered") + " (Reviewer A)"}
    holding = [plain[c] for c in comments if cited.provision.title in plain[c] and comments[c] is not summary[0]]
    assert holding and all(reviewed in text for text in holding)
    assert sum(reviewed in text for text in plain.values()) == len(holding)


@pytest.mark.skipif(soffice() is None, reason=SOFFICE_HINT)
def test_annotated_draft_opens_in_libreoffice(annotated, tmp_path):
    _, out, *_ = annotated
    pdf = to_pdf(out, tmp_path)
    pages = to_png(pdf, tmp_path, 1, 1)
    assert all(ink(png) > 0.005 for png in pages)  # the first page shows the draft's text


def test_runs_in_hyperlinks_and_insertions_and_comments_already_there(assessment, replace, tmp_path):
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    first = doc.add_paragraph("Section 1. Plain words of the first section.")
    doc.add_comment(first.runs, "an adviser's note", author="Adviser")
    linked = doc.add_paragraph()
    linked._p.append(
        parse_xml(f'<w:hyperlink {ns} w:anchor="s2"><w:r><w:t>Linked words of two.</w:t></w:r></w:hyperlink>')
    )
    inserted = doc.add_paragraph()
    inserted._p.append(
        parse_xml(f'<w:ins {ns} w:id="90" w:author="Drafter"><w:r><w:t>Inserted words of three.</w:t></w:r></w:ins>')
    )
    draft = tmp_path / "draft.docx"
    doc.save(str(draft))
    text = read_statute(draft).text
    cited = []
    for v, words in zip(assessment.verdicts, ["Linked words of two.", "Inserted words of three."], strict=False):
        at = text.index(words)
        cited.append(replace(v, evidence=[replace(v.evidence[0], start=at, end=at + len(words))] if v.evidence else []))
    a = replace(assessment, verdicts=cited + [replace(v, evidence=[]) for v in assessment.verdicts[2:]])
    res = annotate_docx(draft, tmp_path / "out.docx", a, "en", text=text)
    out = docx.Document(str(tmp_path / "out.docx"))
    comments = list(out.comments)
    assert res.comments == 3 and len(comments) == 4  # the adviser's, the summary and two of evidence
    assert [c.author for c in comments].count("Adviser") == 1 and comments[0].text == "an adviser's note"
    assert len({c.comment_id for c in comments}) == 4
    paras = paragraph_elements(out.element.body)
    assert [paragraph_text(p) for p in paras] == [paragraph_text(p) for p in paragraph_elements(doc.element.body)]
    assert paras[1].find(f"{W}hyperlink/{W}commentRangeStart") is not None
    assert paras[2].find(f"{W}ins/{W}commentRangeStart") is not None


# --- the command -------------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    return save_as_docx(statute_text(SAMPLE), tmp_path_factory.mktemp("sample") / "draft.docx")


def test_cli_annotates_beside_the_draft(sample_docx):
    res = runner.invoke(app, ["annotate", str(sample_docx), "--report-lang", "fr"])
    assert res.exit_code == 0, res.output
    out = sample_docx.with_name("draft.reviewed.docx")
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) > 1
    assert translations("fr").gettext("Mandatory provisions not fully covered") in comments[0].text
    assert f"wrote {out}" in res.output


@pytest.mark.parametrize(
    "args,code,words",
    [
        (["{txt}"], 3, "for other formats use `modellaw compare`"),
        (["{pdf_named_docx}"], 3, "the file is PDF, not Word .docx; for other formats use `modellaw compare`"),
        (["{txt_named_docx}"], 3, "not a DOCX file"),
        (["{docx}", "-o", "{docx}"], 2, "would overwrite the draft"),
        (["{docx}", "-o", "out.pdf"], 2, "must be a .docx file"),
        (["{docx}", "--report-lang", "xx"], 2, "unsupported report language"),
        (["{missing}"], 3, "missing.docx"),
        (["{docx}", "--db", "{missing}"], 3, "no such database"),
    ],
)
def test_cli_refuses_with_one_line(sample_docx, assessment, tmp_path, args, code, words):
    txt = tmp_path / "draft.txt"
    txt.write_text(statute_text(SAMPLE), encoding="utf-8")
    values = {"txt": txt, "docx": sample_docx, "missing": tmp_path / "missing.docx"}
    values["txt_named_docx"] = tmp_path / "text.docx"
    values["txt_named_docx"].write_text(statute_text(SAMPLE), encoding="utf-8")
    if "pdf_named_docx" in args[0]:
        values["pdf_named_docx"] = tmp_path / "report.docx"
        values["pdf_named_docx"].write_bytes(render(assessment, "pdf", "en"))
    res = runner.invoke(app, ["annotate", *(a.format(**values) for a in args)])
    assert res.exit_code == code, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("modellaw: error:") and words in lines[0], res.output


def test_cli_shows_reviews_from_the_database(sample_docx, tmp_path):
    from store import HistoryStore

    db = tmp_path / "reviews.sqlite"
    st = read_statute(sample_docx)
    a = assess(st, resolve_model("tip-2009"))
    keys = sorted({k for p in a.model.provisions for k in p.keys})
    with HistoryStore(db) as store:
        for k in keys:
            store.add_review(a.statute_sha256, a.model.id, k, "missing", note="checked", reviewer="R. Adviser")
        store.add_review("0" * 64, a.model.id, keys[0], "covered", note="another statute", reviewer="X")
    out, bare = tmp_path / "reviewed.docx", tmp_path / "bare.docx"
    res = runner.invoke(app, ["annotate", str(sample_docx), "-o", str(out), "--db", str(db)])
    assert res.exit_code == 0, res.output
    texts = [c.text for c in docx.Document(str(out)).comments]
    assert len(texts) > 2 and all("Reviewer's verdict: Missing (R. Adviser)\nchecked" in t for t in texts[1:])
    assert not any("another statute" in t for t in texts)  # a review of another text never shows
    assert runner.invoke(app, ["annotate", str(sample_docx), "-o", str(bare)]).exit_code == 0
    assert not any("Reviewer" in c.text for c in docx.Document(str(bare)).comments)


def test_annotate_refuses_what_is_not_word(assessment, tmp_path):
    src = tmp_path / "draft.docx"
    src.write_text("plain words", encoding="utf-8")
    with pytest.raises(StatuteError, match="draft.docx: not a Word .docx document .*use `modellaw compare`"):
        annotate_docx(src, tmp_path / "out.docx", assessment, "en", text="plain words")
    assert not (tmp_path / "out.docx").exists()
