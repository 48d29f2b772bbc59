"""The assessments database (SQLite): every assessment, its verdicts, and the state of batch runs.

    store = HistoryStore("out/assessments.sqlite")
    aid = store.record(assessment, path="ke.txt", file_sha256=...)
    store.timeline("Kenya")            # how each provision's verdict changed
    store.last_hash("ke.txt")          # the input fingerprint last recorded for a file

Tables (schema version 2; a version-1 database is migrated when opened):

- `assessments`: one row per assessment: country, title, year, language, path, the file's
  SHA-256 and the statute text's SHA-256, model id and version, tool version, the
  assessment's date (`created`) and when it was recorded;
- `provision_verdicts`: per assessment and provision: verdict, confidence, the units cited,
  the essential elements missing;
- `key_verdicts`: per assessment and protection key: verdict (the weakest provision carrying
  the key) and that provision's confidence;
- `batch_items`: per output folder and input file: the input fingerprint, status (ok / failed),
  the one-line reason of a failure, the report name and the assessment it produced. A batch
  writes a row the moment a statute is finished, so an interrupted batch resumes where it
  stopped.
- `reviews` (version 2): a person's decision on one protection key of one statute: the statute's text
  SHA-256, the model id, the key, verdict, note, reviewer and when. A new review of the same key supersedes
  the earlier one, which is kept (the highest id is the current review).
- `uploads` (version 2): statutes uploaded to `modellaw serve`: the assessment, the uploaded file's name as
  the user gave it (shown, never used as a path), where the server stored it and the language asked for.

Only the stdlib `sqlite3` is used. Writes are committed one statute at a time.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from analysis.types import VERDICTS, Assessment, HumanReview
from store.records import assessment_record, reviewed_entry, reviewed_record

SCHEMA_VERSION = 2

# Each step brings a database of the version before up to its version; run once, in order, when opened.
_MIGRATIONS = {
    2: """
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    statute_sha256 TEXT NOT NULL,
    model_id TEXT NOT NULL,
    key TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('covered', 'partial', 'missing')),
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_statute ON reviews (statute_sha256, model_id, key);
CREATE TABLE IF NOT EXISTS uploads (
    assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    stored TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    uploaded TEXT NOT NULL
);
""",
}
_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assessments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    country TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    year TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT '',
    statute_sha256 TEXT NOT NULL DEFAULT '',
    input_key TEXT NOT NULL DEFAULT '',
    model_id TEXT NOT NULL,
    model_version TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    created TEXT NOT NULL,
    recorded TEXT NOT NULL,
    unit_count INTEGER NOT NULL DEFAULT 0,
    covered INTEGER NOT NULL DEFAULT 0,
    partial INTEGER NOT NULL DEFAULT 0,
    missing INTEGER NOT NULL DEFAULT 0,
    mandatory_covered INTEGER NOT NULL DEFAULT 0,
    mandatory_partial INTEGER NOT NULL DEFAULT 0,
    mandatory_missing INTEGER NOT NULL DEFAULT 0,
    mandatory_gaps TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS assessments_country ON assessments (country COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS assessments_path ON assessments (path);
CREATE TABLE IF NOT EXISTS provision_verdicts (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    provision_id TEXT NOT NULL,
    article TEXT,
    title TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    keys TEXT NOT NULL DEFAULT '[]',
    verdict TEXT NOT NULL,
    confidence REAL NOT NULL,
    units TEXT NOT NULL DEFAULT '[]',
    missing_elements TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (assessment_id, provision_id)
);
CREATE TABLE IF NOT EXISTS key_verdicts (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    key TEXT NOT NULL,
    verdict TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (assessment_id, key)
);
CREATE TABLE IF NOT EXISTS batch_items (
    outdir TEXT NOT NULL,
    path TEXT NOT NULL,
    input_key TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    retry INTEGER NOT NULL DEFAULT 0,
    report_name TEXT NOT NULL DEFAULT '',
    assessment_id INTEGER,
    updated TEXT NOT NULL,
    PRIMARY KEY (outdir, path)
);
"""


class HistoryError(ValueError):
    """A history database that cannot be used; the message is one line."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class HistoryStore:
    """An SQLite file of recorded assessments (created on first use)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"{self.path}: cannot open the history database: {exc}") from None
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                # WAL + NORMAL: a commit survives a crash or kill of the process (what resuming needs);
                # only a power cut may lose the last few, which a rerun then simply redoes.
                self.db.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.OperationalError:  # e.g. a file system without shared memory
                pass
            self.db.executescript(_DDL)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = 1 if row is None else int(row["value"])
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"{self.path}: history database schema {row['value']} is newer than this "
                    f"modellaw understands ({SCHEMA_VERSION})"
                )
            if row is None or version < SCHEMA_VERSION:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    self.db.executescript(_MIGRATIONS[step])
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(SCHEMA_VERSION),),
                )
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise HistoryError(f"{self.path}: not a modellaw history database: {exc}") from None

    # -- lifecycle -----------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "HistoryStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- assessments ---------------------------------------------------------------------

    def record(
        self,
        assessment: Assessment | dict,
        *,
        path: str | None = None,
        file_sha256: str = "",
        input_key: str = "",
        country: str | None = None,
        title: str | None = None,
        commit: bool = True,
    ) -> int:
        """Store one assessment (an Assessment or an `assessment_record`); returns its id."""
        rec = assessment_record(assessment) if isinstance(assessment, Assessment) else assessment
        counts, mand = rec["counts"], rec["mandatory"]
        cur = self.db.execute(
            """INSERT INTO assessments (country, title, year, language, path, format, file_sha256,
                   statute_sha256, input_key, model_id, model_version, tool_version, created, recorded,
                   unit_count, covered, partial, missing, mandatory_covered, mandatory_partial,
                   mandatory_missing, mandatory_gaps)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                rec["country"] if country is None else country,
                rec["title"] if title is None else title,
                rec["year"],
                rec["language"],
                rec["path"] if path is None else str(path),
                rec["format"],
                file_sha256,
                rec["statute_sha256"],
                input_key,
                rec["model_id"],
                rec["model_version"],
                rec["tool_version"],
                rec["created"],
                _now(),
                rec["unit_count"],
                counts["covered"],
                counts["partial"],
                counts["missing"],
                mand["covered"],
                mand["partial"],
                mand["missing"],
                json.dumps(rec["mandatory_gaps"]),
            ),
        )
        aid = cur.lastrowid
        assert aid is not None  # set by the INSERT above
        self.db.executemany(
            """INSERT INTO provision_verdicts (assessment_id, seq, provision_id, article, title, status, keys,
                   verdict, confidence, units, missing_elements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    aid,
                    i,
                    p["id"],
                    p["article"],
                    p["title"],
                    p["status"],
                    json.dumps(p["keys"]),
                    p["verdict"],
                    p["confidence"],
                    json.dumps(p["units"], ensure_ascii=False),
                    json.dumps(p["missing_elements"], ensure_ascii=False),
                )
                for i, p in enumerate(rec["provisions"])
            ],
        )
        self.db.executemany(
            "INSERT INTO key_verdicts (assessment_id, seq, key, verdict, confidence) VALUES (?, ?, ?, ?, ?)",
            [(aid, i, k, kv["verdict"], kv["confidence"]) for i, (k, kv) in enumerate(rec["keys"].items())],
        )
        if commit:
            self.db.commit()
        return aid

    def assessment(self, assessment_id: int) -> dict | None:
        """One recorded assessment with its provision and key verdicts (in the model's order)."""
        row = self.db.execute("SELECT * FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["mandatory_gaps"] = json.loads(out["mandatory_gaps"])
        out["provisions"] = [
            dict(
                r,
                keys=json.loads(r["keys"]),
                units=json.loads(r["units"]),
                missing_elements=json.loads(r["missing_elements"]),
            )
            for r in self.db.execute(
                "SELECT * FROM provision_verdicts WHERE assessment_id = ? ORDER BY seq", (assessment_id,)
            )
        ]
        out["keys"] = {
            r["key"]: {"verdict": r["verdict"], "confidence": r["confidence"]}
            for r in self.db.execute(
                "SELECT * FROM key_verdicts WHERE assessment_id = ? ORDER BY seq", (assessment_id,)
            )
        }
        return out

    def assessments(self, country: str) -> list[dict]:
        """Assessments of a country (case-insensitive), oldest first.

        A statute whose metadata names no country is found by its file name (with or without extension).
        """
        rows = self.db.execute(
            "SELECT * FROM assessments WHERE country = ? COLLATE NOCASE ORDER BY created, id", (country,)
        ).fetchall()
        if not rows:
            want = country.casefold()
            rows = [
                r
                for r in self.db.execute("SELECT * FROM assessments WHERE country = '' ORDER BY created, id")
                if want in (Path(r["path"]).name.casefold(), Path(r["path"]).stem.casefold())
            ]
        return [dict(r, mandatory_gaps=json.loads(r["mandatory_gaps"])) for r in rows]

    def countries(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT country FROM assessments WHERE country != '' ORDER BY country COLLATE NOCASE"
            )
        ]

    def timeline(self, country: str, *, title: str | None = None, all_rows: bool = False) -> dict:
        """How each provision's (and protection key's) verdict changed over a country's assessments.

        Returns {"country", "assessments": [...], "items": [...]} where each item is a provision
        (kind "provision") or a protection key (kind "key") with its `entries`, one per assessment
        that assessed it: verdict, confidence, units (provisions only), and `previous` (the verdict
        of the assessment before, None at first) and `changed`. With all_rows=False only the entries
        whose verdict changed are kept (a first verdict is not a change), and items without any change
        are left out. Reviews in force are applied (store.records.reviewed_entry): `verdict` is the reviewer's,
        `tool_verdict` and `review` say what the tool found and who decided; reviewed entries are always kept.
        """
        runs = self.assessments(country)
        if title is not None:
            runs = [r for r in runs if r["title"].casefold() == title.casefold()]
        ids = [r["id"] for r in runs]
        index = {aid: i for i, aid in enumerate(ids)}
        items: dict[tuple[str, str], dict] = {}
        reviews = {r["id"]: self.reviews(r["statute_sha256"], r["model_id"]) for r in runs}
        if ids:
            marks = ",".join("?" * len(ids))
            prov_rows = self.db.execute(
                f"SELECT * FROM provision_verdicts WHERE assessment_id IN ({marks}) ORDER BY seq", ids
            ).fetchall()
            key_rows = self.db.execute(
                f"SELECT * FROM key_verdicts WHERE assessment_id IN ({marks}) ORDER BY seq", ids
            ).fetchall()
            for r in sorted(prov_rows, key=lambda r: (r["seq"], index[r["assessment_id"]])):
                it = items.setdefault(
                    ("provision", r["provision_id"]),
                    {
                        "kind": "provision",
                        "id": r["provision_id"],
                        "article": r["article"],
                        "title": r["title"],
                        "status": r["status"],
                        "entries": [],
                    },
                )
                it["entries"].append(
                    reviewed_entry(
                        {
                            "assessment_id": r["assessment_id"],
                            "verdict": r["verdict"],
                            "confidence": r["confidence"],
                            "units": json.loads(r["units"]),
                        },
                        [rv for k in json.loads(r["keys"]) if (rv := reviews[r["assessment_id"]].get(k))],
                    )
                )
            for r in sorted(key_rows, key=lambda r: (r["seq"], index[r["assessment_id"]])):
                it = items.setdefault(
                    ("key", r["key"]),
                    {"kind": "key", "id": r["key"], "article": None, "title": r["key"], "status": "", "entries": []},
                )
                rv = reviews[r["assessment_id"]].get(r["key"])
                it["entries"].append(
                    reviewed_entry(
                        {
                            "assessment_id": r["assessment_id"],
                            "verdict": r["verdict"],
                            "confidence": r["confidence"],
                            "units": [],
                        },
                        [rv] if rv else [],
                    )
                )
        by_id = {r["id"]: r for r in runs}
        out_items = []
        for it in items.values():
            it["entries"].sort(key=lambda e: index[e["assessment_id"]])
            prev = None
            for n, e in enumerate(it["entries"]):
                run = by_id[e["assessment_id"]]
                e["created"] = run["created"]
                e["number"] = index[e["assessment_id"]] + 1
                e["previous"] = prev
                e["changed"] = n > 0 and e["verdict"] != prev
                prev = e["verdict"]
            if not all_rows:
                it["entries"] = [e for e in it["entries"] if e["changed"] or e["review"]]  # reviews: always shown
                if not it["entries"]:
                    continue
            out_items.append(it)
        return {
            "country": runs[0]["country"] if runs else country,
            "assessments": [
                {
                    k: r[k]
                    for k in (
                        "id",
                        "created",
                        "recorded",
                        "title",
                        "year",
                        "path",
                        "language",
                        "file_sha256",
                        "statute_sha256",
                        "model_id",
                        "model_version",
                        "tool_version",
                        "covered",
                        "partial",
                        "missing",
                    )
                }
                | {"number": i + 1, "mandatory_gaps": r["mandatory_gaps"]}
                for i, r in enumerate(runs)
            ],
            "items": out_items,
        }

    def last_hash(self, path: str | Path, outdir: str | None = None) -> str | None:
        """The input fingerprint last recorded for a file (in one batch folder, or any), or None."""
        if outdir is not None:
            row = self.db.execute(
                "SELECT input_key FROM batch_items WHERE outdir = ? AND path = ?", (outdir, str(path))
            ).fetchone()
            return row["input_key"] if row else None
        row = self.db.execute(
            "SELECT input_key FROM assessments WHERE path = ? AND input_key != '' ORDER BY id DESC LIMIT 1",
            (str(path),),
        ).fetchone()
        return row["input_key"] if row else None

    # -- batch state ---------------------------------------------------------------------

    def batch_items(self, outdir: str) -> dict[str, dict]:
        """path -> the batch row of every input recorded for an output folder."""
        return {r["path"]: dict(r) for r in self.db.execute("SELECT * FROM batch_items WHERE outdir = ?", (outdir,))}

    def set_batch_item(
        self,
        outdir: str,
        path: str,
        *,
        input_key: str,
        status: str,
        reason: str = "",
        retry: bool = False,
        report_name: str = "",
        assessment_id: int | None = None,
        commit: bool = True,
    ) -> None:
        self.db.execute(
            """INSERT INTO batch_items (outdir, path, input_key, status, reason, retry, report_name,
                   assessment_id, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (outdir, path) DO UPDATE SET input_key = excluded.input_key, status = excluded.status,
                   reason = excluded.reason, retry = excluded.retry, report_name = excluded.report_name,
                   assessment_id = excluded.assessment_id, updated = excluded.updated""",
            (outdir, path, input_key, status, reason, int(retry), report_name, assessment_id, _now()),
        )
        if commit:
            self.db.commit()

    def commit(self) -> None:
        self.db.commit()

    # -- reviews -------------------------------------------------------------------------

    def add_review(
        self,
        statute_sha256: str,
        model_id: str,
        key: str,
        verdict: str,
        *,
        note: str = "",
        reviewer: str = "",
        at: str | None = None,
    ) -> int:
        """Record a person's verdict on one key; it supersedes the earlier review of that key (kept)."""
        if verdict not in VERDICTS:
            raise HistoryError(f"verdict {verdict!r}: not one of {', '.join(VERDICTS)}")
        if not statute_sha256 or not model_id or not key:
            raise HistoryError("a review needs the statute's SHA-256, the model id and a protection key")
        cur = self.db.execute(
            "INSERT INTO reviews (statute_sha256, model_id, key, verdict, note, reviewer, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (statute_sha256, model_id, key, verdict, note.strip(), reviewer.strip(), at or _now()),
        )
        self.db.commit()
        assert cur.lastrowid is not None
        return cur.lastrowid

    def review_rows(
        self, statute_sha256: str | None = None, model_id: str | None = None, *, superseded: bool = False
    ) -> list[dict]:
        """Reviews (of one statute and model, or all), oldest first; `current` tells the one in force per key.

        With superseded=False only the reviews in force are returned.
        """
        where, args = [], []
        if statute_sha256 is not None:
            where.append("statute_sha256 = ?")
            args.append(statute_sha256)
        if model_id is not None:
            where.append("model_id = ?")
            args.append(model_id)
        sql = "SELECT * FROM reviews" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        rows = [dict(r) for r in self.db.execute(sql, args)]
        last: dict[tuple[str, str, str], int] = {}
        for r in rows:
            last[(r["statute_sha256"], r["model_id"], r["key"])] = r["id"]
        for r in rows:
            r["current"] = last[(r["statute_sha256"], r["model_id"], r["key"])] == r["id"]
        return rows if superseded else [r for r in rows if r["current"]]

    def reviews(self, statute_sha256: str, model_id: str) -> dict[str, HumanReview]:
        """key -> the review in force, for one statute text and model."""
        return {
            r["key"]: HumanReview(r["verdict"], r["note"], r["reviewer"], r["at"])
            for r in self.review_rows(statute_sha256, model_id)
        }

    def all_reviews(self, model_id: str) -> dict[str, dict[str, HumanReview]]:
        """statute SHA-256 -> key -> the review in force, for one model."""
        out: dict[str, dict[str, HumanReview]] = {}
        for r in self.review_rows(model_id=model_id):
            out.setdefault(r["statute_sha256"], {})[r["key"]] = HumanReview(
                r["verdict"], r["note"], r["reviewer"], r["at"]
            )
        return out

    def add_upload(self, assessment_id: int, name: str, stored: str, lang: str = "") -> None:
        self.db.execute(
            "INSERT INTO uploads (assessment_id, name, stored, lang, uploaded) VALUES (?, ?, ?, ?, ?)",
            (assessment_id, name, stored, lang, _now()),
        )
        self.db.commit()

    def upload(self, assessment_id: int) -> dict | None:
        row = self.db.execute(
            "SELECT u.*, a.statute_sha256, a.model_id FROM uploads u JOIN assessments a ON a.id = u.assessment_id "
            "WHERE u.assessment_id = ?",
            (assessment_id,),
        ).fetchone()
        return dict(row) if row else None

    def uploads(self) -> list[dict]:
        """Every uploaded statute's assessment (newest first), with the reviews in force applied to its counts."""
        out = []
        for row in self.db.execute("SELECT assessment_id FROM uploads ORDER BY assessment_id DESC").fetchall():
            rec = self.assessment(row["assessment_id"])
            up = self.upload(row["assessment_id"])
            if rec and up:
                reviews = self.reviews(rec["statute_sha256"], rec["model_id"])
                out.append({**reviewed_record(rec, reviews), "upload": up, "review_count": len(reviews)})
        return out

    def upload_name_for_sha(self, statute_sha256: str) -> str | None:
        """The name the latest upload of a statute text was sent with (display only), or None."""
        row = self.db.execute(
            "SELECT u.name FROM uploads u JOIN assessments a ON a.id = u.assessment_id "
            "WHERE a.statute_sha256 = ? ORDER BY u.assessment_id DESC LIMIT 1",
            (statute_sha256,),
        ).fetchone()
        return row["name"] if row else None

    def statute_for_sha(self, statute_sha256: str) -> dict | None:
        """The latest assessment of a statute text (country, title, path...), or None."""
        row = self.db.execute(
            "SELECT * FROM assessments WHERE statute_sha256 = ? ORDER BY id DESC LIMIT 1", (statute_sha256,)
        ).fetchone()
        return dict(row) if row else None

    def statute_sha_for_file(self, file_sha256: str) -> str | None:
        """The statute text's SHA-256 last recorded for a file's SHA-256, or None."""
        row = self.db.execute(
            "SELECT statute_sha256 FROM assessments WHERE file_sha256 = ? AND file_sha256 != '' "
            "ORDER BY id DESC LIMIT 1",
            (file_sha256,),
        ).fetchone()
        return row["statute_sha256"] if row else None
