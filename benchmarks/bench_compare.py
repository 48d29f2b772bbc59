"""Seconds per statute for `compare` (pipelines loaded) and peak memory, over a corpus folder.

    python benchmarks/bench_compare.py [CORPUS_DIR] [--repeat N]

Prints one line per statute: read+parse seconds, assess seconds, units; then the
pipeline load time per language and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from analysis import assess, matcher
from modellaw import resolve_model
from statutes import StatuteError, read_statute


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/statutes"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--synthetic", action="store_true", help="also time a ~100-page act built from the corpus")
    args = ap.parse_args()
    model = resolve_model("tip-2009")
    files = [p for p in sorted(Path(args.corpus).iterdir()) if p.suffix != ".meta" and p.is_file()]
    load_times: dict[str, float] = {}
    total_assess, n = 0.0, 0
    for f in files:
        t0 = time.perf_counter()
        try:
            st = read_statute(f)
        except StatuteError as exc:
            print(f"{f.name}: skipped: {exc}")
            continue
        t_read = time.perf_counter() - t0
        if st.language not in load_times:
            t1 = time.perf_counter()
            matcher(model, st.language)
            load_times[st.language] = time.perf_counter() - t1
        best = float("inf")
        for _ in range(args.repeat):
            t2 = time.perf_counter()
            assess(st, model)
            best = min(best, time.perf_counter() - t2)
        total_assess += best
        n += 1
        print(
            f"{f.name:<45} {len(st.text) / 1000:7.1f} kchars  {len(st.units):4d} units  "
            f"read+parse {t_read:6.3f} s  assess {best:6.3f} s"
        )
    if args.synthetic and n:
        # A ~100-page act: the last statute's text repeated to about 300,000 characters.
        from statutes import parse_text

        big = "\n\n".join([st.text] * max(1, 300_000 // max(1, len(st.text))))
        t0 = time.perf_counter()
        big_st = parse_text(big, st.language, st.meta)
        t_parse = time.perf_counter() - t0
        t1 = time.perf_counter()
        assess(big_st, model)
        print(
            f"synthetic ~100 pages: {len(big) / 1000:.0f} kchars, {len(big_st.units)} units, "
            f"parse {t_parse:.3f} s, assess {time.perf_counter() - t1:.3f} s"
        )
    for lang, t in load_times.items():
        print(f"pipeline load [{lang}]: {t:.2f} s (once per process)")
    if n:
        print(f"mean assess: {total_assess / n:.3f} s per statute over {n} statutes")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
