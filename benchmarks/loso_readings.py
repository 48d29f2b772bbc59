"""Leave one statute out, for the legal readings: would each statute score as well with only the
readings that the *other* statutes justify?

The readings (analysis/readings) were written while reading the labelled corpus's disagreements. For
each statute S this keeps a reading only if, on the other statutes, switching it off loses more right
verdicts than it gains (net benefit > 0), switches the rest off, and scores S. A reading that only ever
helped S is thus not used on S. Cue edits in the model XML are not ablated here (there are hundreds);
the figure is therefore an upper bound on held-out accuracy, closer to it than the in-sample one.

    .venv/bin/python benchmarks/loso_readings.py --gold ../shared/corpus/gold [--json benchmarks/loso-readings.json]

Prints per statute: in-sample accuracy, leave-one-statute-out accuracy, the readings left out for it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import benchmark, readings  # noqa: E402 — after the sys.path insert that lets the script run from a checkout
from modellaw import resolve_model  # noqa: E402 — after the sys.path insert that lets the script run from a checkout


def right_per_statute(gold: Path, model, off: frozenset[str]) -> tuple[dict[str, int], dict[str, int], set[str]]:
    with readings.disabled(off):
        b = benchmark.run(gold, gold.parent / "statutes", model, held_out=False)
    fired = {rid for r in b.runs for v in r.assessment.verdicts for rid in v.readings}
    return ({r.name: r.scores.correct for r in b.runs}, {r.name: r.scores.n for r in b.runs}, fired)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--model", default="tip-2009")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    model = resolve_model(args.model)
    t0 = time.perf_counter()
    full, n, fired = right_per_statute(args.gold, model, frozenset())
    ids = sorted(fired) + sorted(readings.filter_id(f) for f in readings.HIT_FILTERS)
    benefit: dict[str, dict[str, int]] = {}
    for rid in ids:
        without, _, _ = right_per_statute(args.gold, model, frozenset({rid}))
        benefit[rid] = {s: full[s] - without[s] for s in full}
    out = {}
    for s in sorted(full):
        drop = sorted(rid for rid in ids if sum(b for t, b in benefit[rid].items() if t != s) <= 0)
        held, _, _ = right_per_statute(args.gold, model, frozenset(drop)) if drop else (full, n, None)
        out[s] = {
            "n": n[s],
            "in_sample": round(full[s] / n[s], 3),
            "leave_one_statute_out": round(held[s] / n[s], 3),
            "readings_left_out": drop,
        }
    tot, tot_held = sum(full.values()), sum(out[s]["leave_one_statute_out"] * n[s] for s in out)
    overall = {
        "n": sum(n.values()),
        "in_sample": round(tot / sum(n.values()), 3),
        "leave_one_statute_out": round(tot_held / sum(n.values()), 3),
    }
    print(f"{'statute':<50} {'in-sample':>9} {'LOSO':>6}  readings left out")
    for s, d in out.items():
        left_out = ", ".join(d["readings_left_out"]) or "-"
        print(f"{s:<50} {d['in_sample']:>9.3f} {d['leave_one_statute_out']:>6.3f}  {left_out}")
    print(f"{'OVERALL':<50} {overall['in_sample']:>9.3f} {overall['leave_one_statute_out']:>6.3f}")
    print("per reading, right verdicts it adds per statute (switched off: full minus without):")
    for rid in ids:
        gains = {s: b for s, b in benefit[rid].items() if b}
        print(f"  {rid:<48} {gains or 'no effect'}")
    print(f"{len(ids)} readings, {time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(
            json.dumps({"model": model.id, "statutes": out, "overall": overall, "benefit": benefit}, indent=1) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
