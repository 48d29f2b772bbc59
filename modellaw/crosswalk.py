"""The crosswalk between the 2009 Model Law and the 2020 Model Legislative Provisions (trafficking).

`modellaw/models/crosswalk-tip-2009-2020.csv` pairs provisions of the two encodings:

    article_2009, article_2020, provision_id_2009, provision_id_2020, relation, source

`relation` is one of same | split | merged | new | removed; `source` says what supports the row
and starts with "unverified" when a side of the pairing was not read in a published text (no row
is kept that nothing supports). An article column is empty when that model's article number is
not known; the provision ids are always given for the sides that exist (empty for the missing
side of a `new` or `removed` row), so ids are the stable handles: `Model.find(id)` gives the
provision, and its `article` when one is known.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from modellaw.model import MODELS_DIR

CROSSWALK_PATH = MODELS_DIR / "crosswalk-tip-2009-2020.csv"
COLUMNS = ("article_2009", "article_2020", "provision_id_2009", "provision_id_2020", "relation", "source")
RELATIONS = ("same", "split", "merged", "new", "removed")


class CrosswalkError(ValueError):
    """A crosswalk file that cannot be used; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class CrosswalkRow:
    article_2009: str
    article_2020: str
    provision_id_2009: str
    provision_id_2020: str
    relation: str
    source: str

    @property
    def unverified(self) -> bool:
        return self.source.lower().startswith("unverified")


def load_crosswalk(path: str | Path | None = None) -> tuple[CrosswalkRow, ...]:
    """Read and check the crosswalk CSV (default: the one shipped in modellaw/models)."""
    path = Path(path) if path is not None else CROSSWALK_PATH
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise CrosswalkError(f"{path}:0: cannot read: {exc.strerror}") from None
    return _load(str(path), mtime)


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[CrosswalkRow, ...]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if tuple(reader.fieldnames or ()) != COLUMNS:
                raise CrosswalkError(f"{path}:1: columns must be {', '.join(COLUMNS)}")
            rows = []
            for line, r in enumerate(reader, start=2):
                row = CrosswalkRow(*(" ".join((r.get(c) or "").split()) for c in COLUMNS))
                if row.relation not in RELATIONS:
                    raise CrosswalkError(
                        f"{path}:{line}: relation {row.relation!r} is not one of {', '.join(RELATIONS)}"
                    )
                if not row.source:
                    raise CrosswalkError(f"{path}:{line}: a row needs a source (or 'unverified: ...')")
                if row.relation != "new" and not row.provision_id_2009:
                    raise CrosswalkError(
                        f"{path}:{line}: provision_id_2009 is empty (only a 'new' row has no 2009 side)"
                    )
                if row.relation != "removed" and not row.provision_id_2020:
                    raise CrosswalkError(
                        f"{path}:{line}: provision_id_2020 is empty (only a 'removed' row has no 2020 side)"
                    )
                rows.append(row)
    except OSError as exc:
        raise CrosswalkError(f"{path}:0: cannot read: {exc.strerror}") from None
    return tuple(rows)


def _norm(ref: str) -> str:
    ref = ref.strip().lower()
    for prefix in ("article", "art.", "art"):
        if ref.startswith(prefix):
            return ref[len(prefix) :].strip()
    return ref


def _matches(ref: str, article: str, provision_id: str) -> bool:
    return ref.strip() == provision_id or (bool(article) and _norm(ref) == article.lower())


def _dedup(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def map_2009_to_2020(article: str, rows: tuple[CrosswalkRow, ...] | None = None) -> list[str]:
    """The 2020 provision ids that a 2009 article ("8", "Art. 8") or 2009 provision id corresponds to.

    Empty when the crosswalk has no row for it or records it as removed. Ids, not article numbers, are
    returned because the 2020 article numbers are not known; `resolve_model("tip-2020").find(id)` gives
    the provision.
    """
    rows = load_crosswalk() if rows is None else rows
    return _dedup(
        r.provision_id_2020
        for r in rows
        if r.relation != "removed" and _matches(article, r.article_2009, r.provision_id_2009)
    )


def map_2020_to_2009(article: str, rows: tuple[CrosswalkRow, ...] | None = None) -> list[str]:
    """The 2009 provision ids that a 2020 article or 2020 provision id corresponds to (the reverse map)."""
    rows = load_crosswalk() if rows is None else rows
    return _dedup(
        r.provision_id_2009
        for r in rows
        if r.relation != "new" and _matches(article, r.article_2020, r.provision_id_2020)
    )


def rows_for_2009(article: str, rows: tuple[CrosswalkRow, ...] | None = None) -> list[CrosswalkRow]:
    """The full crosswalk rows for a 2009 article or provision id, with their relation and support."""
    rows = load_crosswalk() if rows is None else rows
    return [r for r in rows if _matches(article, r.article_2009, r.provision_id_2009)]
