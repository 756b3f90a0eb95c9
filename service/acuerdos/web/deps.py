"""What a request handler needs from the app: the site built at start-up, the backend, the root path.

Handlers take them from ``request.app.state`` (set once by ``app.create_app``); nothing here is
global. ``PerVersion`` is where a value derived from the whole graph (the search index, the
dataset's figures) is kept: one value, recomputed when the data version changes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from fastapi import APIRouter, Request

from ..site import Site
from ..store import Backend

T = TypeVar("T")
log = logging.getLogger("acuerdos.web")


def get_site(request: Request) -> Site:
    """FastAPI dependency: what was read once at start-up (settings, base, release, queries, shapes)."""
    site: Site = request.app.state.site
    return site


def get_backend(request: Request) -> Backend:
    """FastAPI dependency: the store the app queries (embedded or remote)."""
    backend: Backend = request.app.state.backend
    return backend


def root_of(request: Request) -> str:
    """The path the app is mounted under ('' at the root of the host)."""
    return str(request.scope.get("root_path") or "").rstrip("/")


def data_version(backend: Backend) -> str:
    """The data version for pages and ETags ('' from a remote store that cannot say: pages still work)."""
    try:
        return str(backend.version or "")
    except Exception:
        return ""


class PerVersion(Generic[T]):
    """One value computed from the graph, kept until the data version changes.

    One computation at a time: at a million triples an explorer's collection takes seconds, and the
    visitors who arrive meanwhile wait for it instead of each starting their own."""

    def __init__(self, name: str, compute: Callable[[Backend, Site], T]) -> None:
        self.name = name
        self._compute = compute
        self._lock = threading.Lock()  # guards the kept value
        self._computing = threading.Lock()  # held while computing
        self._version: str | None = None
        self._value: T | None = None

    def _kept(self, version: str) -> T | None:
        with self._lock:
            return self._value if self._version == version else None

    def get(self, backend: Backend, site: Site) -> T:
        version = data_version(backend)
        value = self._kept(version)
        if value is None:
            with self._computing:
                value = self._kept(version)  # computed while this thread waited
                if value is None:
                    started = time.perf_counter()
                    value = self._compute(backend, site)
                    seconds = time.perf_counter() - started
                    log.info("%s computed for data version %r in %.1f s", self.name, version, seconds)
                    with self._lock:
                        self._version, self._value = version, value
        return value

    def of(self, request: Request) -> T:
        """The value for a request's app (its backend and site)."""
        return self.get(get_backend(request), get_site(request))


def kept_value(request: Request, name: str) -> Any:
    """The value named ``name`` among those the app keeps per data version (``app.state.kept``)."""
    value: PerVersion[Any] = request.app.state.kept[name]
    return value.of(request)


def get_and_head(target: APIRouter, path: str, **options: Any) -> Callable:
    """Register a GET operation (in the OpenAPI document) that also answers HEAD (not listed twice)."""

    def register(function: Callable) -> Callable:
        target.add_api_route(path, function, methods=["GET"], **options)
        target.add_api_route(path, function, methods=["HEAD"], include_in_schema=False)
        return function

    return register
