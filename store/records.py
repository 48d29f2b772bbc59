"""What the history keeps of an assessment, as plain (picklable, JSON-ready) data; pure functions."""

from __future__ import annotations

from typing import Iterable

from analysis.types import VERDICTS, Assessment

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
