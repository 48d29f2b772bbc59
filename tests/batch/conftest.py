"""Fixtures for batch, history and diff: the real corpus statutes copied into tmp folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.corpus import KENYA
from tests.corpus import STATUTES as CORPUS

needs_corpus = pytest.mark.skipif(not KENYA.is_file(), reason=f"corpus statute {KENYA} not available")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file())


def copy_corpus(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for p in corpus_files():
        shutil.copy(p, dest / p.name)
        out.append(dest / p.name)
    return out


def kenya_text() -> str:
    return KENYA.read_text(encoding="utf-8")


def without_section_8(text: str) -> str:
    """Version 2 of the Kenyan act: section 8 (interfering with travel documents) removed."""
    start = text.index("\n8. Interfering with travel documents")
    end = text.index("\n9. Life threatening")
    return text[:start] + text[end:]


def with_header(text: str, **fields: str) -> str:
    """The statute with header fields replaced (country=..., title=...)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        for k, v in fields.items():
            if line.startswith(f"# {k}:"):
                lines[i] = f"# {k}: {v}"
    return "\n".join(lines)
