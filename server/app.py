"""The web app: FastAPI routes for the page and its JSON API (docs/api.md).

    app = create_app(Path("assessments.sqlite"), resolve_model("tip-2009"))
    uvicorn.run(app, host="127.0.0.1", port=8765)

Uploads get the CLI's protections: the reader's size and page limits ($MODELLAW_MAX_BYTES...), an upload
over the size limit is cut off while it streams in (413), a format the readers do not take is refused
(415), a file they cannot read gives 422 with the reader's one-line reason. An uploaded name is shown,
never used as a path: the file is kept as uploads/<SHA-256><extension> beside the database, so an
assessment can be shown again after a restart. Unsafe requests from a browser need the CSRF token
(server/security.py); the page is served with a Content-Security-Policy allowing only its own files.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from pathlib import Path
from typing import Any

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from analysis.types import VERDICTS, Assessment
from modellaw.model import Model
from server.highlight import segments
from server.security import CSRF_COOKIE, csrf_token, require_csrf, security_headers
from statutes.model import Statute
from store import HistoryError, HistoryStore

HERE = Path(__file__).parent
STATUTE_LANGS = ("auto", "en", "fr", "es", "ar", "ru", "pt")
MAX_NOTE = 4000
MAX_NAME = 200
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


class UploadError(Exception):
    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status, self.detail = status, detail


def display_name(name: str | None) -> str:
    """An uploaded file's name for display only: its last path part, control and format characters dropped."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    return base.strip()[:MAX_NAME] or "upload"


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Site:
    """What the routes share: the database path, the model, the uploads folder and a small cache."""

    def __init__(self, db: Path, model: Model):
        self.db = Path(db)
        self.model = model
        self.uploads = self.db.parent / "uploads"
        self._cache: OrderedDict[int, tuple[Statute, Assessment]] = OrderedDict()
        self._lock = threading.Lock()

    def store(self) -> HistoryStore:
        return HistoryStore(self.db)

    # -- uploading -----------------------------------------------------------------------

    def save_upload(self, upload: UploadFile) -> tuple[Path, str]:
        """Stream the upload into uploads/<sha256><ext> under the size limit; (path, display name)."""
        from statutes.readers import _HINTS, SUPPORTED_EXTENSIONS, _env_limit

        name = display_name(upload.filename)
        ext = os.path.splitext(name)[1].lower()
        if ext in _HINTS:
            raise UploadError(415, f"{name}: {_HINTS[ext]}")
        if ext not in SUPPORTED_EXTENSIONS:
            raise UploadError(415, f"{name}: not a supported statute file ({' '.join(sorted(SUPPORTED_EXTENSIONS))})")
        limit = _env_limit("max_bytes", name)
        self.uploads.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.uploads, prefix=".upload-", suffix=ext)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := upload.file.read(1 << 20):
                    size += len(chunk)
                    if size > limit:
                        raise UploadError(413, f"{name}: file is over the {limit:,}-byte limit")
                    h.update(chunk)
                    out.write(chunk)
            if size == 0:
                raise UploadError(422, f"{name}: the file is empty")
            final = self.uploads / f"{h.hexdigest()}{ext}"
            os.replace(tmp, final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return final, name

    def assess_upload(self, upload: UploadFile, lang: str) -> int:
        """Read, assess and record an uploaded statute; its assessment id."""
        from analysis import assess
        from statutes import StatuteError, read_statute

        if lang not in STATUTE_LANGS:
            raise UploadError(422, f"lang {lang!r}: not one of {', '.join(STATUTE_LANGS)}")
        path, name = self.save_upload(upload)
        try:
            st = read_statute(path, lang=None if lang == "auto" else lang)
        except StatuteError as exc:
            path.unlink(missing_ok=True)  # a file that cannot be read is not kept (a readable copy would have read)
            reason = str(exc)
            if reason.startswith(str(path) + ": "):
                reason = reason[len(str(path)) + 2 :]
            raise UploadError(422, _one_line(f"{name}: {reason}")) from None
        if not st.meta.title:
            st.meta.title = os.path.splitext(name)[0]
        a = assess(st, self.model)
        with self.store() as db:
            aid = db.record(a, path=str(path), file_sha256=path.stem)  # stored under its bytes' SHA-256
            db.add_upload(aid, name, path.name, lang)
        self._remember(aid, st, a)
        return aid

    # -- reading back ----------------------------------------------------------------------

    def _remember(self, aid: int, st: Statute, a: Assessment) -> None:
        with self._lock:
            self._cache[aid] = (st, a)
            while len(self._cache) > 16:
                self._cache.popitem(last=False)

    def loaded(self, aid: int) -> tuple[Statute, Assessment, dict]:
        """The statute and the tool's assessment of an upload (read again after a restart), and its row."""
        from analysis import assess
        from statutes import StatuteError, read_statute

        with self.store() as db:
            up = db.upload(aid)
        if up is None:
            raise HTTPException(404, f"no assessment {aid}")
        with self._lock:
            hit = self._cache.get(aid)
        if hit is None:
            path = self.uploads / Path(up["stored"]).name
            try:
                st = read_statute(path, lang=None if up["lang"] in ("", "auto") else up["lang"])
            except StatuteError as exc:
                raise HTTPException(410, _one_line(f"{up['name']}: cannot be read again: {exc}")) from None
            if not st.meta.title:
                st.meta.title = os.path.splitext(up["name"])[0]
            hit = (st, assess(st, self.model))
            self._remember(aid, *hit)
        return hit[0], hit[1], up

    def reviewed(self, aid: int) -> tuple[Statute, Assessment, dict]:
        """As `loaded`, with the reviews in force applied."""
        from analysis.reviews import apply_reviews

        st, a, up = self.loaded(aid)
        with self.store() as db:
            reviews = db.reviews(a.statute_sha256, a.model.id)
        return st, apply_reviews(a, reviews), up


def assessment_json(aid: int, a: Assessment, up: dict) -> dict:
    from reports import assessment_to_dict

    return {"id": aid, **assessment_to_dict(a), "upload": {"name": up["name"], "uploaded": up["uploaded"]}}


def _environment(lang: str) -> Environment:
    from reports.i18n import translations

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]  # jinja2.ext.i18n
    return env


def _ui_lang(request: Request) -> str:
    from reports.i18n import normalize_lang

    try:
        return normalize_lang(request.query_params.get("lang") or "en")
    except ValueError:
        return "en"


def create_app(db: Path, model: Model, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app for one database and model; `allowed_hosts`: Host headers accepted (default: loopback names)."""
    from reports.i18n import VERDICT_LABELS, is_rtl, language_name, languages, translations
    from reports.view import build_view, textdir

    site = Site(db, model)
    try:  # fail now, with the reason, rather than at the first request
        site.store().close()
    except HistoryError:
        raise
    app = FastAPI(title="modellaw", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOOPBACK_HOSTS)
    app.middleware("http")(security_headers)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    envs: dict[str, Environment] = {}

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        lang = _ui_lang(request)
        env = envs.get(lang) or envs.setdefault(lang, _environment(lang))
        env.filters["textdir"] = textdir
        token = csrf_token(request)
        html = env.get_template(template).render(
            lang=lang,
            dir="rtl" if is_rtl(lang) else "ltr",
            languages=[(code, language_name(code, code)) for code in languages()],
            csrf=token,
            **ctx,
        )
        resp = HTMLResponse(html, status_code=status)
        resp.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
        return resp

    @app.exception_handler(UploadError)
    def _upload_error(request: Request, exc: UploadError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(HistoryError)
    def _db_error(request: Request, exc: HistoryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    # -- pages -------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        with site.store() as store:
            rows = store.uploads()
        return page(request, "list.html.j2", rows=rows, model=model, statute_langs=STATUTE_LANGS)

    @app.get("/assessments/{aid}", response_class=HTMLResponse)
    def assessment_page(request: Request, aid: int) -> HTMLResponse:
        st, a, up = site.reviewed(aid)
        lang = _ui_lang(request)
        view = build_view(a, lang)
        provisions = {p.id: p for g in (*view.gaps, *view.covered) for p in g.provisions}
        ordered = [provisions[v.provision.id] for v in a.verdicts if v.provision.id in provisions]
        return page(
            request,
            "assessment.html.j2",
            aid=aid,
            r=view,
            upload=up,
            provisions=ordered,
            segments=segments(st.text, a),
            verdicts=[(v, translations(lang).gettext(VERDICT_LABELS[v])) for v in VERDICTS],
        )

    @app.post("/assessments")
    def upload_form(
        request: Request, file: UploadFile = File(...), lang: str = Form("auto"), csrf_token: str = Form("")
    ) -> Response:
        require_csrf(request, csrf_token)
        aid = site.assess_upload(file, lang)
        return RedirectResponse(f"/assessments/{aid}", status_code=303)

    # -- JSON API ----------------------------------------------------------------------

    @app.get("/api/assessments")
    def list_assessments() -> JSONResponse:
        with site.store() as store:
            rows = store.uploads()
        return JSONResponse(
            [
                {
                    "id": r["id"],
                    "name": r["upload"]["name"],
                    "title": r["title"],
                    "country": r["country"],
                    "created": r["created"],
                    "covered": r["covered"],
                    "partial": r["partial"],
                    "missing": r["missing"],
                    "mandatory_gaps": r["mandatory_gaps"],
                    "reviews": r["review_count"],
                }
                for r in rows
            ]
        )

    @app.post("/api/assessments", status_code=201)
    def create_assessment(
        request: Request, file: UploadFile | None = File(None), lang: str = Form("auto")
    ) -> JSONResponse:
        require_csrf(request)
        if file is None:
            raise UploadError(400, "no file: send the statute as the multipart field 'file'")
        aid = site.assess_upload(file, lang)
        _, a, up = site.reviewed(aid)
        return JSONResponse(
            assessment_json(aid, a, up), status_code=201, headers={"Location": f"/api/assessments/{aid}"}
        )

    @app.get("/api/assessments/{aid}")
    def get_assessment(aid: int) -> JSONResponse:
        _, a, up = site.reviewed(aid)
        return JSONResponse(assessment_json(aid, a, up))

    @app.post("/api/assessments/{aid}/reviews", status_code=201)
    async def add_review(request: Request, aid: int) -> JSONResponse:
        require_csrf(request)
        try:
            body = json.loads(await request.body() or b"null")
        except ValueError:
            raise UploadError(400, "the body is not JSON: send {key, verdict, note, reviewer}") from None
        if not isinstance(body, dict):
            raise UploadError(400, "send a JSON object {key, verdict, note, reviewer}")
        key, verdict = body.get("key"), body.get("verdict")
        note, reviewer = body.get("note") or "", body.get("reviewer") or ""
        if not all(isinstance(x, str) for x in (key, verdict, note, reviewer)):
            raise UploadError(422, "key, verdict, note and reviewer must be strings")
        _, a, _ = site.loaded(aid)
        if key not in {k for v in a.verdicts for k in v.provision.keys}:
            raise UploadError(422, f"key {key!r}: not a protection key of {a.model.id}")
        if verdict not in VERDICTS:
            raise UploadError(422, f"verdict {verdict!r}: not one of {', '.join(VERDICTS)}")
        if len(note) > MAX_NOTE or len(reviewer) > MAX_NAME:
            raise UploadError(422, f"note over {MAX_NOTE} or reviewer over {MAX_NAME} characters")
        with site.store() as store:
            rid = store.add_review(a.statute_sha256, a.model.id, key, verdict, note=note, reviewer=reviewer)
            current = store.reviews(a.statute_sha256, a.model.id)[key]
        tool = a.key_verdicts().get(key)
        return JSONResponse(
            {
                "id": rid,
                "assessment": aid,
                "key": key,
                "verdict": current.verdict,
                "note": current.note,
                "reviewer": current.reviewer,
                "at": current.at,
                "tool_verdict": tool,
            },
            status_code=201,
        )

    return app
