"""The dataset's description (VoID and DCAT) and its downloadable dumps.

- `/dataset` is the dataset's IRI (`{base}dataset`): an HTML page for people, and its VoID + DCAT
  description in Turtle, JSON-LD, N-Triples or RDF/XML (by Accept or extension: `/dataset.ttl`).
  `/.well-known/void` redirects there (the VoID convention).
- `/dumps/{file}` serves the built files of `dist/` (`acuerdos.ttl`, `.nt`, `.jsonld`, `.trig`,
  `.nq`, and `manifest.json`), each with its media type, the data version as ETag (304 on
  If-None-Match) and its size in the description.

The description states: title and description in both languages, licence, version (the content
hash), the SPARQL endpoint (as `void:sparqlEndpoint` and a `dcat:DataService`), the URI space,
the vocabularies used, example resources, the number of triples, subjects, properties and
classes, a class partition (entities per class), a subset per named graph (one per file), and a
`dcat:Distribution` per dump with its download URL, media type and byte size.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, RDFS, XSD

from .linked_data import (
    RDF_BY_KEY, by_extension, RDF_FORMATS, Data, cache_headers, curie, data_of, etag_for, fetch_labels,
    get_and_head, href_for, matches_etag, negotiate, not_found_page, not_modified, page_context, pick_lang, rdf_offers,
    rdf_response, render, root_of,
)

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
EXAMPLES = ("decision/2017-06-08-panama/agreement-13", "meeting/2017-06-08-panama", "conference/crm",
            "theme/gcm-objective/10")

DS_UI = {
    "en": {
        "title": "The acuerdos dataset", "lead": "The whole graph, to download or to query, with its description in VoID and DCAT.",
        "downloads": "Downloads", "file": "File", "format": "Format", "size": "Size", "what": "Contents",
        "description": "Description of the dataset", "statistics": "Figures", "triples": "Triples",
        "subjects": "Distinct subjects", "properties": "Properties", "classes": "Classes", "version": "Version (content hash)",
        "license": "Licence", "endpoint": "SPARQL endpoint", "uri_space": "IRI space", "class": "Class",
        "entities": "Resources", "graphs": "Named graphs (one per file)", "graph": "Graph",
        "description_as": "This description as", "vocabularies": "Vocabularies", "examples": "Example resources",
        "modified": "Built", "missing": "not built yet: run `acuerdos build`",
        "queries": "The named queries as SHACL SPARQL executables",
    },
    "es": {
        "title": "El conjunto de datos acuerdos", "lead": "El grafo completo, para descargar o consultar, con su descripción en VoID y DCAT.",
        "downloads": "Descargas", "file": "Archivo", "format": "Formato", "size": "Tamaño", "what": "Contenido",
        "description": "Descripción del conjunto de datos", "statistics": "Cifras", "triples": "Tripletas",
        "subjects": "Sujetos distintos", "properties": "Propiedades", "classes": "Clases", "version": "Versión (hash del contenido)",
        "license": "Licencia", "endpoint": "Punto de acceso SPARQL", "uri_space": "Espacio de IRI", "class": "Clase",
        "entities": "Recursos", "graphs": "Grafos con nombre (uno por archivo)", "graph": "Grafo",
        "description_as": "Esta descripción en", "vocabularies": "Vocabularios", "examples": "Recursos de ejemplo",
        "modified": "Construido", "missing": "aún no construido: ejecute `acuerdos build`",
        "queries": "Las consultas con nombre como ejecutables SPARQL de SHACL",
    },
}

router = APIRouter()
_CACHE: dict[tuple[str, str], dict[str, Any]] = {}


def dist_dir(request: Request) -> Path:
    return request.app.state.settings.dist_dir


def statistics(data: Data) -> dict[str, Any]:
    """Counts for the description; computed once per data version."""
    key = (data.version, data.base)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    one = data.select("SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties) "
                      "WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    row = one[0] if one else {}
    classes = data.select("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c")
    graphs = data.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    predicates = data.select("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")
    stats = {
        "triples": int(str(row.get("triples", 0))), "subjects": int(str(row.get("subjects", 0))),
        "properties": int(str(row.get("properties", 0))),
        "classes": [(str(r["c"]), int(str(r["n"]))) for r in classes if isinstance(r.get("c"), URIRef)],
        "graphs": [(str(r["g"]), int(str(r["n"]))) for r in graphs],
        "vocabularies": sorted({_namespace_of(str(r["p"])) for r in predicates if r.get("p") is not None} - {""}),
    }
    _CACHE.clear()
    _CACHE[key] = stats
    return stats


def _namespace_of(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else ""


def dumps(request: Request) -> list[dict[str, Any]]:
    folder = dist_dir(request)
    out = []
    for name, (media, label, what) in DUMPS.items():
        path = folder / name
        out.append({"name": name, "media": media, "label": label, "what": what,
                    "size": path.stat().st_size if path.is_file() else None})
    return out


def description_graph(request: Request, data: Data) -> Graph:
    base = data.base
    stats = statistics(data)
    graph = Graph()
    for prefix, ns in {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF, "schema": SCHEMA,
                       "owl": OWL, "xsd": XSD, "rdfs": RDFS}.items():
        graph.bind(prefix, ns)
    dataset = URIRef(base + "dataset")
    endpoint = URIRef(base + "sparql")
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("acuerdos: compromisos de la CRM y la CSM y el Pacto Mundial para la Migración", lang="es")))
    graph.add((dataset, DCTERMS.title, Literal("acuerdos: commitments of the CRM and the CSM and the Global Compact for Migration", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Grafo de conocimiento de las reuniones, documentos y decisiones de la Conferencia Regional sobre Migración y la "
        "Conferencia Suramericana sobre Migraciones, cada afirmación con su cita de la fuente, vinculadas a los objetivos y "
        "principios del Pacto Mundial para la Migración Segura, Ordenada y Regular.", lang="es")))
    graph.add((dataset, DCTERMS.description, Literal(
        "A knowledge graph of the meetings, documents and decisions of the Regional Conference on Migration and the South "
        "American Conference on Migration, each statement with its quote of the source, linked to the objectives and "
        "guiding principles of the Global Compact for Safe, Orderly and Regular Migration.", lang="en")))
    graph.add((dataset, DCTERMS.license, URIRef(LICENSE)))
    graph.add((dataset, OWL.versionInfo, Literal(data.version)))
    graph.add((dataset, DCAT.version, Literal(data.version)))
    graph.add((dataset, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/es")))
    graph.add((dataset, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/en")))
    for keyword in ("migration", "migración", "Global Compact for Migration", "Pacto Mundial para la Migración",
                    "Regional Conference on Migration", "Conferencia Suramericana sobre Migraciones", "regional consultative process"):
        graph.add((dataset, DCAT.keyword, Literal(keyword)))
    graph.add((dataset, DCAT.landingPage, URIRef(base)))
    graph.add((dataset, FOAF.homepage, URIRef(base)))
    graph.add((dataset, VOID.sparqlEndpoint, endpoint))
    graph.add((dataset, VOID.uriSpace, Literal(base)))
    graph.add((dataset, VOID.feature, URIRef("http://www.w3.org/ns/formats/Turtle")))
    graph.add((dataset, VOID.feature, URIRef("http://www.w3.org/ns/formats/JSON-LD")))
    graph.add((dataset, VOID.feature, URIRef("http://www.w3.org/ns/formats/N-Triples")))
    graph.add((dataset, VOID.triples, Literal(stats["triples"], datatype=XSD.integer)))
    graph.add((dataset, VOID.distinctSubjects, Literal(stats["subjects"], datatype=XSD.integer)))
    graph.add((dataset, VOID.properties, Literal(stats["properties"], datatype=XSD.integer)))
    graph.add((dataset, VOID.classes, Literal(len(stats["classes"]), datatype=XSD.integer)))
    for vocabulary in stats["vocabularies"]:
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for path in EXAMPLES:
        graph.add((dataset, VOID.exampleResource, URIRef(base + path)))
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
        graph.add((subset, SCHEMA.name, Literal(name[len(base + "graph/"):] if name.startswith(base) else name)))
    service = URIRef(base + "sparql")
    graph.add((dataset, DCAT.accessService, service))
    graph.add((service, RDF.type, DCAT.DataService))
    graph.add((service, DCAT.endpointURL, endpoint))
    graph.add((service, DCAT.servesDataset, dataset))
    graph.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    graph.add((service, DCTERMS.title, Literal("acuerdos SPARQL endpoint", lang="en")))
    graph.add((service, DCTERMS.title, Literal("Punto de acceso SPARQL de acuerdos", lang="es")))
    for dump in dumps(request):
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
    return graph


def _description(request: Request, forced: str | None) -> Response:
    data = data_of(request)
    key = forced or negotiate(request.headers.get("accept"), rdf_offers(), "html")
    if key is None:
        return Response("Not acceptable: available as text/html, " + ", ".join(f.media_type for f in RDF_FORMATS) + "\n",
                        status_code=406, media_type="text/plain", headers={"Vary": "Accept"})
    lang = pick_lang(request)
    version = data.version
    sizes = ",".join(str(d["size"]) for d in dumps(request))
    etag = etag_for(version, "dataset", key, lang if key == "html" else "", sizes)
    headers = cache_headers(etag, vary="Accept, Accept-Language" if key == "html" else "Accept", version=version)
    root = root_of(request)
    headers["Content-Location"] = f"{root}/dataset.{'html' if key == 'html' else RDF_BY_KEY[key].extension}"
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return rdf_response(description_graph(request, data), RDF_BY_KEY[key], data.base, headers)
    stats = statistics(data)
    labels = fetch_labels(data, [c for c, _ in stats["classes"]] + [data.base + p for p in EXAMPLES])
    manifest_path = dist_dir(request) / "manifest.json"
    built = None
    if manifest_path.is_file():
        from datetime import datetime, timezone

        built = datetime.fromtimestamp(manifest_path.stat().st_mtime, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    d = DS_UI[lang]
    context = page_context(
        request, lang, d["title"], version, d=d, stats=stats, built=built, license=LICENSE,
        dumps=[{**dump, "href": f"{root}/dumps/{dump['name']}"} for dump in dumps(request)],
        classes=[{"iri": c, "href": href_for(c, data.base, root), "label": labels.text(c, lang), "curie": curie(c),
                  "count": n} for c, n in stats["classes"]],
        graphs=[{"iri": g, "href": href_for(g, data.base, root), "name": g[len(data.base + "graph/"):]
                 if g.startswith(data.base) else g, "count": n} for g, n in stats["graphs"]],
        examples=[{"href": f"{root}/{p}", "label": labels.text(data.base + p, lang)} for p in EXAMPLES],
        endpoint=f"{root}/sparql", base=data.base,
        formats=[{"label": name, "href": f"{root}/dataset.{f.extension}"}
                 for name, f in zip(("Turtle", "JSON-LD", "N-Triples", "RDF/XML"), RDF_FORMATS)],
        alternates=[{"type": f.media_type, "href": f"{root}/dataset.{f.extension}"} for f in RDF_FORMATS],
    )
    return render("dataset.html", context, headers=headers)


@get_and_head(router, "/dataset", tags=["data"],
                  summary="The dataset's VoID and DCAT description (HTML, Turtle, JSON-LD, N-Triples by Accept)")
def dataset(request: Request) -> Response:
    return _description(request, None)


@router.api_route("/dataset.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
def dataset_file(request: Request, ext: str) -> Response:
    return by_extension(request, "dataset", ext, _description)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], include_in_schema=False)
def well_known_void(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset", status_code=303, headers={"Vary": "Accept"})


@router.api_route("/dumps", methods=["GET", "HEAD"], include_in_schema=False)
def dumps_index(request: Request) -> Response:
    return RedirectResponse(f"{root_of(request)}/dataset#downloads", status_code=303)


@get_and_head(router, "/dumps/{name}", tags=["data"],
                  summary="A dump of the whole graph: acuerdos.ttl, .nt, .jsonld, .trig, .nq, or manifest.json")
def dump(request: Request, name: str) -> Response:
    if name not in DUMPS and name != "manifest.json":
        return not_found_page(request, data_of(request).base + "dumps/" + name)
    path = dist_dir(request) / name
    if not path.is_file():
        return not_found_page(request, data_of(request).base + "dumps/" + name,
                              message=f"{name}: " + DS_UI[pick_lang(request)]["missing"])
    data = data_of(request)
    stat = path.stat()
    etag = etag_for(data.version, "dump", name, stat.st_size, stat.st_mtime_ns)
    headers = cache_headers(etag, vary="Accept-Encoding", version=data.version)
    if matches_etag(request, etag):
        return not_modified(headers)
    media = DUMPS[name][0] if name in DUMPS else "application/json"
    headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return FileResponse(path, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""),
                        headers=headers)
