"""No page refers to a script, style, font or image on another host: every page a visitor reaches
from the home page (and the views the tests open) is read, and so are the stylesheets it links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BROWSER = {"Accept": "text/html"}
START = [
    "/",
    "/explore/decisions?actor=state/MX",
    "/explore/meetings",
    "/sparql",
    "/charts",
    "/tracker",
    "/queries/decisions-by-theme",
    "/decision/2017-06-08-panama/agreement-13",
    "/meeting/2017-06-08-panama",
    "/state/MX",
    "/document/2017-06-08-final-act/text",
    "/ontology",
    "/schemes",
    "/shapes",
    "/dataset",
    "/search?q=trata",
]
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")


class References(HTMLParser):
    """What a page loads (scripts, styles, icons, fonts, images, frames) and where its links go."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("alternate", "canonical"):
            self.loads.append(a["href"])
        if tag == "object" and a.get("data"):
            self.loads.append(a["data"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if a.get("style"):
            self.styles.append(a["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def elsewhere(url: str, page: str) -> bool:
    target = urlsplit(urljoin("http://here" + page, url))
    return target.scheme not in ("data", "blob") and target.netloc != "here"


def test_no_page_loads_anything_from_another_host(http):
    seen: set[str] = set()
    todo = list(START)
    outside: dict[str, list[str]] = {}
    stylesheets: set[str] = set()
    while todo and len(seen) < 120:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = http.get(path, headers=BROWSER)
        if response.status_code != 200 or "html" not in response.headers.get("content-type", ""):
            continue
        refs = References()
        refs.feed(response.text)
        found = [u for u in refs.loads if elsewhere(u, path)]
        found += [u for style in refs.styles for m in CSS_URL.findall(style) for u in m if u and elsewhere(u, path)]
        if found:
            outside[path] = found
        stylesheets |= {urlsplit(urljoin("http://here" + path, u)).path for u in refs.loads if ".css" in u}
        # the site's own pages one click away from the start pages (not every resource of the graph)
        if path in START:
            todo += [
                h for h in refs.links if h.startswith("/") and not h.startswith("//") and h.split("?")[0] not in seen
            ]
    for sheet in sorted(stylesheets):
        css = http.get(sheet).text
        found = [u for m in CSS_URL.findall(css) for u in m if u and elsewhere(u, sheet)]
        if found:
            outside[sheet] = found
    assert len(seen) > 40, f"only {len(seen)} pages were read"
    assert not outside, outside
