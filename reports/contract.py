"""The stable JSON contract of an assessment: schema `modellaw.assessment/1` (docs/json-contract.md).

Additive changes (a new field) keep the schema id; removing or retyping a field needs
`modellaw.assessment/2`. Provisions are listed in the model's order.
"""

from __future__ import annotations

from analysis.types import VERDICTS, Assessment, Evidence, Verdict, review_dict
from statutes.model import StatuteMeta

SCHEMA = "modellaw.assessment/1"
TOOL_NAME = "modellaw"
STATUS_ORDER = ("mandatory", "optional", "general")


def _opt(value: str | None) -> str | None:
    """Metadata the statute did not state is null, never an empty string."""
    text = "" if value is None else str(value).strip()
    return text or None


def evidence_dict(e: Evidence, statute: StatuteMeta | None = None) -> dict:
    out = {
        "unit": e.unit,
        "unit_id": e.unit_id,
        "text": e.text,
        "score": round(float(e.score), 3),
        "start": e.start,
        "end": e.end,
    }
    if statute is not None and statute.from_ocr(e.start, e.end):
        out["ocr"] = True  # present only when the clause was read by OCR: the schema stays additive
    return out


def chapter_order(a: Assessment) -> dict[str, int]:
    order = {cid: i for i, (cid, _) in enumerate(a.model.chapters)}
    for v in a.verdicts:  # chapters a provision names but the model does not list: after the rest
        order.setdefault(v.provision.chapter, len(order))
    return order


def by_chapter(a: Assessment) -> dict[str, dict]:
    order = chapter_order(a)
    out: dict[str, dict] = {}
    for v in sorted(a.verdicts, key=lambda v: order[v.provision.chapter]):
        ch = v.provision.chapter
        row = out.setdefault(
            ch,
            {"title": v.provision.chapter_title or a.model.chapter_title(ch), "total": 0, **{k: 0 for k in VERDICTS}},
        )
        row[v.verdict] += 1
        row["total"] += 1
    return out


def provision_dict(v: Verdict, statute: StatuteMeta | None = None) -> dict:
    p = v.provision
    return {
        "id": p.id,
        "article": p.article,
        "keys": list(p.keys),
        "title": p.title,
        "chapter": p.chapter,
        "chapter_title": p.chapter_title,
        "status": p.status,
        "summary": p.summary,
        "verdict": v.verdict,
        "confidence": round(float(v.confidence), 3),
        "calibrated": bool(v.calibrated),
        "review": bool(v.review),
        "elements": [{"id": e.id, "label": e.label, "essential": e.essential, "found": e.found} for e in v.elements],
        "evidence": [evidence_dict(e, statute) for e in v.evidence],
        "missing_elements": [e.label for e in v.missing_elements],
        "notes": list(v.notes),
        # a person's review (analysis.reviews): `verdict` is theirs, `tool_verdict` the tool's; both null when none
        "tool_verdict": v.tool_verdict,
        "human_review": review_dict(v.human_review),
    }


def assessment_to_dict(a: Assessment) -> dict:
    """The assessment as plain JSON-ready data, schema `modellaw.assessment/1`."""
    st = a.statute
    mandatory = a.counts("mandatory")
    return {
        "schema": SCHEMA,
        "tool": {"name": TOOL_NAME, "version": a.tool_version},
        "created": a.created,
        "model": {"id": a.model.id, "version": a.model.version, "title": a.model.title},
        "statute": {
            "title": _opt(st.title),
            "country": _opt(st.country),
            "year": _opt(st.year),
            "language": a.language,
            "path": _opt(st.path),
            "format": _opt(st.format),
            "units": a.unit_count,
            "sha256": _opt(a.statute_sha256),
            **({"languages": dict(st.languages)} if st.languages else {}),
            **({"ocr": True, "ocr_pages": list(st.ocr_pages)} if st.ocr_spans else {}),
        },
        "summary": {
            "total": len(a.verdicts),
            **a.counts(),
            "mandatory": mandatory,
            "mandatory_gaps": [v.provision.id for v in a.mandatory_gaps()],
            "needs_review": [v.provision.id for v in a.verdicts if v.review],
            "by_chapter": by_chapter(a),
        },
        "keys": a.key_verdicts(),
        "key_results": a.key_results(),
        "provisions": [provision_dict(v, st) for v in a.verdicts],
        "reviews": {
            k: {"tool_verdict": kr["tool_verdict"], **kr["human_review"]}
            for k, kr in a.key_results().items()
            if kr.get("human_review")
        },
    }
