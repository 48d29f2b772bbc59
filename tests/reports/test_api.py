"""The public API of reports: render() and write_report() for every format."""

from __future__ import annotations

import json

import pytest

from reports import BINARY_FORMATS, FORMATS, render, write_report


def test_formats():
    assert FORMATS == ("json", "md", "html", "pdf", "csv", "xlsx") and set(BINARY_FORMATS) == {"pdf", "xlsx"}


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv", "xlsx", "pdf"])
def test_render_and_write(assessment, tmp_path, fmt):
    data = render(assessment, fmt, "en")
    assert isinstance(data, bytes if fmt in BINARY_FORMATS else str) and data
    path = write_report(assessment, fmt, tmp_path / "deep" / f"report.{fmt}", "en")
    assert path.exists()
    if fmt in BINARY_FORMATS:
        assert path.read_bytes()[:2] in (b"PK", b"%P")
    else:
        assert path.read_bytes() == data.encode("utf-8")


def test_unknown_format_is_refused(assessment):
    with pytest.raises(ValueError, match="unknown report format 'docx'; choose one of: json, md, html, pdf, csv, xlsx"):
        render(assessment, "docx")
    assert render(assessment, "MD") == render(assessment, "markdown") == render(assessment, "md")


def test_rendering_is_deterministic(assessment):
    for fmt in ("json", "md", "html", "csv"):
        assert render(assessment, fmt) == render(assessment, fmt)


def test_no_evidence_no_gaps(assessment, replace):
    """Edge cases: everything covered; nothing covered; an empty model."""
    all_covered = replace(assessment, verdicts=[replace(v, verdict="covered") for v in assessment.verdicts])
    md = render(all_covered, "md")
    assert "*No missing protections were found.*" in md and "*None: every mandatory protection is covered.*" in md
    none = replace(assessment, verdicts=[replace(v, verdict="missing", evidence=[]) for v in assessment.verdicts])
    html = render(none, "html")
    assert "No provision is fully covered." in html
    empty = replace(assessment, verdicts=[])
    assert json.loads(render(empty, "json"))["summary"]["total"] == 0
    assert "No missing protections were found." in render(empty, "html")


def test_unparseable_date_is_shown_as_given(assessment, replace):
    assert "sometime" in render(replace(assessment, created="sometime"), "md")
