"""The derived links (ontology/derived/*.rq, the graph <graph/derived>) and the named queries that use them.

Each derived property equals what its long pattern, written here apart from the CONSTRUCT, computes
over the curated graphs; each is declared in the ontology with acu:derivedBy its query; and each
named query rewritten to use them answers exactly as its long form did (tests/queries/long/, the
query as it was before), for its example, its defaults and each parameter's example values, in
both languages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from acuerdos.graph import load_store
from acuerdos.graph.derive import GRAPH
from acuerdos.queries import load_query_file
from acuerdos.store import LocalBackend

from .conftest import BASE, PROJECT

ACU = "https://w3id.org/acuerdos/ontology#"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PREFIXES = """PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
FOLLOW_UP_STATUS = "https://w3id.org/acuerdos/kind/follow-up-status/"
# every month of 1900–2100, the months acu:dueMonth may take on any record this test reads
MONTHS = " ".join(f'"{y:04d}-{m:02d}"^^xsd:gYearMonth' for y in range(1900, 2101) for m in range(1, 13))


def _normalised(text: str) -> str:
    """A text as search-decisions compared it before acu:searchText (tests/queries/long/search-decisions.rq)."""
    chain = f"LCASE(STR({text}))"
    for pattern, by in (
        ("[áàâäã]", "a"),
        ("[éèêë]", "e"),
        ("[íìîï]", "i"),
        ("[óòôöõ]", "o"),
        ("[úùûü]", "u"),
        ("ñ", "n"),
        ("[-‐‑–—­]", ""),
        ("rr", "r"),
        ("\\\\s+", " "),
    ):
        chain = f'REPLACE({chain}, "{pattern}", "{by}")'
    return chain


_THEMES = "https://w3id.org/acuerdos/theme/"
# a decision ?d carrying the themes ?a and ?b (?a's IRI before ?b's), and their co-occurrence's IRI ?s
_PAIR = f"""?d a/rdfs:subClassOf* acu:Decision ; acu:themeAssignment/acu:theme ?a , ?b . FILTER(STR(?a) < STR(?b))
      BIND(IRI(CONCAT(STR(?a), "/co-occurrence/", REPLACE(STRAFTER(STR(?b), "{_THEMES}"), "/", "-"))) AS ?s)"""
# a decision ?d touching the theme ?t in conference ?c and year ?y (unbound: undated), counted for
# every basis and for its assignment's basis ?b, and the coverage's IRI ?s
_COVERAGE = """?d a/rdfs:subClassOf* acu:Decision ; acu:themeAssignment ?x ; acu:adoptedAt ?m . ?m acu:conference ?c .
      ?x acu:theme/(skos:exactMatch|^skos:exactMatch|skos:closeMatch|^skos:closeMatch|skos:broadMatch|
                    ^skos:narrowMatch)?/skos:broader* ?t .
      OPTIONAL { ?m schema:startDate ?y1 } OPTIONAL { ?m acu:notBefore ?y2 }
      OPTIONAL { ?d acu:recordedIn/dcterms:date ?y3 }
      BIND(YEAR(COALESCE(?y1, ?y2, ?y3)) AS ?y)
      { } UNION { ?x acu:basis ?b }
      BIND(IRI(CONCAT(STR(?t), "/coverage/", STRAFTER(STR(?c), "conference/"), "/", COALESCE(STR(?y), "undated"),
                      IF(BOUND(?b), CONCAT("/", STRAFTER(STR(?b), "basis/")), ""))) AS ?s)"""
# (property, the long pattern binding ?s and ?o), each written from the property's definition
LONG: dict[str, str] = {
    "hasTheme": "?s acu:themeAssignment/acu:theme ?o",
    "touchesTheme": "?s acu:themeAssignment/acu:theme/(skos:exactMatch|^skos:exactMatch|skos:closeMatch|"
    "^skos:closeMatch|skos:broadMatch|^skos:narrowMatch)?/skos:broader* ?o",
    "reachesTheme": "?r acu:themeAssignment ?s . ?s acu:theme/(skos:exactMatch|^skos:exactMatch|skos:closeMatch|"
    "^skos:closeMatch|skos:broadMatch|^skos:narrowMatch)?/skos:broader* ?o",
    "partOfAgendaOf": "?s dcterms:isPartOf+/^acu:agendaItem ?o",
    "searchText": f"""?s acu:text ?es OPTIONAL {{ ?s acu:unofficialTranslation ?en }}
      BIND(CONCAT({_normalised("?es")}, "\\n", COALESCE({_normalised("?en")}, "")) AS ?o)""",
    "effectiveDate": """{ ?s a acu:Meeting . OPTIONAL { ?s schema:startDate ?a } OPTIONAL { ?s acu:notBefore ?b } }
      UNION { ?s acu:adoptedAt ?m . OPTIONAL { ?m schema:startDate ?a } OPTIONAL { ?m acu:notBefore ?b }
              OPTIONAL { ?s acu:recordedIn ?d . ?d dcterms:date ?c } }
      BIND(COALESCE(?a, ?b, ?c) AS ?o) FILTER(BOUND(?o))""",
    "supersededOn": """?s org:organization ?org ; org:role ?role ; acu:asOf ?d .
      ?n org:organization ?org ; org:role ?role ; acu:asOf ?o FILTER(?o > ?d)
      FILTER NOT EXISTS { ?m org:organization ?org ; org:role ?role ; acu:asOf ?between
                          FILTER(?between > ?d && ?between < ?o) }""",
    "textQuotedIn": """?s acu:text ?t ; acu:evidence ?e . ?e oa:hasSource ?o ; oa:hasSelector ?sel .
      ?sel oa:exact ?q FILTER(STR(?q) = STR(?t))""",
    "dueMonth": f"""VALUES ?o {{ {MONTHS} }}
      {{ ?s acu:deadline|acu:scheduledStart ?a BIND(?a AS ?b) }}
      UNION {{ ?s acu:scheduledStart ?a ; acu:scheduledEnd ?b }}
      BIND(SUBSTR(STR(?a), 1, 7) AS ?month_a) BIND(SUBSTR(STR(?b), 1, 7) AS ?month_b)
      FILTER(STR(?o) >= IF(?month_a < ?month_b, ?month_a, ?month_b)
             && STR(?o) <= IF(?month_a < ?month_b, ?month_b, ?month_a))""",
    "dueDate": """?s acu:deadline|acu:scheduledEnd|acu:scheduledStart ?any .
      OPTIONAL { ?s acu:deadline ?a } OPTIONAL { ?s acu:scheduledEnd ?b } OPTIONAL { ?s acu:scheduledStart ?c }
      BIND(COALESCE(?a, ?b, ?c) AS ?o)""",
    "taggedCount": """{ SELECT ?s (COUNT(DISTINCT ?r) AS ?o)
                        WHERE { ?r acu:themeAssignment ?a . ?a acu:theme ?s } GROUP BY ?s }""",
    "namedCount": """{ SELECT ?s (COUNT(DISTINCT ?d) AS ?o)
                       WHERE { { ?d acu:mustAct ?s } UNION { ?d acu:addressee ?s } } GROUP BY ?s }""",
    "involvesConference": """?o a acu:Conference . { ?s acu:mustAct|acu:addressee ?o }
      UNION { ?s acu:mustAct|acu:addressee ?a . ?a org:unitOf ?o }
      UNION { ?s acu:mustAct|acu:addressee ?a .
              ?m org:organization ?o ; org:member ?a ; org:role <https://w3id.org/acuerdos/kind/role/member-state> }""",
    # a pair: the two themes of a decision (a before b by IRI), the node named after both
    "coOccurringTheme": f"{_PAIR} VALUES ?which {{ 1 2 }} BIND(IF(?which = 1, ?a, ?b) AS ?o)",
    "coveredTheme": f"{_COVERAGE} BIND(?t AS ?o)",
    "coverageConference": f"{_COVERAGE} BIND(?c AS ?o)",
    "coverageYear": f"{_COVERAGE} BIND(?y AS ?o) FILTER(BOUND(?o))",
    "coverageBasis": f"{_COVERAGE} BIND(?b AS ?o) FILTER(BOUND(?o))",
    "decisionCount": f"""{{ SELECT ?s (COUNT(DISTINCT ?d) AS ?o) WHERE {{ {_PAIR} }} GROUP BY ?s }}
      UNION {{ SELECT ?s (COUNT(DISTINCT ?d) AS ?o) WHERE {{ {_COVERAGE} }} GROUP BY ?s }}""",
    "followUpStatus": f"""?s a/rdfs:subClassOf* acu:Decision .
      OPTIONAL {{ ?s ^acu:partOf* ?p . ?p acu:followUp ?f .
                 FILTER NOT EXISTS {{ ?f acu:followUpKind <https://w3id.org/acuerdos/kind/follow-up/related> }} }}
      OPTIONAL {{ ?s acu:deadline|acu:scheduledStart|acu:scheduledEnd|acu:schedules|acu:dateText ?w }}
      BIND(IRI(CONCAT("{FOLLOW_UP_STATUS}",
           IF(BOUND(?f), "followed-up", IF(BOUND(?w), "scheduled", "no-recorded-follow-up")))) AS ?o)""",
}
LONG_QUERIES = sorted((Path(__file__).parent / "long").glob("*.rq"))


@pytest.fixture(scope="module")
def curated():
    return load_store(PROJECT, BASE, derived=False)


def _pairs(store, pattern: str) -> set[tuple[str, str]]:
    query = f"{PREFIXES}SELECT DISTINCT ?s ?o WHERE {{ {pattern} }}"
    return {(str(r["s"]), str(r["o"])) for r in store.query(query, use_default_graph_as_union=True)}


@pytest.mark.parametrize("prop", sorted(LONG))
def test_every_derived_triple_is_what_the_long_pattern_computes(prop: str, q_store, curated) -> None:
    derived = _pairs(q_store, f"GRAPH <{BASE.graph(GRAPH)}> {{ ?s acu:{prop} ?o }}")
    expected = _pairs(curated, LONG[prop])
    assert derived, f"acu:{prop}: nothing derived"
    assert derived == expected, (
        f"acu:{prop}: derived but not computed {sorted(derived - expected)[:5]}, "
        f"computed but not derived {sorted(expected - derived)[:5]}"
    )


def test_derived_properties_are_declared_with_their_query(q_store) -> None:
    derived = f"GRAPH <{BASE.graph(GRAPH)}> {{ ?s ?p ?o }}"
    used = {r["p"].value for r in q_store.query(f"SELECT DISTINCT ?p {{ {derived} FILTER(?p != {TYPE}) }}")}
    # the nodes of counts (a theme co-occurrence, a theme coverage) are typed with a derived class
    typed = {r["o"].value for r in q_store.query(f"SELECT DISTINCT ?o {{ {derived} FILTER(?p = {TYPE}) }}")}
    declared = {
        r["p"].value: r["q"].value
        for r in q_store.query(f"{PREFIXES}SELECT ?p ?q {{ ?p acu:derivedBy ?q }}", use_default_graph_as_union=True)
    }
    assert used | typed == set(declared), "derived properties or classes without acu:derivedBy, or never derived"
    assert used == {ACU + name for name in LONG}, "a derived property without its long pattern in this test"
    for prop, query in declared.items():
        path = PROJECT.root / BASE.local(query)  # type: ignore[operator]
        assert path.is_file(), f"{prop}: acu:derivedBy {query} names no file of the project"


def test_no_data_file_states_a_derived_property() -> None:
    for path in PROJECT.rdf_files():
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "ontology" or path.parent.parent.name == "ontology":
            continue
        for name in LONG:
            assert f"acu:{name}" not in text, f"{path}: states acu:{name}, which is derived, never curated"


def cases(query) -> list[dict]:
    """The parameters a rewritten query is compared with: its example, its defaults, and each
    parameter's own example values one by one (a rewrite may start from a parameter when given)."""
    own = [{name: value} for name, param in query.params.items() for value in param.example]
    return [query.example, {}, *own]


@pytest.mark.parametrize("path", LONG_QUERIES, ids=[p.stem for p in LONG_QUERIES])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_rewritten_query_answers_as_its_long_form(path: Path, lang: str, q_registry, q_backend: LocalBackend) -> None:
    long = load_query_file(path, BASE)
    short = q_registry.get(path.stem)
    assert short.params.keys() == long.params.keys()
    for params in cases(short):
        expected = long.run(q_backend, params, lang=lang)
        answered = short.run(q_backend, params, lang=lang)
        assert answered.variables == expected.variables
        assert [dict(r) for r in answered] == [dict(r) for r in expected], f"{path.stem} {params} {lang}"
