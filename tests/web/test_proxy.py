"""The production recipe: `acuerdos serve` as publishing/systemd/ runs it, behind nginx configured
with publishing/nginx/acuerdos-proxy.conf, both on 127.0.0.1.

The service is started with the unit's command line and the settings of its environment file (but
for the port); nginx with the recipe as it is but for `listen`, the service's port and the cache
folder. Through the proxy: content negotiation as the service does it, gzip, ETags and 304s (the
dumps and static files from nginx's cache), the service's own limits (not nginx's), and links,
sitemap and redirects that name the proxy's host. The unit file passes `systemd-analyze verify`.
"""

from __future__ import annotations

import gzip
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from acuerdos.cli import parser
from acuerdos.process import child_env
from acuerdos.process import start_service as start_acuerdos
from acuerdos.settings import Settings
from conftest import ROOT, TEST_TIMEOUT, start_nginx, stop

RECIPE = ROOT / "publishing" / "nginx" / "acuerdos-proxy.conf"
UNIT = ROOT / "publishing" / "systemd" / "acuerdos.service"
ENV_FILE = ROOT / "publishing" / "systemd" / "acuerdos.env"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
DECISION = "/decision/2017-06-08-panama/agreement-9"
pytestmark = pytest.mark.service


def unit_value(key: str) -> str:
    """The value of ``key`` in the unit's [Service] section."""
    values = [
        line.split("=", 1)[1] for line in UNIT.read_text(encoding="utf-8").splitlines() if line.startswith(key + "=")
    ]
    assert len(values) == 1, key
    return values[0]


def env_file() -> dict[str, str]:
    lines = [line for line in ENV_FILE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return dict(line.split("=", 1) for line in lines)


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the recipe no longer holds {old!r} once"
    return text.replace(old, new)


@pytest.fixture(scope="module")
def proxied(built_dist: Path, tmp_path_factory: pytest.TempPathFactory):
    """(nginx's URL, the service's URL) over the real data."""
    root = tmp_path_factory.mktemp("proxy")
    command = shlex.split(unit_value("ExecStart"))
    assert command[0].endswith("/.venv/bin/acuerdos") and command[1] == "serve"
    options = command[2:]
    assert options[options.index("--dist") + 1] == unit_value("WorkingDirectory") + "/dist"
    options[options.index("--dist") + 1] = str(built_dist)
    env = child_env() | env_file()
    service = start_acuerdos(
        built_dist, *options, "--timeout", str(TEST_TIMEOUT), "--workers", "2", log=root / "service.log", env=env
    )
    upstream = service.url.removeprefix("http://")
    conf = replace_once(RECIPE.read_text(encoding="utf-8"), "server 127.0.0.1:8000;", f"server {upstream};")
    conf = replace_once(conf, "proxy_cache_path /var/cache/nginx/acuerdos ", f"proxy_cache_path {root / 'cache'} ")
    try:
        nginx = start_nginx(conf, root / "nginx")
    except BaseException:
        stop(service.process)
        raise
    yield nginx.url, service.url
    stop(nginx.process)
    stop(service.process)


def media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def test_the_environment_file_and_the_command_line_are_the_services() -> None:
    settings = env_file()
    known = {"ACUERDOS_" + name.upper() for name in Settings.__dataclass_fields__}
    assert set(settings) <= known, set(settings) - known
    assert Settings.from_env(settings).port == 8000  # every value is one the service takes
    args = parser().parse_args(shlex.split(unit_value("ExecStart"))[1:])
    assert args.command == "serve" and args.dist == "/srv/acuerdos/dist"
    assert unit_value("EnvironmentFile") == "/etc/acuerdos/acuerdos.env"


def test_the_unit_file_passes_systemd_analyze(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.fail("systemd-analyze is not installed: `make webserver` (part of `make test`) installs it, as root")
    local = Path(sys.executable).parent / "acuerdos"  # the unit as installed, but for where the checkout is
    unit = UNIT.read_text(encoding="utf-8").replace("/srv/acuerdos/.venv/bin/acuerdos", str(local))
    (tmp_path / "acuerdos.env").write_text(ENV_FILE.read_text(encoding="utf-8"))
    unit = unit.replace("/etc/acuerdos/acuerdos.env", str(tmp_path / "acuerdos.env"))
    (tmp_path / "acuerdos.service").write_text(unit)
    checked = subprocess.run(
        [analyze, "verify", str(tmp_path / "acuerdos.service")], capture_output=True, text=True, timeout=60
    )
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


def test_content_negotiation_through_the_proxy(proxied) -> None:
    nginx, service = proxied
    with httpx.Client(timeout=30) as client:
        page = client.get(nginx + DECISION, headers={"Accept": BROWSER})
        assert (page.status_code, media(page)) == (200, "text/html")
        assert "Accept" in page.headers["vary"]
        for accept, fmt in (
            ("text/turtle", "turtle"),
            ("application/ld+json", "json-ld"),
            ("application/n-triples", "nt"),
        ):
            ours = client.get(nginx + DECISION, headers={"Accept": accept})
            theirs = client.get(service + DECISION, headers={"Accept": accept})
            assert (ours.status_code, media(ours)) == (200, accept)
            assert "Accept" in ours.headers["vary"]
            assert isomorphic(Graph().parse(data=ours.text, format=fmt), Graph().parse(data=theirs.text, format=fmt))
        refused = client.get(nginx + DECISION, headers={"Accept": "image/png"})
        assert refused.status_code == 406


def test_gzip_on_the_way_out_and_dumps_compressed_once(proxied, built_dist: Path) -> None:
    nginx, service = proxied
    with httpx.Client(timeout=30) as client:
        for path, accept in (("/", BROWSER), (DECISION, "text/turtle"), ("/queries/crm-csm-timeline", "text/csv")):
            packed = client.get(nginx + path, headers={"Accept": accept, "Accept-Encoding": "gzip"})
            assert packed.headers.get("content-encoding") == "gzip", path
            assert "Accept-Encoding" in packed.headers["vary"], path
            plain = client.get(service + path, headers={"Accept": accept})
            assert packed.text == plain.text, path  # httpx took the gzip off
        with client.stream("GET", nginx + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip"}) as dump:
            raw = b"".join(dump.iter_raw())
            assert dump.headers["content-encoding"] == "gzip"
        assert raw == (built_dist / "acuerdos.nt.gz").read_bytes()  # the release's gzip copy, not gzipped twice
        assert gzip.decompress(raw) == (built_dist / "acuerdos.nt").read_bytes()


def test_etags_and_304s_through_the_proxy_and_its_cache(proxied) -> None:
    nginx, _service = proxied
    with httpx.Client(timeout=30) as client:
        for path in ("/dumps/acuerdos.ttl", "/static/style.css"):
            first = client.get(nginx + path)
            second = client.get(nginx + path)
            assert first.status_code == second.status_code == 200
            assert second.headers["x-cache-status"] == "HIT", path  # kept by nginx
            assert second.content == first.content
            again = client.get(nginx + path, headers={"If-None-Match": second.headers["etag"]})
            assert (again.status_code, again.headers["x-cache-status"]) == (304, "HIT"), path
        for path, accept in ((DECISION, "text/turtle"), ("/dataset", BROWSER)):  # pages: the service decides
            answer = client.get(nginx + path, headers={"Accept": accept, "Accept-Encoding": "gzip"})
            etag = answer.headers["etag"]  # weak once nginx compressed it: the service compares weakly
            again = client.get(nginx + path, headers={"Accept": accept, "If-None-Match": etag})
            assert again.status_code == 304, path
            other = client.get(nginx + path, headers={"Accept": accept, "If-None-Match": '"something-else"'})
            assert other.status_code == 200, path


def test_links_sitemap_and_redirects_name_the_proxy(proxied) -> None:
    nginx, service = proxied
    with httpx.Client(timeout=30) as client:
        locs = ET.fromstring(client.get(nginx + "/sitemap.xml").content)
        urls = [loc.text or "" for loc in locs.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        assert urls and all(url.startswith(nginx + "/") for url in urls)
        assert f"Sitemap: {nginx}/sitemap.xml" in client.get(nginx + "/robots.txt").text
        # a client cannot make the service believe another scheme: nginx sets X-Forwarded-Proto itself
        spoofed = client.get(nginx + "/robots.txt", headers={"X-Forwarded-Proto": "https"})
        assert f"Sitemap: {nginx}/sitemap.xml" in spoofed.text
        for path, status, target in (
            ("/.well-known/void", 303, "/dataset"),
            ("/dataset/", 301, "/dataset"),
            (DECISION + "/", 301, DECISION),
        ):
            moved = client.get(nginx + path)
            assert moved.status_code == status, path
            assert urljoin(nginx + path, moved.headers["location"]) == nginx + target, path
        form = client.get(nginx + "/queries/actor-obligations", headers={"Accept": BROWSER})
        assert service not in form.text and service.removeprefix("http://") not in form.text


def test_the_services_limits_answer_not_nginxs(proxied) -> None:
    nginx, _service = proxied
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    with httpx.Client(timeout=30) as client:
        near = client.get(nginx + "/sparql", params={"query": query + " #" + "x" * 7800})
        assert near.status_code == 200  # a long URL the service takes reaches it
        over = client.get(nginx + "/sparql", params={"query": query + " #" + "x" * 9000})
        assert over.status_code == 414 and "POST" in over.text  # the service's own answer, with its advice
        body = client.post(nginx + "/sparql", data={"query": query + " #" + "x" * 200_000})
        assert body.status_code == 200
