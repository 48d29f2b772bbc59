"""Parse speed and peak memory of the structure parser and the definitions finder.

For every corpus statute (text files under ../shared/corpus/statutes by default, or the
folders/files given as arguments) prints the size, the number of units and definitions, the
median time of parse_units and of extract_definitions over several runs, and the peak memory
allocated during one parse (tracemalloc). A last line does the same on a ~1 MB statute made by
repeating the largest input, to show the parser stays linear.

    python benchmarks/bench_parse.py [PATH ...] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from statutes.definitions import extract_definitions  # noqa: E402 — after the sys.path insert that lets the script run from a checkout
from statutes.structure import parse_units  # noqa: E402 — after the sys.path insert that lets the script run from a checkout

DEFAULT = ROOT.parent / "shared" / "corpus" / "statutes"


def read_statute_text(path: Path) -> tuple[str, str]:
    """The statute text without its "# key: value ... # ---" header, and its declared language."""
    raw = path.read_text(encoding="utf-8")
    lang = "en"
    lines = raw.splitlines(keepends=True)
    if lines and lines[0].startswith("# "):
        for i, line in enumerate(lines):
            if line.startswith("# language:"):
                lang = line.split(":", 1)[1].strip() or lang
            if line.strip() == "# ---":
                return "".join(lines[i + 1 :]), lang
    return raw, lang


def measure(text: str, lang: str, runs: int) -> dict:
    t_units, t_defs = [], []
    units = defs = None
    for _ in range(runs):
        t0 = time.perf_counter()
        units = parse_units(text, lang)
        t1 = time.perf_counter()
        defs = extract_definitions(text, units, lang)
        t2 = time.perf_counter()
        t_units.append(t1 - t0)
        t_defs.append(t2 - t1)
    tracemalloc.start()
    tracemalloc.reset_peak()
    u = parse_units(text, lang)
    extract_definitions(text, u, lang)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "units": len(units),
        "defs": len(defs),
        "t_units": statistics.median(t_units),
        "t_defs": statistics.median(t_defs),
        "peak": peak,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    files: list[Path] = []
    for p in args.paths:
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    if not files:
        print(f"no statutes found in {', '.join(map(str, args.paths))}", file=sys.stderr)
        return 1
    head = (
        f"{'statute':44} {'lang':4} {'KB':>7} {'units':>6} {'defs':>5} "
        f"{'units ms':>9} {'defs ms':>8} {'MB/s':>6} {'peak MB':>8}"
    )
    print(head)
    print("-" * len(head))
    largest = ("", "en")
    for f in files:
        text, lang = read_statute_text(f)
        if len(text) > len(largest[0]):
            largest = (text, lang)
        r = measure(text, lang, args.runs)
        total = r["t_units"] + r["t_defs"]
        rate = len(text.encode("utf-8")) / 1e6 / total if total else 0.0
        print(
            f"{f.name[:44]:44} {lang:4} {len(text.encode('utf-8')) / 1024:7.1f} {r['units']:6d} {r['defs']:5d} "
            f"{r['t_units'] * 1000:9.1f} {r['t_defs'] * 1000:8.1f} {rate:6.2f} {r['peak'] / 2**20:8.2f}"
        )
    text, lang = largest
    if text:
        big = text * max(1, 1_000_000 // max(1, len(text.encode("utf-8"))))
        r = measure(big, lang, 1)
        total = r["t_units"] + r["t_defs"]
        print(
            f"{'(largest repeated to ~1 MB)':44} {lang:4} {len(big.encode('utf-8')) / 1024:7.1f} {r['units']:6d} "
            f"{r['defs']:5d} {r['t_units'] * 1000:9.1f} {r['t_defs'] * 1000:8.1f} "
            f"{len(big.encode('utf-8')) / 1e6 / total:6.2f} {r['peak'] / 2**20:8.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
