"""Report languages: gettext catalogs in reports/locale, compiled in memory at run time.

Every interface string of a report (headings, verdict words, the method note) lives in
`reports/locale/<lang>/LC_MESSAGES/modellaw.po`; the templates only name the English
msgid. A language is supported when its catalog exists, so adding one is adding a .po
file (tests/reports/test_i18n.py checks that every string is translated in every catalog).
No .mo binaries are committed: the .po is read and compiled with Babel once per process.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "modellaw"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here (translated where shown)."""
    return message


# Words for the codes the assessment uses; translated where they are displayed.
VERDICT_LABELS = {
    "covered": N_("Covered"),
    "partial": N_("Partly covered"),
    "missing": N_("Missing"),
}
STATUS_LABELS = {
    "mandatory": N_("Mandatory"),
    "optional": N_("Optional"),
    "general": N_("General"),
}
STATUS_GROUP_LABELS = {
    "mandatory": N_("Mandatory provisions"),
    "optional": N_("Optional provisions"),
    "general": N_("General provisions"),
}


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> tuple[str, ...]:
    """The report languages: those with a catalog, English first."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return tuple(sorted(found, key=lambda code: (code != "en", code)))


def normalize_lang(lang: str | None) -> str:
    """`fr`, `FR`, `fr-FR`, `fr_FR.UTF-8` -> `fr`; ValueError naming the choices if unsupported."""
    code = (lang or "en").strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    if code not in languages():
        raise ValueError(f"unsupported report language {lang!r}; choose one of: {', '.join(languages())}")
    return code


def resolve_lang(requested: str | None, statute_lang: str | None) -> str:
    """The report language: `auto` (or nothing) is the statute's language when a catalog exists for it, else `en`."""
    if (requested or "auto").strip().lower() != "auto":
        return normalize_lang(requested)
    code = (statute_lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in languages() else "en"


@lru_cache(maxsize=None)
def translations(lang: str) -> Translations:
    """The compiled catalog for a language (fuzzy entries are left out, as msgfmt does)."""
    lang = normalize_lang(lang)
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf, domain=DOMAIN)


def is_rtl(lang: str) -> bool:
    try:
        return Locale.parse(lang).character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


def language_name(code: str, in_lang: str) -> str:
    """The name of language `code` in the report language (`en` in a French report: `anglais`)."""
    if not code:
        return ""
    try:
        name = Locale.parse(in_lang).languages.get(code.split("-")[0].split("_")[0].lower())
    except (UnknownLocaleError, ValueError):
        name = None
    return f"{name} ({code})" if name else code
