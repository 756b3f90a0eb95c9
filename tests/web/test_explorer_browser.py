"""The decisions explorer in a real headless Chromium: ticking facets changes the list and every
count to what an independent walk of the data says (tests/facet_walk.py), a long facet showing its
top values; the list is read across all its pages, each followed by its "Next" link. Screenshots at
desktop and phone width: see screens.py. Paging and the phone layout: test_explorer_paging_browser.py."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from explorer_pages import check_folded, every_page, facet_counts
from facet_walk import BASE, GROUPS, MEETING_GROUPS, expected, walk, walk_meetings
from screens import shoot


@pytest.fixture(scope="module")
def walked(union_graph):
    return walk(union_graph, dt.date.today())


def shown(page) -> tuple[set[str], dict[str, dict[str, int]], str]:
    """The items every page of the view lists (each once), the count beside every facet value (the
    same on every page), and the heading."""
    counts = facet_counts(page)
    heading = page.locator("#h-results").inner_text()
    pages = every_page(page)
    items = [i for p in pages for i in p]
    assert len(items) == len(set(items)), "an item on two pages"
    assert facet_counts(page) == counts and page.locator("#h-results").inner_text() == heading
    return set(items), counts, heading


def check_against_walk(page, walked, chosen: dict[str, set[str]], groups: dict = GROUPS) -> None:
    decisions, counts, heading = shown(page)
    kept, wanted = expected(walked, chosen, groups)
    assert decisions == kept, f"listed but not expected: {decisions - kept}; expected, not listed: {kept - decisions}"
    assert heading.startswith(f"{len(kept)} of {len(walked)}")
    for facet, counter in wanted.items():
        want = {value: n for value, n in counter.items() if value and n}
        want.update({value: counter[value] for value in chosen.get(facet, ())})
        check_folded(facet, counts[facet], want, chosen.get(facet, set()))


def tick(page, facet: str, value: str) -> None:
    with page.expect_navigation():
        page.locator(f'fieldset[data-facet="{facet}"] input[value="{value}"]').check()


def test_ticking_facets_narrows_the_list_and_the_counts(page, service_url, http, walked, screenshots):
    page.goto(service_url + "/explore/decisions?lang=en")
    check_against_walk(page, walked, {})
    shoot(page, screenshots, "explorer")

    chosen: dict[str, set[str]] = {}
    steps = [
        ("conference", "conference/csm"),
        ("year", "2017"),
        ("theme", "theme/gcm-objective/23"),
        ("status", "none"),
        ("role", "must-act"),
    ]
    for facet, value in steps:
        tick(page, facet, value)
        chosen.setdefault(facet, set()).add(value)
        check_against_walk(page, walked, chosen)
        # the URL holds the selection
        query = parse_qsl(urlsplit(page.url).query)
        assert {(f, v) for f, vs in chosen.items() for v in vs} <= set(query)
    shoot(page, screenshots, "explorer-5-facets")

    # a second value of the same facet widens (values of one facet are alternatives)
    tick(page, "year", "2022")
    chosen["year"].add("2022")
    check_against_walk(page, walked, chosen)

    # the address alone gives the same view (shareable), rendered by the server: no script needed
    address = [(k, v) for k, v in parse_qsl(urlsplit(page.url).query) if k != "page"]  # its first page
    html = http.get("/explore/decisions", params=address).text
    served = {BASE + h for h in re.findall(r'<td class="link"[^>]*><a href="/([^"?]+)', html)}
    assert served == expected(walked, chosen)[0]


def test_actor_and_role_are_one_choice(page, service_url, walked):
    """ "Mexico must act" is one statement of a decision, not Mexico addressed while someone else acts."""
    page.goto(service_url + "/explore/decisions?actor=state/MX&role=must-act")
    check_against_walk(page, walked, {"actor": {"state/MX"}, "role": {"must-act"}})
    page.goto(service_url + "/explore/decisions?actor=state/MX&role=addressed&basis=kind/basis/named-in-text")
    check_against_walk(
        page, walked, {"actor": {"state/MX"}, "role": {"addressed"}, "basis": {"kind/basis/named-in-text"}}
    )


def test_text_search_and_sorting(page, service_url, walked):
    page.goto(service_url + "/explore/decisions?lang=en")
    page.fill("#f-q", "trata")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.decisions tbody tr")
    assert 0 < rows.count() < len(walked)
    for text in page.locator("table.decisions tbody td.wide").all_inner_texts()[:3]:
        assert text
    with page.expect_navigation():
        page.locator("thead th a", has_text="Due").click()
    dues = [d for d in page.locator("table.decisions tbody td:nth-child(6) .nowrap").all_inner_texts() if d]
    assert dues == sorted(dues)
    with page.expect_navigation():
        page.locator("thead th a", has_text="Due").click()
    assert "sort=-due" in page.url
    dues = [d for d in page.locator("table.decisions tbody td:nth-child(6) .nowrap").all_inner_texts() if d]
    assert dues == sorted(dues, reverse=True)


def test_meetings_narrow_and_count_as_the_walk_says(page, service_url, union_graph, screenshots):
    walked = walk_meetings(union_graph)
    page.goto(service_url + "/explore/meetings?lang=en")
    check_against_walk(page, walked, {}, MEETING_GROUPS)
    chosen: dict[str, set[str]] = {}
    for facet, value in [("conference", "conference/csm"), ("recorded", "recorded"), ("participant", None)]:
        if value is None:  # the participant most of the meetings kept so far had
            value = expected(walked, chosen, MEETING_GROUPS)[1][facet].most_common(1)[0][0]
        tick(page, facet, value)
        chosen.setdefault(facet, set()).add(value)
        check_against_walk(page, walked, chosen, MEETING_GROUPS)
    shoot(page, screenshots, "explorer-meetings")
    # a meeting's decisions open in the decisions explorer
    page.goto(service_url + "/explore/meetings?recorded=recorded&sort=-decisions&lang=en")
    with page.expect_navigation():
        page.locator("table.meetings td.num a").first.click()
    assert urlsplit(page.url).path == "/explore/decisions" and "meeting=" in page.url
