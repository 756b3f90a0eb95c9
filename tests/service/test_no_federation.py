"""SERVICE and LOAD never make the service open a connection, on either backend.

A socket listens where the queries point; after they are answered, it must not have received a
single connection. The control test shows the same socket does receive one when pyoxigraph runs
such a query unchecked, so the silence is the check's doing.
"""

from __future__ import annotations

import socket
import threading

import httpx
import pyoxigraph
import pytest


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield sock, f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"
    sock.close()


def _connections(sock: socket.socket, wait: float) -> int:
    sock.settimeout(wait)
    count = 0
    try:
        while True:
            conn, _ = sock.accept()
            conn.close()
            count += 1
            sock.settimeout(0.1)
    except TimeoutError:
        return count


def _queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o . FILTER(?o = true) ?x ?y trueSERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"PREFIX : <{url}> SELECT * WHERE {{ SERVICE:x {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"LOAD <{url}>",
        f"LOAD SILENT <{url}> INTO GRAPH <http://example.org/g>",
    ]


@pytest.mark.parametrize("backend", ["service_url", "remote_service_url"])
def test_service_and_load_make_no_connection(request, backend, listener):
    base = request.getfixturevalue(backend)
    sock, url = listener
    for query in _queries(url):
        for send in (
            lambda query=query: httpx.get(base + "/sparql", params={"query": query}, timeout=30),
            lambda query=query: httpx.post(
                base + "/sparql",
                content=query.encode(),
                timeout=30,
                headers={"Content-Type": "application/sparql-query"},
            ),
        ):
            r = send()
            assert r.status_code == 403, (query, r.status_code, r.text)
            assert ("SERVICE" in r.text) or ("read-only" in r.text)
    assert _connections(sock, wait=1.0) == 0


def test_control_pyoxigraph_alone_does_connect(listener):
    sock, url = listener
    store = pyoxigraph.Store()
    errors: list[BaseException] = []

    def run():
        try:
            list(store.query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert _connections(sock, wait=5.0) >= 1
    thread.join(timeout=10)
