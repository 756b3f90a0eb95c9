"""The OpenAPI document made complete: every status and content type each operation answers with.

FastAPI lists what the routes declare; the answers that come from below the routes (a request
target too long: 414; the store refusing for load: 429, 503 with Retry-After; a remote server
failing: 502, 504) and the content types chosen by negotiation are added here, once, by
``install(app)``, from the table below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from ..rdf.formats import GRAPH_FORMATS, RESULT_FORMATS

_TEXT = {"text/plain": {"schema": {"type": "string"}}}
_RETRY = {"Retry-After": {"description": "seconds to wait before trying again", "schema": {"type": "integer"}}}
_COMMON: dict[str, dict[str, Any]] = {
    "414": {"description": "The request target is longer than the limit: send a long query by POST", "content": _TEXT},
}
_QUERYING: dict[str, dict[str, Any]] = {  # every operation that runs a query in the store
    "429": {"description": "This client has too many queries running or waiting", "content": _TEXT, "headers": _RETRY},
    "502": {"description": "The remote SPARQL server failed", "content": _TEXT},
    "503": {
        "description": "The query workers are busy, the query ran out of time or memory, or the service is stopping",
        "content": _TEXT,
        "headers": _RETRY,
    },
    "504": {"description": "The remote SPARQL server did not answer in time", "content": _TEXT},
}


def _content(*types: str) -> dict[str, Any]:
    return {t: {"schema": {"type": "string"}} for t in types}


_SPARQL: dict[str, dict[str, Any]] = {
    "200": {
        "description": "The answer: results (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE), in the negotiated format",
        "content": _content(*(f.content_type.split(";")[0] for f in RESULT_FORMATS + GRAPH_FORMATS)),
    },
    "304": {"description": "Not modified: the same query on the same data version (If-None-Match)"},
    "400": {"description": "No query, a syntax error, or a bad parameter", "content": _TEXT},
    "403": {"description": "An update or SERVICE: this endpoint is read-only and does not federate", "content": _TEXT},
    "406": {"description": "None of the formats in Accept answers this kind of query", "content": _TEXT},
}
_SPARQL_POST: dict[str, dict[str, Any]] = {
    "408": {"description": "The request body did not arrive in time", "content": _TEXT},
    "413": {"description": "The request body is larger than the limit", "content": _TEXT},
    "415": {"description": "A body that is neither a form nor application/sparql-query", "content": _TEXT},
}
_NAMED: dict[str, dict[str, Any]] = {
    "200": {
        "description": "The answer, the query's text (format=rq) or its description (format=ttl)",
        "content": _content(
            "application/sparql-results+json",
            "application/sparql-query",
            "text/turtle",
            "application/ld+json",
            "application/n-triples",
        ),
    },
    "400": {
        "description": "A parameter is not valid (unknown, empty, out of bounds)",
        "content": {"application/json": {"schema": {"type": "object"}}, **_TEXT, **_content("text/html")},
    },
    "406": {"description": "None of the formats in Accept is one this query answers in", "content": _TEXT},
}
_DOCUMENT: dict[str, dict[str, Any]] = {  # a page that answers HTML and RDF by Accept
    "200": {
        "description": "HTML, or RDF by Accept",
        "content": _content("text/html", "text/turtle", "application/ld+json", "application/n-triples"),
    },
    "304": {"description": "Not modified"},
    "406": {"description": "None of the formats in Accept is offered", "content": _TEXT},
}
_BY_PATH: dict[tuple[str, str], list[dict[str, dict[str, Any]]]] = {
    ("/sparql", "get"): [_SPARQL, _QUERYING, {"200": {"content": _content("text/html")}}],
    ("/sparql", "post"): [_SPARQL, _SPARQL_POST, _QUERYING],
    ("/queries", "get"): [{"200": {"content": _content("text/html", "text/turtle")}}],
    ("/dataset", "get"): [_DOCUMENT, _QUERYING],
    ("/dumps/{name}", "get"): [
        {
            "200": {
                "description": "The file",
                "content": _content(
                    "application/trig",
                    "application/n-quads",
                    "text/turtle",
                    "application/n-triples",
                    "application/ld+json",
                    "application/json",
                ),
            },
            "304": {"description": "Not modified"},
            "404": {"description": "No such dump (or not built)", "content": _content("text/html")},
        }
    ],
}


def _merge(responses: dict[str, Any], extra: dict[str, dict[str, Any]]) -> None:
    for status, entry in extra.items():
        into = responses.setdefault(status, {"description": entry.get("description", "")})
        for key, value in entry.items():
            if isinstance(value, dict):
                into.setdefault(key, {}).update(value)
            elif not into.get(key):
                into[key] = value


def complete(schema: dict[str, Any]) -> dict[str, Any]:
    """Add to each operation the statuses and content types it answers with but does not declare."""
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # FastAPI's validation error: no route here answers it
            extras = [_COMMON, *_BY_PATH.get((path, method), [])]
            if path.startswith("/queries/"):
                extras += [_NAMED, _QUERYING]
            for extra in extras:
                _merge(responses, extra)
    return schema


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the completed document (built once, as FastAPI does)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
