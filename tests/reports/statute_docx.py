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
