"""Domain types for an assessment: evidence, element results, verdicts.

Evidence carries the unit's citable label and character offsets into the statute's
text, so a report can always quote the exact words that support a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.model import Model, Provision
from statutes.model import StatuteMeta

VERDICTS = ("covered", "partial", "missing")


@dataclass
class Evidence:
    unit_id: str
    unit: str  # citable label, e.g. "s. 14(1)"
    text: str  # the quoted words
    start: int
    end: int
    score: float
    cue: str = ""


@dataclass
class ElementResult:
    id: str
    label: str
    essential: bool
    found: bool
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class HumanReview:
    """A person's decision on one protection key of one statute: it overrides the tool's verdict."""

    verdict: str  # covered | partial | missing
    note: str = ""
    reviewer: str = ""
    at: str = ""  # ISO date-time, UTC


@dataclass
class Verdict:
    provision: Provision
    verdict: str  # covered | partial | missing
    confidence: float
    elements: list[ElementResult]
    evidence: list[Evidence]
    notes: list[str] = field(default_factory=list)
    # legal readings (analysis/readings) that revised this verdict, e.g. "offence.no-means-needed"
    readings: list[str] = field(default_factory=list)
    # set by analysis.calibration: is `confidence` a fitted probability; is it under the review threshold
    calibrated: bool = False
    review: bool = False
    # set by analysis.reviews: the tool's own verdict and the review that replaced it (None when unreviewed)
    tool_verdict: str | None = None
    human_review: HumanReview | None = None

    @property
    def missing_elements(self) -> list[ElementResult]:
        return [e for e in self.elements if not e.found]


@dataclass
class Assessment:
    model: Model
    statute: StatuteMeta
    language: str
    unit_count: int
    verdicts: list[Verdict]
    created: str  # ISO date-time, UTC
    tool_version: str
    statute_sha256: str = ""
    # protection key -> the reviewer's decision (analysis.reviews.apply_reviews); a reviewed key takes its verdict
    key_reviews: dict[str, HumanReview] = field(default_factory=dict)

    def counts(self, status: str | None = None) -> dict[str, int]:
        out = {v: 0 for v in VERDICTS}
        for v in self.verdicts:
            if status is None or v.provision.status == status:
                out[v.verdict] += 1
        return out

    def mandatory_keys(self, v: Verdict) -> list[str]:
        """The protection keys of a verdict's provision that are mandatory (the model's <key status>)."""
        status = {k.id: k.status for k in self.model.keys}
        return [k for k in v.provision.keys if status.get(k) == "mandatory"]

    def is_mandatory(self, v: Verdict) -> bool:
        """A duty of the Protocol: the provision is mandatory, or carries a key that is.

        The status of a protection key follows shared/reference/protections.csv (Protocol wording:
        "shall", "at a minimum"), whatever the status of the provision that carries it: Art. 5
        (Definitions) is general, but the forms of exploitation it defines are TIPP art. 3(a)'s minimum.
        """
        return v.provision.status == "mandatory" or bool(self.mandatory_keys(v))

    def mandatory_gaps(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.verdict != "covered" and self.is_mandatory(v)]

    def key_evidence(self) -> dict[str, set[str]]:
        """Unit labels cited as evidence, per protection key."""
        out: dict[str, set[str]] = {}
        for v in self.verdicts:
            for k in v.provision.keys:
                out.setdefault(k, set()).update(e.unit for e in v.evidence)
        return out

    def key_provisions(self) -> dict[str, list[Verdict]]:
        """The provisions carrying each protection key, in the model's order."""
        out: dict[str, list[Verdict]] = {}
        for v in self.verdicts:
            for k in v.provision.keys:
                out.setdefault(k, []).append(v)
        return out

    def key_results(self) -> dict[str, dict]:
        """Per key: verdict, confidence and review flag of the weakest provision carrying it.

        A key a person reviewed takes the reviewer's verdict (its flag is cleared: a person checked it), and
        also gives `tool_verdict` and `human_review`; an unreviewed key is judged on the tool's verdicts.
        """
        rank = {v: i for i, v in enumerate(VERDICTS)}
        out = {}
        for k, vs in self.key_provisions().items():
            weakest = max(vs, key=lambda v: (rank[v.tool_verdict or v.verdict], -v.confidence))
            tool = weakest.tool_verdict or weakest.verdict
            r = {
                "verdict": tool,
                "confidence": round(float(weakest.confidence), 3),
                "review": bool(weakest.review),
                "provisions": [v.provision.id for v in vs],
            }
            hr = self.key_reviews.get(k)
            if hr is not None:
                r.update(verdict=hr.verdict, review=False, tool_verdict=tool, human_review=review_dict(hr))
            out[k] = r
        return out

    def key_verdicts(self) -> dict[str, str]:
        """Verdict per protection key: a key is as covered as the weakest provision carrying it (or as reviewed)."""
        rank = {v: i for i, v in enumerate(VERDICTS)}
        out: dict[str, str] = {}
        for v in self.verdicts:
            tool = v.tool_verdict or v.verdict
            for k in v.provision.keys:
                if k not in out or rank[tool] > rank[out[k]]:
                    out[k] = tool
        for k, hr in self.key_reviews.items():
            if k in out:
                out[k] = hr.verdict
        return out


def review_dict(r: HumanReview | None) -> dict | None:
    """A review as JSON-ready data: {verdict, note, reviewer, at}; None stays None."""
    if r is None:
        return None
    return {"verdict": r.verdict, "note": r.note, "reviewer": r.reviewer, "at": r.at}
