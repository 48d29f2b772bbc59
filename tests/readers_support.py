"""Shared by the reader and security tests: the fixture builder, and the check that a file is refused."""

import importlib.util
import time
from pathlib import Path

import pytest

from statutes.model import StatuteError
from statutes.readers import read_document

READER_FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def _load_build():
    spec = importlib.util.spec_from_file_location("readers_fixture_build", READER_FIXTURES / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


build = _load_build()


def refused(path, *words, quick: float = 10.0, **kw) -> str:
    """read_document(path) raises StatuteError: one line, "<path>: <reason>", quickly, naming `words`."""
    t = time.monotonic()
    with pytest.raises(StatuteError) as exc:
        read_document(path, **kw)
    elapsed = time.monotonic() - t
    msg = str(exc.value)
    assert msg.startswith(f"{path}: "), msg
    assert "\n" not in msg and "Traceback" not in msg, msg
    for w in words:
        assert w.lower() in msg.lower(), msg
    assert elapsed < quick, f"{elapsed:.1f} s: {msg}"
    return msg
