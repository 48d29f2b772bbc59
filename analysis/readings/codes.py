"""Legal readings: a whole penal code (see analysis/readings/__init__.py).

Many States make trafficking an offence in their penal code, and a code is read differently
from a special law:

- its **general part** states once, for every offence in the code, the rules on attempt and
  participation (Protocol art. 5(2)(a)-(b)), the liability of legal persons (UNTOC art. 10),
  confiscation (UNTOC art. 12) and jurisdiction (UNTOC art. 15). Such a rule reaches the
  trafficking offence of the special part although the trafficking article does not repeat
  it: a general part that punishes the attempt of any offence covers the attempt of
  trafficking. The rule must be general: a general-part sentence that names only other
  offences of the special part (legal persons liable "for the offence of article 258 bis")
  is tied to those offences, not to trafficking;
- in its **special part**, the same words in an article on another offence belong to that
  offence: the attempt of theft, the restitution of stolen goods to their owner, the victims
  of kidnapping. They count for trafficking only in the trafficking articles;
- an offence chapter on the smuggling of migrants (Smuggling Protocol art. 3(a)) or the sexual
  exploitation of minors is not the trafficking offence (Protocol art. 3(a));
- victim protections (Protocol arts. 6-8) count where they concern victims of trafficking, or
  victims of every offence: the general part, or a code of criminal procedure.

These readings are hit filters and one adjuster that cites the general part in the verdict's
notes. A statute is read as a code when its title names one ("Código Penal", "Code pénal",
"Penal Code", "Уголовный кодекс", "قانون العقوبات"), when it is divided into books or parts
headed general and special, or when it is code-sized (CODE_CHARS characters and CODE_ARTICLES
articles or sections). Division lines are read from the text itself, so the reading does not
depend on how the structure parser labels books and parts. Word lists: analysis/lexicons/codes.toml.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis import readings
from analysis.readings import Reading
from analysis.text import normalize_ar

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from modellaw.model import Element, Provision
    from statutes.model import Statute

_LEX = "codes"
CODE_CHARS = 300_000  # a statute this long, with this many articles, is read as a code
CODE_ARTICLES = 250
_HEADING_MAX = 120  # a line longer than this is text, not a division heading
_ARTICLE_KINDS = ("article", "section")
_DIVISION_KINDS = ("part", "book", "title", "chapter", "division", "subdivision")

Span = tuple[int, int]


@dataclass(frozen=True)
class CodeLayout:
    """How a statute reads as a code; every span is in characters of `Statute.text`."""

    kind: str  # "" (not a code), "penal" or "procedure"
    reason: str  # why it is read as a code, for the notes
    general: tuple[Span, ...] = ()  # the general part
    special: tuple[Span, ...] = ()  # the special part
    trafficking: tuple[Span, ...] = ()  # articles and divisions on trafficking
    other: tuple[Span, ...] = ()  # articles and divisions on other offences
    trafficking_nums: frozenset[str] = frozenset()  # numbers of the trafficking articles
    special_nums: frozenset[str] = frozenset()  # numbers of the other special-part articles

    @property
    def is_code(self) -> bool:
        return bool(self.kind)


NOT_A_CODE = CodeLayout("", "")


# -- words ------------------------------------------------------------------------------------
_COMBINING = re.compile("[\u0300-\u036f]")  # the accents Latin scripts put on letters, once decomposed


def _norm(text: str, lang: str) -> str:
    low = unicodedata.normalize("NFKC", text).lower()
    if lang == "ar":
        return normalize_ar(low)
    return _COMBINING.sub("", unicodedata.normalize("NFD", low))


@lru_cache(maxsize=128)
def _pattern(table: str, lang: str) -> re.Pattern[str] | None:
    phrases = readings.lexicon(_LEX).get(table, {}).get(lang, [])
    alts = []
    for ph in phrases:
        ph = _norm(ph, lang)
        body = re.escape(ph.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if ph.endswith("*") else "")
        alts.append(body)
    if not alts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?!\w)")


def says(table: str, lang: str, text: str) -> bool:
    """Does the text (a title, a heading) hold one of the table's phrases?"""
    pat = _pattern(table, lang)
    return bool(pat and pat.search(_norm(text, lang)))


@lru_cache(maxsize=8)
def _provisions(rule: str) -> frozenset[str]:
    return frozenset(readings.lexicon(_LEX).get("provisions", {}).get(rule, []))


# -- the layout of a code -----------------------------------------------------------------------
def _division_lines(text: str, lang: str) -> tuple[list[int], list[int]]:
    """Offsets of the lines that head a general part and those that head a special part.

    A heading is a short line naming the part ("PARTE GENERAL", "LIBRO PRIMERO — DISPOSICIONES
    GENERALES", "ОСОБЕННАЯ ЧАСТЬ"); "disposiciones generales" heading a title of a special law is
    not a book of a code, so a general or special heading counts when it names a book or part,
    or stands alone on its line, or follows a line that names one ("LIBRO PRIMERO" / "PARTE GENERAL").
    """
    general: list[int] = []
    special: list[int] = []
    pos, prev_book = 0, False
    book = _pattern("book_label", lang)
    for line in text.splitlines(keepends=True):
        s = line.strip()
        if s and len(s) <= _HEADING_MAX:
            n = _norm(s, lang)
            named_book = bool(book and book.match(n))
            for table, out in (("general_part", general), ("special_part", special)):
                pat = _pattern(table, lang)
                m = pat.search(n) if pat else None
                if m and (named_book or prev_book or (m.start() == 0 and m.end() >= len(n.rstrip(" .:-—")))):
                    out.append(pos)
            prev_book = named_book and len(n.split()) <= 3  # "LIBRO SEGUNDO" alone: the heading follows
        elif s:
            prev_book = False
        pos += len(line)
    return general, special


_LEADING = re.compile(r"^[\W\d_]*(?:(?:the|le|la|el|o|a)\s+)?")


def _title(statute: "Statute") -> str:
    """The statute's title: its declared title, else its first line of text."""
    if statute.meta.title.strip():
        return statute.meta.title
    return next((ln for ln in statute.text.splitlines() if ln.strip()), "")


def starts_with(table: str, lang: str, text: str) -> bool:
    """Does the text begin with one of the table's phrases ("Código Penal de la Nación ...")?

    A title that only mentions a code ("Law amending the Penal Code", "altera o Código Penal")
    is a special law, not the code.
    """
    pat = _pattern(table, lang)
    n = _norm(text, lang)
    return bool(pat and pat.match(n, _LEADING.match(n).end()))  # type: ignore[union-attr]


def _kind(statute: "Statute") -> tuple[str, str]:
    lang, title = statute.language, _title(statute)
    if starts_with("procedure_title", lang, title):
        return "procedure", "its title names a code of criminal procedure"
    if starts_with("code_title", lang, title):
        return "penal", "its title names a penal code"
    return "", ""


def layout(statute: "Statute") -> CodeLayout:
    """Read the statute as a code, if it is one: its kind, general and special parts, trafficking articles."""
    lang, text = statute.language, statute.text
    kind, reason = _kind(statute)
    general_at, special_at = _division_lines(text, lang)
    # a book or part headed "general part" followed by one headed as the special part
    if not kind and general_at and special_at and special_at[-1] > general_at[0]:
        kind, reason = "penal", "it is divided into a general part and a special part"
    n_articles = sum(1 for u in statute.units if u.kind in _ARTICLE_KINDS)
    if not kind and len(text) >= CODE_CHARS and n_articles >= CODE_ARTICLES:
        kind, reason = "penal", f"its size ({len(text):,} characters, {n_articles:,} articles)"
    if not kind:
        return NOT_A_CODE
    general: list[Span] = []
    special: list[Span] = []
    if general_at:
        g0 = general_at[0]
        s0 = next((s for s in special_at if s > g0), None)
        if s0 is not None:
            general.append((g0, s0))
            special.append((s0, len(text)))
    t_spans, o_spans = _offence_units(statute)
    trafficking, other = _merge(t_spans), _merge(o_spans)
    special_t = _merge(special)
    t_nums, s_nums = set(), set()
    for u in statute.units:
        if u.kind not in _ARTICLE_KINDS or not u.num:
            continue
        num = _num(u.num)
        if _inside(trafficking, u.start):
            t_nums.add(num)
        elif special_t and _inside(special_t, u.start):
            s_nums.add(num)
    return CodeLayout(
        kind,
        reason,
        _merge(general),
        special_t,
        trafficking,
        other,
        frozenset(t_nums),
        frozenset(s_nums - t_nums),
    )


def _num(num: str) -> str:
    return re.sub(r"[\s().:º°ª-]+", " ", num.lower()).strip()


def _offence_units(statute: "Statute") -> tuple[list[Span], list[Span]]:
    """Spans of the divisions and articles on trafficking, and of those on other offences.

    A division or article is on trafficking when its heading names it, or (an article) its
    words name it or pair a purpose with exploitation ("con fines de explotación"); it is on
    another offence when its heading, or the heading of a division holding it, names that
    offence and nothing marks it as on trafficking.
    """
    lang, text = statute.language, statute.text
    trafficking: list[Span] = []
    other: list[Span] = []
    purpose = _pattern_of("offence", "purpose_intro", lang)
    exploit = _pattern_of("offence", "exploitation_words", lang)
    for u in statute.units:
        if u.kind not in _DIVISION_KINDS and u.kind not in _ARTICLE_KINDS:
            continue
        heading = f"{u.heading}"
        if says("trafficking", lang, heading):
            trafficking.append((u.start, u.end))
            continue
        if u.kind in _ARTICLE_KINDS:
            words = _norm(text[u.start : min(u.end, u.start + 1500)], lang)  # the article's opening words
            t = _pattern("trafficking", lang)
            if (t and t.search(words)) or (purpose and exploit and purpose.search(words) and exploit.search(words)):
                trafficking.append((u.start, u.end))
                continue
        if says("other_offence", lang, heading):
            other.append((u.start, u.end))
    return trafficking, other


@lru_cache(maxsize=64)
def _pattern_of(lexicon: str, table: str, lang: str) -> re.Pattern[str] | None:
    """A table of another family's lexicon (cue syntax) matched like this module's headings."""
    phrases = readings.lexicon(lexicon).get(table, {}).get(lang, [])
    alts = [
        re.escape(_norm(p, lang).rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if p.endswith("*") else "")
        for p in phrases
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") if alts else None


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Disjoint, sorted spans covering the same characters (an article inside its chapter is one span)."""
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _inside(spans: tuple[Span, ...], pos: int) -> bool:
    """Is the character at pos inside one of the disjoint sorted spans?"""
    k = bisect.bisect_right(spans, pos, key=lambda s: s[0]) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def layout_of(idx: "StatuteIndex") -> CodeLayout:
    """The statute's code layout, computed once per statute index."""
    cached = idx.__dict__.get("_code_layout")
    if cached is None:
        cached = layout(idx.statute)
        idx.__dict__["_code_layout"] = cached
    return cached


# -- where a hit stands -------------------------------------------------------------------------
def _sentence_span(idx: "StatuteIndex", i: int) -> Span:
    s = idx.sentence_of[i]
    a = bisect.bisect_left(idx.sentence_of, s)
    b = bisect.bisect_right(idx.sentence_of, s, lo=a)
    return idx.tokens[a].start, idx.tokens[b - 1].end


def _tied_elsewhere(idx: "StatuteIndex", lay: CodeLayout, i: int) -> bool:
    """A general-part sentence naming only other offences of the special part ("the offence of article 258 bis")."""
    from analysis.match import _XREF_RE

    pat = _XREF_RE.get(idx.statute.language)
    if pat is None or not lay.special_nums:
        return False
    a, b = _sentence_span(idx, i)
    nums = {_num(m.group(1)) for m in pat.finditer(idx.statute.text, a, b)}
    return bool(nums & lay.special_nums) and not (nums & lay.trafficking_nums)


def place(idx: "StatuteIndex", lay: CodeLayout, i: int) -> str:
    """Where token i stands in the code: "trafficking", "other", "general", "special" or "" (unknown)."""
    pos = idx.tokens[i].start
    if _inside(lay.trafficking, pos):
        return "trafficking"
    if _inside(lay.other, pos):
        return "other"
    if lay.general and _inside(lay.general, pos):
        return "general"
    if lay.special and _inside(lay.special, pos):
        return "special"
    return ""


@readings.hit_filter
def code_context(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """In a code, a hit counts where the rule reaches trafficking (module docstring)."""
    pid = p.id
    general, victim, offence = _provisions("general"), _provisions("victim"), _provisions("offence")
    if pid not in general and pid not in victim and pid not in offence:
        return True
    lay = layout_of(idx)
    if not lay.is_code:
        return True
    where = place(idx, lay, hit.first)
    if where == "trafficking":
        return True
    if where == "other":
        return False  # the smuggling of migrants, theft, kidnapping: another offence
    if pid in offence:
        return True
    if lay.kind == "procedure":
        return True  # victims of every offence, trafficking included
    if where == "special":
        return False  # an article on another offence of the special part
    if where == "general":
        return not _tied_elsewhere(idx, lay, hit.first)
    return True


@readings.adjuster
def general_part_note(r: Reading) -> None:
    """Say so when a rule of the general part is what covers an ancillary provision."""
    lay = layout_of(r.idx)
    if not lay.is_code or not lay.general:
        return
    for pid in sorted(_provisions("general")):
        v = r.verdicts.get(pid)
        if v is None or v.verdict == "missing" or not v.evidence:
            continue
        if all(_inside(lay.general, ev.start) for ev in v.evidence):
            units = ", ".join(dict.fromkeys(ev.unit for ev in v.evidence))
            note = (
                f"read from the code's general part ({units}), which applies to every offence in the code, "
                f"trafficking included ({_SOURCES.get(pid, 'Protocol art. 5(2)')})"
            )
            if note not in v.notes:
                v.notes.append(note)


_SOURCES = {
    "art14-attempt": "Protocol art. 5(2)(a)",
    "art12-accomplice": "Protocol art. 5(2)(b)",
    "legal-persons": "UNTOC art. 10",
    "confiscation": "UNTOC art. 12",
    "art6-territorial": "UNTOC art. 15(1)",
    "art7-extraterritorial": "UNTOC art. 15(2)",
}
