"""Element-level matching of a statute against a model law.

For each provision and each of its elements, the element's cues in the statute's
language (docs/model-format.md) are looked up in the statute's tokens; an element is
found when enough distinct cues match inside one section or article (the *scope*),
and the evidence is the deepest unit that holds each match, with the quoted words.

Legal sense beyond words:
- negation: a cue preceded in its clause by a negator ("shall *not* be liable") does
  not count, unless the cue itself is negative;
- definitions: a scope that uses a defined term also holds what the definition says
  (a law defining "exploitation" to include forced labour covers forced labour
  wherever it uses "exploitation"), and the evidence cites the definition;
- verdict: covered when every essential element is found, partial when some element
  is, missing otherwise (the Model Law's own test of a provision's elements).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from rapidfuzz import fuzz, process

from analysis import readings
from analysis.text import Analyzer, Token, analyzer
from analysis.types import Assessment, ElementResult, Evidence, Verdict
from modellaw.model import Element, Model, Provision
from statutes.model import Definition, Statute

WINDOW = 60  # tokens within which the parts of a `~` cue must co-occur (same sentence too)
NEG_LOOKBACK = 4  # tokens before a match searched for a negator
FUZZY_MIN_LEN = 7  # words shorter than this are matched exactly (fuzzy on short words misfires)
FUZZY_CUTOFF = 90.0
QUOTE_MAX = 280
_CLAUSE_BREAK = {";", ".", ":", "—", "–", "؛"}
_SENTENCE_END = {".", "?", "!", "。"}
_SECTION_KINDS = ("section", "article")


@dataclass(frozen=True)
class Word:
    norm: str
    lemma: str
    alt: str
    prefix: bool


@dataclass(frozen=True)
class CompiledCue:
    text: str
    weight: float
    parts: tuple[tuple[Word, ...], ...]
    negative: bool  # the cue itself contains a negator
    defined: bool = False  # "=child": the statute defines a term containing these words
    negated_parts: tuple[bool, ...] = ()  # parts that must stand under a negator ("not ~ deport*")


@dataclass(frozen=True)
class Hit:
    cue: int
    first: int  # token index
    last: int  # token index (inclusive)
    quality: float  # 1.0 exact, < 1 fuzzy


def compile_cue(text: str, weight: float, an: Analyzer) -> CompiledCue:
    parts = []
    negative = False
    defined = text.startswith("=")
    for raw in text.lstrip("=").split("~"):
        words = []
        for tok in re.findall(r"\S+", raw.strip()):
            prefix = tok.endswith("*") and len(tok) > 1
            tok = tok.rstrip("*")
            # A cue word may tokenise into several tokens ("victim's", "l'enfant").
            for t in an.tokens(tok):
                if t.is_punct and not t.norm.isalnum():
                    continue
                words.append(Word(t.norm, t.lemma, t.alt, prefix))
                negative = negative or t.norm in an.negators
        if words:
            parts.append(tuple(words))
    # A part that is only a negator ("victim ~ not ~ liable") negates its neighbour: the next
    # part (or the previous one, at the end) must itself be negated in its clause, so that
    # "a person who is not a citizen ... shall be deported" does not read as "not deported".
    negated = [False] * len(parts)
    kept: list[tuple[Word, ...]] = []
    for k, part in enumerate(parts):
        if len(part) == 1 and part[0].norm in an.negators and len(parts) > 1:
            target = len(kept) if k + 1 < len(parts) else len(kept) - 1
            negated[target] = True
            continue
        kept.append(part)
    negated = negated[: len(kept)]
    return CompiledCue(text, weight, tuple(kept), negative, defined and len(kept) == 1, tuple(negated))


class StatuteIndex:
    """Tokens of one statute with an inverted index, scopes and the deepest unit per token."""

    def __init__(self, statute: Statute, an: Analyzer):
        self.statute = statute
        self.an = an
        self.tokens: list[Token] = _with_cross_references(statute, an, an.tokens(statute.text))
        self.starts = [t.start for t in self.tokens]
        self.by_key: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.tokens):
            for k in {t.norm, t.lemma, t.alt, *t.extra}:  # extra: Arabic lemma and "√" root
                self.by_key[k].append(i)
        self.vocab = list(self.by_key)
        self._vocab_sorted = sorted(self.vocab)  # prefix cue words: one bisect, not a scan of the vocabulary
        self._vocab_order = {k: n for n, k in enumerate(self.vocab)}
        # Long words by their first three letters: a fuzzy match must share them (see word_positions),
        # so only that bucket is scored; a whole code has a vocabulary of tens of thousands of words.
        self._vocab_long: dict[str, list[str]] = defaultdict(list)
        for k in self.vocab:
            if len(k) >= FUZZY_MIN_LEN:
                self._vocab_long[k[:3]].append(k)
        self._word_cache: dict[Word, dict[int, float]] = {}
        self.unit_of = self._deepest_units()
        self.scope_of = self._scopes()
        self.sentence_of = self._sentences()

    # -- structure -------------------------------------------------------
    def _tok_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def _deepest_units(self) -> list[int]:
        out = [-1] * len(self.tokens)
        for ui, u in enumerate(self.statute.units):  # pre-order: deeper units come later
            a, b = self._tok_range(u.start, u.end)
            for i in range(a, b):
                out[i] = ui
        return out

    def _scopes(self) -> list[int]:
        """Each token's scope: the section/article holding it, else its top-level unit."""
        units = self.statute.units
        out = [-1] * len(self.tokens)
        for ui, u in enumerate(units):
            if u.parent is None:
                a, b = self._tok_range(u.start, u.end)
                for i in range(a, b):
                    out[i] = ui
        for ui, u in enumerate(units):
            if u.kind in _SECTION_KINDS:
                a, b = self._tok_range(u.start, u.end)
                for i in range(a, b):
                    out[i] = ui
        return out

    def _sentences(self) -> list[int]:
        """Sentence number per token: a full stop ends a sentence, so does a new scope.

        A list ("A person who— (a) recruits; (b) transports; commits an offence.") is one
        sentence, as the law reads it; a new subsection ends with its own full stop.
        """
        out, n, prev_scope = [], 0, None
        for i, t in enumerate(self.tokens):
            if self.scope_of[i] != prev_scope:
                n += 1
                prev_scope = self.scope_of[i]
            out.append(n)
            if t.norm in _SENTENCE_END:
                n += 1
        return out

    # -- lookup ----------------------------------------------------------
    def word_positions(self, w: Word) -> dict[int, float]:
        """Token positions matching one cue word, with match quality."""
        if w in self._word_cache:
            return self._word_cache[w]
        pos: dict[int, float] = {}
        if w.prefix:
            keys = set()
            for stem in {w.norm, w.alt}:
                j = bisect.bisect_left(self._vocab_sorted, stem)
                while j < len(self._vocab_sorted) and self._vocab_sorted[j].startswith(stem):
                    keys.add(self._vocab_sorted[j])
                    j += 1
            for k in sorted(keys, key=self._vocab_order.__getitem__):  # in vocabulary order, as a scan would
                for i in self.by_key[k]:
                    pos[i] = 1.0
        else:
            for k in {w.norm, w.lemma, w.alt}:
                for i in self.by_key.get(k, ()):
                    pos[i] = 1.0
            bucket = self._vocab_long.get(w.norm[:3]) if len(w.norm) >= FUZZY_MIN_LEN else None
            if bucket:
                # Spelling variants: labour/labor, organisation/organization, OCR slips. The
                # first three letters must agree, or "formation" would match "information".
                for k, score, _ in process.extract(
                    w.norm, bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
                ):
                    for i in self.by_key[k]:
                        pos.setdefault(i, score / 100.0)
        self._word_cache[w] = pos
        return pos

    def phrase_hits(self, words: tuple[Word, ...]) -> list[tuple[int, int, float]]:
        first = self.word_positions(words[0])
        rest = [self.word_positions(w) for w in words[1:]]
        hits = []
        for i, q in first.items():
            j, quality, ok = i, q, True
            for pos in rest:
                j += 1
                while j < len(self.tokens) and self.tokens[j].is_punct and self.tokens[j].norm in "-'’\"«»“”":
                    j += 1
                if j not in pos:
                    ok = False
                    break
                quality = min(quality, pos[j])
            if ok:
                hits.append((i, j, quality))
        return hits

    def negated(self, first: int) -> bool:
        for k in range(first - 1, max(-1, first - 1 - NEG_LOOKBACK), -1):
            t = self.tokens[k]
            if t.norm in _CLAUSE_BREAK:
                return False
            if t.norm in self.an.negators:
                return True
        return False

    def defined_term_hits(self, idx: int, cue: CompiledCue) -> list[Hit]:
        """Definitions whose defined term contains the cue's words ("=child" finds "child")."""
        hits = []
        for d in self.statute.definitions:
            a, b = self._tok_range(d.start, d.end)
            ta, tb = self._tok_range(*self._term_span(d))
            for first, last, q in self.phrase_hits(cue.parts[0]):
                if ta <= first and last < tb:
                    hits.append(Hit(idx, first, max(last, b - 1), q))
                    break
        return hits

    def _term_span(self, d: Definition) -> tuple[int, int]:
        """Where the defined term is written: at or just before the definition's words."""
        text = self.statute.text
        lo = max(0, d.start - len(d.term) - 40)
        k = text.find(d.term, lo, d.end)
        if k < 0:
            k = text.lower().find(d.term.lower(), lo, d.end)
        return (k, k + len(d.term)) if k >= 0 else (d.start, d.start)

    def cue_hits(self, idx: int, cue: CompiledCue) -> list[Hit]:
        if cue.defined:
            return self.defined_term_hits(idx, cue)
        part_hits = [self.phrase_hits(p) for p in cue.parts]
        for k, must in enumerate(cue.negated_parts):
            if must:
                part_hits[k] = [h for h in part_hits[k] if self.negated(h[0])]
        if any(not h for h in part_hits):
            return []
        if len(part_hits) == 1:
            hits = [Hit(idx, a, b, q) for a, b, q in part_hits[0]]
        else:
            order = sorted(range(len(part_hits)), key=lambda k: len(part_hits[k]))
            anchor, others = part_hits[order[0]], [sorted(part_hits[k]) for k in order[1:]]
            others_starts = [[h[0] for h in oh] for oh in others]
            hits = []
            for a, b, q in anchor:
                lo, hi, qual, ok = a, b, q, True
                for oh, starts in zip(others, others_starts, strict=True):
                    k0 = bisect.bisect_left(starts, a - WINDOW)
                    best = None
                    for h in oh[k0:]:
                        if h[0] > b + WINDOW:
                            break
                        if self.sentence_of[h[0]] == self.sentence_of[a]:
                            best = h if best is None or abs(h[0] - a) < abs(best[0] - a) else best
                    if best is None:
                        ok = False
                        break
                    lo, hi, qual = min(lo, best[0]), max(hi, best[1]), min(qual, best[2])
                if ok:
                    hits.append(Hit(idx, lo, hi, qual))
        if not cue.negative:
            hits = [h for h in hits if not self.negated(h.first)]
        return hits

    # -- evidence --------------------------------------------------------
    def quote(self, hit: Hit) -> tuple[str, int, int]:
        """The clause around a hit, bounded, as it stands in the statute."""
        text = self.statute.text
        a, b = self.tokens[hit.first].start, self.tokens[hit.last].end
        ui = self.unit_of[hit.first]
        lo_bound = self.statute.units[ui].start if ui >= 0 else 0
        hi_bound = self.statute.units[ui].end if ui >= 0 else len(text)
        s = max(lo_bound, a - QUOTE_MAX // 2)
        for sep in ("\n", ". ", "; "):
            k = text.rfind(sep, s, a)
            if k >= 0:
                s = max(s, k + len(sep))
        e = min(hi_bound, b + QUOTE_MAX // 2)
        for sep in ("\n", ". ", "; "):
            k = text.find(sep, b, e)
            if k >= 0:
                e = min(e, k + 1)
        return " ".join(text[s:e].split()), s, e

    def evidence(self, hit: Hit, cue: CompiledCue) -> Evidence:
        ui = self.unit_of[hit.first]
        u = self.statute.units[ui] if ui >= 0 else None
        quoted, s, e = self.quote(hit)
        return Evidence(
            unit_id=u.id if u else "",
            unit=u.label if u else "(unnumbered text)",
            text=quoted,
            start=s,
            end=e,
            score=round(cue.weight * hit.quality, 3),
            cue=cue.text,
        )


class Matcher:
    """Holds a model's cues compiled for one language; assesses any statute in it."""

    def __init__(self, model: Model, lang: str):
        self.model = model
        self.lang = lang
        self.an = analyzer(lang)
        from analysis import cuecache

        sources = {f"{p.id}/{e.id}": e.cues_for(lang) for p in model.provisions for e in p.elements}
        expected = {k: [(c.text, c.weight) for c in cs] for k, cs in sources.items()}

        def build() -> dict[str, list[CompiledCue]]:
            return {k: [compile_cue(c.text, c.weight, self.an) for c in cs] for k, cs in sources.items()}

        # compiled once per model, language and tool version, then read from the disk cache
        self.cues: dict[str, list[CompiledCue]] = cuecache.compiled_cues(model.path, lang, expected, build)

    def assess(self, statute: Statute, created: str | None = None, tool_version: str = "") -> Assessment:
        idx = StatuteIndex(statute, self.an)
        expansions = _definition_expansions(idx)
        kept: dict[str, list[Hit]] = {}  # every element's hits that passed the hit filters
        verdicts = [self._provision(p, idx, expansions, kept) for p in self.model.provisions]
        by_id = {v.provision.id: v for v in verdicts}
        readings.apply_adjusters(readings.Reading(idx, self.model, self.lang, by_id, cues=self.cues, hits=kept))
        return Assessment(
            model=self.model,
            statute=statute.meta,
            language=statute.language,
            unit_count=len(statute.units),
            verdicts=verdicts,
            created=created or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            tool_version=tool_version,
        )

    def _element(
        self,
        p: Provision,
        e: Element,
        idx: StatuteIndex,
        expansions: list[tuple[int, int, frozenset[int]]],
        kept: dict[str, list[Hit]],
    ) -> tuple[ElementResult, float]:
        cues = self.cues[f"{p.id}/{e.id}"]
        per_scope: dict[int, dict[int, Hit]] = defaultdict(dict)
        all_hits: list[Hit] = []
        kept[f"{p.id}/{e.id}"] = all_hits
        for ci, cue in enumerate(cues):
            for h in idx.cue_hits(ci, cue):
                if not readings.keep_hit(idx, p, e, cue, h):
                    continue
                all_hits.append(h)
                sc = idx.scope_of[h.first]
                prev = per_scope[sc].get(ci)
                if prev is None or h.quality > prev.quality:
                    per_scope[sc][ci] = h
        # Definitions: a scope using a defined term also holds the definition's words.
        for h in all_hits:
            for a, b, users in expansions:
                if a <= h.first <= b:
                    for sc in users:
                        per_scope[sc].setdefault(h.cue, h)
        best_sc, best_total = None, 0.0
        for sc, scope_hits in per_scope.items():
            total = sum(cues[ci].weight * h.quality for ci, h in scope_hits.items())
            if total > best_total:
                best_sc, best_total = sc, total
        need = float(e.min)
        found = best_total >= need - 1e-9
        evidence = []
        if best_sc is not None:
            hits = sorted(per_scope[best_sc].values(), key=lambda h: (-cues[h.cue].weight * h.quality, h.first))
            seen = set()
            for h in hits:
                ev = idx.evidence(h, cues[h.cue])
                if (ev.unit_id, ev.start) in seen:
                    continue
                seen.add((ev.unit_id, ev.start))
                evidence.append(ev)
                if len(evidence) == 3:
                    break
        strength = min(1.0, best_total / (need + 1.0)) if found else min(0.99, best_total / need)
        return ElementResult(e.id, e.label, e.essential, found, round(strength, 3), evidence), strength

    def _provision(
        self,
        p: Provision,
        idx: StatuteIndex,
        expansions: list[tuple[int, int, frozenset[int]]],
        kept: dict[str, list[Hit]],
    ) -> Verdict:
        results = [self._element(p, e, idx, expansions, kept) for e in p.elements]
        elements = [r for r, _ in results]
        essential = [(r, s) for r, s in results if r.essential] or results
        n_found = sum(1 for r, _ in essential if r.found)
        # Partial means some *essential* element is there; an optional extra alone is not the protection.
        any_found = n_found > 0
        notes = []
        if n_found == len(essential):
            verdict = "covered"
            confidence = 0.5 + 0.5 * sum(s for _, s in essential) / len(essential)
        elif any_found:
            verdict = "partial"
            f = n_found / len(essential)
            confidence = 0.5 + 0.4 * (1 - abs(2 * f - 1))
            notes.append("missing: " + "; ".join(r.label for r, _ in essential if not r.found))
        else:
            verdict = "missing"
            confidence = 1.0 - 0.5 * max((s for _, s in results), default=0.0)
        if not self.cues or all(not self.cues[f"{p.id}/{e.id}"] for e in p.elements):
            notes.append(f"the model has no cues in '{self.lang}' for this provision")
            confidence = min(confidence, 0.3)
        evidence = []
        seen = set()
        for r in elements:
            for ev in r.evidence:
                if (ev.unit_id, ev.start) not in seen:
                    seen.add((ev.unit_id, ev.start))
                    evidence.append(ev)
        return Verdict(p, verdict, round(confidence, 3), elements, evidence, notes)


# Cross-references by language: "an offence under section 3", "l'article 225-4-1",
# "el artículo 177 bis", "art. 149-A", "статьей 127.1", "المادة 2". Only the number is captured.
_XREF = {
    "en": r"\b(?:section|sections|s\.)\s+(\d+[A-Z]?)\b",
    "fr": r"\barticles?\s+(\d+(?:-\d+)*)",
    "es": r"\bart[íi]culos?\s+(\d+(?:\s+(?:bis|ter|quater))?)",
    "pt": r"\b(?:artigos?|arts?\.)\s+(\d+(?:-[A-Z])?)",
    "ru": r"\bстат(?:ья|ьи|ье|ью|ьей|ей)\s+(\d+(?:\.\d+)?)",
    "ar": r"(?:ال)?مادت?[هةين]*\s*\(?\s*([0-9\u0660-\u0669]+)",
}
_XREF_RE = {k: re.compile(v, re.IGNORECASE) for k, v in _XREF.items()}


def _with_cross_references(statute: Statute, an: Analyzer, tokens: list[Token]) -> list[Token]:
    """Read "an offence under section 3" as also saying what section 3 is about.

    The heading of the referenced section or article is added as extra tokens at the
    reference's position, so a clause like "attempts to commit an offence under
    section 3" (section 3: "Trafficking in persons") matches "attempt ~ trafficking";
    evidence still quotes the statute's own words, since the extra tokens carry the
    reference's offsets.
    """
    pattern = _XREF_RE.get(statute.language)
    if pattern is None:
        return tokens
    by_num: dict[str, str] = {}
    for u in statute.units:
        if u.kind in _SECTION_KINDS and u.heading:
            num = u.num.translate(_DIGITS).strip("().:º°- ").lower()
            by_num.setdefault(num, u.heading)
    if not by_num:
        return tokens
    extra: list[Token] = []  # in text order: references are found left to right
    heading_tokens: dict[str, list[Token]] = {}  # a code refers to the same articles again and again
    for m in pattern.finditer(statute.text):
        heading = by_num.get(m.group(1).translate(_DIGITS).lower())
        if not heading:
            continue
        # placed just after the reference's last character, keeping token starts in order
        at = m.end() - 1
        if heading not in heading_tokens:
            heading_tokens[heading] = an.tokens(heading)
        for t in heading_tokens[heading]:
            extra.append(Token(at, m.end(), t.norm, t.lemma, t.alt, t.is_punct))
    if not extra:
        return tokens
    # Merge: an added token goes after every statute token starting at or before its position.
    starts = [t.start for t in tokens]
    out: list[Token] = []
    k = 0
    for t in extra:
        j = bisect.bisect_right(starts, t.start, lo=k)
        out.extend(tokens[k:j])
        out.append(t)
        k = j
    out.extend(tokens[k:])
    return out


_DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)})


def _definition_expansions(idx: StatuteIndex) -> list[tuple[int, int, frozenset[int]]]:
    """For each definition: its token range and the other scopes that use the defined term."""
    out = []
    for d in idx.statute.definitions:
        a, b = idx._tok_range(d.start, d.end)
        if b <= a:
            continue
        term_words = tuple(Word(t.norm, t.lemma, t.alt, False) for t in idx.an.tokens(d.term) if not t.is_punct)
        if not term_words:
            continue
        def_scope = idx.scope_of[a]
        users = frozenset(idx.scope_of[i] for i, _, _ in idx.phrase_hits(term_words)) - {def_scope}
        if users:
            out.append((a, b - 1, users))
    return out
