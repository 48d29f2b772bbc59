"""safe_filename: report names never leave OUTDIR and stay readable on every file system."""

from __future__ import annotations

import unicodedata

import pytest

from reports.batch import MAX_NAME_BYTES, MAX_NAME_CHARS, safe_filename, unique_name

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def assert_safe(name: str) -> None:
    assert name and name not in (".", "..")
    assert not (set(name) & WINDOWS_FORBIDDEN)
    assert not any(ord(c) < 32 or unicodedata.category(c) == "Cf" for c in name)
    assert ".." not in name and not name.startswith((".", "-", " ")) and not name.endswith((".", " "))
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Kenya Counter-Trafficking in Persons Act 2010", "Kenya_Counter-Trafficking_in_Persons_Act_2010"),
        ("../../etc/passwd", "etc_passwd"),
        ("..\\..\\Windows\\System32", "Windows_System32"),
        ("/absolute/path", "absolute_path"),
        ("C:\\Users\\x", "C_Users_x"),
        ("CON", "_CON"),
        ("nul", "_nul"),
        ("COM1", "_COM1"),
        ("LPT9", "_LPT9"),
        ("COM¹", "_COM1"),  # NFKC: Windows treats the superscript as a digit too
        ("", "unnamed"),
        ("...", "unnamed"),
        ("   ", "unnamed"),
        ("<script>alert(1)</script>", "script_alert_1_script"),
        ("Российская Федерация", "Российская_Федерация"),
        ("المملكة الأردنية الهاشمية", "المملكة_الأردنية_الهاشمية"),
        ("Côte d'Ivoire", "Côte_d_Ivoire"),
        ("\u202eevil\u202c.txt", "evil_txt"),  # bidi override dropped; the dot is not an extension
        ("ｆｕｌｌ／ｗｉｄｔｈ", "full_width"),  # NFKC folds the full-width slash before it is replaced
        ("a\x00b\nc\td", "a_b_c_d"),
    ],
)
def test_cases(raw, expected):
    out = safe_filename(raw)
    assert out == expected
    assert_safe(out)


def test_long_names_are_cut_and_stay_distinct():
    a = safe_filename("Kenya " + "very long title " * 40 + "A")
    b = safe_filename("Kenya " + "very long title " * 40 + "B")
    assert a != b
    assert a.startswith("Kenya_very_long_title")
    assert_safe(a)
    assert_safe(b)
    cyr = safe_filename("Федеральный закон " * 30)
    assert_safe(cyr)
    assert len(cyr.encode("utf-8")) <= MAX_NAME_BYTES


def test_collisions_are_deduplicated_case_insensitively():
    taken: set[str] = set()
    names = [unique_name(safe_filename(n), taken) for n in ("Kenya", "kenya", "KENYA", "Kenya/")]
    assert names == ["Kenya", "kenya-2", "KENYA-3", "Kenya-4"]
    long = safe_filename("x" * 500)
    first, second = unique_name(long, taken), unique_name(long, taken)
    assert first != second and len(second) <= MAX_NAME_CHARS


@pytest.mark.parametrize("raw", ["../../../../tmp/x", "/etc/shadow", "CON.txt", "a/../../b", "\\\\server\\share"])
def test_never_escapes_a_folder(tmp_path, raw):
    out = (tmp_path / (safe_filename(raw) + ".html")).resolve()
    assert out.parent == tmp_path.resolve()
