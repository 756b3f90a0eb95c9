"""Where the graph is queried: the embedded pyoxigraph store, or a remote SPARQL 1.1 server.

`open_backend(settings)` starts the one the settings ask for (`settings.endpoint` set: remote);
both are `Backend`s (see `backend.py` for the interface the web routers use).
"""
from __future__ import annotations

from ..settings import Settings
from .backend import Backend, Payload
from .local import LocalBackend
from .pool import StoreError

__all__ = ["Backend", "LocalBackend", "Payload", "StoreError", "open_backend"]


def open_backend(settings: Settings) -> Backend:
    """Start the query workers for the configured store; raises StoreError when it cannot start."""
    if settings.remote:
        from .remote import RemoteBackend

        return RemoteBackend(settings)
    from .embedded import EmbeddedBackend

    return EmbeddedBackend(settings)
