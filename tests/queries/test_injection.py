"""Parameters are bound as RDF terms, never pasted into the query text: a hostile value stays one
literal (or is refused), the query still parses, runs read-only and returns what a plain literal
would give."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from acuerdos.errors import UserError
from acuerdos.namespaces import Base
from acuerdos.project import Project
from acuerdos.queries import expand_iri, load_registry

HOSTILE_STRINGS = [
    'x" } ; DROP ALL ; #',
    'x" } DROP ALL ; SELECT * WHERE { ?s ?p ?o } #',
    "x' } ; DROP ALL ; #",
    'x""" } ; DROP ALL ; #',
    "a > b",
    "}",
    "{ ?s ?p ?o }",
    "line one\nline two } ; DROP ALL",
    "trailing backslash \\",
    'quote \\" escaped } #',
    "\r\n } UNION { ?decision ?p ?o } #",
    "<https://evil.example/> } #",
    "?q } FILTER(true) #",
    "# just a comment",
    'VALUES ?lang { "es" }',
    "migración\u2028\u0085 } #",
]


def _values_of(query_text: str) -> list:
    """Every term that the parsed query's VALUES blocks hold (the parser's view, not ours)."""
    found = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("res") is not None and getattr(node, "name", "") == "values":
                for solution in node["res"]:
                    found.extend(solution.values())
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(translateQuery(parseQuery(query_text)).algebra)
    return found


@pytest.mark.parametrize("value", HOSTILE_STRINGS)
def test_a_hostile_string_stays_one_literal(value: str, q_registry, q_store, q_backend) -> None:
    query = q_registry.get("search-decisions")
    text = query.bind({"q": [value]})
    values = _values_of(text)  # it parses: one query, nothing else
    assert Literal(value) in values, "the value is not one literal equal to what was given"
    assert not [v for v in values if isinstance(v, URIRef) and "evil" in v]
    before = len(q_store)
    rows = query.run(q_backend, {"q": [value]})
    assert len(q_store) == before, "the store changed"
    assert rows == [], "a hostile string matched decisions"


def test_the_hostile_value_is_bound_where_the_default_was(q_registry) -> None:
    query = q_registry.get("search-decisions")
    hostile = 'x" } ; DROP ALL ; #'
    text = query.bind({"q": [hostile]})
    assert text.count("VALUES ?q {") == 1
    assert '"x\\" } ; DROP ALL ; #"' in text
    default = query.bind({})
    assert text.replace('"x\\" } ; DROP ALL ; #"', '"migración"') == default


def test_the_backend_only_ever_sees_select(q_registry, recording) -> None:
    for value in HOSTILE_STRINGS:
        q_registry.get("search-decisions").run(recording, {"q": value})
    import pyoxigraph as ox

    assert [op for op, _ in recording.seen] == ["select"] * len(HOSTILE_STRINGS)
    for _, text in recording.seen:  # Oxigraph's own parser: one SELECT query, nothing after it
        assert isinstance(ox.Store().query(text), ox.QuerySolutions)


@pytest.mark.parametrize(
    "value",
    [
        "https://w3id.org/acuerdos/theme/x> } ; DROP ALL ; #",
        "theme/regional/extra-regional-migration> . ?s ?p ?o",
        "https://w3id.org/acuerdos/theme/a b",
        "https://w3id.org/acuerdos/theme/a\nb",
        'https://w3id.org/acuerdos/theme/"x"',
        "https://w3id.org/acuerdos/theme/{x}",
        "https://w3id.org/acuerdos/theme/x\\u003e",
        "<https://w3id.org/acuerdos/theme/x>>",
        "javascript:alert(1)",
    ],
)
def test_a_hostile_iri_is_refused_naming_the_parameter(value: str, q_registry, q_backend) -> None:
    with pytest.raises(UserError, match="parameter 'theme'"):
        q_registry.get("decisions-by-theme").run(q_backend, {"theme": [value]})


@pytest.mark.parametrize(
    "name, param, value",
    [
        ("decisions-by-deadline", "from", '2017-01-01"^^<http://www.w3.org/2001/XMLSchema#date> } #'),
        ("decisions-by-deadline", "from", "2017-02-30"),
        ("decisions-by-deadline", "from", "1 June 2017"),
        ("theme-co-occurrence", "min_count", "1 } ; DROP ALL"),
        ("theme-co-occurrence", "min_count", "1.5"),
        ("crm-csm-timeline", "joint_only", "true } #"),
        ("decisions-by-theme", "lang", 'es" } #'),
        ("decisions-by-theme", "lang", "fr"),
        ("decisions-by-theme", "colour", "blue"),
        ("decision-card", "decision", "state/PA"),
        ("decisions-by-theme", "theme", "https://w3id.org/acuerdos/decision/2017-06-08-panama/agreement-9"),
    ],
)
def test_a_bad_value_is_refused_naming_the_parameter(name: str, param: str, value: str, q_registry, q_backend) -> None:
    with pytest.raises(UserError) as caught:
        q_registry.get(name).run(q_backend, {param: [value]})
    assert f"parameter '{param}'" in str(caught.value)


def test_missing_and_repeated_values(q_registry) -> None:
    with pytest.raises(UserError, match="parameter 'theme': takes one value"):
        q_registry.get("decisions-by-theme").bind({"theme": ["theme/gcm-objective/1", "theme/gcm-objective/2"]})
    # a required parameter given as empty falls back to its default; an optional one is left unbound
    assert "UNDEF" in q_registry.get("themes").bind({"scheme": [""]})
    assert q_registry.get("decisions-by-theme").bind({"theme": [""]}) == q_registry.get("decisions-by-theme").bind({})


def test_iri_forms_a_user_may_type(q_registry) -> None:
    query = q_registry.get("decisions-by-theme")
    full = query.bind({"theme": "https://w3id.org/acuerdos/theme/gcm-objective/10"})
    assert query.bind({"theme": "theme/gcm-objective/10"}) == full
    assert query.bind({"theme": "<https://w3id.org/acuerdos/theme/gcm-objective/10>"}) == full


MIRROR = Base("https://example.org/a/")


@pytest.fixture(scope="module")
def mirror():
    return load_registry(Project(Path(__file__).resolve().parents[2]).queries, MIRROR)


def test_a_mirror_reads_the_queries_under_its_base_and_keeps_the_ontology(mirror) -> None:
    query = mirror.get("decisions-by-theme")
    assert query.base == MIRROR
    for text in (query.body, query.bind({"theme": "theme/gcm-objective/10"})):
        assert "https://w3id.org/acuerdos/theme" not in text
        assert "PREFIX acu: <https://w3id.org/acuerdos/ontology#>" in text, "the ontology namespace never moves"
    assert query.params["theme"].default == ("https://example.org/a/theme/regional/extra-regional-migration",)


@pytest.mark.parametrize(
    "typed",
    [
        "theme/gcm-objective/10",
        "/theme/gcm-objective/10",
        "https://example.org/a/theme/gcm-objective/10",
        "<https://example.org/a/theme/gcm-objective/10>",
        "https://w3id.org/acuerdos/theme/gcm-objective/10",
    ],
)
def test_a_mirror_binds_every_form_of_an_iri_under_its_base(typed: str, mirror) -> None:
    text = mirror.get("decisions-by-theme").bind({"theme": typed})
    assert "VALUES ?theme { <https://example.org/a/theme/gcm-objective/10> }" in text


def test_a_typed_string_is_never_moved_to_the_base(mirror) -> None:
    typed = "https://w3id.org/acuerdos/theme/x"
    text = mirror.get("search-decisions").bind({"q": typed})
    assert Literal(typed) in _values_of(text)


@pytest.mark.parametrize("base", [Base(), MIRROR], ids=["canonical", "mirror"])
def test_a_curie_names_the_ontology_wherever_the_data_is(base: Base) -> None:
    assert expand_iri("acu:State", base) == "https://w3id.org/acuerdos/ontology#State"
    assert expand_iri("https://w3id.org/acuerdos/ontology#State", base) == "https://w3id.org/acuerdos/ontology#State"
    assert expand_iri("skos:Concept", base) == "http://www.w3.org/2004/02/skos/core#Concept"
    assert expand_iri("https://example.com/x", base) == "https://example.com/x"
