"""The server keeps named-query answers (web.answers): a repeated request is answered from memory,
byte for byte, without asking the store; another parameter, language or format is another answer;
the cache keeps no more bytes than the setting allows."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from acuerdos.settings import Settings
from acuerdos.site import Site
from acuerdos.store import LocalBackend
from acuerdos.web.answers import AnswerCache, Kept
from acuerdos.web.app import create_app

PATH = "/queries/decisions-by-theme"


class Counting(LocalBackend):
    def __init__(self, store: ox.Store, version: str) -> None:
        super().__init__(store, version)
        self.selects = 0

    def select(self, query: str, **kwargs):
        self.selects += 1
        return super().select(query, **kwargs)


def _client(built_dist, **settings) -> tuple[TestClient, Counting]:
    site = Site.open(Settings(dist=built_dist, **settings))
    store = ox.Store()
    store.bulk_load(path=str(built_dist / "acuerdos.nq"), format=ox.RdfFormat.N_QUADS)
    backend = Counting(store, site.version)
    return TestClient(create_app(site, backend=backend)), backend


@pytest.mark.parametrize("fmt", ["json", "csv", "srj"])
def test_a_repeated_answer_comes_from_the_cache(built_dist, fmt: str) -> None:
    client, backend = _client(built_dist)
    with client:
        first = client.get(PATH, params={"format": fmt})
        asked = backend.selects
        second = client.get(PATH, params={"format": fmt})
        assert backend.selects == asked, "the repeated request went to the store"
        assert second.status_code == first.status_code == 200
        assert second.content == first.content
        for header in ("content-type", "etag", "cache-control", "vary", "link"):
            assert second.headers.get(header) == first.headers.get(header), header
        client.get(PATH, params={"format": fmt, "lang": "es"})
        assert backend.selects > asked, "another language was answered from the cache"
        asked = backend.selects
        client.get(PATH, params={"format": fmt, "theme": "theme/gcm-objective/10"})
        assert backend.selects > asked, "another parameter was answered from the cache"


def test_no_cache_when_the_setting_is_zero(built_dist) -> None:
    client, backend = _client(built_dist, answer_cache_mb=0)
    with client:
        client.get(PATH, params={"format": "json"})
        asked = backend.selects
        client.get(PATH, params={"format": "json"})
        assert backend.selects > asked


def test_the_cache_keeps_at_most_its_capacity() -> None:
    cache = AnswerCache(1000)
    for n in range(20):
        cache.put((str(n), ""), Kept(b"x" * 200, "text/plain", ()))
    assert cache.size <= 1000 and cache.get(("19", "")) is not None and cache.get(("0", "")) is None
    cache.put(("big", ""), Kept(b"x" * 600, "text/plain", ()))  # more than a quarter: not kept
    assert cache.get(("big", "")) is None


def test_a_kept_answer_names_the_host_it_was_asked_at(built_dist) -> None:
    """The answer's links are absolute: asked through another host name, it is another answer."""
    client, backend = _client(built_dist)
    with client:
        for host in ("a.example", "b.example", "a.example"):
            body = client.get(PATH, params={"format": "json"}, headers={"host": host}).json()
            assert body["self"].startswith(f"http://{host}/"), (host, body["self"])
        assert backend.selects > 0


def test_a_kept_answer_is_304_to_a_client_that_has_it(built_dist) -> None:
    client, backend = _client(built_dist)
    with client:
        first = client.get(PATH, params={"format": "csv"})
        asked = backend.selects
        again = client.get(PATH, params={"format": "csv"}, headers={"if-none-match": first.headers["etag"]})
        assert again.status_code == 304 and again.content == b"" and backend.selects == asked
        assert again.headers["etag"] == first.headers["etag"]
        assert client.get(PATH, params={"format": "csv"}, headers={"if-none-match": '"other"'}).status_code == 200


def test_the_language_cookie_is_part_of_the_key(built_dist) -> None:
    client, _ = _client(built_dist)
    with client:
        english = client.get(PATH, params={"format": "json"}).json()
        client.cookies.set("lang", "es")
        spanish = client.get(PATH, params={"format": "json"}).json()
        assert (english["lang"], spanish["lang"]) == ("en", "es")
