"""Real SPARQL clients against /sparql: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

CRM = URIRef("https://w3id.org/acuerdos/conference/crm")
LABELS = f"SELECT ?label WHERE {{ <{CRM}> <{RDFS.label}> ?label }}"


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_select_json(service_url, method):
    sw = SPARQLWrapper(service_url + "/sparql")
    sw.setMethod(method)
    sw.setQuery(LABELS)
    sw.setReturnFormat(JSON)
    result = sw.query().convert()
    assert len(result["results"]["bindings"]) == 2


def test_sparqlwrapper_select_xml_and_csv(service_url):
    sw = SPARQLWrapper(service_url + "/sparql")
    sw.setQuery(LABELS)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert len(doc.getElementsByTagName("result")) == 2
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().splitlines()[0] == "label"


def test_sparqlwrapper_ask(service_url):
    sw = SPARQLWrapper(service_url + "/sparql")
    sw.setQuery(f"ASK {{ <{CRM}> ?p ?o }}")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD])
def test_sparqlwrapper_construct(service_url, fmt):
    sw = SPARQLWrapper(service_url + "/sparql")
    sw.setQuery(f"CONSTRUCT {{ <{CRM}> ?p ?o }} WHERE {{ <{CRM}> ?p ?o }}")
    sw.setReturnFormat(fmt)
    result = sw.query().convert()
    syntax = "turtle" if fmt in (TURTLE, N3) else "json-ld"
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format=syntax)
    assert (CRM, RDFS.label, None) in graph


def test_sparqlwrapper_sees_syntax_errors(service_url):
    sw = SPARQLWrapper(service_url + "/sparql")
    sw.setQuery("SELECT * WHERE { ?s ?p }")
    sw.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed) as caught:
        sw.query()
    assert "line 1" in str(caught.value)


def test_rdflib_sparqlstore(service_url):
    graph = Graph(store=SPARQLStore(service_url + "/sparql"))
    labels = {row.label for row in graph.query(LABELS)}
    assert Literal("Conferencia Regional sobre Migración", lang="es") in labels or len(labels) == 2
    assert len(labels) == 2
    assert set(graph.objects(CRM, RDFS.label)) == labels
    assert graph.query(f"ASK {{ <{CRM}> ?p ?o }}").askAnswer is True
    described = graph.query(f"CONSTRUCT WHERE {{ <{CRM}> ?p ?o }}").graph
    assert len(described) > 3
