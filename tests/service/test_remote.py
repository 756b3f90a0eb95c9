"""The remote store: the same service answering from a real Oxigraph server, loaded by `acuerdos load`.

Every query below, and every named query in queries/ (its text, through /sparql), answers the
same on both backends. A server that is down gets 502, one that does not answer 504, one that
sends XML with a DTD 502: the user gets a clear status, never a hang.
"""

from __future__ import annotations

import http.server
import json
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import ROOT, _env, _stop, free_port, start_service

BASE = "https://w3id.org/acuerdos/"
PREFIXES = (
    f"PREFIX acu: <{BASE}ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)

SELECTS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class",
    PREFIXES
    + "SELECT ?d ?label WHERE { ?d a acu:Agreement ; rdfs:label ?label FILTER(lang(?label) = 'en') } ORDER BY ?d",
    PREFIXES + "SELECT ?d WHERE { ?d acu:text ?t FILTER(CONTAINS(LCASE(STR(?t)), 'migra')) } ORDER BY ?d",
    PREFIXES + "SELECT ?theme (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x acu:themeAssignment/acu:theme ?theme } "
    "GROUP BY ?theme ORDER BY ?theme",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    PREFIXES + "SELECT ?s ?o WHERE { ?s skos:broader ?o } ORDER BY ?s ?o",
    f"SELECT (COUNT(*) AS ?n) FROM <{BASE}graph/data/reference/states> WHERE {{ ?s ?p ?o }}",
    f"ASK {{ <{BASE}conference/crm> ?p ?o }}",
    "ASK { <http://nowhere.example/> ?p ?o }",
]
GRAPHS = [
    f"CONSTRUCT {{ <{BASE}conference/crm> ?p ?o }} WHERE {{ <{BASE}conference/crm> ?p ?o }}",
    PREFIXES + "CONSTRUCT { ?d acu:adoptedAt ?m } WHERE { ?d acu:adoptedAt ?m }",
]


def _value(v: dict) -> str:
    if v["type"] == "bnode":
        return "_"
    if v["type"] == "literal" and "datatype" not in v:
        # GROUP_CONCAT leaves the order of its values to the engine: compare the words, not their order
        return " ".join(sorted(w for w in re.split(r"[\s,;|]+", v["value"]) if w))
    return v["value"]


def _rows(response: httpx.Response):
    body = response.json()
    if "boolean" in body:
        return body["boolean"]
    rows = [
        tuple(sorted((k, v["type"], _value(v), v.get("xml:lang"), v.get("datatype")) for k, v in b.items()))
        for b in body["results"]["bindings"]
    ]
    return body["head"]["vars"], sorted(rows)


def _both(service_url, remote_service_url, **kwargs):
    a = httpx.post(service_url + "/sparql", timeout=30, **kwargs)
    b = httpx.post(remote_service_url + "/sparql", timeout=30, **kwargs)
    assert a.status_code == b.status_code == 200, (a.text, b.text)
    return a, b


@pytest.mark.parametrize("query", SELECTS)
def test_select_and_ask_answer_the_same(service_url, remote_service_url, query):
    a, b = _both(service_url, remote_service_url, data={"query": query})
    assert _rows(a) == _rows(b)
    assert a.headers["content-type"] == b.headers["content-type"]


@pytest.mark.parametrize("query", GRAPHS)
def test_graphs_answer_the_same(service_url, remote_service_url, query):
    a, b = _both(service_url, remote_service_url, data={"query": query, "format": "nt"})
    ga, gb = Graph().parse(data=a.text, format="nt"), Graph().parse(data=b.text, format="nt")
    assert len(ga) > 0 and isomorphic(ga, gb)


def test_datasets_answer_the_same(service_url, remote_service_url):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g ORDER BY ?g"
    data = {
        "query": query,
        "default-graph-uri": BASE + "graph/data/reference/states",
        "named-graph-uri": BASE + "graph/data/reference/conferences",
    }
    a, b = _both(service_url, remote_service_url, data=data)
    assert _rows(a) == _rows(b) and len(_rows(a)[1]) == 2


def test_every_format_answers_the_same(service_url, remote_service_url):
    query = SELECTS[2]
    for fmt in ("csv", "tsv", "xml"):
        a, b = _both(service_url, remote_service_url, data={"query": query, "format": fmt})
        assert a.content == b.content


def _named_queries() -> list[Path]:
    return sorted((ROOT / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", _named_queries(), ids=lambda p: p.stem)
def test_named_query_text_answers_the_same(service_url, remote_service_url, path):
    a, b = _both(
        service_url, remote_service_url, content=path.read_bytes(), headers={"Content-Type": "application/sparql-query"}
    )
    if "json" in a.headers["content-type"] and "results" in a.text:
        assert _rows(a) == _rows(b)
    else:
        assert a.content == b.content or isomorphic(
            Graph().parse(data=a.text, format="turtle"), Graph().parse(data=b.text, format="turtle")
        )


def test_safety_holds_on_the_remote_path(remote_service_url):
    r = httpx.get(remote_service_url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400 and "line 1" in r.text
    r = httpx.get(remote_service_url + "/sparql", params={"query": "DROP ALL"})
    assert r.status_code == 403
    r = httpx.get(remote_service_url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200 and r.headers["acuerdos-truncated"] == "true"


# --- failures of the remote server -----------------------------------------------------------------


@pytest.fixture
def bad_service(built_dist, tmp_path):
    started = []

    def start(endpoint: str, timeout: float = 1.5):
        service = start_service(
            built_dist, tmp_path / f"service-{len(started)}.log", "--endpoint", endpoint, timeout=timeout, workers=1
        )
        started.append(service)
        return service.url

    yield start
    for service in started:
        _stop(service.process)


def test_remote_down_is_502(bad_service):
    url = bad_service(f"http://127.0.0.1:{free_port()}/query")
    r = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    assert r.status_code == 502 and "cannot be reached" in r.text
    health = httpx.get(url + "/health", timeout=5)  # honest: the store cannot answer
    assert health.status_code == 503 and "connection refused" in health.json()["reason"], health.text


def test_remote_silent_is_504(bad_service):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)  # accepts connections (the kernel does) and never answers
    try:
        url = bad_service(f"http://127.0.0.1:{sock.getsockname()[1]}/query", timeout=1.5)
        r = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert r.status_code == 504 and "did not answer within 1.5 s" in r.text
        health = httpx.get(url + "/health", timeout=5)  # answers at once, and says the store does not
        assert health.status_code == 503 and "cannot be reached" in health.json()["reason"], health.text
    finally:
        sock.close()


DTD_ANSWER = b"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol2;&secret;</ex:p></rdf:Description>
</rdf:RDF>
"""


class _Canned(http.server.BaseHTTPRequestHandler):
    body = b""
    content_type = "application/rdf+xml"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST

    def log_message(self, *args):
        pass


def test_remote_answer_with_dtd_is_refused(bad_service):
    handler = type("DTD", (_Canned,), {"body": DTD_ANSWER})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = bad_service(f"http://127.0.0.1:{server.server_address[1]}/query", timeout=5)
        r = httpx.get(url + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, timeout=30)
        assert r.status_code == 502 and "DTD" in r.text
        assert "root:" not in r.text and "lollol" not in r.text
    finally:
        server.shutdown()


# --- acuerdos load -------------------------------------------------------------------------------------


def test_load_command(built_dist, oxigraph_url):
    """`acuerdos load --endpoint` (PUT per graph: loading twice changes nothing) keeps every named graph."""
    manifest = json.loads((built_dist / "manifest.json").read_text())
    result = subprocess.run(
        [sys.executable, "-m", "acuerdos.cli", "load", "--endpoint", oxigraph_url, "--dist", str(built_dist)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"loaded {len(manifest['graphs'])} graphs" in result.stdout
    r = httpx.post(
        oxigraph_url,
        data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    graphs = {b["g"]["value"] for b in r.json()["results"]["bindings"]}
    assert graphs == set(manifest["graphs"])


@pytest.mark.service
def test_load_command_reports_a_bad_graph_store(built_dist):
    port = free_port()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "acuerdos.cli",
            "load",
            "--endpoint",
            f"http://127.0.0.1:{port}/query",
            "--dist",
            str(built_dist),
        ],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "cannot reach the graph store" in result.stderr and "Traceback" not in result.stderr
