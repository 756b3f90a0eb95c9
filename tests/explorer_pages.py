"""What an explorer's page shows, read in a browser (playwright): its items, its facet counts, all its pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from facet_walk import BASE


def listed(page) -> list[str]:
    """The IRIs of the items the page shows, in its order."""
    hrefs = page.locator("table.decisions tbody td.link a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    return [BASE + urlsplit(h).path.lstrip("/") for h in hrefs]


def every_page(page) -> list[list[str]]:
    """The items of each page, from the one shown to the last, each reached by its "Next" link."""
    pages = [listed(page)]
    while (following := page.locator("nav.pager a[rel=next]")).count():
        with page.expect_navigation():
            following.first.click()
        pages.append(listed(page))
    return pages


def facet_counts(page) -> dict[str, dict[str, int]]:
    """The count beside every value of every facet, by the value as the URL writes it."""
    counts: dict[str, dict[str, int]] = {}
    for facet in page.locator("fieldset.facet").all():
        name = facet.get_attribute("data-facet")
        values = facet.locator("li").evaluate_all(
            "els => els.map(li => [li.querySelector('input').value, li.querySelector('.count').textContent])"
        )
        counts[name] = {value: int(count) for value, count in values}
    return counts
