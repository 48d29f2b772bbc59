"""PDF reports (WeasyPrint): A4 pages whose text, read back with pdftotext, holds the missing protections."""

from __future__ import annotations

import io
import re
import unicodedata

from reports import render, write_report


def _pages(pdf: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(pdf)).pages


def test_pdf_is_a4_and_reads_back(assessment, pdftotext, tmp_path):
    pdf = render(assessment, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF-")
    pages = _pages(pdf)
    assert 2 <= len(pages) <= 12
    for page in pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1  # A4 in points
    path = write_report(assessment, "pdf", tmp_path / "report.pdf")
    text = " ".join(pdftotext(path).split())
    for words in (
        "Gap analysis report",
        "Missing protections",
        "Mandatory provisions",
        "Article 14 (number unverified) — Attempt",
        "No article number — Compensation for victims",
        "Article 10 — Non-liability of victims",
        "Closest clause found:",
        "The court may make a compensation order",
        "Covered provisions",
        "Method",
        "does not replace it",
    ):
        assert words in text, words
    gaps = text.index("Missing protections")
    assert gaps < text.index("Article 14 (number unverified) — Attempt", gaps) < text.index("Covered provisions")
    assert f"1/{len(pages)}" in text.replace(" ", "")  # page numbers in the footer


def test_pdf_renderer_never_fetches(hostile, monkeypatch):
    """WeasyPrint gets a fetcher that allows data: URLs only: no network, no local files."""
    import urllib.request

    from weasyprint import HTML

    from reports.render import _offline_fetcher

    opened = []
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", lambda self, *a, **k: opened.append(a) or 1 / 0)
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: opened.append(a) or 1 / 0)
    page = (
        '<html><head><link rel="stylesheet" href="http://probe.invalid/a.css">'
        '<style>@import url("file:///etc/hostname"); body { background: url(https://probe.invalid/b.png) }</style>'
        '</head><body><p>x</p><img src="http://probe.invalid/x.png"><img src="file:///etc/hostname"></body></html>'
    )
    assert HTML(string=page, url_fetcher=_offline_fetcher()).write_pdf().startswith(b"%PDF-")
    assert render(hostile, "pdf").startswith(b"%PDF-")
    assert opened == []


def test_arabic_pdf_text_extracts(assessment_ar, pdftotext, tmp_path):
    path = write_report(assessment_ar, "pdf", tmp_path / "report-ar.pdf", lang="ar")
    text = arabic_text(pdftotext(path))
    assert len(_pages(path.read_bytes())) >= 2
    for words in (
        "تقرير تحليل الثغرات",
        "الحمايات الغائبة",
        "الأحكام الإلزامية",
        "أقرب نص عُثر عليه",
        "المنهجية",
        "للمجني عليه الحق في التعويض",
        "Compensation for victims",
    ):
        assert words in text or lam_alef_swapped(words) in text, words
    assert "مشمول جزئيًا" in text or lam_alef_swapped("مشمول جزئيًا") in text


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def arabic_text(raw: str) -> str:
    """pdftotext output made comparable: bidi marks dropped, presentation forms folded (NFKC)."""
    return " ".join(unicodedata.normalize("NFKC", raw.translate(BIDI_CONTROLS)).split())


def lam_alef_swapped(words: str) -> str:
    """poppler gives the lam-alef ligature's two letters in visual order (لا -> ال); expect that too."""
    return re.sub("ل([اأإآ])", r"\1ل", words)
