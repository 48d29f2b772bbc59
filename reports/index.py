"""A batch's index.html: a heatmap of statute x protection key, linking every report (Jinja2, autoescaped)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from modellaw.model import Model

__all__ = ["VERDICT_SYMBOL", "render_index"]

REPORTS_DIR = "reports"  # where a batch puts the reports, relative to index.html
VERDICT_SYMBOL = {"covered": "✔", "partial": "◐", "missing": "✘"}


def _heatmap(rows: list[dict], model: Model) -> tuple[list[dict], list[dict]]:
    """Columns (protection keys, in the model's order) and rows for the index page's heatmap."""
    described = {k.id: k.text for k in model.keys}
    order = {k.id: i for i, k in enumerate(model.keys)}
    seen: dict[str, None] = {}
    for r in rows:
        if r["record"]:
            for k in r["record"]["keys"]:
                seen.setdefault(k)
    keys = sorted(seen, key=lambda k: (order.get(k, len(order)), k))
    columns = [{"id": k, "text": described.get(k, "")} for k in keys]
    out = []
    for r in rows:
        rec = r["record"]
        cells = []
        for k in keys:
            kv = rec["keys"].get(k) if rec else None
            cells.append(
                {
                    "key": k,
                    "verdict": kv["verdict"] if kv else "none",
                    "symbol": VERDICT_SYMBOL.get(kv["verdict"], "") if kv else "",
                    "confidence": f"{kv['confidence']:.2f}" if kv else "",
                    # a person's review: the verdict shown is theirs, the tool's is given beside it
                    "tool_verdict": (kv.get("tool_verdict") or "") if kv else "",
                    "review": kv.get("review") if kv else None,
                }
            )
        out.append(
            {
                **{
                    c: r[c]
                    for c in (
                        "name",
                        "country",
                        "title",
                        "year",
                        "language",
                        "status",
                        "reason",
                        "mandatory_gaps",
                        "covered",
                        "partial",
                        "missing",
                    )
                },
                "path": r["display_path"],
                "html": f"{REPORTS_DIR}/{quote(r['name'])}.html" if rec else "",
                "json": f"{REPORTS_DIR}/{quote(r['name'])}.json" if rec else "",
                "cells": cells,
            }
        )
    return columns, out


def render_index(
    rows: list[dict], model: Model, *, interrupted: bool = False, total: int | None = None, lang: str = "en"
) -> str:
    """index.html, in the report language: Jinja2 autoescaped, inline CSS, no script, nothing fetched."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from modellaw import __version__
    from reports.i18n import VERDICT_LABELS, is_rtl, normalize_lang, translations

    lang = normalize_lang(lang)
    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    columns, heat = _heatmap(rows, model)
    failures = [r for r in heat if r["status"] == "failed"]
    return env.get_template("index.html.j2").render(
        columns=columns,
        rows=heat,
        failures=failures,
        model=model,
        tool_version=__version__,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        ok=sum(1 for r in rows if r["status"] == "ok"),
        failed=len(failures),
        total=total if total is not None else len(rows),
        interrupted=interrupted,
        lang=lang,
        dir="rtl" if is_rtl(lang) else "ltr",
        verdict_labels=VERDICT_LABELS,
    )
