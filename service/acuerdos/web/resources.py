"""Linked data: every IRI of the graph dereferences on this server.

The site's base IRI is mapped to the root of the host, so ``{base}decision/2017-06-08-panama/
agreement-13`` is served at ``/decision/2017-06-08-panama/agreement-13``: an HTML page for browsers
(``describe``), and Turtle, JSON-LD, N-Triples or RDF/XML by Accept or by extension (``.ttl``,
``.jsonld``, ``.nt``, ``.rdf``, ``.html``), always with ``Vary: Accept``. A named graph (``graph/…``)
that is no resource of its own answers with its size and its statements. This router is mounted
last: its catch-all route answers every path the others do not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from rdflib import Graph

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..store import Backend
from .charts import followup_view, theme_view
from .deps import data_version, get_backend, get_site, root_of
from .describe import build_resource_page, resource_graph
from .docs_schemes import scheme_page
from .explorer import decisions_about
from .i18n import pick_lang, strings
from .rdf_out import alternates, extension_of, format_links, key_for_extension, negotiated, not_acceptable, rdf_response
from .rendering import PAGE_VARY, is_iri, links_of, page_context, render, sparql_iri
from .search import not_found_page
from .tracker import actor_links

VOID_IN_DATASET = "http://rdfs.org/ns/void#inDataset"  # the resource's dataset, whose description says more
_EXTENSION = re.compile(r"^(?P<path>.+?)\.(?P<ext>ttl|jsonld|nt|rdf|html)$")


def named_graph_size(backend: Backend, iri: str) -> int:
    rows = backend.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + sparql_iri(iri) + " { ?s ?p ?o } }")
    return int(str(rows[0]["n"])) if rows and rows[0].get("n") is not None else 0


def named_graph_content(backend: Backend, iri: str) -> Graph:
    return backend.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH " + sparql_iri(iri) + " { ?s ?p ?o } }")


def _rdf(backend: Backend, iri: str, path: str, key: str, headers: Mapping[str, str]) -> Response:
    """The resource's statements, or a named graph's, in an RDF format."""
    graph = resource_graph(backend, iri)
    if not len(graph):
        if not (path.startswith("graph/") and named_graph_size(backend, iri)):
            return PlainTextResponse(f"Not found: {iri}", status_code=404, headers={"Vary": "Accept"})
        graph = named_graph_content(backend, iri)
    return rdf_response(graph, key, headers)


def _named_graph_page(
    request: Request, iri: str, size: int, lang: str, version: str, headers: Mapping[str, str]
) -> Response:
    name = iri[len(get_site(request).base.graph("")) :]
    context = page_context(
        request,
        lang,
        f"{strings(lang)['named_graph']} {name}",
        version,
        iri=iri,
        size=size,
        name=name,
        formats=format_links(links_of(request).href(iri)),
    )
    return render("named_graph.html", context, headers=dict(headers))


def _page(request: Request, iri: str, path: str, lang: str, version: str, headers: Mapping[str, str]) -> Response:
    """The resource's page (a concept scheme's own, a named graph's), or the 404 page."""
    if path.startswith("scheme/"):  # a scheme has a page of its own: no generic page built to throw away
        special = scheme_page(request, iri, lang, version, headers)
        if special is not None:
            return special
    backend, links = get_backend(request), links_of(request)
    page = build_resource_page(backend, iri, lang, links)
    if page is None:
        size = named_graph_size(backend, iri) if path.startswith("graph/") else 0
        if size:
            return _named_graph_page(request, iri, size, lang, version, headers)
        return not_found_page(request, iri, lang)
    local = links.href(iri)
    context = page_context(
        request,
        lang,
        page["title"],
        version,
        page=page,
        alternates=alternates(local),
        formats=format_links(local),
        canonical=None,
        about=actor_links(request, iri, page["title"], lang),
        followup_graph=followup_view(request, iri, lang, version) if path.startswith("decision/") else None,
        theme=theme_view(request, iri, lang, version) if path.startswith("theme/") else None,
        decisions=decisions_about(request, iri, lang),
    )
    return render("resource.html", context, headers=headers)


def _resource_response(request: Request, path: str, forced: str | None) -> Response:
    iri = get_site(request).base.path(path)
    if not is_iri(iri):
        return not_found_page(request, iri)
    key = negotiated(request, forced)
    if key is None:
        return not_acceptable("this resource is available")
    lang = pick_lang(request)
    backend = get_backend(request)
    version = data_version(backend)
    etag = etag_for(version, "resource", iri, key, lang if key == "html" else "")
    headers = cache_headers(etag, vary=PAGE_VARY if key == "html" else "Accept", version=version)
    headers["Content-Location"] = links_of(request).href(iri) + "." + extension_of(key)
    headers["Link"] = f'<{iri}>; rel="canonical", <{root_of(request)}/dataset>; rel="{VOID_IN_DATASET}"'
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return _rdf(backend, iri, path, key, headers)
    return _page(request, iri, path, lang, version, headers)


router = APIRouter()


@router.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
def resource(request: Request, path: str) -> Response:
    """Any IRI under the base: its page, or its statements in the format asked for."""
    if not path:
        return not_found_page(request, None)
    if path.endswith("/") and path.strip("/"):
        # one leading slash only: "//host" in a Location header would send the client to another host
        return RedirectResponse(root_of(request) + "/" + path.strip("/"), status_code=301)
    match = _EXTENSION.match(path)
    if match:
        return _resource_response(request, match.group("path"), key_for_extension(match.group("ext")))
    return _resource_response(request, path, None)
