"""The `/sparql` route: the SPARQL 1.1 Protocol, read-only, time-limited, capped.

Every answer is complete before the status line is sent (the worker returns the whole body), so
a 200 is never followed by a cut-off body; errors are plain text with the status that says what
went wrong (see `sparql.errors`). A browser that opens `/sparql` without a query gets the query
form instead of a 400 (`acuerdos.web.sparql_form` says when, and renders it).
"""
from __future__ import annotations

from functools import partial

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import Response

from .errors import PayloadTooLarge
from .protocol import check_body_size, read_query_request

router = APIRouter(tags=["SPARQL"])

TRUNCATED_HEADER = "Acuerdos-Truncated"
LIMIT_HEADER = "Acuerdos-Result-Limit"
VERSION_HEADER = "Acuerdos-Version"


async def read_body(request: Request, max_body: int) -> bytes:
    """The request body, refusing (413) one over `max_body`, whether or not it says its length."""
    check_body_size(request.headers.get("content-length"), max_body)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body:
            raise PayloadTooLarge(f"The request body is larger than the limit of {max_body} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


_DESCRIPTION = """SPARQL 1.1 Protocol query endpoint (read-only).

Send the query as `query=` (GET or POST form) or as an `application/sparql-query` body.
`default-graph-uri` / `named-graph-uri` set the dataset (default: the union of the named graphs).
SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples,
JSON-LD or RDF/XML, by Accept or `format=` (json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml).
Queries run under a time limit and results are capped: a cut result has the header
`Acuerdos-Truncated: true` (and `"truncated": true` in SPARQL JSON). Updates and SERVICE are refused.
"""


_FORM_NOTE = "\n\nA browser that opens `/sparql` with no parameters (Accept preferring text/html) gets a query form."


# one function, two operations: each method has its own operation id in the OpenAPI document
@router.get("/sparql", summary="SPARQL query endpoint (GET)", description=_DESCRIPTION + _FORM_NOTE,
            operation_id="sparql_get", response_class=Response)
@router.post("/sparql", summary="SPARQL query endpoint (POST)", description=_DESCRIPTION,
             operation_id="sparql_post", response_class=Response)
async def sparql(request: Request) -> Response:
    from ..web import sparql_form  # the page for browsers lives with the other pages

    if sparql_form.wants_form(request):
        return sparql_form.form_page(request)
    settings = request.app.state.settings
    backend = request.app.state.backend
    body = await read_body(request, settings.max_body) if request.method == "POST" else None
    qr = read_query_request(request.method, request.scope.get("query_string", b""),
                            request.headers.get("content-type"), body)
    payload = await anyio.to_thread.run_sync(partial(
        backend.run, qr.query, accept=request.headers.get("accept"), format_param=qr.formats or None,
        default_graphs=qr.default_graphs, named_graphs=qr.named_graphs,
    ))
    headers = {"Vary": "Accept", VERSION_HEADER: backend.version}
    if payload.truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers[LIMIT_HEADER] = str(payload.limit)
    return Response(payload.body, media_type=payload.media_type, headers=headers)
