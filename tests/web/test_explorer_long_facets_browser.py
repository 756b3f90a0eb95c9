"""A long facet in a real headless Chromium: its top values, "Show all", the whole list filtered as
one types, a value ticked there (the facet stays whole), and back to the top values with the chosen
one still in sight; on a phone "Show all" comes back with the filters open at that facet, with or
without a script. Screenshots at desktop (1280 px) and phone (390 px) width (screens.py)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, urlsplit

import pytest

from acuerdos.web.explorer import FACET_TOP
from facet_walk import expected, walk
from screens import DESKTOP, PHONE, shoot


@pytest.fixture(scope="module")
def theme_counts(union_graph) -> dict[str, int]:
    counts = expected(walk(union_graph, dt.date.today()), {})[1]["theme"]
    return {v: n for v, n in counts.items() if v and n}


def values(page, facet: str) -> list[str]:
    """The values a facet lists that are in sight (the filter box hides some)."""
    return page.locator(f'fieldset[data-facet="{facet}"] li:visible input').evaluate_all("els => els.map(i => i.value)")


def test_show_all_filter_tick_and_back_to_the_top_values(page, service_url, theme_counts, screenshots):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{service_url}/explore/decisions?lang=en")
    theme = page.locator('fieldset[data-facet="theme"]')
    top = values(page, "theme")
    assert len(top) == FACET_TOP and set(top) <= theme_counts.keys()
    assert not theme.locator("input.type-ahead").is_visible(), "no filter box over a part of the list"
    shoot(page, screenshots, "explorer-long-facets-folded")
    with page.expect_navigation():
        theme.get_by_role("link", name=f"Show all {len(theme_counts)}").click()
    assert ("more", "theme") in parse_qsl(urlsplit(page.url).query) and page.url.endswith("#facet-theme")
    assert set(values(page, "theme")) == theme_counts.keys()
    assert theme.locator(".facet-group").count() > 1, "grouped by scheme, as before"
    # a rare theme, found by typing a word of its name in the filter box
    rare = min((v for v in theme_counts if v not in top), key=lambda v: (theme_counts[v], v))
    label = theme.locator(f'input[value="{rare}"] + .v').inner_text()
    word = max(label.split(), key=len)
    theme.locator("input.type-ahead").fill(word)
    listed = values(page, "theme")
    assert rare in listed and len(listed) < len(theme_counts)
    page.screenshot(path=str(screenshots / "explorer-long-facets-filtered-desktop.png"), full_page=True)
    with page.expect_navigation():  # a tick applies at once on a wide screen, the facet still whole
        theme.locator(f'input[value="{rare}"]').check()
    query = parse_qsl(urlsplit(page.url).query)
    assert ("theme", rare) in query and ("more", "theme") in query
    assert len(values(page, "theme")) > FACET_TOP and theme.locator(f'input[value="{rare}"]').is_checked()
    with page.expect_navigation():
        theme.get_by_role("link", name=f"Show only the top {FACET_TOP}").click()
    assert "more=" not in page.url
    shown = values(page, "theme")
    assert rare in shown and len(shown) == FACET_TOP + 1, "the chosen theme stays in sight"
    assert theme.locator(f'input[value="{rare}"]').is_checked()
    shoot(page, screenshots, "explorer-long-facets-chosen")


@pytest.mark.parametrize("script", [True, False])
def test_on_a_phone_show_all_comes_back_open_at_the_facet(page, service_url, script, screenshots):
    if not script:
        page.context.new_cdp_session(page).send("Emulation.setScriptExecutionDisabled", {"value": True})
    page.set_viewport_size(PHONE)
    page.goto(f"{service_url}/explore/decisions?lang=es")
    page.locator("details.filters > summary").click()
    actor = page.locator('fieldset[data-facet="actor"]')
    link = actor.locator(".facet-more a")
    assert link.inner_text().startswith("Mostrar los ")
    with page.expect_navigation():
        link.click()
    assert page.locator("details.filters").evaluate("d => d.open"), "the filters stay open after the reload"
    assert actor.is_visible() and len(values(page, "actor")) > FACET_TOP
    box = actor.bounding_box()
    assert box and -1 <= box["y"] < PHONE["height"] / 2, "the page comes back at the facet"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if script:
        page.screenshot(path=str(screenshots / "explorer-long-facets-all-phone.png"))
    page.set_viewport_size(DESKTOP)
