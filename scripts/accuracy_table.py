"""The README's accuracy table, from measurements (never typed by hand).

    .venv/bin/modellaw evaluate --gold ../shared/corpus/gold --format json > /tmp/eval.json
    .venv/bin/python benchmarks/loso_readings.py --gold ../shared/corpus/gold --json benchmarks/loso-readings.json
    .venv/bin/python scripts/accuracy_table.py /tmp/eval.json benchmarks/loso-readings.json

Prints a Markdown table: per statute, language and overall, the three-way accuracy (in-sample, and
leave-one-statute-out for the legal readings), Cohen's kappa, macro-F1, false-covered rate, expected
calibration error (leave-one-statute-out), share flagged for review and the accuracy of the rest.
"""

import json
import sys
from pathlib import Path


def row(name: str, d: dict, loso: dict | None) -> str:
    held = d.get("leave_one_statute_out") or d.get("in_sample") or {}
    rev = held.get("review", {})
    lo = f"{loso['leave_one_statute_out']:.3f}" if loso else "—"
    return (
        f"| {name} | {d['n']} | {d['accuracy']:.3f} | {lo} | {d['kappa']:.3f} | {d['macro_f1']:.3f} "
        f"| {d['false_covered']:.3f} ({d['covered_predicted']}) | {held.get('ece', 0):.3f} "
        f"| {rev.get('flagged_share', 0):.2f} | {rev.get('unflagged_accuracy', 0):.3f} |"
    )


def main(eval_path: str, loso_path: str) -> None:
    d = json.loads(Path(eval_path).read_text(encoding="utf-8"))
    lo = json.loads(Path(loso_path).read_text(encoding="utf-8"))
    print(f"Measured {d['measured']}, model {d['model']}, review threshold {d['review_below']:.2f}.\n")
    print(
        "| statute | keys | accuracy | accuracy, readings LOSO | kappa | macro-F1 | false-covered (covered verdicts) "
        "| ECE (LOSO) | flagged for review | accuracy not flagged |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, s in d["statutes"].items():
        print(row(f"{name} ({s['language']})", s, lo["statutes"].get(name)))
    for lang, s in d["languages"].items():
        n = [k for k, v in d["statutes"].items() if v["language"] == lang]
        right = sum(
            lo["statutes"][k]["leave_one_statute_out"] * lo["statutes"][k]["n"] for k in n if k in lo["statutes"]
        )
        tot = sum(lo["statutes"][k]["n"] for k in n if k in lo["statutes"])
        print(row(f"**language {lang}**", s, {"leave_one_statute_out": right / tot} if tot else None))
    print(row("**overall**", d["overall"], lo["overall"]))


if __name__ == "__main__":
    main(*sys.argv[1:3])
