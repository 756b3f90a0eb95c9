"""The FastAPI application: the store, the routers, the limits that hold for every request.

`create_app(settings)` returns the app; on startup it starts the store's query workers
(`acuerdos.store.open_backend`) and keeps the `Backend` in `app.state.backend` (routers get it with
`Depends(acuerdos.web.get_backend)`), on shutdown it stops them. Every router the app serves is
listed in `routers()`: to add one, import it there and append it.

Every response: CORS open (anyone may read; the service changes nothing); request targets over
`settings.max_url` bytes get 414; `ApiError`s get their status and a plain-text message; any other
error a bare 500 (the details go to the log, never to the client).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import asynccontextmanager

import anyio
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import __version__
from ..errors import UserError
from ..http import error_handler
from ..project import Release
from ..settings import Settings
from ..sparql.endpoint import LIMIT_HEADER, TRUNCATED_HEADER, VERSION_HEADER
from ..store import Backend, open_backend

log = logging.getLogger("acuerdos.web")

health_router = APIRouter(tags=["service"])


@health_router.get("/health", summary="Liveness and data version (a constant JSON answer)")
async def health(request: Request) -> JSONResponse:
    backend: Backend = request.app.state.backend
    return JSONResponse({"status": "ok", "version": backend.version, "store": backend.kind})


def routers() -> list[APIRouter]:
    """Every router the app mounts, in order. Extend this list to add one."""
    from ..sparql.endpoint import make_router
    from . import dataset_description, docs, home, linked_data, queries_api, sparql_form

    sparql_router = make_router(form_page=sparql_form.form_page)

    # linked_data last: its catch-all route answers every other IRI under the base
    return [health_router, sparql_router, home.router, queries_api.queries_router, docs.router,
            dataset_description.router, linked_data.router]


class RequestTargetLimit:
    """414 for a request target (path and query string) longer than `max_url` bytes."""

    def __init__(self, app: ASGIApp, max_url: int) -> None:
        self.app = app
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string", b""))
            if size > self.max_url:
                response = PlainTextResponse(
                    f"The request URL ({size} bytes) is longer than the limit of {self.max_url} bytes: "
                    "send a long query by POST (form or application/sparql-query).\n",
                    status_code=414,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None, backend: Backend | None = None,
               extra_routers: Sequence[APIRouter] = ()) -> FastAPI:
    """The app for `settings` (default: from the environment). Pass `backend` to serve one you own."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        own = backend is None
        app.state.backend = backend if backend is not None else await anyio.to_thread.run_sync(
            open_backend, settings, Release(settings.dist_dir))
        log.info("serving %s, data version %s", app.state.backend.description, app.state.backend.version)
        check = getattr(app.state.backend, "check", None)
        if own and check is not None:
            warning = await anyio.to_thread.run_sync(check)
            if warning:
                log.warning(warning)
        try:
            yield
        finally:
            if own:
                await anyio.to_thread.run_sync(app.state.backend.close)

    app = FastAPI(
        title="acuerdos",
        version=__version__,
        description="Commitments of the CRM and the CSM, linked to the Global Compact for Migration: "
                    "SPARQL endpoint and linked data.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN, and no page may ask for anything elsewhere;
        redoc_url=None,  # the API is described by /openapi.json
    )
    app.state.settings = settings
    if backend is not None:
        app.state.backend = backend
    app.add_exception_handler(UserError, error_handler)
    app.add_exception_handler(Exception, error_handler)
    for router in [*routers(), *extra_routers]:
        app.include_router(router)
    app.add_middleware(RequestTargetLimit, max_url=settings.max_url)
    app.add_middleware(  # outermost: even a 414 or a 500 carries the CORS headers
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=[TRUNCATED_HEADER, LIMIT_HEADER, VERSION_HEADER, "Content-Disposition", "ETag", "Link"],
        max_age=86400,
    )
    return app


def uvicorn_config(settings: Settings, app: FastAPI | None = None):
    """The uvicorn configuration `acuerdos serve` runs with (and the tests and the benchmark)."""
    import uvicorn

    return uvicorn.Config(
        app or create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=settings.log_level == "debug" or settings.log_level == "info",
        # let requests with long URLs reach the app, which answers 414 itself
        h11_max_incomplete_event_size=settings.max_url + 64 * 1024,
        timeout_graceful_shutdown=5,
    )


def serve(settings: Settings) -> None:
    """Run the service until interrupted (what `acuerdos serve` does).

    The store starts before the server does, so that a store that cannot start (no built dump, a
    bad endpoint URL) is reported as one clear error rather than a failed startup."""
    import uvicorn

    logging.basicConfig(level=getattr(logging, settings.log_level.upper(), logging.INFO),
                        format="%(levelname)s:     %(name)s: %(message)s")
    backend = open_backend(settings, Release(settings.dist_dir))
    try:
        check = getattr(backend, "check", None)
        warning = check() if check is not None else None
        if warning:
            log.warning(warning)
        server = uvicorn.Server(uvicorn_config(settings, create_app(settings, backend)))
        server.run()
    finally:
        backend.close()
