"""What every HTTP answer of the service shares: ETags, conditional requests, and errors as statuses.

The layers below raise errors that know nothing of HTTP (``store.errors``, the format errors of
``acuerdos.errors``); the SPARQL protocol's own errors carry their status (``sparql.errors``).
``status_of`` is the one mapping from an error to its status, and ``error_response`` the one
plain-text answer: the message for the person who sent the request, never a trace.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response

from .errors import BadFormatError, NotAcceptableError, UserError
from .store.errors import (
    BadQuery,
    ClientBusy,
    QueryError,
    QueryFailed,
    QueryRefused,
    QueryTimeout,
    StoreBusy,
    StoreError,
    UpstreamError,
    UpstreamTimeout,
)

log = logging.getLogger("acuerdos.web")

# most specific first: the first class an error is an instance of gives its status
_STATUS: tuple[tuple[type[BaseException], int], ...] = (
    (BadQuery, 400),
    (QueryRefused, 403),
    (QueryTimeout, 503),
    (ClientBusy, 429),
    (StoreBusy, 503),
    (UpstreamError, 502),
    (UpstreamTimeout, 504),
    (QueryFailed, 500),
    (QueryError, 500),
    (StoreError, 503),
    (NotAcceptableError, 406),
    (BadFormatError, 400),
)


# --- conditional requests ---------------------------------------------------------------------------


def etag_for(version: str, *parts: object) -> str:
    """A strong ETag: the data version, and a digest of what else makes this representation."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f'"{version}-{digest}"'


def matches_etag(request: Request, etag: str) -> bool:
    """Whether If-None-Match names this ETag (or is `*`); weak and strong tags compare alike."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in header.split(","))


def cache_headers(etag: str, vary: str = "Accept, Accept-Language", version: str = "") -> dict[str, str]:
    """Revalidate every time (the data can change on restart), with the ETag that makes it cheap."""
    headers = {"ETag": etag, "Vary": vary, "Cache-Control": "no-cache"}
    if version:
        headers["X-Data-Version"] = version
    return headers


def not_modified(headers: Mapping[str, str]) -> Response:
    return Response(status_code=304, headers=dict(headers))


# --- errors ------------------------------------------------------------------------------------------


def status_of(exc: BaseException) -> int:
    """The HTTP status an error is answered with: 400 for a user's mistake we do not know better, 500 for a bug."""
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    own = getattr(exc, "status", None)  # a protocol error (sparql.errors) says its own
    if isinstance(own, int):
        return own
    return 400 if isinstance(exc, UserError) else 500


RETRY_AFTER = 2  # seconds, when an overloaded or timed-out store says no better


def _headers(exc: BaseException) -> dict[str, str]:
    """Retry-After on every refusal for load (429, and 503: busy, queue full, time limit, worker lost)."""
    if isinstance(exc, StoreBusy | QueryTimeout):
        return {"Retry-After": str(getattr(exc, "retry_after", None) or RETRY_AFTER)}
    return {}


def error_response(exc: BaseException) -> Response:
    """The plain-text answer to an error: its message and status (a bug says only that it happened)."""
    status = status_of(exc)
    if not isinstance(exc, UserError):
        return PlainTextResponse("Internal server error.\n", status_code=status)
    return PlainTextResponse(exc.message.rstrip("\n") + "\n", status_code=status, headers=_headers(exc))


async def error_handler(request: Request, exc: Exception) -> Response:
    """For ``app.add_exception_handler(UserError, …)`` and ``(Exception, …)``: a bug is logged, never shown."""
    if not isinstance(exc, UserError):
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(exc)
