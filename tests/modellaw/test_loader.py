"""The loader refuses bad model files with one line naming file, line and problem."""

from pathlib import Path

import pytest

from modellaw import ModelError, load_model

MINI = Path(__file__).parents[1] / "fixtures" / "models" / "mini.xml"


def test_mini_model_loads():
    m = load_model(MINI)
    assert m.id == "mini"
    assert [p.id for p in m.provisions] == ["non-punishment", "compensation", "exploitation"]
    p = m.find("10")
    assert p is not None and p.title == "Non-liability of victims"
    assert m.find("Art. 10") is p and m.find("victim.compensation").id == "compensation"
    comp = m.find("compensation")
    assert comp.article is None and not comp.verified and comp.chapter_title == "Victims"
    assert [e.essential for e in comp.elements] == [True, False]
    assert [c.weight for c in comp.elements[0].cues_for("en")] == [1.0, 1.0, 0.5]


def _write(tmp_path, text: str) -> Path:
    p = tmp_path / "bad.xml"
    p.write_text(text, encoding="utf-8")
    return p


BAD = [
    # (name, transform of the mini model, words the message must hold)
    ("malformed", lambda s: s.replace("</model>", ""), "malformed XML"),
    ("unknown status", lambda s: s.replace('status="optional" basis', 'status="perhaps" basis'), "schema"),
    ("missing title", lambda s: s.replace("<title>Compensation for victims</title>", ""), "schema"),
    ("undeclared key", lambda s: s.replace('<key ref="victim.compensation"/>', '<key ref="no.such.key"/>'), "schema"),
    ("undeclared chapter", lambda s: s.replace('chapter="VII" status', 'chapter="XX" status'), "schema"),
    ("empty cue", lambda s: s.replace("<cue>restitution</cue>", "<cue>  </cue>"), "schema"),
    (
        "external entity",
        lambda s: s.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        ),
        "entities",
    ),
    (
        "billion laughs",
        lambda s: s.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
        ),
        "entities",
    ),
    (
        "external DTD by URL",
        lambda s: s.replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<?xml version="1.0"?>\n<!DOCTYPE model SYSTEM "http://example.invalid/model.dtd">',
        ).replace("<summary>Victims can", "<summary>&undefined; Victims can"),
        "entity reference",
    ),
]


@pytest.mark.parametrize("name,transform,words", BAD, ids=[b[0] for b in BAD])
def test_bad_model_is_refused_with_one_line(tmp_path, name, transform, words):
    path = _write(tmp_path, transform(MINI.read_text(encoding="utf-8")))
    with pytest.raises(ModelError) as exc:
        load_model(path)
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}:")
    line = msg.split(":")[1]
    assert line.isdigit() and int(line) >= 1, msg
    assert words in msg


def test_entity_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    text = (
        MINI.read_text(encoding="utf-8")
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY s SYSTEM "{secret.as_uri()}">]>',
        )
        .replace("<summary>Victims can", "<summary>&s; Victims can")
    )
    with pytest.raises(ModelError) as exc:
        load_model(_write(tmp_path, text))
    assert "TOP-SECRET" not in str(exc.value)


def test_missing_file():
    with pytest.raises(ModelError) as exc:
        load_model("/nonexistent/model.xml")
    assert str(exc.value).startswith("/nonexistent/model.xml")


def test_wrapped_text_is_allowed(tmp_path):
    # hand-written models wrap long summaries over several lines
    text = MINI.read_text(encoding="utf-8").replace(
        "<summary>Victims can obtain compensation", "<summary>Victims can obtain\n      compensation"
    )
    m = load_model(_write(tmp_path, text))
    assert m.find("compensation").summary.startswith("Victims can obtain compensation")
