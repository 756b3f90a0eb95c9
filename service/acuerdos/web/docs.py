"""Documentation pages generated from the graph: the ontology, the concept schemes, the shapes.

- `/ontology` is the ontology's IRI (`…/ontology`, terms `…/ontology#Agreement`): HTML
  documentation for browsers, with one entry per class and property anchored at its local name, so
  that `…/ontology#Agreement` lands on its entry; Turtle, JSON-LD, N-Triples or RDF/XML by Accept or
  extension (`/ontology.ttl`…). Generated from the ontology's named graph in the store: labels and
  definitions in Spanish and English, the class and property hierarchies, domains and ranges
  (unions spelled out), what each class is the domain or range of, disjointness, and the metadata
  of the ontology (version, licence, namespace, prefix).
- `/scheme/{slug}` (the concept schemes: themes and value sets) get a page with the concepts as a
  tree, their notations, definitions, mappings to the other schemes and how many resources each
  tags; `/schemes` lists the schemes.
- `/shapes` documents the SHACL shapes the data is validated against (read from `shapes/`), each
  anchored at its name, so that the shapes' IRIs (`…/shapes/Decision`) dereference to their entry;
  `/shapes.ttl` is the shapes graph.
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ..config import Paths, rebase_iri
from ..graph import rebase
from .linked_data import (
    ACU, DCT, RDF_BY_KEY, by_extension, format_for_extension, RDF_FORMATS, SKOS, Data, Labels, _natural_key, cache_headers, curie,
    data_of, etag_for, fetch_labels, href_for, matches_etag, negotiate, not_found_page, not_modified, other_lang,
    page_context, pick_lang, rdf_offers, rdf_response, render, root_of, sparql_iri,
)

SH = "http://www.w3.org/ns/shacl#"
VANN = "http://purl.org/vocab/vann/"

DOC_UI = {
    "en": {
        "classes": "Classes", "object_properties": "Object properties", "datatype_properties": "Datatype properties",
        "annotation_properties": "Annotation properties", "other_properties": "Other properties",
        "metadata": "Metadata", "namespaces": "Namespaces", "value_sets": "Value sets and theme schemes",
        "subclass_of": "Subclass of", "superclass_of": "Has subclasses", "in_domain_of": "In the domain of",
        "in_range_of": "In the range of", "domain": "Domain", "range": "Range", "subproperty_of": "Subproperty of",
        "superproperty_of": "Has subproperties", "inverse_of": "Inverse of", "disjoint_with": "Disjoint with",
        "see_also": "See also", "definition": "Definition", "comment": "Comment", "scope_note": "Scope note",
        "example": "Example", "label_es": "Spanish", "label_en": "English", "version": "Version",
        "version_iri": "Version IRI", "license": "Licence", "creator": "Creator", "created": "Created",
        "modified": "Modified", "prefix": "Preferred prefix", "namespace": "Namespace", "contents": "Contents",
        "ontology_formats": "The ontology as", "class": "Class", "object_property": "Object property",
        "datatype_property": "Datatype property", "annotation_property": "Annotation property", "property": "Property",
        "union_of": "one of", "concepts": "Concepts", "tagged": "tagged resources", "decisions_on": "decisions on this theme",
        "schemes": "Concept schemes", "theme_schemes": "Theme schemes", "kind_schemes": "Value sets",
        "scheme_formats": "This scheme as", "shapes_title": "SHACL shapes", "shapes_lead":
        "The rules the data is checked against by `acuerdos validate`: every node shape with its targets and the constraints on each property.",
        "targets": "Targets", "constraints": "Constraints", "message": "Message", "severity": "Severity",
        "sparql_constraint": "SPARQL constraint", "shapes_formats": "The shapes as", "path": "Path",
        "node_shapes": "Node shapes", "property_shapes": "Property shapes", "alt_labels": "Also called",
        "editorial_note": "Editorial note", "notation": "Notation", "no_shapes": "The shapes folder is not available here.",
        "legend": "Terms of this ontology link to their entry; terms of other vocabularies link to their own IRI.",
        "description": "Description", "title": "Title",
    },
    "es": {
        "classes": "Clases", "object_properties": "Propiedades de objeto", "datatype_properties": "Propiedades de datos",
        "annotation_properties": "Propiedades de anotación", "other_properties": "Otras propiedades",
        "metadata": "Metadatos", "namespaces": "Espacios de nombres", "value_sets": "Vocabularios controlados y esquemas de temas",
        "subclass_of": "Subclase de", "superclass_of": "Tiene subclases", "in_domain_of": "En el dominio de",
        "in_range_of": "En el rango de", "domain": "Dominio", "range": "Rango", "subproperty_of": "Subpropiedad de",
        "superproperty_of": "Tiene subpropiedades", "inverse_of": "Inversa de", "disjoint_with": "Disjunta con",
        "see_also": "Véase también", "definition": "Definición", "comment": "Comentario", "scope_note": "Nota de alcance",
        "example": "Ejemplo", "label_es": "Español", "label_en": "Inglés", "version": "Versión",
        "version_iri": "IRI de la versión", "license": "Licencia", "creator": "Autor", "created": "Creada",
        "modified": "Modificada", "prefix": "Prefijo preferido", "namespace": "Espacio de nombres", "contents": "Contenido",
        "ontology_formats": "La ontología en", "class": "Clase", "object_property": "Propiedad de objeto",
        "datatype_property": "Propiedad de datos", "annotation_property": "Propiedad de anotación", "property": "Propiedad",
        "union_of": "una de", "concepts": "Conceptos", "tagged": "recursos etiquetados", "decisions_on": "decisiones sobre este tema",
        "schemes": "Esquemas de conceptos", "theme_schemes": "Esquemas de temas", "kind_schemes": "Vocabularios controlados",
        "scheme_formats": "Este esquema en", "shapes_title": "Formas SHACL", "shapes_lead":
        "Las reglas con que `acuerdos validate` comprueba los datos: cada forma de nodo con sus destinos y las restricciones sobre cada propiedad.",
        "targets": "Destinos", "constraints": "Restricciones", "message": "Mensaje", "severity": "Gravedad",
        "sparql_constraint": "Restricción SPARQL", "shapes_formats": "Las formas en", "path": "Ruta",
        "node_shapes": "Formas de nodo", "property_shapes": "Formas de propiedad", "alt_labels": "También llamado",
        "editorial_note": "Nota editorial", "notation": "Notación", "no_shapes": "La carpeta de formas no está disponible aquí.",
        "legend": "Los términos de esta ontología enlazan con su entrada; los de otros vocabularios, con su propio IRI.",
        "description": "Descripción", "title": "Título",
    },
}

FORMAT_NAMES = ("Turtle", "JSON-LD", "N-Triples", "RDF/XML")

router = APIRouter()


def d_for(lang: str) -> dict[str, str]:
    return DOC_UI.get(lang, DOC_UI["en"])


def _texts(graph: Graph, node: Node, predicate: URIRef) -> dict[str, str]:
    out: dict[str, str] = {}
    for o in graph.objects(node, predicate):
        if isinstance(o, Literal):
            out.setdefault((o.language or "").lower(), str(o))
    return out


def _pick(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get(other_lang(lang)) or texts.get("") or ""


# ---------------------------------------------------------------------------------------------
# The ontology
# ---------------------------------------------------------------------------------------------

def ontology_graph(data: Data) -> Graph:
    """The ontology's own named graph (the file ontology/acuerdos.ttl) from the store."""
    name = data.base + "graph/ontology/acuerdos"
    graph = data.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH " + sparql_iri(name) + " { ?s ?p ?o } }")
    return graph


class TermRef:
    """How a term is linked from the documentation: our terms to their entry, others to their IRI."""

    def __init__(self, graph: Graph, ns: str, root: str, lang: str, base: str, labels: Labels | None = None) -> None:
        self.graph, self.ns, self.root, self.lang, self.base, self.labels = graph, ns, root, lang, base, labels

    def __call__(self, node: Node) -> dict[str, Any]:
        if isinstance(node, BNode):
            members = self._union(node)
            if members is not None:
                return {"kind": "union", "members": [self(m) for m in members]}
            return {"kind": "text", "text": "[…]"}
        iri = str(node)
        if iri.startswith(self.ns):
            local = iri[len(self.ns):]
            label = _pick(_texts(self.graph, node, RDFS.label), self.lang) or local
            return {"kind": "iri", "href": f"{self.root}/ontology#{local}", "label": label, "curie": f"acu:{local}",
                    "iri": iri, "local": True}
        label = self.labels.get(iri, self.lang) if self.labels else None
        return {"kind": "iri", "href": href_for(iri, self.base, self.root), "label": label or curie(iri),
                "curie": curie(iri), "iri": iri, "local": iri.startswith(self.base)}

    def _union(self, node: Node) -> list[Node] | None:
        for head in self.graph.objects(node, OWL.unionOf):
            return list(Collection(self.graph, head))
        return None


def ontology_model(graph: Graph, base: str, lang: str, root: str, labels: Labels | None = None) -> dict[str, Any]:
    """What the ontology page shows: metadata, then each class and property with its entry."""
    ns = rebase_iri(ACU, base)
    ont_iri = URIRef(base + "ontology")
    ref = TermRef(graph, ns, root, lang, base, labels)
    meta_texts = {
        "title": _texts(graph, ont_iri, DCT_TITLE), "label": _texts(graph, ont_iri, RDFS.label),
        "description": _texts(graph, ont_iri, DCT_DESCRIPTION),
    }

    def literal(p: URIRef) -> str:
        return next((str(o) for o in graph.objects(ont_iri, p)), "")

    metadata = {
        "iri": str(ont_iri),
        "title": _pick(meta_texts["title"], lang) or _pick(meta_texts["label"], lang) or "acuerdos ontology",
        "other_title": meta_texts["title"].get(other_lang(lang), ""),
        "description": _pick(meta_texts["description"], lang),
        "version": literal(OWL.versionInfo), "version_iri": literal(OWL.versionIRI),
        "created": literal(URIRef(DCT + "created")), "modified": literal(URIRef(DCT + "modified")),
        "license": literal(URIRef(DCT + "license")), "creator": literal(URIRef(DCT + "creator")),
        "prefix": literal(URIRef(VANN + "preferredNamespacePrefix")) or "acu",
        "namespace": literal(URIRef(VANN + "preferredNamespaceUri")) or ns,
        "see_also": [ref(o) for o in graph.objects(ont_iri, RDFS.seeAlso)],
    }

    def ours(node: Node) -> bool:
        return isinstance(node, URIRef) and str(node).startswith(ns)

    def entry(node: URIRef, kind: str) -> dict[str, Any]:
        local = str(node)[len(ns):]
        labels_ = _texts(graph, node, RDFS.label)
        return {
            "id": local, "iri": str(node), "kind": kind, "curie": f"acu:{local}",
            "label": _pick(labels_, lang) or local, "labels": labels_,
            "definition": _texts(graph, node, SKOS_DEFINITION) or _texts(graph, node, RDFS.comment),
            "comment": _texts(graph, node, RDFS.comment) if _texts(graph, node, SKOS_DEFINITION) else {},
            "scope_note": _texts(graph, node, URIRef(SKOS + "scopeNote")),
            "example": _texts(graph, node, URIRef(SKOS + "example")),
            "see_also": [ref(o) for o in graph.objects(node, RDFS.seeAlso)],
        }

    classes = []
    class_nodes = sorted({s for s in graph.subjects(RDF.type, OWL.Class) if ours(s)}, key=str)
    for node in class_nodes:
        item = entry(node, "class")
        item["super"] = [ref(o) for o in graph.objects(node, RDFS.subClassOf)]
        item["sub"] = [ref(s) for s in graph.subjects(RDFS.subClassOf, node) if ours(s)]
        item["in_domain_of"] = [ref(p) for p in graph.subjects(RDFS.domain, node) if ours(p)]
        item["in_range_of"] = [ref(p) for p in graph.subjects(RDFS.range, node) if ours(p)]
        for union in graph.subjects(OWL.unionOf, None):
            members = list(Collection(graph, next(graph.objects(union, OWL.unionOf))))
            if node in members:
                item["in_domain_of"] += [ref(p) for p in graph.subjects(RDFS.domain, union) if ours(p)]
                item["in_range_of"] += [ref(p) for p in graph.subjects(RDFS.range, union) if ours(p)]
        disjoint = [ref(o) for o in graph.objects(node, OWL.disjointWith)]
        disjoint += [ref(s) for s in graph.subjects(OWL.disjointWith, node)]
        for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
            for head in graph.objects(group, OWL.members):
                members = list(Collection(graph, head))
                if node in members:
                    disjoint += [ref(m) for m in members if m != node]
        item["disjoint"] = _dedupe(disjoint)
        for key in ("super", "sub", "in_domain_of", "in_range_of"):
            item[key] = _dedupe(item[key])
        classes.append(item)
    classes.sort(key=lambda c: c["id"].lower())

    kinds = (
        ("object_properties", OWL.ObjectProperty, "object_property"),
        ("datatype_properties", OWL.DatatypeProperty, "datatype_property"),
        ("annotation_properties", OWL.AnnotationProperty, "annotation_property"),
    )
    groups = []
    seen: set[URIRef] = set()
    for key, cls, kind in kinds:
        items = []
        for node in sorted({s for s in graph.subjects(RDF.type, cls) if ours(s)}, key=str):
            seen.add(node)
            item = entry(node, kind)
            item["domain"] = [ref(o) for o in graph.objects(node, RDFS.domain)]
            item["range"] = [ref(o) for o in graph.objects(node, RDFS.range)]
            item["super"] = [ref(o) for o in graph.objects(node, RDFS.subPropertyOf)]
            item["sub"] = [ref(s) for s in graph.subjects(RDFS.subPropertyOf, node) if ours(s)]
            item["inverse"] = _dedupe([ref(o) for o in graph.objects(node, OWL.inverseOf)]
                                      + [ref(s) for s in graph.subjects(OWL.inverseOf, node) if ours(s)])
            item["characteristics"] = [curie(str(t)) for t in graph.objects(node, RDF.type)
                                       if str(t).startswith(str(OWL)) and t not in (cls,)]
            items.append(item)
        items.sort(key=lambda c: c["id"].lower())
        if items:
            groups.append({"key": key, "items": items})
    others = sorted({s for s in graph.subjects(RDF.type, RDF.Property) if ours(s) and s not in seen}, key=str)
    if others:
        groups.append({"key": "other_properties", "items": [entry(n, "property") for n in others]})
    namespaces = [("acu", ns)] + [(p, n) for p, n in sorted(graph.namespaces()) if p and p != "acu" and str(n) != ns]
    return {"metadata": metadata, "classes": classes, "property_groups": groups,
            "namespaces": [(p, str(n)) for p, n in namespaces]}


DCT_TITLE = URIRef(DCT + "title")
DCT_DESCRIPTION = URIRef(DCT + "description")
SKOS_DEFINITION = URIRef(SKOS + "definition")


def _dedupe(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for r in refs:
        key = r.get("iri") or repr(r)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return sorted(out, key=lambda r: str(r.get("label", "")).lower())


def schemes_list(data: Data, lang: str, root: str) -> list[dict[str, Any]]:
    rows = data.select(
        "SELECT ?scheme (COUNT(DISTINCT ?c) AS ?n) WHERE { ?scheme a <" + SKOS + "ConceptScheme> . "
        "OPTIONAL { ?c <" + SKOS + "inScheme> ?scheme } } GROUP BY ?scheme")
    labels = fetch_labels(data, [str(r["scheme"]) for r in rows])
    out = []
    for row in rows:
        iri = str(row["scheme"])
        out.append({"iri": iri, "href": href_for(iri, data.base, root), "label": labels.text(iri, lang),
                    "count": int(str(row.get("n", 0))), "kind": "kind" if "/scheme/kind-" in iri else "theme"})
    order = ["regional-themes", "gcm-objectives", "gcm-principles", "gcm-thematic-sessions"]

    def key(s: dict[str, Any]) -> tuple:
        slug = s["iri"].rsplit("/", 1)[-1]
        return (s["kind"] != "theme", order.index(slug) if slug in order else 99, s["label"].lower())

    return sorted(out, key=key)


def _formats(local: str) -> list[dict[str, str]]:
    return [{"label": name, "href": f"{local}.{f.extension}"} for name, f in zip(FORMAT_NAMES, RDF_FORMATS)]


def _negotiated(request: Request, forced: str | None) -> str | None:
    return forced or negotiate(request.headers.get("accept"), rdf_offers(), "html")


def _not_acceptable() -> Response:
    offered = ", ".join(["text/html"] + [f.media_type for f in RDF_FORMATS])
    return PlainTextResponse(f"Not acceptable: available as {offered}.", status_code=406, headers={"Vary": "Accept"})


def _ontology(request: Request, forced: str | None) -> Response:
    data = data_of(request)
    key = _negotiated(request, forced)
    if key is None:
        return _not_acceptable()
    lang = pick_lang(request)
    version = data.version
    etag = etag_for(version, "ontology", key, lang if key == "html" else "")
    headers = cache_headers(etag, vary="Accept, Accept-Language" if key == "html" else "Accept", version=version)
    root = root_of(request)
    headers["Content-Location"] = f"{root}/ontology.{'html' if key == 'html' else RDF_BY_KEY[key].extension}"
    if matches_etag(request, etag):
        return not_modified(headers)
    graph = ontology_graph(data)
    if key != "html":
        return rdf_response(graph, RDF_BY_KEY[key], data.base, headers)
    external = {str(o) for _, _, o in graph if isinstance(o, URIRef)}
    labels = fetch_labels(data, external)
    model = ontology_model(graph, data.base, lang, root, labels)
    schemes = schemes_list(data, lang, root)
    alternates = [{"type": f.media_type, "href": f"{root}/ontology.{f.extension}"} for f in RDF_FORMATS]
    context = page_context(request, lang, model["metadata"]["title"], version, d=d_for(lang), model=model,
                           schemes=schemes, formats=_formats(f"{root}/ontology"), alternates=alternates)
    return render("ontology.html", context, headers=headers)


@router.api_route("/ontology", methods=["GET", "HEAD"], include_in_schema=False)
def ontology(request: Request) -> Response:
    return _ontology(request, None)


@router.api_route("/ontology.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
def ontology_file(request: Request, ext: str) -> Response:
    return by_extension(request, "ontology", ext, _ontology)


@router.api_route("/ontology/{version}", methods=["GET", "HEAD"], include_in_schema=False)
def ontology_version(request: Request, version: str) -> Response:
    """The version IRI (…/ontology/0.1.0): this service serves the current version only."""
    return RedirectResponse(f"{root_of(request)}/ontology", status_code=303)


# ---------------------------------------------------------------------------------------------
# Concept schemes
# ---------------------------------------------------------------------------------------------

def scheme_model(data: Data, iri: str, lang: str, root: str) -> dict[str, Any] | None:
    s = sparql_iri(iri)
    head = data.select("SELECT ?p ?o WHERE { " + s + " ?p ?o }")
    if not head:
        return None
    skos_ = SKOS
    rows = data.select(
        "SELECT ?c ?p ?o WHERE { ?c <" + skos_ + "inScheme> " + s + " . ?c ?p ?o . "
        "VALUES ?p { <" + skos_ + "prefLabel> <" + skos_ + "altLabel> <" + skos_ + "definition> <" + skos_ + "notation> "
        "<" + skos_ + "broader> <" + skos_ + "scopeNote> <" + skos_ + "editorialNote> <" + skos_ + "exactMatch> "
        "<" + skos_ + "closeMatch> <" + skos_ + "broadMatch> <" + skos_ + "narrowMatch> <" + skos_ + "relatedMatch> "
        "<" + skos_ + "related> <" + skos_ + "topConceptOf> } }")
    counts = {
        str(r["c"]): int(str(r["n"])) for r in data.select(
            "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?c <" + skos_ + "inScheme> " + s + " . "
            "?x <" + data.term(ACU + "themeAssignment") + ">/<" + data.term(ACU + "theme") + "> ?c } GROUP BY ?c")
    }
    concepts: dict[str, dict[str, Any]] = OrderedDict()
    for row in rows:
        c, p, o = str(row["c"]), str(row["p"]), row["o"]
        item = concepts.setdefault(c, {"iri": c, "pref": {}, "alt": [], "definition": {}, "scope": {}, "note": {},
                                       "notation": "", "broader": [], "mappings": [], "top": False})
        name = p[len(skos_):]
        if name == "prefLabel" and isinstance(o, Literal):
            item["pref"].setdefault(o.language or "", str(o))
        elif name == "altLabel" and isinstance(o, Literal):
            item["alt"].append((o.language or "", str(o)))
        elif name == "definition" and isinstance(o, Literal):
            item["definition"].setdefault(o.language or "", str(o))
        elif name == "scopeNote" and isinstance(o, Literal):
            item["scope"].setdefault(o.language or "", str(o))
        elif name == "editorialNote" and isinstance(o, Literal):
            item["note"].setdefault(o.language or "", str(o))
        elif name == "notation":
            item["notation"] = str(o)
        elif name == "broader":
            item["broader"].append(str(o))
        elif name == "topConceptOf":
            item["top"] = True
        elif isinstance(o, URIRef):
            item["mappings"].append((name, str(o)))
    targets = {t for c in concepts.values() for _, t in c["mappings"]}
    labels = fetch_labels(data, targets | {iri} | set(concepts))
    predicate_labels = fetch_labels(data, [skos_ + n for n in (
        "exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch", "related")])
    query_href = None
    from .queries_api import registry_of

    registry = registry_of(None)
    if registry is not None and "decisions-by-theme" in registry and "/scheme/kind-" not in iri:
        query_href = f"{root}/queries/decisions-by-theme?"
    for c in concepts.values():
        c["label"] = _pick(c["pref"], lang) or curie(c["iri"])
        c["other_label"] = c["pref"].get(other_lang(lang), "") if c["pref"].get(lang) else ""
        c["id"] = c["iri"].rstrip("/").rsplit("/", 1)[-1]
        c["href"] = href_for(c["iri"], data.base, root)
        c["def"] = _pick(c["definition"], lang)
        c["scope_text"] = _pick(c["scope"], lang)
        c["note_text"] = _pick(c["note"], lang)
        c["alt_text"] = sorted({text for l, text in c["alt"] if l in (lang, "")}) or sorted({t for _, t in c["alt"]})
        c["count"] = counts.get(c["iri"], 0)
        c["maps"] = [{"relation": predicate_labels.text(skos_ + rel, lang), "href": href_for(target, data.base, root),
                      "label": labels.text(target, lang), "iri": target}
                     for rel, target in sorted(c["mappings"], key=lambda m: (_MAP_ORDER.index(m[0]) if m[0] in _MAP_ORDER else 9, m[1]))]
        c["query_href"] = (query_href + urlencode({"theme": c["iri"], "lang": lang})) if query_href else None
        c["children"] = []
    roots = []
    for c in concepts.values():
        parents = [p for p in c["broader"] if p in concepts]
        if parents:
            concepts[parents[0]]["children"].append(c)
        else:
            roots.append(c)

    def order(c: dict[str, Any]) -> tuple:
        return (_natural_key(c["notation"]) if c["notation"] else [999999], _natural_key(c["label"]))

    def sort_tree(items: list[dict[str, Any]]) -> None:
        items.sort(key=order)
        for item in items:
            sort_tree(item["children"])

    sort_tree(roots)
    texts: dict[str, dict[str, str]] = {}
    for row in head:
        p, o = str(row["p"]), row["o"]
        if isinstance(o, Literal):
            texts.setdefault(p, {}).setdefault(o.language or "", str(o))
    title = labels.text(iri, lang)
    both = labels.both(iri)
    return {
        "iri": iri, "title": title, "other_title": both.get(other_lang(lang), "") if both.get(lang) else "",
        "description": _pick(texts.get(DCT + "description", {}), lang),
        "note": _pick(texts.get(SKOS + "editorialNote", {}), lang),
        "source": _pick(texts.get(DCT + "source", {}), lang),
        "roots": roots, "count": len(concepts),
    }


_MAP_ORDER = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch", "related"]


def scheme_page(request: Request, data: Data, iri: str, lang: str, version: str,
                headers: Mapping[str, str]) -> Response | None:
    """The page of a concept scheme (called by the linked-data route for `/scheme/…` in HTML)."""
    root = root_of(request)
    model = scheme_model(data, iri, lang, root)
    if model is None:
        return None
    local = href_for(iri, data.base, root)
    alternates = [{"type": f.media_type, "href": f"{local}.{f.extension}"} for f in RDF_FORMATS]
    context = page_context(request, lang, model["title"], version, d=d_for(lang), scheme=model,
                           formats=_formats(local), alternates=alternates)
    return render("scheme.html", context, headers=dict(headers))


@router.api_route("/schemes", methods=["GET", "HEAD"], include_in_schema=False)
def schemes(request: Request) -> Response:
    data = data_of(request)
    lang = pick_lang(request)
    version = data.version
    etag = etag_for(version, "schemes", lang)
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    items = schemes_list(data, lang, root_of(request))
    d = d_for(lang)
    context = page_context(request, lang, d["schemes"], version, d=d, schemes=items)
    return render("schemes.html", context, headers=headers)


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def _shapes_graph(folder: str, base: str, stamp: tuple) -> Graph:
    graph = Graph()
    for path in sorted(Path(folder).glob("*.ttl")):
        part = Graph()
        part.parse(path, format="turtle")
        for prefix, ns in part.namespaces():
            graph.bind(prefix, ns, override=False)
        for s, p, o in part:
            graph.add(tuple(rebase(t, base) for t in (s, p, o)))  # type: ignore[arg-type]
    return graph


def _shapes_folder(request: Request) -> Path:
    settings = getattr(request.app.state, "settings", None)
    return Path(getattr(settings, "shapes", None) or Paths().shapes)


def _stamp(folder: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.ttl")))


def shapes_graph(request: Request, base: str) -> Graph | None:
    folder = _shapes_folder(request)
    if not folder.is_dir():
        return None
    return _shapes_graph(str(folder), base, _stamp(folder))


@lru_cache(maxsize=4)
def _digest(folder: str, stamp: tuple) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*.ttl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def shapes_digest(request: Request) -> str:
    """A content hash of the shapes files (they are not part of the data version)."""
    folder = _shapes_folder(request)
    return _digest(str(folder), _stamp(folder)) if folder.is_dir() else ""


def _shape_value(graph: Graph, node: Node, base: str, root: str, labels: Labels, lang: str) -> dict[str, Any]:
    if isinstance(node, Literal):
        return {"kind": "literal", "text": str(node), "lang": node.language or ""}
    if isinstance(node, BNode):
        first = next(graph.objects(node, RDF.first), None)
        if first is not None:
            return {"kind": "list", "items": [_shape_value(graph, m, base, root, labels, lang)
                                              for m in Collection(graph, node)]}
        inverse = next(graph.objects(node, URIRef(SH + "inversePath")), None)
        if inverse is not None:
            inner = _shape_value(graph, inverse, base, root, labels, lang)
            return {"kind": "inverse", "inner": inner}
        zero = next(graph.objects(node, URIRef(SH + "zeroOrMorePath")), None)
        if zero is not None:
            return {"kind": "suffix", "inner": _shape_value(graph, zero, base, root, labels, lang), "suffix": "*"}
        one = next(graph.objects(node, URIRef(SH + "oneOrMorePath")), None)
        if one is not None:
            return {"kind": "suffix", "inner": _shape_value(graph, one, base, root, labels, lang), "suffix": "+"}
        alt = next(graph.objects(node, URIRef(SH + "alternativePath")), None)
        if alt is not None:
            return {"kind": "alt", "items": [_shape_value(graph, m, base, root, labels, lang) for m in Collection(graph, alt)]}
        return {"kind": "text", "text": "[…]"}
    iri = str(node)
    shapes_ns = base + "shapes/"
    if iri.startswith(shapes_ns):
        return {"kind": "iri", "href": f"{root}/shapes#{iri[len(shapes_ns):]}", "label": iri[len(shapes_ns):], "iri": iri}
    ont = rebase_iri(ACU, base)
    if iri.startswith(ont):
        return {"kind": "iri", "href": f"{root}/ontology#{iri[len(ont):]}", "label": f"acu:{iri[len(ont):]}", "iri": iri}
    return {"kind": "iri", "href": href_for(iri, base, root), "label": curie(iri), "iri": iri}


def shapes_model(graph: Graph, base: str, lang: str, root: str) -> dict[str, Any]:
    labels = Labels({})
    node_shapes = sorted(set(graph.subjects(RDF.type, URIRef(SH + "NodeShape"))), key=str)
    described = {URIRef(SH + n) for n in ("property", "sparql", "message", "targetClass", "targetNode",
                                          "targetSubjectsOf", "targetObjectsOf", "severity", "declare", "prefixes")}
    described |= {RDF.type, RDFS.label, RDFS.comment}

    def constraints(node: Node) -> list[dict[str, Any]]:
        out = []
        for p, o in sorted(graph.predicate_objects(node), key=lambda po: str(po[0])):
            if p in described or p == URIRef(SH + "path") or p == URIRef(SH + "name") or p == URIRef(SH + "description"):
                continue
            out.append({"name": curie(str(p)), "value": _shape_value(graph, o, base, root, labels, lang)})
        return out

    def message(node: Node) -> str:
        return _pick(_texts(graph, node, URIRef(SH + "message")), lang)

    def shape_id(node: Node) -> str:
        iri = str(node)
        return iri[len(base + "shapes/"):] if iri.startswith(base + "shapes/") else re.sub(r"\W+", "-", iri)

    def sparql(node: Node) -> list[dict[str, Any]]:
        items = []
        for c in graph.objects(node, URIRef(SH + "sparql")):
            select = next((str(o) for o in graph.objects(c, URIRef(SH + "select"))), "")
            items.append({"message": _pick(_texts(graph, c, URIRef(SH + "message")), lang),
                          "select": _dedent(select)})
        return items

    def severity(node: Node) -> str:
        value = next(graph.objects(node, URIRef(SH + "severity")), None)
        return curie(str(value)) if value is not None else "sh:Violation"

    shapes = []
    for node in node_shapes:
        targets = []
        for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            for o in graph.objects(node, URIRef(SH + kind)):
                targets.append({"kind": f"sh:{kind}", "value": _shape_value(graph, o, base, root, labels, lang)})
        properties = []
        for ps in graph.objects(node, URIRef(SH + "property")):
            path = next(graph.objects(ps, URIRef(SH + "path")), None)
            properties.append({
                "id": shape_id(ps) if isinstance(ps, URIRef) else None,
                "label": _pick(_texts(graph, ps, RDFS.label), lang),
                "comment": _pick(_texts(graph, ps, RDFS.comment), lang),
                "path": _shape_value(graph, path, base, root, labels, lang) if path is not None else None,
                "constraints": constraints(ps), "message": message(ps), "sparql": sparql(ps),
                "severity": severity(ps),
            })
        properties.sort(key=lambda p: (p["label"] or "").lower())
        shapes.append({
            "id": shape_id(node), "iri": str(node), "label": _pick(_texts(graph, node, RDFS.label), lang) or shape_id(node),
            "comment": _pick(_texts(graph, node, RDFS.comment), lang), "targets": targets,
            "constraints": constraints(node), "message": message(node), "sparql": sparql(node),
            "properties": properties, "severity": severity(node),
        })
    shapes.sort(key=lambda s: s["id"].lower())
    head = URIRef(base + "shapes")
    return {
        "title": _pick(_texts(graph, head, RDFS.label), lang),
        "comment": _pick(_texts(graph, head, RDFS.comment), lang),
        "shapes": shapes,
    }


def _dedent(text: str) -> str:
    lines = text.strip("\n").splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def _shapes(request: Request, forced: str | None, name: str | None = None) -> Response:
    data = data_of(request)
    key = _negotiated(request, forced)
    if key is None:
        return _not_acceptable()
    lang = pick_lang(request)
    root = root_of(request)
    graph = shapes_graph(request, data.base)
    if graph is None:
        return not_found_page(request, data.base + "shapes", lang, message=d_for(lang)["no_shapes"])
    if name is not None:
        iri = URIRef(data.base + "shapes/" + name)
        if (iri, None, None) not in graph:
            return not_found_page(request, str(iri), lang)
        if key == "html":
            return RedirectResponse(f"{root}/shapes?lang={lang}#{name}", status_code=303, headers={"Vary": "Accept"})
        sub = Graph()
        _closure(graph, iri, sub)
    version = data.version
    stamp = shapes_digest(request)
    etag = etag_for(version, "shapes", stamp, name or "", key, lang if key == "html" else "")
    headers = cache_headers(etag, vary="Accept, Accept-Language" if key == "html" else "Accept", version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        return rdf_response(sub if name is not None else graph, RDF_BY_KEY[key], data.base, headers)
    model = shapes_model(graph, data.base, lang, root)
    d = d_for(lang)
    alternates = [{"type": f.media_type, "href": f"{root}/shapes.{f.extension}"} for f in RDF_FORMATS]
    context = page_context(request, lang, model["title"] or d["shapes_title"], version, d=d, model=model,
                           formats=_formats(f"{root}/shapes"), alternates=alternates)
    return render("shapes.html", context, headers=headers)


def _closure(graph: Graph, node: Node, out: Graph) -> None:
    for p, o in graph.predicate_objects(node):
        out.add((node, p, o))
        if isinstance(o, BNode):
            _closure(graph, o, out)


@router.api_route("/shapes", methods=["GET", "HEAD"], include_in_schema=False)
def shapes(request: Request) -> Response:
    return _shapes(request, None)


@router.api_route("/shapes.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
def shapes_file(request: Request, ext: str) -> Response:
    return by_extension(request, "shapes", ext, _shapes)


@router.api_route("/shapes/{name}", methods=["GET", "HEAD"], include_in_schema=False)
def shape(request: Request, name: str) -> Response:
    forced = None
    match = re.fullmatch(r"(.+)\.(ttl|jsonld|nt|rdf|html)", name)
    if match:
        name, ext = match.group(1), match.group(2)
        forced = format_for_extension(ext)
    return _shapes(request, forced, name)
