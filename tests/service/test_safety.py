"""The lexical check that runs before any engine: updates and SERVICE refused, forms recognised."""
from __future__ import annotations

import time

import pytest

from acuerdos.sparql.errors import BadRequest, ReadOnly, ServiceRefused
from acuerdos.rdf.sparql_text import analyse, check_query

FEDERATED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?a ?b ?c } VALUES ?endpoint { <http://x/> } }",
    # a PEG parser (Oxigraph's) needs no space after a keyword: each of these is a federated query there
    "SELECT * WHERE { ?s ?p trueSERVICE <http://x/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p 1SERVICE <http://x/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o.SERVICE<http://x/>{ ?a ?b ?c } }",
    'SELECT * WHERE { ?s ?p "x"SERVICE <http://x/> { ?a ?b ?c } }',
    "PREFIX : <http://x/> SELECT * WHERE { SERVICE:x { ?a ?b ?c } }",
    # escapes are decoded before the grammar applies
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?a ?b ?c } }",
    "SELECT * WHERE { \\U00000053ervice <http://x/> { ?a ?b ?c } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { { SELECT * { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "ASK { # comment\n SERVICE <http://x/> {} }",
]

HARMLESS = [
    "PREFIX schema: <https://schema.org/> SELECT ?x WHERE { ?x a schema:Service }",
    "SELECT ?x WHERE { ?x a <https://schema.org/Service> }",
    'SELECT ?x WHERE { ?x ?p "SERVICE <http://x/> { }" }',
    "SELECT ?x WHERE { ?x ?p '''multi\nSERVICE line''' }",
    "SELECT ?service WHERE { ?service ?p ?o } # SERVICE <http://x/> {}",
    'SELECT ?x WHERE { ?x ?p "x"@en-service }',
]

UPDATES = [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "load silent <http://x/> into graph <http://g>",
    "CLEAR ALL", "DROP GRAPH <http://g>", "CREATE GRAPH <http://g>",
    "COPY <http://a> TO <http://b>", "MOVE DEFAULT TO <http://b>", "ADD <http://a> TO <http://b>",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { ex:a ex:b ex:c }",
]


@pytest.mark.parametrize("query", FEDERATED)
def test_service_refused(query):
    with pytest.raises(ServiceRefused) as caught:
        check_query(query)
    assert caught.value.status == 403
    assert "SERVICE" in caught.value.message


@pytest.mark.parametrize("query", HARMLESS)
def test_service_in_names_strings_and_comments_is_fine(query):
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize("query", UPDATES)
def test_updates_refused(query):
    with pytest.raises(ReadOnly) as caught:
        check_query(query)
    assert caught.value.status == 403
    assert "read-only" in caught.value.message


@pytest.mark.parametrize("query,form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("PREFIX select: <http://x/> ASK { ?s select:p ?o }", "ASK"),
    ("BASE <http://x/> CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o { ?s ?p ?o } } }", "CONSTRUCT"),
    ("describe <http://x/>", "DESCRIBE"),
    ("# SELECT\nASK {}", "ASK"),
])
def test_form(query, form):
    assert analyse(query).form == form


@pytest.mark.parametrize("query", ["", "   \n\t", "SELECT\x00 * {}"])
def test_empty_or_nul(query):
    with pytest.raises(BadRequest):
        check_query(query)


@pytest.mark.parametrize("text", [
    "a-" * 130000, '"""' + "a" * 260000, "\u00e9" * 260000, '"' * 260000, ":" * 260000,
    "<" * 260000, "\\u" * 130000, "?" * 260000, "1." * 130000, "a:" * 130000,
])
def test_linear_time_on_hostile_input(text):
    """The check runs in the server process: a body at the size limit must not hold it up."""
    started = time.perf_counter()
    try:
        check_query(text)
    except (BadRequest, ReadOnly, ServiceRefused):
        pass
    assert time.perf_counter() - started < 1.0
