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
  that narrower offence: at most partial;
- offence.purpose-in-list — the purpose of exploitation written as a list after "en vue :",
  "with a view to:", "в целях:" (Protocol art. 3(a)): the purpose element is found;
- offence.no-means-required — an offence of acts and purpose needing no means at all reaches
  all the Protocol requires (art. 3(a)): covered;
- offence.defines-not-criminalises also reads a law that states no offence or penalty at all;
- offence.use-of-services-one-kind — the use of a victim's sexual services only, not of any
  labour or services (Model Law art. 11; CoE Convention art. 19): partial;
- offence.child-aggravation-by-reference — a penalty raised "in the case of the preceding
  paragraph" where that paragraph is the offence against a minor (Model Law art. 9(a));
- a general-part rule deeming persons accomplices makes participation punishable (lexicon
  `deeming`, Protocol art. 5(2)(b));
- hit filter defined_not_punished — a definition raises no penalty (art9-aggravating) and makes no
  offence of using services (art11-use-of-services).

Word lists are in analysis/lexicons/offence.toml.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Callable, Iterable

from analysis.readings import Reading, adjuster, compiled, hit_filter, lexicon, revise

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.types import Verdict
    from modellaw.model import Element, Provision

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
        # kept in this finder's cache: a reading may add a hit it found (a purpose written as a
        # list) for the readings after it to see
        key = ("el", pid, eid)
        if key not in self._cache:
            self._cache[key] = self.r.element_hits(pid, eid)
        return self._cache[key]

    def words(self, *path: str) -> list[tuple["CompiledCue", "Hit"]]:
        key = ("lex",) + path
        if key not in self._cache:
            table = lexicon("offence")
            for k in path:
                table = table.get(k, {})
            out = []
            for ci, text in enumerate(table.get(self.r.lang, ()) if isinstance(table, dict) else ()):
                cue = compiled(text, 1.0, self.idx.an)
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


def _group(
    hits: Iterable[tuple["CompiledCue", "Hit"]], key: Callable[["Hit"], int]
) -> dict[int, list[tuple["CompiledCue", "Hit"]]]:
    out: dict[int, list[tuple["CompiledCue", "Hit"]]] = {}
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


def _recount(v: "Verdict", reading_id: str, note: str) -> None:
    """The verdict its elements now give, once a reading has found one of them."""
    essential = [e for e in v.elements if e.essential] or v.elements
    n = sum(1 for e in essential if e.found)
    verdict = "covered" if n == len(essential) else "partial" if n else "missing"
    if verdict == "covered":
        v.notes[:] = [x for x in v.notes if not x.startswith("missing: ")]
    revise(v, verdict, reading_id, note)


def _exploitation_forms(f: _Finder) -> list[tuple["CompiledCue", "Hit"]]:
    return [
        x
        for e in ("sexual-exploitation", "forced-labour", "slavery", "servitude", "removal-of-organs")
        for x in f.element("art5-exploitation", e)
    ]


def _form_phrases(f: _Finder) -> list[tuple[int, int]]:
    """Where a form of exploitation is named in one phrase ("services forcés", "forced labour")."""
    return [(h.first, h.last) for _, h in _exploitation_forms(f) if h.last - h.first <= 3]


def _purpose_in_list(r: Reading, f: _Finder) -> None:
    """Protocol art. 3(a): "for the purpose of exploitation", written as a list of purposes.

    A law may introduce the purposes by a chapeau ("en vue :", "with a view to:", "в целях:") and
    name the exploitation in the items that follow ("2) de l'exploitation du travail ..."): the
    purpose word and the exploitation then stand in different list items, and no cue joining them
    in one clause can match. The purpose is there all the same.
    """
    v = r.verdicts.get("art8-offence")
    if v is None or v.verdict == "missing":
        return
    el = next((e for e in v.elements if e.id == "purpose"), None)
    if el is None or el.found:
        return
    idx = f.idx
    exploitation = sorted(
        {(h.first, h.last) for _, h in f.words("exploitation_words")}
        | {(h.first, h.last) for _, h in _exploitation_forms(f)}
    )
    for cue, h in f.words("purpose_intro"):
        # a chapeau: the purpose words close it, a list follows
        nxt = [t for t in idx.tokens[h.last + 1 : h.last + 3]]
        if not any(t.norm in (":", ":-", "—", "–") for t in nxt):
            continue
        ui = idx.unit_of[h.first]
        end = idx._tok_range(idx.statute.units[ui].start, idx.statute.units[ui].end)[1] if ui >= 0 else h.last + 200
        found = [(a, b) for a, b in exploitation if h.last < a < end]
        if not found:
            continue
        from analysis.match import Hit

        a, b = found[0]
        hit = Hit(h.cue, h.first, b, h.quality)
        f.element("art8-offence", "purpose").append((cue, hit))  # later readings see it too
        _cite(r, v, [(cue, hit)], "purpose")
        el.found = True  # also where the clause is already cited for the acts
        _recount(
            v,
            "offence.purpose-in-list",
            "the purpose of exploitation is stated as a list of purposes introduced by "
            f"\u201c{' '.join(t.norm for t in idx.tokens[h.first : h.last + 1])}\u201d (Protocol art. 3(a))",
        )
        return


def _no_means_broader(r: Reading, f: _Finder) -> None:
    """Protocol art. 3(a) sets a floor: an offence of acts and purpose that needs no means at all.

    A law that punishes the acts done for the purpose of exploitation whatever the means ("the
    recruitment ... with a view to exploitation"; "купля-продажа ... вербовка ... в целях его
    эксплуатации") reaches every case the Protocol's offence does, and more: the offence is
    covered, though no means are named.
    """
    v = r.verdicts.get("art8-offence")
    if v is None or v.verdict != "partial":
        return
    found = {e.id: e.found for e in v.elements}
    if not found.get("acts") or not found.get("purpose") or found.get("means", True):
        return
    if not (f.words("penalty") or f.words("liability")):
        return  # a definition only: offence.defines-not-criminalises reads it
    acts, purpose, _ = _offence_sentences(f)
    # "force" in "forced labour" names a form of exploitation, not a means
    forms = _form_phrases(f)
    means_words = {
        f.sentence(h)
        for c in _MEANS_CATEGORIES
        for _, h in f.words("means", c)
        if not any(a <= h.first <= b for a, b in forms)
    }
    for s, a in sorted(acts.items()):
        if _weight(a) >= 2 and s in purpose and s not in means_words and not _elided(f, s):
            _cite(r, v, a[:1] + purpose[s][:1])
            v.notes[:] = [x for x in v.notes if not x.startswith("missing: ")]
            revise(
                v,
                "covered",
                "offence.no-means-required",
                "the offence is made of the acts and the purpose of exploitation alone: no means need "
                "be proved for anyone, which reaches all the Protocol requires (Protocol art. 3(a))",
            )
            return


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
        inside = lambda hs, a0=a0, b0=b0: [(c, h) for c, h in hs if a0 <= h.first < b0]  # noqa: E731
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
    # A law (or the part of it read) that defines trafficking and states no penalty or liability at
    # all makes no offence: the definition is the first step, the criminalisation is elsewhere.
    if not f.words("penalty") and not f.words("liability"):
        revise(
            v,
            "partial",
            "offence.defines-not-criminalises",
            "trafficking is defined, but no offence or penalty is stated for it (Protocol art. 5(1))",
        )
        return
    if v.verdict != "covered" or not offence_sentences:
        return
    # -- the categories of means the fullest offence clause names (means that only aggravate,
    # in another paragraph, are not elements of the offence)
    cats: dict[int, set[str]] = {s: set() for s in offence_sentences}
    forms = _form_phrases(f)
    for c in _MEANS_CATEGORIES:
        for _, h in f.words("means", c):
            if any(a <= h.first <= b for a, b in forms):
                continue  # "force" in "forced labour" names a form of exploitation, not a means
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
    # sentence numbers never decrease along the tokens: the sentence's tokens are one run
    a = bisect.bisect_left(f.idx.sentence_of, sentence)
    b = bisect.bisect_right(f.idx.sentence_of, sentence, lo=a)
    if b <= a:
        return False
    toks = f.idx.tokens
    text = f.idx.statute.text[toks[a].start : toks[b - 1].end + 2]
    return "\u2026" in text or "..." in text or "[...]" in text


def _in_definition(idx: "StatuteIndex", h: "Hit") -> bool:
    for d in idx.statute.definitions:
        a, b = idx._tok_range(d.start, d.end)
        if a <= h.first < b:
            return True
    return False


def _in_term_or_definition(idx: "StatuteIndex", i: int) -> bool:
    """Does token i stand in a definition, the defined term itself included?"""
    for d in idx.statute.definitions:
        a, b = idx._tok_range(d.start, d.end)
        ta, _ = idx._tok_range(*idx._term_span(d))
        if min(a, ta) <= i < b:
            return True
    return False


# A definition states what a word means; it raises no penalty and makes no offence. The words of
# an aggravating circumstance in the definition of "organised criminal group" (UNTOC art. 2(a))
# do not make the group an aggravating circumstance (Model Law art. 9), and the words "services",
# "benefits" and "knowledge" in the definition of trafficking itself are not the offence of
# knowingly using a victim's services (Model Law art. 11; CoE Convention art. 19).
_NOT_IN_DEFINITION = ("art9-aggravating", "art11-use-of-services")


@hit_filter
def defined_not_punished(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    if p.id not in _NOT_IN_DEFINITION:
        return True
    return not _in_term_or_definition(idx, hit.first)


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
    # A general-part rule that deems persons accomplices ("Соучастниками ... признаются организатор,
    # подстрекатель и пособник", "are deemed accomplices") makes participation in every offence of
    # the code punishable, with no penalty word in its own sentence (Protocol art. 5(2)(b)).
    liable = {f.sentence(h) for _, h in f.words("liability") + f.words("deeming")}
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


def _services_one_kind(r: Reading, f: _Finder) -> None:
    """Model Law art. 11 (CoE Convention art. 19): the knowing use of *any* labour or services of a
    trafficking victim. An offence reaching only one kind of them (buying sexual services of a
    trafficked person, say) leaves the use of the victim's labour unpunished: partial."""
    v = r.verdicts.get("art11-use-of-services")
    if v is None or v.verdict != "covered":
        return
    hits = [x for e in ("use-of-services", "victim-known") for x in f.element("art11-use-of-services", e)]
    sexual = {f.sentence(h) for _, h in f.words("sexual_services")}
    general = {f.sentence(h) for _, h in f.words("labour_or_services")}
    if hits and all(f.sentence(h) in sexual and f.sentence(h) not in general for _, h in hits):
        revise(
            v,
            "partial",
            "offence.use-of-services-one-kind",
            "the offence reaches only the use of a victim's sexual services; the knowing use of any "
            "labour or services of a victim of trafficking is not punished (Model Law art. 11; CoE "
            "Convention art. 19)",
        )


def _child_aggravation_by_reference(r: Reading, f: _Finder) -> None:
    """Model Law art. 9(a): a child victim raises the penalty, written by reference.

    A law may raise the penalty for the offence against a minor without naming the minor again:
    "No caso previsto no número anterior [the offence against a minor], se o agente utilizar
    qualquer dos meios ... é punido com pena de prisão de três a doze anos". The clause that raises
    the penalty refers to the preceding paragraph; the child victim is read from there.
    """
    v = r.verdicts.get("art9-aggravating")
    if v is None:
        return
    el = next((e for e in v.elements if e.id == "child-victim"), None)
    if el is None or el.found:
        return
    idx = f.idx
    units = idx.statute.units
    punished = {f.sentence(h) for _, h in f.words("liability") + f.words("penalty")}
    child = [h.first for _, h in f.words("child") + f.words("minor_noun")]
    acts = [h.first for _, h in f.element("art8-offence", "acts")]
    lowered = {f.sentence(h) for _, h in f.words("penalty_reduction")}
    for cue, h in f.words("previous_reference"):
        if f.sentence(h) not in punished or f.sentence(h) in lowered:
            continue  # a penalty lowered by reference (a first offender, say) aggravates nothing
        pos = idx.tokens[h.first].start
        here = [u for u in units if u.start <= pos < u.end and u.kind not in ("chapter", "part", "title", "article")]
        if not here:
            continue
        u = max(here, key=lambda u: u.start)
        before = [w for w in units if w.kind == u.kind and w.end <= u.start]
        if not before:
            continue
        prev = max(before, key=lambda w: w.start)
        a, b = idx._tok_range(prev.start, prev.end)
        if any(a <= i < b for i in child) and any(a <= i < b for i in acts):
            _cite(r, v, [(cue, h)], "child-victim")
            el.found = True
            _recount(
                v,
                "offence.child-aggravation-by-reference",
                f"the penalty is raised for the offence of {prev.label}, against a child, by reference "
                "to it (Model Law art. 9(a))",
            )
            return


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
    _purpose_in_list(r, f)
    _no_means_broader(r, f)
    _child_no_means(r, f)
    _means_and_penalty(r, f)
    _closed_vulnerability(r, f)
    _organizing(r, f)
    _attempt(r, f)
    _accomplice(r, f)
    _services_one_kind(r, f)
    _child_aggravation_by_reference(r, f)
    _ancillary_cap(r)
