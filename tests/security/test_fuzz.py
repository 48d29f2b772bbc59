"""Short fuzz runs, one per reader (CI): hostile and damaged inputs end in StatuteError / ModelError
(one line, naming the file) or a document — never another exception, never a hang.

The generators are in tests/security/fuzz_targets.py; scripts/fuzz.py runs the same targets for
minutes (`python scripts/fuzz.py --minutes 2 --target pdf`).
"""

from __future__ import annotations

import signal
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from . import fuzz_targets as ft

# per reader: examples in CI (PDF and DOCX inputs cost more to build and to read)
EXAMPLES = {"txt": 100, "html": 100, "akn": 100, "model": 80, "docx": 60, "pdf": 60}
HANG_SECONDS = 60  # one input may take this long at most (the slowest legitimate one takes ~1 s)


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"one input took over {HANG_SECONDS} s")


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="modellaw-fuzz-") as d:
        yield Path(d)


def _make(kind: str):
    @settings(
        max_examples=EXAMPLES[kind],
        deadline=timedelta(seconds=30),
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(data=ft.STRATEGIES[kind]())
    def run(folder, data):
        old = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(HANG_SECONDS)
        try:
            ft.run_one(kind, data, folder)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)

    run.__name__ = f"test_fuzz_{kind}"
    return run


test_fuzz_txt = _make("txt")
test_fuzz_html = _make("html")
test_fuzz_akn = _make("akn")
test_fuzz_model = _make("model")
test_fuzz_docx = _make("docx")
test_fuzz_pdf = _make("pdf")
