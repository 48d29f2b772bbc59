"""A PDF report of a real statute opens and its text holds the headings of its missing protections."""

from pathlib import Path

from analysis import assess
from modellaw import resolve_model
from reports import write_report
from statutes import read_statute
from tests.corpus import KENYA

SAMPLE = Path(__file__).parents[2] / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"


def test_pdf_of_a_real_statute(pdftotext, tmp_path):
    statute = KENYA if KENYA.is_file() else SAMPLE  # the corpus act, else the bundled excerpt of it
    a = assess(read_statute(statute), resolve_model("tip-2009"))
    path = write_report(a, "pdf", tmp_path / "report.pdf", "en")
    assert path.read_bytes().startswith(b"%PDF-")
    text = " ".join(pdftotext(path).split())
    gaps = [v.provision.title for v in a.verdicts if v.verdict == "missing"]
    assert gaps, "a real act always lacks something here (commercial carriers, at least)"
    for title in gaps:
        assert " ".join(title.split()) in text, title
