"""Fixtures for the web tests: an HTTP client on the real service (`service_url`, started as
`make run` starts it), the data as Python reads it, and a real headless browser (Debian's
chromium driven by playwright; skipped, saying why, only when /usr/bin/chromium is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

from screens import screenshots  # noqa: F401 (the fixture: where the page tests write their screenshots)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BASE = "https://w3id.org/acuerdos/"


@pytest.fixture(scope="session")
def http(service_url):
    """An httpx client whose relative URLs go to the service; redirects are not followed, cookies not kept."""
    with httpx.Client(base_url=service_url, timeout=30, follow_redirects=False) as client:
        # no cookie outlives its answer: a page asked for with lang=es sets the language cookie, and
        # the tests after it would get Spanish
        client.event_hooks["response"] = [lambda response: client.cookies.clear()]
        yield client


@pytest.fixture(scope="session")
def manifest(built_dist) -> dict:
    return json.loads((built_dist / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def data_version(http) -> str:
    return http.get("/health").json()["version"]


@pytest.fixture(scope="session")
def union_graph(built_dist) -> Graph:
    graph = Graph()
    graph.parse(built_dist / "acuerdos.nt", format="nt")
    return graph


def parse(text: str, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """A headless chromium with a fresh profile; every request a page makes is recorded."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make test installs Debian's chromium as root)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")  # pytest removes old ones, unlike mkdtemp
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
            locale="en-GB",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context, service_url):
    """A new tab; `page.requests` lists every URL it asked for (to check that nothing leaves the host)."""
    tab = browser_context.new_page()
    tab.requests = []  # type: ignore[attr-defined]
    tab.on("request", lambda request: tab.requests.append(request.url))  # type: ignore[attr-defined]
    yield tab
    tab.close()
    browser_context.clear_cookies()  # a language chosen in one test does not carry into the next
