"""Content negotiation: Accept with q-values and wildcards, the format parameter, 406."""
from __future__ import annotations

import pytest

from acuerdos.sparql.errors import BadRequest, NotAcceptable
from acuerdos.rdf.formats import negotiate


@pytest.mark.parametrize("accept,key", [
    (None, "json"), ("", "json"), ("*/*", "json"),
    ("application/sparql-results+json", "json"), ("application/json", "json"),
    ("application/sparql-results+xml", "xml"), ("application/xml", "xml"), ("text/xml", "xml"),
    ("text/csv", "csv"), ("text/tab-separated-values", "tsv"),
    ("text/csv;q=0.5, text/tab-separated-values", "tsv"),
    ("text/*", "csv"),
    # a browser: application/xml;q=0.9 beats */*;q=0.8
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
    ("application/sparql-results+xml;q=0.1, */*;q=0.2", "json"),
])
def test_results_by_accept(accept, key):
    assert negotiate(False, accept).key == key


@pytest.mark.parametrize("accept,key", [
    (None, "turtle"), ("*/*", "turtle"), ("text/turtle", "turtle"), ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"), ("application/ld+json", "jsonld"), ("application/json", "jsonld"),
    ("application/rdf+xml", "rdfxml"), ("application/xml", "rdfxml"),
    ("application/rdf+xml, text/turtle;q=0.9", "rdfxml"),
])
def test_graphs_by_accept(accept, key):
    assert negotiate(True, accept).key == key


@pytest.mark.parametrize("graph,accept", [
    (False, "image/png"), (False, "text/turtle"), (True, "text/csv"), (True, "application/sparql-results+json"),
    (False, "application/sparql-results+json;q=0"), (True, "text/html"),
])
def test_not_acceptable(graph, accept):
    with pytest.raises(NotAcceptable) as caught:
        negotiate(graph, accept)
    assert caught.value.status == 406
    assert "format=" in caught.value.message


@pytest.mark.parametrize("graph,param,key", [
    (False, "json", "json"), (False, "xml", "xml"), (False, "csv", "csv"), (False, "tsv", "tsv"),
    (False, "text/csv", "csv"), (True, "turtle", "turtle"), (True, "ttl", "turtle"), (True, "n3", "turtle"),
    (True, "nt", "ntriples"), (True, "json-ld", "jsonld"), (True, "jsonld", "jsonld"), (True, "rdf+xml", "rdfxml"),
    # the values SPARQLWrapper sends in format=: json for graphs means JSON-LD, xml means RDF/XML
    (True, "json", "jsonld"), (True, "xml", "rdfxml"), (True, "rdf", "rdfxml"),
])
def test_format_parameter_wins(graph, param, key):
    assert negotiate(graph, "image/png", param).key == key


def test_format_parameter_for_the_other_form_is_406():
    with pytest.raises(NotAcceptable):
        negotiate(False, None, "turtle")
    with pytest.raises(NotAcceptable):
        negotiate(True, None, "csv")


def test_unknown_format_parameter_is_400():
    with pytest.raises(BadRequest):
        negotiate(False, None, "yaml")


def test_several_format_values_first_that_fits_wins():
    # what SPARQLWrapper sends for JSON-LD and RDF/XML
    assert negotiate(True, None, ["json-ld", "application/ld+json,application/x-json+ld"]).key == "jsonld"
    assert negotiate(True, None, ["rdf+xml", "application/rdf+xml"]).key == "rdfxml"
    assert negotiate(False, None, ["yaml", "csv"]).key == "csv"
    with pytest.raises(BadRequest):
        negotiate(False, None, ["yaml", "toml"])
