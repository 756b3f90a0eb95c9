"""A graph as a response: the page or the RDF format a client asks for, by Accept or by extension.

Every resource, the ontology, the shapes and the dataset description answer in HTML, Turtle,
JSON-LD, N-Triples or RDF/XML (``.html``, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``). The formats
are ``rdf.formats``'s; a page offers only their own media types (and Turtle's old aliases):
``application/json`` or ``text/plain`` from a client is not taken as a wish for JSON-LD or N-Triples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from rdflib import Graph

from ..namespaces import CURIES
from ..rdf.formats import BY_KEY, GRAPH_BY_EXTENSION, HTML_OFFER, Format, choose
from .deps import get_site
from .search import not_found_page

# the order of the links on a page and of the offers when a client's preferences tie
PAGE_FORMATS: tuple[Format, ...] = tuple(GRAPH_BY_EXTENSION[ext] for ext in ("ttl", "jsonld", "nt", "rdf"))
FORMAT_NAMES = {"turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples", "rdfxml": "RDF/XML"}

PAGE_OFFERS: list[tuple[str, Sequence[str]]] = [
    HTML_OFFER,
    *((f.key, (f.media_type, *f.also) if f.key == "turtle" else (f.media_type,)) for f in PAGE_FORMATS),
]


def key_for_extension(ext: str) -> str | None:
    """The representation a file extension asks for: "html", a graph format key, or None if unknown."""
    if ext == "html":
        return "html"
    fmt = GRAPH_BY_EXTENSION.get(ext)
    return fmt.key if fmt else None


def extension_of(key: str) -> str:
    return "html" if key == "html" else BY_KEY[key].extension


def negotiated(request: Request, forced: str | None) -> str | None:
    """The representation to answer with: the extension's, else Accept's; None when none is acceptable."""
    return forced or choose(request.headers.get("accept"), PAGE_OFFERS, "html")


def not_acceptable(what: str = "available") -> Response:
    offered = ", ".join(["text/html"] + [f.media_type for f in PAGE_FORMATS])
    return PlainTextResponse(f"Not acceptable: {what} as {offered}.", status_code=406, headers={"Vary": "Accept"})


def format_links(local: str) -> list[dict[str, str]]:
    """The download links of a page (Turtle, JSON-LD, N-Triples, RDF/XML of the path ``local``)."""
    return [{"label": FORMAT_NAMES[f.key], "href": f"{local}.{f.extension}"} for f in PAGE_FORMATS]


def alternates(local: str) -> list[dict[str, str]]:
    """The page's ``<link rel="alternate">``s."""
    return [{"type": f.media_type, "href": f"{local}.{f.extension}"} for f in PAGE_FORMATS]


def serialize(graph: Graph, key: str) -> bytes:
    """The graph in a format, with our prefixes (and a JSON-LD context made of them)."""
    out = Graph(bind_namespaces="none")
    for prefix, ns in CURIES.prefixes.items():
        out.bind(prefix, ns, override=True)
    for triple in graph:
        out.add(triple)
    if key == "jsonld":
        return out.serialize(format="json-ld", context=dict(CURIES.prefixes), auto_compact=True, indent=2).encode(
            "utf-8"
        )
    data = out.serialize(format=BY_KEY[key].rdflib, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def rdf_response(graph: Graph, key: str, headers: Mapping[str, str]) -> Response:
    return Response(serialize(graph, key), media_type=BY_KEY[key].content_type, headers=dict(headers))


def document_routes(
    router: APIRouter, name: str, answer: Callable[[Request, str | None], Response], **schema: Any
) -> None:
    """``/{name}`` (by Accept) and ``/{name}.{ext}`` (the representation the extension names, or the 404
    page for one we do not serve) for a document that answers in HTML and RDF; GET ``/{name}`` is in
    the OpenAPI document when ``schema`` (tags, summary) is given, HEAD never."""

    def by_accept(request: Request) -> Response:
        return answer(request, None)

    def by_extension(request: Request, ext: str) -> Response:
        key = key_for_extension(ext)
        if key is None:
            return not_found_page(request, get_site(request).base.path(f"{name}.{ext}"))
        return answer(request, key)

    by_accept.__name__, by_extension.__name__ = name, f"{name}_file"
    router.add_api_route(f"/{name}", by_accept, methods=["GET"], include_in_schema=bool(schema), **schema)
    router.add_api_route(f"/{name}", by_accept, methods=["HEAD"], include_in_schema=False)
    router.add_api_route(f"/{name}.{{ext}}", by_extension, methods=["GET", "HEAD"], include_in_schema=False)
