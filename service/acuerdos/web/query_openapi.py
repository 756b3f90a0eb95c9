"""Each named query as its own operation in the OpenAPI document: its parameters, types and an example.

Built from the site's registry when the app is made (``query_api.build_router``), so the document
describes the queries the service actually answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..namespaces import CURIES
from ..queries import LANGS, NamedQuery, Param, Registry
from .query_pages import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, example_items

_SCHEMAS: dict[str, dict[str, Any]] = {
    "integer": {"type": "integer"},
    "date": {"type": "string", "format": "date"},
    "iri": {"type": "string", "format": "iri"},
    "boolean": {"type": "boolean"},
    "lang": {"type": "string", "enum": list(LANGS)},
}
_COMMON = [
    {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "language of labels (default: Accept-Language, else en)",
        "schema": {"type": "string", "enum": list(LANGS)},
    },
    {
        "name": "limit",
        "in": "query",
        "required": False,
        "description": "rows per page",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
    },
    {
        "name": "offset",
        "in": "query",
        "required": False,
        "description": "rows to skip",
        "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
    },
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "json (default), csv, html, srj (SPARQL JSON), rq (the query text), ttl (its description); "
        "overrides Accept",
        "schema": {"type": "string", "enum": ["json", "csv", "html", "srj", "rq", "ttl"]},
    },
]
_EXAMPLE_VERSION = "19c766062767be61"


def _description(param: Param) -> str:
    text = param.description or ""
    if param.classes:
        text += f" (an instance of {', '.join(CURIES.shorten(c) for c in param.classes)})"
    if param.options:
        text += f"; choices: {'/queries/' + param.options if not param.options_inline else 'a query of the graph'}"
    return text.strip()


def _parameter(query: NamedQuery, name: str, param: Param) -> dict[str, Any]:
    schema = dict(_SCHEMAS.get(param.type, {"type": "string"}))
    if param.default and not param.multiple:
        schema["default"] = param.default[0]
    entry: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": bool(param.required and not param.default),
        "description": _description(param),
        "schema": {"type": "array", "items": schema} if param.multiple else schema,
    }
    if param.multiple:
        entry["style"], entry["explode"] = "form", True
    example = query.example.get(name) or list(param.example)
    if example:
        entry["example"] = example if param.multiple else example[0]
    return entry


def _example_body(query: NamedQuery) -> dict[str, Any]:
    params = {
        name: (values if query.params[name].multiple else values[0])
        for name, values in query.example.items()
        if name in query.params and values
    }
    return {
        "query": f"…/queries/{query.name}",
        "title": query.title,
        "params": params,
        "version": _EXAMPLE_VERSION,
        "lang": "en",
        "limit": DEFAULT_LIMIT,
        "offset": 0,
        "variables": query.variables,
        "rows": [{v: "…" for v in query.variables}],
        "next": None,
        "prev": None,
        "self": "…",
    }


def _responses(query: NamedQuery) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": "The answer (JSON by default; CSV, HTML or SPARQL JSON by format or Accept)",
            "content": {
                "application/json": {"example": _example_body(query)},
                "text/csv": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        },
        304: {"description": "Not modified: the data version and the parameters are those of the ETag"},
        400: {"description": "A parameter is not valid"},
    }


def _endpoint(
    name: str, answer: Callable[[Request, str], Awaitable[Response]]
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await answer(request, name)

    endpoint.__name__ = "query_" + name.replace("-", "_")
    return endpoint


def add_query_operations(
    router: APIRouter, registry: Registry, answer: Callable[[Request, str], Awaitable[Response]]
) -> None:
    """``GET /queries/{name}`` for each query (and HEAD, kept out of the document)."""
    for query in registry:
        example = example_items(query)
        description = query.description + "\n\n" + query.description_es
        if example:
            description += f"\n\nExample: `/queries/{query.name}?{urlencode(example)}`"
        endpoint = _endpoint(query.name, answer)
        router.add_api_route(
            f"/queries/{query.name}",
            endpoint,
            methods=["GET"],
            tags=["queries"],
            summary=query.title,
            description=description,
            operation_id="query_" + query.name.replace("-", "_"),
            responses=_responses(query),
            openapi_extra={"parameters": [_parameter(query, n, p) for n, p in query.params.items()] + _COMMON},
        )
        router.add_api_route(f"/queries/{query.name}", endpoint, methods=["HEAD"], include_in_schema=False)
