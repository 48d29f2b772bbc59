"""Shared helpers for the security tests: a request-recording HTTP server on 127.0.0.1, the reader
fixture builders, and one-line-refusal checks."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.readers_support import build, refused  # noqa: F401  (re-exported to the security tests)

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures"
MINI_MODEL = FIX / "models" / "mini.xml"
STATUTES = FIX / "statutes"
SAMPLE = ROOT / "data" / "samples" / "ke-counter-trafficking-2010-excerpt.txt"


class Recorder:
    """An HTTP server on 127.0.0.1 that answers everything and records every request made to it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        rec = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                rec.append(f"{self.command} {self.path}")
                if self.path.endswith(".dtd"):
                    body = b'<!ENTITY leak "FETCHED-OVER-HTTP">'
                elif self.path.endswith((".xsl", ".xslt")):
                    body = (
                        b'<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                        b'<xsl:template match="/"><x>FETCHED-OVER-HTTP</x></xsl:template></xsl:stylesheet>'
                    )
                else:
                    body = b"FETCHED-OVER-HTTP"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_POST = do_HEAD = _answer

            def log_message(self, *args):  # keep the test output clean
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Recorder":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def assert_no_request(self) -> None:
        time.sleep(0.2)  # a request in flight would be recorded by now
        assert self.requests == [], f"requests were made: {self.requests}"

    def probe(self) -> None:
        """The server works: a real request is recorded (so zero recorded requests means something)."""
        import urllib.request

        with urllib.request.urlopen(self.url + "/probe", timeout=5) as r:
            assert r.read() == b"FETCHED-OVER-HTTP"
        assert self.requests == ["GET /probe"]
        self.requests.clear()


@pytest.fixture
def http_recorder():
    with Recorder() as rec:
        rec.probe()
        yield rec


# ---------------------------------------------------------------------------------------
# the CLI, as a user runs it


def modellaw_exe() -> list[str]:
    exe = Path(sys.executable).with_name("modellaw")
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "import cli; cli.app()"]


def run_cli(
    *args, env: dict | None = None, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if not k.startswith("MODELLAW_")}
    e.update({"COLUMNS": "100", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    e.update(env or {})
    return subprocess.run(
        [*modellaw_exe(), *map(str, args)],
        capture_output=True,
        text=True,
        env=e,
        cwd=cwd or ROOT,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def one_line_error(proc: subprocess.CompletedProcess, *words: str) -> str:
    """stderr is exactly one line "modellaw: error: ...", naming `words`, with no traceback."""
    err = proc.stderr
    assert "Traceback" not in err and "Traceback" not in proc.stdout, err
    lines = err.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("modellaw: error: "), err
    for w in words:
        assert w.lower() in lines[0].lower(), err
    return lines[0]


# ---------------------------------------------------------------------------------------
# hand-made PDFs (byte-exact, so a test controls every object)


def raw_pdf(content: bytes, pages: int = 1, compress: bool = True) -> bytes:
    """A PDF whose `pages` pages all draw the same content stream (FlateDecode unless compress=False)."""
    import zlib

    data = zlib.compress(content, 9) if compress else content
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    filt = b" /Filter /FlateDecode" if compress else b""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d%s >>\nstream\n" % (len(data), filt) + data + b"\nendstream",
    ]
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font "
        b"/Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 3 0 R >>"
    )
    objs += [page] * pages
    return assemble_pdf(objs)


def assemble_pdf(objs: list[bytes]) -> bytes:
    """A PDF file of these objects (1 is the catalogue), with an exact cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


TEXT_OP = b"BT /F1 12 Tf 72 720 Td (Article 1. Trafficking in persons is an offence.) Tj ET\n"
