"""What changed between two assessments of two versions of a law (act and amendment, draft and revision).

    changes = diff(assess(old_statute, model), assess(new_statute, model))

Per provision (matched by id, in the model's order):

- `closed`: a gap closed: the verdict got better (missing -> partial or covered, partial -> covered);
- `opened`: a gap opened: the verdict got worse (covered -> partial or missing, partial -> missing);
- `evidence`: same verdict, but the units cited as evidence differ (a section renumbered, a clause
  moved, an element now found in another place);
- `added` / `removed`: the provision is assessed in only one of the two (different model versions).

Provisions with the same verdict and the same units cited are not changes and are not listed.
The function is pure: it reads the two assessments and returns new objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from analysis.types import VERDICTS, Assessment, Verdict

KINDS = ("closed", "opened", "evidence", "added", "removed")
_RANK = {v: i for i, v in enumerate(VERDICTS)}  # covered 0 (best) .. missing 2 (worst)


@dataclass(frozen=True)
class Change:
    provision_id: str
    article: str | None
    title: str
    status: str  # mandatory | optional | general
    keys: tuple[str, ...]
    kind: str  # closed | opened | evidence | added | removed
    old_verdict: str | None
    new_verdict: str | None
    old_confidence: float | None
    new_confidence: float | None
    old_units: tuple[str, ...]
    new_units: tuple[str, ...]
    elements_found: tuple[str, ...]  # element labels found in the new version and not in the old
    elements_lost: tuple[str, ...]  # element labels found in the old version and not in the new

    @property
    def units_added(self) -> tuple[str, ...]:
        old = set(self.old_units)
        return tuple(u for u in self.new_units if u not in old)

    @property
    def units_removed(self) -> tuple[str, ...]:
        new = set(self.new_units)
        return tuple(u for u in self.old_units if u not in new)

    def as_dict(self) -> dict:
        d = asdict(self)
        for k in ("keys", "old_units", "new_units", "elements_found", "elements_lost"):
            d[k] = list(d[k])
        d["units_added"] = list(self.units_added)
        d["units_removed"] = list(self.units_removed)
        return d


def _units(v: Verdict | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.unit for e in v.evidence)) if v is not None else ()


def _found(v: Verdict | None) -> dict[str, str]:
    return {e.id: e.label for e in v.elements if e.found} if v is not None else {}


def diff(old: Assessment, new: Assessment) -> list[Change]:
    """The provisions whose verdict or evidence differ between `old` and `new`, in the model's order."""
    old_by = {v.provision.id: v for v in old.verdicts}
    new_by = {v.provision.id: v for v in new.verdicts}
    order = [v.provision.id for v in old.verdicts] + [
        v.provision.id for v in new.verdicts if v.provision.id not in old_by
    ]
    out: list[Change] = []
    for pid in order:
        o, n = old_by.get(pid), new_by.get(pid)
        ou, nu = _units(o), _units(n)
        if o is None:
            kind = "added"
        elif n is None:
            kind = "removed"
        elif _RANK[n.verdict] < _RANK[o.verdict]:
            kind = "closed"
        elif _RANK[n.verdict] > _RANK[o.verdict]:
            kind = "opened"
        elif set(ou) != set(nu):
            kind = "evidence"
        else:
            continue
        p = n.provision if n is not None else old_by[pid].provision  # pid is in one of the two
        of, nf = _found(o), _found(n)
        out.append(
            Change(
                provision_id=pid,
                article=p.article,
                title=p.title,
                status=p.status,
                keys=tuple(p.keys),
                kind=kind,
                old_verdict=o.verdict if o else None,
                new_verdict=n.verdict if n else None,
                old_confidence=round(float(o.confidence), 3) if o else None,
                new_confidence=round(float(n.confidence), 3) if n else None,
                old_units=ou,
                new_units=nu,
                elements_found=tuple(label for eid, label in nf.items() if eid not in of),
                elements_lost=tuple(label for eid, label in of.items() if eid not in nf),
            )
        )
    return out


def summarize(changes: list[Change]) -> dict[str, int]:
    """How many changes of each kind."""
    out = {k: 0 for k in KINDS}
    for c in changes:
        out[c.kind] += 1
    return out


_KIND_LABEL = {
    "closed": "gap closed",
    "opened": "gap opened",
    "evidence": "evidence changed",
    "added": "only in new",
    "removed": "only in old",
}


def _article(c: Change) -> str:
    return f"Art. {c.article}" if c.article else "—"


def _verdicts(c: Change) -> str:
    def one(v: str | None, conf: float | None) -> str:
        return "—" if v is None else f"{v} {conf:.2f}"

    return f"{one(c.old_verdict, c.old_confidence)} → {one(c.new_verdict, c.new_confidence)}"


def render_changes(
    changes: list[Change],
    fmt: str = "table",
    *,
    old_name: str = "old",
    new_name: str = "new",
    header: dict | None = None,
) -> str:
    """The changes as text: `table` (terminal), `md` (Markdown, every value escaped) or `json`."""
    import json

    counts = summarize(changes)
    if fmt == "json":
        return json.dumps(
            {
                **(header or {}),
                "old": old_name,
                "new": new_name,
                "summary": counts,
                "changes": [c.as_dict() for c in changes],
            },
            ensure_ascii=False,
            indent=2,
        )
    order = {k: i for i, k in enumerate(KINDS)}
    ranked = sorted(changes, key=lambda c: order[c.kind])  # stable: model order within a kind
    if fmt == "md":
        from reports.render import md_escape

        lines = [f"# Changes from {md_escape(old_name)} to {md_escape(new_name)}", ""]
        if header:
            lines += [f"- {md_escape(k)}: {md_escape(v)}" for k, v in header.items()] + [""]
        lines += [
            f"Gaps closed: {counts['closed']} · gaps opened: {counts['opened']} · "
            f"evidence changed: {counts['evidence']}",
            "",
        ]
        if not changes:
            return "\n".join(lines + ["No provision changed.", ""])
        lines += [
            "| change | provision | status | verdict (old → new) | units no longer cited | units now cited |",
            "|---|---|---|---|---|---|",
        ]
        for c in ranked:
            lines.append(
                "| "
                + " | ".join(
                    md_escape(x)
                    for x in (
                        _KIND_LABEL[c.kind],
                        f"{_article(c)} {c.title} ({c.provision_id})",
                        c.status,
                        _verdicts(c),
                        ", ".join(c.units_removed) or "—",
                        ", ".join(c.units_added) or "—",
                    )
                )
                + " |"
            )
        return "\n".join(lines) + "\n"
    lines = [f"{old_name} → {new_name}"]
    if header:
        lines.append("  " + " · ".join(f"{k}: {v}" for k, v in header.items()))
    lines.append(
        f"gaps closed {counts['closed']}, gaps opened {counts['opened']}, "
        f"evidence changed {counts['evidence']}"
        + (
            f", only in new {counts['added']}, only in old {counts['removed']}"
            if counts["added"] or counts["removed"]
            else ""
        )
    )
    if not changes:
        lines.append("no provision changed")
    for c in ranked:
        lines.append(
            f"{_KIND_LABEL[c.kind]:<17} {c.status:<9} {_article(c):<8} {c.title} [{c.provision_id}]  {_verdicts(c)}"
        )
        if c.units_removed:
            lines.append(f"{'':<18}no longer cited: {', '.join(c.units_removed)}")
        if c.units_added:
            lines.append(f"{'':<18}now cited: {', '.join(c.units_added)}")
        for label in c.elements_lost:
            lines.append(f"{'':<18}element lost: {label}")
        for label in c.elements_found:
            lines.append(f"{'':<18}element found: {label}")
    return "\n".join(lines)
