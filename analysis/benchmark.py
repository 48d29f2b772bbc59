"""The accuracy benchmark: every labelled statute assessed and scored, in-sample and held out.

`run` assesses each statute that has a gold file, scores its key verdicts, and measures
the confidence twice: as shipped (the calibration was fitted on every labelled statute,
so this is in-sample) and leave-one-statute-out (each statute's confidences come from a
calibration fitted on the other statutes only — the honest figure for a law the tool has
never seen). The verdicts themselves come from hand-written cues and legal readings, not
from a fitted model, so their accuracy is the same in both columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from analysis import assess, calibration
from analysis.calibration import Row
from analysis.evaluate import (
    Scores,
    evidence_agreement,
    expected_calibration_error,
    read_gold_rows,
    reliability,
    review_figures,
    score,
)
from analysis.types import Assessment
from modellaw.model import Model
from statutes import StatuteError, read_statute
from statutes.model import Statute


@dataclass
class StatuteRun:
    name: str
    language: str
    assessment: Assessment
    gold: dict[str, str]
    scores: Scores
    rows: list[Row]
    key_results: dict[str, dict] = field(default_factory=dict)  # the assessment's, computed once


@dataclass
class Benchmark:
    model: Model
    runs: list[StatuteRun]
    loso: dict[tuple[str, str], float] = field(default_factory=dict)  # (statute, key) -> held-out probability
    threshold: float = calibration.DEFAULT_REVIEW_BELOW
    warnings: list[str] = field(default_factory=list)

    def rows(self) -> list[Row]:
        return [r for run in self.runs for r in run.rows]

    def points(self, runs: list[StatuteRun], held_out: bool, key: str | None = None) -> list[tuple[float, bool]]:
        out = []
        for run in runs:
            conf = {k: kr["confidence"] for k, kr in run.key_results.items()}
            for r in run.rows:
                if key is not None and r.key != key:
                    continue
                p = self.loso.get((run.name, r.key)) if held_out else conf.get(r.key)
                if p is not None:
                    out.append((p, r.right))
        return out

    def key_figures(self, key: str, scores: Scores) -> dict:
        """One protection key over every labelled statute: the verdict figures and, held out, the review figures."""
        d = {k: v for k, v in scores.as_dict().items() if k not in ("per_class", "gap", "evidence")}
        pts = self.points(self.runs, bool(self.loso), key)
        d["ece"] = round(expected_calibration_error(pts), 3)
        d["review"] = review_figures(pts, self.threshold)
        return d

    def figures(self, runs: list[StatuteRun], scores: Scores) -> dict:
        d = scores.as_dict()
        for label, held_out in (("in_sample", False), ("leave_one_statute_out", True)):
            pts = self.points(runs, held_out)
            if held_out and not self.loso:
                continue
            d[label] = {
                "ece": round(expected_calibration_error(pts), 3),
                "reliability": reliability(pts),
                "review": review_figures(pts, self.threshold),
            }
        return d

    def to_dict(self) -> dict:
        overall = Scores()
        by_lang: dict[str, list[StatuteRun]] = {}
        by_key: dict[str, Scores] = {}
        for run in self.runs:
            overall.merge(run.scores)
            by_lang.setdefault(run.language, []).append(run)
            for key, g in run.gold.items():
                predicted = run.key_results.get(key, {}).get("verdict", "missing")
                by_key.setdefault(key, Scores()).add(key, g, predicted)
        langs = {}
        for lang, runs in sorted(by_lang.items()):
            s = Scores()
            for run in runs:
                s.merge(run.scores)
            langs[lang] = self.figures(runs, s)
        return {
            "model": self.model.id,
            "measured": date.today().isoformat(),
            "review_below": self.threshold,
            "statutes": {run.name: dict(self.figures([run], run.scores), language=run.language) for run in self.runs},
            "languages": langs,
            "keys": {k: self.key_figures(k, s) for k, s in sorted(by_key.items())},
            "overall": self.figures(self.runs, overall),
        }


def run(
    gold_dir: Path, statutes_dir: Path, model: Model, held_out: bool = True, warn: Callable[[str], None] | None = None
) -> Benchmark:
    """Assess and score every statute with a gold file; fit the held-out calibrations if asked."""
    labelled = []
    warnings = []
    for g in sorted(gold_dir.glob("*.csv")):
        matches = [p for p in sorted(statutes_dir.glob(g.stem + ".*")) if p.suffix != ".meta"]
        if not matches:
            warnings.append(f"{g}: no statute named {g.stem}.* in {statutes_dir}")
            continue
        try:
            st = read_statute(matches[0])
            gold_rows = read_gold_rows(g)
        except (StatuteError, ValueError) as exc:
            warnings.append(str(exc))
            continue
        labelled.append(Labelled(g.stem, st, gold_rows))
    return run_labelled(labelled, model, held_out, warnings)


@dataclass
class Labelled:
    """One statute and its labels: key -> (verdict, the units cited), from a gold file or from reviews."""

    name: str
    statute: Statute
    gold_rows: dict[str, tuple[str, list[str]]]


def run_labelled(
    labelled: list[Labelled], model: Model, held_out: bool = True, warnings: list[str] | None = None
) -> Benchmark:
    """Assess and score labelled statutes (the tool's own verdicts); fit the held-out calibrations if asked."""
    runs = []
    warnings = list(warnings or [])
    for item in labelled:
        st, gold_rows = item.statute, item.gold_rows
        a = assess(st, model)
        gold = {k: v for k, (v, _) in gold_rows.items()}
        s = score(gold, a.key_verdicts())
        s.evidence_agree, s.evidence_total = evidence_agreement(gold_rows, a.key_evidence())
        rows = calibration.rows_for(item.name, a, gold)
        runs.append(StatuteRun(item.name, st.language, a, gold, s, rows, a.key_results()))
    cal = calibration.shipped(model.id)
    b = Benchmark(
        model, runs, threshold=cal.review_below if cal else calibration.DEFAULT_REVIEW_BELOW, warnings=warnings
    )
    if held_out and len(runs) > 1:
        b.loso = calibration.leave_one_statute_out(b.rows(), model.id)
    return b


def refit(b: Benchmark) -> calibration.Calibration:
    """A calibration fitted on every labelled statute, with its review threshold chosen held out.

    The threshold is the lowest at which the verdicts not flagged are right 90% of the time
    (at most a third flagged), read off the leave-one-statute-out probabilities.
    """
    rows = b.rows()
    loso = b.loso or calibration.leave_one_statute_out(rows, b.model.id)
    pts = [(loso[(r.statute, r.key)], r.right) for r in rows]
    threshold = calibration.choose_review_threshold(pts)
    cal = calibration.fit(rows, b.model.id, threshold)
    measured = {
        "statutes": len(b.runs),
        "keys": len(rows),
        "leave_one_statute_out": {
            "ece": round(expected_calibration_error(pts), 3),
            "review": review_figures(pts, threshold),
        },
    }
    return calibration.Calibration(
        cal.model_id, cal.features, cal.coef, cal.intercept, threshold, cal.fitted_on, cal.fitted, measured
    )


# -- comparing two runs -----------------------------------------------------------------

SAVED_FORMAT = "modellaw.evaluation/1"


def saved(b: Benchmark) -> dict:
    """Every key verdict with its confidence and the gold label, and the headline figures: `evaluate --save`."""
    d = b.to_dict()
    return {
        "format": SAVED_FORMAT,
        "model": b.model.id,
        "measured": d["measured"],
        "figures": {name: _headline(s) for name, s in [*d["statutes"].items(), ("OVERALL", d["overall"])]},
        "verdicts": {
            run.name: {
                k: {"verdict": r["verdict"], "confidence": r["confidence"], "gold": run.gold.get(k)}
                for k, r in sorted(run.key_results.items())
                if k in run.gold
            }
            for run in b.runs
        },
    }


def _headline(s: dict) -> dict:
    return {k: s[k] for k in ("accuracy", "kappa", "macro_f1", "false_covered")}


@dataclass
class Change:
    statute: str
    key: str
    old: str
    new: str
    gold: str

    @property
    def kind(self) -> str:
        if self.new == self.gold:
            return "fixed"
        if self.old == self.gold:
            return "broken"
        return "still wrong"


def changes(old: dict, new: dict) -> list[Change]:
    """Keys whose verdict moved between two saved runs, with what the gold says."""
    if old.get("format") != SAVED_FORMAT:
        raise ValueError(f"not a {SAVED_FORMAT} file")
    out = []
    for statute, keys in sorted(new["verdicts"].items()):
        before = old["verdicts"].get(statute, {})
        for key, r in keys.items():
            o = before.get(key)
            if o is not None and o["verdict"] != r["verdict"]:
                out.append(Change(statute, key, o["verdict"], r["verdict"], r["gold"]))
    return out


def format_changes(old: dict, new: dict) -> str:
    lines = [f"against {old.get('measured', '?')}: old -> new (gold)"]
    moved = changes(old, new)
    by_statute: dict[str, list[Change]] = {}
    for c in moved:
        by_statute.setdefault(c.statute, []).append(c)
    for name, fig in new["figures"].items():
        was = old["figures"].get(name)
        delta = "  ".join(
            f"{k} {fig[k]:.3f} ({fig[k] - was[k]:+.3f})" if was else f"{k} {fig[k]:.3f} (new)" for k in fig
        )
        lines.append(f"{name:<48} {delta}")
        for c in by_statute.get(name, []):
            lines.append(f"    {c.kind:<12} {c.key:<36} {c.old} -> {c.new} (gold {c.gold})")
    kinds = [c.kind for c in moved]
    lines.append(
        f"{len(moved)} verdicts moved: {kinds.count('fixed')} fixed, {kinds.count('broken')} broken, "
        f"{kinds.count('still wrong')} still wrong"
    )
    return "\n".join(lines)
