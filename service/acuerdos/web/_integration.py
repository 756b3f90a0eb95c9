"""TEMPORARY: stand-ins for the APIs other parts of the restructure are moving, until they merge.

Each name below is the announced API of another package (named in its section), written here only
so that this branch runs its tests before the merge. At integration this module is deleted and
every ``from ._integration import X`` in ``web`` imports X from the module its section names
(``acuerdos.http``, ``acuerdos.rdf.formats``, ``acuerdos.site``, ``acuerdos.sparql.endpoint``,
``acuerdos.store``, ``acuerdos.queries.writers``, ``acuerdos.queries.publish``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from rdflib import Graph, Literal
from rdflib.term import Node

from .. import publish_queries
from .. import queries as _queries
from ..artefacts import read_text
from ..errors import UserError
from ..namespaces import CANONICAL_BASE, Base
from ..project import Release
from ..queries import NamedQuery, Registry, load_registry
from ..rdf.formats import GRAPH_FORMATS, RESULT_FORMATS, parse_accept
from ..rdf.rows import Rows
from ..settings import Settings
from ..sparql.errors import ApiError
from ..store import Backend
from ..store import open_backend as _open_backend
from ..store.pool import StoreError

# --- acuerdos.http ------------------------------------------------------------------------------


def etag_for(version: str, *parts: Any) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]
    return f'"{version}-{digest}"'


def matches_etag(request: Request, etag: str) -> bool:
    header = request.headers.get("if-none-match")
    if not header:
        return False
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in header.split(","))


def cache_headers(etag: str, vary: str = "Accept, Accept-Language", version: str = "") -> dict[str, str]:
    headers = {"ETag": etag, "Vary": vary, "Cache-Control": "no-cache"}
    if version:
        headers["X-Data-Version"] = version
    return headers


def not_modified(headers: Mapping[str, str]) -> Response:
    return Response(status_code=304, headers=dict(headers))


def status_of(exc: Exception) -> int:
    return exc.status if isinstance(exc, ApiError) else 503


async def error_handler(request: Request, exc: Exception) -> Response:
    headers = exc.headers if isinstance(exc, ApiError) else {}
    return PlainTextResponse(str(exc).rstrip("\n") + "\n", status_code=status_of(exc), headers=headers)


HANDLED_ERRORS: tuple[type[Exception], ...] = (ApiError, StoreError)  # the store's errors and the protocol's

# --- acuerdos.rdf.formats -----------------------------------------------------------------------


def _score(key: str, media: str, rng: str, q: float, index: int, order: int, default: str) -> tuple | None:
    major = media.split("/")[0]
    spec = {media: 2, major + "/*": 1, "*/*": 0}.get(rng)
    if spec is None or q <= 0:
        return None
    if spec == 0:  # a wildcard alone picks the default, not the first offer
        return (q, spec, -index, 1 if key == default else 0)
    return (q, spec, -index, -order)


def choose(accept: str | None, offers: Sequence[tuple[str, Sequence[str]]], default: str) -> str | None:
    ranges = [(f"{major}/{minor}", q, index) for index, (major, minor, q) in enumerate(parse_accept(accept or ""))]
    if not ranges:
        return default
    scored = [
        (score, key)
        for order, (key, medias) in enumerate(offers)
        for media in medias
        for rng, q, index in ranges
        if (score := _score(key, media, rng, q, index, order, default)) is not None
    ]
    return max(scored, key=lambda item: item[0])[1] if scored else None


# --- acuerdos.sparql.endpoint -------------------------------------------------------------------

_PROTOCOL_OFFER = ("sparql", tuple(mt for f in RESULT_FORMATS + GRAPH_FORMATS for mt in (f.media_type, *f.also)))


def is_form_request(method: str, query_string: bytes | str, accept: str | None) -> bool:
    if method != "GET":
        return False
    text = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    if any(name != "lang" for name, _ in parse_qsl(text, keep_blank_values=True)):
        return False
    return choose(accept, [("html", ("text/html", "application/xhtml+xml")), _PROTOCOL_OFFER], "sparql") == "html"


def make_router(form_page: Callable[[Request], Response] | None) -> APIRouter:
    """The branch's /sparql router finds the form in ``web.sparql_form`` by itself."""
    from ..sparql.endpoint import router

    return router


# --- acuerdos.queries.writers / acuerdos.queries.publish ------------------------------------------


def json_value(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool) or (isinstance(value, int) and term.datatype is not None):
            return value
        if isinstance(value, (float, Decimal)):
            return float(value)
    return str(term)


def to_sparql_json(rows: Rows) -> dict[str, Any]:
    return _queries.to_sparql_json(rows)  # type: ignore[arg-type]


def to_csv(rows: Rows) -> str:
    return _queries.to_csv(rows)  # type: ignore[arg-type]


def executable(graph: Graph, query: NamedQuery, base: str) -> None:
    publish_queries.executable(graph, query, base)


def executables_graph(registry: Registry) -> Graph:
    return publish_queries.executables_graph(registry, getattr(registry, "base", None))


# --- acuerdos.site and acuerdos.store -------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    settings: Settings
    release: Release
    manifest: dict
    base: Base
    version: str
    registry: Registry | None
    registry_error: str | None
    shapes_graph: Graph
    sources: Path


def _shapes(folder: Path, base: Base) -> Graph:
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(data=read_text(path, base), format="turtle")
    return graph


def as_site(given: Site | Settings) -> Site:
    """The site for settings (the branch's CLI and tests still hand settings in)."""
    if isinstance(given, Site):
        return given
    settings = given
    release = Release(settings.dist_dir)
    manifest = json.loads(release.manifest.read_text(encoding="utf-8")) if release.manifest.is_file() else {}
    base = Base(settings.base or manifest.get("base") or CANONICAL_BASE)
    project = settings.project()
    registry, error = None, None
    try:
        registry = load_registry(project.queries)
    except UserError as exc:
        error = str(exc)
    return Site(
        settings,
        release,
        manifest,
        base,
        manifest.get("version", ""),
        registry,
        error,
        _shapes(project.shapes, base),
        project.sources,
    )


def open_backend(site: Site) -> Backend:
    return _open_backend(site.settings)
