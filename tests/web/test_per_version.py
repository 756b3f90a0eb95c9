"""What the site reads from the whole graph once per data version (the explorers' collections, the
search index, the sitemap): computed once however many requests ask for it at the same time,
computed again when the data version changes, and computed in advance by `acuerdos serve`, so that
at a million triples the first visitor of an explorer does not wait for it."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

from acuerdos.project import Release
from acuerdos.settings import Settings
from acuerdos.site import Site
from acuerdos.store import LocalBackend
from acuerdos.store.embedded import EmbeddedEngine
from acuerdos.web.app import create_app, kept_values, warm
from acuerdos.web.deps import PerVersion
from conftest import _stop, start_service

WAIT = 120.0  # seconds a test waits for the service's own log, at most
PAGES = (  # each reads one of the values kept per data version
    "/explore/decisions",
    "/explore/meetings",
    "/search?q=migrantes",
    "/sitemap.xml",
    "/dataset",
    "/charts/coverage/gcm-objectives?by=year",
    "/charts/coverage/regional-themes.csv",
    "/charts/co-occurrence/gcm-principles",
    "/charts/timeline",
    "/theme/gcm-objective/10",
    "/tracker",
)


def test_requests_arriving_together_wait_for_one_computation() -> None:
    started, finish = threading.Event(), threading.Event()
    calls: list[str] = []

    def compute(backend: LocalBackend, _site: Site) -> list[str]:
        calls.append(backend.version)
        started.set()
        finish.wait(30)
        return [backend.version]

    kept: PerVersion[list[str]] = PerVersion("a test value", compute)
    backend = LocalBackend(ox.Store(), version="v1")
    answers: list[list[str]] = []
    threads = [threading.Thread(target=lambda: answers.append(kept.get(backend, None))) for _ in range(6)]  # type: ignore[arg-type]
    for thread in threads:
        thread.start()
    assert started.wait(30)
    finish.set()
    for thread in threads:
        thread.join(30)
    assert calls == ["v1"]
    assert answers == [["v1"]] * 6
    assert all(answer is answers[0] for answer in answers)  # the same object: kept, not recomputed


def test_a_new_data_version_is_computed_again() -> None:
    calls: list[str] = []

    def compute(backend: LocalBackend, _site: Site) -> str:
        calls.append(backend.version)
        return backend.version

    kept: PerVersion[str] = PerVersion("a test value", compute)
    first, second = LocalBackend(ox.Store(), version="v1"), LocalBackend(ox.Store(), version="v2")
    answers = [kept.get(b, None) for b in (first, first, second, second)]  # type: ignore[arg-type]
    assert answers == ["v1", "v1", "v2", "v2"]
    assert calls == ["v1", "v2"]


def test_every_value_kept_per_version_is_computed_in_advance(built_dist: Path, monkeypatch) -> None:
    """Every PerVersion the app makes is among kept_values, which warm computes at start (one made
    and not listed would be computed by its first visitor, at a million triples after seconds)."""
    made: list[PerVersion] = []
    make = PerVersion.__init__

    def recorded(self: PerVersion, *args: object, **kwargs: object) -> None:
        make(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(PerVersion, "__init__", recorded)
    app = create_app(Site.open(Settings(dist=built_dist)))
    assert len(made) > 5
    assert {id(v) for v in made} == {id(v) for v in kept_values(app)}


def test_a_value_that_fails_is_left_to_its_visitor_and_the_rest_is_computed(built_dist: Path) -> None:
    """At 5M triples the sitemap's query ran over the time limit, and warm stopped there: what came
    after it (the description, the tracker, the charts, the choice lists) was left to its visitors."""
    site = Site.open(Settings(dist=built_dist))
    app = create_app(site, LocalBackend(EmbeddedEngine.from_dump(str(Release(built_dist).nquads)).store))
    computed: list[str] = []

    def failing(_backend: LocalBackend, _site: Site) -> str:
        raise RuntimeError("the query ran longer than the time limit")

    def counted(name: str) -> PerVersion[str]:
        return PerVersion(name, lambda _backend, _site: computed.append(name) or name)

    app.state.kept = {"first": counted("first"), "failing": PerVersion("failing", failing), "last": counted("last")}
    warm(app)
    assert computed == ["first", "last"]
    assert app.state.warm == "incomplete"


def _computed(log: Path) -> list[str]:
    return re.findall(r"acuerdos\.web: (.+) computed for data version", log.read_text(errors="replace"))


def test_the_service_computes_what_pages_read_from_the_whole_graph_before_anyone_asks(
    built_dist: Path, tmp_path: Path
) -> None:
    names = sorted(kept.name for kept in kept_values(create_app(Site.open(Settings(dist=built_dist)))))
    log = tmp_path / "service.log"
    service = start_service(built_dist, log, "--log-level", "info")
    try:
        deadline = time.monotonic() + WAIT
        warm = [httpx.get(service.url + "/status", timeout=10).json()["warm"]]
        while warm[-1] == "computing" and time.monotonic() < deadline:
            time.sleep(0.2)
            warm.append(httpx.get(service.url + "/status", timeout=10).json()["warm"])
        assert warm[-1] == "done" and set(warm) <= {"computing", "done"}, warm
        while sorted(_computed(log)) != names and time.monotonic() < deadline:
            time.sleep(0.2)
        assert sorted(_computed(log)) == names, log.read_text(errors="replace")[-3000:]
        headers = [p.read_text(encoding="utf-8") for p in (built_dist / "queries").glob("*.rq")]
        options = sum(len(re.findall(r"^#\+ +options: ", text, re.M)) for text in headers)  # parameters with choices
        tasks = len(names) + 2 * options  # the values kept per version, and each choice list in en and es
        assert re.search(rf"computed in advance: {tasks} of {tasks} in", log.read_text())
        for path in PAGES:
            assert httpx.get(service.url + path, timeout=60).status_code == 200, path
        assert sorted(_computed(log)) == names  # what the pages showed was what was computed in advance
    finally:
        _stop(service.process)
