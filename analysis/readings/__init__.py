"""Legal readings: what a lawyer reads in a statute beyond the presence of words.

The matcher finds each element's cues; a *reading* then applies a rule of legal
interpretation to what was found, in two places:

- a **hit filter** drops a cue match that stands in the wrong legal context
  (restitution in a theft article, a cross-reference to another Act's scheme); it
  sees one hit before the element's scopes are scored;
- an **adjuster** looks at the whole assessment once every provision has a verdict and
  may change a verdict, always saying why in the verdict's notes (the structure of the
  offence, a framework law that defines but does not criminalise, a protection
  limited in scope).

Each family of readings lives in its own module and registers itself here; the words
each reading looks for, per language, are data in `analysis/lexicons/*.toml`.
"""

from __future__ import annotations

import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from analysis.match import CompiledCue, Hit, StatuteIndex
    from analysis.text import Analyzer
    from analysis.types import Verdict
    from modellaw.model import Element, Model, Provision


@dataclass
class Reading:
    """Everything an adjuster may read: the statute's index and every provision's verdict."""

    idx: "StatuteIndex"
    model: "Model"
    lang: str
    verdicts: dict[str, "Verdict"]  # provision id -> verdict
    facts: dict[str, object] = field(default_factory=dict)  # shared findings between readings
    # the matcher's compiled cues and the hits that passed the hit filters, by "provision/element"
    cues: dict[str, list["CompiledCue"]] = field(default_factory=dict)
    hits: dict[str, list["Hit"]] = field(default_factory=dict)

    def element_hits(self, provision_id: str, element_id: str) -> list[tuple["CompiledCue", "Hit"]]:
        """An element's cue hits as the matcher found them (after the hit filters), with their cues."""
        key = f"{provision_id}/{element_id}"
        if key in self.hits:
            cues = self.cues[key]
            return [(cues[h.cue], h) for h in self.hits[key]]
        # a provision the matcher did not assess (a Reading built by hand): find them here
        p = next((p for p in self.model.provisions if p.id == provision_id), None)
        e = next((e for e in p.elements if e.id == element_id), None) if p else None
        out: list[tuple[CompiledCue, Hit]] = []
        if p is not None and e is not None:
            for ci, c in enumerate(e.cues_for(self.lang)):
                cue = compiled(c.text, c.weight, self.idx.an)
                out += [(cue, h) for h in self.idx.cue_hits(ci, cue) if keep_hit(self.idx, p, e, cue, h)]
        return out


HitFilter = Callable[["StatuteIndex", "Provision", "Element", "CompiledCue", "Hit"], bool]
Adjuster = Callable[[Reading], None]

HIT_FILTERS: list[HitFilter] = []
ADJUSTERS: list[Adjuster] = []

# Readings switched off, by id: a revision's id ("offence.no-means-needed") or a hit filter's
# ("filter:wrong_sense"). Only the ablation benchmark (benchmarks/loso_readings.py) sets it, to
# measure what each reading contributes on each statute.
_DISABLED: ContextVar[frozenset[str]] = ContextVar("modellaw_disabled_readings", default=frozenset())


@contextmanager
def disabled(ids: Iterable[str]) -> Iterator[None]:
    """Assess with the given readings switched off (for measuring them, never for users)."""
    token = _DISABLED.set(frozenset(ids))
    try:
        yield
    finally:
        _DISABLED.reset(token)


def filter_id(fn: HitFilter) -> str:
    return f"filter:{fn.__name__}"


def hit_filter(fn: HitFilter) -> HitFilter:
    """Register a function that returns False for a hit standing in the wrong context."""
    HIT_FILTERS.append(fn)
    return fn


def adjuster(fn: Adjuster) -> Adjuster:
    """Register a function that may revise verdicts once all provisions are assessed."""
    ADJUSTERS.append(fn)
    return fn


@lru_cache(maxsize=4096)
def compiled(text: str, weight: float, an: "Analyzer") -> "CompiledCue":
    """A cue or lexicon entry compiled for one language once per process, not once per statute."""
    from analysis.match import compile_cue

    return compile_cue(text, weight, an)


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict:
    """The word lists of one family of readings (analysis/lexicons/NAME.toml)."""
    with resources.files("analysis.lexicons").joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def keep_hit(idx: "StatuteIndex", p: "Provision", e: "Element", cue: "CompiledCue", hit: "Hit") -> bool:
    off = _DISABLED.get()
    return all(f(idx, p, e, cue, hit) for f in HIT_FILTERS if not off or filter_id(f) not in off)


def revise(v: "Verdict", verdict: str, reading_id: str, note: str) -> None:
    """Change one verdict on a legal reading, recording which reading and why."""
    if reading_id in _DISABLED.get():
        return
    if v.verdict != verdict:
        v.notes.append(note)
        v.readings.append(reading_id)
        v.verdict = verdict


def apply_adjusters(reading: Reading) -> None:
    for fn in ADJUSTERS:
        fn(reading)


# The families of readings; importing a module registers its filters and adjusters.
from analysis.readings import context, institutions, offence, scope  # noqa: E402,F401

# isort: split
# last, so that its adjuster reads the verdicts the others have revised
from analysis.readings import codes  # noqa: E402,F401
