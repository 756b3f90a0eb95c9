"""The SPARQL workbench at /sparql (YASGUI, served by the service) in headless Chromium: a named query
runs from its example tab and renders a table whose IRIs open here; the query is kept in the address;
a malformed query keeps its text and shows the error. Clients other than browsers: test_protocol.py."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

import pytest

from acuerdos.web.rendering import STATIC_DIR
from acuerdos.web.sparql_form import WORKBENCH_FILES
from screens import shoot

pytestmark = pytest.mark.skipif(
    not all((STATIC_DIR / name).is_file() for name in WORKBENCH_FILES),
    reason="YASGUI is not installed (make install copies it from node_modules; it needs npm)",
)


def local_only(page, service_url) -> None:
    outside = [url for url in page.requests if not url.startswith((service_url, "data:", "about:", "blob:"))]
    assert not outside, f"the page asked for something outside the service: {outside}"


def editor_text(page) -> str:
    return page.evaluate("document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()")


def run(page) -> None:
    with page.expect_response(lambda r: urlsplit(r.url).path == "/sparql" and r.request.method == "POST"):
        page.locator(".yasqe_queryButton:visible").click()


def test_a_named_query_runs_from_its_tab_and_its_iris_open_here(page, service_url, screenshots):
    page.goto(service_url + "/sparql")
    page.wait_for_selector(".yasgui .tabsList .tab")
    titles = page.locator(".yasgui .tabsList .tab a span:first-child").all_inner_texts()
    assert "Decisions that touch a theme" in titles and "Decisions" in titles
    assert len(titles) >= 19, "every named query is an example tab"
    page.locator(".yasgui .tabsList .tab a", has_text="Decisions that touch a theme").click()
    assert "# Decisions that touch a theme" in editor_text(page)
    run(page)
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for()
    assert rows.count() > 0
    link = page.locator(".yasr a.iri[href^='/decision/']").first
    link.wait_for()
    assert link.get_attribute("title").startswith("https://w3id.org/acuerdos/decision/")
    page.locator(".yasr .iri-label").first.wait_for()  # the label of the IRI beside it
    # the address keeps the query: opened again, the page runs it
    kept = unquote(urlsplit(page.url).fragment.removeprefix("query="))
    assert kept == editor_text(page)
    shoot(page, screenshots, "workbench-results")
    local_only(page, service_url)
    page.goto("about:blank")
    page.goto(f"{service_url}/sparql#query={quote(kept)}")
    page.locator(".yasr table tbody tr").first.wait_for()
    assert editor_text(page) == kept
    # a result's IRI opens its page on this host
    short = "PREFIX acu: <https://w3id.org/acuerdos/ontology#>\nSELECT ?d WHERE { ?d acu:adoptedAt ?m } LIMIT 3"
    page.goto("about:blank")
    page.goto(f"{service_url}/sparql#query={quote(short)}")
    with page.expect_navigation():
        page.locator(".yasr a.iri[href^='/decision/']").first.click()
    assert urlsplit(page.url).path.startswith("/decision/")
    assert page.locator("h1").count() == 1
