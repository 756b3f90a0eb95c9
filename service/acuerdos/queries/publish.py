"""The named queries published in the graph, as the SIB sparql-examples convention does.

Each query becomes a SHACL SPARQL executable whose IRI is its page on the service
(`{base}queries/{name}`, which dereferences to its form, its answers and this very description),
so that people who only use SPARQL find the questions too:

    <https://w3id.org/acuerdos/queries/decisions-by-theme>
        a sh:SPARQLExecutable, sh:SPARQLSelectExecutable ;
        rdfs:label "Decisions that touch a theme"@en, "Decisiones que tocan un tema"@es ;
        rdfs:comment "Every decision …"@en, "Todas las decisiones …"@es ;
        sh:prefixes <https://w3id.org/acuerdos/queries> ;
        sh:select "PREFIX acu: … SELECT …" ;            # the file's body: runs as it is
        schema:target <https://w3id.org/acuerdos/sparql> ;
        schema:keywords "decisions", "themes" ;
        dcterms:identifier "decisions-by-theme" ;
        schema:url <https://w3id.org/acuerdos/queries/decisions-by-theme?theme=…> .   # the example

`<{base}queries>` declares the prefixes (`sh:declare`), as `sh:prefixes` expects. The graph goes
into the dataset as the named graph `<{base}graph/queries>` (`add_to_dataset`), and is served as
Turtle at `/queries.ttl` and, per query, at `/queries/{name}.ttl`. Every IRI is under the base the
registry was read with.
"""

from __future__ import annotations

from urllib.parse import urlencode

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from ..namespaces import PREFIXES, Base
from .registry import NamedQuery, Registry

SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")


def query_iri(name: str, base: Base) -> URIRef:
    """The IRI of a named query: its page on the service."""
    return URIRef(base.path(f"queries/{name}"))


def endpoint_iri(base: Base) -> URIRef:
    return URIRef(base.path("sparql"))


def graph_name(base: Base) -> URIRef:
    """The named graph the executables go into."""
    return URIRef(base.graph("queries"))


def example_url(query: NamedQuery) -> str:
    """The query's page with its example parameters: a stable link to an answer."""
    params = [(name, value) for name, values in query.example.items() for value in values]
    url = str(query_iri(query.name, query.base))
    return url + ("?" + urlencode(params) if params else "")


def executable(graph: Graph, query: NamedQuery) -> URIRef:
    """Add one query's description to `graph`; returns its IRI."""
    base = query.base
    node = query_iri(query.name, base)
    graph.add((node, RDF.type, SH.SPARQLExecutable))
    graph.add((node, RDF.type, SH.SPARQLSelectExecutable))
    graph.add((node, RDFS.label, Literal(query.title, lang="en")))
    graph.add((node, RDFS.label, Literal(query.title_es, lang="es")))
    for text, lang in ((query.description, "en"), (query.description_es, "es")):
        if text:
            graph.add((node, RDFS.comment, Literal(" ".join(text.split()), lang=lang)))
    graph.add((node, SH.prefixes, URIRef(base.path("queries"))))
    graph.add((node, SH.select, Literal(query.body.strip() + "\n")))
    graph.add((node, SCHEMA.target, endpoint_iri(base)))
    graph.add((node, DCTERMS.identifier, Literal(query.name)))
    for tag in query.tags:
        graph.add((node, SCHEMA.keywords, Literal(tag)))
    if query.example:
        graph.add((node, SCHEMA.url, URIRef(example_url(query))))
    return node


_HEAD = (
    (RDF.type, OWL.Ontology),
    (RDFS.label, Literal("Preguntas con nombre de acuerdos", lang="es")),
    (RDFS.label, Literal("acuerdos named queries", lang="en")),
    (
        RDFS.comment,
        Literal(
            "The questions the acuerdos service answers, each a SPARQL query that runs as it is on the endpoint.",
            lang="en",
        ),
    ),
    (
        RDFS.comment,
        Literal(
            "Las preguntas que responde el servicio acuerdos, cada una una consulta SPARQL que "
            "funciona tal cual en el punto de acceso.",
            lang="es",
        ),
    ),
)


def executables_graph(registry: Registry) -> Graph:
    """Every named query as a SHACL SPARQL executable, with the prefix declarations they use."""
    graph = Graph()
    for name, namespace in (("sh", SH), ("schema", SCHEMA), ("dcterms", DCTERMS), ("rdfs", RDFS), ("owl", OWL)):
        graph.bind(name, namespace)
    head = URIRef(registry.base.path("queries"))
    for predicate, value in _HEAD:
        graph.add((head, predicate, value))
    for prefix, ns in PREFIXES.items():
        declaration = BNode(f"prefix_{prefix}")
        graph.add((head, SH.declare, declaration))
        graph.add((declaration, SH.prefix, Literal(prefix)))
        graph.add((declaration, SH.namespace, Literal(ns, datatype=XSD.anyURI)))
    for query in registry:
        executable(graph, query)
    return graph


def add_to_dataset(dataset: Dataset, registry: Registry) -> URIRef:
    """Put the executables into `dataset` as the named graph `<{base}graph/queries>`; returns its name."""
    name = graph_name(registry.base)
    target = dataset.graph(name)
    for triple in executables_graph(registry):
        target.add(triple)
    return name
