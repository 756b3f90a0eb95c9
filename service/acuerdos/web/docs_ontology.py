"""The ontology's documentation, generated from its named graph in the store.

``/ontology`` is the ontology's IRI (terms ``…/ontology#Agreement``): HTML for browsers, one entry
per class and property anchored at its local name, so that ``…/ontology#Agreement`` lands on its
entry; Turtle, JSON-LD, N-Triples or RDF/XML by Accept or extension (``/ontology.ttl``…). The
page shows labels and definitions in both languages, the class and property hierarchies, domains
and ranges (unions spelled out), what each class is the domain or range of, disjointness, and the
ontology's metadata. ``/ontology/{version}`` is a version IRI: the current version is this
ontology, a past one the files a release keeps under ``releases/{version}/``, any other a 404.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import CURIES, ONTOLOGY_IRI, ONTOLOGY_NS, PREFIXES
from ..rdf.formats import GRAPH_BY_EXTENSION, choose
from ..store import Backend
from .deps import data_version, get_backend, get_site, root_of
from .docs_schemes import schemes_list
from .i18n import other_lang, pick_lang, strings
from .labels import Labels, fetch_labels, pick, texts_of
from .rdf_out import (
    PAGE_FORMATS,
    alternates,
    document_routes,
    extension_of,
    format_links,
    key_for_extension,
    negotiated,
    not_acceptable,
    rdf_response,
)
from .rendering import PAGE_VARY, Links, links_of, page_context, render, sparql_iri
from .search import not_found_page

DCT, SKOS, VANN = PREFIXES["dcterms"], PREFIXES["skos"], "http://purl.org/vocab/vann/"
ONTOLOGY = URIRef(ONTOLOGY_IRI)
_VERSION = re.compile(r"(?P<version>[0-9A-Za-z][0-9A-Za-z._-]*?)(?:\.(?P<ext>ttl|jsonld|nt|rdf|html))?")
_PROPERTY_KINDS = (
    ("object_properties", OWL.ObjectProperty, "object_property"),
    ("datatype_properties", OWL.DatatypeProperty, "datatype_property"),
    ("annotation_properties", OWL.AnnotationProperty, "annotation_property"),
)


def ontology_graph(request: Request) -> Graph:
    """The ontology's own named graph (the file ontology/acuerdos.ttl) from the store."""
    name = get_site(request).base.graph("ontology/acuerdos")
    return get_backend(request).construct(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH " + sparql_iri(name) + " { ?s ?p ?o } }"
    )


def current_version(request: Request) -> str | None:
    """The ontology's owl:versionInfo in the store."""
    name = sparql_iri(get_site(request).base.graph("ontology/acuerdos"))
    rows = get_backend(request).select(
        f"SELECT ?v WHERE {{ GRAPH {name} {{ <{ONTOLOGY_IRI}> <{OWL.versionInfo}> ?v }} }} LIMIT 1"
    )
    return str(rows[0]["v"]) if rows else None


def _dedupe(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in refs:
        key = r.get("iri") or repr(r)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return sorted(out, key=lambda r: str(r.get("label", "")).lower())


class OntologyModel:
    """What the ontology page shows: metadata, then each class and property with its entry.

    Our terms link to their entry on the page; others to where they are served (``Links``).
    """

    def __init__(self, graph: Graph, lang: str, links: Links, labels: Labels) -> None:
        self.graph, self.lang, self.links, self.labels = graph, lang, links, labels

    def ours(self, node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_NS)

    def ref(self, node: Node) -> dict[str, Any]:
        if isinstance(node, BNode):
            members = self._union(node)
            if members is not None:
                return {"kind": "union", "members": [self.ref(m) for m in members]}
            return {"kind": "text", "text": "[…]"}
        iri = str(node)
        if self.ours(node):
            local = iri[len(ONTOLOGY_NS) :]
            label = pick(texts_of(self.graph, node, RDFS.label), self.lang) or local
            return {
                "kind": "iri",
                "href": f"{self.links.root}/ontology#{local}",
                "label": label,
                "curie": f"acu:{local}",
                "iri": iri,
                "local": True,
            }
        return {
            "kind": "iri",
            "href": self.links.href(iri),
            "label": self.labels.get(iri, self.lang) or CURIES.shorten(iri),
            "curie": CURIES.shorten(iri),
            "iri": iri,
            "local": self.links.is_local(iri),
        }

    def _union(self, node: Node) -> list[Node] | None:
        for head in self.graph.objects(node, OWL.unionOf):
            return list(Collection(self.graph, head))
        return None

    def refs(self, nodes: Any) -> list[dict[str, Any]]:
        return [self.ref(n) for n in nodes]

    def metadata(self) -> dict[str, Any]:
        g, lang = self.graph, self.lang
        title, label = texts_of(g, ONTOLOGY, URIRef(DCT + "title")), texts_of(g, ONTOLOGY, RDFS.label)

        def literal(p: str) -> str:
            return next((str(o) for o in g.objects(ONTOLOGY, URIRef(p))), "")

        return {
            "iri": ONTOLOGY_IRI,
            "title": pick(title, lang) or pick(label, lang) or "acuerdos ontology",
            "other_title": title.get(other_lang(lang), ""),
            "description": pick(texts_of(g, ONTOLOGY, URIRef(DCT + "description")), lang),
            "version": literal(str(OWL.versionInfo)),
            "version_iri": literal(str(OWL.versionIRI)),
            "created": literal(DCT + "created"),
            "modified": literal(DCT + "modified"),
            "license": literal(DCT + "license"),
            "creator": literal(DCT + "creator"),
            "prefix": literal(VANN + "preferredNamespacePrefix") or "acu",
            "namespace": literal(VANN + "preferredNamespaceUri") or ONTOLOGY_NS,
            "see_also": self.refs(g.objects(ONTOLOGY, RDFS.seeAlso)),
        }

    def entry(self, node: URIRef, kind: str) -> dict[str, Any]:
        g = self.graph
        local = str(node)[len(ONTOLOGY_NS) :]
        labels = texts_of(g, node, RDFS.label)
        definition = texts_of(g, node, URIRef(SKOS + "definition"))
        comment = texts_of(g, node, RDFS.comment)
        return {
            "id": local,
            "iri": str(node),
            "kind": kind,
            "curie": f"acu:{local}",
            "label": pick(labels, self.lang) or local,
            "labels": labels,
            "definition": definition or comment,
            "comment": comment if definition else {},
            "scope_note": texts_of(g, node, URIRef(SKOS + "scopeNote")),
            "example": texts_of(g, node, URIRef(SKOS + "example")),
            "see_also": self.refs(g.objects(node, RDFS.seeAlso)),
        }

    def _unions_with(self, node: Node) -> list[Node]:
        g = self.graph
        return [u for u in g.subjects(OWL.unionOf, None) if node in Collection(g, next(g.objects(u, OWL.unionOf)))]

    def _disjoint(self, node: Node) -> list[dict[str, Any]]:
        g = self.graph
        out = self.refs(g.objects(node, OWL.disjointWith)) + self.refs(g.subjects(OWL.disjointWith, node))
        for group in g.subjects(RDF.type, OWL.AllDisjointClasses):
            for head in g.objects(group, OWL.members):
                members = list(Collection(g, head))
                if node in members:
                    out += [self.ref(m) for m in members if m != node]
        return _dedupe(out)

    def a_class(self, node: URIRef) -> dict[str, Any]:
        g, ours = self.graph, self.ours
        domains = [p for p in g.subjects(RDFS.domain, node) if ours(p)]
        ranges = [p for p in g.subjects(RDFS.range, node) if ours(p)]
        for union in self._unions_with(node):
            domains += [p for p in g.subjects(RDFS.domain, union) if ours(p)]
            ranges += [p for p in g.subjects(RDFS.range, union) if ours(p)]
        return {
            **self.entry(node, "class"),
            "super": _dedupe(self.refs(g.objects(node, RDFS.subClassOf))),
            "sub": _dedupe(self.refs(s for s in g.subjects(RDFS.subClassOf, node) if ours(s))),
            "in_domain_of": _dedupe(self.refs(domains)),
            "in_range_of": _dedupe(self.refs(ranges)),
            "disjoint": self._disjoint(node),
        }

    def a_property(self, node: URIRef, kind: str, cls: URIRef) -> dict[str, Any]:
        g, ours = self.graph, self.ours
        inverse = self.refs(g.objects(node, OWL.inverseOf)) + self.refs(
            s for s in g.subjects(OWL.inverseOf, node) if ours(s)
        )
        return {
            **self.entry(node, kind),
            "domain": self.refs(g.objects(node, RDFS.domain)),
            "range": self.refs(g.objects(node, RDFS.range)),
            "super": self.refs(g.objects(node, RDFS.subPropertyOf)),
            "sub": self.refs(s for s in g.subjects(RDFS.subPropertyOf, node) if ours(s)),
            "inverse": _dedupe(inverse),
            "characteristics": [
                CURIES.shorten(str(t)) for t in g.objects(node, RDF.type) if str(t).startswith(str(OWL)) and t != cls
            ],
        }

    def _ours_of_type(self, cls: URIRef) -> list[URIRef]:
        return sorted(
            {s for s in self.graph.subjects(RDF.type, cls) if isinstance(s, URIRef) and self.ours(s)}, key=str
        )

    def property_groups(self) -> list[dict[str, Any]]:
        groups, seen = [], set()
        for key, cls, kind in _PROPERTY_KINDS:
            nodes = self._ours_of_type(cls)
            seen.update(nodes)
            items = sorted((self.a_property(n, kind, cls) for n in nodes), key=lambda c: c["id"].lower())
            if items:
                groups.append({"key": key, "items": items})
        others = [n for n in self._ours_of_type(RDF.Property) if n not in seen]
        if others:
            groups.append({"key": "other_properties", "items": [self.entry(n, "property") for n in others]})
        return groups

    def build(self) -> dict[str, Any]:
        classes = sorted((self.a_class(n) for n in self._ours_of_type(OWL.Class)), key=lambda c: c["id"].lower())
        namespaces = [("acu", ONTOLOGY_NS)]
        namespaces += [
            (p, str(n)) for p, n in sorted(self.graph.namespaces()) if p and p != "acu" and str(n) != ONTOLOGY_NS
        ]
        return {
            "metadata": self.metadata(),
            "classes": classes,
            "property_groups": self.property_groups(),
            "namespaces": namespaces,
        }


def _ontology(request: Request, forced: str | None) -> Response:
    key = negotiated(request, forced)
    if key is None:
        return not_acceptable()
    lang = pick_lang(request)
    backend: Backend = get_backend(request)
    version = data_version(backend)
    etag = etag_for(version, "ontology", key, lang if key == "html" else "")
    headers = cache_headers(etag, vary=PAGE_VARY if key == "html" else "Accept", version=version)
    root = root_of(request)
    headers["Content-Location"] = f"{root}/ontology.{extension_of(key)}"
    if matches_etag(request, etag):
        return not_modified(headers)
    graph = ontology_graph(request)
    if key != "html":
        return rdf_response(graph, key, headers)
    labels = fetch_labels(backend, {str(o) for _, _, o in graph if isinstance(o, URIRef)})
    links = links_of(request)
    model = OntologyModel(graph, lang, links, labels).build()
    context = page_context(
        request,
        lang,
        model["metadata"]["title"],
        version,
        d=strings(lang, "docs"),
        model=model,
        schemes=schemes_list(backend, lang, links),
        formats=format_links(f"{root}/ontology"),
        alternates=alternates(f"{root}/ontology"),
    )
    return render("ontology.html", context, headers=headers)


def _past_version(request: Request, version: str, ext: str | None) -> Response:
    """A past version's files (``releases/{version}/ontology.{ttl,jsonld,nt,rdf}``), or a 404 page."""
    folder = get_site(request).release.folder / "releases" / version
    kept = [f for f in PAGE_FORMATS if (folder / f"ontology.{f.extension}").is_file()]
    offers = [(f.extension, (f.media_type,)) for f in kept]
    chosen = (
        ext if ext is not None else choose(request.headers.get("accept"), offers, kept[0].extension) if kept else None
    )
    if chosen is None or chosen not in GRAPH_BY_EXTENSION or GRAPH_BY_EXTENSION[chosen] not in kept:
        return not_found_page(request, f"{ONTOLOGY_IRI}/{version}" + (f".{ext}" if ext else ""))
    fmt = GRAPH_BY_EXTENSION[chosen]
    headers = {"Vary": "Accept", "Cache-Control": "no-cache"}
    return FileResponse(folder / f"ontology.{fmt.extension}", media_type=fmt.content_type, headers=headers)


router = APIRouter()


document_routes(router, "ontology", _ontology)


@router.api_route("/ontology/{version}", methods=["GET", "HEAD"], include_in_schema=False)
def ontology_version(request: Request, version: str) -> Response:
    """A version IRI (…/ontology/0.1.0): the current version, a past one the release keeps, else 404."""
    match = _VERSION.fullmatch(version)
    if match is None or ".." in version:
        return not_found_page(request, f"{ONTOLOGY_IRI}/{version}")
    wanted, ext = match.group("version"), match.group("ext")
    if wanted == current_version(request):
        return _ontology(request, key_for_extension(ext) if ext else None)
    return _past_version(request, wanted, ext)
