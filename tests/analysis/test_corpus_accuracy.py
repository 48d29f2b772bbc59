"""Accuracy on the expert-labelled corpus (shared/corpus): a ratchet, per statute and overall.

The floors are what `modellaw evaluate --gold ../shared/corpus/gold` measured on main
(the date and figures are in the README's accuracy section); they only ever rise. A
change that lowers any statute's figure below its floor fails here, even if the overall
figure improves. The corpus lives outside the project (../shared/corpus, or
$MODELLAW_CORPUS); without it the test skips and says so.
"""

import json
from pathlib import Path

import pytest

from analysis import assess
from analysis.evaluate import Scores, read_gold, score
from modellaw import resolve_model
from statutes import read_statute
from tests.corpus import CORPUS

BASELINE = Path(__file__).parents[2] / "benchmarks" / "evaluation-main.json"
GOLD = sorted((CORPUS / "gold").glob("*.csv")) if (CORPUS / "gold").is_dir() else []

# three-way accuracy per statute, as measured (rounded down to 3 places; scripts/ratchet.py prints them)
FLOOR = {
    "ar-ley-26364-2008": 0.894,
    "br-lei-13344-2016": 0.921,
    "dj-loi-210-2007": 0.921,
    "dj-loi-traite-2016": 1.000,
    "ke-counter-trafficking-2010": 0.973,
    "kw-law-91-2013": 0.947,
    "lk-trafficking-women-children-prostitution-2005": 0.973,
    "mz-lei-17-2020-2020": 1.000,
    "pe-ley-28950-2007": 0.921,
    "sa-anti-trafficking-law-2009": 0.921,
    "sg-prevention-human-trafficking-2014": 0.947,
}
OVERALL_FLOOR = 0.947


@pytest.mark.skipif(not GOLD, reason=f"no gold labels at {CORPUS}/gold")
def test_accuracy_never_falls_below_what_was_measured():
    model = resolve_model("tip-2009")
    overall = Scores()
    below, moved = [], []
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))["verdicts"]
    for g in GOLD:
        statute = next(p for p in (CORPUS / "statutes").glob(g.stem + ".*") if p.suffix != ".meta")
        st = read_statute(statute)
        a = assess(st, model)
        # every covered or partial verdict cites a unit a reader can find in the statute
        labels = {u.label for u in st.units}
        for v in a.verdicts:
            if v.verdict != "missing":
                assert v.evidence and all(e.unit in labels for e in v.evidence), v.provision.id
        s = score(read_gold(g), a.key_verdicts())
        overall.merge(s)
        was = baseline.get(g.stem, {})
        moved += [
            f"{g.stem} {k}: {was[k]['verdict']} -> {v}"
            for k, v in a.key_verdicts().items()
            if k in was and was[k]["verdict"] != v
        ]
        floor = FLOOR.get(g.stem)
        if floor is not None and s.accuracy < floor - 1e-9:
            below.append(f"{g.stem}: {s.accuracy:.3f} < {floor:.3f}")
    print(f"corpus: n={overall.n} accuracy={overall.accuracy:.3f}")
    assert not below, "; ".join(below)
    assert overall.accuracy >= OVERALL_FLOOR
    # the committed baseline is main's: a change that moves verdicts refreshes it in the same commit
    assert not moved, (
        "benchmarks/evaluation-main.json is out of date (" + "; ".join(moved) + "): run "
        "`modellaw evaluate --gold ../shared/corpus/gold --against benchmarks/evaluation-main.json`, "
        "quote it in the change's note, then `--save benchmarks/evaluation-main.json`"
    )
