"""Settings, result writers, term conversion, and the refusal of XML with a DTD (the one place the
service reads RDF from outside: a remote server's answers; the service itself accepts no RDF input)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql.results.csvresults import CSVResultParser
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from acuerdos.errors import UserError
from acuerdos.rdf.formats import BY_KEY
from acuerdos.rdf.results import write_rows, write_solutions, write_triples
from acuerdos.rdf.rows import Rows
from acuerdos.rdf.terms import decode, encode, to_oxigraph, to_rdflib
from acuerdos.settings import Settings
from acuerdos.store.errors import UpstreamError
from acuerdos.store.graph_store import graph_store_url
from acuerdos.store.remote import parse_rdf, parse_results, refuse_dtd

# --- settings ------------------------------------------------------------------------------------------


def test_settings_defaults():
    s = Settings.from_env({})
    assert (s.host, s.port, s.query_timeout, s.result_limit, s.endpoint) == ("127.0.0.1", 8000, 10.0, 10000, None)
    assert s.worker_count >= 2 and not s.remote


def test_settings_environment_then_options():
    env = {
        "ACUERDOS_PORT": "9000",
        "ACUERDOS_QUERY_TIMEOUT": "2.5",
        "ACUERDOS_ENDPOINT": "http://h:7878/query",
        "ACUERDOS_BASE": "http://example.org/a",
        "ACUERDOS_DIST": "/tmp/x",
        "ACUERDOS_RESULT_LIMIT": "5",
    }
    s = Settings.from_env(env, port=9001)
    assert (s.port, s.query_timeout, s.endpoint, s.base, s.dist, s.result_limit) == (
        9001,
        2.5,
        "http://h:7878/query",
        "http://example.org/a/",
        Path("/tmp/x"),
        5,
    )
    assert s.remote and s.worker_count == 4


@pytest.mark.parametrize(
    "env",
    [
        {"ACUERDOS_PORT": "eighty"},
        {"ACUERDOS_QUERY_TIMEOUT": "-1"},
        {"ACUERDOS_ENDPOINT": "ftp://x"},
        {"ACUERDOS_WORKERS": "0"},
    ],
)
def test_settings_refused(env):
    with pytest.raises(UserError):
        Settings.from_env(env)


# --- DTDs ------------------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol2;</ex:p></rdf:Description></rdf:RDF>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>"""
PLAIN = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
<rdf:Description rdf:about="http://example.org/a"><ex:p>1</ex:p></rdf:Description></rdf:RDF>"""
SRX_DTD = b"""<?xml version="1.0"?><!DOCTYPE sparql [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>true</boolean></sparql>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL])
@pytest.mark.parametrize("media_type", ["application/rdf+xml", "application/xml", "text/xml"])
def test_rdfxml_with_dtd_refused(data, media_type):
    with pytest.raises(UpstreamError, match="DTD"):
        parse_rdf(data, media_type)


def test_results_xml_with_dtd_refused():
    with pytest.raises(UpstreamError, match="DTD"):
        parse_results(SRX_DTD, "application/sparql-results+xml")


def test_rdfxml_without_dtd_read():
    assert len(parse_rdf(PLAIN, "application/rdf+xml")) == 1
    refuse_dtd(PLAIN)


def test_graph_store_url():
    assert graph_store_url("http://h:7878/query") == "http://h:7878/store"
    assert graph_store_url("http://h:3030/ds/sparql", "http://h:3030/ds/data") == "http://h:3030/ds/data"


# --- result writers ----------------------------------------------------------------------------------------

TERMS = [
    ox.NamedNode("http://example.org/a"),
    ox.Literal('dos, "tres"\ncuatro\tcinco', language="es"),
    ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    ox.BlankNode("b0"),
    ox.Literal("<&> ü"),
]


def _rows():
    return [[TERMS[0], TERMS[1], TERMS[2]], [TERMS[3], None, TERMS[4]]]


def test_json_round_trip():
    body = json.loads(write_solutions(["x", "y", "z"], _rows(), BY_KEY["json"], False, 10))
    assert body["results"]["bindings"][0]["y"] == {"type": "literal", "value": TERMS[1].value, "xml:lang": "es"}
    assert "y" not in body["results"]["bindings"][1] and "truncated" not in body
    body = json.loads(write_solutions(["x", "y", "z"], _rows(), BY_KEY["json"], True, 2))
    assert body["truncated"] is True and body["limit"] == 2


@pytest.mark.parametrize("key,parser", [("xml", XMLResultParser), ("csv", CSVResultParser), ("tsv", TSVResultParser)])
def test_rdflib_reads_our_results(key, parser):
    data = write_solutions(["x", "y", "z"], _rows(), BY_KEY[key], True, 2)
    source = io.BytesIO(data) if key == "xml" else io.StringIO(data.decode())
    result = parser().parse(source)
    assert len(result.bindings) == 2


def test_graph_writers_and_cap_comment():
    triples = [ox.Triple(TERMS[0], ox.NamedNode("http://example.org/p"), t) for t in TERMS[1:]]
    for key, fmt in (("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml"), ("jsonld", "json-ld")):
        data = write_triples(triples, BY_KEY[key], True, 4, {"ex": "http://example.org/"})
        assert len(Graph().parse(data=data, format=fmt)) == 4
        if key in ("turtle", "ntriples", "rdfxml"):
            assert b"truncated" in data


def test_term_encoding_round_trip():
    for term in TERMS:
        assert to_oxigraph(decode(encode(term))) == term
    assert decode(encode(TERMS[1])).language == "es"
    assert str(decode(encode(TERMS[2])).datatype).endswith("#integer")


def test_xsd_string_is_rdflib_plain_literal_and_back():
    """RDF 1.1: "x" is "x"^^xsd:string. rdflib keeps the two apart; rows use its plain spelling."""
    ox_string = ox.Literal("x", datatype=ox.NamedNode(str(XSD.string)))
    assert ox_string == ox.Literal("x")
    assert to_rdflib(ox_string) == Literal("x") and to_rdflib(ox_string).datatype is None
    assert decode(encode(ox_string)) == Literal("x")
    assert to_oxigraph(Literal("x")) == ox_string
    assert to_oxigraph(Literal("x", datatype=XSD.string)) == ox_string


@pytest.mark.parametrize(
    "node",
    [
        URIRef("http://example.org/a"),
        BNode("b0"),
        Literal("x"),
        Literal("x", lang="es"),
        Literal("42", datatype=XSD.integer),
        Literal("2024-01-01", datatype=XSD.date),
    ],
)
def test_every_term_kind_round_trips(node):
    assert to_rdflib(to_oxigraph(node)) == node
    assert decode(encode(to_oxigraph(node))) == node


def test_write_rows_writes_rdflib_rows_as_the_endpoint_writes_oxigraph_ones():
    variables = ["x", "y", "z"]
    rows = Rows(
        [{v: to_rdflib(t) for v, t in zip(variables, row, strict=False) if t is not None} for row in _rows()],
        variables,
        truncated=True,
    )
    for key in ("json", "xml", "csv", "tsv"):
        assert write_rows(rows, BY_KEY[key]) == write_solutions(variables, _rows(), BY_KEY[key], True, 2)


def test_xml_results_replace_characters_xml_cannot_carry():
    data = write_solutions(["x"], [[ox.Literal("a\u0001b")]], BY_KEY["xml"], False, 10)
    result = XMLResultParser().parse(io.BytesIO(data))
    assert str(next(iter(result.bindings[0].values()))) == "a\ufffdb"
