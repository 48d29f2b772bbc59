"""The `modellaw` command line: parse arguments, call the pipeline, print.

Exit codes (documented in README): 0 success, 1 gaps found (only with --fail-on-gaps),
2 usage error, 3 unreadable or invalid input.
"""

from __future__ import annotations

import csv
import io
import json
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer

from modellaw import Model, ModelError, Provision, load_model, resolve_model, validate_model_file
from modellaw.model import builtin_models
from modellaw.translations import check as check_translations

if TYPE_CHECKING:
    from analysis.benchmark import Benchmark
    from analysis.types import Assessment
    from statutes.model import Statute
    from store import HistoryStore

EXIT_OK, EXIT_GAPS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3
STATUTE_LANGS = ("auto", "en", "fr", "es", "ar", "ru", "pt")

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    help="Gap analysis of anti-trafficking statutes against the UNODC Model Law.",
)
provisions_app = typer.Typer(no_args_is_help=True, help="Show the provisions of a model law.")
models_app = typer.Typer(no_args_is_help=True, help="List and validate model files.")
statute_app = typer.Typer(no_args_is_help=True, help="Inspect how a statute is read.")
app.add_typer(provisions_app, name="provisions")
app.add_typer(models_app, name="models")
app.add_typer(statute_app, name="statute")


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Status(str, Enum):
    mandatory = "mandatory"
    optional = "optional"
    general = "general"


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    """One line on stderr, never a traceback."""
    typer.echo(f"modellaw: error: {message}", err=True)
    raise typer.Exit(code)


def _model(name: str) -> Model:
    try:
        return resolve_model(name)
    except ModelError as exc:
        fail(str(exc))


def provision_record(p: Provision) -> dict:
    """The documented JSON shape of one provision (README: `provisions list --format json`)."""
    return {
        "id": p.id,
        "article": p.article,
        "title": p.title,
        "chapter": p.chapter,
        "chapter_title": p.chapter_title,
        "status": p.status,
        "basis": p.basis,
        "verified": p.verified,
        "status_basis": p.status_basis,
        "sources": [str(s) for s in p.sources],
        "keys": list(p.keys),
        "summary": p.summary,
        "elements": [{"id": e.id, "label": e.label, "essential": e.essential} for e in p.elements],
    }


@provisions_app.command("list")
def provisions_list(
    status: Optional[Status] = typer.Option(None, help="Only provisions of this status."),
    chapter: Optional[str] = typer.Option(None, help="Only this chapter (e.g. V)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table, json or csv."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
) -> None:
    """List provisions with article, title, chapter, status and protection keys."""
    m = _model(model)
    rows = [
        p
        for p in m.provisions
        if (status is None or p.status == status.value) and (chapter is None or p.chapter.lower() == chapter.lower())
    ]
    if fmt is ListFormat.json:
        typer.echo(json.dumps([provision_record(p) for p in rows], ensure_ascii=False, indent=2))
    elif fmt is ListFormat.csv:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["id", "article", "title", "chapter", "status", "verified", "keys"])
        for p in rows:
            w.writerow([p.id, p.article or "", p.title, p.chapter, p.status, str(p.verified).lower(), ";".join(p.keys)])
        typer.echo(buf.getvalue().rstrip("\n"))
    else:
        typer.echo(f"{m.title} ({m.version}) — {len(rows)} provisions")
        for p in rows:
            art = p.article or "—"
            mark = "" if p.verified else " *"
            typer.echo(f"{art:>4}  {p.chapter:<5} {p.status:<9} {p.title}{mark}  [{', '.join(p.keys)}]")
        if any(not p.verified for p in rows):
            typer.echo("* not verified against the published Model Law text; see `provisions show` for its basis")


@provisions_app.command("show")
def provisions_show(
    ref: str = typer.Argument(..., help="Provision id, article number (8, 'Art. 8') or protection key."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
) -> None:
    """Everything a drafter needs about one provision."""
    m = _model(model)
    p = m.find(ref)
    if p is None:
        fail(f"{ref}: no provision with that id, article or key in {m.id}", EXIT_USAGE)
    if fmt is not ListFormat.table:
        typer.echo(json.dumps(provision_record(p), ensure_ascii=False, indent=2))
        return
    head = f"Article {p.article} — {p.title}" if p.article else f"{p.title} (no verified Model Law article number)"
    typer.echo(head)
    typer.echo(f"  id:       {p.id}")
    typer.echo(f"  chapter:  {p.chapter}. {p.chapter_title}")
    typer.echo(f"  status:   {p.status} — {p.status_basis}")
    typer.echo(f"  basis:    {p.basis} ({'verified' if p.verified else 'not verified'})")
    typer.echo(f"  provenance: {p.provenance}")
    typer.echo(f"  source:   {', '.join(str(s) for s in p.sources) or '—'}")
    typer.echo(f"  keys:     {', '.join(p.keys)}")
    typer.echo(f"  summary:  {p.summary}")
    typer.echo("  elements:")
    for e in p.elements:
        typer.echo(f"    - {e.label}{'' if e.essential else ' (not essential)'}  [{e.id}]")


@models_app.command("list")
def models_list() -> None:
    """Installed models."""
    for mid, path in builtin_models().items():
        try:
            m = load_model(path)
            typer.echo(f"{mid:<22} {m.version:<6} {len(m.provisions):>3} provisions  {m.title}")
        except ModelError as exc:
            typer.echo(f"{mid:<22} invalid: {exc}")


@models_app.command("validate")
def models_validate(files: list[Path] = typer.Argument(..., help="Model XML files.")) -> None:
    """Check model files against the schema and their translations (exit 3 if any is invalid or incomplete)."""
    bad = 0
    for f in files:
        try:
            validate_model_file(f)
            m = load_model(f)
            problems = check_translations(m)  # every string of the model in every report language
            for problem in problems:
                typer.echo(f"modellaw: error: {f}: translations: {problem}", err=True)
            bad += bool(problems)
            if not problems:
                typer.echo(f"{f}: valid ({len(m.provisions)} provisions)")
        except ModelError as exc:
            typer.echo(f"modellaw: error: {exc}", err=True)
            bad += 1
    if bad:
        raise typer.Exit(EXIT_INPUT)


class TreeFormat(str, Enum):
    tree = "tree"
    json = "json"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


OCR_HELP = "PDF pages read by OCR (Tesseract): auto (pages without a text layer), always, or never."


@statute_app.command("show")
def statute_show(
    file: Path = typer.Argument(..., help="Statute: .txt .md .docx .pdf .html .xml (Akoma Ntoso)"),
    lang: str = typer.Option("auto", help="auto, en, fr, es, ar, ru or pt."),
    fmt: TreeFormat = typer.Option(TreeFormat.tree, "--format"),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP),
) -> None:
    """Print the unit tree, so a user can check how the statute was parsed."""
    from statutes import StatuteError, read_statute

    if lang not in STATUTE_LANGS:
        fail(f"--lang {lang}: not one of {', '.join(STATUTE_LANGS)}", EXIT_USAGE)
    try:
        st = read_statute(file, lang=lang, ocr=ocr.value)
    except StatuteError as exc:
        fail(str(exc))
    if fmt is TreeFormat.json:
        out = {
            "title": st.meta.title,
            "country": st.meta.country,
            "year": st.meta.year,
            "language": st.language,
            "format": st.meta.format,
            "units": [
                {
                    "id": u.id,
                    "kind": u.kind,
                    "num": u.num,
                    "label": u.label,
                    "heading": u.heading,
                    "parent": u.parent,
                    "start": u.start,
                    "end": u.end,
                    "text": u.own_text(st.text).strip(),
                }
                for u in st.units
            ],
            "definitions": [{"term": d.term, "unit": st.unit(d.unit_id).label, "text": d.text} for d in st.definitions],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    typer.echo(
        f"{st.meta.title or file.name} [{st.language}, {st.meta.format}] — {len(st.units)} units, "
        f"{st.top_level_count()} sections/articles, {len(st.definitions)} definitions"
    )
    for u in st.units:
        typer.echo(f"{'  ' * u.depth}{u.label}  {u.heading}".rstrip())


class OutFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"
    html = "html"
    pdf = "pdf"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"


_BINARY = {"pdf", "xlsx", "docx"}
_VERDICT_MARK = {"covered": "✔ covered", "partial": "◐ partial", "missing": "✘ missing"}


def _read(file: Path, lang: str, ocr: str = "auto") -> Statute:
    from statutes import StatuteError, read_statute

    if lang not in STATUTE_LANGS:
        fail(f"--lang {lang}: not one of {', '.join(STATUTE_LANGS)}", EXIT_USAGE)
    try:
        st = read_statute(file, lang=None if lang == "auto" else lang, ocr=ocr)
    except StatuteError as exc:
        fail(str(exc))
    if st.meta.languages:
        from statutes.languages import describe_shares

        found = describe_shares(st.meta.languages)
        typer.echo(
            f"modellaw: note: {file} is multilingual ({found}); assessing its {st.language} text (--lang chooses)",
            err=True,
        )
    return st


def _print_table(a: Assessment) -> None:
    st = a.statute
    typer.echo(f"{st.title or st.path} [{a.language}] — {a.unit_count} units — model {a.model.id} ({a.model.version})")
    c, m = a.counts(), a.counts("mandatory")
    typer.echo(
        f"covered {c['covered']}, partial {c['partial']}, missing {c['missing']}; "
        f"mandatory: covered {m['covered']}, partial {m['partial']}, missing {m['missing']}"
    )
    flagged = sum(v.review for v in a.verdicts)
    if flagged:
        typer.echo(f"{flagged} verdicts need review (marked ?): their confidence is under the review threshold")
    order = {"missing": 0, "partial": 1, "covered": 2}
    status_order = {"mandatory": 0, "optional": 1, "general": 2}
    for v in sorted(a.verdicts, key=lambda v: (order[v.verdict], status_order[v.provision.status])):
        p = v.provision
        art = f"Art. {p.article}" if p.article else "—"
        units = ", ".join(dict.fromkeys(e.unit for e in v.evidence)) or "no clause found"
        mark = "?" if v.review else " "
        typer.echo(
            f"{_VERDICT_MARK[v.verdict]:<11} {v.confidence:.2f}{mark} {p.status:<9} {art:<8} {p.title}  [{units}]"
        )
        if v.human_review:
            r = v.human_review
            typer.echo(
                f"{'':<22}reviewed{' by ' + r.reviewer if r.reviewer else ''}: {r.note} (tool: {v.tool_verdict})"
            )
        for e in v.missing_elements:
            typer.echo(f"{'':<22}missing element: {e.label}")


@app.command()
def compare(
    statute: Path = typer.Argument(..., help="Statute: .txt .md .docx .pdf .html .xml (Akoma Ntoso)"),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    lang: str = typer.Option("auto", help="Statute language: auto, en, fr, es, ar, ru, pt."),
    fmt: OutFormat = typer.Option(OutFormat.table, "--format", help="table, json, md, html, pdf, csv, xlsx, docx."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
    report_lang: str = typer.Option(
        "auto", help="Report language: auto (the statute's language if it is one of en, fr, es, ar, ru, pt; else en)."
    ),
    fail_on_gaps: bool = typer.Option(False, help="Exit 1 when a mandatory provision is not covered."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="Apply the reviews recorded here (default $MODELLAW_DB, else the user's data folder)."
    ),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP),
) -> None:
    """Assess a statute against the Model Law: a verdict, confidence and evidence per provision.

    Reviews recorded for this statute's text (`modellaw review`, the web app) are applied: the reviewer's
    verdict is final and the tool's is shown beside it.
    """
    from analysis import assess

    m = _model(model)
    st = _read(statute, lang, ocr.value)
    a = _reviewed(assess(st, m), db, explicit=db is not None)
    if fmt is OutFormat.table:
        _print_table(a)
        if out:
            fail("--output needs --format json, md, html, pdf, csv, xlsx or docx", EXIT_USAGE)
    else:
        from reports import render
        from reports.docx import render_docx
        from reports.i18n import resolve_lang

        try:
            rl = resolve_lang(report_lang, a.language)
            data = render_docx(a, rl) if fmt is OutFormat.docx else render(a, fmt.value, rl)
        except ValueError as exc:
            fail(str(exc), EXIT_USAGE)
        if out:
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(data) if isinstance(data, bytes) else out.write_text(data, encoding="utf-8")
            except OSError as exc:
                fail(f"{out}: cannot write: {exc.strerror}")
            typer.echo(f"wrote {out}", err=True)
        elif fmt.value in _BINARY:
            fail(f"--format {fmt.value} needs -o FILE", EXIT_USAGE)
        else:
            typer.echo(data)
    if fail_on_gaps and a.mandatory_gaps():
        raise typer.Exit(EXIT_GAPS)


def _reviews_in_force(a: Assessment, db: Optional[Path], *, explicit: bool) -> Optional[dict]:
    """protection key -> the review in force for `a`'s statute text and model; None when there is no database yet."""
    from store import HistoryError, HistoryStore
    from store.paths import resolve_db

    path = resolve_db(db)
    if not path.is_file():
        if explicit:
            fail(f"{path}: no such database (record a review first, or leave out --db)")
        return None
    try:
        with HistoryStore(path) as store:
            return store.reviews(a.statute_sha256, a.model.id)
    except HistoryError as exc:
        fail(str(exc))


def _reviewed(a: Assessment, db: Optional[Path], *, explicit: bool) -> Assessment:
    """`a` with the reviews in force from the database applied (none when there is no database yet)."""
    from analysis.reviews import apply_reviews

    found = _reviews_in_force(a, db, explicit=explicit)
    return a if found is None else apply_reviews(a, found)


def _review_notes(a: Assessment, db: Optional[Path]) -> dict:
    """The reviews in force as annotate's comments show them (none without --db)."""
    from reports.annotate import ReviewNote

    found = _reviews_in_force(a, db, explicit=True) if db is not None else None
    return {key: ReviewNote(r.verdict, r.reviewer, r.note) for key, r in (found or {}).items()}


@app.command()
def annotate(
    draft: Path = typer.Argument(..., help="The draft bill or statute, as a Word .docx file."),
    out: Optional[Path] = typer.Option(
        None, "-o", "--output", help="Where to write the reviewed copy (default: DRAFT.reviewed.docx beside it)."
    ),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    lang: str = typer.Option("auto", help="Statute language: auto, en, fr, es, ar, ru, pt."),
    report_lang: str = typer.Option(
        "auto", help="Language of the comments: auto (the statute's), en, fr, es, ar, ru or pt."
    ),
    db: Optional[Path] = typer.Option(None, "--db", help="Database holding reviewers' verdicts, to show in comments."),
) -> None:
    """The draft itself, unchanged, with a Word comment on every paragraph the assessment cites."""
    from analysis import assess
    from reports.annotate import annotate_docx, is_docx
    from reports.i18n import normalize_lang, resolve_lang

    try:
        if report_lang.strip().lower() != "auto":
            report_lang = normalize_lang(report_lang)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    if draft.is_file() and not is_docx(draft):
        fail(f"{draft}: annotate writes comments into Word .docx files only; for other formats use `modellaw compare`")
    target = out or draft.with_name(f"{draft.stem}.reviewed.docx")
    if target.suffix.lower() != ".docx":
        fail(f"{target}: the reviewed copy must be a .docx file", EXIT_USAGE)
    if target.exists() and draft.exists() and target.resolve() == draft.resolve():
        fail(f"{target}: would overwrite the draft; give another -o", EXIT_USAGE)
    from statutes import StatuteError

    m = _model(model)
    st = _read(draft, lang)  # the reader's checks (size, zip bomb, hostile XML) run before python-docx opens it
    if st.meta.format != "docx":
        fail(f"{draft}: the file is {st.meta.format.upper()}, not Word .docx; for other formats use `modellaw compare`")
    a = assess(st, m)
    reviews = _review_notes(a, db)
    report_lang = resolve_lang(report_lang, a.language)
    try:
        res = annotate_docx(draft, target, a, report_lang, reviews=reviews, text=st.text)
    except StatuteError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror or exc}")
    typer.echo(
        f"wrote {res.path}: {res.comments} comments ({res.commented} paragraphs with evidence and a summary); "
        f"{res.aligned} of {res.with_text} paragraphs with text matched to the text read",
        err=True,
    )


def _benchmark(gold: Path, statutes_dir: Optional[Path], m: Model, held_out: bool) -> "Benchmark":
    """Assess and score the labelled folder, printing a warning for each file that could not be scored."""
    from analysis import benchmark

    if not gold.is_dir():
        fail(f"{gold}: not a folder of gold CSVs", EXIT_USAGE)
    b = benchmark.run(gold, statutes_dir or gold.parent / "statutes", m, held_out=held_out)
    for w in b.warnings:
        typer.echo(f"modellaw: warning: {w}", err=True)
    return b


def _review_benchmark(db: Optional[Path], m: Model, held_out: bool) -> "Benchmark":
    """The benchmark with the reviews in force as labels (store.labels)."""
    from analysis import benchmark
    from store import HistoryError, HistoryStore
    from store.labels import review_labels
    from store.paths import resolve_db

    path = resolve_db(db)
    if not path.is_file():
        fail(f"{path}: no such database: no review recorded yet")
    try:
        with HistoryStore(path) as store:
            labelled, warnings = review_labels(store, m)
    except HistoryError as exc:
        fail(str(exc))
    b = benchmark.run_labelled(labelled, m, held_out, warnings)
    for w in b.warnings:
        typer.echo(f"modellaw: warning: {w}", err=True)
    if not b.runs:
        fail(f"{path}: no reviewed statute could be scored", EXIT_INPUT)
    return b


@app.command()
def evaluate(
    gold: Optional[Path] = typer.Option(
        None, help="Folder of gold CSVs (key,verdict,units,notes), named like the statutes."
    ),
    reviews: bool = typer.Option(False, "--reviews", help="Score against the reviewers' decisions instead of gold."),
    db: Optional[Path] = typer.Option(None, "--db", help="With --reviews: the database (default $MODELLAW_DB...)."),
    statutes_dir: Optional[Path] = typer.Option(
        None, "--statutes", help="Folder of statutes (default: GOLD/../statutes)."
    ),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    show_errors: bool = typer.Option(False, "--errors", help="List every disagreement."),
    per_key: bool = typer.Option(False, "--keys", help="Also print the figures per protection key."),
    held_out: bool = typer.Option(
        True, "--held-out/--no-held-out", help="Also fit leave-one-statute-out calibrations (the honest figures)."
    ),
    save: Optional[Path] = typer.Option(
        None, "--save", metavar="FILE.json", help="Write every key verdict, its confidence and the figures to FILE."
    ),
    against: Optional[Path] = typer.Option(
        None, "--against", metavar="FILE.json", help="Show which verdicts moved since a run saved with --save."
    ),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
) -> None:
    """Score verdicts against expert labels: accuracy, kappa, macro-F1, false-covered, calibration, review."""
    from analysis import benchmark
    from reports.accuracy import format_benchmark

    m = _model(model)
    if reviews:
        b = _review_benchmark(db, m, held_out)
    elif gold is None:
        fail("give --gold FOLDER, or --reviews to score against the reviewers' decisions", EXIT_USAGE)
    else:
        b = _benchmark(gold, statutes_dir, m, held_out)
    if not b.runs:
        fail(f"{gold}: no gold file could be scored", EXIT_INPUT)
    d = b.to_dict()
    old = None
    if against is not None:
        try:
            old = json.loads(against.read_text(encoding="utf-8"))
            benchmark.changes(old, benchmark.saved(b))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            fail(f"{against}: not a saved evaluation ({exc})", EXIT_INPUT)
    if save is not None:
        try:
            save.write_text(json.dumps(benchmark.saved(b), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"{save}: cannot write ({exc.strerror or exc})", EXIT_INPUT)
    if fmt is ListFormat.json:
        typer.echo(json.dumps(d, indent=2, ensure_ascii=False))
        return
    if old is not None:
        typer.echo(benchmark.format_changes(old, benchmark.saved(b)))
        return
    errors = None
    if show_errors:
        errors = []
        for r in b.runs:
            kr = r.key_results
            errors.append(
                (
                    r.name,
                    [
                        (k, g, p, kr.get(k, {}).get("confidence", 0.0), kr.get(k, {}).get("review", True))
                        for k, g, p in r.scores.disagreements
                    ],
                )
            )
    typer.echo(format_benchmark(d, errors, per_key))


@app.command()
def calibrate(
    gold: Path = typer.Option(..., help="Folder of gold CSVs, named like the statutes."),
    statutes_dir: Optional[Path] = typer.Option(
        None, "--statutes", help="Folder of statutes (default: GOLD/../statutes)."
    ),
    model: str = typer.Option("tip-2009", help="Installed model id."),
    out: Optional[Path] = typer.Option(
        None, "-o", "--output", help="Where to write the calibration (default: the one shipped for the model)."
    ),
) -> None:
    """Refit the confidence calibration on the labelled corpus (run after adding labels or changing cues)."""
    from analysis import benchmark, calibration

    m = _model(model)
    b = _benchmark(gold, statutes_dir, m, True)
    if len(b.runs) < 2:
        fail(f"{gold}: at least two labelled statutes are needed to calibrate", EXIT_INPUT)
    cal = benchmark.refit(b)
    target = out or calibration.calibration_path(m.id)
    target.write_text(json.dumps(cal.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lo = cal.measured["leave_one_statute_out"]
    typer.echo(
        f"{target}: {len(cal.features)} features from {cal.measured['keys']} labelled keys in "
        f"{cal.measured['statutes']} statutes; review below {cal.review_below:.3f}; leave-one-statute-out "
        f"ECE {lo['ece']:.3f}, flagged {lo['review']['flagged_share']:.2f}, "
        f"unflagged accuracy {lo['review']['unflagged_accuracy']:.3f}"
    )


@app.command()
def batch(
    source: Path = typer.Argument(
        ...,
        metavar="DIR_OR_MANIFEST",
        help="A folder of statutes (.txt .md .docx .pdf .html .htm .xml), or a manifest CSV "
        "with columns country,title,year,language,path (paths relative to it).",
    ),
    out: Path = typer.Option(..., "-o", "--output", metavar="OUTDIR", help="Output folder."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (each loads the model once)."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    report_lang: str = typer.Option("en", help="Report language: en, fr, es, ar, ru, pt."),
    force: bool = typer.Option(False, "--force", help="Reassess every statute, even unchanged ones."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="History database (default $MODELLAW_DB, else OUTDIR/assessments.sqlite)."
    ),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP),
) -> None:
    """Assess every statute of a folder or manifest: reports, matrix, summary and an index page in OUTDIR.

    Writes OUTDIR/reports/NAME.html and .json per statute, matrix.csv, matrix.xlsx, summary.csv,
    failures.csv and index.html, and records every assessment in the history database. A rerun skips
    statutes that did not change (same file, model and tool version) unless --force; after Ctrl-C, rerun
    the same command to do the rest. Statutes that cannot be read are listed in failures.csv and the
    others carry on: the exit code is 0 even when some failed (the count is printed).
    """
    from pipeline.batch import BatchError, run_batch
    from reports.i18n import normalize_lang
    from store import HistoryError

    try:
        normalize_lang(report_lang)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    os.environ["MODELLAW_OCR"] = ocr.value  # read by statutes.readers in the workers too
    m = _model(model)
    if db is None and os.environ.get("MODELLAW_DB", "").strip():  # the shared database, when one is named
        db = Path(os.environ["MODELLAW_DB"]).expanduser()
    try:
        res = run_batch(source, out, jobs=jobs, model=m.path, report_lang=report_lang, force=force, db=db)
    except KeyboardInterrupt:
        typer.echo(
            f"modellaw: interrupted; finished statutes are recorded in {db or out / 'assessments.sqlite'}: "
            "run the same command again to assess the rest",
            err=True,
        )
        raise typer.Exit(130) from None
    except (BatchError, HistoryError, ModelError) as exc:
        fail(str(exc))
    typer.echo(
        f"{res.total} statute{'s' if res.total != 1 else ''}: {res.ok} ok, {res.failed} failed; "
        f"{res.assessed} assessed now, {res.skipped} unchanged and skipped"
    )
    if res.failed:
        typer.echo(f"{res.failed} failed: see {out / 'failures.csv'}")
    typer.echo(f"wrote {res.index}")


class HistoryFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def history(
    country: str = typer.Argument(..., help="Country as recorded (case-insensitive), or the statute's file name."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="History database, or a batch's OUTDIR (default $MODELLAW_DB, else the user's data folder)."
    ),
    fmt: HistoryFormat = typer.Option(HistoryFormat.table, "--format", help="table or json."),
    all_rows: bool = typer.Option(False, "--all", help="The full timeline, not only the verdicts that changed."),
    title: Optional[str] = typer.Option(None, help="Only assessments of the statute with this title."),
) -> None:
    """How each provision's verdict changed over the recorded assessments of a country."""
    from store import HistoryError, HistoryStore, render_timeline
    from store.paths import resolve_db

    path = resolve_db(db)
    if not path.is_file():
        fail(f"{path}: no history database (give --db PATH, e.g. a batch's OUTDIR/assessments.sqlite)")
    try:
        with HistoryStore(path) as store:
            tl = store.timeline(country, title=title, all_rows=all_rows)
            known = store.countries()
    except HistoryError as exc:
        fail(str(exc))
    if not tl["assessments"]:
        fail(f"{country}: no recorded assessment in {path} (countries: {', '.join(known) or 'none'})")
    typer.echo(render_timeline(tl, fmt.value))


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"


@app.command()
def diff(
    old: Path = typer.Argument(..., help="The earlier version (act, draft)."),
    new: Path = typer.Argument(..., help="The later version (amendment, revision)."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    lang: str = typer.Option("auto", help="Statute language: auto, en, fr, es, ar, ru, pt."),
    fmt: DiffFormat = typer.Option(DiffFormat.table, "--format", help="table, json or md."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP),
) -> None:
    """Two versions of a law: which gaps closed, which opened, and where the evidence changed."""
    from analysis import assess
    from analysis.diff import diff as diff_assessments
    from analysis.diff import render_changes

    m = _model(model)
    a_old, a_new = assess(_read(old, lang, ocr.value), m), assess(_read(new, lang, ocr.value), m)
    header = {"model": f"{m.id} {m.version}"}
    for side, a in (("old", a_old), ("new", a_new)):
        header[f"{side} title"] = a.statute.title or ""
    typer.echo(
        render_changes(
            diff_assessments(a_old, a_new), fmt.value, old_name=str(old), new_name=str(new), header=header
        ).rstrip("\n")
    )


class ReviewVerdict(str, Enum):
    covered = "covered"
    partial = "partial"
    missing = "missing"


reviews_app = typer.Typer(no_args_is_help=True, help="Reviewers' decisions: export them as gold labels.")
app.add_typer(reviews_app, name="reviews")


def _open_store(db: Optional[Path], *, create: bool) -> "HistoryStore":
    from store import HistoryError, HistoryStore
    from store.paths import resolve_db

    path = resolve_db(db)
    if not create and not path.is_file():
        fail(f"{path}: no such database: no review recorded yet")
    try:
        return HistoryStore(path)
    except HistoryError as exc:
        fail(str(exc))


@app.command()
def review(
    statute: Path = typer.Argument(..., help="The statute reviewed (any supported format)."),
    key: Optional[str] = typer.Option(None, "--key", help="The protection key reviewed (e.g. victim.compensation)."),
    verdict: Optional[ReviewVerdict] = typer.Option(None, "--verdict", help="covered, partial or missing."),
    note: str = typer.Option("", "--note", help="Why (shown in every report beside the tool's verdict)."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who decided (default: your user name)."),
    list_: bool = typer.Option(False, "--list", help="Show the reviews of this statute, superseded ones too."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    lang: str = typer.Option("auto", help="Statute language: auto, en, fr, es, ar, ru, pt."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="Database (default $MODELLAW_DB, else the user's data folder)."
    ),
) -> None:
    """Record a reviewer's verdict on one protection key of a statute (it overrides the tool's), or --list them."""
    import getpass

    from analysis import assess

    m = _model(model)
    st = _read(statute, lang)
    a = assess(st, m)
    if list_:
        with _open_store(db, create=False) as store:
            rows = store.review_rows(a.statute_sha256, m.id, superseded=True)
        tool = a.key_verdicts()
        if not rows:
            typer.echo(f"{statute}: no review recorded (sha256 {a.statute_sha256[:12]})")
            return
        for r in rows:
            mark = "" if r["current"] else "  (superseded)"
            typer.echo(
                f"{r['at'][:16].replace('T', ' ')}  {r['key']:<36} {r['verdict']:<8} (tool: {tool.get(r['key'], '-')})"
                f"  {r['reviewer'] or '-'}: {r['note']}{mark}"
            )
        return
    if key is None or verdict is None:
        fail("give --key KEY and --verdict covered|partial|missing (or --list)", EXIT_USAGE)
    known = {k.id for k in m.keys} | {k for p in m.provisions for k in p.keys}
    if key not in known:
        fail(f"--key {key}: not a protection key of {m.id} (see `modellaw provisions list`)", EXIT_USAGE)
    if reviewer is None:
        try:
            reviewer = getpass.getuser()
        except (OSError, KeyError):
            reviewer = ""
    with _open_store(db, create=True) as store:
        if store.statute_for_sha(a.statute_sha256) is None:  # so export and evaluate can find the file again
            import hashlib

            store.record(a, path=str(statute.resolve()), file_sha256=hashlib.sha256(statute.read_bytes()).hexdigest())
        store.add_review(a.statute_sha256, m.id, key, verdict.value, note=note, reviewer=reviewer)
        path = store.path
    typer.echo(f"{statute}: {key} reviewed {verdict.value} (tool: {a.key_verdicts().get(key, '-')}); in {path}")


@reviews_app.command("export")
def reviews_export(
    outdir: Path = typer.Argument(..., metavar="DIR", help="Folder for the gold CSVs (created)."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
    db: Optional[Path] = typer.Option(
        None, "--db", help="Database (default $MODELLAW_DB, else the user's data folder)."
    ),
) -> None:
    """Write the reviews in force as gold CSVs (key,verdict,units,notes), one per statute, named like its file."""
    from store.labels import export_gold

    m = _model(model)
    with _open_store(db, create=False) as store:
        try:
            written = export_gold(store, m.id, outdir)
        except OSError as exc:
            fail(f"{outdir}: cannot write ({exc.strerror or exc})")
    for p in written:
        typer.echo(f"wrote {p}")
    if not written:
        typer.echo("no review recorded for this model")


@app.command()
def serve(
    db: Optional[Path] = typer.Option(
        None, "--db", help="Database (default $MODELLAW_DB, else the user's data folder)."
    ),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (only this machine by default)."),
    port: int = typer.Option(8765, min=1, max=65535, help="Port."),
    model: str = typer.Option("tip-2009", help="Installed model id or a model XML file."),
) -> None:
    """A local web app: upload a statute, read it beside the Model Law, review verdicts in place."""
    import uvicorn

    from server.app import create_app
    from store.paths import resolve_db

    m = _model(model)
    typer.echo(f"modellaw: serving on http://{host}:{port}/ (database {resolve_db(db)}); Ctrl-C to stop", err=True)
    uvicorn.run(create_app(resolve_db(db), m), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
