"""Which language a statute is written in, refusing the ones modellaw has no cues for.

`detect_language` (statutes.lang) answers "which of the six?"; this module first asks
"is it one of the six at all?", and reads a text line by line so that a bilingual or
trilingual gazette (Rwanda prints Kinyarwanda, English and French side by side; many
Maghreb gazettes print Arabic beside French) is assessed in one language only.

A line's script decides first (Arabic letters, Cyrillic letters, Latin letters); within a
script, py3langid's full model (about 140 languages) names the language. Lines too short to
classify (numbers, headings such as "Article 3") take the language of the next classified
line, since a heading is printed above the text it heads. The other languages' lines are
blanked (every character but the line break becomes a space), so character offsets into
the statute stay exact and evidence can never quote the other language.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from statutes.lang import SUPPORTED, detect_language, sample
from statutes.model import StatuteError

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Regional varieties py3langid tells apart that modellaw reads as the same language.
_SAME = {"ary": "ar", "arz": "ar"}
# Languages py3langid confuses with a supported one on a single line of legal text: within a text
# in the supported language, lines it gives to these are read as that language, never left out.
NEIGHBOURS = {
    "pt": ("gl",),
    "es": ("gl", "an", "ext", "ca", "ast", "it", "la"),
    "fr": ("oc", "wa", "ca", "lb"),
    "en": ("pcm", "bcl", "sco"),
    "ru": ("uk", "bg", "be", "mk", "sr"),
    "ar": ("fa", "ur", "ps"),
}
MIN_LINE_LETTERS = 40  # a line shorter than this is not classified on its own
MIN_TEXT_LETTERS = 400  # below this, the text is too short to refuse: the six-language guess stands
SHARE = 0.20  # a language holding at least this share of the classified letters is a language of the text
MIN_LINES = 3  # ... and at least this many classified lines
REFUSE_PROBABILITY = 0.90  # refuse only a confident classification

_lock = threading.Lock()
_identifier: LanguageIdentifier | None = None
_LINE = re.compile(r"[^\n]*\n?")
_LETTER = re.compile(r"[^\W\d_]")
SAMPLE_LINES = 1500  # lines read to decide; all lines are read only for a multilingual text


class UnsupportedLanguageError(StatuteError):
    """The statute is written in a language the model has no cues for (exit 3 on the command line)."""


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    language: str  # ISO 639-1 (or py3langid's code); "" when too short to classify
    letters: int


@dataclass(frozen=True)
class LanguageChoice:
    """The language to assess, the languages found (share of letters) and the spans left out."""

    language: str
    shares: dict[str, float] = field(default_factory=dict)
    excluded: tuple[tuple[int, int], ...] = ()  # spans written in another language of the text

    @property
    def multilingual(self) -> bool:
        return bool(self.excluded)

    def describe(self) -> str:
        """ "en 41%, fr 38%, rw 21%": the languages of the text, largest first."""
        return ", ".join(f"{lang} {round(share * 100)}%" for lang, share in self.shares.items())

    def mask(self, text: str) -> str:
        """`text` with the excluded spans blanked, same length and same line breaks."""
        if not self.excluded:
            return text
        parts: list[str] = []
        pos = 0
        for start, end in self.excluded:
            parts.append(text[pos:start])
            parts.append("".join("\n" if ch == "\n" else " " for ch in text[start:end]))
            pos = end
        parts.append(text[pos:])
        return "".join(parts)


def describe_shares(shares: dict[str, float]) -> str:
    """ "en 41%, fr 38%, rw 21%": the languages of a text, largest first."""
    return ", ".join(f"{lang} {round(share * 100)}%" for lang, share in shares.items())


def _get_identifier() -> LanguageIdentifier:
    """py3langid over all the languages its model knows (a private instance)."""
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def identify(text: str) -> tuple[str, float]:
    """The most likely language of `text` among all py3langid knows, and its probability."""
    norm = unicodedata.normalize("NFKC", text)  # Arabic presentation forms (PDF) -> letters
    lang, prob = _get_identifier().classify(norm)
    return _SAME.get(lang, lang), float(prob)


def lines(text: str, every: int = 1) -> list[Line]:
    """Each line of `text` with its language; short lines take the next classified line's language.

    With `every` > 1 only every n-th line is read (a bounded sample of a whole code).
    """
    out: list[Line] = []
    for i, m in enumerate(_LINE.finditer(text)):
        if m.start() == m.end():
            break
        if every > 1 and i % every:
            continue
        chunk = m.group()
        n = len(_LETTER.findall(chunk))
        lang = identify(chunk)[0] if n >= MIN_LINE_LETTERS else ""
        out.append(Line(m.start(), m.end(), lang, n))
    following = ""
    for i in range(len(out) - 1, -1, -1):
        if out[i].language:
            following = out[i].language
        elif following:
            out[i] = Line(out[i].start, out[i].end, following, out[i].letters)
    return out


def _shares(classified: list[Line]) -> dict[str, float]:
    letters: Counter[str] = Counter()
    for ln in classified:
        letters[ln.language] += ln.letters
    total = sum(letters.values()) or 1
    return {lang: n / total for lang, n in letters.most_common()}


def _language_name(code: str) -> str:
    from babel import Locale

    return str(Locale("en").languages.get(code, code))


def choose_language(text: str, forced: str | None = None, name: str = "statute") -> LanguageChoice:
    """The language to assess `text` in; raises UnsupportedLanguageError naming what was found.

    `forced` (the user's --lang or a language the file declares) is always obeyed; the other
    languages of a multilingual text are still left out when that language is one of them.
    """
    every = max(1, text.count("\n") // SAMPLE_LINES)
    all_lines = lines(text, every)
    classified = [ln for ln in all_lines if ln.letters >= MIN_LINE_LETTERS]
    shares = _shares(classified)
    count = Counter(ln.language for ln in classified)
    major = [lang for lang, s in shares.items() if s >= SHARE and count[lang] >= MIN_LINES]
    total = sum(ln.letters for ln in classified)

    if forced and forced not in SUPPORTED:
        raise UnsupportedLanguageError(
            f"{name}: declared language {_language_name(forced)} ({forced}) has no cues; "
            f"supported: {' '.join(SUPPORTED)}; --lang forces one"
        )
    if forced:
        language = forced
    elif total < MIN_TEXT_LETTERS:
        return LanguageChoice(detect_language(text), shares)
    else:
        supported = [lang for lang in major if lang in SUPPORTED]
        if supported:
            language = supported[0]  # shares are ordered, largest first
        else:
            found, prob = identify(sample(text))
            if found in SUPPORTED or prob < REFUSE_PROBABILITY:
                language = found if found in SUPPORTED else detect_language(text)
            else:
                supported_names = ", ".join(f"{_language_name(c)} ({c})" for c in SUPPORTED)
                raise UnsupportedLanguageError(
                    f"{name}: written in {_language_name(found)} ({found}), a language modellaw has no cues for; "
                    f"supported: {supported_names}; --lang forces one"
                )

    others = [lang for lang in major if lang != language and lang not in NEIGHBOURS.get(language, ())]
    if not others or language not in shares:
        return LanguageChoice(language, shares)
    if every > 1:
        all_lines = lines(text)
    excluded: list[tuple[int, int]] = []
    for ln in all_lines:
        if ln.language in others:
            if excluded and excluded[-1][1] == ln.start:
                excluded[-1] = (excluded[-1][0], ln.end)
            else:
                excluded.append((ln.start, ln.end))
    return LanguageChoice(language, shares, tuple(excluded))
