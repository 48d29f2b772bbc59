"""The statute's text cut into segments, each marked with the provisions whose evidence covers it (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from analysis.types import Assessment


@dataclass(frozen=True)
class Segment:
    text: str
    provisions: tuple[str, ...]  # ids of the provisions citing these characters as evidence (none: plain text)
    anchor: str = ""  # the provision whose first evidence starts here (the target of a click), if any


def segments(text: str, a: Assessment) -> list[Segment]:
    """`text` split at every evidence boundary; overlapping spans give a segment every provision covering it."""
    spans: list[tuple[int, int, str]] = []
    for v in a.verdicts:
        for e in v.evidence:
            start, end = max(0, e.start), min(len(text), e.end)
            if start < end:
                spans.append((start, end, v.provision.id))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    first: dict[str, int] = {}
    for s, _, pid in sorted(spans):
        first.setdefault(pid, s)
    anchors: dict[int, list[str]] = {}
    for pid, s in first.items():
        anchors.setdefault(s, []).append(pid)
    out: list[Segment] = []
    for lo, hi in pairwise(cuts):
        covering = tuple(dict.fromkeys(pid for s, e, pid in spans if s <= lo and hi <= e))
        out.append(Segment(text[lo:hi], covering))
        for pid in anchors.get(lo, []):  # an empty anchor segment before the words, one per provision
            out.insert(len(out) - 1, Segment("", (), pid))
    return out
