"""Reviewers' decisions as labels: scored like gold (evaluate --reviews) and written as gold CSVs.

A review names its statute by the SHA-256 of its text; the statute's file is found through the latest
assessment of that text in the database (`modellaw review` and the web app record one). A file that is
gone, or whose text no longer has that SHA-256, is left out with a warning.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.names import safe_filename, unique_name
from store.db import HistoryStore

if TYPE_CHECKING:
    from analysis.benchmark import Labelled
    from modellaw.model import Model

GOLD_COLUMNS = ("key", "verdict", "units", "notes")  # the corpus's gold format (shared/corpus/README.md)


def reviewed_statutes(store: HistoryStore, model_id: str) -> list[dict]:
    """Per reviewed statute text: a name (its file's stem, de-duplicated), its latest assessment, its reviews."""
    taken: set[str] = set()
    out = []
    for sha, reviews in sorted(store.all_reviews(model_id).items()):
        rec = store.statute_for_sha(sha) or {}
        uploaded = store.upload_name_for_sha(sha)  # a file uploaded to the web app is named as the user sent it
        stem = Path(uploaded or rec.get("path") or "").stem or sha[:12]
        out.append({"sha256": sha, "name": unique_name(safe_filename(stem), taken), "record": rec, "reviews": reviews})
    return out


def review_labels(store: HistoryStore, model: Model) -> tuple[list[Labelled], list[str]]:
    """The reviewed statutes, read again, with the reviews in force as their labels; and warnings."""
    from analysis.benchmark import Labelled
    from statutes import StatuteError, read_statute

    labelled, warnings = [], []
    for item in reviewed_statutes(store, model.id):
        path = item["record"].get("path") or ""
        if not path:
            warnings.append(f"statute {item['sha256'][:12]}: reviewed, but no assessment says which file it is")
            continue
        try:
            st = read_statute(path, lang=item["record"].get("language") or None)
        except StatuteError as exc:
            warnings.append(f"{exc} (reviewed statute {item['sha256'][:12]})")
            continue
        if hashlib.sha256(st.text.encode("utf-8")).hexdigest() != item["sha256"]:
            warnings.append(f"{path}: its text changed since it was reviewed; left out")
            continue
        gold_rows: dict[str, tuple[str, list[str]]] = {k: (r.verdict, []) for k, r in sorted(item["reviews"].items())}
        labelled.append(Labelled(item["name"], st, gold_rows))
    return labelled, warnings


def gold_csv(reviews: dict) -> str:
    """The reviews of one statute as a gold CSV: key, verdict, units (none: a review cites no unit), notes."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(GOLD_COLUMNS)
    for key, r in sorted(reviews.items()):
        who = f"{r.reviewer}, {r.at[:10]}" if r.reviewer else r.at[:10]
        w.writerow([key, r.verdict, "", f"{r.note} ({who})" if r.note else f"({who})"])
    return buf.getvalue()


def export_gold(store: HistoryStore, model_id: str, outdir: str | Path) -> list[Path]:
    """Write one gold CSV per reviewed statute into `outdir` (named like its file); returns the paths."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for item in reviewed_statutes(store, model_id):
        p = out / f"{item['name']}.csv"
        p.write_text(gold_csv(item["reviews"]), encoding="utf-8")
        written.append(p)
    return written
