"""Acceptance of articles/sections and of their sub-levels (subsections, paragraphs, definitions)."""

from __future__ import annotations

import re
import unicodedata

from statutes.structure.base import _Base, _Idx, _Lines, _Node, _Normed, _sanitize, _Scan
from statutes.structure.patterns import _DEF_RANK, _FLEXIBLE, _NOTE_RANK, _RANK
from statutes.structure.scanner import Cand
from statutes.structure.text import LANGS, D, _orig, unparen, western_digits
from statutes.structure.values import Val, _is_next, alpha_value, roman_value


class _Levels(_Base):
    """Articles, bare sections, notes, numbered sub-levels and definition items."""

    def _accept_art(
        self, c: Cand, start: int, i: int, lines: _Lines, normed: _Normed, scan: _Scan, body: str, idx: _Idx
    ) -> bool:
        lg = self.lang if self.lang in LANGS else c.lang
        above = self._heading_above(i, lines, normed, scan) if self.headings_above else None
        max_words = 15 if lg == "en" else (4 if lg == "ar" else 10)
        heading = self._heading_from(
            c, body, idx, i, lines, normed, scan, max_words, allow_period=lg in ("es",), next_line=lg not in ("ar",)
        )
        if above is not None and not heading:  # the title printed above belongs to this article
            start = lines[above[0]][0] + len(lines[above[0]][1]) - len(lines[above[0]][1].lstrip())
            heading = above[1]
        self._pop_while(start, lambda n: n.rank >= 0)
        num_orig = self._orig_text(body, idx, c, "num")
        kwl = c.kw.lower()
        if lg == "en" and kwl.startswith("sec"):
            kind, idp, label = "section", "sec", f"s. {num_orig}"
        elif lg == "ar" or c.lang == "ar":
            kind, idp = "article", "art"
            v = c.val.key[0] if c.val else 0
            bis = c.extra.get("bis", "")
            shown = str(v) if c.val and not re.search(D, c.num) else unparen(western_digits(c.num))
            shown = re.sub(r"\s+", " ", shown)
            word = "الفصل" if c.extra.get("fasl") else "المادة"
            label = f"{word} {shown}" + (f" {bis}" if bis else "")
            num_orig = c.num if not idx else num_orig
        elif lg == "ru":
            kind, idp = "article", "art"
            label = "Ст. " + (num_orig if re.search(r"\d", num_orig) else num_orig.lower())
        else:
            kind, idp = "article", "art"
            shown = num_orig
            if lg == "pt":
                shown = re.sub(r"(?<=\d)o$", "º", shown)
            if lg in ("fr", "es", "pt") and not re.search(r"\d", shown):  # "Art. premier", "Art. cuarto"
                shown = shown.lower()
            label = f"Art. {shown}"
        idc = f"{idp}_{_sanitize(label.split(' ', 1)[1] if ' ' in label else num_orig)}"
        self._push(_Node("art", kind, "kw", 0.0, num_orig, label, heading, start, -1, 0, idc, c.val, c.kw))
        return True

    def _accept_bare_section(
        self,
        c: Cand,
        start: int,
        i: int,
        lines: _Lines,
        normed: _Normed,
        scan: _Scan,
        body: str,
        idx: _Idx,
        need_heading: bool = False,
    ) -> bool:
        """English "4. Short title" / "4." numbering, or a numbered paragraph of a schedule."""
        sched = self._in_schedule()
        container = self.stack[0] if (sched is not None and self.stack) else -1
        prev = self.last_bare.get(container)
        v = c.val
        if v is None:
            return False
        if prev is not None:
            if not (_is_next(prev, v, window=10)):
                return self._accept_sub(c, start, i, normed, scan) if self.keyword_mode else False
        elif sched is not None and not v.first:
            return False
        s, _x, _p = normed[i]
        rest = s[c.end :].strip()
        if rest and rest[0].islower():
            return False
        if need_heading and not self._headingish(rest, 15, False):
            return False
        self._pop_while(start, lambda n: n.rank >= 0)
        self.last_bare[container] = v
        num_orig = self._orig_text(body, idx, c, "num")
        heading = self._heading_from(c, body, idx, i, lines, normed, scan, 15, next_line=False)
        if sched is not None:
            self._push(
                _Node(
                    "art",
                    "paragraph",
                    "sched_para",
                    0.0,
                    num_orig,
                    f"{sched.label}, para. {num_orig}",
                    heading,
                    start,
                    -1,
                    0,
                    f"para_{_sanitize(num_orig)}",
                    v,
                    "",
                    extra={"sched": True},
                )
            )
        else:
            self._push(
                _Node(
                    "art",
                    "section",
                    "bare",
                    0.0,
                    num_orig,
                    f"s. {num_orig}",
                    heading,
                    start,
                    -1,
                    0,
                    f"sec_{_sanitize(num_orig)}",
                    v,
                    "",
                )
            )
        return True

    def _accept_note(self, c: Cand, start: int, body: str, idx: _Idx) -> bool:
        k = self._art_index()
        if k < 0:
            return False
        self._pop_while(start, lambda n: n.rank >= _NOTE_RANK and n.cls != "art")
        art = self.nodes[self.stack[-1]]
        self._push(
            _Node("note", "item", "note", _NOTE_RANK, c.num, f"{art.label} прим.", "", start, -1, 0, "note", None, "")
        )
        return True

    def _accept_sub(self, c: Cand, start: int, i: int, normed: _Normed, scan: _Scan) -> bool:
        lg = self.lang if self.lang in LANGS else c.lang
        ranks = _RANK.get(lg, _RANK["en"])
        style: str | None = c.style
        val = c.val
        if c.alt is not None:  # "(i)", "(v)", "(x)": letter or roman?
            style, val = self._resolve_roman(c, c.alt, i, normed)
            if style is None:
                return False
        if style not in ranks:
            return False
        rank = float(ranks[style])
        k = self._open_of_style(style)
        if k >= 0 and val is not None and _is_next(self.nodes[self.stack[k]].val, val):
            while len(self.stack) > k:
                self._pop(start)
        elif val is not None and val.first:
            top = self._top()
            inside = top is not None and top.cls in ("sub", "def", "note")
            if (lg, style) in _FLEXIBLE and k < 0 and top is not None and inside and top.rank >= rank:
                pass  # a fresh list nested deeper than its usual rank
            else:
                self._pop_while(start, lambda n: n.cls in ("sub", "def") and n.rank >= rank)
        else:
            return False
        self._push(self._sub_node(lg, style, rank, c, val, start))
        return True

    def _resolve_roman(self, c: Cand, alt: Val, i: int, normed: _Normed) -> tuple[str | None, Val | None]:
        """Letter or roman numeral for a marker that reads as both; `alt` is its roman value (c.alt)."""
        a_style = "paren_alpha" if c.style == "paren_alpha" else "paren_ALPHA"
        r_style = "paren_roman" if c.style == "paren_alpha" else "paren_ROMAN"
        ka, kr = self._open_of_style(a_style), self._open_of_style(r_style)
        a_next = ka >= 0 and _is_next(self.nodes[self.stack[ka]].val, c.val)
        r_next = kr >= 0 and _is_next(self.nodes[self.stack[kr]].val, alt)
        r_first = alt.first
        if r_next and a_next:
            return (r_style, alt) if kr > ka else (a_style, c.val)
        if r_next:
            return r_style, alt
        if a_next and r_first:
            nxt = self._lookahead_roman(i, normed)
            if nxt is not None:
                if roman_value(nxt) == 2:
                    return r_style, alt
                av = alpha_value(nxt)
                if av is not None and _is_next(c.val, av):
                    return a_style, c.val
            prev = self.nodes[self.stack[ka]].val
            cv = c.val  # a_next: not None
            return (a_style, cv) if prev and cv and prev.key[0] == cv.key[0] - 1 else (r_style, alt)
        if a_next:
            return a_style, c.val
        if r_first:
            return r_style, alt
        if c.val is not None and c.val.first:
            return a_style, c.val
        return None, None

    def _sub_kind(self, rank: float) -> str:
        in_sched = False
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.nodes[self.stack[k]]
            if n.cls == "art":
                in_sched = bool(n.extra.get("sched"))
                break
        kinds = ["subsection", "paragraph", "subparagraph", "item", "item", "item"]
        r = int(rank) - 1 + (2 if in_sched else 0)
        return kinds[max(0, min(r, len(kinds) - 1))]

    def _sub_node(self, lg: str, style: str, rank: float, c: Cand, val: Val, start: int) -> _Node:
        parent = self._top()
        plabel = parent.label if parent else ""
        raw = c.num.strip()
        if self.cur_idx is not None:
            raw = unicodedata.normalize("NFKC", self._orig_text(self.cur_body, self.cur_idx, c, "num")).strip()
        core = western_digits(raw).strip("()").strip()
        kind = self._sub_kind(rank)
        if lg == "ar":
            d = 1
            for k in range(len(self.stack) - 1, -1, -1):
                if self.nodes[self.stack[k]].cls not in ("sub", "def"):
                    break
                d += 1
            kind = self._sub_kind(float(d))
        idp = {"subsection": "subsec", "paragraph": "para", "subparagraph": "subpara", "item": "item"}[kind]
        if lg == "en" or lg not in LANGS:
            label = f"{plabel}({core})"
        elif lg == "fr":
            if style == "paren_num":
                label = f"{plabel}({core})"
            elif style == "num_dot":
                label = f"{plabel}, {core}"
            elif style == "num_degree":
                label = f"{plabel}, {core}°"
            elif style in ("num_paren", "alpha_paren"):
                label = f"{plabel}, {core.rstrip(')').strip()})"
            else:
                label = f"{plabel}, {core}"
        elif lg == "es":
            if style == "num_dot":
                label = f"{plabel}.{core}"
            elif style == "ord":
                label = f"{plabel}.{re.sub(r'[ .]', '', raw).replace('ª', '.ª').replace('º', '.º')}"
            elif style in ("alpha_paren", "num_paren"):
                label = f"{plabel}.{core.rstrip(')').strip()})"
            elif style == "paren_num":
                label = f"{plabel}({core})"
            else:
                label = f"{plabel}, {core}"
        elif lg == "ru":
            if parent is not None and parent.style == "note":
                label = f"{plabel} {core}"
            elif style == "num_dot":
                label = f"{plabel} ч. {core}"
            elif style == "num_paren":
                label = f"{plabel} п. {core.rstrip(')').strip()}"
            else:
                sub = "пп." if parent is not None and parent.style == "num_paren" else "п."
                label = f"{plabel} {sub} {core.rstrip(')').strip()}"
        elif lg == "pt":
            if style == "para_sign":
                label = (
                    f"{plabel}, parágrafo único"
                    if val.key[-1] == "único"
                    else f"{plabel}, § {re.sub(r'^§', '', raw).strip()}"
                )
            elif style == "num_dash":
                label = f"{plabel}, n.º {core}"
            elif style == "alpha_paren":
                label = f"{plabel}, {core.rstrip(')').strip()}"
            elif style == "num_dot":
                label = f"{plabel}, item {core}"
            else:
                label = f"{plabel}, {core}"
        else:  # ar
            shown = raw.strip("()").strip()
            shown = re.sub(r"[\s\-–—.):]+$", "", shown)
            shown = western_digits(shown)
            label = f"{plabel} ({shown})" if parent is not None and parent.cls == "art" else f"{plabel}({shown})"
        idnum = _sanitize(core.rstrip(")"))
        if style == "para_sign" and val.key[-1] == "único":
            idnum = "unico"
        return _Node(
            "sub", kind, style, rank, self._marker_as_written(c), label, "", start, -1, 0, f"{idp}_{idnum}", val
        )

    def _marker_as_written(self, c: Cand) -> str:
        """The number as written: "(a)", "1°", "a)", "§ 1º", "I" (of "I. –"), "أ" (of "أ-")."""
        mend = c.extra.get("mend", c.end)
        a, b = _orig(self.cur_idx, c.pos), _orig(self.cur_idx, mend)
        mark = self.cur_body[a:b].rstrip(" \t\u00a0.-–—:")
        return mark or c.num

    def _accept_def(self, c: Cand, start: int) -> bool:
        if self._art_index() < 0:
            return False
        k = self._open_of_style("def")
        if k >= 0:
            while len(self.stack) > k:
                self._pop(start)
        else:
            self._pop_while(start, lambda n: n.cls == "sub" and n.rank >= _DEF_RANK)
        parent = self._top()
        assert parent is not None  # an article is open (checked above)
        term = c.num
        lg = self.lang
        q = '"{}"' if lg in ("en", "es", "pt") else "«{}»"
        label = f"{parent.label} ({q.format(term)})"
        idt = re.sub(r"[^\w]+", "-", term.lower()).strip("-")[:40] or "x"
        self._push(_Node("def", "item", "def", _DEF_RANK, term, label, "", start, -1, 0, f"def_{idt}", None))
        return True
