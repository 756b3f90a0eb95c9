"""Paging through the explorers, and their phone layout, in a real headless Chromium.

Followed by their "Next" links, the pages of a view list every item of the view exactly once, in the
order of the view's JSON download (which has every item, whatever the page), and "Previous" walks
them back; the selection and the sort hold from page to page, and the facet counts stay those of
the whole view. On a phone (390 × 844) the page is a few screens long (it was 69,000 px: every
decision, then every facet), the results come first and the facets are folded under one "Filters"
line that says how many are active, and stay open for several ticks until "Apply". On a wide
screen the facets stay open beside the results."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from acuerdos.web.explorer import PAGE_SIZE
from explorer_pages import facet_counts, listed
from screens import DESKTOP, PHONE, shoot

VIEWS = [
    ("decisions", []),
    ("decisions", [("conference", "conference/csm"), ("kind", "acu:Agreement"), ("sort", "-due")]),
    ("meetings", [("sort", "place")]),
]
SCREENS = 10  # the most phone screens a page of the explorer may take


def _page_of(page) -> str:
    return page.locator("nav.pager .page-of").first.inner_text()


@pytest.mark.parametrize(("view", "selection"), VIEWS)
def test_the_pages_list_every_item_once_in_the_order_of_the_download(page, service_url, http, view, selection):
    body = http.get(f"/explore/{view}.json", params=[*selection, ("lang", "en")]).json()
    want = [row["decision" if view == "decisions" else "meeting"] for row in body["rows"]]
    assert body["count"] == len(want) > 2 * PAGE_SIZE, "three pages at least, else paging is not shown"
    pages_wanted = -(-len(want) // PAGE_SIZE)
    page.goto(service_url + f"/explore/{view}?" + urlencode([*selection, ("lang", "en")]))
    counts = facet_counts(page)
    ticked = [(k, v) for k, v in selection if k != "sort"]
    pages: list[list[str]] = []
    while True:
        pages.append(listed(page))
        assert _page_of(page) == f"Page {len(pages)} of {pages_wanted}"
        assert page.locator("nav.pager a[aria-current=page]").first.inner_text() == str(len(pages))
        assert set(selection) <= set(parse_qsl(urlsplit(page.url).query)), "the address keeps the selection"
        for facet, value in ticked:
            assert page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]').is_checked()
        assert page.locator("ul.chosen li").count() == (len(ticked) + 1 if ticked else 0)  # and "clear all"
        assert facet_counts(page) == counts, "the counts are those of the whole view, on every page"
        following = page.locator("nav.pager a[rel=next]")
        if not following.count():
            break
        with page.expect_navigation():
            following.first.click()
    assert [item for p in pages for item in p] == want
    assert [len(p) for p in pages[:-1]] == [PAGE_SIZE] * (pages_wanted - 1) and 0 < len(pages[-1]) <= PAGE_SIZE
    downloads = page.locator("p.formats a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert downloads and not any("page=" in d for d in downloads), "a download has every page"
    back: list[list[str]] = []
    while (previous := page.locator("nav.pager a[rel=prev]")).count():
        with page.expect_navigation():
            previous.first.click()
        back.append(listed(page))
    assert back == pages[-2::-1]
    assert "page=" not in page.url, "the first page is the view's own address"


def test_a_phone_shows_the_results_first_in_a_few_screens(page, service_url, screenshots):
    page.set_viewport_size(PHONE)
    for view in ("decisions", "meetings"):
        page.goto(f"{service_url}/explore/{view}?lang=en")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= SCREENS * PHONE["height"], f"{view}: {height} px, more than {SCREENS} screens"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{view}: the page scrolls sideways on a phone ({width} px)"
        first = page.locator("table.decisions tbody tr").first.bounding_box()
        assert first and first["y"] < PHONE["height"], f"{view}: the first result is below the first screen"
        assert not page.locator("details.filters").evaluate("d => d.open")
        assert page.locator("details.filters > summary").inner_text() == "Filters"
        assert not page.locator("fieldset.facet").first.is_visible()
    page.set_viewport_size(DESKTOP)
    shoot(page, screenshots, "explorer-meetings-page-1")


def test_on_a_phone_the_filters_unfold_and_apply_at_once(page, service_url, screenshots):
    page.set_viewport_size(PHONE)
    page.goto(f"{service_url}/explore/decisions?conference=conference/csm&year=2017&lang=es")
    summary = page.locator("details.filters > summary")
    assert " ".join(summary.inner_text().split()) == "Filtros 2 (filtros activos)"
    assert summary.locator(".badge").inner_text() == "2" == str(page.locator("ul.chosen li").count() - 1)
    summary.click()
    assert page.locator('fieldset[data-facet="kind"]').is_visible()
    before = page.url
    for facet, value in (("kind", "acu:Agreement"), ("role", "must-act")):
        page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]').check()
    assert page.url == before, "on a phone a tick does not reload the page (and fold the panel)"
    page.screenshot(path=str(screenshots / "explorer-filters-open-phone.png"), full_page=True)
    with page.expect_navigation():
        page.locator("form.facets button[type=submit]").click()
    query = set(parse_qsl(urlsplit(page.url).query))
    assert {
        ("conference", "conference/csm"),
        ("year", "2017"),
        ("kind", "acu:Agreement"),
        ("role", "must-act"),
    } <= query
    assert page.locator("details.filters > summary .badge").inner_text() == "4"
    page.set_viewport_size(DESKTOP)
    shoot(page, screenshots, "explorer-4-filters")


def test_a_wide_screen_keeps_the_facets_open_beside_the_results(page, service_url):
    page.goto(f"{service_url}/explore/decisions?lang=en")
    assert not page.locator("details.filters > summary").is_visible()
    facets = page.locator("form.facets").bounding_box()
    results = page.locator("section.results").bounding_box()
    assert facets and results and facets["x"] + facets["width"] <= results["x"], "the facets are beside the results"
    assert page.locator("#f-q").is_visible() and page.locator('fieldset[data-facet="year"]').is_visible()
    before = page.url
    with page.expect_navigation():  # here a tick applies at once
        page.locator('fieldset[data-facet="year"] input[value="2017"]').check()
    assert page.url != before and "year=2017" in page.url


@pytest.mark.parametrize("lang", ["en", "es"])
def test_on_a_wide_screen_every_column_of_every_page_is_in_sight(page, service_url, lang):
    """The table fits its column at the wide screen's width on every page of the decisions (a
    long word or a due date once pushed the follow-up column out of sight, behind a scroll bar)."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{service_url}/explore/decisions?lang={lang}")
    pages = int(_page_of(page).split()[-1])
    for number in range(1, pages + 1):
        page.goto(f"{service_url}/explore/decisions?lang={lang}&page={number}")
        wrap = page.locator(".table-wrap").first
        over = wrap.evaluate("w => w.scrollWidth - w.clientWidth")
        assert over <= 0, (lang, number, over)


def test_without_javascript_the_filters_fold_on_a_phone_and_stay_open_on_a_wide_screen(page, service_url):
    """forms.js is a convenience: with scripts off the wide page shows its facets (CSS opens the
    panel), the phone's panel opens by its own "Filters" line, and the pages are plain links."""
    page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.goto(f"{service_url}/explore/decisions?lang=en")
    assert not page.locator("details.filters").evaluate("d => d.open"), "forms.js did not run (it opens it here)"
    assert page.locator('fieldset[data-facet="year"]').is_visible()
    assert not page.locator("details.filters > summary").is_visible()
    page.set_viewport_size(PHONE)
    assert not page.locator('fieldset[data-facet="year"]').is_visible()
    page.locator("details.filters > summary").click()
    assert page.locator('fieldset[data-facet="year"]').is_visible()
    with page.expect_navigation():
        page.locator("nav.pager a[rel=next]").first.click()
    assert "page=2" in page.url and _page_of(page).startswith("Page 2 of")
    page.set_viewport_size(DESKTOP)
