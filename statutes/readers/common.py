"""What every reader shares: limits, one-line refusals, quiet third-party logs, line building."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NoReturn

from lxml import etree

from statutes.model import StatuteError


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50_000_000  # file size, checked by stat before reading
    max_pages: int = 5000  # PDF pages
    max_unzipped_bytes: int = 200_000_000  # DOCX: any member, and all members together
    max_zip_ratio: int = 100  # DOCX: uncompressed/compressed, for members over 1 MB
    max_zip_members: int = 10_000
    pdf_seconds: float = 600.0  # PDF text extraction, checked between pages
    max_page_content_bytes: int = 5_000_000  # PDF: one page's unpacked drawing instructions (~20 s to parse)


SUPPORTED_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".akn": "xml",
}

_HINTS = {
    ".doc": "legacy Word .doc is not supported; save it as .docx or PDF",
    ".rtf": "RTF is not supported; save it as .docx, PDF or plain text",
    ".odt": "OpenDocument is not supported; save it as .docx or PDF",
    ".docm": "macro-enabled Word files are not read; save it as .docx",
}


def _one_line(msg: str, limit: int = 400) -> str:
    msg = " ".join(str(msg).split())
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def _fail(name: str, reason: str) -> NoReturn:
    err = StatuteError(_one_line(f"{name}: {reason}"))
    err.__suppress_context__ = True  # the reason says it all; no chained library traceback
    raise err


def _size(n: int) -> str:
    return f"{n:,} bytes ({n / 1_000_000:.1f} MB)"


ENV_LIMITS = {
    "max_bytes": "MODELLAW_MAX_BYTES",
    "max_pages": "MODELLAW_MAX_PAGES",
    "pdf_seconds": "MODELLAW_PDF_SECONDS",
}


def _env_limit(key: str, name: str) -> int:
    """The limit from its environment variable (see SECURITY.md), else the Limits default."""
    var = ENV_LIMITS[key]
    raw = os.environ.get(var, "").strip()
    if not raw:
        return getattr(Limits, key)
    try:
        value = int(raw.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if value < 1:
        _fail(name, f"{var}={raw!r} is not a positive whole number")
    return value


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """pypdf and friends log warnings for every quirk of a damaged file; keep them off stderr."""
    loggers = [logging.getLogger(n) for n in ("pypdf", "charset_normalizer", "docx")]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, lvl in zip(loggers, saved, strict=True):
            lg.setLevel(lvl)


def _stat(p: Path, name: str) -> os.stat_result:
    """stat() with the one-line refusals every input shares."""
    try:
        return p.stat()
    except FileNotFoundError:
        _fail(name, "no such file")
    except OSError as exc:
        _fail(name, f"cannot read: {exc.strerror or exc}")


# ---------------------------------------------------------------------------------------
# line building shared by HTML, AKN and generic XML


_WS = re.compile(r"\s+")


class _Lines:
    """Accumulates inline text into lines; each emitted line ends with a newline.

    `prefix` is a pending number ("(1)", "3.") that is put in front of the next non-empty
    line, so a subsection's number and first words share a line as they do in print.
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.buf: list[str] = []
        self.prefix: str | None = None

    def add(self, s: str | None) -> None:
        if s:
            self.buf.append(s)

    def flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf)).strip()
        self.buf = []
        if not line:
            return
        if self.prefix:
            line = f"{self.prefix} {line}"
            self.prefix = None
        self._emit(line)

    def flush_prefix(self) -> None:
        self.flush()
        if self.prefix:
            p, self.prefix = self.prefix, None
            self._emit(p)

    def line(self, s: str) -> None:
        self.flush()
        s = _WS.sub(" ", s).strip()
        if s:
            self.buf = [s]
            self.flush()

    def _emit(self, line: str) -> None:
        self.out.append(line + "\n")
        self.pos += len(line) + 1

    def text(self) -> str:
        self.flush_prefix()
        return "".join(self.out)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
