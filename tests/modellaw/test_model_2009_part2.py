"""The 2009 Model Law after Article 17: victims, immigration and return, coordination, prevention, cooperation.

These provisions were written as a separate fragment and merged into modellaw/models/unodc-tip-2009.xml;
the checks below hold on the installed model.
"""

from __future__ import annotations

import pytest

from modellaw import resolve_model
from modellaw.model import LANGS

PART2_KEYS = (
    "victim.privacy",
    "victim.information",
    "victim.participation",
    "victim.assistance",
    "victim.assistance-unconditional",
    "victim.special-needs-children",
    "victim.safety",
    "victim.compensation",
    "victim.identification",
    "victim.reflection-period",
    "victim.residence",
    "return.repatriation",
    "coordination.body",
    "coordination.rapporteur",
    "prevention.policies",
    "prevention.demand",
    "training",
    "cooperation.information-exchange",
    "border.documents",
)


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.fixture(scope="module")
def part2(model):
    return [p for p in model.provisions if set(p.keys) & set(PART2_KEYS)]


@pytest.mark.parametrize("key", PART2_KEYS)
def test_key_is_declared_and_carried(model, key):
    assert key in {k.id for k in model.keys}
    assert any(key in p.keys for p in model.provisions), f"no provision carries {key}"


def test_every_element_has_cues_in_all_six_languages(part2):
    gaps = [f"{p.id}/{e.id}: {lang}" for p in part2 for e in p.elements for lang in LANGS if not e.cues_for(lang)]
    assert not gaps, gaps


def test_every_provision_has_an_essential_element(part2):
    assert all(any(e.essential for e in p.elements) for p in part2)


def test_article_numbers_are_verified_or_cited(part2):
    """Beyond Article 17 no number is verified here: a provision either has no article or cites its source."""
    for p in part2:
        assert p.provenance.strip(), p.id
        if p.verified:
            assert p.basis == "model-law-text" and p.article, p.id
        elif p.article is not None:
            assert p.basis == "secondary-source", f"{p.id}: article {p.article} without a cited source"
            assert "http" in p.provenance or "Model Law" in p.provenance, p.id


def test_status_follows_the_protection_key(model, part2):
    status = {k.id: k.status for k in model.keys}
    for p in part2:
        for k in set(p.keys) & set(PART2_KEYS):
            assert p.status == status[k], f"{p.id} is {p.status} but key {k} is {status[k]}"
