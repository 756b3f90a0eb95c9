"""Content negotiation: Accept with q-values and wildcards, the format parameter, 406."""

from __future__ import annotations

import pytest

from acuerdos.errors import BadFormatError, NotAcceptableError
from acuerdos.http import status_of
from acuerdos.rdf.formats import GRAPH_BY_EXTENSION, GRAPH_FORMATS, choose, negotiate
from acuerdos.rdf.formats import HTML_OFFER as HTML


@pytest.mark.parametrize(
    "accept,key",
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/sparql-results+json", "json"),
        ("application/json", "json"),
        ("application/sparql-results+xml", "xml"),
        ("application/xml", "xml"),
        ("text/xml", "xml"),
        ("text/csv", "csv"),
        ("text/tab-separated-values", "tsv"),
        ("text/csv;q=0.5, text/tab-separated-values", "tsv"),
        ("text/*", "csv"),
        # a browser: application/xml;q=0.9 beats */*;q=0.8
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
        ("application/sparql-results+xml;q=0.1, */*;q=0.2", "json"),
    ],
)
def test_results_by_accept(accept, key):
    assert negotiate(False, accept).key == key


@pytest.mark.parametrize(
    "accept,key",
    [
        (None, "turtle"),
        ("*/*", "turtle"),
        ("text/turtle", "turtle"),
        ("application/n-triples", "ntriples"),
        ("text/plain", "ntriples"),
        ("application/ld+json", "jsonld"),
        ("application/json", "jsonld"),
        ("application/rdf+xml", "rdfxml"),
        ("application/xml", "rdfxml"),
        ("application/rdf+xml, text/turtle;q=0.9", "rdfxml"),
    ],
)
def test_graphs_by_accept(accept, key):
    assert negotiate(True, accept).key == key


@pytest.mark.parametrize(
    "graph,accept",
    [
        (False, "image/png"),
        (False, "text/turtle"),
        (True, "text/csv"),
        (True, "application/sparql-results+json"),
        (False, "application/sparql-results+json;q=0"),
        (True, "text/html"),
    ],
)
def test_not_acceptable(graph, accept):
    with pytest.raises(NotAcceptableError) as caught:
        negotiate(graph, accept)
    assert status_of(caught.value) == 406
    assert "format=" in caught.value.message


@pytest.mark.parametrize(
    "graph,param,key",
    [
        (False, "json", "json"),
        (False, "xml", "xml"),
        (False, "csv", "csv"),
        (False, "tsv", "tsv"),
        (False, "text/csv", "csv"),
        (True, "turtle", "turtle"),
        (True, "ttl", "turtle"),
        (True, "n3", "turtle"),
        (True, "nt", "ntriples"),
        (True, "json-ld", "jsonld"),
        (True, "jsonld", "jsonld"),
        (True, "rdf+xml", "rdfxml"),
        # the values SPARQLWrapper sends in format=: json for graphs means JSON-LD, xml means RDF/XML
        (True, "json", "jsonld"),
        (True, "xml", "rdfxml"),
        (True, "rdf", "rdfxml"),
    ],
)
def test_format_parameter_wins(graph, param, key):
    assert negotiate(graph, "image/png", param).key == key


def test_format_parameter_for_the_other_form_is_406():
    with pytest.raises(NotAcceptableError):
        negotiate(False, None, "turtle")
    with pytest.raises(NotAcceptableError):
        negotiate(True, None, "csv")


def test_unknown_format_parameter_is_400():
    with pytest.raises(BadFormatError) as caught:
        negotiate(False, None, "yaml")
    assert status_of(caught.value) == 400


def test_several_format_values_first_that_fits_wins():
    # what SPARQLWrapper sends for JSON-LD and RDF/XML
    assert negotiate(True, None, ["json-ld", "application/ld+json,application/x-json+ld"]).key == "jsonld"
    assert negotiate(True, None, ["rdf+xml", "application/rdf+xml"]).key == "rdfxml"
    assert negotiate(False, None, ["yaml", "csv"]).key == "csv"
    with pytest.raises(BadFormatError):
        negotiate(False, None, ["yaml", "toml"])


def test_a_range_with_q_0_refuses_what_a_wildcard_would_admit():
    # the most specific range decides a media type's q (RFC 9110, 12.5.1)
    assert negotiate(False, "text/csv;q=0, text/*").key == "tsv"
    assert negotiate(True, "text/turtle;q=0, */*").key == "ntriples"


# --- the generic negotiator that pages use -------------------------------------------------------------


PAGE_OFFERS = [HTML] + [f.offer for f in GRAPH_FORMATS]


@pytest.mark.parametrize(
    "accept,key",
    [
        (None, "html"),
        ("", "html"),
        ("*/*", "html"),
        ("text/turtle", "turtle"),
        ("text/turtle;q=0.5, application/ld+json", "jsonld"),
        ("text/*", "html"),
        ("image/png", None),
        ("application/xhtml+xml", "html"),
        # equal q: the more specific range wins, then the client's order
        ("*/*, application/ld+json", "jsonld"),
        ("application/n-triples, text/turtle", "ntriples"),
        ("text/turtle, application/n-triples", "turtle"),
    ],
)
def test_choose(accept, key):
    assert choose(accept, PAGE_OFFERS, "html") == key


def test_choose_gives_a_bare_wildcard_the_default():
    assert choose("*/*", PAGE_OFFERS, "jsonld") == "jsonld"
    assert choose("image/png, */*;q=0.1", PAGE_OFFERS, "rdfxml") == "rdfxml"


def test_graph_formats_by_extension():
    assert {ext: f.key for ext, f in GRAPH_BY_EXTENSION.items()} == {
        "ttl": "turtle",
        "nt": "ntriples",
        "jsonld": "jsonld",
        "rdf": "rdfxml",
    }
