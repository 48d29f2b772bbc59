"""Batch assessment: every statute of a folder or manifest, in parallel, with a matrix and an index page.

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
import csv
import hashlib
import io
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import time
import unicodedata
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator
from urllib.parse import quote

from analysis.history import HistoryStore, assessment_record
from reports.tabular import escape_cell

if TYPE_CHECKING:  # imported where used: a worker starts without them
    import pandas as pd

    from modellaw.model import Model

__all__ = ["BatchError", "BatchInput", "BatchResult", "collect_inputs", "run_batch", "safe_filename", "unique_name"]

OUTPUT_FILES = ("index.html", "matrix.csv", "matrix.xlsx", "summary.csv", "failures.csv")
DEFAULT_DB = "assessments.sqlite"
REPORTS_DIR = "reports"
LOCK_FILE = ".modellaw-batch.lock"
VERDICT_SYMBOL = {"covered": "✔", "partial": "◐", "missing": "✘"}


class BatchError(ValueError):
    """A batch that cannot start (bad source, output folder in use); the message is one line."""


# ---------------------------------------------------------------------------------------
# safe file names


_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CLOCK$",
        "CONIN$",
        "CONOUT$",
        *(f"COM{i}" for i in range(10)),
        *(f"LPT{i}" for i in range(10)),
    }
)
MAX_NAME_CHARS = 80
MAX_NAME_BYTES = 160  # UTF-8; leaves room for "-NN.html" under the usual 255-byte limit


def _fit(text: str, chars: int, nbytes: int) -> str:
    """`text` cut to at most `chars` characters and `nbytes` UTF-8 bytes, without a trailing separator."""
    text = text[:chars]
    while len(text.encode("utf-8")) > nbytes:
        text = text[:-1]
    # no trailing separator; no combining mark left without its base
    return text.rstrip("-_")


def safe_filename(name: str) -> str:
    """A readable file name (no extension) that is safe on every common file system.

    Letters, marks and digits of any script are kept (NFKC, then NFC), so "Российская Федерация"
    and "الأردن" stay readable; "-" is kept; anything else (slashes, dots, spaces, quotes, control and
    bidi characters) becomes "_" or is dropped, so no name can climb out of its folder ("../..") or be
    absolute. Windows device names (CON, NUL, COM1...) get a leading "_"; a name over 80 characters
    (or 160 UTF-8 bytes) is cut and ends with 8 hex digits of the full name's SHA-256, so long names
    stay distinct. An empty result is "unnamed".
    """
    text = unicodedata.normalize("NFKC", str(name or ""))
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            out.append(ch)
        elif cat[0] == "M":
            if out and out[-1] not in "-_":  # a mark only with its base letter
                out.append(ch)
        elif ch == "-":
            out.append("-")
        elif cat in ("Cf", "Cn", "Co", "Cs"):  # format (bidi, zero-width), unassigned, private, surrogate
            continue
        else:
            out.append("_")
    s = "".join(out)
    s = re.sub(r"[-_]*_[-_]*", "_", s)  # a run holding an underscore: one underscore
    s = re.sub(r"-{2,}", "-", s).strip("-_")
    s = unicodedata.normalize("NFC", s)
    if not s:
        return "unnamed"
    if len(s) > MAX_NAME_CHARS or len(s.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha256(str(name).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = _fit(s, MAX_NAME_CHARS - 9, MAX_NAME_BYTES - 9) + "-" + digest
    if s.upper() in _RESERVED:
        s = "_" + s
    return s


def unique_name(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `taken` (compared case-insensitively); adds it."""
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        suffix = f"-{n}"
        name = _fit(base, MAX_NAME_CHARS - len(suffix), MAX_NAME_BYTES - len(suffix)) + suffix
    taken.add(name.casefold())
    return name


def _name_fits(stored: str, desired: str) -> bool:
    """Whether a report name given earlier (`desired`, or `desired-N` from unique_name) still fits."""
    if stored == desired:
        return True
    m = re.fullmatch(r".+(-\d+)", stored)
    if not m:
        return False
    suffix = m.group(1)
    return stored == _fit(desired, MAX_NAME_CHARS - len(suffix), MAX_NAME_BYTES - len(suffix)) + suffix


def display_base(country: str, title: str, year: str, path: str) -> str:
    """What a report is named after: country, title and year (unless the title has it), else the file name."""
    parts = [p for p in (country.strip(), title.strip()) if p]
    if parts and year and year not in title:
        parts.append(year)
    return " ".join(parts) if parts else Path(path).stem


# ---------------------------------------------------------------------------------------
# inputs


@dataclass(frozen=True)
class BatchInput:
    path: str  # as given (folder/name, or as the manifest resolved it)
    lang: str | None = None  # the manifest's language, if any
    meta: tuple[tuple[str, str], ...] = ()  # the manifest's country, title, year (non-empty only)

    @property
    def key_path(self) -> str:
        return str(Path(self.path).resolve())


def _extensions() -> tuple[set[str], set[str]]:
    from statutes import readers

    supported = set(readers.SUPPORTED_EXTENSIONS)
    hinted = set(getattr(readers, "_HINTS", {}))  # .doc .rtf .odt .docm: reported with advice, not skipped
    return supported, hinted


def collect_inputs(source: str | Path, outdir: str | Path | None = None) -> list[BatchInput]:
    """The statutes of a folder (every supported file, no .meta sidecars) or of a manifest CSV."""
    src = Path(source)
    if src.is_dir():
        supported, hinted = _extensions()
        skip: set[Path] = set()
        if outdir is not None and Path(outdir).resolve() == src.resolve():
            skip = {src.resolve() / n for n in OUTPUT_FILES}
        out = []
        for p in sorted(src.iterdir(), key=lambda p: p.name):
            if p.name.startswith((".", "~$")) or not p.is_file():
                continue
            ext = p.suffix.lower()
            if ext == ".meta" or (ext not in supported and ext not in hinted) or p.resolve() in skip:
                continue
            out.append(BatchInput(str(p)))
        if not out:
            raise BatchError(f"{src}: no statute files (.txt .md .docx .pdf .html .htm .xml) in this folder")
        return out
    if not src.exists():
        raise BatchError(f"{src}: no such folder or manifest")
    if src.suffix.lower() != ".csv":
        raise BatchError(
            f"{src}: expected a folder of statutes or a manifest .csv (columns country,title,year,language,path)"
        )
    from statutes import StatuteError
    from statutes.readers import read_manifest

    try:
        rows = read_manifest(src)
    except StatuteError as exc:
        raise BatchError(str(exc)) from None
    out, seen = [], set()
    for r in rows:
        item = BatchInput(
            r["path"], r.get("language") or None, tuple((k, r[k]) for k in ("country", "title", "year") if r.get(k))
        )
        if item.key_path in seen:
            continue
        seen.add(item.key_path)
        out.append(item)
    if not out:
        raise BatchError(f"{src}: the manifest lists no statutes")
    return out


def _file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""  # the worker reports why; the fingerprint changes once the file is readable
    return h.hexdigest()


def _sidecar_sha256(path: str | Path) -> str:
    p = Path(path)
    for sp in (p.with_name(p.name + ".meta"), p.with_suffix(".meta")):
        if sp != p and sp.is_file():
            return _file_sha256(sp)
    return ""


def input_key(
    item: BatchInput, file_sha: str, model: Model, model_sha: str, tool_version: str, report_lang: str
) -> str:
    """The fingerprint that decides whether a rerun may skip an input."""
    blob = json.dumps(
        {
            "file": file_sha,
            "sidecar": _sidecar_sha256(item.path),
            "lang": item.lang or "",
            "meta": list(item.meta),
            "model": [model.id, model.version, model_sha],
            "tool": tool_version,
            "report_lang": report_lang,
        },
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


_LANG_LINE = re.compile(r"^\s*#?\s*lang(?:uage)?\s*:\s*(\S+)", re.I | re.M)


def declared_language(item: BatchInput) -> str | None:
    """The language a statute declares (manifest, header or sidecar), read cheaply; None when unsaid."""
    if item.lang:
        return item.lang
    from statutes.readers import normalize_language

    p = Path(item.path)
    candidates = [p.with_name(p.name + ".meta"), p.with_suffix(".meta")]
    if p.suffix.lower() in (".txt", ".md", ".text"):
        candidates.insert(0, p)
    for c in candidates:
        try:
            with open(c, "rb") as fh:
                head = fh.read(2048).decode("utf-8", "ignore")
        except OSError:
            continue
        m = _LANG_LINE.search(head)
        if m:
            try:
                return normalize_language(m.group(1)) or None
            except Exception:
                return None
    return None


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
    model_path: str, report_lang: str, tmpdir: str, warm_langs: tuple[str, ...] = (), in_process: bool = False
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
    _STATE.update(model=model, report_lang=report_lang, tmpdir=Path(tmpdir))


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def assess_task(task: BatchTask) -> dict:
    """Read, assess and write the reports of one statute; never raises (but KeyboardInterrupt)."""
    from analysis import assess
    from reports import write_report
    from statutes import StatuteError, read_statute

    t0 = time.perf_counter()
    base = {"index": task.index, "path": task.path}
    try:
        st = read_statute(task.path, lang=task.lang)
        for k, v in task.meta:
            setattr(st.meta, k, v)
        a = assess(st, _STATE["model"])
        tmp: Path = _STATE["tmpdir"]
        html = write_report(a, "html", tmp / f"{task.index:06d}.html", _STATE["report_lang"])
        js = write_report(a, "json", tmp / f"{task.index:06d}.json", _STATE["report_lang"])
        rec = assessment_record(a)
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
    model_sha = _file_sha256(m.path)
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
            sha = _file_sha256(item.path)
            key = input_key(item, sha, m, model_sha, __version__, report_lang)
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
            name = old_name if old_name and _name_fits(old_name, desired) else unique_name(desired, taken)
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


SUMMARY_COLUMNS = (
    "name",
    "country",
    "title",
    "year",
    "language",
    "path",
    "status",
    "reason",
    "mandatory_gaps",
    "mandatory_gap_ids",
    "covered",
    "partial",
    "missing",
    "mandatory_covered",
    "mandatory_partial",
    "mandatory_missing",
    "assessed",
    "model",
    "statute_sha256",
    "report_html",
    "report_json",
)
MATRIX_ID_COLUMNS = ("name", "country", "title", "year", "language", "path", "model", "assessed", "statute_sha256")


def _csv_bytes(header: Iterable[object], rows: Iterable[Iterable[object]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([escape_cell(h) for h in header])
    for r in rows:
        w.writerow([escape_cell(c) for c in r])
    return buf.getvalue().encode("utf-8")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def matrix_frame(rows: list[dict]) -> pd.DataFrame:
    """The matrix as a pandas DataFrame: one row per assessed statute, text cells escaped."""
    import pandas as pd

    cols: dict[str, None] = dict.fromkeys(MATRIX_ID_COLUMNS)
    prov_cols: dict[str, None] = {}
    key_cols: dict[str, None] = {}
    records = []
    for r in rows:
        rec = r["record"]
        if not rec:
            continue
        d = {c: r[c] for c in MATRIX_ID_COLUMNS}
        for p in rec["provisions"]:
            for part, value in (("verdict", p["verdict"]), ("confidence", p["confidence"])):
                col = f"provision:{p['provision_id']}:{part}"
                prov_cols.setdefault(col)
                d[col] = value
        for k, kv in rec["keys"].items():
            for part in ("verdict", "confidence"):
                col = f"key:{k}:{part}"
                key_cols.setdefault(col)
                d[col] = kv[part]
        records.append(d)
    columns = [*cols, *prov_cols, *key_cols]
    return pd.DataFrame(
        [[escape_cell(d.get(c, "")) for c in columns] for d in records],
        columns=[escape_cell(c) for c in columns],
        dtype=object,
    )


def _matrix_xlsx(df: pd.DataFrame, summary_rows: list[dict]) -> bytes:
    import pandas as pd
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    fills = {"covered": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE"}
    summary = pd.DataFrame(
        [[escape_cell(r[c]) for c in SUMMARY_COLUMNS] for r in summary_rows],
        columns=list(SUMMARY_COLUMNS),
        dtype=object,
    )
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        df.to_excel(xw, sheet_name="Matrix", index=False)
        summary.to_excel(xw, sheet_name="Summary", index=False)
        for name in ("Matrix", "Summary"):
            ws = xw.sheets[name]
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # never a live formula, whatever pandas did
                        cell.value = "'" + str(cell.value)
                        cell.data_type = "s"
            for cell in ws[1]:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.freeze_panes = "C2" if name == "Matrix" else "B2"
        ws = xw.sheets["Matrix"]
        if ws.max_row > 1 and ws.max_column > 1:
            area = f"A2:{get_column_letter(ws.max_column)}{ws.max_row}"
            for verdict, colour in fills.items():  # colour by verdict, without styling every cell
                ws.conditional_formatting.add(
                    area,
                    CellIsRule(operator="equal", formula=[f'"{verdict}"'], fill=PatternFill("solid", bgColor=colour)),
                )
    return buf.getvalue()


def _heatmap(rows: list[dict], model: Model) -> tuple[list[dict], list[dict]]:
    """Columns (protection keys, in the model's order) and rows for the index page's heatmap."""
    described = {k.id: k.text for k in model.keys}
    order = {k.id: i for i, k in enumerate(model.keys)}
    seen: dict[str, None] = {}
    for r in rows:
        if r["record"]:
            for k in r["record"]["keys"]:
                seen.setdefault(k)
    keys = sorted(seen, key=lambda k: (order.get(k, len(order)), k))
    columns = [{"id": k, "text": described.get(k, "")} for k in keys]
    out = []
    for r in rows:
        rec = r["record"]
        cells = []
        for k in keys:
            kv = rec["keys"].get(k) if rec else None
            cells.append(
                {
                    "key": k,
                    "verdict": kv["verdict"] if kv else "none",
                    "symbol": VERDICT_SYMBOL.get(kv["verdict"], "") if kv else "",
                    "confidence": f"{kv['confidence']:.2f}" if kv else "",
                }
            )
        out.append(
            {
                **{
                    c: r[c]
                    for c in (
                        "name",
                        "country",
                        "title",
                        "year",
                        "language",
                        "status",
                        "reason",
                        "mandatory_gaps",
                        "covered",
                        "partial",
                        "missing",
                    )
                },
                "path": r["display_path"],
                "html": f"{REPORTS_DIR}/{quote(r['name'])}.html" if rec else "",
                "json": f"{REPORTS_DIR}/{quote(r['name'])}.json" if rec else "",
                "cells": cells,
            }
        )
    return columns, out


def render_index(
    rows: list[dict], model: Model, *, interrupted: bool = False, total: int | None = None, lang: str = "en"
) -> str:
    """index.html, in the report language: Jinja2 autoescaped, inline CSS, no script, nothing fetched."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from modellaw import __version__
    from reports.i18n import VERDICT_LABELS, is_rtl, normalize_lang, translations

    lang = normalize_lang(lang)
    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    columns, heat = _heatmap(rows, model)
    failures = [r for r in heat if r["status"] == "failed"]
    return env.get_template("index.html.j2").render(
        columns=columns,
        rows=heat,
        failures=failures,
        model=model,
        tool_version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        ok=sum(1 for r in rows if r["status"] == "ok"),
        failed=len(failures),
        total=total if total is not None else len(rows),
        interrupted=interrupted,
        lang=lang,
        dir="rtl" if is_rtl(lang) else "ltr",
        verdict_labels=VERDICT_LABELS,
    )


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
        _csv_bytes(
            SUMMARY_COLUMNS, [[r["display_path"] if c == "path" else r[c] for c in SUMMARY_COLUMNS] for r in rows]
        ),
    )
    _write_atomic(
        outdir / "failures.csv",
        _csv_bytes(("path", "reason"), [[r["display_path"], r["reason"]] for r in rows if r["status"] == "failed"]),
    )
    mrows = [dict(r, path=r["display_path"]) for r in rows]
    df = matrix_frame(mrows)
    _write_atomic(outdir / "matrix.csv", _csv_bytes(list(df.columns), df.itertuples(index=False, name=None)))
    _write_atomic(outdir / "matrix.xlsx", _matrix_xlsx(df, [dict(r, path=r["display_path"]) for r in rows]))
    _write_atomic(
        outdir / "index.html",
        render_index(rows, model, interrupted=interrupted, total=total, lang=lang).encode("utf-8"),
    )
