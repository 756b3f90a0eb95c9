"""Every query runs under the time limit, in a worker that is killed when it runs over; the server
stays responsive for everyone else while and after it happens. (How long each takes: bench/bench_service.py.)"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from conftest import TEST_TIMEOUT

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
REGEX = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(CONCAT(STR(?c), STR(?f), "!"), "^(a+)+$")) }'
CHEAP = "ASK { ?s ?p ?o }"


def _get(url: str, query: str, timeout: float = 60) -> httpx.Response:
    return httpx.get(url + "/sparql", params={"query": query}, timeout=timeout)


def test_expensive_query_is_stopped_and_others_are_answered(service_url):
    with ThreadPoolExecutor(2) as pool:
        expensive = pool.submit(_get, service_url, CROSS)
        time.sleep(0.5)  # let it start
        # from another client (address): one client's queries share its one worker, and wait their turn
        with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=60) as other:
            r = other.get(service_url + "/sparql", params={"query": CHEAP})
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert not expensive.done(), "the cheap query waited for the expensive one"
        r = expensive.result()
    assert r.status_code == 503
    assert f"time limit of {TEST_TIMEOUT:g} s" in r.text and "Traceback" not in r.text
    assert _get(service_url, CHEAP).status_code == 200


def test_catastrophic_regex_and_cross_product_at_once(service_url):
    """Both workers busy with hopeless queries: the server still answers, and recovers after."""
    with ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(_get, service_url, q) for q in (REGEX, CROSS)]
        time.sleep(0.5)
        assert httpx.get(service_url + "/health", timeout=5).status_code == 200
        assert not any(job.done() for job in jobs)
        statuses = [job.result().status_code for job in jobs]
    assert statuses == [503, 503]
    r = _get(service_url, CHEAP, timeout=15)
    assert r.status_code == 200


def test_remote_slow_query_gets_504(remote_service_url):
    r = _get(remote_service_url, CROSS)
    assert r.status_code == 504 and "did not answer" in r.text
    assert _get(remote_service_url, CHEAP).status_code == 200
