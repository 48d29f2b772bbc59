"""A whole penal code: its general part reaches trafficking; other offences' words do not.

The real excerpt (tests/fixtures/statutes/codes/es-ar-codigo-penal-excerpt.txt) is the
Argentine Código Penal: general-part attempt (art. 42), participation (arts. 45-46),
confiscation (art. 23) and reparation (art. 29), and the trafficking offence (arts. 145 bis,
145 ter), which mentions neither attempt nor complicity. The other codes below are built
for the test from the same articles plus articles written here (theft, smuggling), to show
what a reading must not count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import assess, readings
from analysis.readings import codes
from modellaw import resolve_model
from statutes import parse_text, read_statute
from statutes.model import StatuteMeta

CODE = Path(__file__).parents[1] / "fixtures" / "statutes" / "codes" / "es-ar-codigo-penal-excerpt.txt"
FILTER = "filter:code_context"


@pytest.fixture(scope="module")
def model():
    return resolve_model("tip-2009")


@pytest.fixture(scope="module")
def real_code(model):
    st = read_statute(CODE)
    return st, assess(st, model)


def _article(n: str) -> str:
    """One article of the real excerpt, as it stands there."""
    text = CODE.read_text(encoding="utf-8")
    start = text.index(f"ARTICULO {n}")
    end = text.find("\nARTICULO ", start + 1)
    rest = text[start : end if end > 0 else len(text)]
    # stop at the next division heading (a line in capitals with no article number)
    lines = []
    for ln in rest.splitlines():
        if lines and ln.isupper() and not ln.startswith("ARTICULO"):
            break
        lines.append(ln)
    return "\n".join(lines)


# Articles written for these tests (not a real code): a theft article that orders restitution to
# the victim of the theft, and a smuggling chapter that uses the trafficking acts and means.
CONSTRUCTED = CODE.parent / "constructed"
THEFT = (CONSTRUCTED / "es-theft-articles.txt").read_text(encoding="utf-8").strip()
SMUGGLING = (CONSTRUCTED / "es-smuggling-chapter.txt").read_text(encoding="utf-8").strip()


def _code(*parts: str, title: str = "Código Penal (texto de prueba)") -> str:
    return "\n".join(parts) + "\n"


def _assess(model, text: str, title: str = "Código Penal (texto de prueba)"):
    st = parse_text(text, "es", StatuteMeta(title=title, language="es"))
    return st, assess(st, model)


def test_the_real_code_is_read_as_a_code_with_its_parts(real_code) -> None:
    st, _ = real_code
    lay = codes.layout(st)
    assert lay.kind == "penal"
    text = st.text
    (g,) = lay.general
    (s,) = lay.special
    assert "ARTICULO 42" in text[g[0] : g[1]] and "ARTICULO 145 bis" not in text[g[0] : g[1]]
    assert "ARTICULO 145 bis" in text[s[0] : s[1]]
    assert lay.trafficking_nums == {"145 bis", "145 ter"}


@pytest.mark.parametrize(
    "key,verdict,unit",
    [
        ("offence.trafficking", "covered", "Art. 145 bis"),
        ("offence.attempt", {"covered"}, None),  # art. 42, for every offence
        ("offence.accomplice", {"covered"}, "Art. 45"),
        ("confiscation.proceeds", {"covered"}, "Art. 23"),
        ("victim.compensation", {"covered"}, "Art. 29.2"),  # reparation for the victim of any offence
        ("offence.legal-persons", {"missing"}, None),  # no general liability of legal persons here
    ],
)
def test_the_real_code_covers_what_its_general_part_gives(real_code, key, verdict, unit) -> None:
    _, a = real_code
    got = a.key_verdicts()[key]
    assert got in (verdict if isinstance(verdict, set) else {verdict})
    if unit:
        v = next(v for v in a.verdicts if key in v.provision.keys)
        assert unit in {ev.unit for ev in v.evidence}


def test_the_general_part_is_cited_as_reaching_trafficking(real_code) -> None:
    _, a = real_code
    v = next(v for v in a.verdicts if v.provision.id == "art14-attempt")
    assert all(ev.start < a_start(real_code) for ev in v.evidence)
    assert any("general part" in n and "Protocol art. 5(2)(a)" in n for n in v.notes)


def a_start(real_code) -> int:
    st, _ = real_code
    return st.text.index("LIBRO SEGUNDO")


def test_attempt_of_theft_is_not_attempt_of_trafficking(model) -> None:
    # no general-part attempt rule: only the theft article speaks of attempt
    text = _code(
        "CODIGO PENAL", "LIBRO PRIMERO", "DISPOSICIONES GENERALES", _article("45"), _article("46"),
        "LIBRO SEGUNDO", "DE LOS DELITOS", "TITULO V", "DELITOS CONTRA LA LIBERTAD",
        _article("145 bis"), THEFT,
    )  # fmt: skip
    _, a = _assess(model, text)
    assert a.key_verdicts()["offence.attempt"] == "missing"
    with readings.disabled([FILTER]):  # the same words, read as a special law would be
        _, b = _assess(model, text)
    assert b.key_verdicts()["offence.attempt"] != "missing"


def test_theft_restitution_is_not_victim_compensation(model) -> None:
    text = _code(
        "CODIGO PENAL", "LIBRO PRIMERO", "DISPOSICIONES GENERALES", _article("42"),
        "LIBRO SEGUNDO", "DE LOS DELITOS", "TITULO V", "DELITOS CONTRA LA LIBERTAD",
        _article("145 bis"), THEFT,
    )  # fmt: skip
    st, a = _assess(model, text)
    v = next(v for v in a.verdicts if v.provision.id == "victim-compensation")
    assert v.verdict == "missing", [(e.unit, e.text) for e in v.evidence]
    assert not any("162" in ev.unit for ev in v.evidence)
    with readings.disabled([FILTER]):
        _, b = _assess(model, text)
    assert b.key_verdicts()["victim.compensation"] != "missing"  # the filter is what tells them apart


def test_a_smuggling_chapter_is_not_the_trafficking_offence(model) -> None:
    text = _code("CODIGO PENAL", "LIBRO PRIMERO", "DISPOSICIONES GENERALES", _article("42"),
                 "LIBRO SEGUNDO", "DE LOS DELITOS", SMUGGLING)  # fmt: skip
    _, a = _assess(model, text)
    assert a.key_verdicts()["offence.trafficking"] == "missing"
    with readings.disabled([FILTER]):
        _, b = _assess(model, text)
    assert b.key_verdicts()["offence.trafficking"] != "missing"


@pytest.mark.parametrize(
    "title,text,kind",
    [
        ("Código Penal de la Nación Argentina", "ARTICULO 1.- x", "penal"),
        ("Code pénal", "Article 1 x", "penal"),
        ("Уголовный кодекс Российской Федерации", "Статья 1. x", "penal"),
        ("قانون العقوبات", "المادة 1 x", "penal"),
        ("Penal Code", "1. x", "penal"),
        ("Código Procesal Penal", "ARTICULO 1.- x", "procedure"),
        ("Ley que modifica el Código Penal", "ARTICULO 1.- x", ""),  # amends the code: a special law
        ("Law amending the Penal Code", "1. x", ""),
        ("Ley de trata de personas", "TITULO I\nDISPOSICIONES GENERALES\nARTICULO 1.- x", ""),
        ("", "LIBRO PRIMERO\nPARTE GENERAL\nARTICULO 1.- x\nLIBRO SEGUNDO\nPARTE ESPECIAL\nARTICULO 2.- y", "penal"),
    ],
)
def test_what_is_read_as_a_code(title: str, text: str, kind: str) -> None:
    lang = {"Code pénal": "fr", "Уголовный кодекс Российской Федерации": "ru", "قانون العقوبات": "ar"}.get(title, "es")
    if title == "Penal Code" or title.startswith("Law"):
        lang = "en"
    st = parse_text(text, lang, StatuteMeta(title=title, language=lang))
    assert codes.layout(st).kind == kind
