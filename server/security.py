"""CSRF protection (double-submit token) and the security headers of every response.

A browser sends its cookies with any request, even one a hostile page makes, so a state-changing request
from a browser (one with an Origin, Referer or Sec-Fetch-Site header, or our cookie) must carry the token:
in the X-CSRF-Token header (the page's scripts) or the `csrf_token` form field (its plain forms), equal to
the HttpOnly cookie set with the page; a cross-origin Origin is refused outright. A request with none of
those headers and no cookie comes from a program (curl, a script), which no web page can make a browser
send, so the API stays usable from the command line.
"""

from __future__ import annotations

import hmac
import re
import secrets
from typing import Awaitable, Callable

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

CSRF_COOKIE = "modellaw_csrf"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,128}")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def csrf_token(request: Request) -> str:
    """The token of this browser (its cookie), or a new one."""
    token = request.cookies.get(CSRF_COOKIE, "")
    return token if _TOKEN.fullmatch(token) else secrets.token_urlsafe(32)


def _from_browser(request: Request) -> bool:
    h = request.headers
    return any(name in h for name in ("origin", "referer", "sec-fetch-site")) or CSRF_COOKIE in request.cookies


def require_csrf(request: Request, form_token: str = "") -> None:
    """Refuse (403) a state-changing browser request without the right token, or from another origin."""
    if not _from_browser(request):
        return
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin and origin != "null" and origin != own:
        raise HTTPException(403, f"cross-origin request from {origin} refused")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    supplied = request.headers.get("x-csrf-token") or form_token
    if not cookie or not supplied or not hmac.compare_digest(cookie.encode(), supplied.encode()):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    resp = await call_next(request)
    resp.headers.setdefault("Content-Security-Policy", CSP)
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    return resp
