"""What a batch assesses: the statutes of a folder or manifest, and the fingerprint that lets a rerun skip one."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from modellaw.model import Model

__all__ = ["OUTPUT_FILES", "BatchError", "BatchInput", "collect_inputs", "declared_language", "input_key"]

OUTPUT_FILES = ("index.html", "matrix.csv", "matrix.xlsx", "summary.csv", "failures.csv")


class BatchError(ValueError):
    """A batch that cannot start (bad source, output folder in use); the message is one line."""


# ---------------------------------------------------------------------------------------
# inputs


@dataclass(frozen=True)
class BatchInput:
    path: str  # as given (folder/name, or as the manifest resolved it)
    lang: str | None = None  # the manifest's language, if any
    meta: tuple[tuple[str, str], ...] = ()  # the manifest's country, title, year (non-empty only)

    @property
    def key_path(self) -> str:
        return str(Path(self.path).resolve())


def _extensions() -> tuple[set[str], set[str]]:
    from statutes import readers

    supported = set(readers.SUPPORTED_EXTENSIONS)
    hinted = set(getattr(readers, "_HINTS", {}))  # .doc .rtf .odt .docm: reported with advice, not skipped
    return supported, hinted


def collect_inputs(source: str | Path, outdir: str | Path | None = None) -> list[BatchInput]:
    """The statutes of a folder (every supported file, no .meta sidecars) or of a manifest CSV."""
    src = Path(source)
    if src.is_dir():
        supported, hinted = _extensions()
        skip: set[Path] = set()
        if outdir is not None and Path(outdir).resolve() == src.resolve():
            skip = {src.resolve() / n for n in OUTPUT_FILES}
        out = []
        for p in sorted(src.iterdir(), key=lambda p: p.name):
            if p.name.startswith((".", "~$")) or not p.is_file():
                continue
            ext = p.suffix.lower()
            if ext == ".meta" or (ext not in supported and ext not in hinted) or p.resolve() in skip:
                continue
            out.append(BatchInput(str(p)))
        if not out:
            raise BatchError(f"{src}: no statute files (.txt .md .docx .pdf .html .htm .xml) in this folder")
        return out
    if not src.exists():
        raise BatchError(f"{src}: no such folder or manifest")
    if src.suffix.lower() != ".csv":
        raise BatchError(
            f"{src}: expected a folder of statutes or a manifest .csv (columns country,title,year,language,path)"
        )
    from statutes import StatuteError
    from statutes.readers import read_manifest

    try:
        rows = read_manifest(src)
    except StatuteError as exc:
        raise BatchError(str(exc)) from None
    out, seen = [], set()
    for r in rows:
        item = BatchInput(
            r["path"], r.get("language") or None, tuple((k, r[k]) for k in ("country", "title", "year") if r.get(k))
        )
        if item.key_path in seen:
            continue
        seen.add(item.key_path)
        out.append(item)
    if not out:
        raise BatchError(f"{src}: the manifest lists no statutes")
    return out


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""  # the worker reports why; the fingerprint changes once the file is readable
    return h.hexdigest()


def _sidecar_sha256(path: str | Path) -> str:
    p = Path(path)
    for sp in (p.with_name(p.name + ".meta"), p.with_suffix(".meta")):
        if sp != p and sp.is_file():
            return file_sha256(sp)
    return ""


def input_key(
    item: BatchInput,
    file_sha: str,
    model: Model,
    model_sha: str,
    tool_version: str,
    report_lang: str,
    reviews: str = "",
) -> str:
    """The fingerprint that decides whether a rerun may skip an input (`reviews`: a digest of its reviews)."""
    extra = {"reviews": reviews} if reviews else {}  # no review: the same fingerprint as before reviews existed
    blob = json.dumps(
        {
            **extra,
            "file": file_sha,
            "sidecar": _sidecar_sha256(item.path),
            "lang": item.lang or "",
            "meta": list(item.meta),
            "model": [model.id, model.version, model_sha],
            "tool": tool_version,
            "report_lang": report_lang,
        },
        sort_keys=True,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


_LANG_LINE = re.compile(r"^\s*#?\s*lang(?:uage)?\s*:\s*(\S+)", re.I | re.M)


def declared_language(item: BatchInput) -> str | None:
    """The language a statute declares (manifest, header or sidecar), read cheaply; None when unsaid."""
    if item.lang:
        return item.lang
    from statutes.readers import normalize_language

    p = Path(item.path)
    candidates = [p.with_name(p.name + ".meta"), p.with_suffix(".meta")]
    if p.suffix.lower() in (".txt", ".md", ".text"):
        candidates.insert(0, p)
    for c in candidates:
        try:
            with open(c, "rb") as fh:
                head = fh.read(2048).decode("utf-8", "ignore")
        except OSError:
            continue
        m = _LANG_LINE.search(head)
        if m:
            try:
                return normalize_language(m.group(1)) or None
            except Exception:
                return None
    return None
