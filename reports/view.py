"""What a human-readable report shows, in order, independent of HTML or Markdown.

Both templates render the same `ReportView`: the facts, the executive summary, the missing
protections (mandatory first, then optional, then general; by chapter within each), the
covered provisions with their evidence, and the method note. Words for codes (verdicts,
statuses, article labels) are translated here; the rest of the wording is in the templates.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from babel.dates import format_date
from babel.numbers import format_percent

from analysis.types import Assessment, ElementResult, Evidence, HumanReview, Verdict
from modellaw.translations import LocalisedModel, localise
from reports.accuracy import REGENERATE, Accuracy, LanguageAccuracy, load_accuracy
from reports.chart import Chart, chapter_chart
from reports.contract import STATUS_ORDER, TOOL_NAME, by_chapter, chapter_order
from reports.i18n import STATUS_GROUP_LABELS, STATUS_LABELS, VERDICT_LABELS, is_rtl, language_name, translations


def textdir(text: object, default: str = "auto") -> str:
    """`ltr` or `rtl` from the first strong character (the rule of dir="auto"), else `default`.

    Reports set it explicitly because WeasyPrint, which makes the PDF, ignores dir="auto" and
    does not isolate <bdi> without a dir: an English model summary in an Arabic report would
    otherwise lose its final full stop to the wrong end of the line.
    """
    for ch in str(text or ""):
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


@dataclass
class ProvisionView:
    id: str
    article: str | None
    label: str  # "Article 8", or "No article number", in the report language
    title: str
    chapter: str
    chapter_title: str
    status: str
    status_label: str
    verdict: str
    verdict_label: str
    confidence: str  # formatted for the report language
    summary: str
    keys: list[str]
    missing: list[ElementResult]  # elements not found, essential first
    closest: Evidence | None  # the best clause found, for a gap
    evidence: list[Evidence]  # every clause cited, for a covered provision
    no_cues: bool  # the model has no cue in the statute's language for any element
    review: bool = False  # the calibrated confidence is under the review threshold: a person must check it
    verified: bool = True  # the article number is read in the Model Law's own text (else: marked in the label)
    title_ours: bool = False  # the title is the model authors' wording, not the Model Law's (the template words it)
    title_official: bool = False  # the title is the published wording in the report language
    unofficial_translation: bool = False  # some of the model's words shown for it are our translation
    untranslated: bool = False  # some of the model's words for it have no translation: English is shown
    human_review: HumanReview | None = None  # a person decided this verdict (analysis.reviews)
    tool_verdict_label: str = ""  # then: the tool's own verdict, in the report language
    duty: str = ""  # "mandatory" when the provision or one of its protection keys is a duty of the Protocol
    mandatory_keys: list[str] = field(default_factory=list)  # the mandatory keys it carries


@dataclass
class ChapterRow:
    id: str
    title: str
    covered: int
    partial: int
    missing: int
    total: int


@dataclass
class StatusGroup:
    status: str
    label: str
    provisions: list[ProvisionView]


@dataclass
class AccuracyRow:
    lang: str
    language: str  # named in the report language
    statutes: int
    n: int
    accuracy: str  # formatted percentages
    flagged: str
    unflagged_accuracy: str
    current: bool  # the statute's language


@dataclass
class AccuracyView:
    measured: str
    review_below: str
    rows: list[AccuracyRow]
    overall: AccuracyRow
    statute_measured: bool  # the statute's language has labelled statutes
    command: str  # how the figures are regenerated


@dataclass
class ReportView:
    lang: str
    dir: str  # ltr | rtl
    statute_lang: str
    statute_dir: str  # the direction of the statute's language: quotes keep it
    title: str  # the statute's title, or its file name
    country: str
    year: str
    language: str  # the statute's language, named in the report language
    model_title: str
    model_id: str
    model_version: str
    created: str  # the assessment date, formatted
    tool: str
    tool_version: str
    file: str
    units: int
    sha256: str
    total: int
    counts: dict[str, int]
    mandatory: dict[str, int]
    chapters: list[ChapterRow]
    mandatory_gaps: list[ProvisionView]
    needs_review: list[ProvisionView] = field(default_factory=list)  # verdicts to check, apart from confident ones
    calibrated: bool = True  # confidences are fitted probabilities (false for a model the corpus does not label)
    gaps: list[StatusGroup] = field(default_factory=list)  # not covered, by status
    covered: list[StatusGroup] = field(default_factory=list)  # covered, by status
    model_unofficial_translation: bool = False  # the model's words are (partly) our unofficial translation
    ocr_evidence: set[tuple[int, int]] = field(default_factory=set)  # (start, end) of clauses read by OCR
    chart: Chart | None = None  # covered / partial / missing per chapter
    accuracy: AccuracyView | None = None  # measured accuracy per language, when the model is the one measured
    unverified: int = 0  # provisions whose article number is not verified


def format_created(created: str, lang: str) -> str:
    """`2026-03-01T09:30:00+00:00` -> `1 mars 2026, 09:30 UTC` (the raw text if it is not ISO)."""
    _ = translations(lang).gettext
    try:
        dt = datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return created or ""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return _("%(date)s, %(time)s UTC") % {"date": format_date(dt, "long", locale=lang), "time": dt.strftime("%H:%M")}


def format_confidence(value: float, lang: str) -> str:
    return format_percent(max(0.0, min(1.0, float(value))), locale=lang)


def article_label(article: str | None, lang: str, verified: bool = True) -> str:
    """`Article 8`; a number taken from a secondary source is marked: `Article 29 (number unverified)`."""
    _ = translations(lang).gettext
    if not article:
        return _("No article number")
    if not verified:
        return _("Article %(num)s (number unverified)") % {"num": article}
    return _("Article %(num)s") % {"num": article}


def article_cell(article: str | None, lang: str, verified: bool = True) -> str:
    """The article number as a spreadsheet cell: `8`, or `29 (number unverified)`; empty without a number."""
    if not article:
        return ""
    return translations(lang).gettext("%(num)s (number unverified)") % {"num": article} if not verified else article


_TITLE_OURS = re.compile(r"\s*\(title ours\)\s*$", re.IGNORECASE)


def split_title(title: str) -> tuple[str, bool]:
    """`Compensation for victims (title ours)` -> (`Compensation for victims`, True): the mark is shown translated."""
    bare = _TITLE_OURS.sub("", title or "")
    return bare, bare != (title or "")


def display_title(title: str, lang: str) -> str:
    """The title as a table cell shows it, with the translated mark when the wording is the model authors'."""
    bare, ours = split_title(title)
    return f"{bare} ({translations(lang).gettext('title ours')})" if ours else bare


def accuracy_view(acc: Accuracy | None, model_id: str, statute_lang: str, lang: str) -> AccuracyView | None:
    """The measured accuracy per statute language, for the model it was measured on (else None)."""
    if acc is None or acc.model != model_id:
        return None

    def pct(x: float) -> str:
        return format_percent(x, locale=lang, format="#,##0.0%")

    def row(r: LanguageAccuracy) -> AccuracyRow:
        return AccuracyRow(
            lang=r.lang,
            language=language_name(r.lang, lang) if r.lang else translations(lang).gettext("All languages"),
            statutes=r.statutes,
            n=r.n,
            accuracy=pct(r.accuracy),
            flagged=pct(r.flagged_share),
            unflagged_accuracy=pct(r.unflagged_accuracy),
            current=bool(r.lang) and r.lang == statute_lang,
        )

    return AccuracyView(
        measured=acc.measured,
        review_below=format_percent(acc.review_below, locale=lang),
        rows=[row(r) for r in acc.languages.values()],
        overall=row(acc.overall),
        statute_measured=statute_lang in acc.languages,
        command=REGENERATE,
    )


def _closest(evidence: list[Evidence]) -> Evidence | None:
    best = None
    for e in evidence:  # the highest score; the first on a tie
        if best is None or e.score > best.score:
            best = e
    return best


def localised_assessment(a: Assessment, lang: str) -> tuple[Assessment, LocalisedModel]:
    """The assessment with the model's words (titles, summaries, element labels, chapters, keys) in `lang`.

    Only words change: ids, verdicts and evidence stay. Machine formats (JSON, CSV) keep the English.
    """
    loc = localise(a.model, lang)
    provisions = {p.id: p for p in loc.model.provisions}

    def verdict(v: Verdict) -> Verdict:
        p = provisions.get(v.provision.id, v.provision)
        labels = {e.id: e.label for e in p.elements}
        elements = [dataclasses.replace(e, label=labels.get(e.id, e.label)) for e in v.elements]
        return dataclasses.replace(v, provision=p, elements=elements)

    return dataclasses.replace(a, model=loc.model, verdicts=[verdict(v) for v in a.verdicts]), loc


@dataclass(frozen=True)
class _Wording:
    title_ours: bool = False
    title_official: bool = False
    unofficial_translation: bool = False
    untranslated: bool = False


def _wording(p_id: str, element_ids: list[str], loc: LocalisedModel | None) -> _Wording:
    """Where the model's words shown for one provision come from."""
    if loc is None:
        return _Wording()
    base = f"provisions.{p_id}"
    paths = [f"{base}.title", f"{base}.summary", *(f"{base}.elements.{e}" for e in element_ids)]
    shown = [loc.of(path) for path in paths if path in loc.provenance]
    return _Wording(
        title_ours=p_id in loc.title_ours,
        title_official=loc.of(f"{base}.title").official,
        unofficial_translation=loc.lang != "en" and any(not s.official and not s.fallback for s in shown),
        untranslated=any(s.fallback for s in shown),
    )


def provision_view(v: Verdict, a: Assessment, lang: str, loc: LocalisedModel | None = None) -> ProvisionView:
    _ = translations(lang).gettext
    p = v.provision
    missing = sorted(v.missing_elements, key=lambda e: not e.essential)
    w = _wording(p.id, [e.id for e in p.elements], loc)
    title, ours = split_title(p.title)
    mandatory_keys = a.mandatory_keys(v)
    return ProvisionView(
        id=p.id,
        article=p.article,
        label=article_label(p.article, lang, p.verified),
        title=title,
        chapter=p.chapter,
        chapter_title=p.chapter_title or a.model.chapter_title(p.chapter),
        status=p.status,
        status_label=_(STATUS_LABELS.get(p.status, p.status)),
        verdict=v.verdict,
        verdict_label=_(VERDICT_LABELS.get(v.verdict, v.verdict)),
        confidence=format_confidence(v.confidence, lang),
        summary=p.summary,
        keys=list(p.keys),
        missing=missing,
        closest=_closest(v.evidence) if v.verdict != "covered" else None,
        evidence=list(v.evidence),
        no_cues=bool(p.elements) and all(not e.cues_for(a.language) for e in p.elements),
        review=bool(v.review),
        verified=p.verified,
        title_ours=ours or w.title_ours,
        title_official=w.title_official,
        unofficial_translation=w.unofficial_translation,
        untranslated=w.untranslated,
        human_review=v.human_review,
        tool_verdict_label=_(VERDICT_LABELS.get(v.tool_verdict, v.tool_verdict)) if v.tool_verdict else "",
        duty="mandatory" if a.is_mandatory(v) else p.status,
        mandatory_keys=mandatory_keys,
    )


def duty(a: Assessment, v: Verdict) -> str:
    """The status a provision is grouped under: mandatory when it carries a mandatory protection key."""
    return "mandatory" if a.is_mandatory(v) else v.provision.status


def sort_key(a: Assessment) -> Callable[[Verdict], tuple[int, int, int]]:
    chapters = chapter_order(a)
    status = {s: i for i, s in enumerate(STATUS_ORDER)}
    index = {id(v): i for i, v in enumerate(a.verdicts)}
    return lambda v: (status.get(duty(a, v), len(status)), chapters[v.provision.chapter], index[id(v)])


def build_view(a: Assessment, lang: str) -> ReportView:
    _ = translations(lang).gettext
    a, loc = localised_assessment(a, lang)
    st = a.statute
    key = sort_key(a)
    ordered = sorted(a.verdicts, key=key)
    views = {id(v): provision_view(v, a, lang, loc) for v in ordered}

    def grouped(verdicts: list[Verdict]) -> list[StatusGroup]:
        groups: list[StatusGroup] = []
        for v in verdicts:
            status = duty(a, v)
            if not groups or groups[-1].status != status:
                label = STATUS_GROUP_LABELS.get(status, status)
                groups.append(StatusGroup(status, _(label), []))
            groups[-1].provisions.append(views[id(v)])
        return groups

    chapters = [
        ChapterRow(cid, row["title"], row["covered"], row["partial"], row["missing"], row["total"])
        for cid, row in by_chapter(a).items()
    ]
    return ReportView(
        lang=lang,
        dir="rtl" if is_rtl(lang) else "ltr",
        statute_lang=a.language or st.language or "",
        statute_dir="rtl" if is_rtl(a.language or st.language or "en") else "ltr",
        title=st.title or (Path(st.path).name if st.path else ""),
        country=st.country or "",
        year=str(st.year or ""),
        language=language_name(a.language or st.language, lang),
        model_title=a.model.title,
        model_id=a.model.id,
        model_version=a.model.version,
        created=format_created(a.created, lang),
        tool=TOOL_NAME,
        tool_version=a.tool_version,
        file=Path(st.path).name if st.path else "",
        units=a.unit_count,
        sha256=a.statute_sha256,
        total=len(a.verdicts),
        counts=a.counts(),
        mandatory=a.counts("mandatory"),
        chapters=chapters,
        mandatory_gaps=[views[id(v)] for v in ordered if v.verdict != "covered" and a.is_mandatory(v)],
        needs_review=[views[id(v)] for v in ordered if v.review],
        ocr_evidence={(e.start, e.end) for v in ordered for e in v.evidence if st.from_ocr(e.start, e.end)},
        calibrated=all(v.calibrated for v in a.verdicts),
        gaps=grouped([v for v in ordered if v.verdict != "covered"]),
        covered=grouped([v for v in ordered if v.verdict == "covered"]),
        model_unofficial_translation=loc.unofficial,
        chart=chapter_chart(
            [(c.id, c.title, {"covered": c.covered, "partial": c.partial, "missing": c.missing}) for c in chapters]
        ),
        accuracy=accuracy_view(load_accuracy(), a.model.id, a.language or st.language or "", lang),
        unverified=sum(1 for v in a.verdicts if v.provision.article and not v.provision.verified),
    )


__all__ = [
    "ReportView",
    "ProvisionView",
    "build_view",
    "format_confidence",
    "format_created",
    "localised_assessment",
    "textdir",
]
