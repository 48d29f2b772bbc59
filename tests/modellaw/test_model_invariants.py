"""What every installed model must satisfy, whichever model law it encodes."""

import pytest

from modellaw import load_model
from modellaw.model import LANGS, builtin_models

MODELS = sorted(builtin_models().items())


@pytest.fixture(scope="module", params=MODELS, ids=[m[0] for m in MODELS])
def model(request):
    return load_model(request.param[1])


def test_every_element_has_cues_in_all_six_languages(model):
    for p in model.provisions:
        for e in p.elements:
            for lang in LANGS:
                assert e.cues_for(lang), f"{p.id}/{e.id}: no '{lang}' cues"


def test_cues_are_well_formed(model):
    for p in model.provisions:
        assert any(e.essential for e in p.elements), p.id
        for e in p.elements:
            assert e.min <= len({c.text for c in e.cues_for("en")}), f"{p.id}/{e.id}"
            for c in e.cues:
                assert 0 < c.weight <= 1, (p.id, c.text)
                parts = c.text.lstrip("=").split("~")
                assert all(part.strip() and part.strip() != "*" for part in parts), (p.id, c.text)
                assert c.text == c.text.strip() and "**" not in c.text, (p.id, c.text)


def test_article_numbers_are_never_unsourced(model):
    for p in model.provisions:
        if p.article is not None:
            assert p.basis in ("model-law-text", "secondary-source"), p.id
        assert p.verified == (p.basis == "model-law-text"), p.id
        assert p.provenance and p.status_basis, p.id


def test_every_declared_key_is_carried(model):
    carried = {k for p in model.provisions for k in p.keys}
    assert {k.id for k in model.keys} <= carried
