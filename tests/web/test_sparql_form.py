"""The plain SPARQL query form at /sparql (what a browser without the workbench's scripts gets), in a
real headless browser, and the absence of /docs and /redoc. The workbench itself: test_workbench_browser.py."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from acuerdos.rdf.formats import GRAPH_FORMATS, RESULT_FORMATS
from conftest import TEST_TIMEOUT

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def local_only(page, service_url) -> None:
    outside = [url for url in page.requests if not url.startswith((service_url, "data:", "about:"))]
    assert not outside, f"the page asked for something outside the service: {outside}"


def without_scripts(page) -> None:
    """The page as a browser without JavaScript shows it: the workbench's scripts never arrive."""
    page.route("**/*.js", lambda route: route.abort())


def no_docs_links(page) -> None:
    hrefs = [a.get_attribute("href") or "" for a in page.locator("a[href]").all()]
    assert not [h for h in hrefs if urlsplit(h).path.rstrip("/") in ("/docs", "/redoc")], hrefs


def test_form_page(page, service_url, tmp_path):
    without_scripts(page)
    response = page.goto(service_url + "/sparql")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    assert page.locator("h1").inner_text() == "SPARQL endpoint"
    assert page.locator("header.site nav a[href='/sparql']").count() == 1  # the site's base template
    # the form: a prefilled query with the acu: prefix, every format of the endpoint, GET to /sparql
    form = page.locator("form.sparql")
    assert form.get_attribute("method") == "get" and form.get_attribute("action") == "/sparql"
    query = page.locator("textarea#sparql-query").input_value()
    assert "PREFIX acu: <https://w3id.org/acuerdos/ontology#>" in query and "acu:" in query.split("SELECT", 1)[1]
    assert (
        page.locator("label[for=sparql-query]").count() == 1 and page.locator("label[for=sparql-format]").count() == 1
    )
    values = [o.get_attribute("value") for o in page.locator("#sparql-format option").all()]
    assert values == [f.names[0] for f in RESULT_FORMATS + GRAPH_FORMATS]
    assert page.locator("#sparql-format").input_value() == "json"
    # the explanation: read-only, time limit, result cap, clients; links on
    main = page.locator("main").inner_text()
    for words in ("read-only", f"at most {TEST_TIMEOUT:g} seconds", "capped at 10000", "SPARQLWrapper", "curl"):
        assert words in main, words
    assert page.locator("main a[href='/queries?lang=en']").count() == 1
    assert page.locator("main a[href='/ontology?lang=en']").count() == 1
    scripts = [s.get_attribute("src") for s in page.locator("script[src]").all()]
    assert all(src.startswith("/static/") for src in scripts), scripts  # the workbench's, from this service
    no_docs_links(page)
    local_only(page, service_url)
    page.screenshot(path=str(tmp_path / "sparql-form.png"), full_page=True)


def test_submitting_the_form_shows_the_results(page, service_url):
    without_scripts(page)
    page.goto(service_url + "/sparql")
    page.locator("form.sparql button[type=submit]").click()
    page.wait_for_load_state()
    url = urlsplit(page.url)
    assert url.path == "/sparql"
    params = parse_qs(url.query)
    assert params["format"] == ["json"] and "acu:adoptedAt" in params["query"][0]
    answer = json.loads(page.locator("body").inner_text())
    rows = answer["results"]["bindings"]
    assert len(rows) > 0
    assert rows[0]["decision"]["value"].startswith("https://w3id.org/acuerdos/decision/")
    assert rows[0]["label"]["xml:lang"] == "en"
    local_only(page, service_url)


def test_a_construct_query_in_turtle(page, service_url):
    without_scripts(page)
    page.goto(service_url + "/sparql")
    page.locator("textarea#sparql-query").fill(
        "PREFIX acu: <https://w3id.org/acuerdos/ontology#>\n"
        "CONSTRUCT { ?d acu:adoptedAt ?m } WHERE { ?d acu:adoptedAt ?m } LIMIT 5"
    )
    page.locator("#sparql-format").select_option("turtle")
    page.locator("form.sparql button[type=submit]").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)["format"] == ["turtle"]
    assert "adoptedAt" in page.locator("body").inner_text()


def test_the_form_in_spanish_and_from_the_header(page, service_url):
    without_scripts(page)
    page.goto(service_url + "/")
    no_docs_links(page)
    page.locator("header.site nav a", has_text="SPARQL").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/sparql"
    assert page.locator("form.sparql").count() == 1
    page.locator(".langs a[hreflang=es]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Punto de acceso SPARQL"
    assert 'FILTER(lang(?label) = "es")' in page.locator("textarea#sparql-query").input_value()
    assert page.locator("main a[href='/queries?lang=es']").count() == 1
    local_only(page, service_url)


def test_home_links_the_form(http):
    home = http.get("/", headers={"Accept": BROWSER}).text
    assert '<a href="/sparql">' in home
    assert "/docs" not in home and "/redoc" not in home
    assert http.get("/sparql", headers={"Accept": BROWSER}).status_code == 200


def test_no_docs_or_redoc_but_openapi(http):
    assert http.get("/docs", headers={"Accept": BROWSER}).status_code == 404
    assert http.get("/redoc", headers={"Accept": BROWSER}).status_code == 404
    spec = http.get("/openapi.json").json()
    assert {"get", "post"} <= set(spec["paths"]["/sparql"])
