"""What protects the service from its clients, below the routes: who is asking, which methods a
path allows, and how long a client may take to send a request.

- ``Guard`` (middleware): names the client (its address) for the store's fair sharing of the
  query workers (``store.pool.CLIENT``); answers ``OPTIONS`` with every method the path allows
  (``Allow``), and gives a 405 the same list (a path served by several routes, as ``/sparql`` is by
  GET and POST, otherwise lists only the first route's).
- ``return_freed_memory()``: the server's memory falls back when large answers are done.
- ``protocol(read_timeout)``: uvicorn's HTTP/1.1 protocol with a time limit on a request's head:
  a client that has not sent a whole request line and headers within ``read_timeout`` seconds of
  connecting (or of its previous answer) is disconnected, so that half-sent requests cannot hold
  connections open (slowloris). The body's time limit is the reader's (``sparql.endpoint``).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..store.pool import CLIENT


class Guard:
    def __init__(self, app: ASGIApp, router: Any) -> None:
        self.app = app
        self.router = router

    def allowed(self, scope: Scope) -> str:
        methods: set[str] = set()
        for route in _routes(self.router):
            match, _ = route.matches(scope)
            if match is not Match.NONE:
                methods |= set(getattr(route, "methods", None) or ())
        if "GET" in methods:
            methods.add("HEAD")
        return ", ".join(sorted(methods | {"OPTIONS"}))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        CLIENT.set(client[0] if client else "")
        if scope["method"] == "OPTIONS":  # a CORS preflight never gets here: the CORS middleware answers it
            await Response(status_code=204, headers={"Allow": self.allowed(scope)})(scope, receive, send)
            return

        async def send_with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                MutableHeaders(scope=message)["Allow"] = self.allowed(scope)
            await send(message)

        await self.app(scope, receive, send_with_allow)


def _routes(router: Any) -> list[Any]:
    """Every route of a router, through the routers it includes (all included without a prefix here)."""
    out = []
    for route in router.routes:
        inner = getattr(route, "original_router", None)  # FastAPI keeps an included router whole
        out += _routes(inner) if inner is not None else [route]
    return out


class _HeadTimeout(H11Protocol):
    read_timeout = 10.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.read_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if self.cycle is None or self.cycle.response_complete:  # no request being answered: it never came whole
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def handle_events(self) -> None:
        before = self.cycle
        super().handle_events()
        if self.cycle is not before:  # a whole head arrived: the app has the request now
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def return_freed_memory() -> None:
    """Have glibc give large freed buffers (answers) back to the system at once: without this its
    mmap threshold grows with the first large free, and later answers come from a heap that does not
    shrink, so the server would stay as large as its busiest moment."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
        libc.mallopt(_M_TRIM_THRESHOLD, 128 * 1024)


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def protocol(read_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol that disconnects a client whose request head is not whole in ``read_timeout`` s."""
    return type("HeadTimeoutProtocol", (_HeadTimeout,), {"read_timeout": read_timeout})
