"""The web service: `app.create_app(settings)` builds the FastAPI app; routers get what they need here.

A router reaches the graph through the app's `Backend` (see `acuerdos.store.backend`):

    from fastapi import APIRouter, Depends
    from acuerdos.web import get_backend, get_settings

    router = APIRouter()

    @router.get("/example")
    def example(backend=Depends(get_backend)):          # a sync route runs in a thread
        rows = backend.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
        return {"version": backend.version, "rows": len(rows)}

and is mounted by adding it to `app.routers()`. Errors raised as `acuerdos.sparql.errors.ApiError`
are answered with their status and message by the app.
"""
from __future__ import annotations

from fastapi import Request

from ..settings import Settings
from ..store.backend import Backend


def get_backend(request: Request) -> Backend:
    """FastAPI dependency: the store the app queries (embedded or remote)."""
    return request.app.state.backend


def get_settings(request: Request) -> Settings:
    """FastAPI dependency: the settings the app runs with."""
    return request.app.state.settings
