"""The `/sparql` route: the SPARQL 1.1 Protocol, read-only, time-limited, capped.

Every answer is complete before the status line is sent (the worker returns the whole body), so
a 200 is never followed by a cut-off body; errors are plain text with the status that says what
went wrong (``acuerdos.http.status_of``). ``make_router(form_page)`` builds the route: a browser
that opens `/sparql` without a query (``protocol.is_form_request``) gets ``form_page(request)``,
the query form the web layer renders, instead of a 400; without a form page it gets the 400.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from functools import partial

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..rdf.formats import Format, negotiate
from ..rdf.sparql_text import QueryInfo
from ..store import Backend
from ..store.safety import check_query
from .errors import PayloadTooLarge, RequestTimeout
from .protocol import QueryRequest, check_body_size, is_form_request, read_query_request

TRUNCATED_HEADER = "Acuerdos-Truncated"
LIMIT_HEADER = "Acuerdos-Result-Limit"
VERSION_HEADER = "Acuerdos-Version"

FormPage = Callable[[Request], Response]

_DESCRIPTION = """SPARQL 1.1 Protocol query endpoint (read-only).

Send the query as `query=` (GET or POST form) or as an `application/sparql-query` body.
`default-graph-uri` / `named-graph-uri` set the dataset (default: the union of the named graphs).
SELECT/ASK answer in SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples,
JSON-LD or RDF/XML, by Accept or `format=` (json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml).
Queries run under a time limit and results are capped: a cut result has the header
`Acuerdos-Truncated: true` (and `"truncated": true` in SPARQL JSON). Updates and SERVICE are refused.
"""

_FORM_NOTE = "\n\nA browser that opens `/sparql` with no parameters (Accept preferring text/html) gets a query form."


async def read_body(request: Request, max_body: int, timeout: float) -> bytes:
    """The request body, refusing (413) one over `max_body`, whether or not it says its length, and
    (408) one that has not arrived whole within `timeout` seconds."""
    check_body_size(request.headers.get("content-length"), max_body)
    chunks: list[bytes] = []
    size = 0
    with anyio.move_on_after(timeout) as scope:
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body:
                raise PayloadTooLarge(f"The request body is larger than the limit of {max_body} bytes.")
            chunks.append(chunk)
    if scope.cancelled_caught:
        raise RequestTimeout(f"The request body did not arrive within {timeout:g} s.")
    return b"".join(chunks)


def answer_format(query: str, accept: str | None, format_param: Sequence[str] | None) -> tuple[Format, QueryInfo]:
    """The format the answer will have, and what the check found (what `backend.run` would refuse is
    refused here; the backend is handed the finding rather than tokenising the query again)."""
    info = check_query(query)
    return negotiate(info.returns_graph, accept, format_param), info


def answer_etag(backend: Backend, qr: QueryRequest, fmt: Format) -> str:
    """The answer's ETag: the same query, dataset, format and result limit on the same data give the same answer.

    Weak (W/): an answer with blank nodes is equivalent, not byte-identical, from one run to the next.
    """
    return "W/" + etag_for(
        backend.version,
        "sparql",
        qr.query,
        qr.default_graphs,
        qr.named_graphs,
        fmt.key,
        fmt.content_type,
        backend.limit,
    )


async def answer(request: Request) -> Response:
    """A protocol request answered: negotiated, revalidated (304) or run."""
    method = "GET" if request.method == "HEAD" else request.method
    settings = request.app.state.settings
    backend: Backend = request.app.state.backend
    body = await read_body(request, settings.max_body, settings.read_timeout) if method == "POST" else None
    qr = read_query_request(method, request.scope.get("query_string", b""), request.headers.get("content-type"), body)
    fmt, info = await anyio.to_thread.run_sync(
        partial(answer_format, qr.query, request.headers.get("accept"), qr.formats or None)
    )
    headers = {**cache_headers(answer_etag(backend, qr, fmt), vary="Accept"), VERSION_HEADER: backend.version}
    # the same answer as the client has: not run again (but `If-None-Match: *` only for a query that
    # answers, since the syntax is checked by the engine and an error has no representation to match)
    revalidate = method == "GET" and matches_etag(request, headers["ETag"])
    if revalidate and request.headers.get("if-none-match", "").strip() != "*":
        return not_modified(headers)
    payload = await anyio.to_thread.run_sync(
        partial(
            backend.run,
            qr.query,
            fmt,
            default_graphs=qr.default_graphs,
            named_graphs=qr.named_graphs,
            checked=info,
        )
    )
    if revalidate:
        return not_modified(headers)
    if payload.truncated:
        headers[TRUNCATED_HEADER] = "true"
        headers[LIMIT_HEADER] = str(payload.limit)
    return body_response(payload.body, payload.media_type, headers)


CHUNK = 64 * 1024


def body_response(body: bytes, media_type: str, headers: dict[str, str]) -> Response:
    """The answer; a large one sent in chunks of views of the one body, so that a client that reads
    slowly (or not at all) holds the body once, not also a copy in the connection's write buffer."""
    if len(body) <= CHUNK:
        return Response(body, media_type=media_type, headers=headers)

    async def chunks() -> AsyncIterator[memoryview]:
        view = memoryview(body)
        for start in range(0, len(view), CHUNK):
            yield view[start : start + CHUNK]

    return StreamingResponse(chunks(), media_type=media_type, headers=headers | {"Content-Length": str(len(body))})


def make_router(form_page: FormPage | None = None) -> APIRouter:
    """The `/sparql` router; with `form_page`, a browser that opens `/sparql` gets that page."""
    router = APIRouter(tags=["SPARQL"])

    # one function, two operations: each method has its own operation id in the OpenAPI document;
    # HEAD answers as GET does (same status and headers, no body) and stays out of the document
    @router.get(
        "/sparql",
        summary="SPARQL query endpoint (GET)",
        description=_DESCRIPTION + (_FORM_NOTE if form_page else ""),
        operation_id="sparql_get",
        response_class=Response,
    )
    @router.head("/sparql", include_in_schema=False, response_class=Response)
    @router.post(
        "/sparql",
        summary="SPARQL query endpoint (POST)",
        description=_DESCRIPTION,
        operation_id="sparql_post",
        response_class=Response,
    )
    async def sparql(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        if form_page is not None and is_form_request(
            method, request.scope.get("query_string", b""), request.headers.get("accept")
        ):
            return form_page(request)
        return await answer(request)

    return router
