"""Markdown reports: golden files per language, and statute words that never become markup.

Regenerate the golden files after a deliberate change with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/reports -q
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reports import render

GOLDEN = Path(__file__).parents[1] / "fixtures" / "reports" / "golden"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from the golden file; if intended, regenerate with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ru", "pt"])
def test_markdown_golden(assessment, lang):
    golden(f"report.{lang}.md", render(assessment, "md", lang))


def test_markdown_golden_arabic(assessment_ar):
    golden("report.ar.md", render(assessment_ar, "md", "ar"))


def _sections(md: str) -> list[str]:
    return [line for line in md.splitlines() if line.startswith("## ")]


def test_markdown_content_in_order(assessment):
    md = render(assessment, "md")
    assert _sections(md) == [
        "## Executive summary",
        "## About this assessment",
        "## Statute, model and tool",
        "## Missing protections",
        "## Covered provisions",
        "## Method",
    ]
    gaps = md[md.index("## Missing protections") : md.index("## Covered provisions")]
    # mandatory first, then optional; within each the model's chapter order
    order = [
        gaps.index(h)
        for h in (
            "### Mandatory provisions",
            "#### Article 14 (number unverified) — Attempt",
            "#### No article number — Compensation for victims",
            "### Optional provisions",
            "#### Article 10 — Non-liability of victims",
            "#### No article number — Privacy and identity of victims",
        )
    ]
    assert order == sorted(order)
    assert "Article 8" not in gaps and "Trafficking in persons" not in gaps  # covered: not a gap
    assert "**Closest clause found:** s. 17(1)" in gaps
    assert "> The court may make a compensation order" in gaps
    assert "- A State fund for victims (not essential)" in gaps
    assert "*No related clause was found in the statute.*" in gaps  # Article 14 has no clause at all
    covered = md[md.index("## Covered provisions") : md.index("## Method")]
    assert "**s. 21**" in covered and "> The Minister may issue a temporary residence permit" in covered
    assert "does not replace it" in md[md.index("## Method") :]
    assert "| Mandatory provisions | 1 | 1 | 1 |" in md


def test_markdown_is_translated(assessment, assessment_ar):
    fr = render(assessment, "md", "fr")
    assert _sections(fr) == [
        "## Résumé analytique",
        "## À propos de cette évaluation",
        "## Loi, modèle et outil",
        "## Protections manquantes",
        "## Dispositions couvertes",
        "## Méthode",
    ]
    assert "Sans numéro d’article — Compensation for victims" in fr  # interface French, model words as written
    es = render(assessment, "md", "es")
    assert "## Protecciones ausentes" in es and "Artículo 14 (número no verificado) — Attempt" in es
    ar = render(assessment_ar, "md", "ar")
    assert "## الحمايات الغائبة" in ar and "#### المادة 14 (رقم غير مُتحقَّق منه) — Attempt" in ar
    assert "> للمجني عليه الحق في التعويض عن الضرر الذي لحق به." in ar
    # Article 14 has no Arabic cue in the model: the report says the verdict is unreliable, in Arabic
    assert "لا يتضمن النموذج أي مؤشرات بلغة القانون لهذا الحكم" in ar


def test_statute_words_never_become_markdown(hostile):
    md = render(hostile, "md")
    bodies = [line.removeprefix("> ") for line in md.splitlines()]  # the template's own blockquote marks
    assert not [b for b in bodies if re.search(r"(?<!\\)[<>]", b)]  # no bare angle bracket: no HTML in a viewer
    assert r"\<script\>alert(1)\</script\>" in md
    assert "{{ 7\\*7 }}" in md and not re.search(r"\b49\b", md)  # template syntax is text, not evaluated
    assert "**Act \\<script\\>alert(1)\\</script\\> {{ 7\\*7 }}**" in md
    # a quote that starts like a list item stays one line of quoted text
    assert '> -1+2 {{ 7\\*7 }} \\<img src="http://evil.example/p.png"\\>' in md
    assert "| Country | @SUM(A1:A9) |" in md
