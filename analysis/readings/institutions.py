"""Legal readings: institutional duties, jurisdiction, legal persons, confiscation.

What a lawyer reads in these provisions beyond the presence of their words:

- a preamble that cites another law ("VU la loi ... sur la coopération internationale") enacts
  nothing: no duty, body or power of this group counts from it;
- jurisdiction abroad is a rule on what the courts try or where the law applies (UNTOC art.
  15(2)-(3)); a consul helping a citizen abroad is not one;
- a *national* coordinating body is one set up for the country (CoE Convention art. 29(2));
  a regional task force is not, and a body set up without coordinating functions is only part
  of the protection;
- confiscation (UNTOC art. 12(1)) is a power of the court over the proceeds of the offence;
  the thing confiscated must be what the offence yielded, not only what was used to commit
  it (instrumentalities alone are part of the protection), and a clause that only pays
  *already confiscated* assets to a fund presupposes a power it does not give;
- a legal person's liability limited to one section of the law (a body corporate fined for
  a confidentiality offence) is not liability for trafficking (UNTOC art. 10(1));
- prevention (Protocol art. 9(1)) is a policy or programme the State must run; awareness or
  vulnerability words with no such policy are mentioned in passing;
- information exchange among domestic authorities (Protocol art. 10(1)) is not shown by an
  agreement with foreign States to exchange information;
- training of officials (Protocol art. 10(2)) is not vocational training for victims.

Word lists: analysis/lexicons/institutions.toml.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from analysis import readings
from analysis.readings import Reading, revise

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.types import ElementResult, Evidence, Verdict
    from modellaw.model import Element, Provision

_PREAMBLE_KINDS = {"preamble"}
# The provisions this family reads; hits elsewhere are left to the other families.
_OWN = {
    "art6-territorial",
    "art7-extraterritorial",
    "art17-carriers",
    "legal-persons",
    "confiscation",
    "coordination-body",
    "coordination-rapporteur",
    "prevention-policies",
    "prevention-demand",
    "training-officials",
    "cooperation-information-exchange",
    "border-documents",
}

# Duties of the State (Protocol arts. 9-10, CoE art. 29): they need a measure, not an aim.
_DUTIES = {
    "coordination-body",
    "coordination-rapporteur",
    "prevention-policies",
    "prevention-demand",
    "training-officials",
    "cooperation-information-exchange",
    "border-documents",
}


def _lex(name: str, lang: str) -> list[str]:
    group, _, key = name.partition(".")
    return readings.lexicon("institutions").get(group, {}).get(key, {}).get(lang, [])


def _positions(idx: "StatuteIndex", name: str) -> frozenset[int]:
    """Token positions of a lexicon's phrases in the statute (cached on the index)."""
    cache = idx.__dict__.setdefault("_institutions_lex", {})
    if name not in cache:
        pos: set[int] = set()
        for entry in _lex(name, idx.an.lang):
            cue = readings.compiled(entry, 1.0, idx.an)
            if not cue.parts:
                continue
            for first, last, _ in idx.phrase_hits(cue.parts[0]):
                pos.update(range(first, last + 1))
        cache[name] = frozenset(pos)
    return cache[name]


def _sentences(idx: "StatuteIndex", name: str) -> frozenset[int]:
    cache = idx.__dict__.setdefault("_institutions_sent", {})
    if name not in cache:
        cache[name] = frozenset(idx.sentence_of[i] for i in _positions(idx, name))
    return cache[name]


def _in_sentence(idx: "StatuteIndex", name: str, tok: int) -> bool:
    return idx.sentence_of[tok] in _sentences(idx, name)


def _in_scope(idx: "StatuteIndex", name: str, tok: int) -> bool:
    cache = idx.__dict__.setdefault("_institutions_scope", {})
    if name not in cache:
        cache[name] = frozenset(idx.scope_of[i] for i in _positions(idx, name))
    return idx.scope_of[tok] in cache[name]


def _in_preamble(idx: "StatuteIndex", tok: int) -> bool:
    cache = idx.__dict__.setdefault("_institutions_lex", {})
    if "_preamble" not in cache:
        pos: set[int] = set()
        # only a preamble that stands before the enacted articles (a text with no article
        # structure at all is not read as preamble)
        enacted = any(u.kind in ("section", "article") for u in idx.statute.units)
        for u in idx.statute.units if enacted else ():
            if u.kind in _PREAMBLE_KINDS:
                a, b = idx._tok_range(u.start, u.end)
                pos.update(range(a, b))
        cache["_preamble"] = frozenset(pos)
    return tok in cache["_preamble"]


@readings.hit_filter
def institutions_hit_filter(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    if p.id not in _OWN:
        return True
    # A preamble's citations ("VU la loi n° ... sur la coopération internationale") enact nothing.
    if _in_preamble(idx, hit.first):
        return False
    if p.id in _DUTIES and _in_sentence(idx, "duty.purpose", hit.first):
        return False  # "the Act has for object to promote cooperation": an aim, not a measure
    if p.id == "art7-extraterritorial":
        # UNTOC art. 15(2)-(3): a rule on what the courts try or where the law applies.
        return _in_sentence(idx, "jurisdiction.context", hit.first)
    if p.id == "coordination-body" and e.id == "body-established":
        # CoE Convention art. 29(2): national coordination; a regional task force is not it.
        sub = _positions(idx, "coordination.subnational")
        return not any(i in sub for i in range(max(0, hit.first - 2), hit.last + 3))
    if p.id == "confiscation":
        return _confiscation_hit(idx, e.id, hit)
    if p.id == "training-officials":
        # Protocol art. 10(2) is training of officials; art. 6(3)(d) vocational training of
        # victims, or "training" as a trafficker's pretext, is something else.
        return not _in_sentence(idx, "training.not_officials", hit.first)
    if p.id == "cooperation-information-exchange" and e.id == "domestic":
        # Protocol art. 10(1): exchange among the State's own authorities; an agreement with
        # foreign States to exchange information is the international element only.
        return not _in_sentence(idx, "cooperation.foreign", hit.first)
    return True


def _confiscation_hit(idx: "StatuteIndex", element: str, hit: "Hit") -> bool:
    act = _positions(idx, "confiscation.act")
    if element == "confiscate-proceeds":
        span = range(hit.first, hit.last + 1)
        acts = [i for i in span if i in act]
        part = _positions(idx, "confiscation.participle")
        if acts and all(i in part for i in acts):
            return False  # "bienes decomisados": assets already confiscated, disposed of here
        # "confiscation of the objects used in the offence": instrumentalities, not proceeds;
        # a heading ("Forfeiture") reads with the section it heads.
        if not _in_sentence(idx, "confiscation.proceeds", hit.first) and (
            _in_sentence(idx, "confiscation.instrument", hit.first)
            or (
                _in_scope(idx, "confiscation.instrument", hit.first)
                and not _in_scope(idx, "confiscation.proceeds", hit.first)
            )
        ):
            return False
        # "offences that generate illegal gains" (a money-laundering list): proceeds mentioned,
        # not confiscated.
        return _in_sentence(idx, "confiscation.act", hit.first)
    if element == "confiscate-instrumentalities":
        # "procured instruments" (complicity), "transport the instruments of the offence"
        # (undercover agents): instrumentalities count only where they are confiscated.
        return _in_sentence(idx, "confiscation.act", hit.first)
    return True


def _element(v: "Verdict", eid: str) -> "ElementResult | None":
    return next((r for r in v.elements if r.id == eid), None)


def _cue_hits(reading: Reading, provision_id: str, element_id: str) -> list["Hit"]:
    return [h for _, h in reading.element_hits(provision_id, element_id)]


def _scope_of_evidence(idx: "StatuteIndex", ev: "Evidence") -> int:
    i = min(bisect.bisect_left(idx.starts, ev.start), len(idx.tokens) - 1)
    return idx.scope_of[i] if i >= 0 else -1


@readings.adjuster
def institutions_adjuster(reading: Reading) -> None:
    vs = reading.verdicts

    v = vs.get("coordination-body")
    if v is not None and v.verdict == "covered":
        mandate = _element(v, "body-mandate")
        if mandate is not None and not mandate.found:
            revise(
                v,
                "partial",
                "institutions.body-without-mandate",
                "a body is set up, but the law gives it no coordinating functions (CoE art. 29(2))",
            )

    v = vs.get("confiscation")
    if v is not None and v.verdict == "missing":
        part = [r for r in v.elements if r.id in ("confiscate-instrumentalities", "used-for-victims") and r.found]
        if part:
            revise(
                v,
                "partial",
                "institutions.confiscation-part",
                "only "
                + " and ".join(r.label.lower() for r in part)
                + "; no power to confiscate the proceeds (UNTOC art. 12(1)(a))",
            )

    v = vs.get("legal-persons")
    if v is not None and v.verdict == "covered":
        _legal_persons_one_section(reading, v)

    v = vs.get("prevention-policies")
    if v is not None and v.verdict == "partial":
        prog = _element(v, "programmes")
        if prog is not None and not prog.found:
            revise(
                v,
                "missing",
                "institutions.prevention-in-passing",
                "no prevention policy or programme is established (Protocol art. 9(1)); "
                "the other words stand in passing",
            )


def _legal_persons_one_section(reading: Reading, v: "Verdict") -> None:
    idx = reading.idx
    hits = _cue_hits(reading, "legal-persons", "legal-person-liable")
    if not hits:
        return
    offence = reading.verdicts.get("art8-offence")
    offence_scopes = {_scope_of_evidence(idx, ev) for ev in (offence.evidence if offence else [])}
    for h in hits:
        if idx.scope_of[h.first] in offence_scopes:
            return
        if not _in_sentence(idx, "legal_persons.one_section", h.first):
            return
    revise(
        v,
        "partial",
        "institutions.legal-persons-one-section",
        "legal persons are liable only for an offence of one section, not for trafficking (UNTOC art. 10(1))",
    )
