"""acuerdos.http (ETags, 304s, errors as statuses) and the /sparql router built without the web layer."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.testclient import TestClient

from acuerdos.errors import BadFormatError, DataError, NotAcceptableError, UserError
from acuerdos.http import cache_headers, error_handler, error_response, etag_for, matches_etag, not_modified, status_of
from acuerdos.settings import Settings
from acuerdos.sparql.endpoint import TRUNCATED_HEADER, VERSION_HEADER, make_router
from acuerdos.sparql.errors import BadRequest, PayloadTooLarge, UnsupportedMediaType
from acuerdos.store import LocalBackend
from acuerdos.store import errors as store

# --- errors ---------------------------------------------------------------------------------------------

STATUSES = [
    (store.BadQuery("x"), 400),
    (store.QuerySyntaxError("x", 1, 2), 400),
    (store.WrongQueryForm("x"), 400),
    (store.QueryRefused("x", "update"), 403),
    (store.QueryRefused("x", "service"), 403),
    (store.QueryTimeout("x"), 503),
    (store.StoreBusy("x", retry_after=2), 503),
    (store.UpstreamError("x"), 502),
    (store.UpstreamTimeout("x"), 504),
    (store.QueryFailed("x"), 500),
    (store.StoreError("x"), 503),
    (NotAcceptableError("x"), 406),
    (BadFormatError("x"), 400),
    (BadRequest("x"), 400),
    (PayloadTooLarge("x"), 413),
    (UnsupportedMediaType("x"), 415),
    (DataError("x"), 400),
    (UserError("x"), 400),
    (RuntimeError("x"), 500),
]


@pytest.mark.parametrize("exc,status", STATUSES, ids=lambda v: type(v).__name__ if isinstance(v, Exception) else "")
def test_status_of(exc, status):
    assert status_of(exc) == status
    assert error_response(exc).status_code == status


QUERY_ERRORS = [e for e, _ in STATUSES if isinstance(e, store.QueryError)]


@pytest.mark.parametrize("exc", QUERY_ERRORS, ids=lambda e: type(e).__name__)
def test_store_errors_cross_the_worker_pipe(exc):
    import pickle

    again = store.QueryError.from_tuple(pickle.loads(pickle.dumps(exc.as_tuple())))
    assert type(again) is type(exc) and again.message == exc.message and again.details == exc.details
    assert status_of(again) == status_of(exc)


def test_error_response_is_the_message_as_plain_text():
    response = error_response(store.StoreBusy("Every query worker stayed busy.\n", retry_after=2))
    assert response.body == b"Every query worker stayed busy.\n"
    assert response.headers["content-type"].startswith("text/plain") and response.headers["retry-after"] == "2"
    # every refusal for load says when to come back, 429 included, and so does a time-out or a lost worker
    assert error_response(store.StoreBusy("The query service is shutting down.")).headers["retry-after"] == "2"
    for refusal, status in ((store.ClientBusy("Too many."), 429), (store.QueryTimeout("Too long."), 503)):
        answer = error_response(refusal)
        assert answer.status_code == status and answer.headers["retry-after"].isdigit()
    assert error_response(store.WorkerLost("Out of memory.")).status_code == 503
    syntax = store.QuerySyntaxError("Syntax error at line 3, column 1: expected", 3, 1)
    assert (syntax.line, syntax.column) == (3, 1)
    assert error_response(RuntimeError("/work/secret.py")).body == b"Internal server error.\n"


# --- ETags ------------------------------------------------------------------------------------------------


def _request(if_none_match: str | None) -> Request:
    headers = [] if if_none_match is None else [(b"if-none-match", if_none_match.encode())]
    return Request({"type": "http", "method": "GET", "headers": headers, "path": "/", "query_string": b""})


def test_etag_is_strong_version_and_digest():
    tag = etag_for("0123456789abcdef", "page", "en", 3)
    assert tag.startswith('"0123456789abcdef-') and tag.endswith('"') and len(tag) == len('"0123456789abcdef-"') + 12
    assert tag == etag_for("0123456789abcdef", "page", "en", 3) != etag_for("0123456789abcdef", "page", "es", 3)


@pytest.mark.parametrize(
    "header,matches",
    [
        (None, False),
        ('"v-1"', True),
        ('W/"v-1"', True),
        ('"v-2", "v-1"', True),
        ('"v-2"', False),
        ("*", True),
    ],
)
def test_matches_etag(header, matches):
    assert matches_etag(_request(header), '"v-1"') is matches
    assert matches_etag(_request(header), 'W/"v-1"') is matches


def test_cache_headers_and_304():
    assert cache_headers('"v-1"') == {"ETag": '"v-1"', "Vary": "Accept, Accept-Language", "Cache-Control": "no-cache"}
    headers = cache_headers('"v-1"', vary="Accept", version="v")
    assert headers["X-Data-Version"] == "v" and headers["Vary"] == "Accept"
    response = not_modified(headers)
    assert response.status_code == 304 and response.body == b"" and response.headers["etag"] == '"v-1"'


# --- the /sparql router, with and without a form page -------------------------------------------------------

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
EX = "http://example.org/"


def _app(form_page=None) -> FastAPI:
    store = ox.Store()
    for i in range(5):
        quad = ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), ox.NamedNode(EX + "g"))
        store.add(quad)
    app = FastAPI()
    app.state.settings = Settings(result_limit=3)
    app.state.backend = LocalBackend(store, version="v1", limit=3)
    app.include_router(make_router(form_page))
    app.add_exception_handler(UserError, error_handler)
    return app


def _page(request: Request) -> Response:
    return HTMLResponse("<form>the query form</form>")


def test_router_without_a_form_page_answers_browsers_with_the_protocol():
    client = TestClient(_app())
    r = client.get("/sparql", headers={"Accept": BROWSER})
    assert r.status_code == 400 and "No query" in r.text


def test_router_with_a_form_page_gives_it_to_browsers_only():
    client = TestClient(_app(_page))
    assert client.get("/sparql", headers={"Accept": BROWSER}).text == "<form>the query form</form>"
    assert client.get("/sparql", headers={"Accept": "*/*"}).status_code == 400
    assert client.get("/sparql", params={"format": "json"}, headers={"Accept": BROWSER}).status_code == 400


def test_router_answers_caps_and_revalidates():
    client = TestClient(_app())
    r = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"})
    assert r.status_code == 200 and r.headers[VERSION_HEADER] == "v1" and r.headers[TRUNCATED_HEADER] == "true"
    assert len(r.json()["results"]["bindings"]) == 3
    again = client.get(
        "/sparql",
        params={"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"},
        headers={"If-None-Match": r.headers["etag"]},
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "params,headers,status,words",
    [
        ({"query": "DROP ALL"}, {}, 403, "read-only"),
        ({"query": f"SELECT * {{ SERVICE <{EX}> {{ ?s ?p ?o }} }}"}, {}, 403, "SERVICE"),
        ({"query": "SELECT * WHERE {\n ?s ?p \n}"}, {}, 400, "Syntax error at line 3"),
        ({"query": "ASK {}"}, {"Accept": "text/turtle"}, 406, "format="),
        ({"query": "ASK {}", "format": "yaml"}, {}, 400, "Unknown format"),
    ],
)
def test_router_errors_have_their_status_and_message(params, headers, status, words):
    r = TestClient(_app()).get("/sparql", params=params, headers=headers)
    assert r.status_code == status and words in r.text and r.headers["content-type"].startswith("text/plain")
