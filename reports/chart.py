"""The executive summary's chart: covered, partly covered and missing provisions per chapter, as SVG geometry.

Pure arithmetic: the template draws the rectangles as inline SVG (no script, nothing fetched), so
the chart is the same in a browser and in the PDF. Bars are to one scale (the largest chapter fills
the width), so a chapter of two provisions does not look like a chapter of ten.
"""

from __future__ import annotations

from dataclasses import dataclass

VERDICT_ORDER = ("covered", "partial", "missing")


@dataclass(frozen=True)
class Segment:
    verdict: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    chapter: str  # the chapter id (a Roman numeral in the shipped models)
    title: str
    y: float
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    label_width: float
    bar_height: float
    bars: tuple[Bar, ...]


def chapter_chart(
    rows: list[tuple[str, str, dict[str, int]]],
    width: float = 200.0,
    label_width: float = 0.0,
    bar_height: float = 12.0,
    gap: float = 0.0,
) -> Chart:
    """`rows`: (chapter id, title, {verdict: count}) in chapter order -> the bars, in SVG user units.

    With the defaults each bar is drawn on its own (one small SVG per row of the chapter table).
    """
    longest = max((sum(c.get(v, 0) for v in VERDICT_ORDER) for _, _, c in rows), default=0)
    scale = (width - label_width) / longest if longest else 0.0
    bars = []
    for i, (cid, title, counts) in enumerate(rows):
        x = label_width
        segments = []
        for v in VERDICT_ORDER:
            n = counts.get(v, 0)
            if n:
                segments.append(Segment(v, n, round(x, 2), round(n * scale, 2)))
                x += n * scale
        bars.append(Bar(cid, title, round(i * (bar_height + gap), 2), sum(s.count for s in segments), tuple(segments)))
    height = len(rows) * (bar_height + gap) - gap if rows else 0.0
    return Chart(width, round(height, 2), label_width, bar_height, tuple(bars))


__all__ = ["Bar", "Chart", "Segment", "chapter_chart"]
