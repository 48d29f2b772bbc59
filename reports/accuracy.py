"""The accuracy benchmark as text: what `modellaw evaluate` prints (the JSON is `Benchmark.to_dict`)."""

from __future__ import annotations


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
