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
        """Per key: verdict, confidence and review flag of the weakest provision carrying it."""
        rank = {v: i for i, v in enumerate(VERDICTS)}
        out = {}
        for k, vs in self.key_provisions().items():
            weakest = max(vs, key=lambda v: (rank[v.verdict], -v.confidence))
            out[k] = {
                "verdict": weakest.verdict,
                "confidence": round(float(weakest.confidence), 3),
                "review": bool(weakest.review),
                "provisions": [v.provision.id for v in vs],
            }
        return out

    def key_verdicts(self) -> dict[str, str]:
        """Verdict per protection key: a key is as covered as the weakest provision carrying it."""
        rank = {v: i for i, v in enumerate(VERDICTS)}
        out: dict[str, str] = {}
        for v in self.verdicts:
            for k in v.provision.keys:
                if k not in out or rank[v.verdict] > rank[out[k]]:
                    out[k] = v.verdict
        return out
