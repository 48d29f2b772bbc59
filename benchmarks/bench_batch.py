"""Batch throughput (statutes per minute) with --jobs 1 and --jobs 2, and peak memory.

    python benchmarks/bench_batch.py [CORPUS_DIR] [--copies N] [--jobs 1 2]

The corpus's statutes (with their .meta sidecars) are copied N times into a temporary folder, so
there is enough work, and each --jobs setting runs `run_batch` in a fresh process into a fresh
output folder (nothing skipped). Throughput counts the whole run: worker start-up and model and
pipeline loading, reading, assessing, writing both reports per statute, and the matrix, summary and
index at the end. The load average printed beside each run tells whether other work shared the
CPUs (parallel figures mean little on a busy machine). Memory is the peak resident set of the main process
and of the largest worker; with N workers the total is at most main + N x worker.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "statutes"


def child(src: str, out: str, jobs: int) -> None:
    sys.path.insert(0, str(ROOT))
    from pipeline.batch import run_batch

    t0 = time.perf_counter()
    res = run_batch(src, out, jobs=jobs, progress=False)
    elapsed = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                "jobs": jobs,
                "statutes": res.total,
                "ok": res.ok,
                "failed": res.failed,
                "seconds": elapsed,
                "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument(
        "--copies",
        type=int,
        default=0,
        help="copies of the corpus (default: enough for 240 statutes: fewer and worker start-up hides the speed-up)",
    )
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--child", nargs=3, metavar=("SRC", "OUT", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0

    corpus = Path(args.corpus)
    files = [p for p in sorted(corpus.iterdir()) if p.is_file() and p.suffix != ".meta"]
    if not files:
        print(f"{corpus}: no statutes", file=sys.stderr)
        return 2
    copies = args.copies or max(1, -(-240 // len(files)))
    with tempfile.TemporaryDirectory(prefix="modellaw-bench-") as tmp:
        src = Path(tmp) / "statutes"
        src.mkdir()
        for i in range(copies):
            for f in files:
                shutil.copy(f, src / f"c{i:03d}-{f.name}")
                for sc in (f.with_name(f.name + ".meta"), f.with_suffix(".meta")):
                    if sc.is_file():
                        shutil.copy(sc, src / f"c{i:03d}-{sc.name}")
                        break
        n = copies * len(files)
        print(f"{n} statutes ({len(files)} corpus files x {copies} copies)")
        results = []
        for jobs in args.jobs:
            load = os.getloadavg()[0]
            out = Path(tmp) / f"out-{jobs}"
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(src), str(out), str(jobs)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                return 1
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(r)
            rate = r["ok"] / r["seconds"] * 60
            total_mb = r["self_mb"] + (jobs * r["child_mb"] if jobs > 1 else 0)
            print(
                f"--jobs {jobs}: {r['seconds']:6.1f} s for {r['statutes']} statutes ({r['failed']} failed): "
                f"{rate:6.1f} statutes/minute; peak memory: main {r['self_mb']:.0f} MB"
                + (f", largest worker {r['child_mb']:.0f} MB, total at most {total_mb:.0f} MB" if jobs > 1 else "")
                + f"; CPU {r['cpu_seconds']:.1f} s; load average before {load:.1f} on {os.cpu_count()} CPUs"
            )
        if len(results) > 1:
            base = results[0]["ok"] / results[0]["seconds"]
            for r in results[1:]:
                print(
                    f"speed-up --jobs {r['jobs']} vs --jobs {results[0]['jobs']}: "
                    f"{(r['ok'] / r['seconds']) / base:.2f}x"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
