"""Reading a SPARQL 1.1 Protocol query request: the query, the dataset, the format asked for.

- GET `?query=…`;
- POST `application/x-www-form-urlencoded` with `query=…` in the body;
- POST `application/sparql-query` with the query as the body (UTF-8), parameters in the URL.

`default-graph-uri` and `named-graph-uri` (any number, in the URL or the form) are honoured: they
replace the query's own dataset, and when either is given, the other defaults to none (an empty
default graph, no named graphs), as the protocol says. Each must be an absolute IRI.

Refused: a missing, empty or doubled `query` (400), an update (`update=…` or an
`application/sparql-update` body: 403, the endpoint is read-only), another body type (415), a
charset other than UTF-8 (415), a body over the limit (413), bytes that are not UTF-8 (400).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from ..rdf.formats import GRAPH_FORMATS, HTML_OFFER, RESULT_FORMATS, Offer, choose
from ..store.errors import QueryRefused
from .errors import BadRequest, PayloadTooLarge, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

_READ_ONLY = "This endpoint is read-only: SPARQL Update requests are not accepted."

# a browser opening /sparql: text/html preferred to every format a SPARQL client may ask for
_PROTOCOL: list[Offer] = [("sparql", f.offer[1]) for f in RESULT_FORMATS + GRAPH_FORMATS]
_PAGE_PARAMS = {"lang"}  # the parameters a request for the form may carry (its language switch)

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")


@dataclass(frozen=True)
class QueryRequest:
    query: str
    default_graphs: list[str] | None  # None: not given (the service's default dataset)
    named_graphs: list[str] | None
    formats: tuple[str, ...]  # the `format` parameter's values, in order (often none)


def parse_params(raw: bytes | str, where: str) -> list[tuple[str, str]]:
    """URL-encoded parameters in order, duplicates kept; 400 for bytes that are not UTF-8."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return urllib.parse.parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"The {where} is not valid UTF-8.") from None
    except ValueError as exc:
        raise BadRequest(f"The {where} cannot be read: {exc}") from None


def media_type_of(content_type: str | None) -> tuple[str, dict[str, str]]:
    if not content_type:
        return "", {}
    parts = [p.strip() for p in content_type.split(";")]
    params = {}
    for part in parts[1:]:
        name, _, value = part.partition("=")
        params[name.strip().lower()] = value.strip().strip('"').lower()
    return parts[0].lower(), params


def check_body_size(content_length: str | None, max_body: int) -> None:
    if content_length is None:
        return
    try:
        size = int(content_length)
    except ValueError:
        raise BadRequest("The Content-Length header is not a number.") from None
    if size > max_body:
        raise PayloadTooLarge(f"The request body ({size} bytes) is larger than the limit of {max_body} bytes.")


def _utf8_charset(params: dict[str, str]) -> None:
    charset = params.get("charset")
    if charset and charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"The body must be UTF-8 (charset={charset} is not accepted).")


def _read_body(content_type: str | None, body: bytes | None) -> tuple[list[tuple[str, str]], str | None]:
    """The form parameters, or the query, a POST body holds."""
    mt, options = media_type_of(content_type)
    if mt == FORM:
        _utf8_charset(options)
        return parse_params(body or b"", "form body"), None
    if mt == SPARQL_QUERY:
        _utf8_charset(options)
        try:
            return [], (body or b"").decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("The query in the request body is not valid UTF-8.") from None
    if mt == SPARQL_UPDATE:
        raise QueryRefused(_READ_ONLY)
    if not mt:
        raise UnsupportedMediaType(
            "A POST needs a Content-Type: application/x-www-form-urlencoded (query=…) or "
            "application/sparql-query (the query as the body)."
        )
    raise UnsupportedMediaType(
        f"Unsupported request body type {mt}: send application/x-www-form-urlencoded (query=…) "
        "or application/sparql-query (the query as the body)."
    )


def _the_query(params: list[tuple[str, str]], body_query: str | None) -> str:
    """The one query of a request: refused when missing, doubled or blank, or when it is an update."""
    names = {name for name, _ in params}
    if names & {"update", "using-graph-uri", "using-named-graph-uri"}:
        raise QueryRefused(_READ_ONLY)
    queries = [value for name, value in params if name == "query"]
    if body_query is not None:
        queries.append(body_query)
    if not queries:
        raise BadRequest(
            "No query: send a SPARQL query as the `query` parameter (GET or POST form) "
            "or as an application/sparql-query body."
        )
    if len(queries) > 1:
        raise BadRequest(f"The query is given {len(queries)} times: send exactly one query.")
    if not queries[0].strip():
        raise BadRequest("The query is empty.")
    return queries[0]


def read_query_request(
    method: str, url_query: bytes | str, content_type: str | None, body: bytes | None
) -> QueryRequest:
    """The query request in a GET or POST; raises protocol errors (and QueryRefused) for what is refused."""
    body_params: list[tuple[str, str]] = []
    body_query: str | None = None
    if method == "POST":
        body_params, body_query = _read_body(content_type, body)
    elif method not in ("GET", "HEAD"):
        raise BadRequest(f"Method {method} is not used by the SPARQL protocol.")
    params = parse_params(url_query, "query string") + body_params
    query = _the_query(params, body_query)
    formats = tuple(value for name, value in params if name == "format")
    defaults = [_iri(v, "default-graph-uri") for n, v in params if n == "default-graph-uri"]
    named = [_iri(v, "named-graph-uri") for n, v in params if n == "named-graph-uri"]
    given = bool(defaults or named)
    return QueryRequest(
        query=query,
        default_graphs=defaults if given else None,
        named_graphs=named if given else None,
        formats=formats,
    )


def _iri(value: str, name: str) -> str:
    value = value.strip()
    if not _ABSOLUTE_IRI.match(value):
        raise BadRequest(f"{name} must be an absolute IRI, not {value[:200]!r}.")
    return value


def is_form_request(method: str, query_string: bytes | str, accept: str | None) -> bool:
    """True for a browser opening `/sparql`: a GET with no parameter but `lang`, preferring text/html.

    Every other request is the protocol's: a client that does not ask for HTML first, or that
    sends any protocol parameter, still gets 400 without a query.
    """
    if method != "GET":
        return False
    text = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    if any(name not in _PAGE_PARAMS for name, _ in urllib.parse.parse_qsl(text, keep_blank_values=True)):
        return False
    return choose(accept, [HTML_OFFER, *_PROTOCOL], default="sparql") == "html"
