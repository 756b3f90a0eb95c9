"""The tokenizer and the lexical check that runs before any engine: updates and SERVICE refused,
forms recognised, comments masked. (Its speed on hostile input is measured in bench/bench_store.py.)"""

from __future__ import annotations

import contextlib
import itertools

import pytest

from acuerdos.http import status_of
from acuerdos.rdf.sparql_text import analyse, mask_comments, tokens
from acuerdos.store.errors import BadQuery, QueryError, QueryRefused
from acuerdos.store.safety import check_query

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
    "CLEAR ALL",
    "DROP GRAPH <http://g>",
    "CREATE GRAPH <http://g>",
    "COPY <http://a> TO <http://b>",
    "MOVE DEFAULT TO <http://b>",
    "ADD <http://a> TO <http://b>",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ?o } ; INSERT DATA { ex:a ex:b ex:c }",
]


@pytest.mark.parametrize("query", FEDERATED)
def test_service_refused(query):
    with pytest.raises(QueryRefused) as caught:
        check_query(query)
    assert caught.value.reason == "service" and status_of(caught.value) == 403
    assert "SERVICE" in caught.value.message


@pytest.mark.parametrize("query", HARMLESS)
def test_service_in_names_strings_and_comments_is_fine(query):
    assert check_query(query).form == "SELECT"


@pytest.mark.parametrize("query", UPDATES)
def test_updates_refused(query):
    with pytest.raises(QueryRefused) as caught:
        check_query(query)
    assert caught.value.reason == "update" and status_of(caught.value) == 403
    assert "read-only" in caught.value.message


@pytest.mark.parametrize(
    "query,form",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("PREFIX select: <http://x/> ASK { ?s select:p ?o }", "ASK"),
        ("BASE <http://x/> CONSTRUCT { ?s ?p ?o } WHERE { { SELECT ?s ?p ?o { ?s ?p ?o } } }", "CONSTRUCT"),
        ("describe <http://x/>", "DESCRIBE"),
        ("# SELECT\nASK {}", "ASK"),
    ],
)
def test_form(query, form):
    assert analyse(query).form == form


@pytest.mark.parametrize("query", ["", "   \n\t", "SELECT\x00 * {}"])
def test_empty_or_nul(query):
    with pytest.raises(BadQuery) as caught:
        check_query(query)
    assert status_of(caught.value) == 400


def test_from_is_seen_only_as_a_word():
    assert analyse("SELECT * FROM <http://g> { ?s ?p ?o }").has_from
    assert not analyse('SELECT * { ?s ?p "FROM" } # FROM <http://g>').has_from


@pytest.mark.parametrize(
    "text",
    [
        "a-" * 1000,
        '"""' + "a" * 1000,
        '"' * 1001,
        ":" * 1000,
        "<" * 1000,
        "\\u" * 500,
        "?" * 1000,
        "a:" * 500,
    ],
)
def test_hostile_input_is_tokenised_whole(text):
    """Whatever the input, the tokens cover it exactly, in order: nothing is skipped or read twice."""
    spans = [(t.start, t.end) for t in tokens(text)]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(spans))
    with contextlib.suppress(QueryError):
        check_query(text)


def test_mask_comments_keeps_strings_and_iris():
    text = 'SELECT ?x # a comment\nWHERE { ?x <http://x/#frag> "# not a comment" } # end'
    masked = mask_comments(text)
    assert len(masked) == len(text)
    assert masked == 'SELECT ?x            \nWHERE { ?x <http://x/#frag> "# not a comment" }      '


def test_tokens_say_kind_text_and_span():
    found = [(t.kind, t.text) for t in tokens("PREFIX ex: <http://x/> ASK { ?s ex:p 'o'@en }") if t.kind != "ws"]
    assert found == [
        ("word", "PREFIX"),
        ("pname", "ex:"),
        ("iri", "<http://x/>"),
        ("word", "ASK"),
        ("other", "{"),
        ("var", "?s"),
        ("pname", "ex:p"),
        ("string", "'o'"),
        ("lang", "@en"),
        ("other", "}"),
    ]
