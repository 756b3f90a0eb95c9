"""``/health`` (can queries be answered now?) and ``/status`` (what an operator watches): both
answer at once, never waiting for a query worker."""

from __future__ import annotations

import time

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from .. import __version__
from ..store import Backend

health_router = APIRouter(tags=["service"])


_STARTED = time.monotonic()


@health_router.get(
    "/health",
    summary="Whether queries can be answered now: 200, or 503 with the reason (never waits for a query worker)",
    responses={503: {"description": "The query workers or the remote SPARQL server cannot answer now"}},
)
async def health(request: Request) -> JSONResponse:
    backend: Backend = request.app.state.backend
    reason = await anyio.to_thread.run_sync(backend.unavailable)
    body = {"status": "ok" if reason is None else "unavailable", "version": backend.version, "store": backend.kind}
    return JSONResponse(body | ({"reason": reason} if reason else {}), status_code=200 if reason is None else 503)


@health_router.get(
    "/status",
    summary="For operators: version, uptime, query workers busy and idle, queue length, and whether what "
    "the pages read from the whole graph is computed in advance yet (warm: computing; done; incomplete: "
    "some left to their first visitor; stopped: the store could not answer)",
)
async def status(request: Request) -> JSONResponse:
    backend: Backend = request.app.state.backend
    return JSONResponse(
        {"version": backend.version, "uptime_s": round(time.monotonic() - _STARTED, 1), "software": __version__}
        | {"warm": request.app.state.warm}
        | backend.health()
    )
