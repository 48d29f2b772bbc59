"""Language processing for matching: tokens with offsets, lower-case lemmas, Arabic stems.

spaCy's lookup lemmatizer (spacy-lookups-data) is case-sensitive, so tokens are
lower-cased before lookup; the lookup table is read directly so every token keeps its
offsets in the original text. Arabic has no lemma table in spaCy: it is normalised
(hamza/alef forms, ta marbuta, alef maqsura, diacritics, tatweel, Arabic-Indic digits)
and stemmed with the Snowball Arabic stemmer.

Arabic tokens carry two more keys (Token.extra):
- the simplemma lemma, which undoes broken plurals (الضحايا -> ضحية) and some verb forms;
- the root from NLTK's ISRI stemmer, prefixed "√" (ينقله, نقل -> √نقل; يستقبله, استقبال ->
  √قبل). Many words share a root, so a root matches only a cue word written "√word"
  (docs/model-format.md): the cue asks for it, plain cue words never match by root.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
import spacy

ROOT_MARK = "√"  # a cue word "√نقل" matches every Arabic token of that root

SPACY_LANGS = ("en", "fr", "es", "ru", "pt")

# Negators per language, used to tell "shall be liable" from "shall not be liable".
NEGATORS = {
    "en": {"not", "no", "never", "neither", "nor", "n't"},
    "fr": {"ne", "n'", "pas", "aucun", "aucune", "ni", "jamais", "nul", "nulle"},
    "es": {"no", "ni", "nunca", "ningún", "ninguno", "ninguna", "jamás"},
    "pt": {"não", "nem", "nunca", "nenhum", "nenhuma", "jamais"},
    "ru": {"не", "ни", "нет"},
    "ar": {"لا", "ليس", "لم", "لن", "ولا", "فلا"},
}

_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_AR_TRANS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": "",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# Proclitics stripped for prefix matching: conjunctions, prepositions, the article.
_AR_PREFIXES = ("وبال", "وكال", "فبال", "وال", "بال", "كال", "فال", "لل", "ال")


def normalize_ar(word: str) -> str:
    word = _AR_DIACRITICS.sub("", word).translate(_AR_TRANS)
    return word


def strip_ar_clitics(word: str) -> str:
    """Strip the article and the prepositions/conjunctions fused with it (وال، بال، لل...)."""
    for p in _AR_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p) :]
    return word


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    norm: str  # lower-case surface (Arabic: normalised, article clitics stripped)
    lemma: str  # lookup lemma (Arabic: Snowball stem)
    alt: str  # a second spelling: unaccented (fr/es/pt), without a leading و/ف (ar)
    is_punct: bool
    extra: tuple[str, ...] = ()  # Arabic: simplemma lemma, "√" + ISRI root


class Analyzer:
    """Tokenises and lemmatises one language; built once per language and reused."""

    def __init__(self, lang: str):
        self.lang = lang
        self.nlp = spacy.blank(lang if lang in SPACY_LANGS or lang == "ar" else "xx")
        self._table: dict[str, object] | None = None
        if lang in SPACY_LANGS:
            self._table = _lemma_table(lang)
        self._stemmer = snowballstemmer.stemmer("arabic") if lang == "ar" else None
        self._isri = None
        if lang == "ar":
            try:
                from nltk.stem.isri import ISRIStemmer  # needs no data download

                self._isri = ISRIStemmer()
            except ImportError:  # pragma: no cover - nltk is a declared dependency
                self._isri = None
        self.negators = NEGATORS.get(lang, NEGATORS["en"])
        self._init_caches()

    def _init_caches(self) -> None:
        # Per-instance caches (an lru_cache on the methods would be one cache shared by every
        # language, holding each Analyzer alive): a statute repeats its words a great deal.
        self._keys_cache = lru_cache(maxsize=200_000)(self._keys)
        self._extra_keys_cache = lru_cache(maxsize=200_000)(self._extra_keys)

    def __getstate__(self) -> dict[str, object]:  # picklable as before: the caches are rebuilt, not sent
        state = self.__dict__.copy()
        del state["_keys_cache"], state["_extra_keys_cache"]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._init_caches()

    def keys(self, text: str) -> tuple[str, str, str]:
        """(norm, lemma, alt) for one token's text."""
        return self._keys_cache(text)

    def extra_keys(self, text: str) -> tuple[str, ...]:
        """Arabic only: the simplemma lemma (broken plurals) and the "√" root of a token."""
        return self._extra_keys_cache(text)

    def _keys(self, text: str) -> tuple[str, str, str]:
        low = unicodedata.normalize("NFKC", text).lower()  # NFKC: PDF presentation forms, ligatures
        if self.lang == "ar":
            if low.startswith(ROOT_MARK) and len(low) > 1:  # a root cue word
                r = self.root(normalize_ar(low[1:]))
                return r, r, r
            n = normalize_ar(low)
            stem = self._stemmer.stemWord(n) if self._stemmer else n
            norm = strip_ar_clitics(n)
            # و/ف may be a conjunction or the word's first letter: keep both readings.
            alt = strip_ar_clitics(norm[1:]) if norm[:1] in ("و", "ف") and len(norm) > 3 else norm
            return norm, stem, alt
        low = low.replace("’", "'")
        lemma = self._table.get(low, low) if self._table is not None else low
        if isinstance(lemma, list):  # some tables map a form to several lemmas
            lemma = lemma[0] if lemma else low
        lemma = str(lemma)
        # Drafts typed without accents ("victimas") still match "víctima".
        alt = strip_accents(low) if self.lang in ("fr", "es", "pt") else low
        return low, lemma, alt

    def root(self, word: str) -> str:
        """ "√" + the ISRI root of a normalised Arabic word (the word itself without nltk)."""
        if self._isri is None:
            return ROOT_MARK + word
        return ROOT_MARK + normalize_ar(self._isri.stem(word))

    def _extra_keys(self, text: str) -> tuple[str, ...]:
        if self.lang != "ar":
            return ()
        low = unicodedata.normalize("NFKC", text).lower()
        if low.startswith(ROOT_MARK) or not any("\u0621" <= c <= "\u064a" for c in low):
            return ()
        n = normalize_ar(low)
        out = []
        try:
            import simplemma

            lem = strip_ar_clitics(normalize_ar(simplemma.lemmatize(low, lang="ar")))
            if lem and lem != strip_ar_clitics(n):
                out.append(lem)
        except (ImportError, ValueError):  # pragma: no cover
            pass
        out.append(self.root(n))
        return tuple(out)

    def tokens(self, text: str) -> list[Token]:
        """Every non-space token with its offsets in `text`, however long the text is.

        A whole penal code runs to millions of characters, past spaCy's `max_length`; the text is
        tokenised in bounded chunks cut at line breaks (else at a space), which no token crosses,
        so the tokens and their offsets are those of the whole text.
        """
        out = []
        for a, b in chunks(text):
            # offsets and flags as one array: far cheaper than a spaCy Token object per word
            rows = self.nlp.make_doc(text[a:b]).to_array(["IDX", "LENGTH", "IS_SPACE", "IS_PUNCT"]).tolist()
            for idx, length, space, punct in rows:
                if space:
                    continue
                start = a + idx
                word = text[start : start + length]
                norm, lemma, alt = self.keys(word)
                out.append(Token(start, start + length, norm, lemma, alt, bool(punct), self.extra_keys(word)))
        return out


def _lemma_table(lang: str) -> dict[str, object] | None:
    """spacy-lookups-data's lemma lookup table for a language, as a plain dict.

    spaCy's own loader (`spacy.lookups.load_lookups`) builds a Table keyed by string hashes with
    a Bloom filter, which costs several times the reading of the data itself; the same JSON read
    into a dict gives the same lemma for every form.
    """
    from spacy.util import load_language_data, registry

    if lang not in registry.lookups:
        return None
    try:
        data = load_language_data(registry.lookups.get(lang)["lemma_lookup"])
    except (KeyError, ValueError, OSError):
        return None
    return data if isinstance(data, dict) else None


CHUNK = 100_000  # characters tokenised at once (spaCy refuses a text past its max_length, 1,000,000)


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """Spans of at most `size` characters covering `text`, cut just after a line break (else a space).

    A span is cut elsewhere only in a run of `size` characters with no white space at all, which
    no statute holds; the spans are contiguous, so offsets inside a span plus its start are
    offsets in the text.
    """
    out, a, n = [], 0, len(text)
    while n - a > size:
        b = text.rfind("\n", a, a + size) + 1
        if b <= a:
            b = max(text.rfind(" ", a, a + size), text.rfind("\t", a, a + size)) + 1
        if b <= a:
            b = a + size
        out.append((a, b))
        a = b
    out.append((a, n))
    return out


@lru_cache(maxsize=8)
def analyzer(lang: str) -> Analyzer:
    return Analyzer(lang)
