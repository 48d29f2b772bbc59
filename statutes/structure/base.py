"""The parser state: open units on a stack, ids, headings; shared by the acceptance steps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from statutes.structure.scanner import Cand, _Scanner
from statutes.structure.text import LANGS, _orig, unparen, western_digits
from statutes.structure.values import Val


# ---------------------------------------------------------------------------------------
@dataclass
class _Node:
    cls: str
    kind: str
    style: str
    rank: float
    num: str
    label: str
    heading: str
    start: int
    parent: int
    depth: int
    idc: str
    val: Val | None = None
    kw: str = ""
    end: int = -1
    first_child: int = -1
    extra: dict = field(default_factory=dict)


_TERMINAL = ".;:,!?—–-…،؛"
_DEG_CLEAN = re.compile(r"[ \t\u00a0\-–—]+")
_RUN_IN = re.compile(r"([^.;:\n]{2,100}?)\.\s*[-–—]+\s+\S")


_SAN_WS = re.compile(r"[\s\u00a0.]+")
_SAN_BAD = re.compile(r"[^\w\-]+")


def _sanitize(num: str) -> str:
    if num.isascii() and num.isalnum() and len(num) <= 40:
        return num
    t = unparen(western_digits(num)).replace("º", "").replace("°", "").replace("ª", "")
    t = _SAN_WS.sub("-", t)
    t = _SAN_BAD.sub("", t).strip("-")
    return t[:40] or "x"


def _word_count(s: str) -> int:
    return len(s.split())


# What the parser's passes share: (offset, text) per line; its normalised form with the index
# map back and the first non-space position; the cached per-line scan.
_Lines = list[tuple[int, str]]
_Idx = list[int] | None
_Normed = list[tuple[str, _Idx, int]]
_Scan = Callable[[int], list["Cand"]]


class _Base:
    """The parser's state (the stack of open units) and the helpers every acceptance step uses."""

    def __init__(self, text: str, lang: str, headings_above: bool = False):
        self.text = text
        self.headings_above = headings_above
        self.lang = (lang or "").lower()[:2] if lang else ""
        if self.lang not in LANGS:
            self.lang = "en" if not lang else self.lang
        self.scanner = _Scanner(self.lang)
        self.nodes: list[_Node] = []
        self.stack: list[int] = []
        self.div_rank: dict[str, float] = {}
        self.ids: set[str] = set()
        self.id_next: dict[str, int] = {}
        self.keyword_mode = False
        self.cur_norm = ""
        self.cur_body = ""
        self.cur_idx: list[int] | None = None
        self.last_bare: dict[int, Val] = {}  # container node -> last bare section value
        self.heading_lines: set[int] = set()  # lines taken as the heading of the unit above them

    # -- helpers -----------------------------------------------------------------------
    def _lines(self) -> list[tuple[int, str]]:
        out = []
        off = 0
        for raw in self.text.splitlines(keepends=True):
            body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
            out.append((off, body))
            off += len(raw)
        return out

    def _top(self) -> _Node | None:
        return self.nodes[self.stack[-1]] if self.stack else None

    def _pop(self, at: int) -> None:
        i = self.stack.pop()
        self.nodes[i].end = at

    def _pop_while(self, at: int, pred: Callable[[_Node], bool]) -> None:
        while self.stack and pred(self.nodes[self.stack[-1]]):
            self._pop(at)

    def _art_index(self) -> int:
        """Stack position of the innermost article/section-level node (or -1)."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.nodes[self.stack[k]].cls in ("art",):
                return k
            if self.nodes[self.stack[k]].cls in ("div", "sched"):
                return -1
        return -1

    def _push(self, node: _Node) -> int:
        parent = self.stack[-1] if self.stack else -1
        node.parent = parent
        node.depth = (self.nodes[parent].depth + 1) if parent >= 0 else 0
        base = node.idc
        if parent >= 0:
            base = self.nodes[parent].idc + "__" + node.idc
        uid = base
        if uid in self.ids:
            k = self.id_next.get(base, 2)
            while f"{base}_{k}" in self.ids:
                k += 1
            uid = f"{base}_{k}"
            self.id_next[base] = k + 1
        self.ids.add(uid)
        node.idc = uid
        self.nodes.append(node)
        idx = len(self.nodes) - 1
        if parent >= 0 and self.nodes[parent].first_child < 0:
            self.nodes[parent].first_child = idx
        self.stack.append(idx)
        return idx

    def _in_schedule_without_art(self) -> bool:
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "sched":
                return True
            if n.cls == "div":
                return False
        return False

    def _in_schedule(self) -> _Node | None:
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "sched":
                return n
        return None

    def _heading_from(
        self,
        c: Cand,
        body: str,
        idx: _Idx,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        max_words: int,
        allow_period: bool = False,
        next_line: bool = True,
    ) -> str:
        s, _i, _p = normed[i]
        rest = s[c.end :].strip()
        if rest:
            if self._headingish(rest, max_words, allow_period):
                return body[_orig(idx, c.end) :].strip()
            m = _RUN_IN.match(rest)  # "Definition of Terms. – As used in this Act:"
            if m and self._headingish(m.group(1), max_words, False):
                return m.group(1).strip()
            return ""
        if not next_line:
            return ""
        for j in range(i + 1, min(i + 3, len(lines))):
            s2, idx2, p2 = normed[j]
            if p2 >= len(s2):
                continue
            if scan(j):
                return ""
            cand = s2[p2:].strip()
            q = 0
            if cand.startswith("«"):
                q = 1
                cand = cand[1:].strip()
            if self._headingish(cand, max_words, allow_period) and len(cand) <= 160:
                h = lines[j][1].strip()
                self.heading_lines.add(j)
                return h[1:].strip() if q else h
            return ""
        return ""

    def _headingish(self, rest: str, max_words: int, allow_period: bool) -> bool:
        if not rest or _word_count(rest) > max_words:
            return False
        if rest[0].islower() or rest[0] in "([«\"“'":
            return False
        last = rest[-1]
        # ends without a full stop or the like, or (when allowed) with the period of a short heading
        return last not in _TERMINAL or (allow_period and last == "." and _word_count(rest) <= 6)

    def _orig_text(self, body: str, idx: _Idx, c: Cand, what: str) -> str:
        """The original spelling of the candidate's number (the normalised line may differ)."""
        if idx is None:
            return c.num
        s_norm = self.cur_norm
        k = s_norm.find(c.num, c.pos)
        if k < 0:
            return c.num
        return body[_orig(idx, k) : _orig(idx, k + len(c.num))].strip() or c.num

    def _open_of_style(self, style: str) -> int:
        """Stack position of the innermost open unit of a style, within the current article."""
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.style == style:
                return k
            if n.cls in ("art", "div", "sched"):
                return -1
        return -1

    def _lookahead_roman(self, i: int, normed: _Normed) -> str | None:
        """The next "(x)" marker after line i, to tell roman (i) from the letter (i)."""
        for j in range(i + 1, min(i + 40, len(normed))):
            s, _idx, p = normed[j]
            m = re.match(r"\(([a-z]{1,4})\)", s[p : p + 8])
            if m:
                return m.group(1)
        return None

    def _heading_above(self, i: int, lines: _Lines, normed: _Normed, scan: _Scan) -> tuple[int, str] | None:
        """A short title printed on its own line above "Article 5": (its line, its text), or None.

        Taken only when it cannot belong to what precedes it: the line is not a number or a heading
        already given to the unit above, and what comes before it ends a sentence or is a numbered line
        or a heading itself. A title above its article is common in translated and consolidated texts.
        """
        j = i - 1
        while j >= 0 and normed[j][2] >= len(normed[j][0]) and j >= i - 2:
            j -= 1
        if j < 0 or j < i - 2 or j in self.heading_lines or scan(j):
            return None
        s, _idx, p = normed[j]
        cand = s[p:].strip()
        if len(cand) > 80 or not self._headingish(cand, 8, False) or not any(ch.isalpha() for ch in cand):
            return None
        if cand.isupper():  # "DISPOSITIONS FINALES": an unnumbered division, not the title of one article
            return None
        top = self._top()
        if top is None or top.cls == "sched":
            return None
        k = j - 1
        while k >= 0 and normed[k][2] >= len(normed[k][0]):
            k -= 1
        if k >= 0 and k not in self.heading_lines and not scan(k):
            before = normed[k][0].rstrip()
            if not before or before[-1] not in '.;:!?…»"”)':
                return None
        return j, lines[j][1].strip()
