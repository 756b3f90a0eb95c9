"""/queries: every named query of the site's registry as an endpoint.

- ``GET /queries`` lists them (JSON by default, HTML for browsers, Turtle: the SHACL executables).
- ``GET /queries/{name}`` answers one: JSON (the default), CSV, SPARQL JSON, or an HTML page
  (``query_pages``). Chosen by ``format``, by extension (``/queries/{name}.csv``…), or by Accept.
  ``.rq`` gives the query text, ``.ttl`` (or Accept: text/turtle) its SHACL SPARQL executable.
- Parameters are validated and bound as typed RDF terms by the registry: nothing a user types is
  pasted into query text. ``lang`` picks the language of labels; ``limit`` and ``offset`` page
  through the rows, with stable links (parameters in a fixed order) to the previous and next pages.
- Every answer is citable: it carries the query's IRI, the parameters and the data version, which
  is also in the ETag (with the parameters and the format), so a repeated request gets a 304.
- Each query is its own operation in the OpenAPI document (``query_openapi``), built from the
  site's registry when the app is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from rdflib import Graph
from rdflib.term import Node

from ..errors import UserError
from ..http import cache_headers, etag_for, matches_etag, not_modified, status_of
from ..queries import LANGS, NamedQuery, Registry, expand_iri
from ..queries.paging import paged
from ..queries.publish import executable, executables_graph
from ..queries.writers import json_value, to_csv, to_sparql_json
from ..rdf.formats import GRAPH_BY_EXTENSION, choose
from ..rdf.rows import Rows
from ..store import Backend
from .answers import Kept, answer_cache, replay, request_key
from .deps import data_version, get_backend, get_site, root_of
from .i18n import error_text, pick_lang
from .query_openapi import add_query_operations
from .query_pages import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    Answer,
    canonical_items,
    list_model,
    list_page,
    query_page,
)
from .rdf_out import rdf_response
from .rendering import PAGE_VARY, links_of
from .search import not_found_page

RESERVED = ("lang", "limit", "offset", "format")
FORMAT_PARAM = {
    "json": "json",
    "csv": "csv",
    "html": "html",
    "srj": "srj",
    "sparql-json": "srj",
    "ttl": "turtle",
    "turtle": "turtle",
    "rq": "rq",
    "sparql": "rq",
}
EXTENSIONS = {
    "json": "json",
    "csv": "csv",
    "html": "html",
    "srj": "srj",
    "rq": "rq",
    "ttl": "turtle",
    "jsonld": "jsonld",
    "nt": "ntriples",
}
DESCRIPTIONS = ("rq", "turtle", "jsonld", "ntriples")  # what describes the query rather than answers it


def registry_or_error(request: Request) -> Registry | Response:
    """The site's registry, or the 500 that says why the queries could not be loaded."""
    site = get_site(request)
    if site.registry is None:
        return PlainTextResponse(f"The named queries could not be loaded: {site.registry_error}\n", status_code=500)
    return site.registry


def query_iri(request: Request, name: str) -> str:
    return get_site(request).base.path(f"queries/{name}")


# --- parameters -----------------------------------------------------------------------------------


def given_params(request: Request) -> dict[str, list[str]]:
    """The query's own parameters from the query string (unknown names kept, for the check to reject)."""
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key not in RESERVED:
            out.setdefault(key, []).append(value)
    return out


def asked_lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    return asked.strip().lower() if asked is not None else pick_lang(request)


def _number(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` (the bounds the OpenAPI document gives), else ``default``."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not text.isascii() or not text.isdigit():
        raise UserError(f"must be a whole number from {low} to {high}, not {raw[:40]!r}", where=f"parameter {name!r}")
    if len(text) > len(str(high)) or not low <= int(text) <= high:  # no int() of a thousand digits
        raise UserError(f"must be from {low} to {high}, not {raw[:40]!r}", where=f"parameter {name!r}")
    return int(text)


def page_window(request: Request, cap: int) -> tuple[int, int]:
    """The ``limit`` (at most ``cap``, the store's row limit) and ``offset`` asked for."""
    limit = _number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    return min(limit, cap), _number(request, "offset", 0, 0, MAX_OFFSET)


def refuse_empty(request: Request) -> None:
    """A UserError naming the first parameter given with an empty value: an API client means
    something by it (the HTML form sends empty fields for "any", and its page takes them so)."""
    for key, value in request.query_params.multi_items():
        if not value.strip():
            raise UserError("has an empty value: give a value or leave the parameter out", where=f"parameter {key!r}")


def effective_params(query: NamedQuery, given: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """What the answer is computed with: the values given, else the defaults (empty values dropped);
    IRIs written out in full, as the registry binds them."""
    out: dict[str, list[str]] = {}
    for name, param in query.params.items():
        values = [v for v in given.get(name, []) if v.strip()] or list(param.default)
        if param.type == "boolean" and values == ["false", "true"]:
            values = ["true"]  # the page's check box, ticked, sent after the hidden "false" that stands for unticked
        if param.type == "iri":
            values = [expand_iri(v, query.base) for v in values]
        if values:
            out[name] = values
    return out


def checked_params(
    request: Request, query: NamedQuery, lang: str, strict: bool = True
) -> tuple[dict[str, list[str]], int, int]:
    """The parameters, limit and offset of a request, or a UserError saying what is wrong (with
    ``strict``, an empty value too)."""
    if strict:
        refuse_empty(request)
    cap = max(1, min(MAX_LIMIT, get_backend(request).limit - 1))
    limit, offset = page_window(request, cap)
    if lang not in LANGS:
        raise UserError(f"must be one of {', '.join(LANGS)}", where="parameter 'lang'")
    given = given_params(request)
    for key in given:
        if key not in query.params:
            known = ", ".join(sorted(query.params)) or "none"
            raise UserError(
                f"unknown parameter for query {query.name!r} (known: {known}, lang, limit, offset, format)",
                where=f"parameter {key!r}",
            )
    return effective_params(query, given), limit, offset


def params_json(query: NamedQuery, params: Mapping[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, param in query.params.items():
        values = params.get(name) or []
        out[name] = list(values) if param.multiple else (values[0] if values else None)
    return out


# --- running --------------------------------------------------------------------------------------


def run_page(
    query: NamedQuery, backend: Backend, params: Mapping[str, list[str]], lang: str, limit: int, offset: int
) -> tuple[list[dict[str, Node]], list[str], bool]:
    """One page of the answer (rows, variables, whether there are more), never more than ``limit`` rows:
    the query with ``LIMIT limit+1 OFFSET offset`` where it says (``queries.paging``)."""
    text = query.bind(params, lang=lang, backend=backend)
    window = paged(text, query.page_inner, limit + 1, offset)
    if window is None:  # the query has its own LIMIT or trailing VALUES: page the whole answer here
        rows = list(backend.select(text))
        page, more = rows[offset : offset + limit], len(rows) > offset + limit
    else:
        rows = list(backend.select(window))
        page, more = rows[:limit], len(rows) > limit
    variables = list(query.variables) or sorted({k for row in page for k in row})
    return page, variables, more


# --- answers --------------------------------------------------------------------------------------


def choose_kind(request: Request, forced: str | None) -> str | None:
    """The representation asked for: extension, else ``format``, else Accept ("bad": an unknown format)."""
    if forced:
        return forced
    asked = request.query_params.get("format")
    if asked is not None:
        return FORMAT_PARAM.get(asked.strip().lower(), "bad")
    return choose(request.headers.get("accept"), ANSWER_OFFERS, "json")


ANSWER_OFFERS = [
    ("json", ("application/json",)),
    ("srj", ("application/sparql-results+json",)),
    ("csv", ("text/csv",)),
    ("html", ("text/html", "application/xhtml+xml")),
    ("turtle", ("text/turtle",)),
    ("jsonld", ("application/ld+json",)),
    ("ntriples", ("application/n-triples",)),
]


def error_answer(kind: str, message: str, status: int, extra: Mapping[str, Any] | None = None) -> Response:
    headers = {"Vary": PAGE_VARY, "Cache-Control": "no-cache"}
    if kind == "json":
        return JSONResponse({"error": message, **(extra or {})}, status_code=status, headers=headers)
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def _description(request: Request, query: NamedQuery, kind: str, version: str) -> Response:
    """The query itself: its text (``.rq``, as it runs on /sparql) or its SHACL executable."""
    headers = cache_headers(etag_for(version, "query-description", query.name, kind), vary="Accept", version=version)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    if kind == "rq":
        return PlainTextResponse(query.body, media_type="application/sparql-query", headers=headers)
    graph = Graph()
    executable(graph, query)
    return rdf_response(graph, kind, headers)


def _absolute(request: Request, link: str | None) -> str | None:
    if link is None or not link.startswith("/"):
        return link
    return str(request.base_url).rstrip("/") + link[len(root_of(request)) :]


@dataclass
class Asked:
    """One request for an answer: the query, its checked parameters, the page, the representation."""

    query: NamedQuery
    params: dict[str, list[str]]
    lang: str
    limit: int
    offset: int
    kind: str
    iri: str
    base_url: str

    def link(self, offset: int | None = None, fmt: str | None = None) -> str:
        items = canonical_items(
            self.query, self.params, self.lang, self.limit, self.offset if offset is None else offset, fmt
        )
        return f"{self.base_url}?{urlencode(items)}"


def _body(request: Request, asked: Asked, answer: Answer, version: str, headers: dict[str, str]) -> Response:
    """The answer as JSON, SPARQL JSON or CSV."""
    query, params = asked.query, params_json(asked.query, asked.params)
    if asked.kind == "srj":
        result = to_sparql_json(Rows(answer.rows, answer.variables))
        result.update(query=asked.iri, params=params, version=version, next=_absolute(request, answer.next_link))
        return JSONResponse(result, media_type="application/sparql-results+json", headers=headers)
    if asked.kind == "csv":
        filename = f"{query.name}-{version}" + (f"-{asked.offset}" if asked.offset else "") + ".csv"
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
        return Response(
            to_csv(Rows(answer.rows, answer.variables)), media_type="text/csv; charset=utf-8", headers=headers
        )
    rows = [{v: json_value(row.get(v)) for v in answer.variables if row.get(v) is not None} for row in answer.rows]
    return JSONResponse(
        {
            "query": asked.iri,
            "title": query.title_in(asked.lang),
            "params": params,
            "version": version,
            "lang": asked.lang,
            "limit": asked.limit,
            "offset": asked.offset,
            "variables": answer.variables,
            "rows": rows,
            "next": _absolute(request, answer.next_link),
            "prev": _absolute(request, answer.prev_link),
            "self": _absolute(request, answer.canonical),
        },
        headers=headers,
    )


def _run(request: Request, registry: Registry, asked: Asked, version: str) -> Response:
    """Run the query for one page and answer in the representation asked for."""
    items = canonical_items(asked.query, asked.params, asked.lang, asked.limit, asked.offset)
    headers = cache_headers(
        etag_for(version, "answer", asked.query.name, urlencode(items), asked.kind), vary=PAGE_VARY, version=version
    )
    canonical = asked.link()
    headers["Link"] = f'<{asked.iri}>; rel="describedby", <{canonical}>; rel="canonical"'
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    try:
        rows, variables, more = run_page(
            asked.query, get_backend(request), asked.params, asked.lang, asked.limit, asked.offset
        )
    except UserError as exc:
        status = status_of(exc)  # a store error (time-out, busy, upstream) keeps its 5xx
        if asked.kind == "html":
            return query_page(
                request,
                registry,
                asked.query,
                {**asked.params, **given_params(request)},  # the values as typed: the form keeps them
                asked.lang,
                asked.limit,
                asked.offset,
                None,
                error=error_text(exc, asked.lang),
                status=status,
            )
        if status >= 500:
            raise  # answered by the app's error handler, with its headers (Retry-After)
        return error_answer(asked.kind, error_text(exc, asked.lang), status, {"query": asked.iri})
    answer = Answer(
        rows,
        variables,
        asked.link(asked.offset + asked.limit) if more else None,
        asked.link(max(0, asked.offset - asked.limit)) if asked.offset > 0 else None,
        canonical,
    )
    if asked.kind == "html":
        return query_page(
            request, registry, asked.query, asked.params, asked.lang, asked.limit, asked.offset, answer, headers=headers
        )
    response = _body(request, asked, answer, version, headers)
    kept_headers = tuple(
        (k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")
    )
    answer_cache(request.app.state).put(
        request_key(request),
        Kept(bytes(response.body), response.media_type or "application/octet-stream", kept_headers),
    )
    return response


async def answer_kept(request: Request, name: str, forced: str | None = None) -> Response:
    """GET /queries/{name}, answered in the event loop when the same request was answered before
    (``answers``); otherwise by ``answer`` in the thread pool, as any synchronous route."""
    kept = answer_cache(request.app.state).get(request_key(request))
    if kept is not None:
        return replay(request, kept)
    return await run_in_threadpool(answer, request, name, forced)


def answer(request: Request, name: str, forced: str | None = None) -> Response:
    """GET /queries/{name}: the answer, the query's text or its description, in the representation asked for."""
    registry = registry_or_error(request)
    if isinstance(registry, Response):
        return registry
    if name not in registry:
        return not_found_page(request, query_iri(request, name))
    query, kind = registry.get(name), choose_kind(request, forced)
    offered = "json, csv, html, srj (SPARQL JSON), rq (the query), ttl (its description)"
    if kind is None:
        return error_answer("text", f"Not acceptable: this query answers as {offered}.", 406)
    if kind == "bad":
        return error_answer("text", f"parameter 'format': must be one of {offered}.", 400)
    version = data_version(get_backend(request))
    lang = asked_lang(request)
    if kind in DESCRIPTIONS:
        try:  # the query's text needs no parameter, but a wrong one is still wrong
            checked_params(request, query, lang)
        except UserError as exc:
            return error_answer("text", error_text(exc, lang), 400)
        return _description(request, query, kind, version)
    try:
        params, limit, offset = checked_params(request, query, lang, strict=kind != "html")
    except UserError as exc:
        if kind == "html":
            return query_page(
                request,
                registry,
                query,
                given_params(request),
                lang if lang in LANGS else pick_lang(request),  # a language not ours: as any page does
                DEFAULT_LIMIT,
                0,
                None,
                error=error_text(exc, lang),
                status=400,
            )
        return error_answer(kind, error_text(exc, lang), 400, {"query": query_iri(request, name)})
    asked = Asked(
        query, params, lang, limit, offset, kind, query_iri(request, name), f"{root_of(request)}/queries/{name}"
    )
    return _run(request, registry, asked, version)


def _list_rdf(request: Request, registry: Registry, kind: str) -> Response:
    """The named queries as SHACL SPARQL executables."""
    version = data_version(get_backend(request))
    etag = etag_for(version, "queries-rdf", kind, ",".join(registry.names()))
    headers = cache_headers(etag, vary="Accept", version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    return rdf_response(executables_graph(registry), kind, headers)


def list_queries(request: Request) -> Response:
    """GET /queries: every named query, as JSON, HTML or RDF."""
    registry = registry_or_error(request)
    if isinstance(registry, Response):
        return registry
    kind = choose_kind(request, None)
    if kind in ("turtle", "jsonld", "ntriples"):
        return _list_rdf(request, registry, kind)
    if kind not in ("json", "html", "srj"):
        return error_answer("text", "Not acceptable: the list of queries is available as JSON, HTML or Turtle.", 406)
    lang = asked_lang(request)
    lang = lang if lang in LANGS else pick_lang(request)  # a language not ours: as any page does
    version = data_version(get_backend(request))
    headers = cache_headers(
        etag_for(version, "queries", kind, lang, ",".join(registry.names())), vary=PAGE_VARY, version=version
    )
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    root = root_of(request)
    host = str(request.base_url).rstrip("/")
    absolute = host[: len(host) - len(root)] if root else host
    items = list_model(registry, links_of(request), lang, absolute)
    if kind == "html":
        return list_page(request, items, lang, version, headers)
    body = {"version": version, "lang": lang, "queries": items, "executables": f"{absolute}{root}/queries.ttl"}
    return JSONResponse(body, headers=headers)


def list_queries_file(request: Request, ext: str) -> Response:
    """GET /queries.{ttl,jsonld,nt,rdf}: the executables in that format."""
    registry = registry_or_error(request)
    if isinstance(registry, Response):
        return registry
    fmt = GRAPH_BY_EXTENSION.get(ext)
    if fmt is None:
        return not_found_page(request, get_site(request).base.path(f"queries.{ext}"))
    return _list_rdf(request, registry, fmt.key)


async def query_file(request: Request, name: str, ext: str) -> Response:
    """GET /queries/{name}.{ext}: the representation the extension names."""
    kind = EXTENSIONS.get(ext)
    if kind is None:
        return await run_in_threadpool(not_found_page, request, query_iri(request, f"{name}.{ext}"))
    return await answer_kept(request, name, kind)


async def query_fallback(request: Request, name: str) -> Response:
    """GET /queries/{name} for a name no operation was built for: its 404 page."""
    return await answer_kept(request, name)


def build_router(registry: Registry | None) -> APIRouter:
    """The /queries routes: the list, one OpenAPI operation per named query, and the fallbacks."""
    router = APIRouter()
    summary = "The named queries: what each asks, its parameters, and an example answer"
    router.add_api_route("/queries", list_queries, methods=["GET"], tags=["queries"], summary=summary)
    router.add_api_route("/queries", list_queries, methods=["HEAD"], include_in_schema=False)
    router.add_api_route("/queries.{ext}", list_queries_file, methods=["GET", "HEAD"], include_in_schema=False)
    if registry is not None:
        add_query_operations(router, registry, answer_kept)
    router.add_api_route("/queries/{name}.{ext}", query_file, methods=["GET", "HEAD"], include_in_schema=False)
    router.add_api_route("/queries/{name}", query_fallback, methods=["GET", "HEAD"], include_in_schema=False)
    return router
