"""Reviews as data: stored and migrated, applied to every output (compare, batch, history), scored, exported."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analysis import assess
from analysis.evaluate import read_gold_rows
from analysis.reviews import apply_reviews
from analysis.types import HumanReview
from cli import app
from modellaw import resolve_model
from pipeline.batch import run_batch
from statutes import read_statute
from store import SCHEMA_VERSION, HistoryStore

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"
runner = CliRunner()
KEY = "victim.compensation"  # the sample covers it (s. 14); reviewers below disagree


@pytest.fixture(scope="module")
def tool():
    return assess(read_statute(SAMPLE), resolve_model("tip-2009"))


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    p = tmp_path / "in" / SAMPLE.name
    p.parent.mkdir()
    shutil.copy(SAMPLE, p)
    return p


def cli(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.output


# -- the rule ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reviews, key, final",
    [
        ({}, KEY, "covered"),  # no review: the tool's
        ({KEY: "missing"}, KEY, "missing"),
        ({KEY: "partial"}, KEY, "partial"),
        ({KEY: "covered", "not.a-key": "missing"}, KEY, "covered"),  # a key the model lacks is ignored
    ],
)
def test_the_reviewers_verdict_is_final_and_the_tools_is_kept(tool, reviews, key, final):
    assert tool.key_verdicts()[key] == "covered"
    a = apply_reviews(tool, {k: HumanReview(v, "why", "Ana", "2026-12-01T10:00:00+00:00") for k, v in reviews.items()})
    assert a.key_verdicts()[key] == final
    kr = a.key_results()[key]
    assert kr["verdict"] == final
    touched = [v for v in a.verdicts if key in v.provision.keys]
    if reviews:
        assert kr["tool_verdict"] == "covered" and kr["human_review"]["note"] == "why" and kr["review"] is False
        assert all(v.verdict == final and v.tool_verdict == "covered" for v in touched)
    else:
        assert "human_review" not in kr and all(v.tool_verdict is None for v in touched)
    untouched = [v for v in a.verdicts if key not in v.provision.keys]
    assert [v.verdict for v in untouched] == [v.verdict for v in tool.verdicts if key not in v.provision.keys]
    assert tool.key_verdicts()[key] == "covered"  # pure: the tool's assessment is unchanged


# -- storage ---------------------------------------------------------------------------------


def test_a_new_review_supersedes_the_earlier_one_which_is_kept(tmp_path):
    with HistoryStore(tmp_path / "db.sqlite") as db:
        db.add_review("abc", "m", KEY, "partial", note="first", reviewer="Ana")
        db.add_review("abc", "m", KEY, "missing", note="second", reviewer="Ben")
        db.add_review("abc", "m", "offence.trafficking", "covered")
        assert {k: r.verdict for k, r in db.reviews("abc", "m").items()} == {
            KEY: "missing",
            "offence.trafficking": "covered",
        }
        rows = db.review_rows("abc", "m", superseded=True)
        assert [(r["note"], r["current"]) for r in rows] == [("first", False), ("second", True), ("", True)]
        assert db.reviews("abc", "other-model") == {}


def test_a_version_1_database_is_migrated(tmp_path):
    path = tmp_path / "old.sqlite"
    with HistoryStore(path) as db:  # made as version 1 made it: no reviews or uploads table, version 1
        aid = db.record(assess(read_statute(SAMPLE), resolve_model("tip-2009")))
    con = sqlite3.connect(path)
    con.executescript(
        "DROP TABLE reviews; DROP TABLE uploads; UPDATE meta SET value = '1' WHERE key = 'schema_version';"
    )
    con.commit()
    con.close()
    with HistoryStore(path) as db:
        assert db.assessment(aid) is not None  # kept
        db.add_review("abc", "m", KEY, "partial")
        version = db.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION == 2


def test_a_bad_verdict_is_refused(tmp_path):
    from store import HistoryError

    with HistoryStore(tmp_path / "db.sqlite") as db, pytest.raises(HistoryError, match="not one of"):
        db.add_review("abc", "m", KEY, "sort-of")


# -- the command line ---------------------------------------------------------------------------


def test_cli_review_shows_in_compare_history_evaluate_and_export(tmp_path, sample):
    db = str(tmp_path / "reviews.sqlite")
    out = cli("review", str(sample), "--key", KEY, "--verdict", "partial", "--note", "court order only", "--db", db)
    assert "reviewed partial (tool: covered)" in out
    cli(
        "review",
        str(sample),
        "--key",
        KEY,
        "--verdict",
        "missing",
        "--note",
        "no fund at all",
        "--reviewer",
        "Ana",
        "--db",
        db,
    )
    cli("review", str(sample), "--key", "offence.trafficking", "--verdict", "covered", "--reviewer", "Ana", "--db", db)
    listed = cli("review", str(sample), "--list", "--db", db)
    assert "(superseded)" in listed and "no fund at all" in listed

    d = json.loads(cli("compare", str(sample), "--format", "json", "--db", db))
    assert d["keys"][KEY] == "missing"
    assert d["key_results"][KEY]["tool_verdict"] == "covered"
    assert d["reviews"][KEY] == {**d["key_results"][KEY]["human_review"], "tool_verdict": "covered"}
    assert d["reviews"][KEY]["note"] == "no fund at all" and d["reviews"][KEY]["reviewer"] == "Ana"
    touched = [p for p in d["provisions"] if KEY in p["keys"]]
    assert touched and all(p["verdict"] == "missing" and p["tool_verdict"] == "covered" for p in touched)
    assert all(p["human_review"] is None for p in d["provisions"] if not set(p["keys"]) & {KEY, "offence.trafficking"})

    for fmt, needle in (("md", "no fund at all"), ("html", "no fund at all"), ("csv", "no fund at all")):
        text = cli("compare", str(sample), "--format", fmt, "--db", db)
        assert needle in text and ("Tool" in text or "tool_verdict" in text), fmt
    assert "reviewed by Ana: no fund at all (tool: covered)" in cli("compare", str(sample), "--db", db)
    xlsx = tmp_path / "r.xlsx"
    cli("compare", str(sample), "--format", "xlsx", "-o", str(xlsx), "--db", db)
    import openpyxl

    cells = {c.value for row in openpyxl.load_workbook(xlsx)["Provisions"].iter_rows() for c in row}
    assert "no fund at all" in cells and "Tool's verdict" in cells

    hist = cli("history", "Kenya", "--db", db)
    assert "[reviewed by Ana: no fund at all; tool: covered]" in hist
    tl = json.loads(cli("history", "Kenya", "--db", db, "--format", "json", "--all"))
    entry = next(it for it in tl["items"] if it["id"] == KEY)["entries"][0]
    assert entry["verdict"] == "missing" and entry["tool_verdict"] == "covered"

    ev = json.loads(cli("evaluate", "--reviews", "--db", db, "--format", "json", "--no-held-out"))
    stem = sample.stem
    assert ev["statutes"][stem]["n"] == 2
    assert ev["overall"]["accuracy"] == 0.5  # the tool said covered twice; the reviewers agreed once

    export = tmp_path / "gold"
    assert "wrote" in cli("reviews", "export", str(export), "--db", db)
    rows = read_gold_rows(export / f"{stem}.csv")
    assert rows == {KEY: ("missing", []), "offence.trafficking": ("covered", [])}


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--key", "no.such-key", "--verdict", "partial"], 2, "not a protection key"),
        (["--verdict", "partial"], 2, "give --key"),
        (["--key", KEY, "--verdict", "maybe"], 2, "maybe"),
    ],
)
def test_cli_review_bad_input(tmp_path, sample, args, code, message):
    res = runner.invoke(app, ["review", str(sample), *args, "--db", str(tmp_path / "db.sqlite")])
    assert res.exit_code == code and message in res.output


def test_compare_with_a_missing_db_says_so(tmp_path, sample):
    res = runner.invoke(app, ["compare", str(sample), "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 3 and "no such database" in res.output


# -- batch ----------------------------------------------------------------------------------------


def test_batch_applies_reviews_and_reassesses_when_they_change(tmp_path, sample):
    db = tmp_path / "db.sqlite"
    out = tmp_path / "out"
    first = run_batch(sample.parent, out, db=db, progress=False)
    assert first.assessed == 1
    with HistoryStore(db) as store:
        sha = store.assessment(1)["statute_sha256"]
        store.add_review(sha, "unodc-tip-2009", KEY, "partial", note="court order only", reviewer="Ana")
    again = run_batch(sample.parent, out, db=db, progress=False)
    assert (again.assessed, again.skipped) == (1, 0)  # a new review: the reports are redone
    assert run_batch(sample.parent, out, db=db, progress=False).skipped == 1  # then unchanged
    report = json.loads(next((out / "reports").glob("*.json")).read_text(encoding="utf-8"))
    assert report["keys"][KEY] == "partial" and report["reviews"][KEY]["tool_verdict"] == "covered"
    assert "court order only" in next((out / "reports").glob("*.html")).read_text(encoding="utf-8")
    matrix = (out / "matrix.csv").read_text(encoding="utf-8")
    assert f"key:{KEY}:tool_verdict" in matrix and "court order only" in matrix
    assert "court order only" in (out / "index.html").read_text(encoding="utf-8")
    with HistoryStore(db) as store:  # the history keeps the tool's verdicts; the review is applied when read
        rows = store.db.execute("SELECT verdict FROM key_verdicts WHERE key = ?", (KEY,)).fetchall()
        assert {r[0] for r in rows} == {"covered"}


def test_a_batch_after_a_cli_review_shows_it_and_then_skips(tmp_path, sample):
    db = tmp_path / "db.sqlite"
    cli("review", str(sample), "--key", KEY, "--verdict", "missing", "--note", "no fund", "--db", str(db))
    out = tmp_path / "out"
    assert run_batch(sample.parent, out, db=db, progress=False).assessed == 1
    report = json.loads(next((out / "reports").glob("*.json")).read_text(encoding="utf-8"))
    assert report["reviews"][KEY]["note"] == "no fund"
    assert run_batch(sample.parent, out, db=db, progress=False).skipped == 1
