"""OCR for PDF pages without a text layer: pages rendered with pypdfium2, read by Tesseract.

Tesseract is a system program (Debian: `tesseract-ocr` plus `tesseract-ocr-<lang>` data), called
through pytesseract. The statute's language picks the Tesseract model; when it is not known, the
first page is read with all six models together, the language is detected from that text, and
every page (the first again) is read with the detected language's model alone.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NoReturn

from statutes.readers.common import _fail

if TYPE_CHECKING:
    from PIL.Image import Image

OCR_MODES = ("auto", "always", "never")
OCR_ENV = "MODELLAW_OCR"
# ISO 639-1 (the statute languages) -> Tesseract's traineddata names (ISO 639-2/T)
TESSERACT_LANGS = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "ru": "rus", "pt": "por"}
DPI = 300  # Tesseract's documented sweet spot for printed text
MAX_PIXELS = 40_000_000  # one rendered page (an A4 page at 300 dpi is 8.7 million): a huge MediaBox is scaled down


@dataclass(frozen=True)
class OcrOptions:
    mode: str = "auto"  # auto: pages without a text layer; always: every page; never: no OCR
    lang: str | None = None  # the statute's language (en, fr, es, ar, ru, pt), if known
    progress: bool | None = None  # a progress bar on stderr; None: only when stderr is a terminal


def ocr_mode(value: str | None, name: str) -> str:
    """The OCR mode: `value`, else $MODELLAW_OCR, else auto; a bad value is a one-line refusal."""
    raw = value if value is not None else os.environ.get(OCR_ENV, "").strip() or "auto"
    mode = raw.strip().lower()
    if mode not in OCR_MODES:
        source = "--ocr" if value is not None else OCR_ENV
        _fail(name, f"{source}={raw!r} is not one of {', '.join(OCR_MODES)}")
    return mode


def install_hint(lang: str | None = None) -> str:
    data = f"tesseract-ocr-{TESSERACT_LANGS[lang]}" if lang in TESSERACT_LANGS else "tesseract-ocr-<lang>"
    return f"apt-get install tesseract-ocr {data}"


def tesseract_found() -> bool:
    return shutil.which("tesseract") is not None


def _installed_languages(name: str) -> set[str]:
    import pytesseract

    try:
        return set(pytesseract.get_languages(config=""))
    except (OSError, RuntimeError, pytesseract.TesseractError) as exc:
        _fail(name, f"Tesseract does not run ({exc}); reinstall it: {install_hint()}")


def _render(pdf: object, index: int) -> Image:
    """Page `index` of a pypdfium2 document as a greyscale image at DPI, capped at MAX_PIXELS."""
    page = pdf[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        scale = DPI / 72
        area = max(width * height, 1.0)
        if area * scale * scale > MAX_PIXELS:
            scale = math.sqrt(MAX_PIXELS / area)
        bitmap = page.render(scale=scale, grayscale=True)
        return bitmap.to_pil()
    finally:
        page.close()


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """Tesseract's OpenMP threads slow it down several times on a busy machine: one thread per call."""
    saved = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = saved or "1"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)


def _blank(image: Image) -> bool:
    """A page without ink (no pixel darker than light grey): nothing for Tesseract to read."""
    low = image.getextrema()[0]  # a greyscale image: (darkest, lightest)
    return isinstance(low, (int, float)) and low >= 200


def ocr_pages(
    path: Path, name: str, pages: list[int], total: int, opts: OcrOptions, deadline: float, seconds: float
) -> tuple[dict[int, str], str]:
    """Text of the 0-based `pages` of a PDF by OCR, and the language read in; checks the time budget.

    Raises StatuteError (one line) when Tesseract or the language's data is missing, or when the
    budget shared with text extraction ($MODELLAW_PDF_SECONDS) runs out.
    """
    from statutes.lang import detect_language

    if not tesseract_found():
        _fail(name, f"PDF has no text layer (scanned image?); OCR needs Tesseract: {install_hint(opts.lang)}")
    import pypdfium2
    import pytesseract

    installed = _installed_languages(name)
    pdf = pypdfium2.PdfDocument(str(path))
    show = opts.progress if opts.progress is not None else sys.stderr.isatty()

    def read(index: int, image: Image, models: str) -> str:
        left = deadline - time.monotonic()
        if left <= 0:
            _out_of_time(index)
        try:
            with _one_thread():
                text = pytesseract.image_to_string(image, lang=models, timeout=max(1, math.ceil(left)))
        except RuntimeError as exc:  # pytesseract's timeout
            if "timeout" in str(exc).lower():
                _out_of_time(index)
            raise
        return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")

    def _out_of_time(index: int) -> NoReturn:
        _fail(
            name,
            f"PDF OCR took over {seconds:.0f} s (stopped at page {index + 1} of {total}); "
            "raise MODELLAW_PDF_SECONDS or use --ocr never",
        )

    def model_for(lang: str) -> str:
        code = TESSERACT_LANGS[lang]
        if code not in installed:
            _fail(name, f"Tesseract has no '{code}' language data for OCR; {install_hint(lang)}")
        return code

    try:
        lang = opts.lang if opts.lang in TESSERACT_LANGS else None
        models = model_for(lang) if lang else ""
        every = "+".join(code for code in TESSERACT_LANGS.values() if code in installed)
        from tqdm import tqdm

        out: dict[int, str] = {}
        with tqdm(total=len(pages), desc=f"OCR {path.name}", unit="page", file=sys.stderr, disable=not show) as bar:
            for index in pages:
                if time.monotonic() > deadline:
                    _out_of_time(index)
                image = _render(pdf, index)
                if _blank(image):
                    out[index] = ""
                else:
                    if not models:  # the first page with ink: every model at once, then the language detected
                        if not every:
                            _fail(name, f"Tesseract has no language data for OCR; {install_hint()}")
                        lang = detect_language(read(index, image, every))
                        models = model_for(lang)
                    out[index] = read(index, image, models)
                bar.update(1)
        return out, lang or ""
    finally:
        pdf.close()
