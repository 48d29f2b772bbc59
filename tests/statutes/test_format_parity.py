"""A statute gets the same verdicts whether it arrives as text, DOCX or HTML (benchmarks/format_parity.py
measures all formats, PDF included, on the whole corpus)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analysis import assess
from modellaw import resolve_model
from statutes import read_statute
from tests.corpus import STATUTES

_spec = importlib.util.spec_from_file_location(
    "format_parity", Path(__file__).resolve().parents[2] / "benchmarks" / "format_parity.py"
)
assert _spec and _spec.loader
parity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(parity)

CASES = ["ke-counter-trafficking-2010", "dj-loi-traite-2016", "kw-law-91-2013", "br-lei-13344-2016"]


@pytest.mark.skipif(not STATUTES.is_dir(), reason=f"the labelled corpus is not at {STATUTES}")
@pytest.mark.parametrize("stem", CASES)
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_same_verdicts_in_every_format(tmp_path: Path, stem: str, fmt: str):
    src = STATUTES / f"{stem}.txt"
    meta, lines = parity._lines(src)
    out = tmp_path / f"{stem}.{fmt}"
    if fmt == "docx":
        parity.write_docx(lines, meta, out)
    else:
        parity.write_html(lines, meta, out, read_statute(src).language)
    model = resolve_model("tip-2009")
    want = assess(read_statute(src), model).key_verdicts()
    st = read_statute(out)  # no header: language detected as for a user's own file
    got = assess(st, model).key_verdicts()
    assert {k: got.get(k) for k in want if got.get(k) != want[k]} == {}
