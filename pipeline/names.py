"""Safe, readable file names for reports: any script kept, nothing that can climb out of its folder."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

__all__ = ["MAX_NAME_BYTES", "MAX_NAME_CHARS", "display_base", "name_fits", "safe_filename", "unique_name"]

_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CLOCK$",
        "CONIN$",
        "CONOUT$",
        *(f"COM{i}" for i in range(10)),
        *(f"LPT{i}" for i in range(10)),
    }
)
MAX_NAME_CHARS = 80
MAX_NAME_BYTES = 160  # UTF-8; leaves room for "-NN.html" under the usual 255-byte limit


def _fit(text: str, chars: int, nbytes: int) -> str:
    """`text` cut to at most `chars` characters and `nbytes` UTF-8 bytes, without a trailing separator."""
    text = text[:chars]
    while len(text.encode("utf-8")) > nbytes:
        text = text[:-1]
    # no trailing separator; no combining mark left without its base
    return text.rstrip("-_")


def safe_filename(name: str) -> str:
    """A readable file name (no extension) that is safe on every common file system.

    Letters, marks and digits of any script are kept (NFKC, then NFC), so "Российская Федерация"
    and "الأردن" stay readable; "-" is kept; anything else (slashes, dots, spaces, quotes, control and
    bidi characters) becomes "_" or is dropped, so no name can climb out of its folder ("../..") or be
    absolute. Windows device names (CON, NUL, COM1...) get a leading "_"; a name over 80 characters
    (or 160 UTF-8 bytes) is cut and ends with 8 hex digits of the full name's SHA-256, so long names
    stay distinct. An empty result is "unnamed".
    """
    text = unicodedata.normalize("NFKC", str(name or ""))
    out: list[str] = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            out.append(ch)
        elif cat[0] == "M":
            if out and out[-1] not in "-_":  # a mark only with its base letter
                out.append(ch)
        elif ch == "-":
            out.append("-")
        elif cat in ("Cf", "Cn", "Co", "Cs"):  # format (bidi, zero-width), unassigned, private, surrogate
            continue
        else:
            out.append("_")
    s = "".join(out)
    s = re.sub(r"[-_]*_[-_]*", "_", s)  # a run holding an underscore: one underscore
    s = re.sub(r"-{2,}", "-", s).strip("-_")
    s = unicodedata.normalize("NFC", s)
    if not s:
        return "unnamed"
    if len(s) > MAX_NAME_CHARS or len(s.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.sha256(str(name).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        s = _fit(s, MAX_NAME_CHARS - 9, MAX_NAME_BYTES - 9) + "-" + digest
    if s.upper() in _RESERVED:
        s = "_" + s
    return s


def unique_name(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `taken` (compared case-insensitively); adds it."""
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        suffix = f"-{n}"
        name = _fit(base, MAX_NAME_CHARS - len(suffix), MAX_NAME_BYTES - len(suffix)) + suffix
    taken.add(name.casefold())
    return name


def name_fits(stored: str, desired: str) -> bool:
    """Whether a report name given earlier (`desired`, or `desired-N` from unique_name) still fits."""
    if stored == desired:
        return True
    m = re.fullmatch(r".+(-\d+)", stored)
    if not m:
        return False
    suffix = m.group(1)
    return stored == _fit(desired, MAX_NAME_CHARS - len(suffix), MAX_NAME_BYTES - len(suffix)) + suffix


def display_base(country: str, title: str, year: str, path: str) -> str:
    """What a report is named after: country, title and year (unless the title has it), else the file name."""
    parts = [p for p in (country.strip(), title.strip()) if p]
    if parts and year and year not in title:
        parts.append(year)
    return " ".join(parts) if parts else Path(path).stem
