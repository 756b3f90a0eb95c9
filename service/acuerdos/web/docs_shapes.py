"""The SHACL shapes the data is validated against: ``/shapes`` documents them, ``/shapes.ttl`` is the graph.

Each node shape is anchored at its name, so that a shape's IRI (``{base}shapes/Decision``) opens
its entry (a browser is sent to ``/shapes#Decision``; an RDF client gets the shape's statements).
The shapes graph is the site's (read once at start-up, under the base).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import CURIES, ONTOLOGY_NS
from .deps import data_version, get_backend, get_site, root_of
from .i18n import pick_lang, strings
from .labels import pick, texts_of
from .rdf_out import (
    alternates,
    document_routes,
    format_links,
    key_for_extension,
    negotiated,
    not_acceptable,
    rdf_response,
)
from .rendering import PAGE_VARY, Links, links_of, page_context, render
from .search import not_found_page

_DESCRIBED = {
    SH[n]
    for n in (
        "property",
        "sparql",
        "message",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "severity",
        "declare",
        "prefixes",
        "path",
        "name",
        "description",
    )
}
_DESCRIBED |= {RDF.type, RDFS.label, RDFS.comment}
_TARGETS = ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
_PATHS = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+"}


def _dedent(text: str) -> str:
    lines = text.strip("\n").splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def _closure(graph: Graph, node: Node, out: Graph) -> None:
    for p, o in graph.predicate_objects(node):
        out.add((node, p, o))
        if isinstance(o, BNode):
            _closure(graph, o, out)


class ShapesModel:
    """What the shapes page shows: each node shape, its targets, constraints and property shapes."""

    def __init__(self, graph: Graph, lang: str, links: Links) -> None:
        self.graph, self.lang, self.links = graph, lang, links
        self.shapes_ns = links.base.path("shapes/")

    def path_value(self, node: BNode) -> dict[str, Any]:
        g = self.graph
        if next(g.objects(node, RDF.first), None) is not None:
            return {"kind": "list", "items": [self.value(m) for m in Collection(g, node)]}
        inverse = next(g.objects(node, SH.inversePath), None)
        if inverse is not None:
            return {"kind": "inverse", "inner": self.value(inverse)}
        for predicate, suffix in _PATHS.items():
            inner = next(g.objects(node, predicate), None)
            if inner is not None:
                return {"kind": "suffix", "inner": self.value(inner), "suffix": suffix}
        alt = next(g.objects(node, SH.alternativePath), None)
        if alt is not None:
            return {"kind": "alt", "items": [self.value(m) for m in Collection(g, alt)]}
        return {"kind": "text", "text": "[…]"}

    def value(self, node: Node) -> dict[str, Any]:
        if isinstance(node, Literal):
            return {"kind": "literal", "text": str(node), "lang": node.language or ""}
        if isinstance(node, BNode):
            return self.path_value(node)
        iri = str(node)
        if iri.startswith(self.shapes_ns):
            name = iri[len(self.shapes_ns) :]
            return {"kind": "iri", "href": f"{self.links.root}/shapes#{name}", "label": name, "iri": iri}
        if iri.startswith(ONTOLOGY_NS):
            local = iri[len(ONTOLOGY_NS) :]
            return {"kind": "iri", "href": f"{self.links.root}/ontology#{local}", "label": f"acu:{local}", "iri": iri}
        return {"kind": "iri", "href": self.links.href(iri), "label": CURIES.shorten(iri), "iri": iri}

    def text(self, node: Node, predicate: URIRef) -> str:
        return pick(texts_of(self.graph, node, predicate), self.lang)

    def constraints(self, node: Node) -> list[dict[str, Any]]:
        pairs = sorted(self.graph.predicate_objects(node), key=lambda po: str(po[0]))
        return [{"name": CURIES.shorten(str(p)), "value": self.value(o)} for p, o in pairs if p not in _DESCRIBED]

    def shape_id(self, node: Node) -> str:
        iri = str(node)
        return iri[len(self.shapes_ns) :] if iri.startswith(self.shapes_ns) else re.sub(r"\W+", "-", iri)

    def sparql(self, node: Node) -> list[dict[str, Any]]:
        return [
            {
                "message": self.text(c, SH.message),
                "select": _dedent(next((str(o) for o in self.graph.objects(c, SH.select)), "")),
            }
            for c in self.graph.objects(node, SH.sparql)
        ]

    def severity(self, node: Node) -> str:
        value = next(self.graph.objects(node, SH.severity), None)
        return CURIES.shorten(str(value)) if value is not None else "sh:Violation"

    def common(self, node: Node) -> dict[str, Any]:
        """What node shapes and property shapes both show."""
        return {
            "comment": self.text(node, RDFS.comment),
            "constraints": self.constraints(node),
            "message": self.text(node, SH.message),
            "sparql": self.sparql(node),
            "severity": self.severity(node),
        }

    def property_shape(self, node: Node) -> dict[str, Any]:
        path = next(self.graph.objects(node, SH.path), None)
        return {
            "id": self.shape_id(node) if isinstance(node, URIRef) else None,
            "label": self.text(node, RDFS.label),
            "path": self.value(path) if path is not None else None,
            **self.common(node),
        }

    def node_shape(self, node: Node) -> dict[str, Any]:
        g = self.graph
        targets = [
            {"kind": f"sh:{kind}", "value": self.value(o)} for kind in _TARGETS for o in g.objects(node, SH[kind])
        ]
        properties = sorted(
            (self.property_shape(ps) for ps in g.objects(node, SH.property)), key=lambda p: (p["label"] or "").lower()
        )
        return {
            "id": self.shape_id(node),
            "iri": str(node),
            "label": self.text(node, RDFS.label) or self.shape_id(node),
            "targets": targets,
            "properties": properties,
            **self.common(node),
        }

    def build(self) -> dict[str, Any]:
        nodes = sorted(set(self.graph.subjects(RDF.type, SH.NodeShape)), key=str)
        head = URIRef(self.links.base.path("shapes"))
        return {
            "title": self.text(head, RDFS.label),
            "comment": self.text(head, RDFS.comment),
            "shapes": sorted((self.node_shape(n) for n in nodes), key=lambda s: s["id"].lower()),
        }


def _shape_graph(request: Request, graph: Graph, name: str) -> Graph | None:
    """The statements of one shape (with its blank nodes), or None if there is no such shape."""
    iri = URIRef(get_site(request).base.path("shapes/" + name))
    if (iri, None, None) not in graph:
        return None
    sub = Graph()
    _closure(graph, iri, sub)
    return sub


def _shapes(request: Request, forced: str | None, name: str | None = None) -> Response:
    key = negotiated(request, forced)
    if key is None:
        return not_acceptable()
    lang, root = pick_lang(request), root_of(request)
    graph = get_site(request).shapes_graph
    if not len(graph):
        return not_found_page(
            request, get_site(request).base.path("shapes"), lang, message=strings(lang, "docs")["no_shapes"]
        )
    sub = _shape_graph(request, graph, name) if name is not None else graph
    if sub is None:
        return not_found_page(request, get_site(request).base.path(f"shapes/{name}"), lang)
    if name is not None and key == "html":
        return RedirectResponse(f"{root}/shapes?lang={lang}#{name}", status_code=303, headers={"Vary": "Accept"})
    version = data_version(get_backend(request))
    etag = etag_for(version, "shapes", name or "", key, lang if key == "html" else "")
    headers = cache_headers(etag, vary=PAGE_VARY if key == "html" else "Accept", version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return rdf_response(sub, key, headers)
    model = ShapesModel(graph, lang, links_of(request)).build()
    d = strings(lang, "docs")
    context = page_context(
        request,
        lang,
        model["title"] or d["shapes_title"],
        version,
        d=d,
        model=model,
        formats=format_links(f"{root}/shapes"),
        alternates=alternates(f"{root}/shapes"),
    )
    return render("shapes.html", context, headers=headers)


router = APIRouter()


document_routes(router, "shapes", _shapes)


@router.api_route("/shapes/{name}", methods=["GET", "HEAD"], include_in_schema=False)
def shape(request: Request, name: str) -> Response:
    match = re.fullmatch(r"(.+)\.(ttl|jsonld|nt|rdf|html)", name)
    if match:
        return _shapes(request, key_for_extension(match.group(2)), match.group(1))
    return _shapes(request, None, name)
