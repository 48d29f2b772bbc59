"""Statute text (and its title and country) cannot inject markup, script or template code into a
report, and rendering a report never fetches anything — proven end to end through the CLI.

Unit-level tests with hand-built assessments are in tests/reports/test_html.py
(::test_statute_words_are_text_not_markup_or_template, ::test_nothing_points_outside_the_page),
tests/reports/test_markdown.py, tests/reports/test_tabular.py (spreadsheet formulas) and
tests/reports/test_pdf.py::test_pdf_renderer_never_fetches (monkeypatched fetcher).

User-supplied report templates are not supported (the templates are fixed files in
reports/templates/), so no template sandbox is needed: see SECURITY.md.
"""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lhtml

from .conftest import SAMPLE, run_cli

SCRIPT = '<script>alert("xss")</script>'
TEMPLATE = "{{ 7*7 }}"
STATEMENT = "{% for x in range(3) %}loop{% endfor %}"
JS_LINK = '<a href="javascript:alert(1)">click</a>'
MD_LINK = "[md-link](javascript:alert(2))"
IMG = '<img src="{url}/evil.png" onerror="alert(3)"><link rel="stylesheet" href="{url}/evil.css">'
HOSTILE = f" {MD_LINK} {SCRIPT} {TEMPLATE} {STATEMENT} {JS_LINK}"


def _hostile_statute(tmp_path, url: str = "http://127.0.0.1:9") -> tuple:
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace(
        "# title: Counter-Trafficking in Persons Act, 2010", f"# title: Act {SCRIPT} {TEMPLATE} {STATEMENT}", 1
    )
    text = text.replace("# country: Kenya", "# country: javascript:alert(4)", 1)
    anchor = "for the purpose of exploitation by means of—"
    assert anchor in text
    text = text.replace(anchor, anchor[:-1] + HOSTILE + " " + IMG.format(url=url) + " —", 1)
    p = tmp_path / "hostile.txt"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def html_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inject")
    statute = _hostile_statute(tmp)
    out = tmp / "out.html"
    proc = run_cli("compare", statute, "--format", "html", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return out.read_text(encoding="utf-8")


def test_html_report_escapes_statute_text(html_report):
    page = html_report
    # the hostile clause is quoted as evidence, so it really went through the template
    assert "for the purpose of exploitation by means of" in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page
    assert "<script" not in page.lower()  # the report has no script at all
    assert TEMPLATE in page and STATEMENT in page  # shown literally: statute text is data, never a template
    assert "loop loop" not in page and "loop" in page
    doc = lhtml.fromstring(page)
    assert not doc.xpath("//script | //iframe | //object | //embed | //img | //link[@rel='stylesheet']")
    for el in doc.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert "javascript:" not in value.lower(), (el.tag, name, value)
    text = doc.text_content()
    assert f"Act {SCRIPT} {TEMPLATE} {STATEMENT}" in " ".join(text.split())  # the title, as text
    assert 'href="javascript:alert(1)"' not in page and "javascript:alert(4)" in text


def test_markdown_report_escapes_statute_text(tmp_path):
    proc = run_cli("compare", _hostile_statute(tmp_path), "--format", "md")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "for the purpose of exploitation by means of" in md
    assert r"\<script\>alert(" in md and r"\[md-link\](javascript:alert(2))" in md
    unescaped = re.compile(r"(?<!\\)(<script|<img|<a |<link|\]\(javascript:)", re.I)
    assert not unescaped.search(md), unescaped.search(md)


def test_json_report_keeps_text_verbatim(tmp_path):
    """JSON is data: the words are kept exactly (escaping is the consumer's job, done by json.dumps)."""
    proc = run_cli("compare", _hostile_statute(tmp_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    strings: list[str] = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str):
            strings.append(v)

    walk(json.loads(proc.stdout))
    assert any(SCRIPT in s and TEMPLATE in s for s in strings)


def test_pdf_report_fetches_nothing(tmp_path, http_recorder):
    """Image, stylesheet and url() references in statute text point at a live local server: no request."""
    statute = _hostile_statute(tmp_path, http_recorder.url)
    out = tmp_path / "out.pdf"
    proc = run_cli("compare", statute, "--format", "pdf", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    http_recorder.assert_no_request()
