"""Calibration: features, the logistic fit, its shipped form, the review threshold, and how it is applied."""

import json
from pathlib import Path

import pytest

from analysis import assess, calibration
from analysis.calibration import Row, choose_review_threshold, fit, leave_one_statute_out, verdict_features
from modellaw import load_model, resolve_model
from statutes import parse_text

ACT = """1. Short title
This Act may be cited as the Trafficking in Persons Act.
2. Trafficking in persons
(1) A person who recruits, transports, transfers, harbours or receives another person by means of threat,
force, abduction, fraud, deception, abuse of power or of a position of vulnerability, or the giving of payments
or benefits to achieve the consent of a person having control over another person, for the purpose of
exploitation commits an offence.
(2) The consent of the victim to the intended exploitation is irrelevant.
"""


def rows(n_statutes=4):
    """Rows where 'strong' matches are right 9 times in 10 and weak ones 3 in 10."""
    out = []
    for s in range(n_statutes):
        for i in range(10):
            out.append(Row(f"s{s}", f"k{i}", "covered", "covered" if i < 9 else "partial", {"strong": 1.0}))
            out.append(Row(f"s{s}", f"w{i}", "covered", "covered" if i < 3 else "missing", {"strong": 0.0}))
    return out


def test_fit_learns_how_often_each_kind_of_match_is_right():
    cal = fit(rows(30), "m")  # enough rows that the L2 penalty barely shrinks the estimate
    assert cal.probability({"strong": 1.0}) == pytest.approx(0.9, abs=0.08)
    assert cal.probability({"strong": 0.0}) == pytest.approx(0.3, abs=0.08)
    back = calibration.calibration_from_dict(json.loads(json.dumps(cal.to_dict())))
    assert back.probability({"strong": 1.0}) == pytest.approx(cal.probability({"strong": 1.0}))
    assert back.probability({"unknown-feature": 1.0, "strong": 1.0}) == pytest.approx(cal.probability({"strong": 1.0}))


def test_leave_one_statute_out_never_sees_the_statute_it_scores():
    rs = rows(3)
    # statute s0 is wrong everywhere: a calibration fitted with it would lower its own probabilities
    rs = [Row(r.statute, r.key, "missing" if r.statute == "s0" else r.gold, r.predicted, r.features) for r in rs]
    held = leave_one_statute_out(rs, "m")
    in_sample = fit(rs, "m")
    assert held[("s0", "k0")] > in_sample.probability({"strong": 1.0})


def test_review_threshold_is_the_lowest_that_reaches_the_target():
    pts = [
        (0.2, False),
        (0.3, False),
        (0.4, True),
        (0.6, True),
        (0.7, True),
        (0.8, True),
        (0.9, True),
        (0.95, True),
        (0.97, True),
    ]
    t = choose_review_threshold(pts, target=0.9, max_flagged=1 / 3, at_least=0.0)
    assert t == pytest.approx(0.35)  # flag the two lowest: the other seven are all right
    # target out of reach within a third flagged: flag exactly a third
    bad = [(i / 10, i % 2 == 0) for i in range(9)]
    t = choose_review_threshold(bad, target=0.99, max_flagged=1 / 3, at_least=0.0)
    assert sum(p < t for p, _ in bad) == 3
    # however accurate the corpus, the threshold never falls under the documented floor
    assert choose_review_threshold([(0.5, True), (0.9, True)], at_least=0.85) == 0.85


def test_features_lie_in_the_unit_interval_and_name_the_verdict():
    a = assess(parse_text(ACT, "en"), resolve_model("tip-2009"))
    for v in a.verdicts:
        f = verdict_features(v, a)
        assert f[f"verdict={v.verdict}"] == 1.0 and f[f"provision={v.provision.id}"] == 1.0
        assert all(0.0 <= x <= 1.0 for x in f.values()), v.provision.id


def test_the_shipped_calibration_is_applied_to_every_verdict():
    model = resolve_model("tip-2009")
    cal = calibration.shipped(model.id)
    assert cal is not None and cal.features and 0.0 < cal.review_below < 1.0
    a = assess(parse_text(ACT, "en"), model)
    for v in a.verdicts:
        assert v.calibrated and 0.0 <= v.confidence <= 1.0
        assert v.review == (v.confidence < cal.review_below)
    kr = a.key_results()
    assert kr["offence.trafficking"]["verdict"] == "covered"
    assert kr["offence.trafficking"]["provisions"] == ["art8-offence"]


def test_a_model_without_calibration_flags_every_verdict(tmp_path):
    model = load_model(resolve_model("tip-2009").path)  # same content, but a user's own file has no calibration
    user = tmp_path / "my-checklist.xml"
    text = Path(model.path).read_bytes()
    user.write_bytes(text.replace(b'id="unodc-tip-2009"', b'id="my-checklist"', 1))
    a = assess(parse_text(ACT, "en"), load_model(user))
    assert all(not v.calibrated and v.review for v in a.verdicts)
