"""Time statutes.readers.read_document on every corpus statute; report peak memory.

    .venv/bin/python benchmarks/bench_read.py [PATH ...] [--repeat N] [--synthetic]

PATHs are files or folders (default: the shared corpus, ../shared/corpus/statutes or
/work/shared/corpus/statutes). --synthetic also times generated large inputs (a 5 MB text
in cp1256, a 2,000-paragraph DOCX, a 200-page PDF, a 3,000-section Akoma Ntoso file).
Times are from plain runs; peak memory is the Python heap peak of one extra read under tracemalloc and the
process's maximum resident set size (ru_maxrss) at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from statutes.model import StatuteError  # noqa: E402 — after the sys.path insert that lets the script run from a checkout
from statutes.readers import SUPPORTED_EXTENSIONS, read_document  # noqa: E402 — after the sys.path insert that lets the script run from a checkout


def corpus_dir() -> Path:
    for cand in (ROOT.parent / "shared" / "corpus" / "statutes", Path("/work/shared/corpus/statutes")):
        if cand.is_dir():
            return cand
    raise SystemExit("corpus not found; pass paths explicitly")


def files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED_EXTENSIONS)
        else:
            out.append(p)
    return out


def bench(path: Path, repeat: int) -> tuple[str, float, float, int, int, str]:
    """Times come from plain runs; the heap peak from one more run under tracemalloc (which is slow)."""
    times = []
    status = "ok"
    chars = units = 0
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            doc = read_document(path)
            chars, units = len(doc.text), len(doc.units or [])
        except StatuteError as exc:
            status = f"refused: {str(exc).split(': ', 1)[1]}"
        times.append(time.perf_counter() - t)
    tracemalloc.start()
    with contextlib.suppress(StatuteError):  # a refused file is timed and measured like any other
        read_document(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return str(path), min(times), sum(times) / len(times), chars, units, f"{peak / 1e6:.1f} MB heap peak; {status}"


def synthetic(tmp: Path) -> list[Path]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build", ROOT / "tests" / "fixtures" / "readers" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    ar = build.excerpt("ar")
    big = tmp / "big-ar-cp1256.txt"
    big.write_bytes((ar * (5_000_000 // len(ar.encode("cp1256")))).encode("cp1256"))
    en = build.excerpt("en").splitlines()
    docx = build.make_docx(tmp / "big.docx", en * 250)
    pdf = build.make_pdf(tmp / "big.pdf", build.excerpt("fr").splitlines() * 400, lang="fr")
    sections = "".join(
        f'<section eId="sec_{i}"><num>{i}.</num><heading>Heading {i}</heading>'
        f'<subsection eId="sec_{i}__subsec_1"><num>(1)</num><content><p>{en[3]}</p></content></subsection>'
        f'<subsection eId="sec_{i}__subsec_2"><num>(2)</num><content><p>{en[7]}</p></content></subsection>'
        f"</section>"
        for i in range(1, 3001)
    )
    akn = tmp / "big-akn.xml"
    akn.write_text(build.akn(sections), encoding="utf-8")
    return [big, docx, pdf, akn]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--synthetic", action="store_true")
    args = ap.parse_args()
    targets = files(args.paths or [corpus_dir()])
    with tempfile.TemporaryDirectory() as td:
        if args.synthetic:
            targets += synthetic(Path(td))
        print(f"{'file':60} {'bytes':>11} {'best s':>8} {'mean s':>8} {'chars':>10} {'units':>6}  memory")
        for path in targets:
            name, best, mean, chars, units, note = bench(path, args.repeat)
            size = path.stat().st_size if path.exists() else 0
            shown = name if len(name) <= 60 else "…" + name[-59:]
            print(f"{shown:60} {size:>11,} {best:>8.3f} {mean:>8.3f} {chars:>10,} {units:>6}  {note}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process max RSS: {rss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
