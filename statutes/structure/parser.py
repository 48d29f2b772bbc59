"""The linear parse: scan each line, accept divisions and articles, emit units in document order."""

from __future__ import annotations

import logging
import re

from statutes.model import Unit
from statutes.structure.base import _Idx, _Lines, _Node, _Normed, _sanitize, _Scan
from statutes.structure.levels import _Levels
from statutes.structure.patterns import _DIV_KINDS, _LABEL_WORD, _PREAMBLE, _TOC_RX
from statutes.structure.scanner import Cand
from statutes.structure.tables import ordinal_value
from statutes.structure.text import _LEAD_MARKS, LANGS, _orig, normalize_line, western_digits
from statutes.structure.values import _EN_WORDS, roman_value


class _Parser(_Levels):
    """One parse of one text."""

    # -- main loop -----------------------------------------------------------------------
    def run(self) -> list[Unit]:
        lines = self._lines()
        normed: list[tuple[str, list[int] | None, int]] = []
        for _off, body in lines:
            s, idx = normalize_line(body)
            p = 0
            while p < len(s) and (s[p].isspace() or s[p] in _LEAD_MARKS):
                p += 1
            normed.append((s, idx, p))
        scans: list[list[Cand] | None] = [None] * len(lines)

        def scan(i: int) -> list[Cand]:
            cached = scans[i]
            if cached is None:
                s, _idx, p = normed[i]
                cached = scans[i] = self.scanner.scan(s, p) if p < len(s) else []
            return cached

        # Which convention numbers sections in an English act: "Section 4" or bare "4."?
        if self.lang == "en":
            for i in range(len(lines)):
                cs = scan(i)
                if cs and cs[0].cls == "art" and cs[0].lang == "en":
                    self.keyword_mode = True
                    break
        suppressed = self._toc(lines, normed, scan)

        for i, (off, body) in enumerate(lines):
            s, idx, p = normed[i]
            if p >= len(s) or i in suppressed:
                continue
            cands = scan(i)
            if not cands:
                continue
            line_start = off + self._first_nonspace(body)
            self.cur_norm, self.cur_body, self.cur_idx = s, body, idx
            accepted_any = False
            for ci, c in enumerate(cands):
                start = line_start if ci == 0 else off + _orig(idx, c.pos)
                ok = self._accept(c, start, i, lines, normed, scan, body, idx, chained=ci > 0)
                if not ok:
                    break
                accepted_any = True
            if not accepted_any:
                continue
        n = len(self.text)
        while self.stack:
            self._pop(n)
        return self._emit()

    @staticmethod
    def _first_nonspace(body: str) -> int:
        k = 0
        while k < len(body) and body[k].isspace():
            k += 1
        return k

    def _toc(self, lines: _Lines, normed: _Normed, scan: _Scan) -> set[int]:
        """Lines of a table of contents ("ARRANGEMENT OF SECTIONS" ... until the body repeats)."""
        limit = max(1, len(lines) * 2 // 5)
        for t in range(min(limit, len(lines))):
            s, _idx, p = normed[t]
            body = s[p:].strip()
            if not body or len(body) > 40:
                continue
            m = _TOC_RX.fullmatch(body.rstrip(":").strip())
            if not m:
                continue
            first = None
            for a in range(t + 1, len(lines)):
                cs = scan(a)
                if cs and cs[0].cls in ("div", "art") or (cs and cs[0].cls == "sub" and cs[0].style == "num_dot"):
                    first = (a, cs[0].cls, western_digits(cs[0].num).lower(), cs[0].kw.lower())
                    break
            if first is None:
                return set()
            for b in range(first[0] + 1, len(lines)):
                cs = scan(b)
                if cs and (cs[0].cls, western_digits(cs[0].num).lower(), cs[0].kw.lower()) == first[1:]:
                    return set(range(t, b))
            return set()
        return set()

    # -- acceptance ---------------------------------------------------------------------
    def _accept(
        self,
        c: Cand,
        start: int,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        body: str,
        idx: _Idx,
        chained: bool,
    ) -> bool:
        if c.cls in ("div", "sched"):
            return self._accept_div(c, start, i, lines, normed, scan, body, idx)
        if c.cls == "art":
            return self._accept_art(c, start, i, lines, normed, scan, body, idx)
        if c.cls == "note":
            return self._accept_note(c, start, body, idx)
        if c.cls == "sub":
            if self.lang == "en" and c.style == "num_space":
                if chained or self.keyword_mode:
                    return False
                return self._accept_bare_section(c, start, i, lines, normed, scan, body, idx, need_heading=True)
            if (
                self.lang == "en"
                and c.style == "num_dot"
                and not chained
                and (self._in_schedule_without_art() or not self.keyword_mode)
            ):
                return self._accept_bare_section(c, start, i, lines, normed, scan, body, idx)
            return self._accept_sub(c, start, i, normed, scan)
        if c.cls == "def":
            return self._accept_def(c, start)
        return False

    def _div_rank_for(self, key: str) -> float:
        """Divisions rank by nesting as first seen: a kind first met inside another nests below it."""
        if key in self.div_rank:
            return self.div_rank[key]
        open_divs = [self.nodes[k] for k in self.stack if self.nodes[k].cls == "div"]
        if open_divs:
            inner = self.div_rank[open_divs[-1].extra["key"]]
            higher = [r for r in self.div_rank.values() if r > inner]
            r = (inner + min(higher)) / 2 if higher else min(inner + 1.0, (inner + 0.0) / 2)
        else:
            r = min(self.div_rank.values(), default=-50.0)
        self.div_rank[key] = r
        return r

    def _accept_div(
        self, c: Cand, start: int, i: int, lines: _Lines, normed: _Normed, scan: _Scan, body: str, idx: _Idx
    ) -> bool:
        lg = c.lang if self.lang not in LANGS else self.lang
        if c.cls == "sched":
            self._pop_while(start, lambda n: True)
            label, idc = self._sched_label(c, lg)
            heading = self._heading_from(c, body, idx, i, lines, normed, scan, 15)
            self._push(
                _Node("sched", "schedule", "sched", -100.0, c.num, label, heading, start, -1, 0, idc, c.val, c.kw)
            )
            return True
        kwl = c.kw.lower()
        if lg == "ar":
            kwl = kwl[2:] if kwl.startswith("ال") else kwl
        kind, pref = _DIV_KINDS.get(kwl, ("division", "dvs"))
        key = kwl
        rank = self._div_rank_for(key)
        self._pop_while(start, lambda n: n.rank >= rank)
        heading = self._heading_from(c, body, idx, i, lines, normed, scan, 20)
        num_orig = self._orig_text(body, idx, c, "num")
        label = self._div_label(lg, c.kw, num_orig)
        v = c.val.key[0] if c.val else 0
        idc = f"{pref}_{_sanitize(num_orig) if lg != 'ar' else (v or _sanitize(num_orig))}"
        self._push(
            _Node(
                "div", kind, "div", rank, num_orig, label, heading, start, -1, 0, idc, c.val, c.kw, extra={"key": key}
            )
        )
        return True

    def _sched_label(self, c: Cand, lg: str) -> tuple[str, str]:
        kw = c.kw
        ordw = c.extra.get("ordw", "")
        n = c.extra.get("n", "")
        if lg == "en" or lg not in LANGS:
            word = kw.capitalize() if kw.isupper() else kw
            word = word[:-1] if word.lower().endswith("s") and word.lower() != "annexures" else word
            if ordw:
                label = f"{ordw.capitalize()} {word}"
                idc = f"sched_{ordinal_value('en', ordw) or _sanitize(ordw)}"
            elif n:
                label = f"{word} {n}"
                idc = f"sched_{_sanitize(n)}"
            else:
                label, idc = word, "sched"
            return label, idc
        word = kw if lg == "ar" else (kw.capitalize() if kw.isupper() else kw)
        label = f"{word} {n}".strip()
        return label, (f"sched_{_sanitize(n)}" if n else "sched")

    def _div_label(self, lg: str, kw: str, num: str) -> str:
        if lg == "ar":
            return f"{kw} {num}".strip()
        kwl = kw.lower()
        word = _LABEL_WORD.get(kwl) or (kw.capitalize() if kw.isupper() else kw)
        if kwl.startswith("sous-"):
            word = "Sous-section"
        n = re.sub(r"\b(BIS|TER|QUATER)\b", lambda m: m.group(1).lower(), num)
        if n.isupper() and n.isalpha() and len(n) > 3 and not roman_value(n):
            n = n.capitalize()
        if lg == "en" and n.isalpha() and n.lower() in _EN_WORDS:
            n = n.capitalize()
        return f"{word} {n}".strip()

    # -- output ----------------------------------------------------------------------------
    def _emit(self) -> list[Unit]:
        text = self.text
        units: list[Unit] = []
        first_start = self.nodes[0].start if self.nodes else len(text)
        pre = text[:first_start]
        if pre.strip():
            s0 = len(pre) - len(pre.lstrip())
            e0 = len(pre.rstrip())
            lg = self.lang if self.lang in _PREAMBLE else "en"
            units.append(
                Unit(
                    id="preamble",
                    kind="preamble",
                    num="",
                    label=_PREAMBLE[lg],
                    heading="",
                    start=s0,
                    end=e0,
                    body_end=e0,
                    parent=None,
                    depth=0,
                )
            )
        for n in self.nodes:
            end = n.start + len(text[n.start : n.end].rstrip())
            if n.first_child >= 0:
                fc = self.nodes[n.first_child].start
                body_end = n.start + len(text[n.start : fc].rstrip())
            else:
                body_end = end
            units.append(
                Unit(
                    id=n.idc,
                    kind=n.kind,
                    num=n.num,
                    label=n.label,
                    heading=n.heading,
                    start=n.start,
                    end=end,
                    body_end=body_end,
                    parent=self.nodes[n.parent].idc if n.parent >= 0 else None,
                    depth=n.depth,
                )
            )
        return units


def parse_units(text: str, lang: str, *, headings_above: bool = False) -> list[Unit]:
    """Units of a statute in document order (pre-order), with citable labels and offsets.

    `lang` is an ISO 639-1 code (en, fr, es, ar, ru, pt); any other value tries every
    language's conventions. Never raises on any string.

    `headings_above` gives a short title printed on its own line above "Article 5" to that
    article (heading and span). Off by default: the analysis reads an article's heading at its
    own number line and ends sentences where units start, so turning it on moves a verdict on
    the corpus (dj-loi-traite-2016, offence.accomplice) until analysis/match.py allows for it.
    """
    if not isinstance(text, str):
        raise TypeError("parse_units expects str")
    try:
        return _Parser(text, lang, headings_above).run()
    except Exception:  # pragma: no cover - a bug must not stop a batch run; tests call _Parser directly
        logging.getLogger(__name__).exception("structure parser failed; statute kept as one unit")
        return _fallback(text)


def _fallback(text: str) -> list[Unit]:
    if not text.strip():
        return []
    s0 = len(text) - len(text.lstrip())
    e0 = len(text.rstrip())
    return [
        Unit(
            id="preamble",
            kind="preamble",
            num="",
            label="Preamble",
            heading="",
            start=s0,
            end=e0,
            body_end=e0,
            parent=None,
            depth=0,
        )
    ]
