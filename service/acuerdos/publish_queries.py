"""The named queries published in the graph, as the SIB sparql-examples convention does.

Each query of `queries/` becomes a SHACL SPARQL executable whose IRI is the query's page on the
service (`{base}queries/{name}`, which dereferences to its form, its answers and this very
description), so that people who only use SPARQL find the questions too:

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

`<{base}queries>` declares the prefixes (`sh:declare`), as `sh:prefixes` expects. The graph
goes into the dataset as the named graph `<{base}graph/queries>` (`add_to_dataset`), and is also
served as Turtle at `/queries.ttl` and, per query, at `/queries/{name}.ttl`.

    python -m acuerdos.publish_queries [OUT.ttl]     # writes the graph (stdout by default)
"""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlencode

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .config import Paths, base_iri, rebase_text
from .graph import prefixes_for
from .queries import NamedQuery, Registry, load_registry

SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")


def query_iri(name: str, base: str | None = None) -> URIRef:
    """The IRI of a named query: its page on the service."""
    return URIRef(f"{base or base_iri()}queries/{name}")


def endpoint_iri(base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}sparql")


def graph_name(base: str | None = None) -> URIRef:
    return URIRef(f"{base or base_iri()}graph/queries")


def example_url(query: NamedQuery, base: str | None = None) -> str:
    """The query's page with its example parameters: a stable link to an answer."""
    params = [(name, value) for name, values in query.example.items() for value in values]
    url = str(query_iri(query.name, base))
    return url + ("?" + urlencode(params) if params else "")


def executable(graph: Graph, query: NamedQuery, base: str) -> URIRef:
    """Add one query's description to `graph`; returns its IRI."""
    node = query_iri(query.name, base)
    graph.add((node, RDF.type, SH.SPARQLExecutable))
    graph.add((node, RDF.type, SH.SPARQLSelectExecutable))
    graph.add((node, RDFS.label, Literal(query.title, lang="en")))
    graph.add((node, RDFS.label, Literal(query.title_es, lang="es")))
    if query.description:
        graph.add((node, RDFS.comment, Literal(" ".join(query.description.split()), lang="en")))
    if query.description_es:
        graph.add((node, RDFS.comment, Literal(" ".join(query.description_es.split()), lang="es")))
    graph.add((node, SH.prefixes, URIRef(f"{base}queries")))
    graph.add((node, SH.select, Literal(rebase_text(query.body, base).strip() + "\n")))
    graph.add((node, SCHEMA.target, endpoint_iri(base)))
    graph.add((node, DCTERMS.identifier, Literal(query.name)))
    for tag in query.tags:
        graph.add((node, SCHEMA.keywords, Literal(tag)))
    if query.example:
        graph.add((node, SCHEMA.url, URIRef(example_url(query, base))))
    return node


def executables_graph(registry: Registry, base: str | None = None) -> Graph:
    """Every named query as a SHACL SPARQL executable, with the prefix declarations they use."""
    base = base or base_iri()
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("schema", SCHEMA)
    graph.bind("dcterms", DCTERMS)
    graph.bind("rdfs", RDFS)
    graph.bind("owl", OWL)
    head = URIRef(f"{base}queries")
    graph.add((head, RDF.type, OWL.Ontology))
    graph.add((head, RDFS.label, Literal("Preguntas con nombre de acuerdos", lang="es")))
    graph.add((head, RDFS.label, Literal("acuerdos named queries", lang="en")))
    graph.add((head, RDFS.comment, Literal(
        "The questions the acuerdos service answers, each a SPARQL query that runs as it is on the endpoint.", lang="en")))
    graph.add((head, RDFS.comment, Literal(
        "Las preguntas que responde el servicio acuerdos, cada una una consulta SPARQL que funciona tal cual en el punto de acceso.",
        lang="es")))
    for prefix, ns in prefixes_for(base).items():
        declaration = BNode(f"prefix_{prefix}")
        graph.add((head, SH.declare, declaration))
        graph.add((declaration, SH.prefix, Literal(prefix)))
        graph.add((declaration, SH.namespace, Literal(ns, datatype=XSD.anyURI)))
    for query in registry:
        executable(graph, query, base)
    return graph


def add_to_dataset(dataset: Dataset, paths: Paths | None = None, base: str | None = None) -> URIRef:
    """Put the executables into `dataset` as the named graph `<{base}graph/queries>`."""
    paths = paths or Paths()
    base = base or base_iri()
    name = graph_name(base)
    target = dataset.graph(name)
    for triple in executables_graph(load_registry(paths.queries), base):
        target.add(triple)
    return name


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = executables_graph(load_registry(Paths().queries)).serialize(format="turtle")
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
