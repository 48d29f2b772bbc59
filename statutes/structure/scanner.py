"""Stateless recognition of the numbering at the start of a (normalised) line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statutes.structure.patterns import (
    _AR_ANNEX_RX,
    _AR_ART_RX,
    _AR_DIV_RX,
    _AR_FASL_ART_RX,
    _AR_STOP,
    _ART_RX,
    _CAPITAL_AFTER,
    _DEF_LINE_RX,
    _EN_DIV_RX,
    _EN_SCHED_RX,
    _ES_DIV_RX,
    _FR_DIV_RX,
    _PT_DIV_RX,
    _RANK,
    _RU_DIV_RX,
    _RU_NOTE_RX,
    _SCHED_WORDS,
    _STYLES,
    _SUB_RX,
    quoted_term,
)
from statutes.structure.tables import ordinal_value
from statutes.structure.text import LANGS
from statutes.structure.values import (
    _AR_ABJAD,
    _AR_ADV_RX,
    _AR_ALPHA,
    _AR_ORD_RX,
    _CYR,
    _EN_WORDS,
    Val,
    _ar_adv_value,
    alpha_value,
    ar_ordinal_value,
    num_value,
    roman_value,
    rvalue,
)


@dataclass
class Cand:
    cls: str  # div | sched | art | sub | note | def
    style: str = ""
    kw: str = ""
    num: str = ""  # as written (original text)
    val: Val | None = None
    alt: Val | None = None  # roman reading of an ambiguous "(i)"
    pos: int = 0  # start in normalised line
    end: int = 0  # end of the marker (after separator) in normalised line
    had_sep: bool = False
    lang: str = ""
    extra: dict = field(default_factory=dict)


def _rest_ok(s: str, p: int, had_sep: bool, lang: str, strict: bool = True) -> bool:
    """After a heading keyword + number: reject a wrapped cross-reference ("section 19 of ...")."""
    rest = s[p:].lstrip()
    if not rest:
        return True
    c = rest[0]
    if lang == "ar":
        if had_sep:
            return True
        w = re.match(r"[\u0600-\u06ff]+", rest)
        return not (w and w.group(0) in _AR_STOP)
    if c.islower():
        return had_sep and not strict
    return True


def _spelled_value(word: str, lg: str) -> int | None:
    """A spelled-out ordinal of the line's language (then of the others): "cuarto" -> 4, "vingt et unième" -> 21."""
    if not word or word[0].isdigit():
        return None
    v = ordinal_value(lg, word)
    if v is None:
        v = next((x for other in LANGS if other != lg and (x := ordinal_value(other, word)) is not None), None)
    return v


class _Scanner:
    """Stateless recognition of numbering at the start of a (normalised) line."""

    def __init__(self, lang: str):
        self.lang = lang
        self.langs = (lang,) if lang in LANGS else LANGS

    def scan(self, s: str, p: int) -> list[Cand]:
        """Candidates at position p of s (first non-space). Returns a chain (e.g. art then sub)."""
        if p >= len(s):
            return []
        c0 = s[p]
        if c0.islower():
            # only "a)" / "а)" items can start with a lowercase letter
            if self.lang == "en":
                return []
            for lg in self.langs:
                for style in ("alpha_paren", "cyr_paren"):
                    if style in _RANK.get(lg, ()):
                        m = _SUB_RX[style].match(s, p)
                        if m:
                            c = self._mk_sub(style, m, s, p, lg)
                            if c is not None:
                                return [c] + self._chain(s, c.end, lg, c)
            return []
        if s[p] == "«" and not self._def_at(s, p):
            q = p + 1
            while q < len(s) and s[q] in " \u00a0\u202f":
                q += 1
            if q < len(s) and (s[q].isdigit() or s[q].isupper() or s[q] == "("):
                p = q
        for lg in self.langs:
            c = self._div(s, p, lg)
            if c:
                return [c]
        for lg in self.langs:
            c = self._art(s, p, lg)
            if c:
                return [c] + self._chain(s, c.end, lg, c)
        for lg in self.langs:
            c = self._note(s, p, lg)
            if c:
                return [c] + self._chain(s, c.end, lg, c)
        for lg in self.langs:
            cs = self._subs(s, p, lg)
            if cs:
                return cs[:1] + self._chain(s, cs[0].end, lg, cs[0])
        if self.lang == "en" or self.lang not in LANGS:  # "X" means ... lines (English drafting)
            c = self._def(s, p, "en")
            if c:
                return [c]
        return []

    # -- divisions -----------------------------------------------------------------
    def _div(self, s: str, p: int, lg: str) -> Cand | None:
        if lg == "en":
            m = _EN_SCHED_RX.match(s, p)
            if m and m.group("ord") and m.group("ord").lower() != "the" and not ordinal_value("en", m.group("ord")):
                m = None  # "SAID SCHEDULE": not a schedule heading
            if (
                m
                and (m.group("ord") or m.group("num") or m.group("kw").isupper())
                and _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg)
                and len(s) - p <= 200
            ):
                ordw = (m.group("ord") or "").lower()
                return Cand(
                    "sched",
                    kw=m.group("kw"),
                    num=(m.group("ord") or m.group("num") or ""),
                    val=Val("ord", (ordinal_value("en", ordw) or 0,), False),
                    pos=p,
                    end=m.end(),
                    lang=lg,
                    extra={"ordw": ordw if ordw != "the" else "", "n": m.group("num") or ""},
                )
            m = _EN_DIV_RX.match(s, p)
            if m and len(s) - p <= 250 and _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return self._mk_div(m, lg, p)
            return None
        rx = {"fr": _FR_DIV_RX, "es": _ES_DIV_RX, "pt": _PT_DIV_RX, "ru": _RU_DIV_RX, "ar": _AR_DIV_RX}.get(lg)
        if rx is None:
            return None
        m = rx.match(s, p)
        if lg == "ar" and not m:
            m2 = _AR_ANNEX_RX.match(s, p)
            if m2 and len(s) - p <= 60:
                return Cand("sched", kw=m2.group("kw"), num="", val=None, pos=p, end=m2.end(), lang=lg, extra={"n": ""})
            return None
        if not m or len(s) - p > 250:
            return None
        kw = m.group("kw")
        kwl = kw.lower()
        num = m.group("num") if "num" in m.groupdict() else None
        if lg == "ar":
            if m.group("ord") is None and num is not None and kwl.endswith("فصل"):
                return None  # Moroccan/Tunisian "الفصل 448-1" is an article
            if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return None
            return self._mk_div(m, lg, p)
        if kwl in _SCHED_WORDS:
            if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg) or not (kw.isupper() or num):
                return None
            return Cand("sched", kw=kw, num=num or "", val=None, pos=p, end=m.end(), lang=lg, extra={"n": num or ""})
        if not num:
            return None
        if lg == "ru" and kwl == "часть" and not kw.isupper():
            return None  # "Часть первая настоящей статьи" is a cross-reference
        if not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
            return None
        return self._mk_div(m, lg, p)

    def _mk_div(self, m: re.Match, lg: str, p: int) -> Cand:
        kw = m.group("kw")
        gd = m.groupdict()
        if lg == "ar":
            if gd.get("ord"):
                om = _AR_ORD_RX.match(gd["ord"])
                v = ar_ordinal_value(om) if om else None
                num = gd["ord"]
            else:
                num = gd.get("num") or ""
                v = (num_value(num) or Val("num", (0,), False)).key[0]
            val = Val("num", (v or 0,), v == 1)
        else:
            num = gd.get("num") or ""
            core = re.split(r"[\s\u00a0-]", num)[0]
            rv = roman_value(core.rstrip("erER") if core.upper().endswith("ER") else core)
            low = num.lower()
            if (ov := _spelled_value(low, lg)) is not None:  # before roman: "dix-septième" is not DIX
                val = Val("num", (ov,), ov == 1)
            elif rv:
                val = Val("num", (rv,), rv == 1)
            elif (nv := num_value(num)) is not None:
                val = nv
            else:
                w = low.split()[0] if low.split() else low
                n = _EN_WORDS.get(w) or (1 if w in ("préliminaire", "preliminar", "geral") else 0)
                val = Val("num", (n,), n == 1)
        return Cand("div", kw=kw, num=num, val=val, pos=p, end=m.end(), had_sep=bool(m.group("sep").strip()), lang=lg)

    # -- articles / sections -----------------------------------------------------------
    def _art(self, s: str, p: int, lg: str) -> Cand | None:
        if lg == "ar":
            m = _AR_ART_RX.match(s, p)
            fasl = False
            if not m:
                m = _AR_FASL_ART_RX.match(s, p)
                fasl = True
            if not m or not _rest_ok(s, m.end(), bool(m.group("sep").strip()), lg):
                return None
            gd = m.groupdict()
            if gd.get("ord"):
                om = _AR_ORD_RX.match(gd["ord"])
                v = ar_ordinal_value(om) if om else None
                if v is None:
                    return None
                val = Val("num", (v, ""), v == 1)
                num = gd["ord"]
            else:
                num = gd["num"]
                parsed = num_value(num)
                if parsed is None:
                    return None
                val = parsed
            bis = gd.get("bis") or ""
            if bis:
                val = Val("num", val.key[:-1] + ("مكرر" + val.key[-1],), False)
            return Cand(
                "art",
                style="kw",
                kw=m.group("kw"),
                num=num,
                val=val,
                pos=p,
                end=m.end(),
                had_sep=bool(m.group("sep").strip()),
                lang=lg,
                extra={"fasl": fasl, "bis": bis},
            )
        rx = _ART_RX.get(lg)
        if rx is not None:
            m = rx.match(s, p)
            if m:
                num = m.group("num")
                had_sep = bool(m.group("sep").strip())
                aval = self._art_val(num, lg)
                if aval is not None and _rest_ok(s, m.end(), had_sep, lg):
                    kw = m.group("kw")
                    return Cand(
                        "art",
                        style="kw",
                        kw=kw,
                        num=num.strip(),
                        val=aval,
                        pos=p,
                        end=m.end(),
                        had_sep=had_sep,
                        lang=lg,
                    )
        return None

    @staticmethod
    def _art_val(num: str, lg: str) -> Val | None:
        v = _spelled_value(num.strip().lower(), lg)
        if v is not None:  # "Article premier", "Artículo cuarto", "Статья первая"
            return Val("num", (v, ""), v == 1)
        return num_value(num)

    def _note(self, s: str, p: int, lg: str) -> Cand | None:
        if lg != "ru":
            return None
        m = _RU_NOTE_RX.match(s, p)
        if not m:
            return None
        return Cand("note", style="note", num=m.group("n"), val=None, pos=p, end=m.end(), lang=lg)

    # -- sub-levels ----------------------------------------------------------------------
    def _subs(self, s: str, p: int, lg: str) -> list[Cand]:
        for style, _rank in _STYLES.get(lg, ()):
            m = _SUB_RX[style].match(s, p)
            if not m:
                continue
            c = self._mk_sub(style, m, s, p, lg)
            if c is not None:
                return [c]
        return []

    def _mk_sub(self, style: str, m: re.Match, s: str, p: int, lg: str) -> Cand | None:
        end = m.end()
        while end < len(s) and s[end] in " \t\u00a0\u202f":
            end += 1
        if (
            style in _CAPITAL_AFTER
            and end < len(s)
            and s[end].islower()
            and lg != "ar"
            and not (lg == "pt" and style == "roman_sep")
        ):
            return None
        alt = None
        if style == "num_space":
            n = m.group("n") or m.group("n2")
            val = num_value(n)
        elif style == "paren_num" or style in ("num_dot", "num_paren", "num_dash", "num_degree") or style == "ord":
            n = m.group("n")
            val = num_value(n)
        elif style == "paren_alpha":
            n = m.group("n")
            val = alpha_value(n)
            if roman_value(n) and lg == "en":
                alt = rvalue(n)
                if len(n) > 1:  # "(ii)", "(iv)": only roman; "(ii)" doubled letter vs roman 2: roman wins too
                    val, alt = alt, None
                    style = "paren_roman"
        elif style == "paren_ALPHA":
            n = m.group("n")
            val = alpha_value(n)
            if roman_value(n) and (len(n) > 1 or n in "IVX"):
                alt = rvalue(n)
                if len(n) > 1:
                    val, alt, style = alt, None, "paren_ROMAN"
        elif style in ("alpha_paren",):
            n = m.group("n")
            val = alpha_value(n)
        elif style == "cyr_paren":
            n = m.group("n")
            i = _CYR.find(n[0]) if len(n) == 1 else -1
            if i < 0:
                return None
            val = Val("cyr", (i + 1,), i == 0)
        elif style == "roman_sep":
            n = m.group("n")
            val = rvalue(n)
        elif style == "para_sign":
            if m.group("u"):
                n = m.group("u")
                val = Val("num", (1, "único"), True)
            else:
                n = m.group("n")
                val = num_value(n)
        elif style == "ar_adv":
            n = m.group("n")
            am = _AR_ADV_RX.match(s, p)
            v = _ar_adv_value(am) if am else 0
            val = Val("ord", (v,), v == 1)
        elif style == "ar_letter":
            n = m.group("n1") or m.group("n2")
            i, j = _AR_ABJAD.find(n), _AR_ALPHA.find(n)
            val = Val("abjad", (i, j), n == "ا")
        else:  # pragma: no cover
            return None
        if val is None:
            return None
        return Cand("sub", style=style, num=n, val=val, alt=alt, pos=p, end=end, lang=lg, extra={"mend": m.end()})

    def _chain(self, s: str, q: int, lg: str, first: Cand) -> list[Cand]:
        """A sub-level number right after a heading number on the same line: "3. (1) A person"."""
        while q < len(s) and s[q] in " \t\u00a0\u202f":
            q += 1
        out: list[Cand] = []
        for _ in range(3):
            if q >= len(s):
                break
            cs = self._subs(s, q, lg)
            if not cs or not (cs[0].val and (cs[0].val.first or (cs[0].alt and cs[0].alt.first))):
                break
            if out and cs[0].style == out[-1].style:
                break
            out.append(cs[0])
            q = cs[0].end
        return out

    def _def(self, s: str, p: int, lg: str) -> Cand | None:
        rx = _DEF_LINE_RX.get(lg)
        if rx is None:
            return None
        m = rx.match(s, p)
        if not m:
            return None
        term = quoted_term(m)
        if not term or not any(ch.isalpha() for ch in term):
            return None
        return Cand("def", style="def", num=term, pos=p, end=p, lang=lg)

    def _def_at(self, s: str, p: int) -> bool:
        return any(self._def(s, p, lg) for lg in self.langs)


# ---------------------------------------------------------------------------------------
# The stateful parse
