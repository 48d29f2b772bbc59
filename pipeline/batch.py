"""Running many statutes: every statute of a folder or manifest, in parallel, resumable, skipping unchanged ones.

Inputs and fingerprints are in pipeline.inputs, report names in pipeline.names, the tables in reports.matrix,
the index page in reports.index and the database in store.

    result = run_batch("corpus/statutes", "out", jobs=2)

writes into OUTDIR:

- `reports/<name>.html` and `reports/<name>.json`: each statute's report (reports.write_report);
  `<name>` comes from the statute's country and title through `safe_filename`, de-duplicated;
- `matrix.csv`, `matrix.xlsx`: one row per statute, columns `provision:<id>:verdict|confidence`
  and `key:<key>:verdict|confidence`; no text cell starts with = + - @ unescaped;
- `summary.csv`: per statute: status ok/failed, the reason of a failure, verdict counts and the
  mandatory gaps;
- `failures.csv`: path, reason (one line) of every statute that could not be assessed;
- `index.html`: a self-contained page (inline CSS, nothing fetched) with a heatmap of
  statute x protection key coloured by verdict and links to every report;
- `assessments.sqlite` (or --db): the history of assessments and the batch's state.

A statute is recorded the moment it is finished, so an interrupted batch resumes where it stopped; a
rerun skips inputs whose fingerprint (SHA-256 of the file and its .meta sidecar, the manifest's
metadata, the model's id, version and file, the tool version and the report language) is unchanged,
unless `force`. A statute that fails (a StatuteError, or any exception in a worker) becomes one line
in failures.csv and the summary, and the rest carry on. Failures of the input itself are not retried
while the input is unchanged; other failures (a crash, a full disk) are retried by the next run.

With jobs=1 the statutes are assessed in this process; with more, in a ProcessPoolExecutor (spawn)
whose initializer loads the model and the language pipelines once per worker.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import sys
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from pipeline.inputs import (
    BatchError,
    BatchInput,
    collect_inputs,
    declared_language,
    file_sha256,
    input_key,
)
from pipeline.names import MAX_NAME_BYTES, MAX_NAME_CHARS, display_base, name_fits, safe_filename, unique_name
from reports.index import REPORTS_DIR, render_index
from reports.matrix import SUMMARY_COLUMNS, csv_bytes, matrix_frame, matrix_xlsx
from store import HistoryStore, assessment_record
from store.records import reviewed_record

if TYPE_CHECKING:  # imported where used: a worker starts without them
    from analysis.types import HumanReview
    from modellaw.model import Model

__all__ = [
    "MAX_NAME_BYTES",
    "MAX_NAME_CHARS",
    "BatchError",
    "BatchInput",
    "BatchResult",
    "collect_inputs",
    "run_batch",
    "safe_filename",
    "unique_name",
]

DEFAULT_DB = "assessments.sqlite"
LOCK_FILE = ".modellaw-batch.lock"


# ---------------------------------------------------------------------------------------
# the worker (runs in a pool process, or in this process when jobs=1)


@dataclass(frozen=True)
class BatchTask:
    index: int
    path: str
    lang: str | None
    meta: tuple[tuple[str, str], ...]


_STATE: dict = {}


def init_worker(
    model_path: str,
    report_lang: str,
    tmpdir: str,
    warm_langs: tuple[str, ...] = (),
    reviews: dict[str, dict[str, HumanReview]] | None = None,
    in_process: bool = False,
) -> None:
    """Load the model and the language pipelines once per worker (the pool's initializer)."""
    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from analysis import matcher
    from modellaw import resolve_model
    from reports.render import environment

    model = resolve_model(model_path)
    for lang in warm_langs:
        with contextlib.suppress(Exception):  # a language without a pipeline fails in its task, with a reason
            matcher(model, lang)
    with contextlib.suppress(Exception):
        environment("html", report_lang)
    _STATE.update(model=model, report_lang=report_lang, tmpdir=Path(tmpdir), reviews=reviews or {})


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def assess_task(task: BatchTask) -> dict:
    """Read, assess and write the reports of one statute; never raises (but KeyboardInterrupt)."""
    from analysis import assess
    from analysis.reviews import apply_reviews
    from reports import write_report
    from statutes import StatuteError, read_statute

    t0 = time.perf_counter()
    base = {"index": task.index, "path": task.path}
    try:
        st = read_statute(task.path, lang=task.lang)
        for k, v in task.meta:
            setattr(st.meta, k, v)
        tool = assess(st, _STATE["model"])
        rec = assessment_record(tool)  # the history keeps the tool's verdicts; reviews are applied when read
        a = apply_reviews(tool, _STATE["reviews"].get(tool.statute_sha256, {}))
        tmp: Path = _STATE["tmpdir"]
        html = write_report(a, "html", tmp / f"{task.index:06d}.html", _STATE["report_lang"])
        js = write_report(a, "json", tmp / f"{task.index:06d}.json", _STATE["report_lang"])
        return dict(
            base,
            status="ok",
            record=rec,
            html=str(html),
            json=str(js),
            name=display_base(rec["country"], rec["title"], rec["year"], task.path),
            seconds=time.perf_counter() - t0,
        )
    except StatuteError as exc:
        reason = str(exc)
        if reason.startswith(task.path + ": "):
            reason = reason[len(task.path) + 2 :]
        return dict(base, status="failed", reason=_one_line(reason), retry=False, seconds=time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - one statute's bug must not stop the batch
        return dict(
            base,
            status="failed",
            reason=_one_line(f"internal error: {type(exc).__name__}: {exc}"),
            retry=True,
            seconds=time.perf_counter() - t0,
        )


# ---------------------------------------------------------------------------------------
# running


@dataclass
class BatchResult:
    outdir: Path
    db: Path
    total: int = 0  # statutes in the batch
    assessed: int = 0  # assessed by this run (ok or failed)
    skipped: int = 0  # unchanged since the last run
    failed: int = 0  # failed, in the whole batch (this run's and skipped ones)
    ok: int = 0  # with a report, in the whole batch
    interrupted: bool = False
    rows: list[dict] = field(default_factory=list)  # the summary rows

    @property
    def index(self) -> Path:
        return self.outdir / "index.html"


@contextlib.contextmanager
def _lock(outdir: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory lock
        yield
        return
    with open(outdir / LOCK_FILE, "a+") as fh:  # closing the file releases the lock
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BatchError(f"{outdir}: another modellaw batch is writing to this folder") from None
        yield


def _reviews_digest(store: HistoryStore, file_sha: str, model_id: str) -> str:
    """A digest of the reviews in force for the statute a file held when last assessed ("" when none)."""
    text_sha = store.statute_sha_for_file(file_sha) if file_sha else None
    rows = store.review_rows(text_sha, model_id) if text_sha else []
    if not rows:
        return ""
    blob = json.dumps([[r["key"], r["verdict"], r["note"], r["reviewer"], r["at"]] for r in rows])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _outdir_key(outdir: Path, db: Path) -> str:
    """How the history names an output folder: relative to the database when inside its folder."""
    o, d = outdir.resolve(), db.resolve().parent
    try:
        return str(o.relative_to(d)) or "."
    except ValueError:
        return str(o)


def run_batch(
    source: str | Path,
    outdir: str | Path,
    *,
    jobs: int = 1,
    model: str = "tip-2009",
    report_lang: str = "en",
    force: bool = False,
    db: str | Path | None = None,
    progress: bool | None = None,
    on_result: Callable[[dict], None] | None = None,
) -> BatchResult:
    """Assess every statute of `source` (a folder or a manifest CSV) into `outdir`; see the module doc.

    `progress`: None shows a bar when stderr is a terminal. `on_result` is called in this process
    with each result dict after it is recorded. Raises BatchError (bad source, folder in use),
    modellaw.ModelError (bad model), HistoryError (bad database) and KeyboardInterrupt, after
    recording what was finished and writing the matrix, summary and index for it.
    """
    from modellaw import __version__, resolve_model
    from reports.i18n import normalize_lang

    if jobs < 1:
        raise BatchError(f"--jobs must be 1 or more, not {jobs}")
    report_lang = normalize_lang(report_lang)
    outdir = Path(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / REPORTS_DIR).mkdir(exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{outdir}: cannot create the output folder: {exc.strerror or exc}") from None
    inputs = collect_inputs(source, outdir)
    m = resolve_model(model)
    model_sha = file_sha256(m.path)
    db_path = Path(db) if db else outdir / DEFAULT_DB
    result = BatchResult(outdir=outdir, db=db_path, total=len(inputs))

    with _lock(outdir), HistoryStore(db_path) as store:
        okey = _outdir_key(outdir, db_path)
        items = store.batch_items(okey)
        taken = {r["report_name"].casefold() for r in items.values() if r["report_name"]}
        reports = outdir / REPORTS_DIR
        for stale in reports.glob(".partial-*"):  # left by a batch that was killed
            shutil.rmtree(stale, ignore_errors=True)

        todo: list[tuple[BatchTask, str, str]] = []  # task, file sha, input key
        for i, item in enumerate(inputs):
            sha = file_sha256(item.path)
            key = input_key(item, sha, m, model_sha, __version__, report_lang, _reviews_digest(store, sha, m.id))
            row = items.get(item.key_path)
            if not force and row and row["input_key"] == key:
                if (
                    row["status"] == "ok"
                    and row["report_name"]
                    and all((reports / f"{row['report_name']}.{ext}").is_file() for ext in ("html", "json"))
                ):
                    result.skipped += 1
                    continue
                if row["status"] == "failed" and not row["retry"]:
                    result.skipped += 1
                    continue
            todo.append((BatchTask(i, item.path, item.lang, item.meta), sha, key))

        tmpdir = reports / f".partial-{uuid.uuid4().hex[:12]}"
        tmpdir.mkdir()
        by_index = {t.index: (t, sha, key) for t, sha, key in todo}

        from tqdm import tqdm

        bar = tqdm(
            total=len(inputs),
            initial=result.skipped,
            unit="statute",
            desc="assessing",
            file=sys.stderr,
            disable=None if progress is None else not progress,
            dynamic_ncols=True,
            leave=True,
        )
        failed_now = 0

        def _place_reports(res: dict) -> None:
            """Move the worker's reports to reports/<name>.html|json; the name is kept across runs."""
            prev = items.get(inputs[res["index"]].key_path)
            old_name = prev["report_name"] if prev else ""
            desired = safe_filename(res["name"])
            name = old_name if old_name and name_fits(old_name, desired) else unique_name(desired, taken)
            os.replace(res["html"], reports / f"{name}.html")
            os.replace(res["json"], reports / f"{name}.json")
            if old_name and old_name != name:
                for ext in ("html", "json"):
                    with contextlib.suppress(OSError):
                        (reports / f"{old_name}.{ext}").unlink()
            res["report_name"] = name

        def finish(res: dict) -> None:
            nonlocal failed_now
            task, sha, key = by_index[res["index"]]
            item = inputs[task.index]
            prev = items.get(item.key_path)
            old_name = prev["report_name"] if prev else ""
            if res["status"] == "ok":
                try:
                    _place_reports(res)
                except OSError as exc:
                    res = {
                        **res,
                        "status": "failed",
                        "retry": True,
                        "reason": _one_line(f"cannot write the reports: {exc.strerror or exc}"),
                    }
            if res["status"] == "ok":
                name = res["report_name"]
                aid = store.record(res["record"], path=item.key_path, file_sha256=sha, input_key=key, commit=False)
                store.set_batch_item(
                    okey, item.key_path, input_key=key, status="ok", report_name=name, assessment_id=aid, commit=False
                )
            else:
                failed_now += 1
                for ext in ("html", "json"):  # a report of an earlier version would now be wrong
                    if old_name:
                        with contextlib.suppress(OSError):
                            (reports / f"{old_name}.{ext}").unlink()
                store.set_batch_item(
                    okey,
                    item.key_path,
                    input_key=key,
                    status="failed",
                    reason=res["reason"],
                    retry=res.get("retry", False),
                    report_name=old_name,
                    commit=False,
                )
            store.commit()
            result.assessed += 1
            bar.update(1)
            if failed_now:
                bar.set_postfix(failed=failed_now, refresh=False)
            if on_result is not None:
                on_result(res)

        tasks = [t for t, _, _ in todo]
        init_args = (
            m.path,
            report_lang,
            str(tmpdir),
            tuple(sorted({lang for t in tasks if (lang := declared_language(inputs[t.index]))})),
            store.all_reviews(m.id),
        )
        try:
            if jobs == 1 or len(tasks) <= 1:
                if tasks:
                    init_worker(*init_args, in_process=True)
                for t in tasks:
                    finish(assess_task(t))
            else:
                _run_pool(tasks, min(jobs, len(tasks)), init_args, finish)
        except KeyboardInterrupt:
            result.interrupted = True
            store.db.rollback()  # a statute caught half-recorded is simply redone by the next run
        finally:
            bar.close()
            shutil.rmtree(tmpdir, ignore_errors=True)

        items = store.batch_items(okey)
        rows = []
        for item in inputs:
            row = items.get(item.key_path)
            if row is None:
                continue  # not reached (interrupted)
            rec = store.assessment(row["assessment_id"]) if row["status"] == "ok" and row["assessment_id"] else None
            if rec:
                rec = reviewed_record(rec, store.reviews(rec["statute_sha256"], rec["model_id"]))
            rows.append(_summary_row(item, row, rec))
        result.rows = rows
        result.ok = sum(1 for r in rows if r["status"] == "ok")
        result.failed = sum(1 for r in rows if r["status"] == "failed")
        write_outputs(
            outdir, rows, m, source=Path(source), interrupted=result.interrupted, total=len(inputs), lang=report_lang
        )
    if result.interrupted:
        raise KeyboardInterrupt
    return result


def _run_pool(tasks: list[BatchTask], workers: int, init_args: tuple, finish: Callable[[dict], None]) -> None:
    """Run tasks in a spawn pool; a task whose worker died is retried alone, then reported as failed."""
    suspects = _pool_pass(tasks, workers, init_args, finish)
    if suspects and len(suspects) == len(tasks):  # nothing came back: did the workers start at all?
        if _pool_pass(suspects[:1], 1, init_args, finish):
            raise BatchError(
                "the worker processes died before assessing any statute (they could not start); try --jobs 1"
            )
        suspects = suspects[1:]
    for t in suspects:  # one at a time, so a statute that kills its worker is the only one to fail
        again = _pool_pass([t], 1, init_args, finish)
        for t2 in again:
            finish(
                {
                    "index": t2.index,
                    "path": t2.path,
                    "status": "failed",
                    "retry": True,
                    "seconds": 0.0,
                    "reason": "the worker process died while assessing this statute (crashed, or killed "
                    "for lack of memory)",
                }
            )


def _pool_pass(
    tasks: list[BatchTask], workers: int, init_args: tuple, finish: Callable[[dict], None]
) -> list[BatchTask]:
    ctx = multiprocessing.get_context("spawn")
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=init_args)
    broken: list[BatchTask] = []
    try:
        pending = {ex.submit(assess_task, t): t for t in tasks}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                t = pending.pop(fut)
                try:
                    res = fut.result()
                except BrokenProcessPool:
                    broken.append(t)
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                    res = {
                        "index": t.index,
                        "path": t.path,
                        "status": "failed",
                        "retry": True,
                        "seconds": 0.0,
                        "reason": _one_line(f"internal error: {type(exc).__name__}: {exc}"),
                    }
                finish(res)
    except BaseException:
        for p in list((getattr(ex, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                p.terminate()
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    ex.shutdown(wait=True)
    return broken


# ---------------------------------------------------------------------------------------
# outputs: summary, failures, matrix, index


def _display_path(path: str, source: Path) -> str:
    base = source if source.is_dir() else source.parent
    with contextlib.suppress(ValueError):
        return str(Path(path).resolve().relative_to(base.resolve()))
    return str(path)


def _summary_row(item: BatchInput, row: dict, rec: dict | None) -> dict:
    out = {
        "name": row["report_name"] if rec else "",
        "status": row["status"],
        "reason": row["reason"],
        "path": item.path,
        "country": "",
        "title": "",
        "year": "",
        "language": "",
        "mandatory_gaps": "",
        "mandatory_gap_ids": "",
        "covered": "",
        "partial": "",
        "missing": "",
        "mandatory_covered": "",
        "mandatory_partial": "",
        "mandatory_missing": "",
        "assessed": "",
        "model": "",
        "statute_sha256": "",
        "report_html": "",
        "report_json": "",
        "record": rec,
    }
    meta = dict(item.meta)
    out.update({k: meta.get(k, "") for k in ("country", "title", "year")})
    if rec:
        out.update(
            {
                "country": rec["country"],
                "title": rec["title"],
                "year": rec["year"],
                "language": rec["language"],
                "mandatory_gaps": len(rec["mandatory_gaps"]),
                "mandatory_gap_ids": ";".join(rec["mandatory_gaps"]),
                "covered": rec["covered"],
                "partial": rec["partial"],
                "missing": rec["missing"],
                "mandatory_covered": rec["mandatory_covered"],
                "mandatory_partial": rec["mandatory_partial"],
                "mandatory_missing": rec["mandatory_missing"],
                "assessed": rec["created"],
                "model": f"{rec['model_id']} {rec['model_version']}",
                "statute_sha256": rec["statute_sha256"],
                "report_html": f"{REPORTS_DIR}/{row['report_name']}.html",
                "report_json": f"{REPORTS_DIR}/{row['report_name']}.json",
            }
        )
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_outputs(
    outdir: Path,
    rows: list[dict],
    model: Model,
    *,
    source: Path,
    interrupted: bool = False,
    total: int | None = None,
    lang: str = "en",
) -> None:
    """summary.csv, failures.csv, matrix.csv, matrix.xlsx and index.html for the rows of a batch."""
    for r in rows:
        r["display_path"] = _display_path(r["path"], source)
    _write_atomic(
        outdir / "summary.csv",
        csv_bytes(
            SUMMARY_COLUMNS, [[r["display_path"] if c == "path" else r[c] for c in SUMMARY_COLUMNS] for r in rows]
        ),
    )
    _write_atomic(
        outdir / "failures.csv",
        csv_bytes(("path", "reason"), [[r["display_path"], r["reason"]] for r in rows if r["status"] == "failed"]),
    )
    mrows = [dict(r, path=r["display_path"]) for r in rows]
    df = matrix_frame(mrows)
    _write_atomic(outdir / "matrix.csv", csv_bytes(list(df.columns), df.itertuples(index=False, name=None)))
    _write_atomic(outdir / "matrix.xlsx", matrix_xlsx(df, [dict(r, path=r["display_path"]) for r in rows]))
    _write_atomic(
        outdir / "index.html",
        render_index(rows, model, interrupted=interrupted, total=total, lang=lang).encode("utf-8"),
    )
