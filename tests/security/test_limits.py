"""Archives and PDFs cannot exhaust memory or time, and the size limits can be set by the user.

Already covered elsewhere (not repeated here), all in tests/statutes/test_bad_input.py:
- DOCX zip bombs by ratio and by total size: ::test_docx_zip_bomb_by_ratio, ::test_docx_zip_bomb_by_size
- files over max_bytes, checked by stat before reading: ::test_over_max_bytes_checked_before_reading
- PDFs with a broken cross-reference table / broken objects, truncated, garbage after the header:
  ::test_pdf_with_broken_xref_and_objects, ::test_truncated_pdf, ::test_garbage_after_pdf_header
- PDFs with or declaring tens of thousands of pages: ::test_pdf_with_too_many_pages,
  ::test_pdf_declaring_tens_of_thousands_of_pages
"""

from __future__ import annotations

import struct
import time
import zipfile

import pytest

from modellaw import ModelError, load_model
from statutes.readers import Limits, read_document

from .conftest import SAMPLE, TEXT_OP, assemble_pdf, build, one_line_error, raw_pdf, refused, run_cli

# ---------------------------------------------------------------------------------------
# zip containers (DOCX, and XLSX or zips in disguise)


def _bomb_zip(path, members: dict[str, int], first: dict[str, bytes] | None = None):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in (first or {}).items():
            zf.writestr(name, data)
        for name, size in members.items():
            with zf.open(name, "w", force_zip64=True) as fh:
                block = b"\x20" * 1_000_000
                for _ in range(size // len(block)):
                    fh.write(block)
    return path


def test_xlsx_zip_bomb_named_docx_refused_before_unpacking(tmp_path):
    p = _bomb_zip(
        tmp_path / "table.docx",
        {"xl/worksheets/sheet1.xml": 30_000_000},
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
    )
    assert p.stat().st_size < 200_000
    refused(p, "xl/worksheets/sheet1.xml", "zip bomb")


def test_xlsx_is_not_a_statute_format(tmp_path):
    p = _bomb_zip(tmp_path / "table.xlsx", {"xl/worksheets/sheet1.xml": 2_000_000})
    refused(p, "unsupported file type '.xlsx'")


def test_zip_bomb_disguised_as_text_is_sniffed_and_refused(tmp_path):
    """A .txt whose bytes are a zip goes to the DOCX reader (by magic), which checks for bombs first."""
    p = _bomb_zip(tmp_path / "law.txt", {"word/document.xml": 30_000_000})
    refused(p, "compression ratio", "zip bomb")


def test_too_many_zip_members(tmp_path):
    p = tmp_path / "many.docx"
    with zipfile.ZipFile(p, "w") as zf:
        for i in range(Limits.max_zip_members + 1):
            zf.writestr(f"m/{i}", b"")
    refused(p, f"{Limits.max_zip_members + 1} zip members", "limit")


def test_zip_member_lying_about_its_size(tmp_path):
    """The directory says 1 KB, the data inflates to 20 MB: only the declared bytes are ever inflated."""
    good = build.make_docx(tmp_path / "good.docx", ["Article 1"])
    p = build.rewrite_docx(
        good, tmp_path / "liar.docx", {"word/document.xml": b"<w:document>" + b" " * 20_000_000 + b"</w:document>"}
    )
    data = bytearray(p.read_bytes())
    with zipfile.ZipFile(p) as zf:
        info = zf.getinfo("word/document.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 1000)  # local header: uncompressed size
    cd = data.find(b"PK\x01\x02")
    while cd != -1:  # the central directory entry of that member
        nlen = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46 : cd + 46 + nlen] == b"word/document.xml":
            struct.pack_into("<I", data, cd + 24, 1000)
        cd = data.find(b"PK\x01\x02", cd + 4)
    p.write_bytes(bytes(data))
    refused(p, "damaged DOCX", "word/document.xml")


def _numbered_docx(tmp_path, start: str, fmt: str, ilvl: str = "0", paragraphs: int = 20):
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    good = build.make_docx(tmp_path / "n.docx", [], numbered=["Article text"] * paragraphs)
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum '
        f'w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        f"</w:num></w:numbering>"
    )
    with zipfile.ZipFile(good) as zf:
        doc = zf.read("word/document.xml").decode("utf-8")
    item = '<w:pStyle w:val="ListNumber"/>'
    assert doc.count(item) == paragraphs
    doc = doc.replace(item, f'{item}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>')
    return build.rewrite_docx(
        good,
        tmp_path / "hostile-numbering.docx",
        {"word/numbering.xml": numbering.encode(), "word/document.xml": doc.encode()},
    )


@pytest.mark.parametrize("start, fmt", [("100000000", "lowerLetter"), ("1000000000000", "upperRoman")])
def test_docx_numbering_start_cannot_blow_up(tmp_path, start, fmt):
    """Regression: list labels were spelt out in full, so w:start=10**8 with letters made 77 MB of text
    from a 36 KB file (20 items), and 10**12 in roman numerals looped 10**9 times per item."""
    p = _numbered_docx(tmp_path, start, fmt)
    t = time.monotonic()
    doc = read_document(p)
    assert time.monotonic() - t < 5
    assert len(doc.text) < 10_000
    assert doc.text.splitlines()[0] == f"{start}. Article text"  # an absurd number is shown as digits


@pytest.mark.parametrize("start, ilvl", [("abc", "0"), ("1.5", "0"), ("", "x"), ("9" * 5000, "0")])
def test_docx_damaged_numbering_values_do_not_lose_the_text(tmp_path, start, ilvl):
    """Regression (found by the fuzzer): a non-integer w:start or w:ilvl refused the whole DOCX with
    "cannot read as DOCX: ValueError: invalid literal for int()"; numbering is cosmetic, the text is read."""
    doc = read_document(_numbered_docx(tmp_path, start, "decimal", ilvl, paragraphs=2))
    assert doc.text.count("Article text") == 2


# ---------------------------------------------------------------------------------------
# PDF: time and memory


def test_pdf_page_content_decompression_bomb(tmp_path):
    """Regression: a 10 KB PDF whose one page inflates to 10 MB of drawing operators kept pypdf busy for
    ~100 s (pure-Python parsing); now its unpacked size is checked first and it is refused at once."""
    p = tmp_path / "bomb.pdf"
    p.write_bytes(raw_pdf(TEXT_OP * (10_000_000 // len(TEXT_OP))))
    assert p.stat().st_size < 50_000
    refused(p, "page 1", "5,000,000-byte limit", "decompression bomb")


def test_pdf_page_content_limit_leaves_normal_pages_alone(tmp_path):
    p = tmp_path / "ok.pdf"
    p.write_bytes(raw_pdf(TEXT_OP * 20, pages=3))
    doc = read_document(p)
    assert doc.text.count("Article 1. Trafficking in persons is an offence.") == 60


def test_pdf_time_limit_stops_between_pages(tmp_path, monkeypatch):
    """Many pages sharing one heavy (but allowed) content stream: the time budget stops it, with a reason."""
    p = tmp_path / "slow.pdf"
    p.write_bytes(raw_pdf(TEXT_OP * (600_000 // len(TEXT_OP)), pages=400))
    t = time.monotonic()
    refused(p, "took over 1 s", "stopped at page", pdf_seconds=1.0)
    assert time.monotonic() - t < 10
    monkeypatch.setenv("MODELLAW_PDF_SECONDS", "1")
    refused(p, "took over 1 s")


@pytest.mark.parametrize(
    "patch, words",
    [
        ((b"/Kids [4 0 R] /Count 1", b"/Kids [2 0 R 4 0 R] /Count 1"), "cyclic"),
        ((b"/Type /Page /Parent", b"/Type /Pages /Kids [2 0 R] /Count 2 /Parent"), "cyclic"),
    ],
    ids=["pages-node-is-its-own-kid", "page-points-back-to-its-parent"],
)
def test_pdf_page_tree_cycles_end_quickly(tmp_path, patch, words):
    data = raw_pdf(TEXT_OP)
    assert patch[0] in data
    p = tmp_path / "cycle.pdf"
    p.write_bytes(data.replace(*patch))
    refused(p, "page tree", words)


def test_pdf_deep_page_tree_ends_quickly(tmp_path):
    """50,000 nested /Pages nodes: refused (or read) without a RecursionError escaping."""
    depth = 50_000
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        objs.append(f"<< /Type /Pages /Kids [{i + 3} 0 R] /Count 1 >>".encode())
    objs.append(b"<< /Type /Page /MediaBox [0 0 595 842] >>")
    p = tmp_path / "deep.pdf"
    p.write_bytes(assemble_pdf(objs))
    refused(p, "PDF")


# ---------------------------------------------------------------------------------------
# limits a user can set (MODELLAW_MAX_BYTES, MODELLAW_MAX_PAGES, MODELLAW_PDF_SECONDS)


def test_env_limits_apply_to_the_library(tmp_path, monkeypatch):
    small = tmp_path / "small.txt"
    small.write_text("Article 1. " * 200, encoding="utf-8")
    monkeypatch.setenv("MODELLAW_MAX_BYTES", "1000")
    refused(small, "over the 1,000-byte limit")
    assert read_document(small, max_bytes=10_000).text  # an explicit argument wins
    monkeypatch.delenv("MODELLAW_MAX_BYTES")
    pdf = build.blank_pdf(tmp_path / "three.pdf", pages=3)
    monkeypatch.setenv("MODELLAW_MAX_PAGES", "2")
    refused(pdf, "3 pages", "2-page limit")
    monkeypatch.setenv("MODELLAW_MAX_PAGES", "10")
    refused(pdf, "no text layer")  # under the limit: read, and blank


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_bad_env_limit_is_one_line(tmp_path, monkeypatch, value):
    small = tmp_path / "small.txt"
    small.write_text("Article 1.", encoding="utf-8")
    monkeypatch.setenv("MODELLAW_MAX_PAGES", value)
    refused(small, "MODELLAW_MAX_PAGES", "positive whole number")


def test_env_limits_through_the_cli(tmp_path):
    proc = run_cli("statute", "show", SAMPLE, env={"MODELLAW_MAX_BYTES": "100"})
    assert proc.returncode == 3
    one_line_error(proc, "over the 100-byte limit")
    proc = run_cli("statute", "show", SAMPLE, env={"MODELLAW_MAX_BYTES": "lots"})
    assert proc.returncode == 3
    one_line_error(proc, "MODELLAW_MAX_BYTES='lots' is not a positive whole number")
    pdf = build.make_pdf(tmp_path / "two.pdf", ["Article 1. Trafficking.", "Article 2. Penalties."])
    pdf2 = tmp_path / "many.pdf"
    pdf2.write_bytes(raw_pdf(TEXT_OP, pages=3))
    proc = run_cli("statute", "show", pdf2, env={"MODELLAW_MAX_PAGES": "2"})
    assert proc.returncode == 3
    one_line_error(proc, "3 pages, over the 2-page limit")
    assert run_cli("statute", "show", pdf, env={"MODELLAW_MAX_PAGES": "2"}).returncode == 0


def test_model_file_size_is_capped(tmp_path):
    p = tmp_path / "huge-model.xml"
    with p.open("wb") as fh:  # sparse: 50 MB + 1 byte on stat, nothing written
        fh.truncate(50_000_001)
    t = time.monotonic()
    with pytest.raises(ModelError) as exc:
        load_model(p)
    assert time.monotonic() - t < 2
    assert "over the 50000000-byte limit" in str(exc.value)
