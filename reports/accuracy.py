"""The accuracy benchmark as text (what `modellaw evaluate` prints), and the figures the reports ship.

`reports/data/accuracy.json` holds the measured accuracy per statute language, taken from
`modellaw evaluate --format json` on the labelled corpus; the "About this assessment" box of every
report reads it (no figure is typed into a template). Regenerate it after a change to verdicts:

    modellaw evaluate --gold ../shared/corpus/gold --format json > /tmp/evaluation.json
    python -m reports.accuracy ship /tmp/evaluation.json
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACCURACY_PATH = Path(__file__).with_name("data") / "accuracy.json"
ACCURACY_FORMAT = "modellaw.report-accuracy/1"
REGENERATE = (
    "modellaw evaluate --gold ../shared/corpus/gold --format json > evaluation.json && "
    "python -m reports.accuracy ship evaluation.json"
)


@dataclass(frozen=True)
class LanguageAccuracy:
    lang: str
    statutes: int  # labelled statutes in this language
    n: int  # labelled verdicts (statute x protection key)
    accuracy: float  # share of verdicts that agree with the expert label
    flagged_share: float  # share of verdicts flagged for review (leave-one-statute-out calibration)
    unflagged_accuracy: float  # accuracy of the verdicts not flagged


@dataclass(frozen=True)
class Accuracy:
    model: str
    measured: str
    review_below: float
    languages: dict[str, LanguageAccuracy]
    overall: LanguageAccuracy


def _review(d: dict) -> dict:
    return (d.get("leave_one_statute_out") or {}).get("review") or (d.get("in_sample") or {}).get("review") or {}


def shipped_figures(evaluation: dict) -> dict:
    """The part of `modellaw evaluate --format json` that reports show: per language and overall."""

    def row(d: dict, statutes: int) -> dict:
        rev = _review(d)
        return {
            "statutes": statutes,
            "n": d["n"],
            "accuracy": d["accuracy"],
            "flagged_share": rev.get("flagged_share", 0.0),
            "unflagged_accuracy": rev.get("unflagged_accuracy", d["accuracy"]),
        }

    per_lang: dict[str, int] = {}
    for s in evaluation["statutes"].values():
        per_lang[s["language"]] = per_lang.get(s["language"], 0) + 1
    return {
        "format": ACCURACY_FORMAT,
        "model": evaluation["model"],
        "measured": evaluation["measured"],
        "review_below": evaluation["review_below"],
        "command": REGENERATE,
        "languages": {lang: row(d, per_lang.get(lang, 0)) for lang, d in sorted(evaluation["languages"].items())},
        "overall": row(evaluation["overall"], len(evaluation["statutes"])),
    }


def parse_accuracy(d: dict) -> Accuracy:
    def row(lang: str, r: dict) -> LanguageAccuracy:
        return LanguageAccuracy(
            lang, int(r["statutes"]), int(r["n"]), float(r["accuracy"]),
            float(r["flagged_share"]), float(r["unflagged_accuracy"]),
        )  # fmt: skip

    if d.get("format") != ACCURACY_FORMAT:
        raise ValueError(f"not a {ACCURACY_FORMAT} file")
    return Accuracy(
        model=d["model"],
        measured=d["measured"],
        review_below=float(d["review_below"]),
        languages={lang: row(lang, r) for lang, r in d["languages"].items()},
        overall=row("", d["overall"]),
    )


@lru_cache(maxsize=4)
def load_accuracy(path: Path = ACCURACY_PATH) -> Accuracy | None:
    """The shipped figures, or None when the file is absent or unreadable (the report then says so)."""
    try:
        return parse_accuracy(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _line(name: str, d: dict) -> str:
    held = d.get("leave_one_statute_out") or {}
    ins = d.get("in_sample") or {}
    rev = held.get("review") or ins.get("review") or {}
    return (
        f"{name:<44} n={d['n']:<4} acc {d['accuracy']:.3f}  kappa {d['kappa']:.3f}  macro-F1 {d['macro_f1']:.3f}"
        f"  false-covered {d['false_covered']:.3f} ({d['covered_predicted']} covered)"
        f"  ECE {ins.get('ece', 0):.3f}/{held.get('ece', float('nan')):.3f}"
        f"  flagged {rev.get('flagged_share', 0):.2f} unflagged-acc {rev.get('unflagged_accuracy', 0):.3f}"
    )


def format_benchmark(
    d: dict, errors: list[tuple[str, list[tuple[str, str, str, float, bool]]]] | None = None, per_key: bool = False
) -> str:
    """The figures per statute, per language, overall, the reliability table, and (asked) per key."""
    out = [
        f"model {d['model']} · measured {d['measured']} · review below confidence {d['review_below']:.2f}",
        "ECE a/b: a = shipped calibration (fitted on all statutes, in-sample); "
        "b = leave-one-statute-out (fitted on the others only).",
        "flagged / unflagged-acc: leave-one-statute-out confidences under the review threshold.",
        "",
    ]
    err = dict(errors or [])
    for name, s in d["statutes"].items():
        out.append(_line(f"{name} [{s['language']}]", s))
        for key, gold, pred, conf, review in err.get(name, []):
            flag = "  needs review" if review else ""
            out.append(f"    {key:<36} gold {gold:<8} predicted {pred:<8} confidence {conf:.2f}{flag}")
    out.append("")
    for lang, s in d["languages"].items():
        out.append(_line(f"language {lang}", s))
    out.append(_line("OVERALL", d["overall"]))
    o = d["overall"]
    for c in ("covered", "partial", "missing"):
        pc = o["per_class"][c]
        out.append(f"  {c:<8} precision {pc['precision']:.3f} recall {pc['recall']:.3f}")
    ev = o["evidence"]
    out.append(
        f"  evidence: for {ev['agree']} of {ev['total']} keys found by both, the tool cites a unit the expert cited"
    )
    for label, title in (
        ("in_sample", "shipped calibration, in-sample"),
        ("leave_one_statute_out", "leave-one-statute-out"),
    ):
        if label not in o:
            continue
        out.append(f"  reliability ({title}): confidence bin -> verdicts, mean confidence, share right")
        for row in o[label]["reliability"]:
            out.append(
                f"    {row['from']:.1f}-{row['to']:.1f}  n={row['n']:<4} confidence {row['confidence']:.3f}"
                f"  right {row['accuracy']:.3f}"
            )
    if per_key:
        out.append("")
        out.append("per key, over the labelled statutes (ECE and review figures leave-one-statute-out)")
        for key, k in d["keys"].items():
            rev = k["review"]
            out.append(
                f"  {key:<36} n={k['n']:<3} acc {k['accuracy']:.3f}  kappa {k['kappa']:.3f}"
                f"  macro-F1 {k['macro_f1']:.3f}"
                f"  false-covered {k['false_covered']:.3f} ({k['covered_predicted']} covered)  ECE {k['ece']:.3f}"
                f"  flagged {rev['flagged_share']:.2f} unflagged-acc {rev['unflagged_accuracy']:.3f}"
            )
    return "\n".join(out)


def ship(evaluation_path: Path, out: Path = ACCURACY_PATH) -> Path:
    """Write reports/data/accuracy.json from a saved `modellaw evaluate --format json` output."""
    figures = shipped_figures(json.loads(evaluation_path.read_text(encoding="utf-8")))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":  # pragma: no cover - maintenance entry
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "ship":
        print("usage: python -m reports.accuracy ship EVALUATION.json", file=sys.stderr)
        sys.exit(2)
    try:
        print(f"wrote {ship(Path(sys.argv[2]))}")
    except (OSError, ValueError, KeyError) as exc:
        print(f"{sys.argv[2]}: not a `modellaw evaluate --format json` output ({exc})", file=sys.stderr)
        sys.exit(1)
