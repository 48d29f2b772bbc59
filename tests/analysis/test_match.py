"""Matcher behaviour on hand-built statutes and the mini model: one rule per test."""

import pytest

from analysis import assess
from tests.analysis.conftest import make_statute

CASES = [
    # (language, sections, provision id, expected verdict)
    (
        "en",
        [
            (
                "s. 14",
                "A victim of trafficking shall not be liable for any offence committed as a direct result of being "
                "trafficked.",
            )
        ],
        "non-punishment",
        "covered",
    ),
    (
        "en",
        [
            (
                "s. 14",
                "A victim of trafficking shall be liable for any immigration offence committed as a direct result of "
                "being trafficked.",
            )
        ],
        "non-punishment",
        "partial",
    ),  # "shall be liable" is the opposite of the protection
    ("en", [("s. 3", "Any person who traffics another person commits an offence.")], "non-punishment", "missing"),
    ("en", [("s. 9", "The court may make a compensation order against the offender.")], "compensation", "covered"),
    ("en", [("s. 9", "No compensation order shall be made.")], "compensation", "missing"),  # negated
    (
        "en",
        [("s. 9", "The court may order restitutions to the person harmed.")],
        "compensation",
        "covered",
    ),  # inflection
    (
        "fr",
        [("Art. 12", "La victime n'est pas pénalement responsable des infractions, conséquence directe de la traite.")],
        "non-punishment",
        "covered",
    ),
    ("fr", [("Art. 12", "La victime a droit à la réparation intégrale de son préjudice.")], "compensation", "covered"),
]


@pytest.mark.parametrize("lang,sections,pid,expected", CASES)
def test_verdict_table(mini_model, lang, sections, pid, expected):
    a = assess(make_statute(sections, lang), mini_model)
    v = next(v for v in a.verdicts if v.provision.id == pid)
    assert v.verdict == expected, [(e.id, e.found, e.score) for e in v.elements]
    assert 0.0 <= v.confidence <= 1.0
    if expected != "missing":
        labels = {s[0] for s in sections}
        assert v.evidence and all(ev.unit in labels for ev in v.evidence)


def test_cooccurrence_needs_the_same_section(mini_model):
    st = make_statute(
        [
            ("s. 1", "Every victim of trafficking has rights."),
            ("s. 2", "A person shall not be liable to a fine above the limit."),
        ]
    )
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "non-punishment")
    assert not v.elements[0].found


def test_evidence_quotes_the_statute_exactly(mini_model):
    st = make_statute(
        [
            ("s. 1", "Short title."),
            ("s. 9", "Upon conviction, the court shall make a compensation order in favour of the victim."),
        ]
    )
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "compensation")
    ev = v.evidence[0]
    assert ev.unit == "s. 9"
    assert "compensation order" in ev.text
    assert " ".join(st.text[ev.start : ev.end].split()) == ev.text


def test_definition_carries_meaning_into_the_sections_using_the_term(mini_model):
    # The State fund is only described in the definition of "Fund"; s. 20 uses the term.
    st = make_statute(
        [
            ("s. 2", '"Fund" means the fund for victims of trafficking established under section 20;'),
            ("s. 20", "The court may order restitution; the Fund shall pay the balance."),
        ],
        definitions=[("Fund", 0, "the fund for victims of trafficking established under section 20")],
    )
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "compensation")
    fund = next(e for e in v.elements if e.id == "state-fund")
    assert fund.found and fund.evidence[0].unit == "s. 2"


def test_definition_expansion_combines_cues_across_sections(mini_model):
    sections = [
        ("s. 2", '"exploitation" includes forced labour;'),
        ("s. 3", "Any person who recruits another for exploitation or servitude commits an offence."),
    ]
    plain = assess(make_statute(sections), mini_model)
    expanded = assess(make_statute(sections, definitions=[("exploitation", 0, "includes forced labour")]), mini_model)

    def get(a):
        return next(v for v in a.verdicts if v.provision.id == "exploitation")

    assert get(plain).verdict == "missing"  # one form in each section is not enough
    v = get(expanded)
    assert v.verdict == "covered"
    assert {e.unit for e in v.evidence} == {"s. 2", "s. 3"}


def test_arabic_is_normalised_and_stemmed(mini_model):
    # diacritics, alef with hamza and the definite article must not hide a match
    st = make_statute([("المادة 2", "يُقصد بالاستغلال: العمل القسري والاستعباد ونزع الأعضاء البشرية.")], lang="ar")
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "exploitation")
    assert v.verdict == "covered", [(e.id, e.score) for e in v.elements]
    assert v.evidence[0].unit == "المادة 2"


def test_non_essential_element_does_not_block_covered(mini_model):
    st = make_statute([("s. 9", "The court shall order restitution.")])
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "compensation")
    assert v.verdict == "covered" and v.missing_elements[0].id == "state-fund"


def test_key_verdict_is_the_weakest_provision(mini_model):
    st = make_statute([("s. 9", "The court shall order restitution.")])
    keys = assess(st, mini_model).key_verdicts()
    assert keys == {
        "victim.non-punishment": "missing",
        "victim.compensation": "covered",
        "offence.exploitation-forms": "missing",
    }


def test_unaccented_draft_matches_accented_cue(mini_model):
    st = make_statute([("Art. 12", "La victime a droit a la reparation integrale de son prejudice.")], lang="fr")
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "compensation")
    assert v.verdict == "covered"


def test_fuzzy_matching_does_not_confuse_different_words():
    from analysis.match import StatuteIndex, compile_cue
    from analysis.text import analyzer

    an = analyzer("en")
    idx = StatuteIndex(make_statute([("s. 1", "Information shall be given. The organization of a person.")]), an)
    assert not idx.cue_hits(0, compile_cue("formation", 1.0, an))
    assert idx.cue_hits(0, compile_cue("organisation", 1.0, an))  # spelling variant


def test_defined_term_cue_uses_the_statutes_definitions():
    from analysis.match import StatuteIndex, compile_cue
    from analysis.text import analyzer

    an = analyzer("en")
    text = '"child" has the meaning assigned to it in the Children Act;'
    st = make_statute([("s. 2", text)], definitions=[("child", 0, text)])
    idx = StatuteIndex(st, an)
    assert idx.cue_hits(0, compile_cue("=child", 1.0, an))
    assert not idx.cue_hits(0, compile_cue("=victim", 1.0, an))
    # a statute that only uses the word, without defining it, does not define it
    idx2 = StatuteIndex(make_statute([("s. 3", "Any child who is trafficked shall be assisted.")]), an)
    assert not idx2.cue_hits(0, compile_cue("=child", 1.0, an))


def test_an_optional_extra_alone_is_not_partial(mini_model):
    st = make_statute([("s. 30", "There is established a fund for victims of trafficking.")])
    v = next(v for v in assess(st, mini_model).verdicts if v.provision.id == "compensation")
    assert v.verdict == "missing"


def test_a_negator_part_binds_to_its_neighbour():
    from analysis.match import StatuteIndex, compile_cue
    from analysis.text import analyzer

    an = analyzer("en")
    cue = compile_cue("victim ~ not ~ deport*", 1.0, an)
    yes = make_statute([("s. 1", "A victim of trafficking shall not be deported while proceedings are pending.")])
    no = make_statute([("s. 1", "A victim who is not a citizen shall be deported after the trial.")])
    assert StatuteIndex(yes, an).cue_hits(0, cue)
    assert not StatuteIndex(no, an).cue_hits(0, cue)


def test_cross_reference_reads_the_referenced_heading():
    from analysis.match import StatuteIndex, compile_cue
    from analysis.text import analyzer
    from statutes import parse_text

    an = analyzer("en")
    text = (
        "3. Trafficking in persons\n(1) A person who recruits another for exploitation commits an offence.\n\n"
        "4. Attempts\nA person who attempts to commit an offence under section 3 commits an offence.\n"
    )
    st = parse_text(text, "en")
    idx = StatuteIndex(st, an)
    hits = idx.cue_hits(0, compile_cue("attempt* ~ traffick*", 1.0, an))
    assert hits
    ev = idx.evidence(hits[0], compile_cue("attempt* ~ traffick*", 1.0, an))
    assert ev.unit == "s. 4" and "under section 3" in ev.text
