"""Evaluation arithmetic on small hand-made tables, so the printed figures can be trusted."""

import pytest

from analysis.evaluate import evidence_agreement, read_gold, same_place, score


def test_scores_on_a_known_table():
    gold = {"a": "covered", "b": "partial", "c": "missing", "d": "missing", "e": "covered"}
    pred = {"a": "covered", "b": "missing", "c": "missing", "d": "partial", "e": "partial"}
    s = score(gold, pred)
    assert s.n == 5 and s.correct == 2 and s.accuracy == pytest.approx(0.4)
    # gaps (partial or missing): gold b,c,d; predicted b,c,d,e -> tp 3, precision 3/4, recall 1
    p, r, f1 = s.gap_prf()
    assert (p, r) == (pytest.approx(0.75), pytest.approx(1.0)) and f1 == pytest.approx(6 / 7)
    assert s.precision_recall("covered") == (pytest.approx(1.0), pytest.approx(0.5))
    assert sorted(k for k, _, _ in s.disagreements) == ["b", "d", "e"]


def test_a_key_the_model_does_not_carry_counts_as_missing():
    assert score({"x": "missing"}, {}).accuracy == 1.0


@pytest.mark.parametrize(
    "cited,gold,same",
    [
        ("s. 3(1)", "s. 3(1)", True),
        ("s. 3(1)(a)", "s. 3(1)", True),
        ("s. 3", "s. 3(5)", True),
        ('s. 2 ("exploitation")(f)', "s. 2", True),
        ("s. 20(2)", "s. 2", False),
        ("Art. 225-4-1, I, 1°", "Art. 225-4-1", True),
        ("Art. 225-4-10", "Art. 225-4-1", False),
    ],
)
def test_same_place(cited, gold, same):
    assert same_place(cited, gold) is same


def test_evidence_agreement_counts_only_keys_both_found():
    rows = {"a": ("covered", ["s. 3"]), "b": ("partial", ["s. 9"]), "c": ("missing", []), "d": ("covered", ["s. 1"])}
    cited = {"a": {"s. 3(1)"}, "b": {"s. 10"}, "c": {"s. 4"}}
    assert evidence_agreement(rows, cited) == (1, 2)


def test_unknown_verdict_is_refused(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("key,verdict,units,notes\nx,maybe,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown verdict"):
        read_gold(p)


def test_kappa_macro_f1_and_false_covered_on_a_known_table():
    gold = {"a": "covered", "b": "partial", "c": "missing", "d": "missing", "e": "covered"}
    pred = {"a": "covered", "b": "missing", "c": "missing", "d": "partial", "e": "partial"}
    s = score(gold, pred)
    # po = 2/5; gold marginals c2 p1 m2, predicted c1 p2 m2 -> pe = (2*1 + 1*2 + 2*2) / 25 = 8/25
    assert s.kappa == pytest.approx((0.4 - 8 / 25) / (1 - 8 / 25))
    # F1: covered p1 r.5 -> 2/3; partial p0 r0 -> 0; missing p.5 r.5 -> .5
    assert s.macro_f1 == pytest.approx((2 / 3 + 0 + 0.5) / 3)
    assert s.false_covered == 0.0  # the one 'covered' verdict is right
    s2 = score({"a": "partial", "b": "covered"}, {"a": "covered", "b": "covered"})
    assert s2.false_covered == pytest.approx(0.5)
    assert score({"a": "covered"}, {"a": "covered"}).kappa == 1.0


def test_reliability_and_expected_calibration_error():
    from analysis.evaluate import expected_calibration_error, reliability, review_figures

    pts = [(0.95, True)] * 9 + [(0.95, False)] + [(0.55, True)] * 2 + [(0.55, False)] * 2
    rows = reliability(pts)
    assert [(r["from"], r["n"], r["accuracy"]) for r in rows] == [(0.5, 4, 0.5), (0.9, 10, 0.9)]
    # |0.5 - 0.55| * 4 + |0.9 - 0.95| * 10, over 14
    assert expected_calibration_error(pts) == pytest.approx((0.05 * 4 + 0.05 * 10) / 14)
    rf = review_figures(pts, 0.6)
    assert rf["flagged_share"] == pytest.approx(4 / 14, abs=1e-3) and rf["unflagged_accuracy"] == 0.9
    assert reliability([(1.0, True)])[0]["to"] == 1.0  # a confidence of exactly 1 falls in the last bin


def test_changes_between_two_saved_runs_say_fixed_broken_or_still_wrong():
    from analysis.benchmark import SAVED_FORMAT, changes, format_changes

    def run(verdicts, acc):
        return {
            "format": SAVED_FORMAT,
            "measured": "2026-12-01",
            "figures": {"s": {"accuracy": acc, "kappa": 0.0, "macro_f1": 0.0, "false_covered": 0.0}},
            "verdicts": {"s": {k: {"verdict": v, "confidence": 0.5, "gold": g} for k, (v, g) in verdicts.items()}},
        }

    old = run(
        {
            "a": ("covered", "partial"),
            "b": ("partial", "partial"),
            "c": ("missing", "covered"),
            "d": ("missing", "missing"),
        },
        0.5,
    )
    new = run(
        {
            "a": ("partial", "partial"),
            "b": ("covered", "partial"),
            "c": ("partial", "covered"),
            "d": ("missing", "missing"),
        },
        0.5,
    )
    assert [(c.key, c.kind) for c in changes(old, new)] == [("a", "fixed"), ("b", "broken"), ("c", "still wrong")]
    text = format_changes(old, new)
    assert "3 verdicts moved: 1 fixed, 1 broken, 1 still wrong" in text and "accuracy 0.500 (+0.000)" in text
    with pytest.raises(ValueError):
        changes({"format": "other"}, new)
