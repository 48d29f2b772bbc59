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


@pytest.mark.parametrize("cited,gold,same", [
    ("s. 3(1)", "s. 3(1)", True),
    ("s. 3(1)(a)", "s. 3(1)", True),
    ("s. 3", "s. 3(5)", True),
    ('s. 2 ("exploitation")(f)', "s. 2", True),
    ("s. 20(2)", "s. 2", False),
    ("Art. 225-4-1, I, 1°", "Art. 225-4-1", True),
    ("Art. 225-4-10", "Art. 225-4-1", False),
])
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
