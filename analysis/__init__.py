"""Match a statute against a model, provision by provision and element by element."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import TYPE_CHECKING

from analysis.types import VERDICTS, Assessment, ElementResult, Evidence, Verdict
from modellaw.model import Model
from statutes.model import Statute

if TYPE_CHECKING:
    from analysis.match import Matcher

__all__ = ["VERDICTS", "Assessment", "ElementResult", "Evidence", "Verdict", "assess", "matcher"]


@lru_cache(maxsize=16)
def matcher(model: Model, lang: str) -> Matcher:
    """A Matcher with the model's cues compiled for one language (built once, reused)."""
    from analysis.match import Matcher

    return Matcher(model, lang)


def assess(statute: Statute, model: Model, created: str | None = None) -> Assessment:
    """Assess one statute against one model; pure apart from the pipeline caches."""
    from modellaw import __version__

    a = matcher(model, statute.language).assess(statute, created=created, tool_version=__version__)
    a.statute_sha256 = hashlib.sha256(statute.text.encode("utf-8")).hexdigest()
    from analysis import calibration

    calibration.apply(a, calibration.shipped(model.id))
    return a
