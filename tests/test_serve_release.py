"""A copy of a release serves on its own: `cp -r dist /tmp/x && cd / && acuerdos serve --dist /tmp/x`
answers every named query and every page with no checkout anywhere (the package itself is copied
out of the repository too, so that nothing can find the checkout from where the code lies)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from acuerdos.process import start_service, stop

PACKAGE = Path(__file__).resolve().parents[1] / "service" / "acuerdos"
PAGES = [
    "/",
    "/sparql",
    "/queries",
    "/ontology",
    "/shapes",
    "/schemes",
    "/dumps",
    "/dataset.ttl",
    "/decision/2017-06-08-panama/agreement-13",
    "/meeting/2017-06-08-panama",
    "/document/2017-06-08-final-act",
    "/document/2017-06-08-final-act/text",
    "/dumps/acuerdos.ttl",
]


@pytest.fixture(scope="module")
def alone(built_dist: Path, tmp_path_factory: pytest.TempPathFactory):
    """The service over a copy of the release, started in an empty folder with a copy of the package."""
    root = tmp_path_factory.mktemp("alone")
    dist, package, cwd = root / "x", root / "lib", root / "cwd"
    shutil.copytree(built_dist, dist)
    shutil.copytree(PACKAGE, package / "acuerdos", ignore=shutil.ignore_patterns("__pycache__"))
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACUERDOS_") and k != "PYTHONPATH"}
    service = start_service(
        dist, "--workers", "2", log=root / "service.log", env=env | {"PYTHONPATH": str(package)}, cwd=cwd
    )
    yield service.url, dist
    stop(service.process)


@pytest.mark.service
@pytest.mark.slow
def test_every_named_query_answers(alone: tuple[str, Path]) -> None:
    url, dist = alone
    names = sorted(p.stem for p in (dist / "queries").glob("*.rq"))
    assert names
    with httpx.Client(base_url=url, timeout=60) as client:
        failed = {name: r.status_code for name in names if (r := client.get(f"/queries/{name}")).status_code != 200}
    assert not failed


@pytest.mark.service
@pytest.mark.slow
def test_every_page_answers(alone: tuple[str, Path]) -> None:
    url, _ = alone
    with httpx.Client(base_url=url, timeout=60, headers={"Accept": "text/html"}, follow_redirects=True) as client:
        failed = {page: r.status_code for page in PAGES if (r := client.get(page)).status_code != 200}
    assert not failed
