"""One check for the readings' verdict tables: a snippet's verdict for a key, with its evidence citable."""

from analysis import assess
from modellaw.model import Model
from statutes import parse_text


def check_key_verdict(model: Model, text: str, lang: str, key: str, expected: str) -> None:
    """The key's verdict is `expected`; a covered or partial verdict cites only units the statute has."""
    st = parse_text(text, lang)
    a = assess(st, model)
    got = a.key_verdicts()[key]
    carrying = [v for v in a.verdicts if key in v.provision.keys]
    assert got == expected, [n for v in carrying for n in v.notes]
    if got != "missing":
        cited = {e.unit for v in carrying for e in v.evidence}
        assert cited and cited <= {u.label for u in st.units}
