"""What a crawler and a mirror read first: ``/robots.txt`` and ``/sitemap.xml``.

``/sitemap.xml`` lists every page of the site: the home page, the dataset, the documentation pages
and every resource of the graph (each IRI under the base that is the subject of a statement, and
each named graph), at the URLs this server answers on (the request's own scheme, host and root
path, which a reverse proxy passes in ``X-Forwarded-*``). A sitemap holds at most 50,000 URLs
(sitemaps.org): past that, ``/sitemap.xml`` is a sitemap index naming ``/sitemap-1.xml``,
``/sitemap-2.xml``… of 50,000 pages each (the whole record runs to several hundred thousand).
``resource_paths`` is the list a static export writes too. ``/robots.txt`` points to the sitemap
and keeps crawlers off the SPARQL endpoint (each query costs a worker; the pages hold the same
statements).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import Base
from ..store import Backend
from .deps import data_version, get_and_head, get_backend, get_site, kept_value, root_of
from .describe import counted_node
from .rendering import sparql_iri
from .search import not_found_page

# pages of the service that are no resource of the graph
SITE_PAGES = ("", "dataset", "ontology", "schemes", "shapes", "queries", "charts")
SITEMAP_LIMIT = 50_000  # URLs in one sitemap file (sitemaps.org)


def resource_paths(backend: Backend, base: Base) -> list[str]:
    """The path under the base of every resource page: each IRI under the base that is the subject
    of a statement (not the ontology's terms, which are fragments of its page, nor the count nodes the
    build derives, whose pages answer but are figures, not resources), and each named graph."""
    prefix = sparql_iri(base.iri)[1:-1]
    # the count nodes taken out of the distinct subjects at once (MINUS): a NOT EXISTS would be
    # tested for every statement (at 1M triples 23 s instead of 5)
    rows = backend.select(
        "SELECT ?s WHERE { { SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?s { } } "  # each graph once
        f'FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{prefix}") && !CONTAINS(STR(?s), "#")) }} }} '
        f"MINUS {{ {counted_node('?s')} }} }}",
        whole=True,
    )
    paths = {base.local(str(row["s"])) for row in rows}
    return sorted(p for p in paths if p)


def _paths(request: Request) -> list[str]:
    value: list[str] = kept_value(request, "sitemap")
    return value


def site_url(request: Request) -> str:
    """This site's URL as the client reached it (scheme, host, root path), ending in a slash."""
    return str(request.base_url)


router = APIRouter(tags=["service"])


def _pages(request: Request) -> list[str]:
    return list(dict.fromkeys([*SITE_PAGES, *_paths(request)]))


def _xml(root: str, body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</{root}>\n'


def _answer(request: Request, name: str, make: Callable[[str], str | None]) -> Response:
    """The sitemap or one of its parts (the file ``name``), with its ETag; 404 for a part there is not."""
    version = data_version(get_backend(request))
    url = site_url(request)
    headers = cache_headers(etag_for(version, name, url), version=version)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    xml = make(url)
    if xml is None:
        return not_found_page(request, get_site(request).base.path(name))
    return Response(xml, media_type="application/xml", headers=headers)


def _urlset(url: str, pages: list[str]) -> str:
    return _xml("urlset", "".join(f"<url><loc>{escape(url + path)}</loc></url>\n" for path in pages))


@get_and_head(router, "/sitemap.xml", summary="Every page of the site (sitemaps.org), or an index of its parts")
def sitemap(request: Request) -> Response:
    def make(url: str) -> str:
        pages = _pages(request)
        if len(pages) <= SITEMAP_LIMIT:
            return _urlset(url, pages)
        parts = range(1, -(-len(pages) // SITEMAP_LIMIT) + 1)
        body = "".join(f"<sitemap><loc>{escape(f'{url}sitemap-{n}.xml')}</loc></sitemap>\n" for n in parts)
        return _xml("sitemapindex", body)

    return _answer(request, "sitemap.xml", make)


@router.api_route("/sitemap-{part}.xml", methods=["GET", "HEAD"], include_in_schema=False)
def sitemap_part(request: Request, part: str) -> Response:
    """The ``part``-th 50,000 pages, when the sitemap is an index (a part not there, or not a number: 404)."""
    number = int(part) if part.isascii() and part.isdigit() and len(part) < 9 else 0

    def make(url: str) -> str | None:
        pages = _pages(request)
        chunk = pages[(number - 1) * SITEMAP_LIMIT : number * SITEMAP_LIMIT] if number >= 1 else []
        return _urlset(url, chunk) if len(pages) > SITEMAP_LIMIT and chunk else None

    return _answer(request, f"sitemap-{part}.xml", make)


@router.api_route("/robots.txt", methods=["GET", "HEAD"], include_in_schema=False)
def robots(request: Request) -> Response:
    url = site_url(request)
    text = f"User-agent: *\nDisallow: {root_of(request)}/sparql\nSitemap: {url}sitemap.xml\n"
    return PlainTextResponse(text)
