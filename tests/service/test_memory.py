"""Memory stays bounded: every answer is cut at a byte limit as it is read (with the row limit's
signal), on both backends; a worker that runs out of memory answers 503 with Retry-After and is
replaced; clients that never read do not make the server grow, and it shrinks back when they leave."""

from __future__ import annotations

import json
import socket
import time
import urllib.parse
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

from acuerdos.process import ServerProcess, child_env, start_service, stop
from acuerdos.project import Release
from acuerdos.rdf.formats import BY_KEY
from acuerdos.store import LocalBackend
from acuerdos.store.embedded import EmbeddedEngine

# every literal of the graph, each character twenty times: about 46 MB uncut
BIG = 'SELECT ?x WHERE { ?s ?p ?o . BIND(REPLACE(STR(?o), "(.)", "' + "$1" * 20 + '") AS ?x) }'
BIG_GRAPH = 'CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o . BIND(REPLACE(STR(?o), "(.)", "' + "$1" * 20 + '") AS ?x) }'
# a sort of a cross product: it needs gigabytes
HOG = "SELECT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c"


def _service(dist: Path, log: Path, *options: str, **env: str) -> ServerProcess:
    settings = {f"ACUERDOS_{name.upper()}": value for name, value in env.items()}
    return start_service(dist, *options, log=log, env=child_env() | settings)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "turtle", "ntriples", "jsonld", "rdfxml"])
def test_every_answer_is_cut_at_the_byte_limit_and_says_so(built_dist, fmt):
    backend = LocalBackend(EmbeddedEngine.from_dump(str(Release(built_dist).nquads)).store, limit=10_000)
    backend.max_bytes = 200_000
    graph = BY_KEY[fmt].graph
    payload = backend.run(BIG_GRAPH if graph else BIG, fmt)
    assert payload.truncated and 0 < len(payload.body) <= 200_000 and 0 < payload.count < 10_000
    if fmt == "json":
        answer = json.loads(payload.body)
        assert answer["truncated"] is True and len(answer["results"]["bindings"]) == payload.count
    if fmt in ("turtle", "ntriples"):
        assert payload.body.startswith(b"# truncated")
    if graph:
        assert len(Graph().parse(data=payload.body, format={"rdfxml": "xml", "jsonld": "json-ld"}.get(fmt, fmt))) > 0
    rows = backend.select(BIG)  # the Python callers (named queries, pages) get the same cut
    assert rows.truncated and 0 < len(rows) < 10_000


@pytest.mark.service
@pytest.mark.parametrize("remote", [False, True], ids=["embedded", "remote"])
def test_both_backends_cut_answers_at_the_byte_limit(built_dist, tmp_path, request, remote):
    options = ("--endpoint", request.getfixturevalue("oxigraph_url")) if remote else ()
    service = _service(built_dist, tmp_path / "service.log", *options, "--workers", "1", max_answer="300000")
    try:
        for query, accept in ((BIG, "application/sparql-results+json"), (BIG_GRAPH, "text/turtle")):
            answer = httpx.get(service.url + "/sparql", params={"query": query}, headers={"Accept": accept}, timeout=60)
            assert answer.status_code == 200 and len(answer.content) <= 300_000, len(answer.content)
            assert answer.headers["acuerdos-truncated"] == "true"
    finally:
        stop(service.process)


@pytest.mark.service
def test_a_worker_out_of_memory_is_503_with_retry_after_and_replaced(built_dist, tmp_path):
    service = _service(built_dist, tmp_path / "service.log", "--workers", "1", worker_memory_mb="1024")
    try:
        answer = httpx.get(service.url + "/sparql", params={"query": HOG}, timeout=60)
        assert answer.status_code == 503 and answer.headers["retry-after"].isdigit(), answer.text
        assert "memory" in answer.text
        deadline = time.monotonic() + 60
        while True:  # the worker is replaced: the next queries are answered
            ask = httpx.get(service.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
            if ask.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert ask.status_code == 200 and ask.json()["boolean"] is True
        assert httpx.get(service.url + "/status", timeout=10).json()["restarts"] >= 1
    finally:
        stop(service.process)


@pytest.mark.service
@pytest.mark.slow
def test_clients_that_never_read_do_not_make_the_server_grow(built_dist, tmp_path):
    """10 clients ask for the largest answer allowed and never read it: the server grows by less
    than 100 MB, and falls back to where it was once they close."""
    service = _service(built_dist, tmp_path / "service.log", "--workers", "2")
    host, port = service.url.removeprefix("http://").split(":")
    target = "/sparql?" + urllib.parse.urlencode({"query": BIG})
    pid = service.process.pid
    try:
        for _ in range(2):  # warm: the first answers import and cache what every later one uses
            httpx.get(service.url + target, timeout=60)
        before = _rss_mb(pid)
        clients = []
        for _ in range(10):
            sock = socket.socket()
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.connect((host, int(port)))
            sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            clients.append(sock)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and httpx.get(service.url + "/status", timeout=10).json()["busy"]:
            time.sleep(0.5)  # until every answer is computed and being sent
        time.sleep(2)
        held = _rss_mb(pid)
        for sock in clients:
            sock.close()
        time.sleep(3)
        after = _rss_mb(pid)
        print(f"server RSS: {before:.0f} MB before, {held:.0f} MB with 10 clients not reading, {after:.0f} MB after")
        assert held - before < 100
        assert after - before < 20
    finally:
        stop(service.process)
