"""Save a real statute's text as a Word document the way a drafter's file looks (used by test_annotate)."""

from __future__ import annotations

import re
from pathlib import Path

_PART = re.compile(r"^(PART|CHAPTER|TITLE|SCHEDULE|FIRST SCHEDULE|SECOND SCHEDULE|الباب|الفصل)\b", re.I)
_SECTION = re.compile(r"^(\d+[A-Z]?\.|Article \d+|Art\. ?\d+|المادة)\s*\S")
_SUB = re.compile(r"^(\(\d+\)|\([a-z]\))\s")
_TERM = re.compile(r'^("[^"]+")(.*)$')


def save_as_docx(text: str, path: Path, title: str = "", rtl: bool = False) -> Path:
    """One paragraph a line: parts as Heading 1, sections as Heading 2, numbers and defined terms in their own runs.

    Blank lines become empty paragraphs, as a word processor keeps them.
    """
    import docx
    from docx.oxml.parser import OxmlElement

    doc = docx.Document()
    if title:
        doc.core_properties.title = title
    for line in text.splitlines():
        line = line.rstrip()
        if _PART.match(line):
            p = doc.add_paragraph(line, "Heading 1")
        elif _SECTION.match(line) and len(line) < 120:
            p = doc.add_paragraph(line, "Heading 2")
        else:
            p = doc.add_paragraph()
            sub, term = _SUB.match(line), _TERM.match(line)
            if sub:
                p.add_run(sub.group(1)).bold = True
                p.add_run(line[sub.end(1) :])
            elif term:
                p.add_run(term.group(1)).italic = True
                p.add_run(term.group(2))
            elif line:
                words = line.split(" ")
                half = len(words) // 2
                p.add_run(" ".join(words[:half]) + (" " if half else ""))
                p.add_run(" ".join(words[half:])).underline = bool(half) and len(words) > 30
        if rtl:
            p._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    doc.save(str(path))
    return path


SOFFICE_HINT = (
    "LibreOffice is absent (`make test` installs libreoffice-writer; or: apt-get install -y libreoffice-writer)"
)


def soffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own; fails the test on any error."""
    import subprocess

    exe = soffice()
    assert exe, SOFFICE_HINT
    profile = outdir / "lo-profile"
    cmd = [
        exe,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx_path),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    pdf = outdir / (docx_path.stem + ".pdf")
    assert res.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 0, (res.stdout + res.stderr)[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF-")
    return pdf


def to_png(pdf: Path, outdir: Path, first: int = 1, last: int = 2) -> list[Path]:
    """Pages of a PDF as PNG images (pdftoppm), to look at; [] when pdftoppm is absent."""
    import shutil
    import subprocess

    exe = shutil.which("pdftoppm")
    if exe is None:
        return []
    prefix = outdir / pdf.stem
    res = subprocess.run(
        [exe, "-r", "60", "-png", "-f", str(first), "-l", str(last), str(pdf), str(prefix)],
        capture_output=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return sorted(outdir.glob(f"{pdf.stem}-*.png"))


def ink(png: Path) -> float:
    """The share of a page's pixels that are not white: a blank page is 0."""
    from PIL import Image

    with Image.open(png) as im:
        grey = im.convert("L")
        hist = grey.histogram()
    return 1 - sum(hist[250:]) / max(1, sum(hist))


def save_with_libreoffice(text: str, path: Path) -> Path:
    """The statute text saved as .docx by LibreOffice Writer itself (a word processor's own file)."""
    import subprocess

    exe = soffice()
    assert exe, SOFFICE_HINT
    src = path.with_suffix(".txt")
    src.write_text(text, encoding="utf-8")
    cmd = [
        exe,
        f"-env:UserInstallation={(path.parent / 'lo-profile').resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--infilter=Text (encoded):UTF8,LF,,,",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(path.parent),
        str(src),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    src.unlink()
    assert res.returncode == 0 and path.is_file(), (res.stdout + res.stderr)[-2000:]
    return path
