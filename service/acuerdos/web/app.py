"""The FastAPI application: the site, the store, the routers, the limits that hold for every request.

`create_app(site)` returns the app for a `Site` (what was read once at start-up: settings, base,
release, queries, shapes), kept in `app.state.site`; on startup it starts the store's query
workers (unless handed a `Backend`) and keeps the backend in `app.state.backend` (handlers get both
through `web.deps`); on shutdown it stops them. The routers are built from the site in
`routers(site)`: the named-query operations come from the site's registry.

Every response: CORS open (anyone may read; the service changes nothing); request targets over
`settings.max_url` bytes get 414; the store's and the protocol's errors get their status and a
plain-text message (`acuerdos.http`); any other error a bare 500 (details to the log, never to the
client).
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

import anyio
import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.responses import PlainTextResponse
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import __version__
from ..errors import UserError
from ..http import error_handler
from ..queries import LANGS
from ..site import Site
from ..sparql.endpoint import LIMIT_HEADER, TRUNCATED_HEADER, VERSION_HEADER, make_router
from ..store import Backend, open_backend
from . import (
    charts,
    dataset,
    docs_ontology,
    docs_schemes,
    docs_shapes,
    drafts,
    home,
    resources,
    search,
    sitemap,
    source_text,
    sparql_form,
    tracker,
)
from .api_doc import install as complete_openapi
from .deps import PerVersion
from .explorer import router as explorer_router
from .explorer import with_landing_counts
from .explorer_meetings import router as meetings_router
from .explorer_url import DECISIONS, MEETINGS
from .facets import read_collection
from .guard import Guard, protocol, return_freed_memory
from .health import health_router
from .i18n import LanguageCookie
from .meeting_facets import read_meetings
from .query_api import build_router
from .vega import ChartCache

log = logging.getLogger("acuerdos.web")


def routers(site: Site) -> list[APIRouter]:
    """Every router the app mounts, in order. Extend this list to add one."""
    return [
        health_router,
        make_router(sparql_form.form_page),
        home.router,
        build_router(site.registry),
        docs_ontology.router,
        docs_schemes.router,
        docs_shapes.router,
        dataset.router,
        sitemap.router,
        search.router,
        explorer_router,
        meetings_router,
        charts.router,
        tracker.router,
        source_text.router,
        drafts.router,
        resources.router,  # last: its catch-all route answers every other IRI under the base
    ]


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


def create_app(site: Site, backend: Backend | None = None, extra_routers: Sequence[APIRouter] = ()) -> FastAPI:
    """The app for a site. Pass `backend` to serve one you own (else the app starts the site's)."""
    settings = site.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = backend is None
        app.state.backend = (
            backend
            if backend is not None
            else await anyio.to_thread.run_sync(open_backend, settings, site.release, site.version)
        )
        log.info("serving %s, data version %s", app.state.backend.description, app.state.backend.version)
        # threads wait for query workers (at most the queue and the workers): cheap routes keep as many more
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = max(limiter.total_tokens, 2 * (settings.queue + settings.worker_count) + 40)
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
    app.state.site = site
    app.state.settings = settings  # the /sparql route reads its limits here (sparql/ knows no Site)
    # everything read from the whole graph once per data version, by name (deps.kept_value), in the order
    # it is computed at start (warm): all in this one place, so that none is left to its first visitor
    app.state.kept = {
        "explorer": PerVersion(
            "the decisions explorer",
            lambda backend, site: with_landing_counts(read_collection(backend, site.base), DECISIONS),
        ),
        "explorer_meetings": PerVersion(
            "the meetings explorer",
            lambda backend, site: with_landing_counts(read_meetings(backend, site.base), MEETINGS),
        ),
        "search": PerVersion("the search index", lambda backend, _site: search.read_index(backend)),
        "sitemap": PerVersion("the sitemap", lambda backend, site: sitemap.resource_paths(backend, site.base)),
        "description": PerVersion("the dataset's description", dataset.read_description),
        "tracker_actors": PerVersion(
            "the tracker's actors", lambda backend, site: tracker.actors(backend, str(site.base))
        ),
        **charts.kept_chart_data(),
    }
    app.state.charts = ChartCache()  # rendered charts, per data version
    app.state.warm = "not asked"  # how `warm` is going: computing, done, incomplete, stopped
    if backend is not None:
        app.state.backend = backend
    # both: with only the catch-all, every 4xx would pass Starlette's error middleware (and log a traceback)
    app.add_exception_handler(UserError, error_handler)
    app.add_exception_handler(Exception, error_handler)
    for router in [*routers(site), *extra_routers]:
        app.include_router(router)
    complete_openapi(app)  # the statuses and content types that come from below the routes
    app.add_middleware(Guard, router=app.router)  # the client's address, OPTIONS and Allow
    app.add_middleware(LanguageCookie)  # ?lang= is remembered for the next pages
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


def uvicorn_config(site: Site, app: FastAPI | None = None) -> uvicorn.Config:
    """The uvicorn configuration `acuerdos serve` runs with (and the tests and the benchmark)."""
    settings = site.settings
    return uvicorn.Config(
        app or create_app(site),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=settings.log_level == "debug" or settings.log_level == "info",
        # let requests with long URLs reach the app, which answers 414 itself
        h11_max_incomplete_event_size=settings.max_url + 64 * 1024,
        http=protocol(settings.read_timeout),  # a request head not whole in read_timeout s: disconnected
        timeout_graceful_shutdown=5,
        # the client's address and scheme from a reverse proxy on these addresses (docs/publishing.md)
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


def kept_values(app: FastAPI) -> list[PerVersion]:
    """What the app reads from the whole graph once per data version, in the order it is computed at start."""
    return list(app.state.kept.values())


def warm(app: FastAPI) -> None:
    """Compute what the first visitor of the explorers, the search, the sitemap and the questions'
    forms would wait for (at a million triples, 25 s for the decisions explorer, 8 s for the
    choices of a decision), while the service already answers. One that fails (over the time
    limit, say) is left to its first visitor, who meets the same and is told; the others are still
    computed, unless the store itself cannot answer. /status says how it went (``app.state.warm``)."""
    backend, site = app.state.backend, app.state.site
    registry, failed = site.registry, 0
    tasks: list[tuple[str, Callable[[], object]]] = [
        (k.name, functools.partial(k.get, backend, site)) for k in kept_values(app)
    ]
    for query in registry.queries.values() if registry is not None else ():
        for name in (name for name, param in query.params.items() if param.options):
            for lang in LANGS:  # kept by the registry
                task = functools.partial(registry.grouped_options, query, name, backend, lang=lang)
                tasks.append((f"the choices of {query.name}.{name} ({lang})", task))
    started = time.perf_counter()
    for what, compute in tasks:
        try:
            compute()
        except Exception as exc:  # the first request for it meets the same and reports it
            log.warning("%s not computed in advance: %s", what, exc)
            failed += 1
            if backend.unavailable() is not None:
                app.state.warm = "stopped"
                return
    log.info("computed in advance: %d of %d in %.1f s", len(tasks) - failed, len(tasks), time.perf_counter() - started)
    app.state.warm = "incomplete" if failed else "done"


def serve(site: Site) -> None:
    """Run the service until interrupted (what `acuerdos serve` does).

    The store starts before the server does, so that a store that cannot start (no built dump, a
    bad endpoint URL) is reported as one clear error rather than a failed startup."""
    settings = site.settings
    logging.basicConfig(
        level=getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(levelname)s:     %(name)s: %(message)s",
    )
    return_freed_memory()
    backend = open_backend(settings, site.release, site.version)
    try:
        check = getattr(backend, "check", None)
        warning = check() if check is not None else None
        if warning:
            log.warning(warning)
        app = create_app(site, backend)
        app.state.warm = "computing"  # before the server answers: /status never says "not asked" then
        threading.Thread(target=warm, args=(app,), name="warm", daemon=True).start()
        uvicorn.Server(uvicorn_config(site, app)).run()
    finally:
        backend.close()
