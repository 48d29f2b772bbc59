"""Legal readings: the structure of the trafficking offence (see analysis/readings/__init__.py).

The matcher finds the words of each element; these readings look at how the offence is
built, as a criminal lawyer reads it:

- offence.no-means-needed — an offence defined by acts and purpose alone, for everyone or for
  children, already carries the child rule of Protocol art. 3(c) without a clause saying so;
- offence.means-narrower — an offence that names some of the means of Protocol art. 3(a) but
  leaves out a whole category of them (force or coercion, deception, abuse of power or of a
  position of vulnerability, payments) reaches less than the Protocol: partial;
- offence.defines-not-criminalises — a law that defines trafficking but states no penalty for
  it leaves the offence to another code (Protocol art. 5(1)): partial;
- offence.group-only-aggravates — an organised criminal group (or instigation) named only where
  the penalty is raised: organising or directing others (Protocol art. 5(2)(c)) is partly
  reached, not made an offence;
- offence.attempt-by-reference — "a reference to an offence includes an attempt" only extends
  other provisions (arrest, jurisdiction); attempt liability rests elsewhere (art. 5(2)(a));
- offence.accomplice-mentioned — participants named in passing (the consent rule, a sentence
  reduction, an aggravating circumstance), never made punishable (art. 5(2)(b)): partial;
- offence.ancillary-to-narrow-offence — where the trafficking acts themselves are not the
  offence (only keeping premises for it, say), attempt, complicity and organising attach to
  that narrower offence: at most partial.

Word lists are in analysis/lexicons/offence.toml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from analysis.readings import Reading, adjuster, keep_hit, lexicon, revise

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.types import Verdict

_MEANS_CATEGORIES = ("coercion", "deception", "abuse", "payments")
_MEANS_LABELS = {
    "coercion": "threat, force, coercion or abduction",
    "deception": "fraud or deception",
    "abuse": "abuse of power or of a position of vulnerability",
    "payments": "giving or receiving payments or benefits",
}


# -- finding words ----------------------------------------------------------
class _Finder:
    """Cue hits of model elements and lexicon lists in one statute, by sentence and scope."""

    def __init__(self, reading: Reading):
        self.r = reading
        self.idx: StatuteIndex = reading.idx
        self._cache: dict[tuple, list[tuple["CompiledCue", "Hit"]]] = {}

    def element(self, pid: str, eid: str) -> list[tuple["CompiledCue", "Hit"]]:
        key = ("el", pid, eid)
        if key not in self._cache:
            from analysis.match import compile_cue

            out = []
            p = next((p for p in self.r.model.provisions if p.id == pid), None)
            e = next((e for e in p.elements if e.id == eid), None) if p else None
            if e is not None:
                for ci, c in enumerate(e.cues_for(self.r.lang)):
                    cue = compile_cue(c.text, c.weight, self.idx.an)
                    out += [(cue, h) for h in self.idx.cue_hits(ci, cue) if keep_hit(self.idx, p, e, cue, h)]
            self._cache[key] = out
        return self._cache[key]

    def words(self, *path: str) -> list[tuple["CompiledCue", "Hit"]]:
        key = ("lex",) + path
        if key not in self._cache:
            from analysis.match import compile_cue

            table = lexicon("offence")
            for k in path:
                table = table.get(k, {})
            out = []
            for ci, text in enumerate(table.get(self.r.lang, ()) if isinstance(table, dict) else ()):
                cue = compile_cue(text, 1.0, self.idx.an)
                out += [(cue, h) for h in self.idx.cue_hits(ci, cue)]
            self._cache[key] = out
        return self._cache[key]

    def sentence(self, h: "Hit") -> int:
        return self.idx.sentence_of[h.first]

    def scope(self, h: "Hit") -> int:
        return self.idx.scope_of[h.first]


def _weight(hits: Iterable[tuple["CompiledCue", "Hit"]]) -> float:
    """Distinct cues' weights (an element's `min` counts distinct cues)."""
    best: dict[str, float] = {}
    for cue, h in hits:
        best[cue.text] = max(best.get(cue.text, 0.0), cue.weight * h.quality)
    return sum(best.values())


def _group(hits, key) -> dict[int, list]:
    out: dict[int, list] = {}
    for cue, h in hits:
        out.setdefault(key(h), []).append((cue, h))
    return out


def _cite(r: Reading, v: "Verdict", hits: list[tuple["CompiledCue", "Hit"]], element_id: str | None = None) -> None:
    """Add the hits a reading relied on as the verdict's evidence (and its element's)."""
    seen = {(e.unit_id, e.start) for e in v.evidence}
    for cue, h in hits[:3]:
        ev = r.idx.evidence(h, cue)
        if (ev.unit_id, ev.start) in seen:
            continue
        seen.add((ev.unit_id, ev.start))
        v.evidence.append(ev)
        for er in v.elements:
            if element_id is None or er.id == element_id:
                er.evidence.append(ev)
                if element_id is not None:
                    er.found = True
                break


# -- the readings -------------------------------------------------------------
def _offence_sentences(f: _Finder) -> tuple[dict[int, list], dict[int, list], dict[int, list]]:
    acts = _group(f.element("art8-offence", "acts"), f.sentence)
    purpose = _group(f.element("art8-offence", "purpose"), f.sentence)
    means = _group(f.element("art8-offence", "means"), f.sentence)
    return acts, purpose, means


def _child_no_means(r: Reading, f: _Finder) -> None:
    """Protocol art. 3(c): for a child, the act and the purpose of exploitation suffice.

    A law says so in words ("even if none of the means is used"), or by its structure: the
    offence (or its definition of trafficking) needs no means at all, or a separate offence for
    child victims is made of acts and purpose only, the means at most raising the penalty.
    Where the means are required for every victim and a child only aggravates, nothing here
    applies and the provision stays missing.
    """
    v = r.verdicts.get("art8-child")
    if v is None or v.verdict == "covered":
        return
    acts, purpose, means = _offence_sentences(f)
    child = _group(f.words("child"), f.sentence)
    punished = _group(f.words("penalty") + f.words("liability"), f.sentence)
    # an offence clause (for children, or for anyone) made of acts + purpose, with no means
    for s, a in sorted(acts.items()):
        if _weight(a) >= 2 and s in purpose and s not in means and (s in child or s in punished):
            who = "against a child" if s in child else "itself"
            revise(
                v,
                "covered",
                "offence.no-means-needed",
                f"the offence {who} is made of the acts and the purpose of exploitation alone: "
                "no means need be proved for a child (Protocol art. 3(c))",
            )
            _cite(r, v, a[:1] + purpose[s][:1], "child-no-means")
            return
    # a definition of trafficking itself made of acts and purpose only, for everyone
    idx = f.idx
    terms = f.words("trafficking_term")
    forms = [
        x
        for e in ("sexual-exploitation", "forced-labour", "slavery", "servitude", "removal-of-organs")
        for x in f.element("art5-exploitation", e)
    ]
    for d in idx.statute.definitions:
        a0, b0 = idx._tok_range(d.start, d.end)
        ta, tb = idx._tok_range(*idx._term_span(d))
        if not any(ta <= h.first < max(tb, a0) for _, h in terms):
            continue
        inside = lambda hs: [(c, h) for c, h in hs if a0 <= h.first < b0]  # noqa: E731
        d_acts = inside(f.element("art8-offence", "acts"))
        d_purpose = inside(f.element("art8-offence", "purpose")) or inside(forms)
        d_means = inside(f.element("art8-offence", "means"))
        if _weight(d_acts) >= 1 and d_purpose and not d_means:
            revise(
                v,
                "covered",
                "offence.no-means-needed",
                f"the law defines \u201c{d.term}\u201d by the acts and the purpose alone: no means need "
                "be proved for anyone, a child included (Protocol art. 3(c))",
            )
            _cite(r, v, d_acts[:1] + d_purpose[:1], "child-no-means")
            return


def _means_and_penalty(r: Reading, f: _Finder) -> None:
    """Protocol art. 3(a) and 5(1): the offence names every category of means, and is punished."""
    v = r.verdicts.get("art8-offence")
    if v is None or v.verdict == "missing":
        return
    acts = _group(f.element("art8-offence", "acts"), f.sentence)
    purpose = _group(f.element("art8-offence", "purpose"), f.sentence)
    offence_sentences = [s for s, a in acts.items() if _weight(a) >= 2 and s in purpose]
    # -- is it punished at all? A law that sends the punishment to the Penal Code and states no
    # penalty of its own defines the offence; the Code criminalises it.
    if f.words("penal_code_referral") and not f.words("penalty"):
        revise(
            v,
            "partial",
            "offence.defines-not-criminalises",
            "the law defines trafficking but leaves the offence and its penalty to the Penal Code (Protocol art. 5(1))",
        )
        return
    if v.verdict != "covered" or not offence_sentences:
        return
    # -- the categories of means the fullest offence clause names (means that only aggravate,
    # in another paragraph, are not elements of the offence)
    cats: dict[int, set[str]] = {s: set() for s in offence_sentences}
    for c in _MEANS_CATEGORIES:
        for _, h in f.words("means", c):
            s = f.sentence(h)
            if s in cats:
                cats[s].add(c)
    # a clause the source marks as cut ("…") cannot show what it leaves out
    cats = {s: c for s, c in cats.items() if not _elided(f, s)}
    best = max(cats.values(), key=len, default=set())
    if best and len(best) < len(_MEANS_CATEGORIES):
        lacking = [_MEANS_LABELS[c] for c in _MEANS_CATEGORIES if c not in best]
        revise(
            v,
            "partial",
            "offence.means-narrower",
            "the offence names fewer means than the Protocol: no " + "; no ".join(lacking) + " (Protocol art. 3(a))",
        )


def _closed_vulnerability(r: Reading, f: _Finder) -> None:
    """A position of vulnerability defined by a closed list of situations.

    The Protocol's "abuse of a position of vulnerability" reaches any situation in which the
    person has no real and acceptable alternative but to submit to the abuse (interpretative
    note, A/55/383/Add.1, para. 63). A statute that defines the term by an enumerated list of
    situations, with no residual words ("any other", "including", "notamment"), reaches only
    those situations: the offence is narrower than the Protocol (partial).
    """
    v = r.verdicts.get("art8-offence")
    if v is None or v.verdict != "covered":
        return
    idx = f.idx
    terms = f.words("vulnerability_term")
    opened = f.words("open_list")
    for d in idx.statute.definitions:
        ta, tb = idx._tok_range(*idx._term_span(d))
        a0, b0 = idx._tok_range(d.start, d.end)
        if not any(min(ta, a0) <= h.first < max(tb, a0) for _, h in terms):
            continue
        items = [u for u in idx.statute.units if d.start < u.start < d.end]
        if len(items) < 2:
            continue  # a description, not a list of situations
        if any(a0 <= h.first < b0 for _, h in opened):
            continue  # an open list: the situations are examples
        revise(
            v,
            "partial",
            "offence.vulnerability-closed-list",
            f"\u201c{d.term}\u201d is defined by a closed list of {len(items)} situations; the Protocol's "
            "abuse of a position of vulnerability reaches any situation leaving the person no real "
            "and acceptable alternative but to submit (Protocol art. 3(a); interpretative note, "
            "A/55/383/Add.1, para. 63)",
        )
        return


def _elided(f: _Finder, sentence: int) -> bool:
    toks = [t for i, t in enumerate(f.idx.tokens) if f.idx.sentence_of[i] == sentence]
    if not toks:
        return False
    text = f.idx.statute.text[toks[0].start : toks[-1].end + 2]
    return "\u2026" in text or "..." in text or "[...]" in text


def _in_definition(idx: "StatuteIndex", h: "Hit") -> bool:
    for d in idx.statute.definitions:
        a, b = idx._tok_range(d.start, d.end)
        if a <= h.first < b:
            return True
    return False


def _group_aggravation(f: _Finder) -> list[tuple["CompiledCue", "Hit"]]:
    """An organised group (or instigation) named in a provision that raises or states a penalty."""
    context = {f.scope(h) for _, h in f.words("aggravation_context")} | {f.scope(h) for _, h in f.words("penalty")}
    return [(c, h) for c, h in f.words("organised_group") if f.scope(h) in context and not _in_definition(f.idx, h)]


def _organizing(r: Reading, f: _Finder) -> None:
    """Protocol art. 5(2)(c): organising or directing others is an offence of its own."""
    v = r.verdicts.get("art13-organizing")
    if v is None:
        return
    group = _group_aggravation(f)
    if v.verdict == "missing" and group:
        revise(
            v,
            "partial",
            "offence.group-only-aggravates",
            "an organised group or instigation only raises the penalty; organising or directing "
            "others is not itself an offence (Protocol art. 5(2)(c))",
        )
        _cite(r, v, group)
        return
    if v.verdict == "covered":
        hits = f.element("art13-organizing", "organizing-directing")
        agg = {f.sentence(h) for _, h in f.words("aggravation_context")}
        grp = {f.sentence(h) for _, h in f.words("organised_group")}
        strong = [(c, h) for c, h in hits if c.weight >= 1.0]
        if strong and all(f.sentence(h) in agg and f.sentence(h) in grp for _, h in strong):
            revise(
                v,
                "partial",
                "offence.group-only-aggravates",
                "founding, organising or leading the organised group appears only as a circumstance "
                "that raises the penalty, not as an offence of organising or directing others "
                "(Protocol art. 5(2)(c))",
            )


def _attempt(r: Reading, f: _Finder) -> None:
    """Protocol art. 5(2)(a): attempt liability, not a clause extending other provisions to attempts."""
    v = r.verdicts.get("art14-attempt")
    if v is None or v.verdict != "covered":
        return
    hits = [(c, h) for c, h in f.element("art14-attempt", "attempt") if c.weight >= 1.0]
    ref = {f.sentence(h) for _, h in f.words("reference_clause")}
    if hits and all(f.sentence(h) in ref for _, h in hits):
        revise(
            v,
            "partial",
            "offence.attempt-by-reference",
            "attempts appear only where other provisions are extended to them (\u201ca reference to an "
            "offence includes an attempt\u201d); attempt liability itself rests on another law "
            "(Protocol art. 5(2)(a))",
        )


def _accomplice(r: Reading, f: _Finder) -> None:
    """Protocol art. 5(2)(b): participation made punishable, not participants named in passing."""
    v = r.verdicts.get("art12-accomplice")
    if v is None or v.verdict != "covered":
        return
    hits = f.element("art12-accomplice", "accomplice")
    liable = {f.sentence(h) for _, h in f.words("liability")}
    agg = {f.sentence(h) for _, h in f.words("aggravation_context")}
    grp = {f.sentence(h) for _, h in f.words("organised_group")}
    real = [(c, h) for c, h in hits if f.sentence(h) in liable and not (f.sentence(h) in agg and f.sentence(h) in grp)]
    if hits and not real:
        revise(
            v,
            "partial",
            "offence.accomplice-mentioned",
            "participants are referred to (in the consent rule, a penalty reduction or an aggravating "
            "circumstance), but participation is not itself made punishable here "
            "(Protocol art. 5(2)(b))",
        )
        return
    # Participation *after* the offence (receiving or concealing its proceeds, hiding the
    # offenders or the traces of the crime) is handling or obstruction (UNTOC arts. 6, 23), even
    # where the law deems the receiver "an accomplice": it is not participation in committing
    # trafficking (Protocol art. 5(2)(b)).
    after = _group(f.words("after_the_fact"), f.sentence)
    during = [(c, h) for c, h in real if not any(h2.first <= h.last + 2 for _, h2 in after.get(f.sentence(h), ()))]
    if real and not during:
        revise(
            v,
            "partial",
            "offence.accomplice-after-the-fact",
            "the only participation made punishable comes after the offence (receiving or "
            "concealing its proceeds, hiding offenders or the traces of the crime); complicity in "
            "committing trafficking is not itself made an offence here (Protocol art. 5(2)(b))",
        )


def _ancillary_cap(r: Reading) -> None:
    """Attempt, complicity and organising attach to the offence the law makes; when the
    trafficking acts themselves are not that offence, they reach trafficking only in part."""
    v = r.verdicts.get("art8-offence")
    if v is None or v.verdict != "partial":  # no offence at all here: nothing to attach to
        return
    acts = next((e for e in v.elements if e.id == "acts"), None)
    if acts is None or acts.found:
        return
    for pid in ("art12-accomplice", "art13-organizing", "art14-attempt"):
        w = r.verdicts.get(pid)
        if w is None:
            continue
        if w.verdict == "covered" or (w.verdict == "partial" and "offence.group-only-aggravates" in w.readings):
            target = "partial" if w.verdict == "covered" else "missing"
            revise(
                w,
                target,
                "offence.ancillary-to-narrow-offence",
                "the trafficking acts themselves are not the offence this law makes; attempt, "
                "complicity and organising attach only to its narrower offence (Protocol art. 5(2))",
            )


@adjuster
def offence_structure(r: Reading) -> None:
    f = _Finder(r)
    _child_no_means(r, f)
    _means_and_penalty(r, f)
    _closed_vulnerability(r, f)
    _organizing(r, f)
    _attempt(r, f)
    _accomplice(r, f)
    _ancillary_cap(r)
