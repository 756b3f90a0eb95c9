"""Where the graph is queried: the embedded pyoxigraph store, a remote SPARQL 1.1 server, or a store in this process.

``open_backend(settings, release, version)`` starts the one the settings ask for (``settings.endpoint``
set: remote) over a built release; every one is a ``Backend`` (see ``backend.py``). Failures are
``store.errors``, which carry no HTTP status (``acuerdos.http`` maps them).
"""

from __future__ import annotations

from ..project import Release
from ..settings import Settings
from .backend import Backend, Payload, PooledBackend, ResultGraph
from .errors import (
    BadQuery,
    QueryError,
    QueryFailed,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreBusy,
    StoreError,
    UpstreamError,
    UpstreamTimeout,
    WrongQueryForm,
)
from .local import LocalBackend

__all__ = [
    "Backend",
    "BadQuery",
    "LocalBackend",
    "Payload",
    "PooledBackend",
    "QueryError",
    "QueryFailed",
    "QueryRefused",
    "QuerySyntaxError",
    "QueryTimeout",
    "ResultGraph",
    "StoreBusy",
    "StoreError",
    "UpstreamError",
    "UpstreamTimeout",
    "WrongQueryForm",
    "open_backend",
]


def open_backend(settings: Settings, release: Release, version: str) -> Backend:
    """Start the query workers for the configured store; a StoreError when it cannot start.

    The embedded store loads the release's N-Quads; a remote one answers from its server. ``version``
    is the release's (read from its manifest once, by ``site.Site``): the ETags and the pages show it.
    """
    if settings.remote:
        from .remote import RemoteBackend

        return RemoteBackend(settings, version)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(settings, release, version)
