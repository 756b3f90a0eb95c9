"""A question's page as a visitor fills it in (headless Chromium): columns and parameters by their
human names in the language chosen, booleans as check boxes, long lists of choices in groups with a
box that filters them, a wrong value kept with the closest choices offered, errors in the language
asked for (pages and the JSON API)."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from screens import shoot


def test_columns_and_parameters_by_their_names(page, service_url):
    page.goto(service_url + "/queries/decisions-by-theme?lang=es")
    headers = page.locator("main table thead th")
    assert "Decisión" in headers.all_inner_texts() and "Reunión" in headers.all_inner_texts()
    assert headers.first.get_attribute("title") == "?decision"
    assert page.locator("label[for=p-theme]").inner_text().startswith("Tema")
    page.goto(service_url + "/queries/decisions-by-theme?lang=en")
    assert "Decision" in page.locator("main table thead th").all_inner_texts()


def test_a_boolean_is_a_check_box(page, service_url):
    page.goto(service_url + "/queries/actor-obligations?actor=state/MX&lang=en")
    box = page.locator("input[type=checkbox]#p-include_bodies")
    assert not box.is_checked()
    before = page.locator("main table tbody tr").count()
    box.check()
    with page.expect_navigation():
        page.locator("form.params button[type=submit]").click()
    assert ("include_bodies", "true") in parse_qsl(urlsplit(page.url).query)
    assert page.locator("input#p-include_bodies").is_checked()
    assert page.locator("main table tbody tr").count() > before, "through its bodies, Mexico has more to do"
    # a box whose default is ticked can be unticked
    page.goto(service_url + "/queries/bi-regional-decisions?lang=en")
    box = page.locator("input#p-joint_meetings")
    assert box.is_checked()
    box.uncheck()
    with page.expect_navigation():
        page.locator("form.params button[type=submit]").click()
    assert dict(parse_qsl(urlsplit(page.url).query))["joint_meetings"] == "false"
    assert not page.locator("input#p-joint_meetings").is_checked()


def test_a_long_list_is_grouped_and_filters_as_one_types(page, service_url):
    page.goto(service_url + "/queries/actor-obligations?lang=es")
    groups = page.locator("#p-actor optgroup").evaluate_all("els => els.map(g => g.label)")
    assert len(groups) >= 3 and "Estado" in groups, groups
    page.locator("input.type-ahead[data-select=p-actor]").fill("mexi")
    shown = page.locator("#p-actor option").evaluate_all("els => els.filter(o => !o.hidden).map(o => o.textContent)")
    assert "México" in shown and len(shown) <= 3, shown


def test_a_wrong_value_is_kept_and_what_was_meant_is_offered(page, service_url, screenshots):
    response = page.goto(service_url + "/queries/actor-obligations?actor=Mexco&lang=es")
    assert response.status == 400
    shoot(page, screenshots, "question-wrong-value")
    assert "no es un" in page.locator(".notice").inner_text()
    assert page.locator("#p-actor option:checked").inner_text() == "Mexco"
    with page.expect_navigation():
        page.locator(".did-you-mean a", has_text="México").click()
    assert page.locator("main table tbody tr").count() > 0
    shoot(page, screenshots, "question-answer")


def test_the_api_answers_errors_in_the_language_asked(http):
    spanish = http.get("/queries/decisions-by-deadline.json", params={"from": "2017-13-01", "lang": "es"})
    assert spanish.status_code == 400
    assert "no es una fecha" in spanish.json()["error"] and "«Desde» (from)" in spanish.json()["error"]
    english = http.get("/queries/decisions-by-deadline.json", params={"from": "2017-13-01", "lang": "en"})
    assert "not a date" in english.json()["error"]
