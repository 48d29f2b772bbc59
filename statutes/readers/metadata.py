"""Statute metadata outside the text: the "# key: value" header block, NAME.meta sidecars, manifest CSVs."""

from __future__ import annotations

import csv
import io
import re
import stat as stat_mod
from pathlib import Path

from statutes.model import StatuteError, StatuteMeta
from statutes.readers.common import _fail, _size, _stat
from statutes.readers.encoding import decode_text

_HEADER_LINE = re.compile(r"^#\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_HEADER_END = re.compile(r"^#\s*-{3,}\s*$")
_KNOWN_KEYS = {
    "country",
    "title",
    "year",
    "language",
    "lang",
    "source",
    "completeness",
    "date",
    "number",
    "jurisdiction",
    "short_title",
    "citation",
    "format",
    "note",
    "notes",
    "url",
    "version",
}

_LANG_ALIASES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "es": "es",
    "spa": "es",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "castellano": "es",
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "العربية": "ar",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "русский": "ru",
    "pt": "pt",
    "por": "pt",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
}


def normalize_language(value: str) -> str:
    v = value.strip().lower().replace("_", "-")
    if not v:
        return ""
    if v in _LANG_ALIASES:
        return _LANG_ALIASES[v]
    base = v.split("-")[0]
    return _LANG_ALIASES.get(base, v)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading "# key: value" block (ended by "# ---") from the text.

    A block without the "# ---" end line counts only if all its keys are known header keys
    and there are at least two, so a Markdown "# Title" or a lone "# Note: ..." stays text.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    fields: dict[str, str] = {}
    keys_ok = True
    j = i
    while j < len(lines):
        line = lines[j].strip()
        if _HEADER_END.match(line):
            if fields:
                return fields, "\n".join(lines[j + 1 :]).lstrip("\n")
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        key = m.group(1).lower().replace("-", "_")
        keys_ok &= key in _KNOWN_KEYS
        fields.setdefault(key, m.group(2))
        j += 1
    if fields and keys_ok and len(fields) >= 2:
        return fields, "\n".join(lines[j:]).lstrip("\n")
    return {}, text


def _apply_fields(meta: StatuteMeta, fields: dict[str, str], overwrite: bool) -> None:
    for key, value in fields.items():
        value = value.strip()
        if not value:
            continue
        if key in ("lang", "language"):
            key, value = "language", normalize_language(value)
        if key == "date" and not meta.year:
            m = re.search(r"\b(1[89]\d\d|20\d\d)\b", value)
            if m:
                meta.year = m.group(1)
        if key in ("title", "country", "year", "language", "source"):
            if overwrite or not getattr(meta, key):
                setattr(meta, key, value)
        elif overwrite or key not in meta.extra:
            meta.extra[key] = value


def _sidecar_paths(p: Path) -> list[Path]:
    return [p.with_name(p.name + ".meta"), p.with_suffix(".meta")]


def _apply_sidecar(p: Path, name: str, meta: StatuteMeta) -> None:
    """NAME.meta beside the file: the same "# key: value" lines as a text header."""
    for sp in _sidecar_paths(p):
        if sp == p or not sp.is_file():
            continue
        try:
            if sp.stat().st_size > 1_000_000:
                _fail(name, f"sidecar metadata {sp} is over 1 MB")
            raw = sp.read_bytes()
        except OSError as exc:
            _fail(name, f"cannot read sidecar metadata {sp}: {exc.strerror or exc}")
        try:
            text, _ = decode_text(raw, str(sp)) if raw.strip() else ("", "")
        except StatuteError as exc:
            _fail(name, f"sidecar metadata {exc}")
        fields: dict[str, str] = {}
        for line in text.replace("\r\n", "\n").split("\n"):
            s = line.strip()
            if not s or _HEADER_END.match(s) or s == "---":
                continue
            m = _HEADER_LINE.match(s if s.startswith("#") else "# " + s)
            if m:
                fields.setdefault(m.group(1).lower().replace("-", "_"), m.group(2))
        _apply_fields(meta, fields, overwrite=True)
        meta.extra["sidecar"] = str(sp)
        return


MANIFEST_COLUMNS = ("country", "title", "year", "language", "path")


def read_manifest(path: str | Path) -> list[dict]:
    """Rows of a manifest CSV (country,title,year,language,path), paths resolved against its folder."""
    p = Path(path)
    name = str(path)
    st = _stat(p, name)
    if not stat_mod.S_ISREG(st.st_mode):
        _fail(name, "is not a regular file")
    if st.st_size > 10_000_000:
        _fail(name, f"manifest is {_size(st.st_size)}, over the 10 MB limit")
    text, _ = decode_text(p.read_bytes(), name) if st.st_size else ("", "")
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    try:
        header = next(reader)
    except StopIteration:
        _fail(name, "empty manifest")
    except csv.Error as exc:
        _fail(name, f"malformed CSV: {exc}")
    cols = [c.strip().lower() for c in header]
    if "path" not in cols:
        _fail(name, f"manifest has no 'path' column (expected {','.join(MANIFEST_COLUMNS)})")
    rows: list[dict] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if len(row) > len(cols):
                _fail(f"{name}:{line}", f"{len(row)} fields, but the header has {len(cols)}")
            rec = {c: "" for c in MANIFEST_COLUMNS}
            # a short row leaves its trailing columns empty (a long one was refused above)
            rec.update({c: v.strip() for c, v in zip(cols, row, strict=False)})
            if not rec["path"]:
                _fail(f"{name}:{line}", "empty path")
            target = Path(rec["path"])
            rec["path"] = str(target if target.is_absolute() else p.parent / target)
            rec["language"] = normalize_language(rec["language"])
            rows.append(rec)
    except csv.Error as exc:
        _fail(f"{name}:{reader.line_num}", f"malformed CSV: {exc}")
    return rows
