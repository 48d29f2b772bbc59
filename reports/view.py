"""What a human-readable report shows, in order, independent of HTML or Markdown.

Both templates render the same `ReportView`: the facts, the executive summary, the missing
protections (mandatory first, then optional, then general; by chapter within each), the
covered provisions with their evidence, and the method note. Words for codes (verdicts,
statuses, article labels) are translated here; the rest of the wording is in the templates.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from babel.dates import format_date
from babel.numbers import format_percent

from analysis.types import Assessment, ElementResult, Evidence, HumanReview, Verdict
from modellaw.translations import LocalisedModel, localise
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
    title_ours: bool = False  # the model's title is ours, the published one being unknown (the template words it)
    title_official: bool = False  # the title is the published wording in the report language
    unofficial_translation: bool = False  # some of the model's words shown for it are our translation
    untranslated: bool = False  # some of the model's words for it have no translation: English is shown
    human_review: HumanReview | None = None  # a person decided this verdict (analysis.reviews)
    tool_verdict_label: str = ""  # then: the tool's own verdict, in the report language


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


def article_label(article: str | None, lang: str) -> str:
    _ = translations(lang).gettext
    return _("Article %(num)s") % {"num": article} if article else _("No article number")


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
    return ProvisionView(
        id=p.id,
        article=p.article,
        label=article_label(p.article, lang),
        title=p.title,
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
        title_ours=w.title_ours,
        title_official=w.title_official,
        unofficial_translation=w.unofficial_translation,
        untranslated=w.untranslated,
        human_review=v.human_review,
        tool_verdict_label=_(VERDICT_LABELS.get(v.tool_verdict, v.tool_verdict)) if v.tool_verdict else "",
    )


def sort_key(a: Assessment) -> Callable[[Verdict], tuple[int, int, int]]:
    chapters = chapter_order(a)
    status = {s: i for i, s in enumerate(STATUS_ORDER)}
    index = {id(v): i for i, v in enumerate(a.verdicts)}
    return lambda v: (status.get(v.provision.status, len(status)), chapters[v.provision.chapter], index[id(v)])


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
            if not groups or groups[-1].status != v.provision.status:
                label = STATUS_GROUP_LABELS.get(v.provision.status, v.provision.status)
                groups.append(StatusGroup(v.provision.status, _(label), []))
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
        mandatory_gaps=[views[id(v)] for v in ordered if v.provision.status == "mandatory" and v.verdict != "covered"],
        needs_review=[views[id(v)] for v in ordered if v.review],
        ocr_evidence={(e.start, e.end) for v in ordered for e in v.evidence if st.from_ocr(e.start, e.end)},
        calibrated=all(v.calibrated for v in a.verdicts),
        gaps=grouped([v for v in ordered if v.verdict != "covered"]),
        covered=grouped([v for v in ordered if v.verdict == "covered"]),
        model_unofficial_translation=loc.unofficial,
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
