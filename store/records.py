"""What the history keeps of an assessment, as plain (picklable, JSON-ready) data; pure functions."""

from __future__ import annotations

from typing import Iterable

from analysis.types import VERDICTS, Assessment, HumanReview, review_dict

_RANK = {v: i for i, v in enumerate(VERDICTS)}  # covered 0 < partial 1 < missing 2


def key_verdicts_with_confidence(provisions: Iterable[dict]) -> dict[str, dict]:
    """Per protection key: the weakest verdict of the provisions carrying it, and that provision's confidence.

    `provisions` are dicts with keys, verdict and confidence (as in `assessment_record`).
    Among provisions tied at the weakest verdict, the lowest confidence is reported.
    """
    out: dict[str, dict] = {}
    for p in provisions:
        for k in p["keys"]:
            cur = out.get(k)
            cand = {"verdict": p["verdict"], "confidence": round(float(p["confidence"]), 3)}
            if (
                cur is None
                or _RANK[cand["verdict"]] > _RANK[cur["verdict"]]
                or (cand["verdict"] == cur["verdict"] and cand["confidence"] < cur["confidence"])
            ):
                out[k] = cand
    return out


def assessment_record(a: Assessment) -> dict:
    """The part of an assessment the history keeps, as plain (picklable, JSON-ready) data."""
    st = a.statute
    provisions = []
    for v in a.verdicts:
        p = v.provision
        provisions.append(
            {
                "id": p.id,
                "article": p.article,
                "title": p.title,
                "status": p.status,
                "keys": list(p.keys),
                "verdict": v.verdict,
                "confidence": round(float(v.confidence), 3),
                "units": list(dict.fromkeys(e.unit for e in v.evidence)),
                "missing_elements": [e.label for e in v.missing_elements],
            }
        )
    return {
        "country": st.country or "",
        "title": st.title or "",
        "year": str(st.year or ""),
        "language": a.language or "",
        "path": st.path or "",
        "format": st.format or "",
        "statute_sha256": a.statute_sha256 or "",
        "model_id": a.model.id,
        "model_version": a.model.version,
        "model_title": a.model.title,
        "tool_version": a.tool_version,
        "created": a.created,
        "unit_count": a.unit_count,
        "counts": a.counts(),
        "mandatory": a.counts("mandatory"),
        "mandatory_gaps": [v.provision.id for v in a.mandatory_gaps()],
        "provisions": provisions,
        "keys": key_verdicts_with_confidence(provisions),
    }


def reviewed_entry(entry: dict, reviews: list[HumanReview]) -> dict:
    """A stored verdict (a dict with `verdict`) with the reviews that touch it applied (analysis.reviews' rule).

    With reviews: `verdict` is the weakest reviewer's verdict, `tool_verdict` the stored one and `review`
    {verdict, note, reviewer, at} the deciding review; without: `tool_verdict` and `review` are None.
    """
    if not reviews:
        return {**entry, "tool_verdict": None, "review": None}
    weakest = max(reviews, key=lambda r: (_RANK[r.verdict], r.at))
    return {**entry, "verdict": weakest.verdict, "tool_verdict": entry["verdict"], "review": review_dict(weakest)}


def reviewed_record(rec: dict, reviews: dict[str, HumanReview]) -> dict:
    """A stored assessment (HistoryStore.assessment) with its reviews applied to provisions, keys and counts."""
    provisions = [reviewed_entry(p, [r for k in p["keys"] if (r := reviews.get(k))]) for p in rec["provisions"]]
    keys = {k: reviewed_entry(kv, [reviews[k]] if k in reviews else []) for k, kv in rec["keys"].items()}
    out = {**rec, "provisions": provisions, "keys": keys}
    for v in VERDICTS:
        out[v] = sum(p["verdict"] == v for p in provisions)
        out[f"mandatory_{v}"] = sum(p["verdict"] == v and p["status"] == "mandatory" for p in provisions)
    out["mandatory_gaps"] = [
        p["provision_id"] for p in provisions if p["status"] == "mandatory" and p["verdict"] != "covered"
    ]
    return out
