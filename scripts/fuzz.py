#!/usr/bin/env python3
"""Fuzz the statute readers and the model loader for longer than CI does.

    .venv/bin/python scripts/fuzz.py --minutes 2 --target pdf
    .venv/bin/python scripts/fuzz.py --minutes 1 --target all          # each target for 1 minute
    .venv/bin/python scripts/fuzz.py --minutes 5 --target docx --engine atheris

Targets: txt, docx, pdf, html, akn (Akoma Ntoso / generic XML), model (model-law XML), or all.
The contract checked for every input (see tests/security/fuzz_targets.py): the reader returns a
document, or raises StatuteError / ModelError with one line naming the file; any other exception, a
multi-line message or an input taking longer than --hang-seconds is a failure. Failing inputs are
saved in --save-dir (default $TMPDIR/modellaw-fuzz-failures) and the exit code is 1.

Engines:
- hypothesis (default, always available): the generators of tests/security/fuzz_targets.py —
  mutations of real seed files plus small grammars — run in batches until the time is up;
- atheris (optional, `pip install atheris`): coverage-guided libFuzzer mutation of the seed files'
  bytes (for docx: the bytes of word/document.xml inside a valid package), instrumenting the
  project's readers, pypdf and python-docx. Runs each target in a child process.

The summary gives, per target: inputs tried, read, refused, the commonest refusal reasons, and
"suspicious" refusals (messages naming a Python exception: a reader bug turned into a refusal).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.security import fuzz_targets as ft  # noqa: E402 — after the sys.path insert that lets the script run from a checkout


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang("input took too long")


def _save(save_dir: Path, kind: str, data: bytes, why: str) -> Path:
    save_dir.mkdir(parents=True, exist_ok=True)
    import hashlib

    p = save_dir / f"{kind}-{hashlib.sha256(data).hexdigest()[:12]}{ft.SUFFIX[kind]}"
    p.write_bytes(data)
    p.with_name(p.name + ".why.txt").write_text(why, encoding="utf-8")
    return p


# ---------------------------------------------------------------------------------------
# hypothesis engine


def run_hypothesis(kind: str, seconds: float, hang_seconds: int, save_dir: Path, batch: int) -> dict:
    from hypothesis import HealthCheck, Phase, given, settings

    failures: list[str] = []
    last: dict = {}
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix=f"modellaw-fuzz-{kind}-") as d:
        folder = Path(d)

        @settings(
            max_examples=batch,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(data=ft.STRATEGIES[kind]())
        def one(data):
            if time.monotonic() > deadline:
                return
            last["data"] = data
            signal.alarm(hang_seconds)
            try:
                ft.run_one(kind, data, folder)
            finally:
                signal.alarm(0)

        old = signal.signal(signal.SIGALRM, _alarm)
        t0 = time.monotonic()
        try:
            while time.monotonic() < deadline:
                try:
                    one()
                except Exception as exc:  # a failure: save it and go on
                    why = "".join(traceback.format_exception(exc))
                    p = _save(save_dir, kind, last.get("data", b""), why)
                    failures.append(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} -> {p}")
                    print(f"[{kind}] FAILURE {failures[-1]}", flush=True)
        finally:
            signal.signal(signal.SIGALRM, old)
        elapsed = time.monotonic() - t0
    return {"seconds": elapsed, "failures": failures}


# ---------------------------------------------------------------------------------------
# atheris engine (child process per target)


def _atheris_child(kind: str, seconds: int, hang_seconds: int, save_dir: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["statutes", "modellaw", "pypdf", "docx"]):
        import docx  # noqa: F401
        import pypdf  # noqa: F401

        import modellaw.model  # noqa: F401
        import statutes.readers  # noqa: F401
        import statutes.structure  # noqa: F401
    import io
    import zipfile

    folder = Path(tempfile.mkdtemp(prefix=f"modellaw-atheris-{kind}-"))
    corpus = folder / "corpus"
    corpus.mkdir()
    seeds = {
        "txt": ft.text_seeds,
        "html": ft.html_seeds,
        "akn": ft.akn_seeds,
        "model": ft.model_seeds,
        "pdf": ft.pdf_seeds,
    }
    docx_seed = ft.docx_seeds()[0]
    if kind == "docx":
        with zipfile.ZipFile(io.BytesIO(docx_seed)) as z:
            seed_list = [z.read("word/document.xml")]
    else:
        seed_list = list(seeds[kind]())
    for i, s in enumerate(seed_list):
        (corpus / f"seed{i}").write_bytes(s)

    def as_docx(member: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(docx_seed)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for n in zin.namelist():
                zout.writestr(n, member if n == "word/document.xml" else zin.read(n))
        return out.getvalue()

    seen_suspicious: set[str] = set()

    def report() -> None:  # libFuzzer ends the process with _exit: report as we go
        s = ft.STATS[kind]
        print(
            f"ATHERIS-STATS {kind} tried={s.tried} read={s.read} refused={s.refused} "
            f"suspicious={sum(s.suspicious.values())}",
            flush=True,
        )
        for k in s.suspicious:
            if k not in seen_suspicious:
                seen_suspicious.add(k)
                print(f"ATHERIS-SUSPICIOUS {k}", flush=True)

    def test_one(data: bytes) -> None:
        payload = as_docx(data) if kind == "docx" else data
        try:
            ft.run_one(kind, payload, folder)
        except Exception as exc:
            _save(save_dir, kind, payload, "".join(traceback.format_exception(exc)))
            report()
            raise
        if ft.STATS[kind].tried % 250 == 0:
            report()

    atheris.Setup(
        [
            sys.argv[0],
            str(corpus),
            f"-max_total_time={seconds}",
            f"-timeout={hang_seconds}",
            "-rss_limit_mb=8192",
            "-print_final_stats=1",
        ],
        test_one,
    )
    atheris.Fuzz()


def run_atheris(kind: str, seconds: float, hang_seconds: int, save_dir: Path) -> dict:
    t0 = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            __file__,
            "--_atheris-child",
            kind,
            "--minutes",
            str(seconds / 60),
            "--hang-seconds",
            str(hang_seconds),
            "--save-dir",
            str(save_dir),
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.monotonic() - t0
    out = proc.stdout + proc.stderr
    stats_line = next((ln for ln in reversed(out.splitlines()) if ln.startswith("ATHERIS-STATS")), "")
    runs = next((ln for ln in out.splitlines() if ln.startswith("stat::number_of_executed_units")), "")
    failures = []
    if proc.returncode != 0 or "ERROR: libFuzzer" in out or "Uncaught Python exception" in out:
        tail = "\n".join(out.splitlines()[-25:])
        failures.append(f"atheris exit {proc.returncode}:\n{tail}")
    for ln in out.splitlines():
        if ln.startswith("ATHERIS-SUSPICIOUS"):
            print(f"[{kind}] {ln}")
    print(f"[{kind}] {stats_line} {runs}".rstrip(), flush=True)
    return {"seconds": elapsed, "failures": failures}


# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz each target (default 1)")
    ap.add_argument(
        "--target", action="append", choices=[*ft.TARGETS, "all"], help="reader to fuzz (repeatable; default all)"
    )
    ap.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    ap.add_argument("--hang-seconds", type=int, default=60, help="one input taking longer is a failure (default 60)")
    ap.add_argument(
        "--save-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "modellaw-fuzz-failures",
        help="where failing inputs are saved (default: TMPDIR/modellaw-fuzz-failures)",
    )
    ap.add_argument("--batch", type=int, default=200, help=argparse.SUPPRESS)
    ap.add_argument("--_atheris-child", dest="atheris_child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.atheris_child:
        _atheris_child(args.atheris_child, max(1, int(args.minutes * 60)), args.hang_seconds, args.save_dir)
        return 0
    targets = list(ft.TARGETS) if not args.target or "all" in args.target else list(dict.fromkeys(args.target))
    if args.engine == "atheris":
        try:
            import atheris  # noqa: F401
        except ImportError:
            print("fuzz.py: atheris is not installed (pip install atheris); use --engine hypothesis", file=sys.stderr)
            return 2
    os.environ.setdefault("PYTHONHASHSEED", "0")
    total_fail = 0
    results = {}
    for kind in targets:
        print(f"[{kind}] fuzzing for {args.minutes:g} min with {args.engine}...", flush=True)
        if args.engine == "atheris":
            res = run_atheris(kind, args.minutes * 60, args.hang_seconds, args.save_dir)
        else:
            res = run_hypothesis(kind, args.minutes * 60, args.hang_seconds, args.save_dir, args.batch)
        results[kind] = res
        total_fail += len(res["failures"])

    print("\nsummary")
    for kind, res in results.items():
        s = ft.STATS[kind]
        rate = s.tried / res["seconds"] if res["seconds"] else 0
        if args.engine == "hypothesis":
            print(
                f"  {kind:<6} {s.tried:>7} inputs in {res['seconds']:6.0f} s ({rate:5.1f}/s): "
                f"{s.read} read, {s.refused} refused, {len(res['failures'])} failures"
            )
            for reason, n in s.reasons.most_common(5):
                print(f"           {n:>6}  {reason}")
            for reason, n in s.suspicious.most_common(10):
                print(f"    suspicious {n:>4}  {reason}")
        else:
            print(f"  {kind:<6} {res['seconds']:6.0f} s, {len(res['failures'])} failures (counts above)")
        for f in res["failures"]:
            print(f"    FAILURE {f}")
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
