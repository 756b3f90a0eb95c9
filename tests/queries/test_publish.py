"""The named queries in the graph as SHACL SPARQL executables (the SIB sparql-examples convention),
under the base the registry was read with."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, Namespace, URIRef

from acuerdos.namespaces import Base
from acuerdos.project import Project
from acuerdos.queries import load_registry
from acuerdos.queries.publish import add_to_dataset, example_url, executables_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
MIRROR = Base("https://example.org/a/")


def test_each_query_is_an_executable_whose_select_runs_as_it_is(q_registry, q_backend) -> None:
    graph = executables_graph(q_registry)
    nodes = set(graph.subjects(RDF.type, SH.SPARQLSelectExecutable))
    assert nodes == {URIRef(f"https://w3id.org/acuerdos/queries/{name}") for name in q_registry.names()}
    for query in q_registry:
        node = URIRef(f"https://w3id.org/acuerdos/queries/{query.name}")
        assert (node, RDFS.label, Literal(query.title_es, lang="es")) in graph
        assert graph.value(node, SCHEMA.target) == URIRef("https://w3id.org/acuerdos/sparql")
        text = str(graph.value(node, SH.select))
        assert q_backend.select(text), f"{query.name}: the published query returns no rows as it is"


def test_the_executables_go_into_their_own_named_graph_with_their_prefixes(q_registry) -> None:
    dataset = Dataset()
    name = add_to_dataset(dataset, q_registry)
    assert name == URIRef("https://w3id.org/acuerdos/graph/queries")
    graph = dataset.graph(name)
    assert len(set(graph.subjects(RDF.type, SH.SPARQLExecutable))) == len(q_registry)
    head = URIRef("https://w3id.org/acuerdos/queries")
    declared = {
        str(graph.value(d, SH.prefix)): str(graph.value(d, SH.namespace)) for d in graph.objects(head, SH.declare)
    }
    assert declared["acu"] == "https://w3id.org/acuerdos/ontology#"
    assert {"skos", "rdfs"} <= set(declared)


def test_a_mirror_publishes_under_its_own_base() -> None:
    mirror = load_registry(Project(Path(__file__).resolve().parents[2]).queries, MIRROR)
    graph = executables_graph(mirror)
    iris = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    assert not {i for i in iris if i.startswith("https://w3id.org/acuerdos/") and "ontology" not in i}
    selects = [str(o) for o in graph.objects(None, SH.select)]
    assert selects and not any(
        "https://w3id.org/acuerdos/state" in s or "w3id.org/acuerdos/theme" in s for s in selects
    )
    assert example_url(mirror.get("decisions-by-theme")).startswith(
        "https://example.org/a/queries/decisions-by-theme?theme=https%3A%2F%2Fexample.org%2Fa%2Ftheme%2F"
    )


@pytest.mark.parametrize("name", ["actors", "search-decisions"])
def test_the_example_link_carries_the_example_values(name: str, q_registry) -> None:
    query = q_registry.get(name)
    url = example_url(query)
    assert url.startswith(f"https://w3id.org/acuerdos/queries/{name}")
    assert ("?" in url) == bool(query.example)
