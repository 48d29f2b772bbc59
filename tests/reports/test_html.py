"""The HTML report: content in order, translated, right-to-left for Arabic, inert statute words, offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from reports import render


class Page(HTMLParser):
    """Collects tags with their attributes, text, and every URL-bearing attribute or CSS url()."""

    URL_ATTRS = {
        "src",
        "href",
        "srcset",
        "action",
        "formaction",
        "poster",
        "data",
        "background",
        "cite",
        "longdesc",
        "manifest",
        "ping",
        "xlink:href",
        "codebase",
        "archive",
        "usemap",
        "icon",
    }

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self.urls += [v or "" for k, v in attrs if k in self.URL_ATTRS]
        if "style" in a:
            self.styles.append(a["style"] or "")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.urls.append(a.get("content") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def find(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]


def test_content_in_order(assessment):
    html = render(assessment, "html")
    assert headings(html) == [
        "Executive summary",
        "About this assessment",
        "Statute, model and tool",
        "Missing protections",
        "Covered provisions",
        "Method",
    ]
    text = Page(html).all_text()
    summary = text[text.index("Executive summary") : text.index("About this assessment")]
    for item in (
        "Prevention of Trafficking in Persons Act · Country: Freedonia · Year: 2012",
        "Provisions assessed: 7",
        "Mandatory protections not fully covered",
        "Article 14 (number unverified) — Attempt · Missing",
        "Verdicts that need review",
        "No article number — Privacy and identity of victims · Partly covered · Confidence 70%",
    ):
        assert item in summary, item
    facts = text[text.index("Statute, model and tool") : text.index("Missing protections")]
    for fact in (
        "Prevention of Trafficking in Persons Act",
        "Freedonia",
        "2012",
        "English (en)",
        "Mini checklist for report tests",
        "Model version 1",
        "March 1, 2026, 09:30 UTC",
        "modellaw 0.1.0",
    ):
        assert fact in facts, fact
    gaps = text[text.index("Missing protections") : text.index("Covered provisions")]
    order = [
        gaps.index(s)
        for s in (
            "Mandatory provisions",
            "Article 14 (number unverified) — Attempt",
            "No article number — Compensation for victims",
            "Optional provisions",
            "Article 10 — Non-liability of victims",
            "No article number — Privacy and identity of victims",
        )
    ]
    assert order == sorted(order)
    assert "What the Model Law asks: Attempting to commit trafficking is itself an offence." in gaps
    assert "Missing elements: Covers material and moral damage A State fund for victims (not essential)" in gaps
    assert "Closest clause found: s. 17(1) The court may make a compensation order" in gaps
    assert "Trafficking in persons" not in gaps
    covered = text[text.index("Covered provisions") : text.index("Method")]
    assert "Evidence: s. 3(1) A person who recruits" in covered
    method = text[text.index("Method") :]
    assert "all of its essential elements are found" in method and "does not replace it" in method


def test_scorecard_and_chapter_table(assessment):
    html = render(assessment, "html")
    card = html[html.index('<table class="scorecard">') :]
    card = card[: card.index("</table>")]
    cells = re.findall(r'<td class="num[^"]*">(\d+)</td>', card)
    assert cells == ["1", "1", "1", "3", "2", "2"]  # mandatory covered/partial/missing, then all
    chapters = html[html.index('<table class="chapters">') :]
    chapters = Page(chapters[: chapters.index("</table>")]).all_text()
    assert "II. Definitions 1 0 0 1" in chapters and "VII. Protection of victims 1 2 0 3" in chapters
    assert chapters.endswith("Total 3 2 2 7")


def test_self_contained_and_print_ready(assessment):
    html = render(assessment, "html")
    p = Page(html)
    assert not p.find("script") and not p.find("link") and not p.find("iframe") and not p.find("img")
    assert not p.find("object") and not p.find("embed") and not p.find("base")
    css = "\n".join(p.styles)
    assert "@page" in css and "size: A4" in css and "break-inside: avoid" in css
    assert "@import" not in css and "@font-face" not in css and "url(" not in css
    csp = [m for m in p.find("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert p.find("meta")[0] == {"charset": "utf-8"}


REMOTE = re.compile(r"^\s*(https?:|ftp:|wss?:|//|\\\\)", re.I)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_nothing_points_outside_the_page(assessment, hostile, lang):
    for a in (assessment, hostile):
        p = Page(render(a, "html", lang))
        assert not [u for u in p.urls if REMOTE.search(u) or not u.startswith(("#", "data:"))], p.urls
        assert not [s for s in p.styles if re.search(r"url\s*\(|@import|image-set\s*\(", s, re.I)]


def test_statute_words_are_text_not_markup_or_template(hostile):
    html = render(hostile, "html")
    p = Page(html)
    assert not p.find("script") and not p.find("img") and not p.find("b")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()
    text = p.all_text()
    assert "Whoever recruits <script>alert(1)</script> a person commits an offence {{ 7*7 }}." in text
    assert "Act <script>alert(1)</script> {{ 7*7 }}" in text  # the title, in the facts
    assert not re.search(r"\b49\b", text)  # {{ 7*7 }} was not evaluated anywhere
    assert '-1+2 {{ 7*7 }} <img src="http://evil.example/p.png">' in text
    assert "s. 9 <b>x</b>" in text


def test_translated_and_direction(assessment, assessment_ar):
    fr = render(assessment, "html", "fr")
    assert '<html lang="fr" dir="ltr">' in fr
    assert headings(fr) == [
        "Résumé analytique",
        "À propos de cette évaluation",
        "Loi, modèle et outil",
        "Protections manquantes",
        "Dispositions couvertes",
        "Méthode",
    ]
    assert "Rapport d’analyse des lacunes" in fr and "Partiellement couverte" in fr
    es = render(assessment, "html", "es-ES")
    assert '<html lang="es" dir="ltr">' in es and "Protecciones ausentes" in es
    ar = render(assessment_ar, "html", "ar")
    assert '<html lang="ar" dir="rtl">' in ar
    assert headings(ar) == [
        "الملخص التنفيذي",
        "عن هذا التقييم",
        "القانون والنموذج والأداة",
        "الحمايات الغائبة",
        "الأحكام المشمولة",
        "المنهجية",
    ]
    css = "\n".join(Page(ar).styles)
    assert 'html[dir="rtl"]' in css and "DejaVu Sans" in css  # a face that shapes Arabic, present on Debian
    # statute quotations keep their own direction; English model words stay left-to-right inside Arabic
    assert '<blockquote dir="rtl" lang="ar"><p>للمجني عليه الحق في التعويض' in ar
    assert '<bdi dir="ltr">Attempting to commit trafficking is itself an offence.</bdi>' in ar
    assert '<bdi dir="rtl">المادة 20</bdi>' in ar
    # an Arabic quotation inside an English report keeps right-to-left too
    en_ar = render(assessment_ar, "html", "en")
    assert '<html lang="en" dir="ltr">' in en_ar and '<blockquote dir="rtl" lang="ar">' in en_ar


def test_size_is_modest(assessment):
    html = render(assessment, "html")
    assert 5_000 < len(html.encode("utf-8")) < 60_000


def test_verdicts_under_the_review_threshold_are_listed_apart(assessment):
    html = render(assessment, "html")
    review = html[html.index('id="review"') : html.index('id="about"')]
    flagged = {v.provision.id for v in assessment.verdicts if v.review}
    assert flagged, "the fixture must hold verdicts to review"
    for v in assessment.verdicts:
        assert (f'id="r-{v.provision.id}"' in review) == v.review
        assert (f'href="#p-{v.provision.id}"' in review) == v.review  # a link to the verdict in full
    # badged where it is reported in full, and in the first page's list of mandatory gaps
    flagged_gaps = [v for v in assessment.mandatory_gaps() if v.review]
    assert flagged_gaps
    assert html.count('class="badge review"') == len(flagged) + len(flagged_gaps)


def test_an_uncalibrated_model_says_every_verdict_needs_review(assessment, replace):
    verdicts = [replace(v, calibrated=False, review=True) for v in assessment.verdicts]
    html = render(replace(assessment, verdicts=verdicts), "html")
    assert "This model has no calibration" in Page(html).all_text()
    assert "None: every verdict is above the review threshold." not in html
