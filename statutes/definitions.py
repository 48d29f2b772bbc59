"""Find the terms a statute defines, with the defining words and their offsets.

A definition is found by the drafting formulas of each language:

- en: '"child" means ...', '"exploitation" includes ...', '"X" has the meaning assigned ...',
  '"slavery" is ...' (at a line start), 'for the purposes of this Act, "X" is ...', and in a
  definitions section unquoted 'Child - refers to ...' / 'child means ...';
- fr: « enfant » s'entend de / désigne / signifie, on entend par « X » ..., La traite ... est le
  fait de ..., L'exploitation comprend ..., and "1. Terme :" lines after "on entend ... par les
  termes suivants :";
- es: se entiende / se entenderá por X ..., "X" significa ..., "Término: ..." lines after
  "a los efectos de esta ley, se entiende por:";
- pt: considera-se X ..., entende-se por X ..., "Termo: ..." lines after "para os fins desta Lei";
- ru: под X понимается ..., «X» — ..., "термин – определение" lines after "используются следующие
  понятия" / "применяются следующие основные термины";
- ar: يقصد بـ X ..., تعني عبارة (X) ..., «X» تعني / هو ..., and "الطفل: ..." lines after
  "يقصد بالكلمات والعبارات التالية المعاني المبينة قرين كل منها".

The defining words run to the end of the sentence, or — when they introduce a list ("includes—",
"هو:") — over the list's items, never past the next definition or the end of the unit holding the
term. `Definition.text` is exactly `source[start:end]`.
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata

from statutes.model import Definition, Unit
from statutes.structure import LANGS, normalize_line

__all__ = ["extract_definitions"]

_Q = (
    r'(?:"(?P<q1>[^"\n]{1,80})"|“(?P<q2>[^”“\n]{1,80})[”“]|‘(?P<q3>[^’\n]{1,80})’'
    r"|«[ \u00a0\u202f]?(?P<q4>[^»\n]{1,80}?)[ \u00a0\u202f]?»|„(?P<q5>[^“”\n]{1,80})[“”]|'(?P<q6>[^'\n]{1,80})')"
)
_MARK = (
    r"(?:[-–—•][ \t]*)?(?:\(?[0-9\u0660-\u0669]{1,3}[ \t]?[.)\-–—][ \t]*|\(?[a-zа-я]{1,3}\)[ \t]*|\([a-z]{1,3}\)[ \t]*"
    r"|[IVXLC]{1,6}[ \t]*[.)\-–—]+[ \t]*|[0-9]{1,3}°[ \t]*|\(?[\u0621-\u064a]{1}[ \t]?[)\-–][ \t]*)?"
)
_SP = r"[ \t\u00a0\u202f]"

# -- English --------------------------------------------------------------------------------
_EN_VERB = (
    r"(?P<v>means|includes|include|has\s+the(?:\s+same)?\s+meaning|have\s+the(?:\s+same)?\s+meaning"
    r"|shall\s+mean|shall\s+include|refers?\s+to|denotes|mean)\b"
)
_EN_Q = re.compile(rf"{_Q}{_SP}*,?{_SP}*(?P<gap>[^\n\"“”]{{0,40}}?{_SP})?{_EN_VERB}")
_EN_IS = re.compile(rf"(?m)^[ \t]*{_MARK}{_Q}{_SP}+(?P<v>is|are)\b")
_EN_PURPOSES = re.compile(
    rf"(?i:for\s+the\s+purposes?\s+of\s+(?:this|the)\s+[\w ]{{1,30}}?,?){_SP}*{_Q}{_SP}+(?P<v>is|are)\b"
)
_EN_BARE = re.compile(
    rf"(?m)^[ \t]*{_MARK}(?P<t>[A-Za-z][\w’'/]*(?:[ ][\w’'/]+){{0,6}}?){_SP}*(?:[-–—:]{_SP}*)?"
    rf"(?P<v>refers?\s+to|means|shall\s+mean)\b"
)
_EN_GAP_BAD = re.compile(r"\b(?:if|when|where|not|shall|may|which|who|any|of)\b", re.I)
_EN_CONTEXT = re.compile(
    r"(?i)\b(?:interpretation|definitions?|meaning\s+of|as\s+used\s+in\s+this"
    r"|in\s+this\s+(?:act|part|law|section|chapter|schedule|regulations?|division)\b)"
)

# -- French ---------------------------------------------------------------------------------
_FR_PAR = re.compile(
    rf"(?i:on\s+entend|l['’]on\s+entend|il\s+faut\s+entendre|est\s+entendu)"
    rf"(?:\s+au\s+sens\s+[^,:\n]{{1,60}}?,?)?\s+par\s+(?:{_Q}|(?P<u>[^\n:,;«]{{1,60}}?))"
    rf"(?=\s*[:,;]|\s+(?:toute?s?|tout|la|le|les|l['’]|un|une|des|ce|celui|celle|ceux)\s)"
)
_FR_Q = re.compile(
    rf"{_Q}{_SP}*(?P<v>s['’]entend(?:ent)?\s+(?:de\s+la|de\s+l['’]|de|du|des|d['’])|désigne|signifie|vise)"
)
_FR_FAIT = re.compile(
    r"(?m)^[ \t]*(?:[IVX]+\.?[ \t]*[-–—][ \t]*)?(?:La |Le |L['’]|Les )(?P<u>[^\n]{2,120}?)"
    r"\s(?:est|sont) le fait\b"
)
_FR_COMPREND = re.compile(
    r"(?m)^[ \t]*(?:La |Le |L['’]|Les )(?P<u>[\w’'\- ]{2,60}?)\s(?:comprend|s['’]entend|désigne)\b"
)
_FR_CONTEXT = re.compile(
    r"(?i)(?:on\s+entend|au\s+sens\s+de\s+la\s+présente|définitions|termes\s+suivants"
    r"|expressions\s+suivantes)"
)

# -- Spanish ---------------------------------------------------------------------------------
_ES_STOP = r"(?:el|la|los|las|a|al|toda|todo|cualquier|aquel|aquella|aquellos|aquellas|lo|como)"
_ES_POR = re.compile(
    rf"(?i:se\s+entiende|se\s+entenderá|se\s+entenderán|entiéndese|se\s+considerará|se\s+considera)"
    rf"\s+por\s+(?:{_Q}|(?P<u>[^\n:,;«\"“]{{1,60}}?))(?=\s*[:,;]|\s+{_ES_STOP}\s)"
)
_ES_EXISTE = re.compile(
    r"(?:^|(?<=[.;]\s))Existe\s+(?:una\s+)?(?P<u>situación\s+de\s+[^\n,.;]{1,60}?)\s+cuando\b", re.M
)
_ES_COMPRENDE = re.compile(
    r"(?i:para\s+(?:los\s+)?efectos\s+de[^,\n]{0,60},\s*)(?:el|la|los|las)\s+(?P<u>[^\n,;:]{2,80}?)"
    r"\s+comprenden?\b"
)
_ES_Q = re.compile(rf"{_Q}{_SP}*(?P<v>significa|se\s+entiende\s+por|es\s+(?:el|la|toda|todo|cualquier))")
_ES_CONTEXT = re.compile(
    r"(?i)(?:se\s+entiende\s+por\s*:|se\s+entender[áa]n?\s+por\s*:|a\s+(?:los\s+)?efectos\s+de\s+"
    r"(?:esta|la\s+presente)|definiciones)"
)

# -- Portuguese -------------------------------------------------------------------------------
_PT_STOP = r"(?:o|a|os|as|toda|todo|qualquer|aquele|aquela|aqueles|aquelas|como|quando)"
_PT_CONS = re.compile(
    rf"(?:[Cc]onsidera-se|[Cc]onsideram-se|[Ee]ntende-se\s+por|[Ee]ntendem-se\s+por|"
    rf"[Cc]onsidera-se\s+como)\s+(?:{_Q}|(?P<u>[^\n:,;«\"“]{{1,60}}?))(?=\s*[:,;]|\s+{_PT_STOP}\s)"
)
_PT_Q = re.compile(rf"{_Q}{_SP}*(?P<v>significa|é\s+(?:o|a|toda|todo|qualquer))")
_PT_CONTEXT = re.compile(
    r"(?i)(?:para\s+(?:os\s+)?(?:fins|efeitos)\s+dest[ae]|entende-se\s+por\s*:|considera-se\s*:"
    r"|definições)"
)

# -- Russian ---------------------------------------------------------------------------------
_RU_POD = re.compile(
    r"[Пп]од\s+(?P<u>[^\n]{1,80}?)\s+(?:(?:в|для\s+целей)\s+настоящ\w+\s+\w+(?:\s+\w+)?\s+)?"
    r"понима(?:ется|ются|ют)\s+"
)
_RU_Q = re.compile(rf"{_Q}{_SP}*(?P<v>[–—-]|означает|это)\s")
_RU_CONTEXT = re.compile(r"(?i)(?:следующие\s+(?:основные\s+)?(?:понятия|термины)|основные\s+(?:понятия|термины))")
_RU_DASH_LINE = re.compile(r"(?m)^[ \t]*" + _MARK + r"(?P<u>[^\n–—]{2,160}?)\s+[–—-]\s+(?=\S)")

# -- Arabic (on the normalised text: no diacritics, alef/ya/ta-marbuta folded) -------------------
_AR_W = r"[\u0621-\u064a]+"
_AR_YQSD = re.compile(
    rf"يقصد{_SP}*ب(?P<u>{_Q}|{_AR_W}(?:{_SP}+(?!في|فى|لاغراض|لغرض|كل|اي|المعني|المعاني){_AR_W}){{0,3}})"
)
_AR_TANI = re.compile(
    rf"(?:تعني|يعني){_SP}+(?:عباره|كلمه|مصطلح|تعبير){_SP}*(?:{_Q}|\({_SP}*(?P<u>[^)\n]{{1,80}}?){_SP}*\))"
)
_AR_Q = re.compile(rf"{_Q}{_SP}*(?P<v>تعني|يعني|هو|هي|:)(?![\u0621-\u064a])")
_AR_INTRO = re.compile(r"^(?:كل|الكلمات|العبارات|المصطلحات|الالفاظ|التعابير|الكلمات والعبارات)")
_AR_CONTEXT = re.compile(
    r"(?:يقصد\s*ب(?:كل|الكلمات|العبارات|المصطلحات|الالفاظ|التعابير)|المعاني\s+(?:المبينه|المخصصه|الموضحه)"
    r"|المعني\s+(?:المبين|المخصص)|حيثما\s+وردت|تعريفات|تعاريف)"
)

# generic "Term: definition" line inside a definitions unit
_COLON_LINE = re.compile(r"(?m)^[ \t]*" + _MARK + r"(?P<u>[^\n:;.،؛]{2,80}?)[ \t\u00a0]*(?::-?|:)[ \t]*")

_MARK_ONLY = re.compile(r"[ \t]*" + _MARK + r"[«\"“„‘'(]?[ \t\u00a0]*")
_ARTICLES = re.compile(r"^(?:(?:the|le|la|les|el|los|las|o|a|os|as)\s+|l['’]\s*)(?=\w)", re.I)
_TERM_CUT_FR = re.compile(r"\s(?:mentionnée?s?|prévue?s?|visée?s?|définie?s?)\b.*$")
_LIST_INTRO = re.compile(
    r"(?:[:—–\-]|:-|،|following|suivants?|suivantes|siguientes?|seguintes?|следующ\w*|التالي\w*|الاتي\w*)\s*$", re.I
)
_TERMINATOR = re.compile(r";[ \t]*(?=\r?\n|$)|؛|\.(?=[ \t]*(?:\r?\n|$))|\.(?=[ \t]+[A-ZÀ-ÖØ-ÞА-Я«\"“(])")


def _qterm(m: re.Match) -> str | None:
    for k in ("q1", "q2", "q3", "q4", "q5", "q6"):
        try:
            v = m.group(k)
        except IndexError:
            continue
        if v is not None:
            return v
    return None


class _Finder:
    def __init__(self, text: str, units: list[Unit], lang: str):
        self.text = text
        self.lang = (lang or "").lower()[:2]
        self.units = units
        self.starts = [u.start for u in units]
        self.unit_starts = {u.start: u for u in units}
        norm, idx = normalize_line(text)
        self.norm = norm
        self.idx = idx
        self.found: list[tuple[int, int, int, str, int]] = []  # term_start, term_end, text_start, term, boundary

    # -- offsets ---------------------------------------------------------------------------
    def o(self, j: int) -> int:
        """Offset in the normalised text -> offset in the source text."""
        if self.idx is None:
            return j
        if j >= len(self.idx):
            return len(self.text)
        return self.idx[j]

    def unit_at(self, pos: int) -> Unit | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.units[k] if k >= 0 else None

    # -- collection --------------------------------------------------------------------------
    def add(self, ts: int, te: int, xs: int, term: str, bs: int | None = None) -> None:
        """Term at norm[ts:te], defining words from norm offset xs; the formula starts at bs (<= ts)."""
        term = unicodedata.normalize("NFKC", self.text[self.o(ts) : self.o(te)]).strip()
        term = term.strip(" \t\"'“”‘’«»„()-–—:,")
        term = _ARTICLES.sub("", term) if self.lang in ("fr", "es", "pt", "en") else term
        if not term or not any(ch.isalpha() for ch in term) or len(term) > 120:
            return
        b = self.o(bs if bs is not None and bs <= ts else ts)
        if self.text.rfind("\n", b, self.o(ts)) >= 0:
            b = self.o(ts)
        self.found.append((self.o(ts), self.o(te), self.o(xs), term, b))

    def run(self) -> list[Definition]:
        lg = self.lang
        s = self.norm
        if lg in ("en",) or lg not in LANGS:
            self._en(s)
        if lg in ("fr",) or lg not in LANGS:
            self._fr(s)
        if lg in ("es",) or lg not in LANGS:
            self._es(s)
        if lg in ("pt",) or lg not in LANGS:
            self._pt(s)
        if lg in ("ru",) or lg not in LANGS:
            self._ru(s)
        if lg in ("ar",) or lg not in LANGS:
            self._ar(s)
        self._context_lines(s)
        return self._finish()

    def _qspan(self, m: re.Match) -> tuple[int, int] | None:
        for k in ("q1", "q2", "q3", "q4", "q5", "q6"):
            try:
                if m.group(k) is not None:
                    return m.start(k), m.end(k)
            except IndexError:
                continue
        return None

    def _en(self, s: str) -> None:
        for m in _EN_Q.finditer(s):
            gap = m.group("gap") or ""
            if gap and _EN_GAP_BAD.search(gap):
                continue
            v = m.group("v")
            if v.startswith("mean") and re.search(
                r"(?:\bthe|\bby|\bany)\s*$", s[max(0, m.start("v") - 6) : m.start("v")]
            ):
                continue
            span = self._qspan(m)
            if span:
                xs = span[1] + 1
                while xs < len(s) and s[xs] in " \t\u00a0,":
                    xs += 1
                self.add(span[0], span[1], xs, "")
        for rx in (_EN_IS, _EN_PURPOSES):
            for m in rx.finditer(s):
                span = self._qspan(m)
                if span:
                    self.add(span[0], span[1], m.start("v"), "")
        for m in _EN_BARE.finditer(s):
            if self._in_context(self.o(m.start("t")), _EN_CONTEXT):
                self.add(m.start("t"), m.end("t"), m.start("v"), "")

    def _fr(self, s: str) -> None:
        for m in _FR_PAR.finditer(s):
            span = self._qspan(m) or (m.start("u"), m.end("u"))
            term = s[span[0] : span[1]].strip().lower()
            if term.startswith(("les termes", "les expressions", "les mots", "les notions")):
                continue
            self.add(span[0], span[1], self._skip(s, span[1] + (1 if self._qspan(m) else 0)), "", m.start())
        for m in _FR_Q.finditer(s):
            qs = self._qspan(m)
            if qs:
                self.add(qs[0], qs[1], m.start("v"), "")
        for rx in (_FR_FAIT, _FR_COMPREND):
            for m in rx.finditer(s):
                t = m.group("u")
                cut = _TERM_CUT_FR.search(t)
                te = m.start("u") + (cut.start() if cut else len(t))
                if len(s[m.start("u") : te].split()) > 8:
                    continue
                self.add(m.start("u"), te, self._skip(s, m.end("u")), "", m.start())

    def _es(self, s: str) -> None:
        for m in _ES_POR.finditer(s):
            span = self._qspan(m) or (m.start("u"), m.end("u"))
            self.add(span[0], span[1], self._skip(s, span[1] + (1 if self._qspan(m) else 0)), "", m.start())
        for rx in (_ES_EXISTE, _ES_COMPRENDE):
            for m in rx.finditer(s):
                self.add(m.start("u"), m.end("u"), self._skip(s, m.end("u")), "", m.start())
        for m in _ES_Q.finditer(s):
            qs = self._qspan(m)
            if qs:
                self.add(qs[0], qs[1], m.start("v"), "")

    def _pt(self, s: str) -> None:
        for m in _PT_CONS.finditer(s):
            span = self._qspan(m) or (m.start("u"), m.end("u"))
            self.add(span[0], span[1], self._skip(s, span[1] + (1 if self._qspan(m) else 0)), "", m.start())
        for m in _PT_Q.finditer(s):
            qs = self._qspan(m)
            if qs:
                self.add(qs[0], qs[1], m.start("v"), "")

    def _ru(self, s: str) -> None:
        for m in _RU_POD.finditer(s):
            self.add(m.start("u"), m.end("u"), m.end(), "", m.start())
        for m in _RU_Q.finditer(s):
            span = self._qspan(m)
            if span:
                self.add(span[0], span[1], self._skip(s, m.end("v")), "")

    def _ar(self, s: str) -> None:
        for m in _AR_YQSD.finditer(s):
            u = m.group("u")
            span = self._qspan(m)
            if span is None:
                if _AR_INTRO.match(u):
                    continue
                span = (m.start("u"), m.end("u"))
            self.add(span[0], span[1], self._skip(s, m.end()), "", m.start())
        for m in _AR_TANI.finditer(s):
            span = self._qspan(m) or (m.start("u"), m.end("u"))
            self.add(span[0], span[1], self._skip(s, m.end()), "", m.start())
        for m in _AR_Q.finditer(s):
            span = self._qspan(m)
            if span:
                self.add(span[0], span[1], self._skip(s, m.end("v")), "")

    @staticmethod
    def _skip(s: str, k: int) -> int:
        while k < len(s) and s[k] in ' \t\u00a0\u202f,،:-–—)»”"':
            k += 1
        return k

    # -- "Term: definition" lines inside a definitions unit -----------------------------------
    def _context_rx(self) -> re.Pattern | None:
        return {
            "en": None,
            "fr": _FR_CONTEXT,
            "es": _ES_CONTEXT,
            "pt": _PT_CONTEXT,
            "ru": _RU_CONTEXT,
            "ar": _AR_CONTEXT,
        }.get(self.lang)

    def _in_context(self, pos: int, rx: re.Pattern) -> bool:
        spans = self._context_spans(rx)
        k = bisect.bisect_right(spans[0], pos) - 1
        return k >= 0 and pos < spans[1][k]

    def _context_spans(self, rx: re.Pattern) -> tuple[list[int], list[int]]:
        """The context units' spans, merged into sorted disjoint intervals (starts, ends)."""
        cache: dict[str, tuple[list[int], list[int]]] | None = getattr(self, "_span_cache", None)
        if cache is None:
            cache = {}
            self._span_cache = cache
        if rx.pattern not in cache:
            starts: list[int] = []
            ends: list[int] = []
            for u in sorted(self._context_units(rx), key=lambda u: u.start):
                if ends and u.start <= ends[-1]:
                    ends[-1] = max(ends[-1], u.end)
                else:
                    starts.append(u.start)
                    ends.append(u.end)
            cache[rx.pattern] = (starts, ends)
        return cache[rx.pattern]

    def _context_units(self, rx: re.Pattern) -> list[Unit]:
        cache = getattr(self, "_ctx_cache", None)
        if cache is None:
            cache = {}
            self._ctx_cache = cache
        if rx.pattern in cache:
            return cache[rx.pattern]
        out = []
        for u in self.units:
            if u.kind == "preamble":
                continue
            own = self.text[u.start : u.body_end]
            if self.lang == "ar" or _needs_norm(own):
                own = normalize_line(own)[0]
            if rx.search(own[:600]) or (u.heading and rx.search(u.heading)):
                out.append(u)
        cache[rx.pattern] = out
        return out

    def _context_lines(self, s: str) -> None:
        rx = self._context_rx()
        if rx is None:
            return
        ctx = self._context_units(rx)
        if not ctx:
            return
        line_rx = _RU_DASH_LINE if self.lang == "ru" else _COLON_LINE
        for u in ctx:
            b = self._norm_pos(u.end)
            a0 = self._norm_pos(u.start)
            # the unit's own first line is its heading / intro, not a definition
            first_nl = s.find("\n", a0)
            lo = first_nl + 1 if first_nl >= 0 else b
            for m in line_rx.finditer(s, lo, b):
                ls = self.o(m.start())
                k = ls
                while k < len(self.text) and self.text[k] in " \t":
                    k += 1
                starting = self.unit_starts.get(k)
                if starting is not None and starting.kind not in ("subsection", "paragraph", "subparagraph", "item"):
                    continue
                t = m.group("u").strip()
                words = t.split()
                if not words or len(words) > (14 if self.lang == "ru" else 8):
                    continue
                if self.lang == "ar" and words[0] in ("في", "فى", "لا", "مع", "اذا", "على", "علي"):
                    continue
                if self.lang != "ar" and t[0].isdigit():
                    continue
                self.add(m.start("u"), m.start("u") + len(m.group("u").rstrip()), self._skip(s, m.end()), "")

    def _norm_pos(self, pos: int) -> int:
        if self.idx is None:
            return pos
        return bisect.bisect_left(self.idx, pos)

    # -- ends, units, de-duplication --------------------------------------------------------
    def _finish(self) -> list[Definition]:
        text = self.text
        by_id = {u.id: u for u in self.units}
        found = sorted(set(self.found), key=lambda f: (f[0], -(f[1] - f[0])))
        # drop a term inside another found term (e.g. « X » found by two patterns)
        kept: list[tuple[int, int, int, str, int]] = []
        for f in found:
            if kept and f[0] < kept[-1][1]:
                continue
            kept.append(f)
        out: list[Definition] = []
        for i, (ts, _te, xs, term, _bs) in enumerate(kept):
            nxt = kept[i + 1][4] if i + 1 < len(kept) else len(text)
            u = self.unit_at(ts)
            limit = u.end if u is not None else len(text)
            if limit <= ts:
                limit = len(text)
            hard = min(limit, max(nxt, xs))
            if i + 1 < len(kept):
                # a definition that opens its own line ("(b) «X» ...", "2. X :") ends before that line
                ls = text.rfind("\n", 0, nxt) + 1
                if ls > xs and _MARK_ONLY.fullmatch(text, ls, nxt):
                    hard = min(hard, ls)
            xs = min(xs, hard)
            line_end = text.find("\n", xs)
            if line_end < 0 or line_end > hard:
                line_end = hard
            rest_of_line = text[xs:line_end].rstrip()
            if not rest_of_line or _LIST_INTRO.search(rest_of_line):
                end = hard  # "includes—" / "هو:" / a term alone on its line: the list or next lines follow
            else:
                m = _TERMINATOR.search(text, xs, hard)
                end = m.end() if m else hard
            while end > xs and text[end - 1].isspace():
                end -= 1
            while xs < end and text[xs].isspace():
                xs += 1
            if end <= xs:
                continue
            out.append(Definition(term=term, text=text[xs:end], unit_id=self._owner(u, ts, by_id), start=xs, end=end))
        return _merge_same_term(out, text)

    def _owner(self, u: Unit | None, ts: int, by_id: dict[str, Unit]) -> str:
        """The unit holding a definition. Text after a list's last item belongs to the list's
        parent, though the structure puts it in the last item's span ("4° ...;" then
        "L'exploitation ... est le fait de ...")."""
        if u is None:
            return ""
        if (
            u.parent
            and u.body_end == u.end
            and u.kind in ("paragraph", "subparagraph", "item", "subsection")
            and self.text.rfind("\n", u.start, ts) >= 0
        ):
            nl = self.text.find("\n", u.start)
            first = self.text[u.start : nl if nl >= 0 else u.end].rstrip()
            if first.endswith((".", ";", "؛", "،")) or first.endswith("; or") or first.endswith("; and"):
                return by_id[u.parent].id if u.parent in by_id else u.id
        return u.id


def _needs_norm(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in s[:200])


def _merge_same_term(defs: list[Definition], text: str) -> list[Definition]:
    """ "«X»:" followed at once by "... «X» تعني ...": one definition, not two."""
    out: list[Definition] = []
    for d in defs:
        if out and out[-1].term == d.term and 0 <= d.start - out[-1].end < 120 and len(out[-1].text) < 60:
            prev = out.pop()
            d = Definition(
                term=d.term, text=text[prev.start : d.end], unit_id=prev.unit_id, start=prev.start, end=d.end
            )
        out.append(d)
    return out


def extract_definitions(text: str, units: list[Unit], lang: str) -> list[Definition]:
    """Terms the statute defines, in text order, each with its defining words and the unit holding it."""
    if not text or not text.strip():
        return []
    try:
        return _Finder(text, units, lang).run()
    except Exception:  # pragma: no cover - a bug must not stop a batch run; tests check results directly
        logging.getLogger(__name__).exception("definition finder failed; no definitions kept")
        return []
