"""The VoID half of the dataset's description: what the built graph holds, counted from it.

Counted over the union of the named graphs of the release (a triple stated in two files once):
triples, distinct subjects and objects, properties; a class partition per class whose members
include the members of its subclasses (``rdfs:subClassOf*``, so ``acu:Decision`` counts every
agreement, conclusion and recommendation); a property partition per property; a subset per named
graph (one per file of the project); a linkset per outside authority and linking property; the
SPARQL endpoint, the URI space, the vocabularies and example resources.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from ..namespaces import Base

VOID = Namespace("http://rdfs.org/ns/void#")

EXAMPLES = (
    "decision/2017-06-08-panama/agreement-13",
    "meeting/2017-06-08-panama",
    "conference/crm",
    "theme/gcm-objective/10",
)
# The outside authorities our resources link to: namespace → (the authority as a void:Dataset, its name).
AUTHORITIES: dict[str, tuple[str, str]] = {
    "http://publications.europa.eu/resource/authority/country/": (
        "http://publications.europa.eu/resource/authority/country",
        "EU Vocabularies: Country authority table",
    ),
    "http://www.wikidata.org/entity/": ("http://www.wikidata.org/", "Wikidata"),
    "https://migrationnetwork.un.org/": ("https://migrationnetwork.un.org/", "UN Network on Migration, GCM hub"),
}

# Only the triples per property need the union's duplicates removed (a triple stated in two files
# counts once); distinct subjects and objects do not, so they are counted over the union as it
# comes: at 1M triples the four queries take 5 s instead of the 10 s of deduplicating every time.
_TERMS = "SELECT (COUNT(DISTINCT ?s) AS ?s_) (COUNT(DISTINCT ?o) AS ?o_) WHERE { ?s ?p ?o }"
_PROPERTIES = "SELECT ?p (COUNT(DISTINCT ?s) AS ?s_) (COUNT(DISTINCT ?o) AS ?o_) WHERE { ?s ?p ?o } GROUP BY ?p"
_TRIPLES = "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } } GROUP BY ?p"
_CLASSES = f"""SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  ?s a ?t . ?t <{RDFS.subClassOf}>* ?c . FILTER(isIRI(?c))
}} GROUP BY ?c ORDER BY DESC(?n) ?c"""
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_LINKS = """SELECT ?p ?o (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s ?p ?o . FILTER(isIRI(?o) && (?authorities) && STRSTARTS(STR(?s), ?base)) } GROUP BY ?p ?o"""


@dataclass(frozen=True)
class Figures:
    """The counts of the description, each as its query answered it."""

    triples: int
    subjects: int
    objects: int
    properties: list[tuple[str, int, int, int]]  # property, triples, distinct subjects, distinct objects
    classes: list[tuple[str, int]]  # class, members (its subclasses' included)
    graphs: list[tuple[str, int]]  # named graph, triples
    linksets: list[tuple[str, str, int]]  # authority namespace, linking property, links


def select(store: ox.Store, query: str) -> Iterator[list[str]]:
    """The rows of a SELECT over the union of the store's graphs, each value as text ('' unbound)."""
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)  # every query here is a SELECT
    for row in solutions:
        yield ["" if term is None else term.value for term in row]


def _linksets(store: ox.Store, base: Base) -> list[tuple[str, str, int]]:
    authorities = " || ".join(f"STRSTARTS(STR(?o), {Literal(ns).n3()})" for ns in AUTHORITIES)
    counts: dict[tuple[str, str], int] = {}
    for p, o, n in select(store, _LINKS.replace("?authorities", authorities).replace("?base", Literal(base.iri).n3())):
        for namespace in AUTHORITIES:
            if o.startswith(namespace):
                counts[namespace, p] = counts.get((namespace, p), 0) + int(n)
    return sorted((ns, p, n) for (ns, p), n in counts.items())


def count(store: ox.Store, base: Base) -> Figures:
    """Run the counting queries over the union of the store's named graphs."""
    subjects, objects = (int(v) for v in next(select(store, _TERMS)))
    triples = {p: int(n) for p, n in select(store, _TRIPLES)}
    return Figures(
        triples=sum(triples.values()),
        subjects=subjects,
        objects=objects,
        properties=sorted((p, triples[p], int(s), int(o)) for p, s, o in select(store, _PROPERTIES)),
        classes=[(c, int(n)) for c, n in select(store, _CLASSES)],
        graphs=[(g, int(n)) for g, n in select(store, _GRAPHS)],
        linksets=_linksets(store, base),
    )


def _node(kind: str, *key: str) -> BNode:
    """A blank node named after what it stands for: the same description gives the same labels."""
    return BNode(kind + "_" + hashlib.sha1("|".join(key).encode()).hexdigest()[:12])


def _integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _namespace_of(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else ""


def describe_void(graph: Graph, dataset: URIRef, base: Base, figures: Figures) -> None:
    """Add the VoID statements of ``dataset`` (the figures, partitions, subsets, linksets) to ``graph``."""
    graph.add((dataset, RDF.type, VOID.Dataset))
    for predicate, value in (
        (VOID.triples, figures.triples),
        (VOID.distinctSubjects, figures.subjects),
        (VOID.distinctObjects, figures.objects),
        (VOID.properties, len(figures.properties)),
        (VOID.classes, len(figures.classes)),
    ):
        graph.add((dataset, predicate, _integer(value)))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(base.path("sparql"))))
    graph.add((dataset, VOID.uriSpace, Literal(base.iri)))
    graph.add((dataset, VOID.rootResource, URIRef(base.path("conference/crm"))))
    for path in EXAMPLES:
        graph.add((dataset, VOID.exampleResource, URIRef(base.path(path))))
    for feature in ("Turtle", "JSON-LD", "N-Triples", "RDF_XML"):
        graph.add((dataset, VOID.feature, URIRef(f"http://www.w3.org/ns/formats/{feature}")))
    for vocabulary in sorted({_namespace_of(p) for p, *_ in figures.properties} - {""}):
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for cls, members in figures.classes:
        part = _node("class", cls)
        graph.add((dataset, VOID.classPartition, part))
        graph.add((part, VOID["class"], URIRef(cls)))
        graph.add((part, VOID.entities, _integer(members)))
    for prop, triples, subjects, objects in figures.properties:
        part = _node("property", prop)
        graph.add((dataset, VOID.propertyPartition, part))
        graph.add((part, VOID.property, URIRef(prop)))
        graph.add((part, VOID.triples, _integer(triples)))
        graph.add((part, VOID.distinctSubjects, _integer(subjects)))
        graph.add((part, VOID.distinctObjects, _integer(objects)))
    for name, triples in figures.graphs:
        subset = URIRef(name)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, _integer(triples)))
        prefix = base.graph("")
        graph.add((subset, DCTERMS.title, Literal(name[len(prefix) :] if name.startswith(prefix) else name)))
    _describe_linksets(graph, dataset, figures.linksets)


def _describe_linksets(graph: Graph, dataset: URIRef, linksets: list[tuple[str, str, int]]) -> None:
    for namespace, prop, links in linksets:
        target_iri, name = AUTHORITIES[namespace]
        target = URIRef(target_iri)
        graph.add((target, RDF.type, VOID.Dataset))
        graph.add((target, DCTERMS.title, Literal(name, lang="en")))
        graph.add((target, VOID.uriSpace, Literal(namespace)))
        linkset = _node("linkset", namespace, prop)
        graph.add((dataset, VOID.subset, linkset))
        graph.add((linkset, RDF.type, VOID.Linkset))
        graph.add((linkset, VOID.subjectsTarget, dataset))
        graph.add((linkset, VOID.objectsTarget, target))
        graph.add((linkset, VOID.linkPredicate, URIRef(prop)))
        graph.add((linkset, VOID.triples, _integer(links)))
