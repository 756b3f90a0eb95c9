"""The dataset's description (VoID and DCAT) and its downloadable dumps.

- ``/dataset`` is the dataset's IRI (``{base}dataset``): an HTML page for people, and its VoID +
  DCAT description in Turtle, JSON-LD, N-Triples or RDF/XML (by Accept or extension:
  ``/dataset.ttl``). ``/.well-known/void`` redirects there (the VoID convention).
- ``/dumps/{file}`` serves the release's files (``acuerdos.ttl``, ``.nt``, ``.jsonld``, ``.trig``,
  ``.nq``, and ``manifest.json``), each with its media type, an ETag (304 on If-None-Match) and its
  size in the description.

The description states: titles and descriptions in both languages, licence, version (the content
hash), the SPARQL endpoint, the URI space, the vocabularies used, example resources, the number of
triples, subjects, properties and classes, a class partition, a subset per named graph (one per
file), and a ``dcat:Distribution`` per dump. The figures are computed once per data version and
kept on the app (``app.state.statistics``).
"""

from __future__ import annotations

import hashlib
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, XSD

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import CURIES
from ..store import Backend
from .deps import PerVersion, data_version, get_and_head, get_backend, get_site, root_of
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

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SCHEMA = Namespace("https://schema.org/")

DUMPS: dict[str, tuple[str, str, str]] = {
    # file: (media type, format name, description)
    "acuerdos.ttl": ("text/turtle", "Turtle", "every statement, the named graphs merged"),
    "acuerdos.nt": ("application/n-triples", "N-Triples", "every statement, the named graphs merged"),
    "acuerdos.jsonld": ("application/ld+json", "JSON-LD", "the named graphs kept apart"),
    "acuerdos.trig": ("application/trig", "TriG", "the named graphs kept apart (one per file)"),
    "acuerdos.nq": ("application/n-quads", "N-Quads", "the named graphs kept apart (one per file)"),
}
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
EXAMPLES = (
    "decision/2017-06-08-panama/agreement-13",
    "meeting/2017-06-08-panama",
    "conference/crm",
    "theme/gcm-objective/10",
)
TITLES = {
    "es": "acuerdos: compromisos de la CRM y la CSM y el Pacto Mundial para la Migración",
    "en": "acuerdos: commitments of the CRM and the CSM and the Global Compact for Migration",
}
DESCRIPTIONS = {
    "es": "Grafo de conocimiento de las reuniones, documentos y decisiones de la Conferencia Regional sobre Migración "
    "y la Conferencia Suramericana sobre Migraciones, cada afirmación con su cita de la fuente, vinculadas a los "
    "objetivos y principios del Pacto Mundial para la Migración Segura, Ordenada y Regular.",
    "en": "A knowledge graph of the meetings, documents and decisions of the Regional Conference on Migration and the "
    "South American Conference on Migration, each statement with its quote of the source, linked to the objectives "
    "and guiding principles of the Global Compact for Safe, Orderly and Regular Migration.",
}
KEYWORDS = (
    "migration",
    "migración",
    "Global Compact for Migration",
    "Pacto Mundial para la Migración",
    "Regional Conference on Migration",
    "Conferencia Suramericana sobre Migraciones",
    "regional consultative process",
)


def _int(value: Any) -> int:
    return int(str(value if value is not None else 0))


def _namespace_of(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else ""


def compute_statistics(backend: Backend) -> dict[str, Any]:
    """The figures of the description: triples, subjects, properties, classes, graphs, vocabularies."""
    one = backend.select(
        "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties) "
        "WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    )
    row = one[0] if one else {}
    classes = backend.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c")
    graphs = backend.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    predicates = backend.select("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")
    return {
        "triples": _int(row.get("triples")),
        "subjects": _int(row.get("subjects")),
        "properties": _int(row.get("properties")),
        "classes": [(str(r["c"]), _int(r["n"])) for r in classes if isinstance(r.get("c"), URIRef)],
        "graphs": [(str(r["g"]), _int(r["n"])) for r in graphs],
        "vocabularies": sorted({_namespace_of(str(r["p"])) for r in predicates if r.get("p") is not None} - {""}),
    }


def statistics(request: Request) -> dict[str, Any]:
    """The figures, computed once per data version."""
    backend = get_backend(request)
    cache: PerVersion[dict[str, Any]] = request.app.state.statistics
    return cache.get(data_version(backend), lambda: compute_statistics(backend))


def dumps(request: Request) -> list[dict[str, Any]]:
    folder = get_site(request).release.folder
    out = []
    for name, (media, label, what) in DUMPS.items():
        path = folder / name
        size = path.stat().st_size if path.is_file() else None
        out.append({"name": name, "media": media, "label": label, "what": what, "size": size})
    return out


def _describe_dataset(graph: Graph, dataset: URIRef, base: str, version: str) -> None:
    for kind in (VOID.Dataset, DCAT.Dataset):
        graph.add((dataset, RDF.type, kind))
    for lang in ("es", "en"):
        graph.add((dataset, DCTERMS.title, Literal(TITLES[lang], lang=lang)))
        graph.add((dataset, DCTERMS.description, Literal(DESCRIPTIONS[lang], lang=lang)))
        graph.add((dataset, DCTERMS.language, URIRef(f"http://id.loc.gov/vocabulary/iso639-1/{lang}")))
    graph.add((dataset, DCTERMS.license, URIRef(LICENSE)))
    graph.add((dataset, OWL.versionInfo, Literal(version)))
    graph.add((dataset, DCAT.version, Literal(version)))
    for keyword in KEYWORDS:
        graph.add((dataset, DCAT.keyword, Literal(keyword)))
    graph.add((dataset, DCAT.landingPage, URIRef(base)))
    graph.add((dataset, FOAF.homepage, URIRef(base)))
    graph.add((dataset, VOID.uriSpace, Literal(base)))
    for feature in ("Turtle", "JSON-LD", "N-Triples"):
        graph.add((dataset, VOID.feature, URIRef(f"http://www.w3.org/ns/formats/{feature}")))
    for path in EXAMPLES:
        graph.add((dataset, VOID.exampleResource, URIRef(base + path)))


def _describe_figures(graph: Graph, dataset: URIRef, base: str, stats: dict[str, Any]) -> None:
    for predicate, value in (
        (VOID.triples, stats["triples"]),
        (VOID.distinctSubjects, stats["subjects"]),
        (VOID.properties, stats["properties"]),
        (VOID.classes, len(stats["classes"])),
    ):
        graph.add((dataset, predicate, Literal(value, datatype=XSD.integer)))
    for vocabulary in stats["vocabularies"]:
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for cls, count in stats["classes"]:
        part = BNode("class_" + hashlib.sha1(cls.encode()).hexdigest()[:12])
        graph.add((dataset, VOID.classPartition, part))
        graph.add((part, VOID["class"], URIRef(cls)))
        graph.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    for name, count in stats["graphs"]:
        subset = URIRef(name)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        graph.add((subset, SCHEMA.name, Literal(name[len(base + "graph/") :] if name.startswith(base) else name)))


def _describe_service(graph: Graph, dataset: URIRef, base: str) -> None:
    service = URIRef(base + "sparql")
    graph.add((dataset, VOID.sparqlEndpoint, service))
    graph.add((dataset, DCAT.accessService, service))
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCAT.endpointURL, service))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    graph.add((service, DCTERMS.title, Literal("acuerdos SPARQL endpoint", lang="en")))
    graph.add((service, DCTERMS.title, Literal("Punto de acceso SPARQL de acuerdos", lang="es")))


def _describe_dump(graph: Graph, dataset: URIRef, base: str, dump: dict[str, Any]) -> None:
    url = URIRef(f"{base}dumps/{dump['name']}")
    graph.add((dataset, VOID.dataDump, url))
    graph.add((dataset, DCAT.distribution, url))
    graph.add((url, RDF.type, DCAT.Distribution))
    graph.add((url, DCAT.downloadURL, url))
    graph.add((url, DCAT.accessURL, url))
    graph.add((url, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{dump['media']}")))
    graph.add((url, DCTERMS.format, Literal(dump["media"])))
    graph.add((url, DCTERMS.title, Literal(f"acuerdos, {dump['label']}", lang="en")))
    graph.add((url, DCTERMS.description, Literal(dump["what"], lang="en")))
    graph.add((url, DCTERMS.license, URIRef(LICENSE)))
    if dump["size"] is not None:
        graph.add((url, DCAT.byteSize, Literal(dump["size"], datatype=XSD.nonNegativeInteger)))


def description_graph(request: Request) -> Graph:
    """The VoID and DCAT description of the dataset."""
    base = get_site(request).base.iri
    graph = Graph()
    dataset = URIRef(base + "dataset")
    _describe_dataset(graph, dataset, base, data_version(get_backend(request)))
    _describe_figures(graph, dataset, base, statistics(request))
    _describe_service(graph, dataset, base)
    for dump in dumps(request):
        _describe_dump(graph, dataset, base, dump)
    return graph


def _page_context(request: Request, lang: str, version: str, links: Links) -> dict[str, Any]:
    stats = statistics(request)
    base, root = links.base, links.root
    labels = fetch_labels(get_backend(request), [c for c, _ in stats["classes"]] + [base.path(p) for p in EXAMPLES])
    d = strings(lang, "dataset")
    return page_context(
        request,
        lang,
        d["title"],
        version,
        d=d,
        stats=stats,
        built=get_site(request).manifest.get("date"),
        license=LICENSE,
        dumps=[{**dump, "href": f"{root}/dumps/{dump['name']}"} for dump in dumps(request)],
        classes=[
            {"iri": c, "href": links.href(c), "label": labels.text(c, lang), "curie": CURIES.shorten(c), "count": n}
            for c, n in stats["classes"]
        ],
        graphs=[
            {
                "iri": g,
                "href": links.href(g),
                "name": g[len(base.graph("")) :] if base.local(g) is not None else g,
                "count": n,
            }
            for g, n in stats["graphs"]
        ],
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
    sizes = ",".join(str(d["size"]) for d in dumps(request))
    etag = etag_for(version, "dataset", key, lang if key == "html" else "", sizes)
    headers = cache_headers(etag, vary=PAGE_VARY if key == "html" else "Accept", version=version)
    headers["Content-Location"] = f"{root_of(request)}/dataset.{extension_of(key)}"
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return rdf_response(description_graph(request), key, headers)
    return render("dataset.html", _page_context(request, lang, version, links_of(request)), headers=headers)


router = APIRouter()


document_routes(
    router,
    "dataset",
    _description,
    tags=["data"],
    summary="The dataset's VoID and DCAT description (HTML, Turtle, JSON-LD, N-Triples by Accept)",
)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], include_in_schema=False)
def well_known_void(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset", status_code=303, headers={"Vary": "Accept"})


@router.api_route("/dumps", methods=["GET", "HEAD"], include_in_schema=False)
def dumps_index(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset#downloads", status_code=303)


@get_and_head(
    router,
    "/dumps/{name}",
    tags=["data"],
    summary="A dump of the whole graph: acuerdos.ttl, .nt, .jsonld, .trig, .nq, or manifest.json",
)
def dump(request: Request, name: str) -> Response:
    iri = get_site(request).base.path("dumps/" + name)
    if name not in DUMPS and name != "manifest.json":
        return not_found_page(request, iri)
    path = get_site(request).release.folder / name
    if not path.is_file():
        return not_found_page(request, iri, message=f"{name}: " + strings(pick_lang(request), "dataset")["missing"])
    version = data_version(get_backend(request))
    stat = path.stat()
    headers = cache_headers(
        etag_for(version, "dump", name, stat.st_size, stat.st_mtime_ns), vary="Accept-Encoding", version=version
    )
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    media = DUMPS[name][0] if name in DUMPS else "application/json"
    headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return FileResponse(
        path, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""), headers=headers
    )
