"""Domain types for a national statute: a tree of citable units over one source text.

Every unit and definition carries character offsets into `Statute.text`, so any
evidence quoted later can be traced back to the exact words of the law.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class StatuteError(ValueError):
    """An input that cannot be read; the message is one line naming the file and the reason."""


@dataclass
class Unit:
    """One citable unit: part/chapter/division, section or article, subsection, paragraph...

    `start:end` is the whole unit in `Statute.text`, children included; `start:body_end`
    is the unit's own text (its number, heading and words before its first child).
    """

    id: str  # stable, eId-like: "part_I__sec_3__subsec_1__para_a"
    kind: str  # preamble|part|title|chapter|division|section|article|subsection|paragraph|subparagraph|item|schedule
    num: str  # the number as written: "3", "225-4-1", "(a)", "1°", "٥"
    label: str  # citable in the statute's convention: "s. 3(1)(a)", "Art. 225-4-1", "المادة 5"
    heading: str
    start: int
    end: int
    body_end: int
    parent: str | None = None
    depth: int = 0

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def own_text(self, source: str) -> str:
        return source[self.start : self.body_end]


@dataclass
class Definition:
    """A term the statute defines, with the defining words ("child" means ...)."""

    term: str
    text: str
    unit_id: str
    start: int
    end: int


@dataclass
class StatuteMeta:
    path: str = ""
    format: str = ""  # txt|docx|pdf|html|akn|xml
    title: str = ""
    country: str = ""
    year: str = ""
    language: str = ""  # as declared by header/sidecar/manifest, if any
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    # A multilingual text's languages and their shares of its letters, largest first; the
    # text assessed is the chosen language's (the others blanked). Empty for a one-language text.
    languages: dict[str, float] = field(default_factory=dict)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based PDF pages whose text came from OCR
    ocr_spans: list[tuple[int, int]] = field(default_factory=list)  # their [start, end) in the text as read

    def from_ocr(self, start: int, end: int) -> bool:
        """Whether any of text[start:end] was read by OCR rather than from a text layer."""
        return any(s < end and start < e for s, e in self.ocr_spans)


@dataclass
class Document:
    """What a reader returns: plain text, metadata, and units when the format carries structure."""

    text: str
    meta: StatuteMeta
    units: list[Unit] | None = None


@dataclass
class Statute:
    text: str
    language: str
    meta: StatuteMeta
    units: list[Unit]
    definitions: list[Definition]

    def unit(self, unit_id: str) -> Unit:
        return self._index()[unit_id]

    def _index(self) -> dict[str, Unit]:
        idx = getattr(self, "_idx", None)
        if idx is None:
            idx = {u.id: u for u in self.units}
            object.__setattr__(self, "_idx", idx)
        return idx

    def children(self, unit_id: str | None) -> list[Unit]:
        return [u for u in self.units if u.parent == unit_id]

    def top_level_count(self, kinds: tuple[str, ...] = ("section", "article")) -> int:
        return sum(1 for u in self.units if u.kind in kinds)
