"""Fixtures shared by every test folder (all session-scoped, started once, stopped at the end).

- `built_dist`: a folder with the real data built into it (`acuerdos.cli.build.build_release`: acuerdos.nq,
  .trig, .ttl, .nt, .jsonld, manifest.json) — what `acuerdos build` writes to dist/.
- `service_url`: the service as `make run` starts it (`python -m acuerdos.cli serve`, a real
  process with real HTTP) over `built_dist`, on 127.0.0.1 and a free port; the URL has no
  trailing slash (`f"{service_url}/sparql"`). Time limit 3 s, 2 query workers, other settings at
  their defaults (result limit 10000).
- `oxigraph_url`: the SPARQL *query* URL (`http://127.0.0.1:PORT/query`) of a real Oxigraph server
  (`oxigraph serve --union-default-graph`, in memory) loaded with `built_dist` by the Graph Store
  Protocol (`acuerdos.store.remote.load_graphs`); its Graph Store URL is the same with `/store`.
  Skipped when the `oxigraph` binary is not installed (it comes with the test extras).
- `remote_service_url`: the service answering from `oxigraph_url` (`serve --endpoint`), same settings.

Helpers (from `acuerdos.process`): `free_port()`, `wait_for_http(url)`; `start_service(dist, log, *extra)`.

Markers: a test that uses (directly, through another fixture, or by a parameter naming a `*_url`
fixture it takes with `request.getfixturevalue`) one of SERVICE_FIXTURES is marked `service`, one
that uses BROWSER_FIXTURES `browser` (`pytest_collection_modifyitems` below), so `make check`
(`-m "not slow and not service and not browser"`) leaves them out without a mark by hand. A test
that starts a server by other means, or is slow, is marked by hand.

Under pytest-xdist every worker is a process of its own: it builds its own `built_dist` under its
own temporary folder and starts its own servers on free ports. Nothing is written into the checkout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICE = ROOT / "service"
try:  # the package is installed by `make install`; without it, use the checkout
    import acuerdos  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(SERVICE))

# free_port, wait_for_http, start_service, _env and _stop are imported by the test modules too
from acuerdos.process import (  # noqa: E402, F401
    ServerProcess,
    child_env,
    free_port,
    oxigraph_binary,
    start_oxigraph,
    stop,
    wait_for_http,
)
from acuerdos.process import start_service as _start_service  # noqa: E402

TEST_TIMEOUT = 10.0  # the time limit of the test services, seconds: long enough for any page on a loaded machine
_stop = stop

SERVICE_FIXTURES = frozenset({"service_url", "remote_service_url", "oxigraph_url", "running_service", "http"})
BROWSER_FIXTURES = frozenset({"page", "browser_context"})


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark `service` every test that needs a server process, `browser` every test that drives Chromium."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))  # every fixture the test needs, through other fixtures too
        # a test parametrized by a fixture's name, to take it with request.getfixturevalue(name)
        params = getattr(getattr(item, "callspec", None), "params", {})
        used |= {value for value in params.values() if isinstance(value, str) and value.endswith("_url")}
        if used & SERVICE_FIXTURES:
            item.add_marker(pytest.mark.service)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


def _env() -> dict[str, str]:
    """The environment of the test services: they take their settings from the command line only."""
    return child_env(keep=("ACUERDOS_HOME",))


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory) -> Path:
    """The real data, built into a temporary release folder (what `acuerdos build --dist DIR` writes)."""
    from acuerdos.cli.build import build_release
    from acuerdos.graph.version import read_stamp
    from acuerdos.namespaces import Base
    from acuerdos.project import Project

    out = tmp_path_factory.mktemp("build") / "dist"
    project = Project(ROOT)
    build_release(project, Base(), out, read_stamp(project))
    return out


def _retrying(start: Callable[[], ServerProcess], log: Path) -> ServerProcess:
    """`start()`, again if the free port it found was taken (by another xdist worker) before it could bind it."""
    attempts = 3
    while True:
        attempts -= 1
        try:
            return start()
        except RuntimeError as exc:
            text = str(exc) + (log.read_text(errors="replace") if log.exists() else "")
            if not attempts or "already in use" not in text.lower():
                raise


def start_service(dist: Path, log: Path, *extra: str, timeout: float = TEST_TIMEOUT, workers: int = 2) -> ServerProcess:
    options = ("--timeout", str(timeout), "--workers", str(workers), *extra)
    return _retrying(lambda: _start_service(dist, *options, log=log, env=_env(), cwd=ROOT), log)


@pytest.fixture(scope="session")
def running_service(built_dist, tmp_path_factory) -> ServerProcess:
    service = start_service(built_dist, tmp_path_factory.mktemp("logs") / "service.log")
    yield service
    _stop(service.process)


@pytest.fixture(scope="session")
def service_url(running_service) -> str:
    return running_service.url


@pytest.fixture(scope="session")
def oxigraph_url(built_dist, tmp_path_factory) -> str:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    log = tmp_path_factory.mktemp("logs") / "oxigraph.log"
    server = _retrying(lambda: start_oxigraph(binary, built_dist / "acuerdos.nq", timeout_s=5, log=log), log)
    yield server.url + "/query"
    server.process.kill()
    server.process.wait(timeout=5)


@pytest.fixture(scope="session")
def remote_service_url(built_dist, oxigraph_url, tmp_path_factory) -> str:
    service = start_service(
        built_dist, tmp_path_factory.mktemp("logs") / "remote-service.log", "--endpoint", oxigraph_url
    )
    yield service.url
    _stop(service.process)
