"""History of assessments (SQLite) and the diff of two versions of a law, on the real Kenyan act."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from analysis import assess
from analysis.diff import diff, render_changes, summarize
from analysis.history import HistoryError, HistoryStore
from cli import app
from modellaw import resolve_model
from reports.batch import run_batch
from statutes import read_statute
from tests.batch.conftest import kenya_text, needs_corpus, without_section_8

pytestmark = needs_corpus
runner = CliRunner()


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory, model):
    d = tmp_path_factory.mktemp("versions")
    old, new = d / "ke-2010.txt", d / "ke-2010-v2.txt"
    old.write_text(kenya_text(), encoding="utf-8")
    new.write_text(without_section_8(kenya_text()), encoding="utf-8")
    return old, new, assess(read_statute(old), model), assess(read_statute(new), model)


def cited_s8(units) -> bool:
    return any(u == "s. 8" or u.startswith("s. 8(") for u in units)


def test_diff_shows_the_removed_protection_as_a_gap_opened(two_versions):
    _, _, a_old, a_new = two_versions
    changes = diff(a_old, a_new)
    opened = [c for c in changes if c.kind == "opened"]
    assert opened, changes
    assert any(cited_s8(c.old_units) and not cited_s8(c.new_units) for c in opened)
    for c in opened:
        assert ("covered", "partial", "missing").index(c.new_verdict) > ("covered", "partial", "missing").index(
            c.old_verdict
        )
    assert not [c for c in changes if c.kind == "closed"]  # removing a section cannot close a gap
    # nothing in the new version cites the removed section
    assert not any(cited_s8(c.new_units) for c in changes)
    # the reverse direction closes what was opened
    back = diff(a_new, a_old)
    assert {c.provision_id for c in back if c.kind == "closed"} == {c.provision_id for c in opened}
    assert diff(a_old, a_old) == []
    assert summarize(changes)["opened"] == len(opened)


def test_diff_cli_formats(two_versions):
    old, new, _, _ = two_versions
    res = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["summary"]["opened"] >= 1
    opened = [c for c in data["changes"] if c["kind"] == "opened"]
    assert any(cited_s8(c["units_removed"]) for c in opened)
    table = runner.invoke(app, ["diff", str(old), str(new)])
    assert table.exit_code == 0 and "gap opened" in table.output and "s. 8" in table.output
    md = runner.invoke(app, ["diff", str(old), str(new), "--format", "md"])
    assert md.exit_code == 0 and "| gap opened |" in md.output
    missing = runner.invoke(app, ["diff", str(old), str(old.parent / "nope.txt")])
    assert missing.exit_code == 3 and "no such file" in missing.output


def test_render_changes_escapes_markdown(two_versions):
    _, _, a_old, a_new = two_versions
    text = render_changes(diff(a_old, a_new), "md", old_name="<b>old|x</b>", new_name="new")
    assert "<b>" not in text and "\\<b\\>" in text


def test_history_timeline_over_two_batches(tmp_path):
    """Version 1, then version 2 at the same path: the timeline shows the verdicts that changed."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    law = src / "kenya.txt"
    law.write_text(kenya_text(), encoding="utf-8")
    run_batch(src, out, jobs=1, progress=False)
    law.write_text(without_section_8(kenya_text()), encoding="utf-8")
    run_batch(src, out, jobs=1, progress=False)
    run_batch(src, out, jobs=1, progress=False)  # unchanged: nothing recorded

    with HistoryStore(out / "assessments.sqlite") as store:
        tl = store.timeline("kenya")
        assert len(tl["assessments"]) == 2
        a1, a2 = tl["assessments"]
        assert a1["file_sha256"] != a2["file_sha256"]
        assert a1["model_id"] == a2["model_id"] and a1["tool_version"]
        changed = [it for it in tl["items"] if it["kind"] == "provision"]
        assert changed
        for it in tl["items"]:
            assert all(e["changed"] and e["previous"] != e["verdict"] and e["number"] == 2 for e in it["entries"])
        rank = ("covered", "partial", "missing").index
        worse = [it for it in changed if rank(it["entries"][0]["verdict"]) > rank(it["entries"][0]["previous"])]
        assert worse  # a protection of the removed section got worse
        assert any(it["kind"] == "key" for it in tl["items"])  # per protection key too
        full = store.timeline("Kenya", all_rows=True)
        n_prov = len({it["id"] for it in full["items"] if it["kind"] == "provision"})
        assert all(len(it["entries"]) == 2 for it in full["items"])
        assert n_prov >= len(changed)
        assert store.last_hash(str(law.resolve())) is not None

    res = runner.invoke(app, ["history", "Kenya", "--db", str(out / "assessments.sqlite")])
    assert res.exit_code == 0, res.output
    assert "2 recorded assessments" in res.output and "→ missing" in res.output
    res = runner.invoke(app, ["history", "KENYA", "--db", str(out), "--format", "json", "--all"])
    data = json.loads(res.output)
    assert len(data["assessments"]) == 2 and all(len(it["entries"]) == 2 for it in data["items"])
    res = runner.invoke(app, ["history", "France", "--db", str(out)])
    assert res.exit_code == 3 and "Kenya" in res.output
    res = runner.invoke(app, ["history", "Kenya", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 3


def test_history_store_records_an_assessment(tmp_path, two_versions):
    _, _, a_old, a_new = two_versions
    with HistoryStore(tmp_path / "h.sqlite") as store:
        i1 = store.record(a_old, path="ke.txt", file_sha256="1" * 64, input_key="k1")
        i2 = store.record(a_new, path="ke.txt", file_sha256="2" * 64, input_key="k2")
        assert i2 > i1
        rec = store.assessment(i1)
        assert rec["model_id"] == a_old.model.id and rec["model_version"] == a_old.model.version
        assert rec["statute_sha256"] == a_old.statute_sha256 and rec["created"] == a_old.created
        assert [p["provision_id"] for p in rec["provisions"]] == [v.provision.id for v in a_old.verdicts]
        assert {k: v["verdict"] for k, v in rec["keys"].items()} == a_old.key_verdicts()
        assert store.last_hash("ke.txt") == "k2"
        tl = store.timeline("Kenya")
        assert {it["id"] for it in tl["items"] if it["kind"] == "provision"} == {
            c.provision_id for c in diff(a_old, a_new) if c.kind in ("opened", "closed")
        }


def test_history_refuses_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database" * 100)
    with pytest.raises(HistoryError):
        HistoryStore(bad)
    res = runner.invoke(app, ["history", "Kenya", "--db", str(bad)])
    assert res.exit_code == 3 and "not a modellaw history database" in res.output
