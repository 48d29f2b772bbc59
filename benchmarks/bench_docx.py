"""Seconds to write Word output per corpus statute: the DOCX report, and annotating the statute saved as DOCX.

    python benchmarks/bench_docx.py [CORPUS_DIR] [--repeat N]

Each .txt statute is saved as a .docx (one paragraph a line, as tests/reports/docx_support.py does), read
and assessed once; then the best of N runs of `render_docx` (English report) and of `annotate_docx` is
printed, with the paragraphs, the paragraphs matched to the text read and the comments written.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import assess  # noqa: E402
from modellaw import resolve_model  # noqa: E402
from reports.annotate import annotate_docx  # noqa: E402
from reports.docx import render_docx  # noqa: E402
from statutes import read_statute  # noqa: E402
from tests.corpus import statute_text  # noqa: E402
from tests.reports.docx_support import save_as_docx  # noqa: E402


def best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/statutes"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    model = resolve_model("tip-2009")
    with tempfile.TemporaryDirectory() as tmp:
        for f in sorted(Path(args.corpus).glob("*.txt")):
            draft = save_as_docx(statute_text(f), Path(tmp) / f"{f.stem}.docx", rtl=False)
            st = read_statute(draft)
            a = assess(st, model)
            out = Path(tmp) / f"{f.stem}.reviewed.docx"
            t_report = best(lambda a=a: render_docx(a, "en"), args.repeat)
            t_annotate = best(lambda d=draft, o=out, a=a, t=st.text: annotate_docx(d, o, a, "en", text=t), args.repeat)
            res = annotate_docx(draft, out, a, "en", text=st.text)
            print(
                f"{f.stem:<50} report {t_report:6.3f} s  annotate {t_annotate:6.3f} s  "
                f"{res.aligned}/{res.with_text} paragraphs matched, {res.comments} comments"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
