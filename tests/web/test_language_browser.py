"""The language a visitor chooses holds: a cookie keeps it, and the links carry it (headless Chromium)."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from screens import shoot


def test_spanish_survives_five_clicks(page, service_url, screenshots):
    page.goto(service_url + "/")
    assert page.locator("html").get_attribute("lang") == "en"  # the browser asks for en-GB
    with page.expect_navigation():
        page.locator(".langs a[hreflang=es]").click()
    assert page.locator("html").get_attribute("lang") == "es"
    clicks = [
        ("header nav a", "Explorar"),  # the explorer
        ("table.decisions td.link a", None),  # a decision (its link carries no lang)
        ("main a[href^='/meeting/']", None),  # its meeting
        ("header nav a", "Temas"),  # the theme schemes
        ("header a.brand", None),  # home
    ]
    for selector, text in clicks:
        link = page.locator(selector, has_text=text) if text else page.locator(selector)
        with page.expect_navigation():
            link.first.click()
        path = urlsplit(page.url).path
        assert page.locator("html").get_attribute("lang") == "es", f"English again at {path}"
        assert page.locator(".langs a[aria-current]").get_attribute("hreflang") == "es"
        if path.startswith("/meeting/"):
            shoot(page, screenshots, "meeting-decisions")
    # a link that says lang=en switches back, and that choice holds too
    with page.expect_navigation():
        page.locator(".langs a[hreflang=en]").click()
    page.goto(service_url + "/explore/decisions")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_cookie_does_not_override_an_explicit_language(service_url):
    with httpx.Client(base_url=service_url) as client:  # its own cookie jar, not the shared client's
        response = client.get("/explore/decisions", params={"lang": "es"})
        assert response.cookies.get("lang") == "es"
        assert "Cookie" in response.headers["vary"]
        following = client.get("/queries", headers={"Accept": "text/html"})
        assert '<html lang="es">' in following.text, "the cookie holds on the next page"
        english = client.get("/explore/decisions", params={"lang": "en"})
        assert '<html lang="en">' in english.text
        assert '<html lang="en">' in client.get("/").text, "and the new choice replaces it"
