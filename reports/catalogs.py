"""Catalog maintenance: `python -m reports.catalogs update` after adding or changing interface strings.

Extracts every string marked in reports/*.py (`_`, `N_`, `pgettext`), reports/templates/*.j2 and the web
app's server/templates/*.j2 (`{{ _("...") }}`) and merges them into each
reports/locale/<lang>/LC_MESSAGES/modellaw.po: new
strings arrive untranslated (tests/reports/test_i18n.py then fails until they are translated),
strings no longer used are dropped.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from reports.i18n import DOMAIN, catalog_path, languages


def extract_messages() -> Catalog:
    """Every interface string in reports/*.py and reports/templates/*.j2, as a Babel catalog."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    root = Path(__file__).parent
    method_map = [("templates/**.j2", "jinja2.ext:babel_extract"), ("*.py", "python")]
    options = {
        "extensions": "jinja2.ext.i18n",
        "newstyle_gettext": "true",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
    }
    options_map = {"templates/**.j2": options}
    catalog = Catalog(domain=DOMAIN, project="modellaw", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        root, method_map, options_map, keywords=DEFAULT_KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    server = root.parent / "server"  # the web app's pages use the same catalogs (modellaw serve)
    if server.is_dir():
        for filename, lineno, message, comments, context in extract_from_dir(
            server,
            [("templates/**.j2", "jinja2.ext:babel_extract")],
            {"templates/**.j2": options},
            keywords=DEFAULT_KEYWORDS,
        ):
            catalog.add(message, None, [(f"../server/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def _snapshot(catalog: Catalog) -> list[tuple[object, ...]]:
    return [(m.context, m.id, m.string, tuple(m.locations), tuple(sorted(m.flags))) for m in catalog if m.id]


def update_catalogs() -> list[tuple[Path, bool]]:
    """Merge the strings in use into every catalog; returns (path, changed) for each."""
    template = extract_messages()
    out = []
    for lang in languages():
        path = catalog_path(lang)
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain=DOMAIN)
        before = _snapshot(catalog)
        catalog.update(template, no_fuzzy_matching=True)
        changed = _snapshot(catalog) != before
        if changed:
            with path.open("wb") as fh:
                write_po(fh, catalog, width=100, ignore_obsolete=True, include_previous=False)
        out.append((path, changed))
    return out


if __name__ == "__main__":  # pragma: no cover - maintenance entry
    import sys

    if sys.argv[1:] != ["update"]:
        print("usage: python -m reports.catalogs update", file=sys.stderr)
        sys.exit(2)
    for p, changed in update_catalogs():
        print(f"{'updated' if changed else 'unchanged'} {p}")
