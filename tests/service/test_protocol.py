"""Reading SPARQL Protocol requests: parameters, bodies, datasets, and what is refused."""

from __future__ import annotations

import pytest

from acuerdos.http import status_of
from acuerdos.sparql.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from acuerdos.sparql.protocol import check_body_size, is_form_request, read_query_request
from acuerdos.store.errors import QueryRefused

FORM = "application/x-www-form-urlencoded"


def test_get():
    r = read_query_request("GET", b"query=ASK%20%7B%7D&format=json", None, None)
    assert (r.query, r.formats, r.default_graphs, r.named_graphs) == ("ASK {}", ("json",), None, None)


def test_post_form_and_url_parameters_combine():
    r = read_query_request(
        "POST", b"default-graph-uri=http%3A%2F%2Fg", FORM, b"query=ASK+%7B%7D&named-graph-uri=http://n"
    )
    assert r.query == "ASK {}"
    assert r.default_graphs == ["http://g"] and r.named_graphs == ["http://n"]


def test_post_sparql_query_body():
    r = read_query_request(
        "POST", b"named-graph-uri=http://n", "application/sparql-query; charset=UTF-8", 'ASK { ?s ?p "é" }'.encode()
    )
    assert r.query == 'ASK { ?s ?p "é" }'
    assert r.default_graphs == [] and r.named_graphs == ["http://n"]


@pytest.mark.parametrize(
    "method,url,ctype,body",
    [
        ("GET", b"", None, None),
        ("GET", b"format=json", None, None),
        ("POST", b"", FORM, b"format=json"),
        ("POST", b"", "application/sparql-query", b""),
    ],
)
def test_missing_or_empty_query(method, url, ctype, body):
    with pytest.raises(BadRequest):
        read_query_request(method, url, ctype, body)


@pytest.mark.parametrize(
    "method,url,ctype,body",
    [
        ("GET", b"query=ASK%7B%7D&query=ASK%7B%7D", None, None),
        ("POST", b"query=ASK%7B%7D", FORM, b"query=ASK%7B%7D"),
        ("POST", b"query=ASK%7B%7D", "application/sparql-query", b"ASK {}"),
    ],
)
def test_doubled_query(method, url, ctype, body):
    with pytest.raises(BadRequest, match="2 times"):
        read_query_request(method, url, ctype, body)


def test_query_of_blanks_is_empty():
    with pytest.raises(BadRequest, match="empty"):
        read_query_request("GET", b"query=%20%20", None, None)


@pytest.mark.parametrize(
    "method,url,ctype,body",
    [
        ("GET", b"update=DROP%20ALL", None, None),
        ("POST", b"", FORM, b"update=DROP+ALL"),
        ("POST", b"", "application/sparql-update", b"DROP ALL"),
    ],
)
def test_update_requests_refused(method, url, ctype, body):
    with pytest.raises(QueryRefused) as caught:
        read_query_request(method, url, ctype, body)
    assert status_of(caught.value) == 403


@pytest.mark.parametrize(
    "ctype",
    [
        None,
        "",
        "text/plain",
        "application/json",
        "multipart/form-data; boundary=x",
        "application/sparql-query; charset=latin-1",
    ],
)
def test_unsupported_body_type(ctype):
    with pytest.raises(UnsupportedMediaType) as caught:
        read_query_request("POST", b"", ctype, b"ASK {}")
    assert status_of(caught.value) == 415


@pytest.mark.parametrize("value", ["not an iri", "relative/path", "<http://x>", "http://x y"])
def test_graph_must_be_absolute_iri(value):
    from urllib.parse import urlencode

    with pytest.raises(BadRequest, match="absolute IRI"):
        read_query_request("GET", urlencode({"query": "ASK {}", "default-graph-uri": value}), None, None)


def test_invalid_utf8():
    with pytest.raises(BadRequest, match="UTF-8"):
        read_query_request("GET", b"query=%ff%fe", None, None)
    with pytest.raises(BadRequest, match="UTF-8"):
        read_query_request("POST", b"", "application/sparql-query", b"ASK { \xff }")


def test_body_size():
    check_body_size("100", 100)
    with pytest.raises(PayloadTooLarge) as caught:
        check_body_size("101", 100)
    assert status_of(caught.value) == 413
    with pytest.raises(BadRequest):
        check_body_size("lots", 100)


# --- a browser opening /sparql gets the query form; every other request keeps the protocol --------

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    "method,query_string,accept,expected",
    [
        ("GET", b"", BROWSER, True),
        ("GET", b"", "text/html", True),
        ("GET", b"lang=es", BROWSER, True),  # the page's own language switch
        ("GET", b"", None, False),
        ("GET", b"", "", False),
        ("GET", b"", "*/*", False),
        ("GET", b"", "application/sparql-results+json", False),
        ("GET", b"", "application/sparql-results+json, text/html;q=0.5", False),
        ("GET", b"", "text/turtle, text/html", False),  # equal q: the client's first choice wins
        ("GET", b"format=json", BROWSER, False),
        ("GET", b"query", BROWSER, False),
        ("GET", b"default-graph-uri=http%3A%2F%2Fg", BROWSER, False),
        ("GET", b"lang=es&format=json", BROWSER, False),
        ("POST", b"", BROWSER, False),
        ("HEAD", b"", BROWSER, False),
    ],
)
def test_form_request(method, query_string, accept, expected):
    assert is_form_request(method, query_string, accept) is expected


@pytest.fixture(scope="module")
def client(service_url):
    import httpx

    with httpx.Client(base_url=service_url, timeout=30) as c:
        yield c


def test_browser_gets_the_form(client):
    r = client.get("/sparql", headers={"Accept": BROWSER})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "Accept" in r.headers["vary"]
    assert '<textarea id="sparql-query" name="query"' in r.text and "acu:" in r.text
    assert '<form class="params sparql" method="get" action="/sparql"' in r.text
    assert '<link rel="stylesheet" href="/static/style.css">' in r.text  # the site's base template


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Accept": "*/*"},
        {"Accept": "application/sparql-results+json"},
        {"Accept": "application/sparql-results+xml"},
        {"Accept": "text/csv"},
        {"Accept": "text/turtle, text/html;q=0.5"},
    ],
)
def test_get_without_query_from_a_client_is_still_400(client, headers):
    r = client.get("/sparql", headers=headers)
    assert r.status_code == 400 and "No query" in r.text
    assert r.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize(
    "params", [{"format": "json"}, {"default-graph-uri": "http://g"}, {"query": ""}, {"lang": "en", "format": "csv"}]
)
def test_get_with_other_parameters_but_no_query_is_still_400(client, params):
    r = client.get("/sparql", params=params, headers={"Accept": BROWSER})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/plain")


def test_post_from_a_browser_is_still_the_protocol(client):
    r = client.post("/sparql", data={"format": "json"}, headers={"Accept": BROWSER})
    assert r.status_code == 400 and "No query" in r.text
    r = client.post("/sparql", data={"query": "ASK {}", "format": "json"}, headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_browser_query_still_answers_the_query(client):
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": BROWSER})
    assert r.status_code == 200  # the browser's Accept picks SPARQL XML (application/xml;q=0.9)
    assert r.headers["content-type"].startswith("application/sparql-results+xml") and "<boolean>true" in r.text
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"}, headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.json()["boolean"] is True


# --- the OpenAPI document -----------------------------------------------------------------------------


def test_openapi_has_distinct_operations_for_get_and_post_sparql(built_dist):
    import warnings

    from acuerdos.settings import Settings
    from acuerdos.site import Site
    from acuerdos.web.app import create_app

    app = create_app(Site.open(Settings(dist=built_dist)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Duplicate Operation ID …" is a UserWarning: make it fail
        spec = app.openapi()
    operations = spec["paths"]["/sparql"]
    assert {"get", "post"} <= set(operations)
    assert operations["get"]["operationId"] != operations["post"]["operationId"]
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values() if "operationId" in op]
    assert len(ids) == len(set(ids))


def test_no_swagger_ui_or_redoc(client):
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        r = client.get(path, headers={"Accept": BROWSER})
        assert r.status_code == 404, path
        assert "swagger-ui" not in r.text and "cdn.jsdelivr.net" not in r.text
    assert client.get("/openapi.json").json()["paths"]["/sparql"]


# --- HEAD answers as GET does, without a body --------------------------------------------------------


@pytest.mark.parametrize(
    "params,headers",
    [
        ({"query": "ASK { ?s ?p ?o }", "format": "json"}, {}),
        (
            {"query": "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 3"},
            {"Accept": "text/csv"},
        ),
        (
            {"query": "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c FILTER(isIRI(?s)) } ORDER BY ?s ?c LIMIT 3"},
            {"Accept": "text/turtle"},
        ),
        ({}, {"Accept": BROWSER}),  # the query form
        ({}, {}),  # no query: 400
        ({"query": "SELEKT nothing"}, {}),  # a syntax error: 400
    ],
)
def test_head_is_get_without_a_body(client, params, headers):
    get = client.get("/sparql", params=params, headers=headers)
    head = client.head("/sparql", params=params, headers=headers)
    assert head.status_code == get.status_code
    assert head.content == b""
    for name in ("content-type", "etag", "cache-control", "vary", "acuerdos-version", "content-length"):
        assert head.headers.get(name) == get.headers.get(name), name


# --- an answer has an ETag; a GET that has it already gets 304 --------------------------------------------


def test_answers_have_an_etag_and_304(client):
    params = {"query": "SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) } ORDER BY ?s LIMIT 5"}
    first = client.get("/sparql", params=params, headers={"Accept": "application/sparql-results+json"})
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"  # weak: blank nodes
    assert first.headers["acuerdos-version"] in etag
    again = client.get("/sparql", params=params, headers={"Accept": "application/sparql-results+json"})
    assert again.headers["etag"] == etag and again.content == first.content
    cached = client.get(
        "/sparql", params=params, headers={"Accept": "application/sparql-results+json", "If-None-Match": etag}
    )
    assert cached.status_code == 304 and cached.content == b""
    assert cached.headers["etag"] == etag
    assert (
        client.head(
            "/sparql", params=params, headers={"Accept": "application/sparql-results+json", "If-None-Match": etag}
        ).status_code
        == 304
    )
    stale = client.get(
        "/sparql",
        params=params,
        headers={"Accept": "application/sparql-results+json", "If-None-Match": '"other-0123456789ab"'},
    )
    assert stale.status_code == 200 and stale.content == first.content
    # the same query by POST has the same ETag (POST is never answered 304)
    posted = client.post(
        "/sparql", data=params, headers={"Accept": "application/sparql-results+json", "If-None-Match": etag}
    )
    assert posted.status_code == 200 and posted.headers["etag"] == etag


def test_etag_changes_with_query_format_and_dataset(client):
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2"
    etags = {
        client.get("/sparql", params={"query": query, "format": "json"}).headers["etag"],
        client.get("/sparql", params={"query": query, "format": "csv"}).headers["etag"],
        client.get("/sparql", params={"query": query + " ", "format": "json"}).headers["etag"],
        client.get(
            "/sparql",
            params={"query": query, "format": "json", "default-graph-uri": "https://w3id.org/acuerdos/graph/x"},
        ).headers["etag"],
        client.get(
            "/sparql", params={"query": query, "format": "json", "named-graph-uri": "https://w3id.org/acuerdos/graph/x"}
        ).headers["etag"],
    }
    assert len(etags) == 5


@pytest.mark.parametrize(
    "params", [{"query": "SELEKT nothing"}, {"format": "json"}, {"query": "ASK {}", "format": "nonsense"}]
)
def test_errors_have_no_etag(client, params):
    r = client.get("/sparql", params=params, headers={"If-None-Match": "*"})
    assert r.status_code >= 400
    assert "etag" not in r.headers
