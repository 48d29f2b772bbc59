"""OCR of scanned statutes: seconds per page, and how far the OCR'd text's key verdicts agree with the text layer.

Each corpus statute named is printed to a text-layer PDF, rasterised to an image-only "scan" (tests/fixtures/
readers/build.py), and read both ways; both are assessed against the Model Law and the 38 protection keys'
verdicts compared. Prints one line per statute.

    python benchmarks/bench_ocr.py [--pages N] [--lang auto|en|...] STATUTE_STEM...
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import assess  # noqa: E402 — after the sys.path insert that lets the script run from a checkout
from analysis.evaluate import read_gold  # noqa: E402
from modellaw import resolve_model  # noqa: E402
from statutes import read_statute  # noqa: E402
from tests.corpus import GOLD, STATUTES  # noqa: E402


def _build() -> object:
    spec = importlib.util.spec_from_file_location("build", ROOT / "tests" / "fixtures" / "readers" / "build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stems", nargs="+", help="corpus statute file stems, e.g. ke-counter-trafficking-2010")
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages (0: all)")
    ap.add_argument("--lang", default="auto", help="the language given to OCR (auto: detected after OCR)")
    args = ap.parse_args()
    build = _build()
    model = resolve_model("tip-2009")
    for stem in args.stems:
        src = STATUTES / f"{stem}.txt"
        declared = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in src.read_text(encoding="utf-8").splitlines()
                if ln.startswith("# language:")
            ),
            "en",
        )
        with tempfile.TemporaryDirectory() as tmp:
            text_pdf, scan = build.scanned_statute(src, Path(tmp), pages=args.pages or None, lang=declared)  # type: ignore[attr-defined]
            lang = None if args.lang == "auto" else args.lang
            ref = read_statute(text_pdf, lang=declared)
            t = time.perf_counter()
            ocr = read_statute(scan, lang=lang)
            seconds = time.perf_counter() - t
            pages = len(ocr.meta.ocr_pages)
            kr, ko = assess(ref, model).key_verdicts(), assess(ocr, model).key_verdicts()
            gold = GOLD / f"{stem}.csv"
            keys = list(read_gold(gold)) if gold.is_file() else list(kr)  # the keys the experts label
            same = sum(1 for k in keys if ko.get(k) == kr.get(k))
            print(
                f"{stem}: {pages} pages OCR'd in {seconds:.1f} s ({seconds / max(pages, 1):.1f} s/page), "
                f"language {ocr.language} (given {args.lang}); scan {scan.stat().st_size:,} bytes; "
                f"key verdicts agree on {same}/{len(keys)} ({same / len(keys):.1%}); "
                f"units {len(ref.units)} (text layer) vs {len(ocr.units)} (OCR)"
            )


if __name__ == "__main__":
    main()
