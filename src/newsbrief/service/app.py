"""``create_app(settings)``: the FastAPI app, a thin edge over the pure core.

Routes: ``POST /v1/brief`` (JSON or multipart files → the brief JSON of docs/json.md),
``GET /v1/info`` (version, limits, sections), ``GET /healthz``, ``GET /`` (the page, whose
assets are served from ``/static``; nothing comes from elsewhere), ``/openapi.json``.
Every error is JSON ``{"error": {"code", "message", "hint"}}`` with a 4xx status for bad
input; anything unexpected is a 500 with the same shape and no traceback.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsbrief import __version__
from newsbrief.analysis import SECTIONS
from newsbrief.errors import NewsbriefError
from newsbrief.service.intake import invalid, read_job
from newsbrief.service.limits import ServiceSettings, error_body, status_of
from newsbrief.service.runner import Runner
from newsbrief.service.schemas import (
    BriefRequest,
    BriefResponse,
    ErrorResponse,
    Health,
    Info,
    Limits,
)
from newsbrief.settings import Settings

log = logging.getLogger("newsbrief.service")
SETTINGS_VARIABLE = "NEWSBRIEF_SERVICE_SETTINGS"
STATIC = resources.files("newsbrief.service") / "static"
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
HTTP_CODES = {400: "E606", 404: "E604", 405: "E605", 413: "E610", 415: "E603"}
UPLOAD_SCHEMA = {
    "type": "object",
    "required": ["files"],
    "properties": {
        "files": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "format": "binary"},
            "description": "Article files: .txt (articles may be separated by |||||), .html, "
            ".json, .jsonl. Binary files are skipped with a notice.",
        },
        "words": {"type": "integer", "minimum": 1, "default": Settings.words},
        "sections": {"type": "array", "items": {"type": "string"}},
        "question": {"type": "string", "maxLength": 2000},
        "since": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "Earlier article files the reader has read: the brief tells only "
            "what is new.",
        },
    },
}
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": why}
    for status, why in {
        400: "Malformed JSON, a bad setting, or sections this server does not have",
        413: "Over a limit: body size, number of articles, characters per article",
        415: "Neither JSON nor multipart/form-data",
        422: "Wrong fields or types, or nothing to summarize",
        503: "The server is busy; retry",
        504: "The brief took longer than the server's time limit",
        500: "An internal error (never caused by bad input)",
    }.items()
}


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """The service, with its limits and brief settings (defaults: :class:`ServiceSettings`)."""
    settings = settings or ServiceSettings()
    runner = Runner(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsbrief",
        version=__version__,
        description="Multi-document news briefs in which every sentence cites its source.",
        docs_url=None,  # the interactive docs pull their assets from a CDN; this server must not
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.runner = runner
    _add_error_handlers(app)
    _add_routes(app, settings, runner)
    app.mount("/static", PageFiles(directory=str(STATIC)), name="static")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    import newsbrief.pipeline  # noqa: F401  (load the core now, not on the first request)

    runner.warm()  # the brief processes' fork server loads the core in the background

    return app


def create_app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory`` worker processes: settings from the environment.

    ``newsbrief serve --processes N`` passes its settings to its N processes this way.
    """
    raw = os.environ.get(SETTINGS_VARIABLE)
    return create_app(ServiceSettings(**json.loads(raw)) if raw else None)


def _add_routes(app: FastAPI, settings: ServiceSettings, runner: Runner) -> None:
    @app.post(
        "/v1/brief",
        summary="Brief articles about one story",
        response_model=None,
        responses={200: {"model": BriefResponse, "description": "The brief"}, **ERRORS},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/BriefRequest"}},
                    "multipart/form-data": {"schema": {"$ref": "#/components/schemas/Upload"}},
                },
            }
        },
    )
    async def post_brief(request: Request) -> Response:
        """The articles (JSON, or uploaded files) → the brief, as `newsbrief brief -f json`."""
        job = await read_job(request, settings, runner.brief_settings)
        return Response(await runner.run(job), media_type="application/json")

    @app.get("/v1/info", response_model=Info, summary="Version, limits and sections")
    async def info() -> Info:
        return Info(
            version=__version__,
            limits=Limits(**{name: getattr(settings, name) for name in Limits.model_fields}),
            sections=list(SECTIONS),
        )

    @app.get("/healthz", response_model=Health, summary="Liveness")
    async def healthz() -> Health:
        return Health(status="ok", version=__version__)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)  # type: ignore[arg-type]


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsbriefError)
    async def newsbrief_error(request: Request, exc: NewsbriefError) -> JSONResponse:
        status = status_of(exc)
        headers = {"Retry-After": "2"} if status == 503 else None
        return JSONResponse(error_body(exc.code, exc.message, exc.hint), status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        error = invalid(list(exc.errors()))
        return JSONResponse(error_body(error.code, error.message, error.hint), error.status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "E600")
        return JSONResponse(
            error_body(code, str(exc.detail).rstrip(".").lower()), exc.status_code, exc.headers
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body("E600", "internal error", "please report it; the server log has details"),
            500,
        )


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The generated schema, plus the two request bodies the brief route reads by hand."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    request = BriefRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(request.pop("$defs", {}))
    components["BriefRequest"] = request
    components["Upload"] = UPLOAD_SCHEMA
    app.openapi_schema = schema
    return schema


class PageFiles(StaticFiles):
    """The page's assets, with the page's security headers: ``/static/index.html`` is the page
    too, and must not be served without its Content-Security-Policy."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(PAGE_HEADERS)
        return response


class BodyLimit:
    """Refuse a request body over ``limit`` bytes (413) before anything parses it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit():
            await _send_error(send, 400, "E606", "the Content-Length header is not a number")
            return
        if int(declared) > self.limit:
            await self._refuse(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        await _send_error(
            send,
            413,
            "E610",
            f"the request body is over the limit of {self.limit:,} bytes",
            "send fewer or shorter articles per request",
        )


async def _send_error(send: Send, status: int, code: str, message: str, hint: str | None = None):
    body = json.dumps(error_body(code, message, hint)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
