"""The HTML report in a real browser: headless Chromium, offline (every host name resolves to nothing).

Skipped, with the reason, only when /usr/bin/chromium is absent (`make test` installs it).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reports import write_report


class DomText(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.html_attrs: dict = {}
        self._skip = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "html":
            self.html_attrs = dict(attrs)
        self._skip = tag in ("style", "title")

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def test_report_renders_with_its_headings(assessment, chromium, tmp_path):
    page = write_report(assessment, "html", tmp_path / "report.html")
    dom = DomText(chromium.dump_dom(page))
    for h in (
        "Gap analysis report",
        "About this assessment",
        "Executive summary",
        "Missing protections",
        "Covered provisions",
        "Method",
        "Article 14 (number unverified) — Attempt",
        "No article number — Compensation for victims",
        "Closest clause found: s. 17(1)",
        "does not replace it",
    ):
        assert h in dom.text, h
    assert dom.html_attrs == {"lang": "en", "dir": "ltr"}
    assert "script" not in dom.tags


def test_no_request_leaves_the_page(assessment, hostile, chromium, tmp_path):
    # Positive control: the NetLog check does see a page that asks for a remote image and stylesheet.
    probe = tmp_path / "probe.html"
    probe.write_text(
        '<!DOCTYPE html><meta charset="utf-8"><title>p</title><img src="http://probe.invalid/x.png">'
        '<link rel="stylesheet" href="https://probe.invalid/a.css">',
        encoding="utf-8",
    )
    seen = chromium.page_requests(probe)
    assert "http://probe.invalid/x.png" in seen and "https://probe.invalid/a.css" in seen
    for name, a in (("plain", assessment), ("hostile", hostile)):
        page = write_report(a, "html", tmp_path / f"{name}.html")
        assert chromium.page_requests(page) == [], name


def test_hostile_statute_words_stay_text_in_the_browser(hostile, chromium, tmp_path):
    page = write_report(hostile, "html", tmp_path / "hostile.html")
    dom_html = chromium.dump_dom(page)
    dom = DomText(dom_html)
    assert "script" not in dom.tags and "img" not in dom.tags and "b" not in dom.tags
    assert "Whoever recruits <script>alert(1)</script> a person commits an offence {{ 7*7 }}." in dom.text
    assert not re.search(r"\b49\b", dom.text)
    assert "Gap analysis report" in dom.text  # the page was not broken by the words either


def _ink_columns(png, top: int, bottom: int) -> tuple[int, int]:
    """Leftmost and rightmost column with dark pixels in a horizontal band of a screenshot."""
    from PIL import Image

    img = Image.open(png).convert("L")
    band = img.crop((0, top, img.width, bottom))
    xs = [x for x in range(band.width) for y in range(0, band.height, 2) if band.getpixel((x, y)) < 100]
    assert xs, "nothing drawn in the band"
    return min(xs), max(xs)


def test_arabic_report_is_right_to_left_in_the_browser(assessment, assessment_ar, chromium, tmp_path):
    page = write_report(assessment_ar, "html", tmp_path / "report-ar.html", lang="ar")
    dom = DomText(chromium.dump_dom(page))
    assert dom.html_attrs == {"lang": "ar", "dir": "rtl"}
    for h in (
        "تقرير تحليل الثغرات",
        "الملخص التنفيذي",
        "الحمايات الغائبة",
        "الأحكام المشمولة",
        "المنهجية",
        "أقرب نص عُثر عليه",
        "للمجني عليه الحق في التعويض عن الضرر الذي لحق به.",
    ):
        assert h in dom.text, h
    # Laid out right to left: the title's ink sits against the right edge, the English one's against the left.
    en_page = write_report(assessment, "html", tmp_path / "report-en.html", lang="en")
    ar_left, ar_right = _ink_columns(chromium.screenshot(page), 20, 60)
    en_left, en_right = _ink_columns(chromium.screenshot(en_page), 20, 60)
    assert ar_left > 500 and ar_right > 700, (ar_left, ar_right)  # the right half of a 1000 px window
    assert en_left < 300 and en_right < 500, (en_left, en_right)  # the left half
