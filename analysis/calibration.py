"""A confidence that means what it says: the estimated probability that a verdict is right.

The matcher's raw strength says how much of each element's cues were found; it is not a
probability. Calibration maps *features of the match* (the verdict, the share of essential
elements found and their strength, how spread the evidence is, whether a legal reading
revised the verdict, the language, the provision) to the probability that an expert would
agree with the verdict, by logistic regression fitted on the expert-labelled corpus.

The fitted coefficients ship as data beside this module (`calibration/<model>.json`) and
are applied here with plain arithmetic, so assessing needs nothing beyond the standard
library; fitting needs scikit-learn and is done by `modellaw calibrate --gold DIR`
(see `fit`). A verdict whose probability is under the calibration's `review_below`
threshold is flagged for review.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from analysis.types import VERDICTS, Assessment, Verdict

FORMAT = "modellaw.calibration/1"
REGULARISATION_C = 0.5  # inverse L2 strength; small, the corpus is small
DEFAULT_REVIEW_BELOW = 0.85
# Whatever the corpus shows, a verdict with more than a 15% estimated chance of being wrong is
# flagged: the verdicts were written while reading this corpus, so on a law the tool has never seen
# they are right less often than here, and the threshold must not fall with in-sample accuracy.
REVIEW_AT_LEAST = 0.85


def _cap(x: float, top: float) -> float:
    return min(float(x), top) / top


def verdict_features(v: Verdict, a: Assessment) -> dict[str, float]:
    """Features of one provision's match; every value in [0, 1]."""
    essential = [e for e in v.elements if e.essential] or list(v.elements)
    found = [e for e in essential if e.found]
    strengths = [e.score for e in essential] or [0.0]
    units = {e.unit_id for e in v.evidence}
    sections = {u.split("__")[0] for u in units if u}
    covered_share = sum(1 for x in a.verdicts if x.verdict == "covered") / max(1, len(a.verdicts))
    f = {
        f"verdict={v.verdict}": 1.0,
        "essential_found_share": len(found) / max(1, len(essential)),
        "elements": _cap(len(v.elements), 6),
        "strength_mean": sum(strengths) / len(strengths),
        "strength_min": min(strengths),
        "evidence_units": _cap(len(units), 6),
        "evidence_sections": _cap(len(sections), 4),
        "revised_by_reading": 1.0 if v.readings else 0.0,
        "statute_covered_share": covered_share,
        f"lang={a.language}": 1.0,
        f"status={v.provision.status}": 1.0,
        f"provision={v.provision.id}": 1.0,
        f"provision={v.provision.id}|verdict={v.verdict}": 1.0,
    }
    return f


@dataclass(frozen=True)
class Calibration:
    model_id: str
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    review_below: float = DEFAULT_REVIEW_BELOW
    fitted_on: tuple[str, ...] = ()
    fitted: str = ""
    measured: dict = field(default_factory=dict, compare=False, hash=False)

    def probability(self, feats: dict[str, float]) -> float:
        index = self._index()
        z = self.intercept + sum(self.coef[index[k]] * x for k, x in feats.items() if k in index)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def _index(self) -> dict[str, int]:
        return _feature_index(self.features)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "model": self.model_id,
            "fitted": self.fitted,
            "fitted_on": list(self.fitted_on),
            "review_below": self.review_below,
            "intercept": self.intercept,
            "coefficients": dict(zip(self.features, self.coef, strict=True)),
            "measured": self.measured,
        }


@lru_cache(maxsize=16)
def _feature_index(features: tuple[str, ...]) -> dict[str, int]:
    return {k: i for i, k in enumerate(features)}


def calibration_from_dict(d: dict) -> Calibration:
    if d.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    coefs = d["coefficients"]
    return Calibration(
        model_id=d["model"],
        features=tuple(coefs),
        coef=tuple(float(c) for c in coefs.values()),
        intercept=float(d["intercept"]),
        review_below=float(d.get("review_below", DEFAULT_REVIEW_BELOW)),
        fitted_on=tuple(d.get("fitted_on", ())),
        fitted=d.get("fitted", ""),
        measured=d.get("measured", {}),
    )


def calibration_path(model_id: str) -> Path:
    return Path(str(resources.files("analysis.calibration_data").joinpath(f"{model_id}.json")))


@lru_cache(maxsize=8)
def shipped(model_id: str) -> Calibration | None:
    """The calibration shipped for a model, or None when it has none (a user's own model)."""
    ref = resources.files("analysis.calibration_data").joinpath(f"{model_id}.json")
    if not ref.is_file():
        return None
    return calibration_from_dict(json.loads(ref.read_text(encoding="utf-8")))


def apply(a: Assessment, cal: Calibration | None) -> None:
    """Set each verdict's confidence to the calibrated probability and flag those to review.

    Without a calibration (a model the corpus does not label) the raw match strength is
    kept and every verdict is flagged for review: nothing says how often it is right.
    """
    for v in a.verdicts:
        if cal is None:
            v.calibrated = False
            v.review = True
            continue
        v.confidence = round(cal.probability(verdict_features(v, a)), 3)
        v.calibrated = True
        v.review = v.confidence < cal.review_below


# -- fitting ----------------------------------------------------------------------------


@dataclass
class Row:
    """One labelled key: the statute, the features of the provision carrying it, and whether the tool was right."""

    statute: str
    key: str
    gold: str
    predicted: str
    features: dict[str, float]

    @property
    def right(self) -> bool:
        return self.gold == self.predicted


def rows_for(statute: str, a: Assessment, gold: dict[str, str]) -> list[Row]:
    """Rows for every gold key; a key the model does not carry is skipped (nothing to calibrate)."""
    by_key: dict[str, Verdict] = {}
    for v in a.verdicts:
        for k in v.provision.keys:
            by_key.setdefault(k, v)
    out = []
    for key, g in sorted(gold.items()):
        kv = by_key.get(key)
        if kv is not None:
            out.append(Row(statute, key, g, kv.verdict, verdict_features(kv, a)))
    return out


def fit(rows: Sequence[Row], model_id: str, review_below: float = DEFAULT_REVIEW_BELOW) -> Calibration:
    """Logistic regression (scikit-learn) of 'the verdict is right' on the match features."""
    from sklearn.linear_model import LogisticRegression

    features = tuple(sorted({k for r in rows for k in r.features}))
    index = {k: i for i, k in enumerate(features)}
    X = [[0.0] * len(features) for _ in rows]
    for i, r in enumerate(rows):
        for k, x in r.features.items():
            X[i][index[k]] = x
    y = [int(r.right) for r in rows]
    if len(set(y)) < 2:  # every verdict right (or wrong): the probability is that share
        share = sum(y) / len(y) if y else 0.5
        p = min(max(share, 1e-3), 1 - 1e-3)
        return Calibration(
            model_id,
            (),
            (),
            math.log(p / (1 - p)),
            review_below,
            tuple(sorted({r.statute for r in rows})),
            date.today().isoformat(),
        )
    lr = LogisticRegression(C=REGULARISATION_C, max_iter=5000)
    lr.fit(X, y)
    return Calibration(
        model_id,
        features,
        tuple(round(float(c), 6) for c in lr.coef_[0]),
        round(float(lr.intercept_[0]), 6),
        review_below,
        tuple(sorted({r.statute for r in rows})),
        date.today().isoformat(),
    )


def leave_one_statute_out(
    rows: Sequence[Row], model_id: str, review_below: float = DEFAULT_REVIEW_BELOW
) -> dict[tuple[str, str], float]:
    """(statute, key) -> probability from a calibration fitted on the *other* statutes only."""
    out = {}
    statutes = sorted({r.statute for r in rows})
    for s in statutes:
        cal = fit([r for r in rows if r.statute != s], model_id, review_below)
        for r in rows:
            if r.statute == s:
                out[(s, r.key)] = cal.probability(r.features)
    return out


def choose_review_threshold(
    probabilities: Iterable[tuple[float, bool]],
    target: float = 0.90,
    max_flagged: float = 1 / 3,
    at_least: float = REVIEW_AT_LEAST,
) -> float:
    """The lowest threshold at which the unflagged verdicts are right `target` of the time, and never under `at_least`.

    Chosen on leave-one-statute-out probabilities, so the threshold is not fitted to the
    verdicts it is then judged on. If no threshold within `max_flagged` reaches the target,
    the one flagging `max_flagged` of the verdicts is taken (the report says so).
    """
    pts = sorted(probabilities, key=lambda t: t[0])
    n = len(pts)
    if not n:
        return DEFAULT_REVIEW_BELOW
    best = None
    for k in range(n):  # flag the k lowest
        if k / n > max_flagged + 1e-9:
            break
        kept = pts[k:]
        acc = sum(r for _, r in kept) / len(kept)
        if acc >= target:
            best = k
            break
    k = best if best is not None else int(max_flagged * n)
    if k == 0:
        chosen = 0.0
    elif k >= n:
        chosen = 1.0
    else:
        chosen = round((pts[k - 1][0] + pts[k][0]) / 2, 4)
    return max(chosen, at_least)


__all__ = [
    "Calibration",
    "Row",
    "apply",
    "calibration_from_dict",
    "choose_review_threshold",
    "fit",
    "leave_one_statute_out",
    "rows_for",
    "shipped",
    "verdict_features",
    "VERDICTS",
]
