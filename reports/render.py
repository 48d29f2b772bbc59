"""Render an assessment as JSON, Markdown, HTML, PDF, CSV or Excel, in a report language."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from analysis.types import Assessment
from reports.contract import assessment_to_dict
from reports.i18n import normalize_lang, translations
from reports.tabular import render_csv, render_xlsx
from reports.view import build_view, textdir

TEMPLATES = Path(__file__).with_name("templates")
FORMATS = ("json", "md", "html", "pdf", "csv", "xlsx")
BINARY_FORMATS = ("pdf", "xlsx")

# --- Markdown escaping ----------------------------------------------------------------------
# CommonMark lets a backslash escape any ASCII punctuation, so statute words that look like
# markup (<script>, *emphasis*, [links](...), | table pipes) stay text in any Markdown viewer.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# A value that opens a line must not open a block: a heading, a list item, a setext underline.
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}|[+\-]|\d{1,9}[.)]|=+)(?=\s|$)")


class MdRaw(str):
    """Text the Markdown template may output unescaped (none of it comes from the input)."""


def md_escape(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, MdRaw):
        return value
    text = " ".join(str(value).split())  # one line: a value never opens a block of its own
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1]), text)


@lru_cache(maxsize=None)
def environment(kind: str, lang: str) -> Environment:
    """A Jinja environment per output kind and language, with that language's catalog installed."""
    if kind == "html":
        env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n"],
        )
        env.filters["textdir"] = textdir
    elif kind == "md":
        env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=False,
            undefined=StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=md_escape,
        )
        env.filters["raw"] = MdRaw  # for the template's own macros: {{ heading(p)|raw }}
    else:
        raise ValueError(kind)
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
    return env


def render_html(a: Assessment, lang: str = "en") -> str:
    lang = normalize_lang(lang)
    return environment("html", lang).get_template("report.html.j2").render(r=build_view(a, lang))


def render_md(a: Assessment, lang: str = "en") -> str:
    lang = normalize_lang(lang)
    text = environment("md", lang).get_template("report.md.j2").render(r=build_view(a, lang))
    text = re.sub(r"\n{3,}", "\n\n", text)  # the template's conditionals leave runs of blank lines
    return text.strip("\n") + "\n"


def render_json(a: Assessment) -> str:
    return json.dumps(assessment_to_dict(a), ensure_ascii=False, indent=2) + "\n"


def _offline_fetcher() -> object:
    """WeasyPrint may read `data:` URLs only: a report never makes a request, local or remote."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint >= 66
        return urls.URLFetcher(allowed_protocols={"data"})

    def fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:  # older WeasyPrint: a plain function
        if not url.startswith("data:"):
            raise ValueError(f"report rendering does not fetch {url}")
        return urls.default_url_fetcher(url, *args, **kwargs)

    return fetch


def render_pdf(a: Assessment, lang: str = "en") -> bytes:
    from weasyprint import HTML

    html = render_html(a, lang)
    return HTML(string=html, base_url=None, url_fetcher=_offline_fetcher()).write_pdf()


def render(a: Assessment, fmt: str, lang: str = "en") -> str | bytes:
    """The report in `fmt` (json, md, html, pdf, csv, xlsx); bytes for pdf and xlsx, text otherwise.

    `lang` is the language of the interface (en, fr, es, ar, ...); statute and model words stay
    as they are. JSON and CSV are for machines and do not depend on it.
    """
    fmt = (fmt or "").lower().lstrip(".")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    lang = normalize_lang(lang)
    if fmt == "json":
        return render_json(a)
    if fmt == "csv":
        return render_csv(a)
    if fmt == "xlsx":
        return render_xlsx(a, lang)
    if fmt == "md":
        return render_md(a, lang)
    if fmt == "html":
        return render_html(a, lang)
    return render_pdf(a, lang)


def write_report(a: Assessment, fmt: str, out_path: str | Path, lang: str = "en") -> Path:
    """Render and write the report (parent folders are created); returns the path written."""
    data = render(a, fmt, lang)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        out.write_bytes(data)
    else:
        with out.open("w", encoding="utf-8", newline="") as fh:  # CSV keeps its CRLF, text its LF
            fh.write(data)
    return out
