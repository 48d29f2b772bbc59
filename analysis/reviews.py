"""Apply human reviews to an assessment: the reviewer's verdict is final, the tool's is kept beside it.

    reviewed = apply_reviews(assess(statute, model), {"victim.compensation": HumanReview("partial", "...")})

A review is made on a protection key. It decides that key's verdict, and it touches every provision that
carries the key: such a provision takes the reviewer's verdict (the weakest one, when several of its keys
were reviewed differently, since a key is as covered as its weakest provision), keeps the tool's verdict in
`tool_verdict`, and loses its "needs review" flag. Keys nobody reviewed keep the tool's verdict. A review
of a key the model does not carry is ignored. The function is pure: it returns a new Assessment.
"""

from __future__ import annotations

import dataclasses
from typing import Mapping

from analysis.types import VERDICTS, Assessment, HumanReview

_RANK = {v: i for i, v in enumerate(VERDICTS)}  # covered 0 < partial 1 < missing 2


def apply_reviews(a: Assessment, reviews: Mapping[str, HumanReview]) -> Assessment:
    """`a` with `reviews` (protection key -> review) applied; `a` itself is not changed."""
    carried = {k for v in a.verdicts for k in v.provision.keys}
    keep = {k: r for k, r in reviews.items() if k in carried and r.verdict in _RANK}
    verdicts = []
    for v in a.verdicts:
        tool = v.tool_verdict or v.verdict
        mine = [keep[k] for k in v.provision.keys if k in keep]
        if not mine:
            verdicts.append(dataclasses.replace(v, verdict=tool, tool_verdict=None, human_review=None))
            continue
        weakest = max(mine, key=lambda r: (_RANK[r.verdict], r.at))
        verdicts.append(
            dataclasses.replace(v, verdict=weakest.verdict, tool_verdict=tool, human_review=weakest, review=False)
        )
    return dataclasses.replace(a, verdicts=verdicts, key_reviews=dict(keep))
