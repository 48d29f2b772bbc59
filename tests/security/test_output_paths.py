"""Country names and titles (from statute headers, sidecars or a manifest) name report files: they can
never climb out of the output folder, hit a device name, or make an over-long or unreadable name.

The fixed cases (../, absolute paths, CON/NUL/COM1, bidi overrides, full-width slashes, long and
non-Latin names) are in tests/batch/test_safe_filename.py; here: a property over any text, and a real
batch whose statutes carry hostile names.
"""

from __future__ import annotations

import csv
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .conftest import STATUTES

batch = pytest.importorskip("reports.batch", reason="batch not landed")
safe_filename = batch.safe_filename


RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CLOCK$",
    "CONIN$",
    "CONOUT$",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}
HOSTILE = [
    "../../../../tmp/pwned",
    "/etc/passwd",
    "..\\..\\Windows\\System32\\evil",
    "C:\\x",
    "\\\\server\\share",
    "CON",
    "nul.txt",
    "COM1",
    "a/../../b",
    ".",
    "..",
    "~root",
    "$HOME",
    "%APPDATA%",
    "\x00\n\r",
    "\u202e" + "lmth.exe",
    "ﬁ／．．／",
    "x" * 1000,
    "Федерация" * 40,
    "الأردن" * 50,
]


def _assert_safe_name(raw: str, name: str, folder: Path) -> None:
    assert name and name not in (".", "..") and not name.startswith(".")
    assert not set(name) & set('/\\:*?"<>|\x00'), name
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in name), name
    assert len(name) <= batch.MAX_NAME_CHARS and len(name.encode("utf-8")) <= batch.MAX_NAME_BYTES
    assert name.split(".")[0].upper() not in RESERVED, name
    for ext in (".html", ".json"):
        target = (folder / (name + ext)).resolve()
        assert target.parent == folder.resolve(), (raw, name)
    assert safe_filename(raw) == name  # the same statute always gets the same name


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(list("./\\:~ -_CONULPTcom1$") + ["..", "\u202e", "\x00"]), max_size=40).map("".join),
        st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=4).map(" ".join),
    )
)
@example(raw="../" * 50 + "etc/passwd")
def test_any_name_stays_in_its_folder(tmp_path, raw):
    _assert_safe_name(raw, safe_filename(raw), tmp_path)


@pytest.mark.parametrize("raw", HOSTILE)
def test_known_hostile_names(tmp_path, raw):
    _assert_safe_name(raw, safe_filename(raw), tmp_path)


def test_batch_with_hostile_country_and_title_writes_only_inside_outdir(tmp_path):
    """A real batch: every file written is under OUTDIR, and report names are readable."""
    work = tmp_path / "1" / "2" / "3" / "4" / "5"  # deep enough that any "../" escape still lands in tmp_path
    src = work / "in"
    src.mkdir(parents=True)
    body = (STATUTES / "en-uk-modern-slavery-2015-s1.txt").read_text(encoding="utf-8")
    body = body.split("# ---", 1)[1] if "# ---" in body else body
    headers = [
        ("../../../escaped", "../../../../escaped-title"),
        ("/tmp/abs", "CON"),
        ("Российская Федерация", "Федеральный закон " * 20),
        ("..\\..\\win", "nul"),
        ('=HYPERLINK("http://127.0.0.1:9/x","click")', "+cmd|' /C calc'!A0"),
    ]
    for i, (country, title) in enumerate(headers):
        (src / f"s{i}.txt").write_text(
            f"# country: {country}\n# title: {title}\n# year: 2015\n# ---\n{body}", encoding="utf-8"
        )
    manifest = work / "manifest.csv"
    manifest.write_text(
        'country,title,year,language,path\n"../../../manifest-escape","/etc/cron.d/x",2015,en,in/s0.txt\n',
        encoding="utf-8",
    )
    before = {p for p in tmp_path.rglob("*")}
    out, out2 = work / "out", work / "out2"
    res = batch.run_batch(src, out, jobs=1, progress=False)
    res2 = batch.run_batch(manifest, out2, jobs=1, progress=False)
    assert res.ok == len(headers) and res2.ok == 1
    created = {p for p in tmp_path.rglob("*")} - before
    outs = [out.resolve(), out2.resolve()]
    for p in created:
        rp = p.resolve()
        assert any(rp == o or o in rp.parents for o in outs), f"written outside OUTDIR: {p}"
    names = sorted(p.name for p in (out / "reports").glob("*.html"))
    assert len(names) == len(headers), names
    for n in names:
        stem = n[: -len(".html")]
        assert not stem.startswith(".") and "/" not in stem and stem.split(".")[0].upper() not in RESERVED
        assert len(stem.encode("utf-8")) <= batch.MAX_NAME_BYTES + 8
    assert any("Российская_Федерация" in n for n in names), names  # non-Latin names stay readable
    assert not any(os.sep in n or ".." in n for n in os.listdir(out2 / "reports"))
    assert not [p for p in Path("/tmp").glob("abs*") if p.suffix in (".html", ".json")]
    assert not Path("/etc/cron.d/x.html").exists()
    for table in ("summary.csv", "matrix.csv"):  # names are cells too: never a live formula
        with (out / table).open(encoding="utf-8", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert any("HYPERLINK" in c for c in cells), table
        live = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(c)]
        assert not live, (table, live)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
