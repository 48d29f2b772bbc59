"""Legal readings: the scope of victim protections (see analysis/readings/__init__.py).

A victim protection in the Trafficking Protocol (arts. 6-8) is owed to every victim of
trafficking. Finding its words in a statute is not enough:

- **wrong sense** (hit filter): the word stands in another legal sense — "security for a
  debt", social or public security, public order, mutual legal assistance between States
  (UNTOC art. 18), protection of the environment, the definitional "on entend par";
- **the protection concerns the victim** (hit filter): non-punishment must shield victims
  (OHCHR Principle 7), not offenders who report (a leniency rule, UNTOC art. 26);
- **wrong context** (hit filters): a child victim or the victim's safety named in a penal
  article is an aggravating circumstance (Model Law art. 9), not a protective measure
  (Protocol art. 6(4), 6(5)); the child's best interests as a guide for prevention policy
  (Protocol art. 9) are not a rule for child victims;
- **scope limits** (adjuster): a protection given only to foreign victims, only to victims who
  cooperate with the authorities, only while the proceedings last, or only at an authority's
  discretion ("may" with a court, prosecutor or minister, no "shall") is partial, since the
  Protocol sets none of these conditions (art. 6; Model Law art. 18 and CoE Convention
  art. 12(6) on cooperation).

The words of each rule, per language, are in analysis/lexicons/scope.toml.
"""

from __future__ import annotations

import bisect
import weakref
from typing import TYPE_CHECKING

from analysis import readings

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.types import Evidence
    from modellaw.model import Element, Provision

_LEX = "scope"
GAP = object()  # a "*" standing alone in a phrase: up to three tokens of any kind
_GAP_MAX = 3
_CLAUSE_BREAK = {";", ".", ":", "—", "–", "؛"}
_SECTION_KINDS = ("section", "article")

# Per statute index: phrase positions per lexicon table, sentence ranges.
_CACHE: "weakref.WeakKeyDictionary[StatuteIndex, dict]" = weakref.WeakKeyDictionary()


def _lex() -> dict:
    return readings.lexicon(_LEX)


def _applies(names: list[str], p: "Provision", e: "Element | None" = None) -> bool:
    """A rule's list names provisions ("victim-safety") or one element ("victim-safety/physical-safety")."""
    return p.id in names or (e is not None and f"{p.id}/{e.id}" in names)


# -- phrase matching on the statute's tokens ------------------------------------------------
def _compile(phrase: str, idx: "StatuteIndex") -> list:
    from analysis.match import Word

    words: list = []
    for raw in phrase.split():
        if raw == "*":
            words.append(GAP)
            continue
        prefix = raw.endswith("*") and len(raw) > 1
        for t in idx.an.tokens(raw.rstrip("*")):
            if t.is_punct and not t.norm.isalnum():
                continue
            words.append(Word(t.norm, t.lemma, t.alt, prefix))
    return words


def _match_from(idx: "StatuteIndex", words: list, k: int, i: int, positions: list) -> int:
    """Last token index of a match of words[k:] starting at token i, or -1."""
    if k == len(words):
        return i - 1
    w = words[k]
    if w is GAP:
        for skip in range(0, _GAP_MAX + 1):
            end = _match_from(idx, words, k + 1, i + skip, positions)
            if end >= 0:
                return end
        return -1
    # punctuation inside a phrase ("l'", "«") is skipped, as the matcher does
    while i < len(idx.tokens) and idx.tokens[i].is_punct and idx.tokens[i].norm in "-'’\"«»“”":
        i += 1
    if i >= len(idx.tokens) or i not in positions[k]:
        return -1
    return _match_from(idx, words, k + 1, i + 1, positions)


def _phrase_spans(idx: "StatuteIndex", phrase: str) -> list[tuple[int, int]]:
    words = _compile(phrase, idx)
    words = [w for w in words]
    while words and words[0] is GAP:
        words.pop(0)
    while words and words[-1] is GAP:
        words.pop()
    if not words:
        return []
    positions = [None if w is GAP else idx.word_positions(w) for w in words]
    first = positions[0]
    assert first is not None  # leading gaps were stripped above
    out = []
    for i in sorted(first):
        end = _match_from(idx, words, 1, i + 1, positions)
        if end >= 0:
            out.append((i, end))
    return out


def _table(idx: "StatuteIndex", name: str) -> list[tuple[int, int]]:
    """Sorted token spans of every phrase of one lexicon table, in the statute's language."""
    cache = _CACHE.setdefault(idx, {})
    if name not in cache:
        phrases = _lex().get(name, {}).get(idx.statute.language, [])
        spans = sorted({s for ph in phrases for s in _phrase_spans(idx, ph)})
        cache[name] = spans
    return cache[name]


def _any_in(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does any span start within tokens a..b (inclusive)?"""
    k = bisect.bisect_left(spans, (a, -1))
    return k < len(spans) and spans[k][0] <= b


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does any span overlap tokens a..b (inclusive)?"""
    k = bisect.bisect_left(spans, (a - 8, -1))
    for s, e in spans[k:]:
        if s > b:
            break
        if e >= a:
            return True
    return False


def _sentence_range(idx: "StatuteIndex", i: int) -> tuple[int, int]:
    cache = _CACHE.setdefault(idx, {})
    ranges = cache.get("_sentences")
    if ranges is None:
        ranges = {}
        for k, n in enumerate(idx.sentence_of):
            a, _ = ranges.get(n, (k, k))
            ranges[n] = (a, k)
        cache["_sentences"] = ranges
    return ranges[idx.sentence_of[i]]


def _clause_range(idx: "StatuteIndex", i: int) -> tuple[int, int]:
    a, b = _sentence_range(idx, i)
    lo = i
    while lo > a and idx.tokens[lo - 1].norm not in _CLAUSE_BREAK:
        lo -= 1
    hi = i
    while hi < b and idx.tokens[hi + 1].norm not in _CLAUSE_BREAK:
        hi += 1
    return lo, hi


def _scope_range(idx: "StatuteIndex", i: int) -> tuple[int, int] | None:
    sc = idx.scope_of[i]
    if sc < 0:
        return None
    u = idx.statute.units[sc]
    return idx._tok_range(u.start, u.end)


def _chapeau(idx: "StatuteIndex", i: int) -> tuple[int, int] | None:
    """The words introducing a list ("The following measures are taken during the trial:")."""
    rng = _scope_range(idx, i)
    if rng is None:
        return None
    a, b = rng
    first_sentence_end = _sentence_range(idx, a)[1] if a < len(idx.tokens) else a
    for k in range(a, min(b, first_sentence_end + 1)):
        if idx.tokens[k].norm in (":", "—", ":-"):
            return (a, k) if k < i else None
    return None


def _reach(idx: "StatuteIndex", i: int) -> list[tuple[int, int]]:
    """Where the words governing token i stand: its sentence and the list's chapeau."""
    out = [_sentence_range(idx, i)]
    ch = _chapeau(idx, i)
    if ch:
        out.append(ch)
    return out


# -- hit filters ----------------------------------------------------------------------------
@readings.hit_filter
def wrong_sense(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """Drop a hit whose words stand in another legal sense ("security for a debt")."""
    if not _applies(_lex()["provisions"]["all"], p):
        return True
    spans = _table(idx, "wrong_sense")
    if not spans:
        return True
    if hit.last - hit.first <= 6:
        return not _overlaps(spans, hit.first - 1, hit.last + 1)
    return not (_overlaps(spans, hit.first - 1, hit.first + 2) or _overlaps(spans, hit.last - 2, hit.last + 1))


@readings.hit_filter
def concerns_victim(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """Non-punishment must shield the victim: the hit's sentence (or list chapeau) names a victim."""
    if not _applies(_lex()["provisions"]["victim_only"], p, e):
        return True
    victims = _table(idx, "victim_words")
    return any(_any_in(victims, a, b) for a, b in _reach(idx, hit.first))


@readings.hit_filter
def not_in_penal_article(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """A child victim or the victim's safety in an article fixing a penalty is an aggravation."""
    if not _applies(_lex()["provisions"]["not_in_penal_article"], p, e):
        return True
    sc = idx.scope_of[hit.first]
    if sc < 0 or idx.statute.units[sc].kind not in _SECTION_KINDS:
        return True
    span = _scope_range(idx, hit.first)
    if span is None:  # unreachable: sc >= 0 was checked above
        return True
    a, b = span
    return not _any_in(_table(idx, "penalty_words"), a, b - 1)


@readings.hit_filter
def not_in_prevention_clause(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """The child's best interests as a guide for prevention are not a rule for child victims."""
    if not _applies(_lex()["provisions"]["not_in_prevention_clause"], p, e):
        return True
    a, b = _sentence_range(idx, hit.first)
    if not _any_in(_table(idx, "prevention_words"), a, b):
        return True
    return _any_in(_table(idx, "victim_words"), a, b)


# -- scope limits (adjuster) ----------------------------------------------------------------
def _token_at(idx: "StatuteIndex", char: int) -> int:
    k = bisect.bisect_left(idx.starts, char)
    return min(k, len(idx.tokens) - 1)


def _limited(idx: "StatuteIndex", limit: str, i: int) -> bool:
    """Does the protection at token i carry this limit in its sentence or list chapeau?"""
    for a, b in _reach(idx, i):
        if limit == "discretion":
            if _discretionary(idx, i, a, b):
                return True
            continue
        spans = [s for s in _table(idx, limit) if a <= s[0] <= b]
        if not spans:
            continue
        # "regardless of whether the victim cooperates" is the opposite of a condition
        if limit == "cooperation" and (
            _any_in(_table(idx, "unconditional_words"), a, b) or any(idx.negated(s) for s, _ in spans)
        ):
            continue
        return True
    return False


def _discretionary(idx: "StatuteIndex", i: int, a: int, b: int) -> bool:
    """An authority "may" (no "shall") in the clause holding token i, or in the list's chapeau."""
    lo, hi = _clause_range(idx, i) if a <= i <= b else (a, b)
    if not _any_in(_table(idx, "discretion_modal"), lo, hi):
        return False
    if _any_in(_table(idx, "mandatory_modal"), lo, hi):
        return False
    return _any_in(_table(idx, "authority_words"), lo, hi)


@readings.adjuster
def scope_limits(r: readings.Reading) -> None:
    """A covered protection whose essential element is found only under a limit is partial."""
    lex = _lex()
    idx = r.idx
    if not idx.tokens:
        return
    for limit, pids in lex["limit_provisions"].items():
        for pid in pids:
            v = r.verdicts.get(pid)
            if v is None or v.verdict != "covered":
                continue
            for el in v.elements:
                if not (el.essential and el.found and el.evidence):
                    continue
                if all(_limited(idx, limit, _token_at(idx, ev.start + _lead(idx, ev))) for ev in el.evidence):
                    quoted = el.evidence[0]
                    readings.revise(
                        v,
                        "partial",
                        f"scope.{limit.replace('_', '-')}",
                        f"limited in scope ({_LIMIT_NOTES[limit]}): {el.label} only under {quoted.unit}",
                    )
                    break


def _lead(idx: "StatuteIndex", ev: "Evidence") -> int:
    """Offset of the cue's own words inside the quoted clause (its first non-space character)."""
    text = idx.statute.text[ev.start : ev.end]
    return len(text) - len(text.lstrip())


_LIMIT_NOTES = {
    "foreign_only": "only for foreign victims",
    "cooperation": "only for victims who cooperate with the authorities",
    "proceedings_only": "only while the investigation or trial lasts",
    "discretion": "only at an authority's discretion",
    "secured_assets": "assets are only held to secure reparation; no right to compensation",
}
