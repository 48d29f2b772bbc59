"""Accuracy on the expert-labelled corpus (shared/corpus): the issue's floor, per statute and overall.

The corpus lives outside the project (../shared/corpus, or $MODELLAW_CORPUS); without it the
test skips and says so. `modellaw evaluate --gold DIR` prints the same figures.
"""
import pytest

from analysis import assess
from analysis.evaluate import Scores, read_gold, score
from modellaw import resolve_model
from statutes import read_statute

from tests.corpus import CORPUS
GOLD = sorted((CORPUS / "gold").glob("*.csv")) if (CORPUS / "gold").is_dir() else []


@pytest.mark.skipif(not GOLD, reason=f"no gold labels at {CORPUS}/gold")
def test_gap_detection_and_accuracy_floor():
    model = resolve_model("tip-2009")
    overall = Scores()
    for g in GOLD:
        statute = next(p for p in (CORPUS / "statutes").glob(g.stem + ".*") if p.suffix != ".meta")
        st = read_statute(statute)
        a = assess(st, model)
        # every covered or partial verdict cites a unit a reader can find in the statute
        labels = {u.label for u in st.units}
        for v in a.verdicts:
            if v.verdict != "missing":
                assert v.evidence and all(e.unit in labels for e in v.evidence), v.provision.id
        overall.merge(score(read_gold(g), a.key_verdicts()))
    p, r, f1 = overall.gap_prf()
    print(f"corpus: n={overall.n} accuracy={overall.accuracy:.3f} gap P={p:.3f} R={r:.3f} F1={f1:.3f}")
    assert f1 >= 0.85
    assert overall.accuracy >= 0.75
