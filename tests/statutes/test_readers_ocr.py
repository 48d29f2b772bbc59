"""Scanned PDFs: OCR of pages without a text layer (statutes/readers/ocr.py), its refusals, and its marks.

Tests that run Tesseract skip, saying so, when it is not installed; the others replace it by a stub
(pytesseract.image_to_string) or hide it (an empty PATH), so they run everywhere.
"""

import json
import shutil

import pytest
from typer.testing import CliRunner

from statutes import read_statute
from statutes.readers import ocr as ocr_mod
from statutes.readers import read_document
from tests.corpus import GOLD, KENYA
from tests.readers_support import build, refused

HAVE_TESSERACT = shutil.which("tesseract") is not None
needs_tesseract = pytest.mark.skipif(
    not HAVE_TESSERACT, reason="Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng ...)"
)


@pytest.fixture
def fake_tesseract(monkeypatch):
    """Tesseract replaced by a stub that records the language models asked for and returns fixed words."""
    import pytesseract

    calls: list[str] = []

    def image_to_string(image, lang=None, timeout=0, **kw):
        calls.append(lang)
        return "Article 1. Any person who recruits another person for exploitation commits an offence.\n"

    monkeypatch.setattr(ocr_mod, "tesseract_found", lambda: True)
    monkeypatch.setattr(ocr_mod, "_installed_languages", lambda name: set(ocr_mod.TESSERACT_LANGS.values()))
    monkeypatch.setattr(pytesseract, "image_to_string", image_to_string)
    return calls


# ---------------------------------------------------------------------------------------
# modes and refusals


def test_never_keeps_the_old_one_line_error(tmp_path):
    p = build.image_only_pdf(tmp_path / "scan.pdf")
    msg = refused(p, ocr="never")
    assert msg == f"{p}: PDF has no text layer (scanned image?); run OCR first"


@pytest.mark.parametrize("lang, package", [(None, "tesseract-ocr-<lang>"), ("fr", "tesseract-ocr-fra")])
def test_missing_tesseract_says_how_to_install_it(tmp_path, monkeypatch, lang, package):
    p = build.image_only_pdf(tmp_path / "scan.pdf")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no tesseract on the PATH
    refused(p, "no text layer", f"OCR needs Tesseract: apt-get install tesseract-ocr {package}", lang=lang)


def test_missing_tesseract_still_reads_the_pages_that_have_text(tmp_path, monkeypatch):
    from pypdf import PdfReader, PdfWriter

    text = build.make_pdf(tmp_path / "en.pdf", build.excerpt("en").splitlines())
    w = PdfWriter(clone_from=PdfReader(str(text)))
    w.add_blank_page(595, 842)
    mixed = tmp_path / "mixed.pdf"
    w.write(str(mixed))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    doc = read_document(mixed)
    assert "trafficking" in doc.text.lower()
    assert doc.meta.extra["pages_without_text"] == "1"
    assert doc.meta.ocr_pages == [] and doc.meta.ocr_spans == []


@pytest.mark.parametrize("value", ["sometimes", "", "ALWAYS!"])
def test_a_bad_mode_is_one_line(tmp_path, value):
    p = build.image_only_pdf(tmp_path / "scan.pdf")
    refused(p, "--ocr=", "auto, always, never", ocr=value)


def test_the_mode_comes_from_the_environment(tmp_path, monkeypatch):
    p = build.image_only_pdf(tmp_path / "scan.pdf")
    monkeypatch.setenv("MODELLAW_OCR", "never")
    refused(p, "run OCR first")
    monkeypatch.setenv("MODELLAW_OCR", "maybe")
    refused(p, "MODELLAW_OCR='maybe'", "auto, always, never")


# ---------------------------------------------------------------------------------------
# what OCR does, with Tesseract stubbed


def test_auto_reads_only_the_pages_without_text(tmp_path, fake_tesseract):
    from pypdf import PdfReader, PdfWriter

    text = build.make_pdf(tmp_path / "en.pdf", build.excerpt("en").splitlines())
    scan = build.image_only_pdf(tmp_path / "scan.pdf")
    w = PdfWriter(clone_from=PdfReader(str(text)))
    w.append(str(scan))
    mixed = tmp_path / "mixed.pdf"
    w.write(str(mixed))
    doc = read_document(mixed, lang="en", progress=False)
    n = len(PdfReader(str(mixed)).pages)
    assert doc.meta.ocr_pages == [n] and fake_tesseract == ["eng"]
    ((start, end),) = doc.meta.ocr_spans
    assert doc.text[start:end].startswith("Article 1. Any person who recruits") and end == len(doc.text) - 1
    assert not doc.meta.from_ocr(0, start - 1) and doc.meta.from_ocr(start, start + 5)


def test_always_reads_every_page(tmp_path, fake_tesseract):
    text = build.make_pdf(tmp_path / "en.pdf", build.excerpt("en").splitlines())
    doc = read_document(text, ocr="always", lang="en", progress=False)
    assert doc.meta.ocr_pages == list(range(1, int(doc.meta.extra["pages"]) + 1))
    page = "Article 1. Any person who recruits another person for exploitation commits an offence."
    assert doc.text == "\n".join([page] * len(doc.meta.ocr_pages)) + "\n"


def test_unknown_language_is_detected_from_a_first_pass_with_every_model(tmp_path, fake_tesseract):
    scan = build.image_only_pdf(tmp_path / "scan.pdf")
    doc = read_document(scan, progress=False)
    assert fake_tesseract[0] == "+".join(ocr_mod.TESSERACT_LANGS.values())  # all six at once, first page
    assert fake_tesseract[1:] == ["eng"]  # then the detected language alone
    assert doc.meta.extra["ocr_language"] == "en"


@pytest.mark.parametrize("progress, shown", [(None, False), (False, False), (True, True)])
def test_progress_bar_only_on_a_terminal(tmp_path, fake_tesseract, capsys, progress, shown):
    scan = build.image_only_pdf(tmp_path / "scan.pdf")
    read_document(scan, lang="en", progress=progress)  # None: stderr decides (captured here: not a TTY)
    err = capsys.readouterr().err
    assert ("OCR scan.pdf" in err and "page" in err) is shown, err


def test_ocr_shares_the_pdf_time_budget(tmp_path, fake_tesseract, monkeypatch):
    import pytesseract

    def timeout(*a, **kw):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(pytesseract, "image_to_string", timeout)
    scan = build.image_only_pdf(tmp_path / "scan.pdf")
    refused(scan, "PDF OCR took over 5 s", "page 1 of 1", "MODELLAW_PDF_SECONDS", pdf_seconds=5, lang="en")


def test_cli_has_the_option(tmp_path):
    from cli import app

    scan = build.image_only_pdf(tmp_path / "scan.pdf")
    res = CliRunner().invoke(app, ["compare", str(scan), "--ocr", "never"])
    assert res.exit_code == 3 and "run OCR first" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["statute", "show", str(scan), "--ocr", "sometimes"])
    assert res.exit_code == 2 and "sometimes" in res.output


# ---------------------------------------------------------------------------------------
# a real statute, scanned


@pytest.fixture(scope="module")
def kenya_scan(tmp_path_factory):
    if not KENYA.is_file():
        pytest.skip(f"corpus not found: {KENYA}")
    if not HAVE_TESSERACT:
        pytest.skip("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
    out = tmp_path_factory.mktemp("scan")
    text_pdf, scan = build.scanned_statute(KENYA, out, pages=4)
    return read_statute(text_pdf), read_statute(scan, lang="en")


@needs_tesseract
def test_scanned_statute_key_verdicts_agree_with_its_text_layer(kenya_scan):
    from analysis import assess
    from analysis.evaluate import read_gold
    from modellaw import resolve_model

    ref, ocr = kenya_scan
    assert ref.meta.ocr_pages == [] and ocr.meta.ocr_pages == [1, 2, 3, 4]
    model = resolve_model("tip-2009")
    keys = list(read_gold(GOLD / f"{KENYA.stem}.csv"))  # the 38 protection keys the experts label
    kr, ko = assess(ref, model).key_verdicts(), assess(ocr, model).key_verdicts()
    assert len(keys) == 38 and set(keys) <= set(kr) and set(keys) <= set(ko)
    same = sum(ko[k] == kr[k] for k in keys)
    assert same / len(keys) >= 0.9, f"{same}/{len(keys)} keys agree"


@needs_tesseract
def test_ocr_evidence_is_marked_in_json_and_reports(kenya_scan):
    from analysis import assess
    from modellaw import resolve_model
    from reports import render

    ref, ocr = kenya_scan
    model = resolve_model("tip-2009")
    data = json.loads(render(assess(ocr, model), "json"))
    assert data["statute"]["ocr"] is True and data["statute"]["ocr_pages"] == [1, 2, 3, 4]
    evidence = [e for p in data["provisions"] for e in p["evidence"]]
    assert evidence and all(e.get("ocr") is True for e in evidence)
    plain = json.loads(render(assess(ref, model), "json"))
    assert "ocr" not in plain["statute"] and not any("ocr" in e for p in plain["provisions"] for e in p["evidence"])
    for lang, word in (("en", "read by OCR"), ("fr", "lu par OCR")):
        assert word in render(assess(ocr, model), "md", lang)
        assert word in render(assess(ocr, model), "html", lang)
        assert word not in render(assess(ref, model), "md", lang)
