"""`modellaw evaluate` and `modellaw calibrate` end to end on a small labelled folder of real excerpts."""

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from cli import app

FIX = Path(__file__).parents[1] / "fixtures" / "statutes"
# (excerpt, {key: the verdict a reader of the excerpt gives})
LABELS = {
    "fr-code-penal-225-4-1": {
        "offence.trafficking": "covered",
        "victim.compensation": "missing",
        "carriers.duty": "missing",
    },
    "es-codigo-penal-177bis": {
        "offence.trafficking": "covered",
        "offence.consent-irrelevant": "covered",
        "victim.residence": "missing",
    },
    "en-uk-modern-slavery-2015-s1": {"victim.non-punishment": "missing", "carriers.duty": "missing"},
}


def corpus(tmp: Path) -> Path:
    (tmp / "statutes").mkdir()
    (tmp / "gold").mkdir()
    for name, keys in LABELS.items():
        shutil.copy(FIX / f"{name}.txt", tmp / "statutes" / f"{name}.txt")
        rows = ["key,verdict,units,notes"] + [f"{k},{v},," for k, v in keys.items()]
        (tmp / "gold" / f"{name}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp / "gold"


def test_evaluate_json_holds_every_figure(tmp_path):
    gold = corpus(tmp_path)
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--format", "json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert set(d["statutes"]) == set(LABELS)
    for part in [*d["statutes"].values(), *d["languages"].values(), d["overall"]]:
        for field in ("accuracy", "kappa", "macro_f1", "false_covered", "covered_predicted"):
            assert field in part
        for label in ("in_sample", "leave_one_statute_out"):
            assert {"ece", "reliability", "review"} <= set(part[label])
            assert 0.0 <= part[label]["review"]["flagged_share"] <= 1.0
    assert d["overall"]["n"] == sum(len(v) for v in LABELS.values())
    assert {"kappa", "macro_f1", "ece", "review"} <= set(d["keys"]["carriers.duty"])


def test_save_then_against_shows_nothing_moved(tmp_path):
    gold = corpus(tmp_path)
    saved = tmp_path / "run.json"
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--no-held-out", "--save", str(saved)])
    assert r.exit_code == 0, r.output
    assert json.loads(saved.read_text(encoding="utf-8"))["format"] == "modellaw.evaluation/1"
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--no-held-out", "--against", str(saved)])
    assert r.exit_code == 0, r.output
    assert "0 verdicts moved: 0 fixed, 0 broken, 0 still wrong" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    r = CliRunner().invoke(app, ["evaluate", "--gold", str(gold), "--no-held-out", "--against", str(bad)])
    assert r.exit_code == 3 and "not a saved evaluation" in r.output


def test_calibrate_writes_a_calibration_the_loader_reads(tmp_path):
    from analysis.calibration import calibration_from_dict

    gold = corpus(tmp_path)
    out = tmp_path / "cal.json"
    r = CliRunner().invoke(app, ["calibrate", "--gold", str(gold), "-o", str(out)])
    assert r.exit_code == 0, r.output
    cal = calibration_from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert cal.model_id == "unodc-tip-2009" and cal.review_below >= 0.85
    assert sorted(cal.fitted_on) == sorted(LABELS)
