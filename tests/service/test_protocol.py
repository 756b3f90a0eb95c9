"""Reading SPARQL Protocol requests: parameters, bodies, datasets, and what is refused."""
from __future__ import annotations

import pytest

from acuerdos.sparql.errors import BadRequest, PayloadTooLarge, ReadOnly, UnsupportedMediaType
from acuerdos.sparql.protocol import check_body_size, read_query_request

FORM = "application/x-www-form-urlencoded"


def test_get():
    r = read_query_request("GET", b"query=ASK%20%7B%7D&format=json", None, None)
    assert (r.query, r.formats, r.default_graphs, r.named_graphs) == ("ASK {}", ("json",), None, None)


def test_post_form_and_url_parameters_combine():
    r = read_query_request("POST", b"default-graph-uri=http%3A%2F%2Fg", FORM, b"query=ASK+%7B%7D&named-graph-uri=http://n")
    assert r.query == "ASK {}"
    assert r.default_graphs == ["http://g"] and r.named_graphs == ["http://n"]


def test_post_sparql_query_body():
    r = read_query_request("POST", b"named-graph-uri=http://n", "application/sparql-query; charset=UTF-8",
                           "ASK { ?s ?p \"é\" }".encode())
    assert r.query == 'ASK { ?s ?p "é" }'
    assert r.default_graphs == [] and r.named_graphs == ["http://n"]


@pytest.mark.parametrize("method,url,ctype,body", [
    ("GET", b"", None, None),
    ("GET", b"format=json", None, None),
    ("POST", b"", FORM, b"format=json"),
    ("POST", b"", "application/sparql-query", b""),
])
def test_missing_or_empty_query(method, url, ctype, body):
    with pytest.raises(BadRequest):
        read_query_request(method, url, ctype, body)


@pytest.mark.parametrize("method,url,ctype,body", [
    ("GET", b"query=ASK%7B%7D&query=ASK%7B%7D", None, None),
    ("POST", b"query=ASK%7B%7D", FORM, b"query=ASK%7B%7D"),
    ("POST", b"query=ASK%7B%7D", "application/sparql-query", b"ASK {}"),
])
def test_doubled_query(method, url, ctype, body):
    with pytest.raises(BadRequest, match="2 times"):
        read_query_request(method, url, ctype, body)


def test_query_of_blanks_is_empty():
    with pytest.raises(BadRequest, match="empty"):
        read_query_request("GET", b"query=%20%20", None, None)


@pytest.mark.parametrize("method,url,ctype,body", [
    ("GET", b"update=DROP%20ALL", None, None),
    ("POST", b"", FORM, b"update=DROP+ALL"),
    ("POST", b"", "application/sparql-update", b"DROP ALL"),
])
def test_update_requests_refused(method, url, ctype, body):
    with pytest.raises(ReadOnly):
        read_query_request(method, url, ctype, body)


@pytest.mark.parametrize("ctype", [None, "", "text/plain", "application/json", "multipart/form-data; boundary=x",
                                   "application/sparql-query; charset=latin-1"])
def test_unsupported_body_type(ctype):
    with pytest.raises(UnsupportedMediaType):
        read_query_request("POST", b"", ctype, b"ASK {}")


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
    with pytest.raises(PayloadTooLarge):
        check_body_size("101", 100)
    with pytest.raises(BadRequest):
        check_body_size("lots", 100)
