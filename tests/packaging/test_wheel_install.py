"""`pip install .` gives a working tool: the wheel carries every file the code reads at run time.

The wheel is built from a copy of the source tree (so the checkout stays clean), installed
without dependencies into a fresh virtual environment that borrows this environment's
third-party packages (but not its editable install of modellaw), and run from a temporary
directory that holds nothing of the project. Its assessment must equal the checkout's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"
# The top-level packages, as pyproject.toml tells setuptools to find them ("modellaw*" -> modellaw).
PACKAGES = tuple(
    p.rstrip("*")
    for p in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"][
        "find"
    ]["include"]
)
# Fields that legitimately differ between two runs of the same tool on the same text.
VOLATILE = ("created", "tool", "model")


def _copy_source(dest: Path) -> None:
    for name in ("pyproject.toml", "README.md", "cli.py"):
        shutil.copy2(ROOT / name, dest / name)
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `modellaw` command of a fresh venv holding only the built wheel (plus borrowed dependencies)."""
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"
    src.mkdir()
    _copy_source(src)
    dist = work / "dist"
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)], cwd=work)
    if built.returncode != 0:
        if "Could not find a version" in built.stderr or "No matching distribution" in built.stderr:
            pytest.skip("cannot build a wheel here: the build backend (setuptools) is not reachable")
        raise AssertionError(f"pip wheel failed:\n{built.stderr[-2000:]}")
    wheels = list(dist.glob("modellaw-*.whl"))
    assert len(wheels) == 1, wheels

    venv = work / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=work)
    assert made.returncode == 0, made.stderr
    vpy = venv / "bin" / "python"
    purelib = _run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=work)
    # A directory named in a .pth file joins sys.path, but the .pth files inside it are not run:
    # the dependencies are visible, this checkout's editable install of modellaw is not.
    Path(purelib.stdout.strip(), "_borrowed_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    inst = _run(
        [sys.executable, "-m", "pip", "--python", str(vpy), "install", "--no-deps", "--no-index", "-q", str(wheels[0])],
        cwd=work,
    )
    assert inst.returncode == 0, inst.stderr
    exe = venv / "bin" / "modellaw"
    assert exe.exists()
    return exe


def _assessment(text: str) -> dict[str, object]:
    data = json.loads(text)
    for field in VOLATILE:
        data.pop(field, None)
    data["statute"].pop("path", None)
    return data


def test_installed_wheel_finds_its_models_and_data(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    statute = elsewhere / "act.txt"
    shutil.copy2(SAMPLE, statute)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MODELLAW_DB", "MODELLAW_CACHE")}

    # The import comes from the installed wheel, not from this checkout.
    where = _run(
        [str(installed.with_name("python")), "-c", "import modellaw; print(modellaw.__file__)"], elsewhere, env
    )
    assert where.returncode == 0, where.stderr
    assert not where.stdout.strip().startswith(str(ROOT)), where.stdout

    listed = _run([str(installed), "models", "list"], elsewhere, env)
    assert listed.returncode == 0, listed.stderr
    for model in ("unodc-tip-2009", "unodc-tip-2020", "unodc-som-2010"):
        assert model in listed.stdout

    run = _run([str(installed), "compare", "act.txt", "--format", "json"], elsewhere, env)
    assert run.returncode == 0, run.stderr
    here = _run([sys.executable, "-m", "cli", "compare", str(statute), "--format", "json"], ROOT)
    assert here.returncode == 0, here.stderr
    assert _assessment(run.stdout) == _assessment(here.stdout)

    # Every report writer finds its templates, catalogs and fonts from the wheel.
    for fmt, lang in (("html", "fr"), ("md", "ar"), ("xlsx", "es"), ("pdf", "en")):
        out = elsewhere / f"report.{fmt}"
        made = _run(
            [str(installed), "compare", "act.txt", "--format", fmt, "--report-lang", lang, "-o", str(out)],
            elsewhere,
            env,
        )
        assert made.returncode == 0, (fmt, made.stderr)
        assert out.stat().st_size > 1000, fmt
