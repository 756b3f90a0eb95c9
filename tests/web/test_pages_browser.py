"""The pages in a real headless browser (Debian's chromium, driven by playwright)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

BASE = "https://w3id.org/acuerdos/"


def local_only(page, service_url) -> None:
    outside = [url for url in page.requests if not url.startswith((service_url, "data:", "about:"))]
    assert not outside, f"the page asked for something outside the service: {outside}"


def check_accessible_basics(page) -> None:
    assert page.locator("html").get_attribute("lang") in ("en", "es")
    assert page.locator("h1").count() == 1
    for control in page.locator("main input:not([type=hidden]), main select").all():
        ident = control.get_attribute("id")
        labelled = control.get_attribute("aria-label") or (ident and page.locator(f'label[for="{ident}"]').count())
        assert labelled, f"unlabelled form control {control.get_attribute('name')}"
    assert page.locator("img:not([alt])").count() == 0


def test_home_page(page, service_url, http, tmp_path):
    response = page.goto(service_url + "/")
    assert response.status == 200
    assert "linked to the Global Compact" in page.locator("h1").inner_text()
    for href in ("/sparql", "/queries?lang=en", "/ontology?lang=en", "/dataset?lang=en"):
        assert page.locator(f'main a[href="{href}"]').count() >= 1, href
    check_accessible_basics(page)
    local_only(page, service_url)
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
    # every link of the page leads somewhere
    hrefs = {a.get_attribute("href") for a in page.locator("a[href^='/']").all()}
    broken = [h for h in sorted(hrefs) if http.get(h, headers={"Accept": "text/html"}).status_code >= 400]
    assert not broken, broken


def test_example_question_leads_to_its_answer(page, service_url):
    page.goto(service_url + "/")
    page.locator("#h-questions ~ ul.questions a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path.startswith("/queries/")
    assert page.locator("table tbody tr").count() > 0
    assert page.locator("form.params").count() == 1
    assert "cite" in page.locator(".cite").inner_text().lower()
    local_only(page, service_url)


def test_decision_page_and_its_quote_in_context(page, service_url, tmp_path):
    response = page.goto(service_url + "/decision/2017-06-08-panama/agreement-13")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Agreement 13 of the CRM-CSM working meeting of 8 June 2017"
    assert "Acuerdo 13 de la reunión de trabajo" in page.locator(".other-lang").first.inner_text()
    assert page.locator("blockquote.quote").first.is_visible()
    assert page.locator("a.badge", has_text="Agreement").count() == 1
    check_accessible_basics(page)
    local_only(page, service_url)
    page.screenshot(path=str(tmp_path / "decision.png"), full_page=True)
    page.get_by_role("link", name="read in context").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/document/2017-06-08-final-act/text"
    selected = page.locator("mark.q.selected")
    assert selected.count() >= 1
    # the quote may be cut into several marks where other quotes overlap it: read them as one text
    assert "La CRM invitará a la CSM" in " ".join("".join(selected.all_inner_texts()).split())
    box = selected.first.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the quote is scrolled into view"
    local_only(page, service_url)


def test_spanish_by_the_language_switch(page, service_url):
    page.goto(service_url + "/meeting/2017-06-08-panama")
    page.locator(".langs a[hreflang=es]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text().startswith("Reunión de trabajo CRM-CSM")
    assert page.locator("h2", has_text="Referido por").count() == 1


def test_query_form_drop_down_and_pagination(page, service_url):
    page.goto(service_url + "/queries/decisions-by-theme")
    select = page.locator("#p-theme")
    assert select.locator("option").count() > 50
    select.select_option(BASE + "theme/gcm-objective/10")
    page.locator("form.params button[type=submit]").click()
    page.wait_for_load_state()
    query = parse_qs(urlsplit(page.url).query)
    assert query["theme"] == [BASE + "theme/gcm-objective/10"]
    rows = page.locator("table tbody tr")
    assert rows.count() > 0
    first_link = rows.first.locator("a").first
    assert first_link.get_attribute("href").startswith("/decision/")
    check_accessible_basics(page)
    # pagination with stable links
    page.goto(service_url + "/queries/actors?limit=25")
    first_page = page.locator("table tbody tr").first.inner_text()
    page.locator("a[rel=next]").first.click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)["offset"] == ["25"]
    assert page.locator("table tbody tr").first.inner_text() != first_page
    page.locator("a[rel=prev]").first.click()
    page.wait_for_load_state()
    assert page.locator("table tbody tr").first.inner_text() == first_page
    local_only(page, service_url)


def test_bad_parameter_shows_the_form_with_a_message(page, service_url):
    response = page.goto(service_url + "/queries/decisions-by-theme?theme=not%20an%20iri")
    assert response.status == 400
    assert page.locator("[role=alert]").is_visible()
    assert page.locator("form.params").is_visible()


def test_not_found_page_helps(page, service_url):
    response = page.goto(service_url + "/meeting/2017-06-08-panamaa")
    assert response.status == 404
    page.locator("main input[type=search]").fill("Panamá")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/search"
    assert page.locator('main a[href="/meeting/2017-06-08-panama"]').count() >= 1
    page.goto(service_url + "/nothing/here")
    page.get_by_role("link", name="Home page").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/"


def test_ontology_anchor_lands_on_its_entry(page, service_url):
    page.goto(service_url + "/ontology#Agreement")
    entry = page.locator("#Agreement")
    assert entry.is_visible()
    box = entry.bounding_box()
    assert box is not None and 0 <= box["y"] < 300
    assert "Acuerdo" in entry.inner_text() and "Agreement" in entry.inner_text()
    check_accessible_basics(page)
    local_only(page, service_url)


@pytest.mark.parametrize(
    "path",
    [
        "/queries",
        "/schemes",
        "/scheme/regional-themes",
        "/shapes",
        "/dataset",
        "/conference/crm",
        "/theme/gcm-objective/10",
        "/search?q=trata",
    ],
)
def test_other_pages_render(page, service_url, path):
    response = page.goto(service_url + path)
    assert response.status == 200
    check_accessible_basics(page)
    local_only(page, service_url)
