"""The dataset's description (VoID and DCAT-AP 3.0) and its downloadable dumps.

- ``/dataset`` is the dataset's IRI (``{base}dataset``): an HTML page for people, and its
  description in Turtle, JSON-LD, N-Triples or RDF/XML (by Accept or extension:
  ``/dataset.ttl``). ``/.well-known/void`` redirects there (the VoID convention).
- ``/dumps/{file}`` serves the release's files: the dumps (``acuerdos.ttl``, ``.nt``, ``.jsonld``,
  ``.trig``, ``.nq``), their gzip copies (``acuerdos.ttl.gz``…), ``SHA256SUMS`` and
  ``manifest.json``, each with its media type, an ETag (304 on If-None-Match) and a ``Link`` to the
  description. A client that accepts gzip gets a dump compressed (the gzip copy, as it is on disk).

The description is a build artefact (``graph.description``: ``dataset.ttl`` in the release,
checked against the DCAT-AP shapes when it was built): it is read once per release and served as it
is; the page shows its figures.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF

from ..graph.dcat import DCAT, DUMPS, LICENSE, SPDX
from ..graph.description import DESCRIPTION
from ..graph.mirror import SUMS
from ..graph.void import EXAMPLES, VOID
from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import CURIES
from ..site import Site
from ..store import Backend
from .deps import data_version, get_and_head, get_backend, get_site, kept_value, root_of
from .i18n import pick_lang, strings
from .labels import fetch_labels
from .rdf_out import (
    alternates,
    document_routes,
    extension_of,
    format_links,
    negotiated,
    not_acceptable,
    rdf_response,
)
from .rendering import PAGE_VARY, Links, links_of, page_context, render
from .search import not_found_page

OTHER_FILES = {SUMS: "text/plain", "manifest.json": "application/json"}


def description(request: Request) -> Graph:
    """The release's description (``dataset.ttl``), read once per data version."""
    value: Graph = kept_value(request, "description")
    return value


def read_description(_backend: Backend, site: Site) -> Graph:
    """The release's ``dataset.ttl``; empty if it has none."""
    graph = Graph()
    path = site.release.folder / DESCRIPTION
    if path.is_file():
        graph.parse(path, format="turtle")
    return graph


# Up to this many named graphs the page lists each; past it (7,449 for a million triples: a 1.5-MB page),
# it counts them per folder, and the description (Turtle, JSON-LD, VoID) still lists every one.
GRAPHS_LISTED = 200


def described_by(request: Request) -> str:
    """The ``Link`` to the dataset's description, for the answers that belong to the dataset."""
    return f'<{root_of(request)}/dataset>; rel="describedby"'


def _int(graph: Graph, node: Any, prop: URIRef) -> int:
    value = graph.value(node, prop)
    return int(value) if value is not None else 0


def figures(graph: Graph, dataset: URIRef) -> dict[str, Any]:
    """The page's figures, as the description states them."""
    classes = [
        (str(graph.value(p, VOID["class"])), _int(graph, p, VOID.entities))
        for p in graph.objects(dataset, VOID.classPartition)
    ]
    graphs = [
        (str(s), _int(graph, s, VOID.triples))
        for s in graph.objects(dataset, VOID.subset)
        if isinstance(s, URIRef) and (s, VOID.linkPredicate, None) not in graph
    ]
    return {
        "triples": _int(graph, dataset, VOID.triples),
        "subjects": _int(graph, dataset, VOID.distinctSubjects),
        "properties": _int(graph, dataset, VOID.properties),
        "classes": sorted(classes, key=lambda c: (-c[1], c[0])),
        "graphs": sorted(graphs),
        "vocabularies": sorted(str(v) for v in graph.objects(dataset, VOID.vocabulary)),
        "publisher": graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name),
    }


def dumps(graph: Graph, dataset: URIRef, base: str) -> list[dict[str, Any]]:
    """The distributions the description lists, the plain dumps in the order of ``DUMPS`` then their gzip copies."""
    described = {str(d)[len(base + "dumps/") :]: d for d in graph.objects(dataset, DCAT.distribution)}
    out = []
    for name in [*DUMPS, *(n + ".gz" for n in DUMPS)]:
        node = described.get(name)
        dump = DUMPS[name.removesuffix(".gz")]
        size = graph.value(node, DCAT.byteSize) if node is not None else None
        checksum = graph.value(graph.value(node, SPDX.checksum), SPDX.checksumValue) if node is not None else None
        out.append(
            {
                "name": name,
                "media": dump.media,
                "label": dump.label + (" (gzip)" if name.endswith(".gz") else ""),
                "what": dump.what,
                "size": int(size.toPython()) if isinstance(size, Literal) else None,
                "sha256": str(checksum) if checksum is not None else None,
            }
        )
    return out


def by_folder(graphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The named graphs counted per folder of the files they hold (``data/curation/themes``: its graphs
    and their triples), in the order of the folders' names."""
    folders: dict[str, list[int]] = {}
    for g in graphs:
        folder = g["name"].rsplit("/", 1)[0] if "/" in g["name"] else g["name"]
        counted = folders.setdefault(folder, [0, 0])
        counted[0] += 1
        counted[1] += g["count"]
    return [{"name": f, "graphs": n, "count": t} for f, (n, t) in sorted(folders.items())]


def _page_context(request: Request, lang: str, version: str, links: Links) -> dict[str, Any]:
    base, root = links.base, links.root
    graph, dataset = description(request), URIRef(base.path("dataset"))
    stats = figures(graph, dataset)
    labels = fetch_labels(get_backend(request), [c for c, _ in stats["classes"]] + [base.path(p) for p in EXAMPLES])
    d = strings(lang, "dataset")
    graphs = [
        {
            "iri": g,
            "href": links.href(g),
            "name": g[len(base.graph("")) :] if base.local(g) is not None else g,
            "count": n,
        }
        for g, n in stats["graphs"]
    ]
    return page_context(
        request,
        lang,
        d["title"],
        version,
        d=d,
        stats=stats,
        built=get_site(request).manifest.get("date"),
        license=LICENSE,
        dumps=[{**dump, "href": f"{root}/dumps/{dump['name']}"} for dump in dumps(graph, dataset, base.iri)],
        sums=f"{root}/dumps/{SUMS}",
        classes=[
            {"iri": c, "href": links.href(c), "label": labels.text(c, lang), "curie": CURIES.shorten(c), "count": n}
            for c, n in stats["classes"]
        ],
        graphs=graphs,
        folders=by_folder(graphs) if len(graphs) > GRAPHS_LISTED else None,
        examples=[{"href": f"{root}/{p}", "label": labels.text(base.path(p), lang)} for p in EXAMPLES],
        endpoint=f"{root}/sparql",
        base=base.iri,
        formats=format_links(f"{root}/dataset"),
        alternates=alternates(f"{root}/dataset"),
    )


def _description(request: Request, forced: str | None) -> Response:
    key = negotiated(request, forced)
    if key is None:
        return not_acceptable()
    lang = pick_lang(request)
    version = data_version(get_backend(request))
    built = get_site(request).release.folder / DESCRIPTION
    stamp = built.stat().st_mtime_ns if built.is_file() else 0
    etag = etag_for(version, "dataset", key, lang if key == "html" else "", stamp)
    headers = cache_headers(etag, vary=PAGE_VARY if key == "html" else "Accept", version=version)
    headers["Content-Location"] = f"{root_of(request)}/dataset.{extension_of(key)}"
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return rdf_response(description(request), key, headers)
    return render("dataset.html", _page_context(request, lang, version, links_of(request)), headers=headers)


router = APIRouter()


document_routes(
    router,
    "dataset",
    _description,
    tags=["data"],
    summary="The dataset's VoID and DCAT-AP description (HTML, Turtle, JSON-LD, N-Triples by Accept)",
)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], include_in_schema=False)
def well_known_void(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset", status_code=303, headers={"Vary": "Accept"})


@router.api_route("/dumps", methods=["GET", "HEAD"], include_in_schema=False)
def dumps_index(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset#downloads", status_code=303)


def _media(name: str) -> str:
    if name in OTHER_FILES:
        return OTHER_FILES[name]
    if name.endswith(".gz"):
        return "application/gzip"
    return DUMPS[name].media


def _accepts_gzip(request: Request) -> bool:
    """Whether Accept-Encoding names gzip with a weight above 0."""
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, weight = part.partition(";")
        if coding.strip().lower() == "gzip":
            return weight.replace(" ", "").lower().rstrip("0").rstrip(".") not in ("q=", "q=0")
    return False


@get_and_head(
    router,
    "/dumps/{name}",
    tags=["data"],
    summary="A dump of the whole graph (acuerdos.ttl, .nt, .jsonld, .trig, .nq), its gzip copy (….gz), "
    "SHA256SUMS, or manifest.json",
)
def dump(request: Request, name: str) -> Response:
    site = get_site(request)
    iri = site.base.path("dumps/" + name)
    if name.removesuffix(".gz") not in DUMPS and name not in OTHER_FILES:
        return not_found_page(request, iri)
    path = site.release.folder / name
    if not path.is_file():
        return not_found_page(request, iri, message=f"{name}: " + strings(pick_lang(request), "dataset")["missing"])
    media = _media(name)
    packed = path.with_name(name + ".gz")
    encoded = name in DUMPS and packed.is_file() and _accepts_gzip(request)
    served = packed if encoded else path
    version = data_version(get_backend(request))
    stat = served.stat()
    headers = cache_headers(
        etag_for(version, "dump", served.name, stat.st_size, stat.st_mtime_ns), vary="Accept-Encoding", version=version
    )
    headers["Link"] = described_by(request)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    headers["Content-Disposition"] = f'attachment; filename="{name}"'
    if encoded:
        headers["Content-Encoding"] = "gzip"
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return FileResponse(served, media_type=media + charset, headers=headers)
