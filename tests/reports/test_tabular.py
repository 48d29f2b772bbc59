"""CSV and Excel: one row per provision; no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from reports import render, write_report
from reports.tabular import CSV_COLUMNS, escape_cell


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("s. 3(1)", "s. 3(1)"),
        (" =1", " =1"),
        ("a=b", "a=b"),
        ("", ""),
        (0.5, 0.5),
        (None, None),
        ("bad\x0bchar", "bad char"),
    ],
)
def test_escape_cell(value, expected):
    assert escape_cell(value) == expected


def test_csv_one_row_per_provision(assessment):
    text = render(assessment, "csv", "fr")  # the CSV is for machines: English columns and codes in any language
    rows = list(csv.DictReader(io.StringIO(text)))
    assert (
        tuple(rows[0].keys())
        == CSV_COLUMNS
        == (
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
    )
    assert [r["id"] for r in rows] == [p.id for p in assessment.model.provisions]
    comp = next(r for r in rows if r["id"] == "compensation")
    assert comp == {
        "id": "compensation",
        "article": "",
        "keys": "victim.compensation",
        "title": "Compensation for victims (title ours)",
        "status": "mandatory",
        "verdict": "partial",
        "confidence": "0.7",
        "review": "true",
        "missing_elements": "Covers material and moral damage; A State fund for victims",
        "evidence_units": "s. 17(1)",
    }
    assert text == render(assessment, "csv", "en")


def test_csv_cells_are_never_formulas(assessment, model, replace):
    v = assessment.verdicts[0]
    evil = replace(v.provision, title='=HYPERLINK("http://evil.example","x")', keys=("+cmd",))
    a = replace(assessment, verdicts=[replace(v, provision=evil)] + assessment.verdicts[1:])
    rows = list(csv.reader(io.StringIO(render(a, "csv"))))
    assert rows[1][3] == '\'=HYPERLINK("http://evil.example","x")' and rows[1][2] == "'+cmd"
    for row in rows:
        assert not any(c.startswith(("=", "+", "-", "@")) for c in row), row


def test_write_report_keeps_csv_bytes(assessment, tmp_path):
    path = write_report(assessment, "csv", tmp_path / "out" / "r.csv")
    assert path.read_bytes() == render(assessment, "csv").encode("utf-8")
    assert b"\r\n" in path.read_bytes() and b"\r\r\n" not in path.read_bytes()


def _workbook(data: bytes):
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_sheets_and_rows(assessment):
    data = render(assessment, "xlsx")
    assert isinstance(data, bytes) and data[:2] == b"PK"
    wb = _workbook(data)
    assert wb.sheetnames == ["Summary", "Provisions", "Evidence"]
    prov = list(wb["Provisions"].iter_rows(values_only=True))
    assert prov[0] == (
        "Provision",
        "Article",
        "Protection keys",
        "Title",
        "Chapter",
        "Status",
        "Verdict",
        "Confidence",
        "Review",
        "Missing elements",
        "Evidence units",
    )
    assert [r[0] for r in prov[1:]] == [p.id for p in assessment.model.provisions]
    assert prov[4][:9] == (
        "compensation",
        None,
        "victim.compensation",
        "Compensation for victims (title ours)",
        "VII. Protection of victims",
        "Mandatory",
        "Partly covered",
        0.7,
        "needs review",  # its confidence is under the review threshold
    )
    evidence = list(wb["Evidence"].iter_rows(values_only=True))
    assert len(evidence) - 1 == sum(len(v.evidence) for v in assessment.verdicts)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Statute"] == "Prevention of Trafficking in Persons Act"
    assert summary["Mandatory provisions — Missing"] == 1 and summary["schema"] == "modellaw.assessment/1"
    assert wb["Provisions"].freeze_panes == "A2"


def test_xlsx_formulas_are_inert(hostile):
    """A statute quoting =HYPERLINK(...) must come back from openpyxl as text, not as a formula."""
    import pandas as pd

    data = render(hostile, "xlsx")
    wb = _workbook(data)
    formulas = [
        (ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert formulas == []
    quotes = [c.value for row in wb["Evidence"].iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://evil.example/x","click")' in quotes
    assert any(q.startswith("'-1+2 {{ 7*7 }}") for q in quotes)
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Country"] == "'@SUM(A1:A9)" and summary["Year"] == "'+2012"
    for value in pd.read_excel(io.BytesIO(data), sheet_name=None, header=None).values():
        cells = [c for c in value.to_numpy().ravel() if isinstance(c, str)]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


def test_xlsx_follows_the_report_language(assessment_ar):
    wb = _workbook(render(assessment_ar, "xlsx", "ar"))
    assert wb.sheetnames == ["الملخص", "الأحكام", "الأدلة"]
    ws = wb["الأحكام"]
    assert ws.sheet_view.rightToLeft is True
    header = [c.value for c in ws[1]]
    assert header[0] == "الحكم" and header[6] == "النتيجة"
    assert [c.value for c in ws[5]][6] == "مشمول جزئيًا"
