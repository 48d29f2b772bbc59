"""Print the per-statute accuracy floors for tests/analysis/test_corpus_accuracy.py from a saved evaluation.

    modellaw evaluate --gold ../shared/corpus/gold --save benchmarks/evaluation-main.json
    python scripts/ratchet.py benchmarks/evaluation-main.json

Floors are the measured figures rounded down to three places; paste them over FLOOR (never lower one).
"""

import json
import math
import sys
from pathlib import Path


def main(path: str) -> None:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    right = total = 0
    print("FLOOR = {")
    for name, keys in d["verdicts"].items():  # exact accuracy from the verdicts, not the rounded figures
        r = sum(k["verdict"] == k["gold"] for k in keys.values())
        right, total = right + r, total + len(keys)
        print(f'    "{name}": {math.floor(r / len(keys) * 1000) / 1000:.3f},')
    print("}")
    print(f"OVERALL_FLOOR = {math.floor(right / total * 1000) / 1000:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
