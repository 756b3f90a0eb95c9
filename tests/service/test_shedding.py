"""Overload is shed and no client starves the others: real services, real concurrent HTTP clients,
each client from its own loopback address (the service tells clients apart by address).

No test asserts a latency (the machine may be shared); the fairness test prints the probe's, and
bench/bench_load.py measures them."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from acuerdos.process import ServerProcess, child_env, start_service, stop

pytestmark = pytest.mark.service
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 13,670³ rows: never ends


def _service(dist: Path, log: Path, *options: str, **env: str) -> ServerProcess:
    settings = {f"ACUERDOS_{name.upper()}": value for name, value in env.items()}
    return start_service(dist, *options, log=log, env=child_env() | settings)


@pytest.fixture
def serve(built_dist, tmp_path) -> Iterator:
    started: list[ServerProcess] = []

    def start(*options: str, **env: str) -> str:
        started.append(_service(built_dist, tmp_path / f"service-{len(started)}.log", *options, **env))
        return started[-1].url

    yield start
    for service in started:
        stop(service.process)


def _client(address: str, timeout: float = 60) -> httpx.Client:
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=timeout)


def _refusals_say_when_to_retry(answers: list[httpx.Response]) -> None:
    for answer in answers:
        if answer.status_code in (429, 503):
            assert answer.headers.get("retry-after", "").isdigit(), (answer.status_code, answer.text)


@pytest.mark.slow
def test_cheap_requests_are_never_refused_while_two_clients_send_runaway_queries(serve):
    """2 workers; two clients keep 2 × workers runaway queries going; a third client's ASK, named
    query and HTML page are never refused (and are not kept waiting for the runaways: see the printed
    latencies, and bench/bench_load.py)."""
    url = serve("--workers", "2", "--timeout", "3")
    until = time.monotonic() + 15
    heavy: list[httpx.Response] = []

    def hammer(address: str) -> None:
        with _client(address) as client:
            while time.monotonic() < until:
                answer = client.get(url + "/sparql", params={"query": RUNAWAY})
                heavy.append(answer)
                if answer.status_code in (429, 503):
                    time.sleep(0.1)

    threads = [threading.Thread(target=hammer, args=(f"127.0.0.{2 + i % 2}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the runaways hold the workers
    probes = [
        ("ASK", "/sparql", {"query": "ASK { ?s a ?class }"}),
        ("named", "/queries/themes", {}),
        ("html", "/queries/meetings", {"format": "html"}),
        ("health", "/health", {}),
    ]
    took: dict[str, list[float]] = {name: [] for name, _, _ in probes}
    refused: list[tuple[str, int]] = []
    try:
        with _client("127.0.0.9") as client:
            while time.monotonic() < until:
                for name, path, params in probes:
                    started = time.perf_counter()
                    answer = client.get(url + path, params=params)
                    took[name].append(time.perf_counter() - started)
                    if answer.status_code != 200:
                        refused.append((name, answer.status_code))
    finally:
        for thread in threads:
            thread.join()
    for name, times in took.items():
        times.sort()
        median, most = times[len(times) // 2] * 1000, times[-1] * 1000
        print(f"{name}: {len(times)} requests, p50 {median:.0f} ms, max {most:.0f} ms")
    assert not refused, refused
    assert heavy and {a.status_code for a in heavy} <= {429, 503}, Counter(a.status_code for a in heavy)
    _refusals_say_when_to_retry(heavy)


def _at_once(url: str, addresses: list[str]) -> list[httpx.Response]:
    """A runaway query from each address (repeated addresses: one client, several connections), all at once."""
    answers: list[httpx.Response] = []
    lock = threading.Lock()

    def send(address: str) -> None:
        with _client(address) as client:
            answer = client.get(url + "/sparql", params={"query": RUNAWAY})
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=send, args=(address,)) for address in addresses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_one_client_past_its_share_gets_429_and_a_full_queue_503(serve):
    """2 workers, a queue of 16: a client runs 1 query, 8 more wait, the rest are refused at once (429);
    three clients under their share but together past the queue: 503; always with Retry-After."""
    url = serve("--workers", "2", "--timeout", "2", queue="16")
    crowd = _at_once(url, ["127.0.0.2"] * 12)
    assert {a.status_code for a in crowd} <= {429, 503}
    assert sum("Too many queries from you" in a.text and a.status_code == 429 for a in crowd) == 3
    three = _at_once(url, [f"127.0.0.{3 + i % 3}" for i in range(24)])
    assert {a.status_code for a in three} <= {503}
    assert sum("are waiting for a worker" in a.text for a in three) >= 24 - 16 - 3
    _refusals_say_when_to_retry(crowd + three)
    status = httpx.get(url + "/status", timeout=10).json()
    assert status["refused"] >= 8 and status["waiting"] == 0 and status["busy"] == 0


def test_half_sent_requests_are_disconnected_and_others_still_answered(serve):
    url = serve(read_timeout="1")
    host, port = url.removeprefix("http://").split(":")
    slow = []
    for _ in range(50):
        sock = socket.create_connection((host, int(port)), timeout=30)
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")  # and never the end of the head
        slow.append(sock)
    body = socket.create_connection((host, int(port)), timeout=30)
    body.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n")
    body.sendall(b"Content-Length: 100\r\n\r\nASK {")  # and never the rest of the body
    assert httpx.get(url + "/health", timeout=10).status_code == 200  # the others are answered meanwhile
    for sock in slow:
        assert sock.recv(100) == b""  # closed by the service, well before the socket's own 30 s
        sock.close()
    answer = body.recv(200)
    assert answer.startswith(b"HTTP/1.1 408"), answer
    body.close()
