"""Per-language numbering tables (package data `numbering/<lang>.toml`), read once at import.

A table names a language's unit words (article keyword, divisions with their kind), the suffixes
written after an article number ("1º", "1er", "4 bis"), and its spelled-out ordinals. Compound
ordinals ("vingt et unième", "vigésimo primero", "двадцать первая", "twenty-first") are generated
from the table's tens prefixes and unit forms instead of being listed one by one.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from statutes.structure.text import LANGS, normalize_line

# The kinds a division unit can have, outermost first (Book > Part > Title > Chapter > Division);
# in a given statute divisions nest in the order they are first met.
DIVISION_KINDS = ("book", "part", "title", "chapter", "division")


@dataclass(frozen=True)
class Division:
    kind: str  # book | part | title | chapter | division
    id_prefix: str  # "book", "title", "chp", "dvs" ...
    label: str  # the word a citation uses: "Título", "Глава", "الباب"


@dataclass(frozen=True)
class Table:
    lang: str
    preamble: str
    article_words: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    letter_suffixes: tuple[str, ...]
    schedules: frozenset[str]
    divisions: dict[str, Division]  # lower-case keyword -> division
    ordinals: dict[str, int]  # folded spelled-out ordinal -> value (Latin and Cyrillic scripts)
    cardinals: dict[str, int]
    levels: tuple[tuple[str, int], ...]  # sub-level marker styles in the order tried, with their rank
    flexible_levels: frozenset[str]
    raw: dict[str, Any]  # the whole table, for language-specific sections (Arabic ordinals)


@lru_cache(maxsize=4096)
def fold(word: str) -> str:
    """Case, accents (é, ё), hyphens and spacing folded: "Vigésimo-Primero" -> "vigesimo primero"."""
    t = unicodedata.normalize("NFD", word.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[\s\u00a0-]+", " ", t).strip()


def _spelled(spec: dict[str, Any]) -> dict[str, int]:
    """Ordinal forms as written (lower case) -> value: the listed words, then every ten's prefix
    followed by every form of a unit 1-9 ("vigésimo " + "primero", "vingt et " + "unième")."""
    words = {int(k): [str(f) for f in v] for k, v in spec.get("words", {}).items()}
    combining = {int(k): [str(f) for f in v] for k, v in spec.get("combining", {}).items()}
    out: dict[str, int] = {}
    for v, forms in words.items():
        for f in forms:
            out.setdefault(f.lower(), v)
    for ten, prefixes in spec.get("prefixes", {}).items():
        for u in range(1, 10):
            for p in prefixes:
                for f in combining.get(u, words.get(u, [])):
                    out.setdefault((p + f).lower(), int(ten) + u)
    return out


def _ordinals(spec: dict[str, Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f, v in _spelled(spec).items():
        out.setdefault(fold(f), v)
    return out


def _load(lang: str) -> Table:
    raw = tomllib.loads(resources.files("statutes.structure").joinpath(f"numbering/{lang}.toml").read_text("utf-8"))
    divisions = {k: Division(*v) for k, v in raw.get("divisions", {}).items()}
    if lang == "ar":  # Arabic keywords are matched on folded lines
        divisions = {normalize_line(k)[0]: d for k, d in divisions.items()}
    return Table(
        lang=lang,
        preamble=raw["preamble"],
        article_words=tuple(raw["article_words"]),
        ordinal_suffixes=tuple(raw.get("ordinal_suffixes", ())),
        letter_suffixes=tuple(raw.get("letter_suffixes", ())),
        schedules=frozenset(normalize_line(w)[0] for w in raw.get("schedules", ())),
        divisions=divisions,
        ordinals=_ordinals(raw.get("ordinals", {})) if lang != "ar" else {},
        cardinals={w: i + 1 for i, w in enumerate(raw.get("cardinals", ()))},
        levels=tuple((str(st), int(rk)) for st, rk in raw.get("levels", ())),
        flexible_levels=frozenset(raw.get("flexible_levels", ())),
        raw=raw,
    )


@cache
def table(lang: str) -> Table:
    return _load(lang)


TABLES = {lg: table(lg) for lg in LANGS}


def ordinal_forms(lang: str) -> dict[str, int]:
    """Every spelling of the language's ordinals (accented as in the table, and folded) -> value."""
    out = _spelled(table(lang).raw.get("ordinals", {}))
    for f, v in list(out.items()):
        out.setdefault(fold(f), v)
    return out


def ordinal_value(lang: str, word: str) -> int | None:
    return table(lang).ordinals.get(fold(word)) if lang in TABLES else None


def keyword_alternation(words: list[str] | tuple[str, ...]) -> str:
    """Words as written in tables plus their Capitalised/Title/UPPER forms, longest first, for a regex.

    A space inside a word matches any run of spaces; a hyphen matches itself.
    """
    out: set[str] = set()
    for w in words:
        out.update({w, w.capitalize(), w.title(), w.upper()})
    return "|".join(re.escape(w).replace(r"\ ", "[ \u00a0]+") for w in sorted(out, key=len, reverse=True))


def ordinal_alternation(lang: str) -> str:
    return keyword_alternation(list(ordinal_forms(lang)))
