"""The small findings of the attack run, each held: no redirect leaves the site, no error shows a
query, OPTIONS tells every method, numbers past their bounds and empty values are refused with a
message naming the parameter (whatever the format), and the OpenAPI document lists every status."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

OFF_SITE = [
    "//evil.example/",
    "///evil.example/",
    "/%2f%2fevil.example/",
    "/%2F%2Fevil.example/",
    "/%252f%252fevil.example/",
    "/\\evil.example/",
    "/%5cevil.example/",
    "/%5c%5cevil.example/",
    "/\\\\evil.example/",
    "/%09/evil.example/",
]


def _raw(service_url: str, method: str, target: str) -> http.client.HTTPResponse:
    """The answer to a request whose target is sent byte for byte (httpx would normalise it)."""
    where = urlsplit(service_url)
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    conn.request(method, target)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


@pytest.mark.parametrize("target", OFF_SITE)
def test_no_redirect_leaves_the_site(service_url, target):
    answer = _raw(service_url, "GET", target)
    location = answer.getheader("Location")
    if location is None:
        assert answer.status in (400, 404), answer.status
        return
    assert 300 <= answer.status < 400
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
    parts = urlsplit(location)
    assert not parts.netloc and not parts.scheme, location


def test_a_path_that_is_no_iri_shows_no_query(http):
    answer = http.get("/decision/%FF")
    assert answer.status_code == 404
    assert "CONSTRUCT" not in answer.text and "SELECT" not in answer.text and "WHERE" not in answer.text


def test_options_and_405_list_every_method_of_the_path(service_url):
    options = _raw(service_url, "OPTIONS", "/sparql")
    assert options.status == 204
    allowed = {m.strip() for m in options.getheader("Allow").split(",")}
    assert {"GET", "POST", "HEAD", "OPTIONS"} <= allowed
    put = _raw(service_url, "PUT", "/sparql")
    assert put.status == 405 and {"GET", "POST"} <= {m.strip() for m in put.getheader("Allow").split(",")}


@pytest.mark.parametrize(
    "query, said",
    [
        ("limit=12345678901", "parameter 'limit': must be from 1 to 10000"),
        ("limit=0", "parameter 'limit': must be from 1 to 10000"),
        ("offset=99999999999", "parameter 'offset': must be from 0 to 999999999"),
        ("limit=abc", "parameter 'limit': must be a whole number from 1 to 10000"),
        ("limit=-1", "parameter 'limit': must be a whole number"),
        ("meeting=", "parameter 'meeting': has an empty value"),
        ("limit=", "parameter 'limit': has an empty value"),
        ("format=", "parameter 'format'"),
        ("format=rq&limit=abc", "parameter 'limit'"),
        ("format=ttl&limit=-5", "parameter 'limit'"),
        ("format=rq&offset=12345678901", "parameter 'offset'"),
        ("format=csv&meeting=", "parameter 'meeting'"),
    ],
)
def test_parameters_out_of_bounds_or_empty_are_400_naming_them(http, query, said):
    answer = http.get(f"/queries/decisions?{query}")
    assert answer.status_code == 400 and said in answer.text, answer.text


def test_the_html_form_may_send_empty_fields(http):
    """The query page's form sends "" for "any": its page takes that as not given."""
    assert http.get("/queries/decisions?meeting=&format=html").status_code == 200


def test_openapi_lists_every_status_and_content_type(http):
    paths = http.get("/openapi.json").json()["paths"]
    get, post = paths["/sparql"]["get"]["responses"], paths["/sparql"]["post"]["responses"]
    for status in ("200", "304", "400", "403", "406", "414", "429", "502", "503", "504"):
        assert status in get and status in post, status
    for status in ("408", "413", "415"):
        assert status in post, status
    assert "Retry-After" in get["429"]["headers"] and "Retry-After" in get["503"]["headers"]
    assert {"application/sparql-results+json", "text/turtle", "text/csv", "text/html"} <= set(get["200"]["content"])
    assert "404" in paths["/dumps/{name}"]["get"]["responses"]
    assert "503" in paths["/health"]["get"]["responses"]
    named = paths["/queries/decisions"]["get"]
    assert {"200", "304", "400", "406", "429", "503"} <= set(named["responses"])
    assert "application/sparql-query" in named["responses"]["200"]["content"]
    bounds = {p["name"]: p["schema"] for p in named["parameters"] if p["name"] in ("limit", "offset")}
    assert bounds["limit"]["maximum"] == 10000 and bounds["offset"]["maximum"] == 999_999_999
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert "414" in operation["responses"] and "422" not in operation["responses"], (method, path)


def test_health_and_status(http):
    health = http.get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    status = http.get("/status").json()
    assert {"version", "uptime_s", "workers", "reserve", "busy", "idle", "waiting", "restarts"} <= set(status)
