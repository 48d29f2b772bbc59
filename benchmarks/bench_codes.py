"""Whole penal codes: the tool's time against a bare spaCy tokenisation of the same text.

    python benchmarks/bench_codes.py [--corpus DIR] [--lang es] [--code-mb 5] [--act-chars 150000]

Two cases, each run in a fresh child process so that neither warms the other's caches:

(a) a synthetic penal code of about 5 MB, built from real text: the Argentine Código Penal excerpt
    of tests/fixtures/statutes/codes (general part: confiscation, reparation, attempt,
    participation; trafficking articles), then the corpus statutes of one language concatenated
    as titles of the special part, their articles renumbered;
(b) an act of about 150,000 characters, the same statutes concatenated and renumbered.

For each case the child prints, in the same process: the seconds of a bare tokenisation by the
blank spaCy pipeline the tool uses (`spacy.blank(lang).make_doc`, max_length lifted), the
seconds of the tool's read + parse + assess from a cold start (model and lookup tables not yet
loaded), their ratio and the peak resident memory. The compiled-cue cache (analysis/cuecache.py)
is measured twice: cold (an empty MODELLAW_CACHE folder) and warm (the same folder again).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared/corpus/statutes"

_ARTICLE = re.compile(r"^(ART[IÍ]CULO|Art[íi]culo|Article|ARTICLE|Artigo|ARTIGO|Статья)\s+\d+[º°]?", re.MULTILINE)

# The real excerpt of a penal code (general part and trafficking articles) heading the synthetic code.
CODE_EXCERPT = ROOT / "tests/fixtures/statutes/codes/es-ar-codigo-penal-excerpt.txt"


def _excerpt() -> str:
    text = CODE_EXCERPT.read_text(encoding="utf-8")
    return text.split("# ---\n", 1)[1] if "# ---\n" in text else text


def _texts(corpus: Path, lang: str) -> list[str]:
    from statutes import StatuteError, read_statute

    out = []
    for p in sorted(corpus.iterdir()):
        if not p.is_file() or p.suffix == ".meta":
            continue
        try:
            st = read_statute(p)
        except StatuteError:
            continue
        if st.language == lang:
            out.append(st.text)
    if not out:
        raise SystemExit(f"{corpus}: no statute in '{lang}'")
    return out


def _renumbered(text: str, start: int) -> tuple[str, int]:
    """The text with its article headings numbered from `start` on, and the next number."""
    n = start

    def repl(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"{m.group(1)} {n - 1}"

    return _ARTICLE.sub(repl, text), n


def build(corpus: Path, lang: str, target: int, code: bool) -> str:
    """A statute of about `target` characters from the corpus texts of one language."""
    texts = _texts(corpus, lang)
    parts, n = [], 1
    if code:  # the real general part and trafficking articles first, then the corpus as chapters
        parts.append(_excerpt())
        n = 1000
    size, k = sum(len(p) for p in parts), 0
    while size < target:
        body, n = _renumbered(texts[k % len(texts)], n)
        if code:
            body = f"TÍTULO {k + 2}\n{body}"
        parts.append(body)
        size += len(body) + 2
        k += 1
    return "\n\n".join(parts)[: max(target, 1)]


def child(path: Path, lang: str) -> None:
    """One case, in this process: bare tokenisation, then the tool from a cold start."""
    import spacy

    text = path.read_text(encoding="utf-8")
    t0 = time.perf_counter()
    nlp = spacy.blank(lang)
    nlp.max_length = len(text) + 1
    n_tokens = len(nlp.make_doc(text))
    bare = time.perf_counter() - t0
    del nlp

    from analysis import assess
    from modellaw import resolve_model
    from statutes import read_statute

    t1 = time.perf_counter()
    st = read_statute(path, lang=lang)
    t_read = time.perf_counter() - t1
    t2 = time.perf_counter()
    a = assess(st, resolve_model("tip-2009"))
    t_assess = time.perf_counter() - t2
    tool = t_read + t_assess
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c = a.counts()
    print(
        f"  {len(text):>9,} chars {n_tokens:>9,} tokens {len(st.units):>6,} units | bare spaCy {bare:6.2f} s | "
        f"tool {tool:6.2f} s (read+parse {t_read:5.2f}, assess {t_assess:5.2f}) | ratio {tool / bare:5.2f}x | "
        f"peak RSS {peak:5.0f} MB | covered {c['covered']} partial {c['partial']} missing {c['missing']}"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--lang", default="es")
    ap.add_argument("--code-mb", type=float, default=5.0)
    ap.add_argument("--act-chars", type=int, default=150_000)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.lang)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("(a) penal code", Path(tmp, "code.txt"), int(args.code_mb * 1_000_000), True),
            ("(b) act", Path(tmp, "act.txt"), args.act_chars, False),
        ]
        env = dict(os.environ, MODELLAW_CACHE=str(Path(tmp, "cache")))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        for label, path, size, code in cases:
            path.write_text(build(args.corpus, args.lang, size, code), encoding="utf-8")
            for state in ("cold cache", "warm cache"):
                print(f"{label}, {state}:", flush=True)
                r = subprocess.run(
                    [sys.executable, __file__, "--child", str(path), "--lang", args.lang],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                print(r.stdout, end="")
                if r.returncode:
                    last = (r.stderr.strip().splitlines() or ["(no message)"])[-1]
                    print(f"  failed (exit {r.returncode}): {last[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
