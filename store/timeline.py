"""A country's timeline of verdicts, flattened into rows or rendered for the terminal or as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def timeline_rows(tl: dict) -> list[dict[str, Any]]:
    """The timeline flattened into rows (one per item and entry), for tables."""
    rows = []
    for it in tl["items"]:
        for e in it["entries"]:
            rows.append(
                {
                    "number": e["number"],
                    "created": e["created"],
                    "kind": it["kind"],
                    "id": it["id"],
                    "article": it["article"],
                    "title": it["title"],
                    "previous": e["previous"],
                    "verdict": e["verdict"],
                    "confidence": e["confidence"],
                    "changed": e["changed"],
                    "units": e["units"],
                    "tool_verdict": e.get("tool_verdict"),
                    "review": e.get("review"),
                }
            )
    rows.sort(key=lambda r: (r["number"], r["kind"] != "provision"))
    return rows


def _reviewed(r: dict) -> str:
    rv = r["review"]
    who = f" by {rv['reviewer']}" if rv["reviewer"] else ""
    note = f": {rv['note']}" if rv["note"] else ""
    return f"  [reviewed{who}{note}; tool: {r['tool_verdict']}]"


def render_timeline(tl: dict, fmt: str = "table") -> str:
    """A timeline as `json`, or as a `table` for the terminal: the assessments, then the changes."""
    if fmt == "json":
        return json.dumps(tl, ensure_ascii=False, indent=2)
    runs = tl["assessments"]
    lines = [f"{tl['country']} — {len(runs)} recorded assessment{'s' if len(runs) != 1 else ''}"]
    for r in runs:
        sha = (r["file_sha256"] or r["statute_sha256"])[:12]
        lines.append(
            f"  #{r['number']:<3} {r['created'][:16].replace('T', ' ')}  {r['title'] or r['path']}"
            f"  [{Path(r['path']).name}, sha256 {sha}]  {r['model_id']} {r['model_version']}, "
            f"modellaw {r['tool_version']}  — covered {r['covered']}, partial {r['partial']}, "
            f"missing {r['missing']}"
        )
    rows = timeline_rows(tl)
    if not rows:
        lines.append("no verdict changed" if len(runs) > 1 else "only one assessment: nothing to compare yet")
        return "\n".join(lines)
    lines.append("")
    for r in rows:
        what = f"Art. {r['article']}" if r["article"] else ("key" if r["kind"] == "key" else "—")
        verdict = f"{r['previous']} → {r['verdict']}" if r["changed"] else r["verdict"]
        lines.append(
            f"  #{r['number']:<3} {what:<8} {r['id']:<36} {verdict:<20} {r['confidence']:.2f}"
            + (f"  {r['title']}" if r["kind"] == "provision" else "")
            + (_reviewed(r) if r["review"] else "")
        )
    return "\n".join(lines)
