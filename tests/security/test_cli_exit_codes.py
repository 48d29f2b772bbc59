"""The documented exit codes of the `modellaw` command, run as a user runs it (the venv's console
script in a subprocess): 0 success, 1 gaps found (only with --fail-on-gaps), 2 usage error,
3 unreadable or invalid input. Every error modellaw reports is one line on stderr
("modellaw: error: ..."), never a traceback.
"""

from __future__ import annotations

import pytest

from .conftest import MINI_MODEL, SAMPLE, STATUTES, build, one_line_error, run_cli

UK = STATUTES / "en-uk-modern-slavery-2015-s1.txt"  # one section: many mandatory provisions missing


def test_success_is_0():
    proc = run_cli("provisions", "list")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "" and "Traceback" not in proc.stdout
    assert "provisions" in proc.stdout.splitlines()[0]


@pytest.mark.parametrize(
    "args, words",
    [
        (("provisions", "list", "--bogus"), "No such option"),
        (("compare", SAMPLE, "--format", "nope"), "Invalid value for '--format'"),
        (("compare",), "Missing argument"),
    ],
    ids=["unknown-option", "unknown-format", "missing-argument"],
)
def test_parser_usage_errors_are_2(args, words):
    """Errors found while parsing the arguments: click's usage hint and the reason, no traceback."""
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert words in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) <= 8, proc.stderr  # usage line, hint and the boxed reason


@pytest.mark.parametrize(
    "args, words",
    [
        (("compare", UK, "--format", "html", "--report-lang", "xx"), "unsupported report language 'xx'"),
        (("compare", UK, "--format", "pdf"), "--format pdf needs -o FILE"),
        (("provisions", "show", "no-such-provision"), "no provision with that id"),
    ],
    ids=["bad-report-lang", "binary-format-to-stdout", "unknown-provision"],
)
def test_modellaw_usage_errors_are_2_and_one_line(args, words):
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    one_line_error(proc, words)


def _bad_inputs(tmp):
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp / "binary.txt"
    binary.write_bytes(build.tiny_png() + bytes(range(256)) * 20)
    noise = tmp / "noise.txt"
    noise.write_bytes(bytes((i * 7919) % 256 for i in range(20_000)))
    bad_model = tmp / "model.xml"
    bad_model.write_text(MINI_MODEL.read_text(encoding="utf-8").replace("</model>", ""), encoding="utf-8")
    schema_bad = tmp / "schema.xml"
    schema_bad.write_text(
        MINI_MODEL.read_text(encoding="utf-8").replace('status="optional" basis', 'status="perhaps" basis'),
        encoding="utf-8",
    )
    newline_value = tmp / "newline.xml"  # the schema quotes the bad value, newlines and all
    newline_value.write_text(
        MINI_MODEL.read_text(encoding="utf-8").replace("<cue>direct result</cue>", "<cue>\n\n\n  </cue>"),
        encoding="utf-8",
    )
    return {
        "schema-error-quoting-newlines": (("provisions", "list", "--model", newline_value), "schema"),
        "missing-file": (("compare", tmp / "nope.txt"), "no such file"),
        "empty-file": (("compare", empty), "empty file"),
        "binary-txt": (("compare", binary), "PNG image"),
        "noise-txt": (("statute", "show", noise), "binary"),
        "directory": (("compare", tmp), "directory"),
        "malformed-model": (("compare", SAMPLE, "--model", bad_model), "malformed XML"),
        "schema-invalid-model": (("provisions", "list", "--model", schema_bad), "schema"),
        "no-such-model": (("compare", SAMPLE, "--model", tmp / "none.xml"), "no such model file"),
        "device-as-model": (("provisions", "list", "--model", "/dev/zero"), "not a regular file"),
        "unwritable-output": (
            ("compare", SAMPLE, "--format", "html", "-o", tmp / "empty.txt" / "x.html"),
            "cannot write",
        ),
        "validate-invalid-model": (("models", "validate", bad_model), "malformed XML"),
    }


CASES = [
    "schema-error-quoting-newlines",
    "missing-file",
    "empty-file",
    "binary-txt",
    "noise-txt",
    "directory",
    "malformed-model",
    "schema-invalid-model",
    "no-such-model",
    "device-as-model",
    "unwritable-output",
    "validate-invalid-model",
]


@pytest.mark.parametrize("case", CASES)
def test_unreadable_or_invalid_input_is_3_and_one_line(tmp_path, case):
    args, words = _bad_inputs(tmp_path)[case]
    proc = run_cli(*args, timeout=120)
    assert proc.returncode == 3, (proc.returncode, proc.stderr)
    one_line_error(proc, words)


def test_gaps_are_1_only_with_fail_on_gaps():
    with_flag = run_cli("compare", UK, "--fail-on-gaps")
    assert with_flag.returncode == 1, with_flag.stderr
    assert "Traceback" not in with_flag.stderr and "missing" in with_flag.stdout
    without = run_cli("compare", UK)
    assert without.returncode == 0, without.stderr
    assert without.stdout == with_flag.stdout  # the same report either way; only the exit code differs


def test_unknown_statute_language_is_a_usage_error():
    res = run_cli("compare", str(SAMPLE), "--lang", "xx")
    assert res.returncode == 2 and "--lang xx" in res.stderr
