"""CSV and Excel reports: one row per provision, in the model's order.

Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return) as a
formula, so a statute quoting "=HYPERLINK(...)" could become a live link or a command. Every
text cell that starts so is prefixed with an apostrophe, in the CSV as in the workbook.
The CSV is for machines: English column names and the codes of the JSON contract, whatever
the report language. The workbook is for people: its headers and words follow the language.
"""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING, Sequence, cast

from analysis.types import Assessment, Verdict
from reports.contract import SCHEMA
from reports.i18n import N_, STATUS_LABELS, VERDICT_LABELS, is_rtl, language_name, translations
from reports.view import article_cell, display_title, format_created, localised_assessment

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters an XML 1.0 document (and so an .xlsx) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CSV_COLUMNS = (
    "id",
    "article",
    "keys",
    "title",
    "status",
    "verdict",
    "confidence",
    "review",
    "missing_elements",
    "evidence_units",
)


def escape_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert; other values unchanged."""
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub(" ", value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def _units(v: Verdict) -> list[str]:
    return list(dict.fromkeys(e.unit for e in v.evidence))


def provision_row(v: Verdict) -> list:
    p = v.provision
    return [
        p.id,
        p.article or "",
        ";".join(p.keys),
        p.title,
        p.status,
        v.verdict,
        round(float(v.confidence), 3),
        "true" if v.review else "false",
        "; ".join(e.label for e in v.missing_elements),
        "; ".join(_units(v)),
    ]


# Added when a person reviewed a verdict of the statute (analysis.reviews): `verdict` is then theirs.
CSV_REVIEW_COLUMNS = ("tool_verdict", "reviewer", "review_note", "reviewed_at")


def _review_cells(v: Verdict) -> list:
    r = v.human_review
    return [v.tool_verdict or "", r.reviewer, r.note, r.at] if r else ["", "", "", ""]


def render_csv(a: Assessment) -> str:
    reviewed = any(v.human_review for v in a.verdicts)
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS + (CSV_REVIEW_COLUMNS if reviewed else ()))
    for v in a.verdicts:
        w.writerow([escape_cell(c) for c in provision_row(v) + (_review_cells(v) if reviewed else [])])
    return buf.getvalue()


# Workbook headers, translated where shown.
H_PROVISIONS = (
    N_("Provision"),
    N_("Article"),
    N_("Protection keys"),
    N_("Title"),
    N_("Chapter"),
    N_("Status"),
    N_("Verdict"),
    N_("Confidence"),
    N_("Review"),
    N_("Missing elements"),
    N_("Evidence units"),
)
H_REVIEWS = (N_("Tool's verdict"), N_("Reviewer"), N_("Reviewer's note"), N_("Reviewed"))
H_EVIDENCE = (N_("Provision"), N_("Article"), N_("Verdict"), N_("Unit"), N_("Quoted words"), N_("Score"))


def render_xlsx(a: Assessment, lang: str = "en") -> bytes:
    import pandas as pd

    tr = translations(lang)
    _ = tr.gettext

    def pgettext(context: str, message: str) -> str:
        # babel annotates it "str | object" (for a sentinel that never escapes): it returns the str
        return cast(str, tr.pgettext(context, message))

    a = localised_assessment(a, lang)[0]  # the model's words in the report language, as in HTML and PDF
    st = a.statute
    counts, mandatory = a.counts(), a.counts("mandatory")
    summary = [
        (_("Statute"), st.title or ""),
        (_("Country"), st.country or ""),
        (_("Year"), str(st.year or "")),
        (_("Language of the statute"), language_name(a.language, lang)),
        (_("Model law"), f"{a.model.title} ({a.model.id})"),
        (_("Model version"), a.model.version),
        (_("Assessment date"), format_created(a.created, lang)),
        (_("Tool"), f"modellaw {a.tool_version}"),
        (_("Citable units read"), a.unit_count),
        (_("Fingerprint (SHA-256)"), a.statute_sha256 or ""),
        ("schema", SCHEMA),
        ("", ""),
        (_("Mandatory provisions") + " — " + pgettext("count", "Covered"), mandatory["covered"]),
        (_("Mandatory provisions") + " — " + pgettext("count", "Partly covered"), mandatory["partial"]),
        (_("Mandatory provisions") + " — " + pgettext("count", "Missing"), mandatory["missing"]),
        (_("All provisions") + " — " + pgettext("count", "Covered"), counts["covered"]),
        (_("All provisions") + " — " + pgettext("count", "Partly covered"), counts["partial"]),
        (_("All provisions") + " — " + pgettext("count", "Missing"), counts["missing"]),
    ]
    provisions, evidence = [], []
    reviewed = any(v.human_review for v in a.verdicts)
    for v in a.verdicts:
        p = v.provision
        verdict = _(VERDICT_LABELS.get(v.verdict, v.verdict))
        provisions.append(
            [
                p.id,
                article_cell(p.article, lang, p.verified),
                "; ".join(p.keys),
                display_title(p.title, lang),
                f"{p.chapter}. {p.chapter_title}",
                _(STATUS_LABELS.get(p.status, p.status)),
                verdict,
                round(float(v.confidence), 3),
                _("needs review") if v.review else "",
                "; ".join(e.label for e in v.missing_elements),
                "; ".join(_units(v)),
            ]
            + (
                [_(VERDICT_LABELS.get(v.tool_verdict or "", v.tool_verdict or "")), *_review_cells(v)[1:]]
                if reviewed
                else []
            )
        )
        for e in v.evidence:
            evidence.append(
                [p.id, article_cell(p.article, lang, p.verified), verdict, e.unit, e.text, round(float(e.score), 3)]
            )

    def frame(rows: Sequence[Sequence[object]], headers: Sequence[str]) -> pd.DataFrame:
        return pd.DataFrame(
            [[escape_cell(c) for c in row] for row in rows], columns=[escape_cell(h) for h in headers], dtype=object
        )

    sheets = [
        (_("Summary"), frame(summary, ("", "")), [40, 70]),
        (
            _("Provisions"),
            frame(provisions, [_(h) for h in H_PROVISIONS + (H_REVIEWS if reviewed else ())]),
            [18, 8, 24, 34, 26, 12, 14, 11, 14, 40, 24] + ([14, 16, 40, 20] if reviewed else []),
        ),
        (_("Evidence"), frame(evidence, [_(h) for h in H_EVIDENCE]), [18, 8, 14, 14, 80, 8]),
    ]
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df, widths in sheets:
            sheet = _sheet_name(name)
            df.to_excel(xw, sheet_name=sheet, index=False, header=name != _("Summary"))
            ws = xw.sheets[sheet]
            _style(ws, widths, rtl=is_rtl(lang), header=name != _("Summary"))
    return buf.getvalue()


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "Sheet"


def _style(ws: Worksheet, widths: Sequence[int], rtl: bool, header: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.sheet_view.rightToLeft = rtl
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = wrap
            # Belt and braces: a string cell is never stored as a formula, whatever pandas did.
            if cell.data_type == "f":
                cell.value = "'" + str(cell.value)
                cell.data_type = "s"
    if header:
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
