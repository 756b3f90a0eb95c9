"""/queries: every named query as an endpoint (JSON, CSV, HTML), citable, paginated, cached by version."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from acuerdos.namespaces import Base
from acuerdos.project import Project
from acuerdos.queries import load_registry

PROJECT = Project(Path(__file__).resolve().parents[2])  # the checkout (tests/ holds data/ of its own)

BASE = "https://w3id.org/acuerdos/"
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
REGISTRY = load_registry(PROJECT.queries, Base())
NAMES = REGISTRY.names()


def example(name: str) -> list[tuple[str, str]]:
    return [(k, v) for k, values in REGISTRY.get(name).example.items() for v in values]


def test_every_query_file_is_listed(http):
    body = http.get("/queries", headers={"Accept": "application/json"}).json()
    assert sorted(q["name"] for q in body["queries"]) == sorted(p.stem for p in PROJECT.queries.glob("*.rq"))
    for item in body["queries"]:
        assert item["iri"] == BASE + "queries/" + item["name"]
        assert item["title"] and item["description"]
    html = http.get("/queries", headers={"Accept": "text/html"}).text
    for query in REGISTRY:
        assert f'href="/queries/{query.name}?lang=' in html


@pytest.mark.parametrize("name", NAMES)
def test_every_query_answers_its_example(http, name, data_version):
    params = example(name)
    response = http.get(f"/queries/{name}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["query"] == BASE + "queries/" + name
    assert body["version"] == data_version
    assert body["lang"] == "en"
    assert set(body) >= {"query", "params", "version", "lang", "rows", "next", "variables"}
    for key, value in params:
        shown = body["params"][key]
        assert value in (shown if isinstance(shown, list) else [shown])
    assert data_version in response.headers["etag"]
    # the same answer as CSV and as an HTML page
    csv_response = http.get(f"/queries/{name}.csv", params=params)
    assert csv_response.status_code == 200
    assert csv_response.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(csv_response.text)))
    assert table[0] == body["variables"]
    assert len(table) - 1 == len(body["rows"])
    page = http.get(f"/queries/{name}", params=params, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert ("<form" in page.text and "<table" in page.text) or "No rows" in page.text


def test_html_form_has_a_drop_down_from_the_graph(http):
    html = http.get("/queries/decisions-by-theme", params=[*example("decisions-by-theme"), ("format", "html")]).text
    assert '<select id="p-theme" name="theme"' in html
    assert f'<option value="{BASE}theme/gcm-objective/10"' in html
    assert f'value="{BASE}theme/regional/extra-regional-migration" selected' in html
    assert 'href="/decision/' in html  # results link to the resources
    assert "/queries/decisions-by-theme.csv?" in html  # downloads


def test_pagination_with_stable_links(http):
    full = http.get("/queries/actors", params={"limit": 1000}).json()["rows"]
    assert len(full) > 5
    rows, url, pages = [], "/queries/actors?limit=2", 0
    while url:
        body = http.get(url).json()
        assert body["limit"] == 2 and len(body["rows"]) <= 2
        rows += body["rows"]
        url = body["next"]
        if url:
            parts = urlsplit(url)
            query = dict(parse_qsl(parts.query))
            assert query["offset"] == str(len(rows)) and query["limit"] == "2"
            url = parts.path + "?" + parts.query
        pages += 1
        assert pages < 200
    assert rows == full
    second = http.get("/queries/actors?limit=2&offset=2").json()
    assert "offset" not in dict(parse_qsl(urlsplit(second["prev"]).query))  # back to the first page
    # the same page asked with the parameters in another order is the same representation
    a = http.get("/queries/actors?limit=2&offset=2&lang=en")
    b = http.get("/queries/actors?lang=en&offset=2&limit=2")
    assert a.headers["etag"] == b.headers["etag"]


def test_etag_304_and_what_changes_it(http):
    params = example("decisions-by-theme")
    first = http.get("/queries/decisions-by-theme", params=params)
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "no-cache"
    assert http.get("/queries/decisions-by-theme", params=params, headers={"If-None-Match": etag}).status_code == 304
    other_theme = http.get("/queries/decisions-by-theme", params={"theme": BASE + "theme/gcm-objective/10"})
    as_csv = http.get("/queries/decisions-by-theme.csv", params=params)
    spanish = http.get("/queries/decisions-by-theme", params=[*params, ("lang", "es")])
    assert len({etag, other_theme.headers["etag"], as_csv.headers["etag"], spanish.headers["etag"]}) == 4


def test_labels_in_the_language_asked_for(http):
    params = [("meeting", BASE + "meeting/2017-06-08-panama")]
    english = http.get("/queries/decisions", params=params).json()
    spanish = http.get("/queries/decisions", params=params, headers={"Accept-Language": "es"}).json()
    assert spanish["lang"] == "es" and english["lang"] == "en"
    assert english["rows"] != spanish["rows"]
    labels_es = " ".join(str(v) for row in spanish["rows"] for k, v in row.items() if k.endswith("label"))
    assert "Acuerdo" in labels_es or "Reunión" in labels_es


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"theme": "not an iri"}, "theme"),
        ({"theme": BASE + "theme/x> . ?s ?p ?o } #"}, "theme"),
        ({"nonsense": "1"}, "nonsense"),
        ({"lang": "fr"}, "lang"),
        ({"limit": "-3"}, "limit"),
    ],
)
def test_bad_parameters_are_400(http, params, fragment):
    response = http.get("/queries/decisions-by-theme", params=params)
    assert response.status_code == 400
    assert fragment in response.json()["error"]
    page = http.get("/queries/decisions-by-theme", params={**params, "format": "html"})
    assert page.status_code == 400 and 'role="alert"' in page.text


def test_a_value_of_the_wrong_class_is_refused(http):
    response = http.get("/queries/decisions-by-theme", params={"theme": BASE + "state/MX"})
    assert response.status_code == 400


def test_unknown_query_is_404(http):
    assert http.get("/queries/no-such-query", headers={"Accept": "text/html"}).status_code == 404


def test_query_text_and_executable(http):
    text = http.get("/queries/decisions-by-theme.rq")
    assert text.status_code == 200 and "SELECT" in text.text
    turtle = http.get("/queries/decisions-by-theme", headers={"Accept": "text/turtle"})
    graph = Graph()
    graph.parse(data=turtle.text, format="turtle")
    node = URIRef(BASE + "queries/decisions-by-theme")
    assert (node, RDF.type, SH.SPARQLSelectExecutable) in graph
    assert (node, SCHEMA.target, URIRef(BASE + "sparql")) in graph
    assert graph.value(node, SH.select) is not None
    assert any(o.language == "en" for o in graph.objects(node, RDFS.comment))
    everything = Graph()
    everything.parse(data=http.get("/queries.ttl").text, format="turtle")
    assert len(set(everything.subjects(RDF.type, SH.SPARQLSelectExecutable))) == len(NAMES)


def test_openapi_shows_each_query_with_parameters_and_example(http):
    spec = http.get("/openapi.json").json()
    for query in REGISTRY:
        operation = spec["paths"][f"/queries/{query.name}"]["get"]
        assert operation["summary"] == query.title
        names = {p["name"] for p in operation["parameters"]}
        assert set(query.params) | {"lang", "limit", "offset", "format"} <= names
        for param in operation["parameters"]:
            if param["name"] in query.example:
                assert "example" in param
        assert "example" in operation["responses"]["200"]["content"]["application/json"]


def test_executables_run_as_they_are_on_the_endpoint(http):
    """The sh:select of each executable is the query with its defaults: it runs on its own."""
    graph = Graph()
    graph.parse(data=http.get("/queries.ttl").text, format="turtle")
    selects = list(graph.subject_objects(SH.select))
    assert len(selects) == len(NAMES)
    for node, text in selects:
        assert (node, RDFS.label, None) in graph and (node, SCHEMA.target, None) in graph
        response = http.post(
            "/sparql", data={"query": str(text)}, headers={"Accept": "application/sparql-results+json"}
        )
        assert response.status_code == 200, (node, response.text[:300])


@pytest.mark.service
def test_a_query_stopped_by_the_time_limit_is_503_not_400(built_dist, tmp_path):
    """A store error keeps its own status on the query API, as on /sparql (time-out: 503). The query
    is the slowest named one (theme-overview, about 25 ms here): `themes` answered within the 1 ms
    limit on a fast CI machine."""
    import httpx

    from conftest import _stop, start_service

    service = start_service(built_dist, tmp_path / "service.log", timeout=0.001)
    try:
        for kind in ("json", "csv", "html"):
            response = httpx.get(f"{service.url}/queries/theme-overview", params={"format": kind}, timeout=30)
            assert response.status_code == 503, (kind, response.text)
            if kind != "html":  # the page shows the form again, with the reason
                assert "time limit" in response.text
    finally:
        _stop(service.process)
