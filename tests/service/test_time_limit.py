"""Every query runs under the time limit, in a worker that is killed when it runs over; the server
stays responsive for everyone else while and after it happens."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from conftest import TEST_TIMEOUT

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
REGEX = ('SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f '
         'FILTER(REGEX(CONCAT(STR(?c), STR(?f), "!"), "^(a+)+$")) }')
CHEAP = "ASK { ?s ?p ?o }"


def _get(url: str, query: str, timeout: float = 60) -> httpx.Response:
    return httpx.get(url + "/sparql", params={"query": query}, timeout=timeout)


def test_expensive_query_is_stopped_and_others_are_answered(service_url):
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        expensive = pool.submit(_get, service_url, CROSS)
        time.sleep(0.5)
        during = time.monotonic()
        r = _get(service_url, CHEAP)
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert time.monotonic() - during < 2.0, "a cheap query waited for the expensive one"
        r = expensive.result()
        took = time.monotonic() - started
    assert r.status_code == 503
    assert "time limit" in r.text and "Traceback" not in r.text
    assert TEST_TIMEOUT - 0.5 <= took < TEST_TIMEOUT + 4
    after = time.monotonic()
    assert _get(service_url, CHEAP).status_code == 200
    assert time.monotonic() - after < 2.0


def test_catastrophic_regex_and_cross_product_at_once(service_url):
    """Both workers busy with hopeless queries: the server still answers, and recovers after."""
    with ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        jobs = [pool.submit(_get, service_url, q) for q in (REGEX, CROSS)]
        time.sleep(0.5)
        during = time.monotonic()
        health = httpx.get(service_url + "/health", timeout=5)
        assert health.status_code == 200 and time.monotonic() - during < 1.0
        statuses = [job.result().status_code for job in jobs]
    assert statuses == [503, 503]
    assert time.monotonic() - started < TEST_TIMEOUT + 5
    deadline = time.monotonic() + 10
    r = _get(service_url, CHEAP, timeout=15)
    assert r.status_code == 200 and time.monotonic() < deadline


def test_remote_slow_query_gets_504(remote_service_url):
    started = time.monotonic()
    r = _get(remote_service_url, CROSS)
    assert r.status_code == 504 and "did not answer" in r.text
    assert time.monotonic() - started < TEST_TIMEOUT + 4
    assert _get(remote_service_url, CHEAP).status_code == 200
