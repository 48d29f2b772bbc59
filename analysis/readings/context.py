"""Legal readings: where the words of an offence provision stand (see analysis/readings/__init__.py).

A cue for an ancillary offence can find its words in a clause that does something else. These
readings check the context before a hit counts:

- context.wrong-sense (hit filter) — a cue word standing only inside a fixed phrase with
  another meaning: "directly or indirectly" (the benefit of UNTOC art. 2(a)) is not
  *directing* others (Protocol art. 5(2)(c)), Arabic "من وجه العدالة" (fleeing justice) and
  "بغير وجه حق" (without right) are not "وجّه" (to direct), Russian "руководствуясь" (guided by)
  is not leadership;
- context.documents (hit filters) — the offence of Model Law art. 15 (CoE Convention art. 20)
  is the handling of *another person's travel or identity documents* by a person:
  a definition (the "fraudulent travel or identity document" of Smuggling Protocol art. 3(c))
  creates no offence; a clause about other documents (records an officer may demand,
  documents in evidence) is not about identity papers; a court ordering the accused's
  passport withdrawn or the forged documents destroyed imposes a measure, it defines no
  offence;
- context.documents-as-means (adjuster) — document handling named only as one of the ways of
  committing another offence (forced labour by "destroying, concealing ... documents") is
  punished only when it serves that offence: the protection is partial;
- context.documents-only-aggravate (adjuster) — document handling listed only among the
  circumstances that raise the penalty of another offence ("the same act committed: ... by
  destroying the victim's identity documents") is an aggravating circumstance (Model Law
  art. 9), not the offence of art. 15: partial.

Word lists: analysis/lexicons/context.toml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis import readings
from analysis.readings import Reading, revise

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.readings.offence import _Finder
    from analysis.types import Verdict
    from modellaw.model import Element, Provision
    from statutes.model import Definition

_LEX = "context"
_DOCS = "art15-documents"


def _words(name: str, lang: str) -> list[str]:
    return readings.lexicon(_LEX).get(name, {}).get(lang, [])


def _spans(idx: "StatuteIndex", name: str) -> list[tuple[int, int]]:
    """Token spans (first, last) of one lexicon table's entries in the statute (cached)."""
    cache = idx.__dict__.setdefault("_context_lex", {})
    if name not in cache:
        out: set[tuple[int, int]] = set()
        for ci, entry in enumerate(_words(name, idx.an.lang)):
            cue = readings.compiled(entry, 1.0, idx.an)
            if cue.parts:
                out.update((h.first, h.last) for h in idx.cue_hits(ci, cue))
        cache[name] = sorted(out)
    return cache[name]


def _sentences(idx: "StatuteIndex", name: str) -> frozenset[int]:
    cache = idx.__dict__.setdefault("_context_sent", {})
    if name not in cache:
        cache[name] = frozenset(idx.sentence_of[a] for a, _ in _spans(idx, name))
    return cache[name]


def _reach(idx: "StatuteIndex", i: int) -> list[tuple[int, int]]:
    """The words governing token i: its sentence, and the chapeau of the list it stands in."""
    from analysis.readings.scope import _reach as scope_reach

    return scope_reach(idx, i)


def _chapeau(idx: "StatuteIndex", i: int) -> tuple[int, int] | None:
    from analysis.readings.scope import _chapeau as scope_chapeau

    return scope_chapeau(idx, i)


def _any_in(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a <= s <= b for s, _ in spans)


def _definition_at(idx: "StatuteIndex", i: int) -> "Definition | None":
    for d in idx.statute.definitions:
        a, b = idx._tok_range(d.start, d.end)
        if a <= i < b:
            return d
    return None


def _in_definition(idx: "StatuteIndex", i: int) -> bool:
    return _definition_at(idx, i) is not None


def _defines_means(idx: "StatuteIndex", d: "Definition") -> bool:
    """Does the definition define a means or a form of exploitation ("coercion" includes ...)?"""
    ta, tb = idx._tok_range(*idx._term_span(d))
    return tb > ta and _any_in(_spans(idx, "means_terms"), ta, tb - 1)


# -- wrong sense -----------------------------------------------------------------------------
@readings.hit_filter
def wrong_sense(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    """Drop a hit one of whose cue parts stands, within the hit, only inside a wrong-sense phrase."""
    if p.id not in readings.lexicon(_LEX)["provisions"]["wrong_sense"]:
        return True
    bad = _spans(idx, "wrong_sense")
    if not bad:
        return True
    for part in cue.parts:
        inside = [(a, b) for a, b, _ in idx.phrase_hits(part) if hit.first <= a and b <= hit.last]
        if inside and all(any(s <= a and b <= t for s, t in bad) for a, b in inside):
            return False
    return True


# -- documents -------------------------------------------------------------------------------
@readings.hit_filter
def documents_context(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    if p.id != _DOCS:
        return True
    # A definition ("fraudulent travel or identity document" means ...) creates no offence; one
    # that makes document handling a means of trafficking ("coercion" includes withholding a
    # passport) is kept, and read as a means by the adjuster below.
    d = _definition_at(idx, hit.first)
    if d is not None and not _defines_means(idx, d):
        return False
    if d is None and idx.sentence_of[hit.first] in _sentences(idx, "defining"):
        return False
    reach = _reach(idx, hit.first)
    # The object is another person's identity or travel papers, not any document.
    ids = _spans(idx, "identity_documents")
    if not any(_any_in(ids, a, b) for a, b in reach):
        return False
    # A court ordering a measure (the accused's passport withdrawn, forged documents destroyed)
    # is a sanction or a procedural step; an offence has a person as its subject.
    s = idx.sentence_of[hit.first]
    return not (s in _sentences(idx, "court_order") and s not in _sentences(idx, "offender_subject"))


def _covered_documents_offence(r: Reading) -> "tuple[Verdict, _Finder, list[tuple[CompiledCue, Hit]]] | None":
    """A covered documents offence and its strong cue hits, or None (nothing for the readings to revise)."""
    v = r.verdicts.get(_DOCS)
    if v is None or v.verdict != "covered":
        return None
    from analysis.readings.offence import _Finder

    f = _Finder(r)
    hits = [(c, h) for c, h in f.element(_DOCS, "documents-offence") if c.weight >= 1.0]
    return (v, f, hits) if hits else None


def _documents_as_means(r: Reading) -> None:
    """Model Law art. 15: document handling only as a way of committing another offence."""
    found = _covered_documents_offence(r)
    if found is None:
        return
    v, f, hits = found
    idx = r.idx
    # the conduct of another offence: a form of exploitation (forced labour, slavery, servitude,
    # sexual exploitation) named where the list of ways is introduced
    other = sorted(
        {
            (h.first, h.last)
            for el in ("forced-labour", "slavery", "servitude", "sexual-exploitation")
            for _, h in f.element("art5-exploitation", el)
        }
    )
    for _, h in hits:
        if _in_definition(idx, h.first):
            continue  # kept only where it defines a means or a form of exploitation
        ch = _chapeau(idx, h.last)  # the words of a `~` cue may start in the chapeau itself
        if ch is None or not _any_in(other, ch[0], ch[1]):
            return  # a clause of its own: the offence is made here
    revise(
        v,
        "partial",
        "context.documents-as-means",
        "destroying, concealing or withholding documents is named only as a way of committing "
        "another offence (a means of trafficking, or of forced labour), not as an offence of its "
        "own (Model Law art. 15; CoE Convention art. 20)",
    )


def _documents_only_aggravate(r: Reading) -> None:
    """Model Law art. 15 vs art. 9: document handling listed only among the circumstances that raise
    the penalty of another offence ("То же деяние, совершенное: ... д) с изъятием, сокрытием либо
    уничтожением документов ..."; "the same act committed ... by destroying the victim's passport") is
    an aggravating circumstance, not an offence of its own: partial."""
    found = _covered_documents_offence(r)
    if found is None:
        return
    v, f, hits = found
    idx = r.idx
    agg = sorted({(h.first, h.last) for _, h in f.words("aggravation_context")})
    for _, h in hits:
        # the words of the aggravation stand in the hit's sentence, or in the chapeau of its list
        if not any(_any_in(agg, a, b) for a, b in _reach(idx, h.first)):
            return  # a clause of its own: the offence is made here
    revise(
        v,
        "partial",
        "context.documents-only-aggravate",
        "destroying, concealing or withholding documents is named only among the circumstances that "
        "raise the penalty of another offence; it is not an offence of its own (Model Law arts. 9, 15; "
        "CoE Convention art. 20)",
    )


@readings.adjuster
def context_adjuster(r: Reading) -> None:
    _documents_as_means(r)
    _documents_only_aggravate(r)
