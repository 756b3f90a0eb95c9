"""/sparql over real HTTP, on the service `make run` starts: the protocol, every format, every status."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pytest
from rdflib import Graph, URIRef, Variable
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

BASE = "https://w3id.org/acuerdos/"
PREFIXES = f"PREFIX acu: <{BASE}ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
CRM = f"<{BASE}conference/crm>"
LABELS = PREFIXES + f"SELECT ?label WHERE {{ {CRM} rdfs:label ?label }} ORDER BY ?label"


@pytest.fixture(scope="module")
def client(service_url):
    with httpx.Client(base_url=service_url, timeout=30) as c:
        yield c


def n_of(response) -> int:
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# --- the three ways to send a query ------------------------------------------------------------------


def test_get(client):
    r = client.get("/sparql", params={"query": COUNT})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert n_of(r) > 5000


def test_post_form(client):
    r = client.post("/sparql", data={"query": COUNT})
    assert r.status_code == 200 and n_of(r) > 5000


def test_post_sparql_query(client):
    r = client.post("/sparql", content=COUNT.encode(), headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and n_of(r) > 5000


def test_health_is_constant_json(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and len(body["version"]) == 16 and body["store"] == "embedded"


# --- formats -----------------------------------------------------------------------------------------


def test_select_json(client):
    r = client.get("/sparql", params={"query": LABELS})
    rows = r.json()["results"]["bindings"]
    assert r.json()["head"]["vars"] == ["label"]
    assert len(rows) == 2 and {b["label"]["xml:lang"] for b in rows} == {"es", "en"}
    assert all(b["label"]["type"] == "literal" for b in rows)


def test_select_xml_parses(client):
    r = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+xml")
    result = XMLResultParser().parse(io.BytesIO(r.content))
    assert len(result.bindings) == 2
    assert {b[Variable("label")].language for b in result.bindings} == {"es", "en"}


def test_select_csv_and_tsv(client):
    r = client.get("/sparql", params={"query": LABELS, "format": "csv"})
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(r.text)))
    assert table[0] == ["label"] and len(table) == 3
    r = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "text/tab-separated-values"})
    lines = r.text.splitlines()
    assert lines[0] == "?label" and all(line.startswith('"') and '"@' in line for line in lines[1:])


def test_ask(client):
    r = client.get("/sparql", params={"query": f"ASK {{ {CRM} ?p ?o }}"})
    assert r.json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", params={"query": "ASK { <http://nowhere/> ?p ?o }", "format": "xml"})
    assert "<boolean>false</boolean>" in r.text


@pytest.mark.parametrize(
    "accept,fmt",
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_every_graph_format(client, accept, fmt):
    query = f"CONSTRUCT {{ {CRM} ?p ?o }} WHERE {{ {CRM} ?p ?o }}"
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == accept
    g = Graph().parse(data=r.content, format=fmt)
    assert len(g) > 3 and (URIRef(BASE + "conference/crm"), None, None) in g


def test_describe(client):
    r = client.get("/sparql", params={"query": f"DESCRIBE {CRM}", "format": "nt"})
    assert r.status_code == 200
    assert len(Graph().parse(data=r.text, format="nt")) > 3


def test_turtle_uses_prefixes(client):
    r = client.get("/sparql", params={"query": f"CONSTRUCT WHERE {{ {CRM} a ?c }}"})
    assert "@prefix acu: <https://w3id.org/acuerdos/ontology#>" in r.text


# --- datasets ----------------------------------------------------------------------------------------

STATES = BASE + "graph/data/reference/states"


def test_default_graph_is_the_union(client):
    r = client.get("/sparql", params={"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert n_of(r) > 5


def test_default_graph_uri_honoured(client):
    everything = n_of(client.get("/sparql", params={"query": COUNT}))
    states = n_of(client.get("/sparql", params={"query": COUNT, "default-graph-uri": STATES}))
    assert 0 < states < everything
    none = n_of(client.get("/sparql", params={"query": COUNT, "default-graph-uri": BASE + "graph/none"}))
    assert none == 0


def test_named_graph_uri_honoured(client):
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert n_of(client.post("/sparql", data={"query": query, "named-graph-uri": STATES})) == 1
    # only named graphs given: the default graph is empty, as the protocol says
    assert n_of(client.post("/sparql", data={"query": COUNT, "named-graph-uri": STATES})) == 0


def test_protocol_dataset_overrides_from(client):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{STATES}> WHERE {{ ?s ?p ?o }}"
    states = n_of(client.get("/sparql", params={"query": query}))
    assert 0 < states < n_of(client.get("/sparql", params={"query": COUNT}))
    assert n_of(client.get("/sparql", params={"query": query, "default-graph-uri": BASE + "graph/none"})) == 0


def test_bad_graph_iri_is_400(client):
    r = client.get("/sparql", params={"query": COUNT, "default-graph-uri": "not an IRI"})
    assert r.status_code == 400 and "absolute IRI" in r.text


# --- caps --------------------------------------------------------------------------------------------


def test_cap_signalled_in_header_and_body(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200
    assert r.headers["acuerdos-truncated"] == "true"
    limit = int(r.headers["acuerdos-result-limit"])
    body = r.json()
    assert body["truncated"] is True and body["limit"] == limit
    assert len(body["results"]["bindings"]) == limit
    r = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.headers["acuerdos-truncated"] == "true" and r.text.startswith("# truncated")
    assert len(Graph().parse(data=r.text, format="turtle")) <= limit


def test_uncut_result_has_no_signal(client):
    r = client.get("/sparql", params={"query": LABELS})
    assert "acuerdos-truncated" not in r.headers and "truncated" not in r.json()


# --- CORS --------------------------------------------------------------------------------------------


def test_cors(client):
    r = client.get("/sparql", params={"query": LABELS}, headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "acuerdos-truncated" in r.headers["access-control-expose-headers"].lower()
    r = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert r.status_code == 200 and "POST" in r.headers["access-control-allow-methods"]


# --- every status ------------------------------------------------------------------------------------


def test_400_missing_query(client):
    r = client.get("/sparql")
    assert r.status_code == 400 and "No query" in r.text


def test_400_empty_query(client):
    assert client.get("/sparql", params={"query": ""}).status_code == 400
    assert client.post("/sparql", content=b"", headers={"Content-Type": "application/sparql-query"}).status_code == 400


def test_400_doubled_query(client):
    r = client.get("/sparql", params=[("query", COUNT), ("query", COUNT)])
    assert r.status_code == 400 and "2 times" in r.text
    r = client.post("/sparql?query=ASK%7B%7D", data={"query": COUNT})
    assert r.status_code == 400


def test_400_syntax_error_with_position(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")
    assert "Syntax error at line 3, column" in r.text and "expected" in r.text  # as the parser says
    assert "Traceback" not in r.text and "/work" not in r.text and ".py" not in r.text


def test_403_update(client):
    for request in (
        client.build_request("GET", "/sparql", params={"query": "DROP ALL"}),
        client.build_request("POST", "/sparql", data={"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}),
        client.build_request(
            "POST", "/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
        ),
        client.build_request("POST", "/sparql", data={"query": "LOAD <http://127.0.0.1:9/x.ttl>"}),
    ):
        r = client.send(request)
        assert r.status_code == 403 and "read-only" in r.text
    assert n_of(client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { <http://a> ?p ?o }"})) == 0


def test_406(client):
    r = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "text/turtle"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    r = client.get("/sparql", params={"query": f"DESCRIBE {CRM}"}, headers={"Accept": "text/csv"})
    assert r.status_code == 406


def test_405(client):
    assert client.put("/sparql", content=b"x").status_code == 405


def test_413(client, service_url):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (300 * 1024)
    r = client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and "limit" in r.text
    # a chunked body, which does not say its length
    with httpx.Client(base_url=service_url, timeout=30) as c:
        r = c.post(
            "/sparql", content=iter([big[:200000], big[200000:]]), headers={"Content-Type": "application/sparql-query"}
        )
    assert r.status_code == 413


def test_414(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } #" + "x" * 20000})
    assert r.status_code == 414 and "POST" in r.text


def test_415(client):
    r = client.post("/sparql", content=COUNT.encode(), headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    body = json.dumps({"query": COUNT}).encode()
    r = client.post("/sparql", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 415


def test_error_bodies_carry_no_trace(client):
    for r in (
        client.get("/sparql"),
        client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y ]"}),
        client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"}),
    ):
        assert "Traceback" not in r.text and 'File "' not in r.text and "/work/" not in r.text
