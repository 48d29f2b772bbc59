"""Reports: the assessment as JSON (a stable contract), Markdown, HTML, PDF, CSV and Excel.

    from reports import render, write_report, assessment_to_dict
    html = render(assessment, "html", lang="fr")
    write_report(assessment, "pdf", "out/report.pdf", lang="ar")

The JSON contract (schema `modellaw.assessment/1`) is documented in docs/json-contract.md.
"""

from reports.contract import SCHEMA, assessment_to_dict
from reports.i18n import languages
from reports.render import BINARY_FORMATS, FORMATS, render, write_report

__all__ = ["BINARY_FORMATS", "FORMATS", "SCHEMA", "assessment_to_dict", "languages", "render", "write_report"]
