"""Do the verdicts depend on the file format? Each corpus statute, re-published as DOCX, HTML and PDF.

    python benchmarks/format_parity.py [CORPUS_DIR] [--formats docx,html,pdf] [--only STEM]

The held-out statutes arrive as .txt, .docx, .pdf and .html. This writes each labelled corpus statute
(plain text) into the other formats the way a publisher would — one paragraph per line, article and
section headings as headings — reads it back with modellaw's own readers, and prints, per statute and
format, how many of the 38 protection keys get the same verdict as the text file, and which differ.
It prints numbers; it asserts nothing (the test suite holds the floors).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from pathlib import Path

from analysis import assess
from modellaw import resolve_model
from statutes import StatuteError, read_statute
from statutes.readers import split_header

# A line that opens an article or section in one of the six languages (enough to style it as a heading).
_HEADING = re.compile(
    r"^\s*(Article|Art\.|Artículo|Artigo|Section|Статья|المادة|Chapitre|Capítulo|Chapter|CHAPTER|PART|Part|"
    r"TITRE|Título|TÍTULO|CAPÍTULO|Глава|الفصل|الباب)\b"
)


def _lines(path: Path) -> tuple[dict[str, str], list[str]]:
    header, body = split_header(path.read_text(encoding="utf-8"))
    return header, [ln.rstrip() for ln in body.splitlines()]


def write_docx(lines: list[str], meta: dict[str, str], out: Path) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.title = meta.get("title", "")[:255]
    for ln in lines:
        if not ln.strip():
            continue
        if _HEADING.match(ln) and len(ln) < 120:
            doc.add_heading(ln.strip(), level=3)
        else:
            doc.add_paragraph(ln.strip())
    doc.save(str(out))


def write_html(lines: list[str], meta: dict[str, str], out: Path, lang: str) -> None:
    rtl = ' dir="rtl"' if lang == "ar" else ""
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"{rtl}><head><meta charset="utf-8">'
        f"<title>{html.escape(meta.get('title', ''))}</title></head><body><main>"
    ]
    for ln in lines:
        if not ln.strip():
            continue
        tag = "h3" if _HEADING.match(ln) and len(ln) < 120 else "p"
        parts.append(f"<{tag}>{html.escape(ln.strip())}</{tag}>")
    parts.append("</main></body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")


def write_pdf(html_path: Path, out: Path) -> None:
    from weasyprint import HTML

    HTML(filename=str(html_path)).write_pdf(str(out))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/statutes"))
    ap.add_argument("--formats", default="docx,html,pdf")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    model = resolve_model("tip-2009")
    totals = {f: [0, 0] for f in formats}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for src in sorted(Path(args.corpus).glob("*.txt")):
            if args.only and args.only not in src.stem:
                continue
            meta, lines = _lines(src)
            base = read_statute(src)
            want = assess(base, model).key_verdicts()
            lang = base.language
            html_path = work / f"{src.stem}.html"
            write_html(lines, meta, html_path, lang)
            for fmt in formats:
                out = work / f"{src.stem}.{fmt}"
                if fmt == "docx":
                    write_docx(lines, meta, out)
                elif fmt == "pdf":
                    write_pdf(html_path, out)
                try:
                    st = read_statute(out)  # no header: the language is detected, as for a user's file
                except StatuteError as exc:
                    print(f"{src.stem:<48} {fmt:<5} cannot read: {exc}")
                    totals[fmt][1] += len(want)
                    continue
                got = assess(st, model).key_verdicts()
                same = sum(1 for k in want if got.get(k) == want[k])
                totals[fmt][0] += same
                totals[fmt][1] += len(want)
                diff = ", ".join(f"{k} {want[k]}->{got.get(k)}" for k in want if got.get(k) != want[k])
                print(
                    f"{src.stem:<48} {fmt:<5} lang {st.language}  units {len(st.units):4d} (txt {len(base.units):4d})  "
                    f"same {same}/{len(want)}  {diff}"
                )
    for fmt, (same, n) in totals.items():
        print(f"OVERALL {fmt:<5} same verdict on {same}/{n} keys ({same / max(1, n):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
