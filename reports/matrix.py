"""A batch's tables: summary.csv, failures.csv, matrix.csv and matrix.xlsx (no live formula, cells escaped)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Iterable

from reports.tabular import escape_cell

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MATRIX_ID_COLUMNS", "SUMMARY_COLUMNS", "csv_bytes", "matrix_frame", "matrix_xlsx"]

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


def csv_bytes(header: Iterable[object], rows: Iterable[Iterable[object]]) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([escape_cell(h) for h in header])
    for r in rows:
        w.writerow([escape_cell(c) for c in r])
    return buf.getvalue().encode("utf-8")


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
            if kv.get("review"):  # a person's review: theirs is the verdict, the tool's and the note beside it
                for part, value in (("tool_verdict", kv["tool_verdict"]), ("review_note", kv["review"]["note"])):
                    col = f"key:{k}:{part}"
                    key_cols.setdefault(col)
                    d[col] = value
        records.append(d)
    columns = [*cols, *prov_cols, *key_cols]
    return pd.DataFrame(
        [[escape_cell(d.get(c, "")) for c in columns] for d in records],
        columns=[escape_cell(c) for c in columns],
        dtype=object,
    )


def matrix_xlsx(df: pd.DataFrame, summary_rows: list[dict]) -> bytes:
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
