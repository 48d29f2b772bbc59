"""Compare verdicts with expert gold labels and compute honest accuracy figures.

Gold files (shared/corpus/gold/*.csv) have one row per protection key:
`key,verdict,units,notes`; the file name matches the statute's. A key's predicted
verdict is that of the weakest provision carrying it (Assessment.key_verdicts).
A *gap* is `partial` or `missing`: the thing a drafter must act on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.types import VERDICTS

GAP = ("partial", "missing")


@dataclass
class Scores:
    n: int = 0
    correct: int = 0
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (gold, predicted) -> count
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)  # key, gold, predicted
    evidence_agree: int = 0  # keys found by both where our evidence cites a unit the expert cited
    evidence_total: int = 0

    def add(self, key: str, gold: str, pred: str) -> None:
        self.n += 1
        self.correct += gold == pred
        self.confusion[(gold, pred)] = self.confusion.get((gold, pred), 0) + 1
        if gold != pred:
            self.disagreements.append((key, gold, pred))

    def merge(self, other: "Scores") -> None:
        self.n += other.n
        self.correct += other.correct
        for k, v in other.confusion.items():
            self.confusion[k] = self.confusion.get(k, 0) + v
        self.evidence_agree += other.evidence_agree
        self.evidence_total += other.evidence_total

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    def _count(self, gold_in: tuple[str, ...], pred_in: tuple[str, ...]) -> int:
        return sum(v for (g, p), v in self.confusion.items() if g in gold_in and p in pred_in)

    def precision_recall(self, cls: str) -> tuple[float, float]:
        tp = self._count((cls,), (cls,))
        pp = self._count(VERDICTS, (cls,))
        gp = self._count((cls,), VERDICTS)
        return (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)

    def gap_prf(self) -> tuple[float, float, float]:
        tp = self._count(GAP, GAP)
        pp = self._count(VERDICTS, GAP)
        gp = self._count(GAP, VERDICTS)
        p = tp / pp if pp else 0.0
        r = tp / gp if gp else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def kappa(self) -> float:
        """Cohen's kappa: agreement beyond what the two label distributions give by chance."""
        if not self.n:
            return 0.0
        po = self.accuracy
        pe = sum(self._count((c,), VERDICTS) * self._count(VERDICTS, (c,)) for c in VERDICTS) / self.n**2
        return (po - pe) / (1 - pe) if pe < 1 else (1.0 if po == 1 else 0.0)

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the verdicts that occur in the gold or the prediction."""
        f1s = []
        for c in VERDICTS:
            if not self._count((c,), VERDICTS) and not self._count(VERDICTS, (c,)):
                continue
            p, r = self.precision_recall(c)
            f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        return sum(f1s) / len(f1s) if f1s else 0.0

    @property
    def false_covered(self) -> float:
        """Share of 'covered' verdicts that the gold calls partial or missing (false reassurance)."""
        pc = self._count(VERDICTS, ("covered",))
        return self._count(GAP, ("covered",)) / pc if pc else 0.0

    def _pr_dict(self, cls: str) -> dict[str, float]:
        p, r = self.precision_recall(cls)
        return {"precision": round(p, 3), "recall": round(r, 3)}

    def as_dict(self) -> dict:
        p, r, f1 = self.gap_prf()
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 3),
            "kappa": round(self.kappa, 3),
            "macro_f1": round(self.macro_f1, 3),
            "false_covered": round(self.false_covered, 3),
            "covered_predicted": self._count(VERDICTS, ("covered",)),
            "per_class": {c: self._pr_dict(c) for c in VERDICTS},
            "gap": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)},
            "evidence": {"agree": self.evidence_agree, "total": self.evidence_total},
        }


def read_gold(path: str | Path) -> dict[str, str]:
    """key -> verdict from one gold CSV (rows with an unknown verdict are an error)."""
    return {k: v for k, (v, _) in read_gold_rows(path).items()}


def read_gold_rows(path: str | Path) -> dict[str, tuple[str, list[str]]]:
    """key -> (verdict, the units the expert cited)."""
    out = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key, verdict = (row.get("key") or "").strip(), (row.get("verdict") or "").strip().lower()
            if not key:
                continue
            if verdict not in VERDICTS:
                raise ValueError(f"{path}: key {key}: unknown verdict {verdict!r}")
            units = [u.strip() for u in (row.get("units") or "").split(";") if u.strip()]
            out[key] = (verdict, units)
    return out


def _norm_label(label: str) -> str:
    # 's. 2 ("exploitation")(f)' -> 's.2(f)': the term marker is ours, not the statute's.
    return re.sub(r'\s*\("[^"]*"\)', "", label).replace(" ", "").lower()


def same_place(cited: str, gold: str) -> bool:
    """A cited unit agrees with an expert's citation if it is that unit, inside it, or contains it."""
    c, g = _norm_label(cited), _norm_label(gold)
    return c == g or c.startswith(g + "(") or g.startswith(c + "(") or c.startswith(g + ",") or g.startswith(c + ",")


def evidence_agreement(gold_rows: dict[str, tuple[str, list[str]]], cited: dict[str, set[str]]) -> tuple[int, int]:
    """(agree, total) over keys both the expert and the tool found, where the expert cited units."""
    agree = total = 0
    for key, (verdict, units) in gold_rows.items():
        if verdict == "missing" or not units or not cited.get(key):
            continue
        total += 1
        agree += any(same_place(c, g) for c in cited[key] for g in units)
    return agree, total


def score(gold: dict[str, str], predicted: dict[str, str]) -> Scores:
    """Score predicted key verdicts; a gold key the model does not carry counts as predicted missing."""
    s = Scores()
    for key, g in sorted(gold.items()):
        s.add(key, g, predicted.get(key, "missing"))
    return s


# -- calibration ------------------------------------------------------------------------

RELIABILITY_BINS = 10


def reliability(points: list[tuple[float, bool]], bins: int = RELIABILITY_BINS) -> list[dict]:
    """Per confidence bin [lo, hi): how many verdicts, their mean confidence, how many were right."""
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, r) for p, r in points if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            out.append(
                {
                    "from": round(lo, 2),
                    "to": round(hi, 2),
                    "n": len(inside),
                    "confidence": round(sum(p for p, _ in inside) / len(inside), 3),
                    "accuracy": round(sum(r for _, r in inside) / len(inside), 3),
                }
            )
    return out


def expected_calibration_error(points: list[tuple[float, bool]], bins: int = RELIABILITY_BINS) -> float:
    """Mean |accuracy - confidence| over equal-width bins, weighted by the verdicts in each."""
    n = len(points)
    if not n:
        return 0.0
    return sum(row["n"] * abs(row["accuracy"] - row["confidence"]) for row in reliability(points, bins)) / n


def review_figures(points: list[tuple[float, bool]], threshold: float) -> dict:
    """Share flagged for review (confidence under the threshold) and accuracy of the rest."""
    kept = [r for p, r in points if p >= threshold]
    return {
        "threshold": threshold,
        "flagged_share": round(1 - len(kept) / len(points), 3) if points else 0.0,
        "unflagged_accuracy": round(sum(kept) / len(kept), 3) if kept else 0.0,
        "unflagged": len(kept),
    }
