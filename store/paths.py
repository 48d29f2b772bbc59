"""Where the assessments database is: `--db PATH`, else $MODELLAW_DB, else the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "assessments.sqlite"
ENV_VAR = "MODELLAW_DB"


def default_db() -> Path:
    """$MODELLAW_DB, else assessments.sqlite in the user's data directory (platformdirs)."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("modellaw", appauthor=False)) / DB_NAME


def resolve_db(explicit: str | Path | None = None) -> Path:
    """The database to use: `explicit` (a folder means its assessments.sqlite), else default_db()."""
    if explicit is None or str(explicit) == "":
        return default_db()
    p = Path(explicit).expanduser()
    return p / DB_NAME if p.is_dir() else p
