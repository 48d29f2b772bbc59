"""Reviewers' verdicts for `annotate --db`: read from a `reviews` table when the database has one.

Reviews are recorded by another part of the tool (issue 14); this module only reads them, and reads
nothing when the table is absent, so an annotated draft shows a reviewer's verdict exactly when one
was recorded. A row names a provision id or a protection key (`key`, else `provision_id` or
`provision`) and a `verdict`; `reviewer` and `note` (or `notes`) are shown when present. When a key
was reviewed more than once, the last row recorded wins.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from analysis.types import VERDICTS
from reports.annotate import ReviewNote

_KEY_COLUMNS = ("key", "provision_id", "provision")
_NOTE_COLUMNS = ("note", "notes", "comment")


class ReviewDBError(ValueError):
    """The database cannot be read; the message is one line naming the file."""


def load_reviews(path: str | Path, table: str = "reviews") -> dict[str, ReviewNote]:
    """key -> the latest review recorded in `path`; empty when it has no `reviews` table."""
    p = Path(path)
    if p.is_dir():
        p = p / "assessments.sqlite"
    if not p.is_file():
        raise ReviewDBError(f"{p}: no such database")
    try:
        con = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ReviewDBError(f"{p}: cannot open: {exc}") from None
    try:
        with con:
            exists = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
            if not exists:
                return {}
            columns = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
            key = next((c for c in _KEY_COLUMNS if c in columns), None)
            if key is None or "verdict" not in columns:
                return {}
            note = next((c for c in _NOTE_COLUMNS if c in columns), None)
            wanted = [key, "verdict", "reviewer" if "reviewer" in columns else "''", note or "''"]
            rows = con.execute(f'SELECT {", ".join(wanted)} FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.Error as exc:
        raise ReviewDBError(f"{p}: cannot read reviews: {exc}") from None
    finally:
        con.close()
    out: dict[str, ReviewNote] = {}
    for k, verdict, reviewer, text in rows:
        verdict = str(verdict or "").strip().lower()
        if k and verdict in VERDICTS:
            out[str(k)] = ReviewNote(verdict, str(reviewer or ""), str(text or ""))
    return out


__all__ = ["ReviewDBError", "load_reviews"]
