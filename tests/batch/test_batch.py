"""`modellaw batch` over the real corpus: reports, matrix, summary, failures, index, resume and skip."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from cli import app
from reports.batch import run_batch
from reports.tabular import FORMULA_START
from tests.batch.conftest import copy_corpus, corpus_files, kenya_text, needs_corpus, with_header

pytestmark = needs_corpus
runner = CliRunner()


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def make_broken(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")


def test_batch_over_corpus_with_a_broken_file(tmp_path):
    """jobs=2: every real statute gets its reports; the broken files get failure rows; exit code 0."""
    src, out = tmp_path / "in", tmp_path / "out"
    statutes = copy_corpus(src)
    statutes = [p for p in statutes if p.suffix != ".meta"]
    make_broken(src)
    res = runner.invoke(app, ["batch", str(src), "-o", str(out), "--jobs", "2"])
    assert res.exit_code == 0, res.output
    assert "2 failed" in res.output

    failures = read_csv(out / "failures.csv")
    assert {r["path"] for r in failures} == {"empty.txt", "corrupt.docx"}
    assert all(r["reason"] and "\n" not in r["reason"] for r in failures)

    summary = {r["path"]: r for r in read_csv(out / "summary.csv")}
    assert summary["empty.txt"]["status"] == "failed"
    assert summary["corrupt.docx"]["status"] == "failed"
    for p in statutes:
        row = summary[p.name]
        assert row["status"] == "ok", row
        assert int(row["mandatory_gaps"]) == len([g for g in row["mandatory_gap_ids"].split(";") if g])
        assert int(row["covered"]) + int(row["partial"]) + int(row["missing"]) > 0
        for key in ("report_html", "report_json"):
            f = (out / row[key]).resolve()
            assert f.is_file() and f.parent == (out / "reports").resolve()

    matrix = read_csv(out / "matrix.csv")
    assert len(matrix) == len(statutes)
    cols = list(matrix[0])
    assert any(re.fullmatch(r"provision:.+:verdict", c) for c in cols)
    assert any(re.fullmatch(r"provision:.+:confidence", c) for c in cols)
    assert "key:offence.trafficking:verdict" in cols and "key:offence.trafficking:confidence" in cols
    assert all(matrix[0][c] in ("covered", "partial", "missing") for c in cols if c.endswith(":verdict"))
    wb = load_workbook(out / "matrix.xlsx")
    assert wb["Matrix"].max_row == len(statutes) + 1
    assert wb["Summary"].max_row == len(statutes) + 3

    index = (out / "index.html").read_text(encoding="utf-8")
    for row in summary.values():
        if row["status"] == "ok":
            # links are percent-encoded: "Prevención" is written "Prevenci%C3%B3n" in the href
            assert f'href="{quote(row["report_html"])}"' in index
    assert "empty.txt" in index and "corrupt.docx" in index


def test_names_escaping_and_no_external_urls(tmp_path):
    """Hostile metadata: the index escapes it, files stay in OUTDIR, spreadsheets get no live formula."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = kenya_text()
    (src / "a.txt").write_text(
        with_header(text, country="<script>alert(1)</script>", title="=SUM(A1:A9)"), encoding="utf-8"
    )
    (src / "b.txt").write_text(with_header(text, country="../../../evil", title="CON"), encoding="utf-8")
    (src / "c.txt").write_text(with_header(text, country="Российская Федерация", title="@cmd"), encoding="utf-8")
    (src / "d.txt").write_text(text, encoding="utf-8")
    (src / "e.txt").write_text(text, encoding="utf-8")  # same country and title as d: names de-duplicated
    res = run_batch(src, out, jobs=1, progress=False)
    assert (res.ok, res.failed) == (5, 0)

    reports = sorted(p.name for p in (out / "reports").iterdir() if not p.name.startswith("."))
    assert len(reports) == 10  # 5 x (html, json), no collision
    assert not (tmp_path / "evil").exists() and not list(tmp_path.glob("*evil*"))
    assert any(n.startswith("Российская_Федерация") for n in reports)
    names = {r["name"] for r in res.rows}
    assert len(names) == 5
    for n in names:
        assert (out / "reports" / f"{n}.html").resolve().parent == (out / "reports").resolve()

    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in index.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert not re.search(r"(?i)(https?:|//[a-z0-9]|url\(|@import|<link|<img|<iframe)", index)
    for href in re.findall(r'href="([^"]*)"', index):
        assert href.startswith("reports/") and ".." not in href

    for name in ("matrix.csv", "summary.csv"):
        for row in csv.reader((out / name).open(encoding="utf-8", newline="")):
            for cell in row:
                assert not cell.startswith(FORMULA_START), (name, cell)
    assert "'=SUM(A1:A9)" in (out / "summary.csv").read_text(encoding="utf-8")
    wb = load_workbook(out / "matrix.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_START), cell.value


def test_manifest(tmp_path):
    """A manifest lists statutes relative to itself; its metadata wins; a missing file is a failure row."""
    data = tmp_path / "data"
    copy_corpus(data / "laws")
    first = next(p for p in corpus_files() if p.suffix != ".meta")
    manifest = data / "manifest.csv"
    manifest.write_text(
        "country,title,year,language,path\n"
        f"Kenya (manifest),Act as listed,2010,en,laws/{first.name}\n"
        "Nowhere,Missing Act,2020,en,laws/missing.txt\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = runner.invoke(app, ["batch", str(manifest), "-o", str(out)])
    assert res.exit_code == 0, res.output
    summary = {r["path"]: r for r in read_csv(out / "summary.csv")}
    ok = summary[f"laws/{first.name}"]
    assert (ok["status"], ok["country"], ok["title"]) == ("ok", "Kenya (manifest)", "Act as listed")
    assert (out / ok["report_html"]).is_file()
    assert summary["laws/missing.txt"]["status"] == "failed"
    assert "no such file" in summary["laws/missing.txt"]["reason"]


def test_skip_unchanged_force_and_modified(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = kenya_text()
    for n in ("a", "b"):
        (src / f"{n}.txt").write_text(text, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    first = run_batch(src, out, jobs=1, progress=False)
    assert (first.assessed, first.skipped, first.ok, first.failed) == (3, 0, 2, 1)

    again = run_batch(src, out, jobs=1, progress=False)
    assert (again.assessed, again.skipped, again.ok, again.failed) == (0, 3, 2, 1)
    assert (out / "failures.csv").read_text(encoding="utf-8").count("empty.txt") == 1

    forced = run_batch(src, out, jobs=1, progress=False, force=True)
    assert (forced.assessed, forced.skipped) == (3, 0)

    (src / "b.txt").write_text(text + "\n", encoding="utf-8")
    changed = run_batch(src, out, jobs=1, progress=False)
    assert (changed.assessed, changed.skipped) == (1, 2)

    # a deleted report is written again; the report names stay the same across runs
    names = {r["path"]: r["name"] for r in changed.rows}
    (out / "reports" / f"{names[str(src / 'a.txt')]}.html").unlink()
    redone = run_batch(src, out, jobs=1, progress=False)
    assert (redone.assessed, redone.skipped) == (1, 2)
    assert {r["path"]: r["name"] for r in redone.rows} == names

    res = runner.invoke(app, ["batch", str(src), "-o", str(out)])
    assert res.exit_code == 0 and "0 assessed now, 3 unchanged" in res.output


def test_resume_after_interruption(tmp_path):
    """Ctrl-C after the first statute: it is recorded; the rerun assesses only the rest."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = kenya_text()
    for n in ("a", "b", "c"):
        (src / f"{n}.txt").write_text(text, encoding="utf-8")
    seen: list[str] = []

    def interrupt_after_first(result: dict) -> None:
        seen.append(result["path"])
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(src, out, jobs=1, progress=False, on_result=interrupt_after_first)
    assert len(seen) == 1
    summary = {r["path"]: r for r in csv.DictReader((out / "summary.csv").open(encoding="utf-8"))}
    assert list(summary) == ["a.txt"]  # what was finished is already in the outputs
    assert "interrupted" in (out / "index.html").read_text(encoding="utf-8")
    assert not list((out / "reports").glob(".partial-*"))

    done: list[str] = []
    res = run_batch(src, out, jobs=1, progress=False, on_result=lambda r: done.append(Path(r["path"]).name))
    assert (res.assessed, res.skipped, res.ok) == (2, 1, 3)
    assert sorted(done) == ["b.txt", "c.txt"]


def test_bad_source_and_options(tmp_path):
    res = runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 3 and "no such folder" in res.output
    (tmp_path / "emptydir").mkdir()
    res = runner.invoke(app, ["batch", str(tmp_path / "emptydir"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 3 and "no statute files" in res.output
    res = runner.invoke(app, ["batch", str(tmp_path / "emptydir"), "-o", str(tmp_path / "out"), "--jobs", "0"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["batch", str(tmp_path / "emptydir"), "-o", str(tmp_path / "out"), "--report-lang", "xx"])
    assert res.exit_code == 2


def test_outdir_inside_source_is_not_read_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(next(p for p in corpus_files() if p.suffix != ".meta"), src / "ke.txt")
    first = run_batch(src, src, jobs=1, progress=False)
    second = run_batch(src, src, jobs=1, progress=False)
    assert first.total == second.total == 1


def test_an_exception_in_the_worker_is_one_failure_row_and_is_retried(tmp_path, monkeypatch):
    import analysis

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in ("a", "b"):
        (src / f"{n}.txt").write_text(kenya_text(), encoding="utf-8")
    real = analysis.assess

    def flaky(statute, model, *args, **kw):
        if statute.meta.path.endswith("b.txt"):
            raise RuntimeError("matcher exploded\non two lines")
        return real(statute, model, *args, **kw)

    monkeypatch.setattr(analysis, "assess", flaky)
    res = run_batch(src, out, jobs=1, progress=False)
    assert (res.ok, res.failed) == (1, 1)
    (row,) = read_csv(out / "failures.csv")
    assert row["path"] == "b.txt"
    assert row["reason"] == "internal error: RuntimeError: matcher exploded on two lines"
    monkeypatch.setattr(analysis, "assess", real)
    again = run_batch(src, out, jobs=1, progress=False)  # not a fault of the input: retried
    assert (again.assessed, again.skipped, again.ok, again.failed) == (1, 1, 2, 0)
    assert read_csv(out / "failures.csv") == []


def test_report_name_follows_the_metadata_and_stays_stable(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    text = kenya_text()
    (src / "a.txt").write_text(with_header(text, country="Kenya", title="Act"), encoding="utf-8")
    (src / "b.txt").write_text(with_header(text, country="Kenya", title="Act"), encoding="utf-8")
    first = {Path(r["path"]).name: r["name"] for r in run_batch(src, out, jobs=1, progress=False).rows}
    assert first == {"a.txt": "Kenya_Act_2010", "b.txt": "Kenya_Act_2010-2"}
    forced = {Path(r["path"]).name: r["name"] for r in run_batch(src, out, jobs=1, progress=False, force=True).rows}
    assert forced == first  # no reshuffle on a rerun
    (src / "b.txt").write_text(with_header(text, country="Kenya", title="Penal Code"), encoding="utf-8")
    renamed = {Path(r["path"]).name: r["name"] for r in run_batch(src, out, jobs=1, progress=False).rows}
    assert renamed == {"a.txt": "Kenya_Act_2010", "b.txt": "Kenya_Penal_Code_2010"}
    assert sorted(p.name for p in (out / "reports").iterdir() if not p.name.startswith(".")) == [
        "Kenya_Act_2010.html",
        "Kenya_Act_2010.json",
        "Kenya_Penal_Code_2010.html",
        "Kenya_Penal_Code_2010.json",
    ]
