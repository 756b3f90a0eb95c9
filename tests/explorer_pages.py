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


def check_folded(facet: str, shown: dict[str, int], want: dict[str, int], chosen: set[str]) -> None:
    """The values a facet shows, against what an independent count says it has (``want``: every value
    with items, and every chosen one): all of them when they are few; else the ``FACET_TOP`` with the
    most items and every chosen value, most first (the rule `web.explorer.facet_panel` documents)."""
    from acuerdos.web.explorer import FACET_MARGIN, FACET_TOP

    assert chosen <= shown.keys(), f"{facet}: a chosen value is out of sight"
    if len(want) <= FACET_TOP + FACET_MARGIN:
        assert shown == want, f"counts of {facet}: page {shown}, walk {want}"
        return
    assert {v: want.get(v) for v in shown} == shown, f"counts of {facet}: page {shown}, walk {want}"
    highest = sorted(want.values(), reverse=True)[:FACET_TOP]
    assert sorted(shown.values(), reverse=True)[:FACET_TOP] == highest, f"{facet}: not its top values"
    assert len(shown) <= FACET_TOP + len(chosen), f"{facet}: {len(shown)} values shown"
    assert list(shown.values()) == sorted(shown.values(), reverse=True), f"{facet}: not by count"
