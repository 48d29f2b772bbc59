from pathlib import Path

import pytest

from modellaw import load_model
from statutes.model import Statute, StatuteMeta, Unit

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="session")
def mini_model():
    return load_model(FIXTURES / "models" / "mini.xml")


def make_statute(sections: list[tuple[str, str]], lang: str = "en", definitions=()) -> Statute:
    """A statute of flat sections, built by hand so matcher tests do not depend on the parser."""
    text, units = "", []
    for i, (label, body) in enumerate(sections):
        start = len(text)
        text += body + "\n\n"
        units.append(
            Unit(
                id=f"sec_{i + 1}",
                kind="section",
                num=str(i + 1),
                label=label,
                heading="",
                start=start,
                end=start + len(body),
                body_end=start + len(body),
            )
        )
    st = Statute(text=text, language=lang, meta=StatuteMeta(title="test"), units=units, definitions=[])
    for term, unit_index, phrase in definitions:
        u = units[unit_index]
        a = text.index(phrase, u.start)
        from statutes.model import Definition

        st.definitions.append(Definition(term, phrase, u.id, a, a + len(phrase)))
    return st
