"""`acuerdos export`: the static copy served by a real nginx answers as the service does.

A small checkout is built, served by `acuerdos serve`, and exported; Debian's nginx (installed by
`make webserver`) serves the export with the configuration the export wrote, on 127.0.0.1. Every
page of the export's sitemap is asked of both in HTML, Turtle, JSON-LD, N-Triples and RDF/XML by
Accept, and the answers are compared: status, media type, `Vary: Accept`, and the same graph (or
the same page, but for the host). Skipped, saying why, where nginx is not installed.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from checkouts import acuerdos, small_checkout
from conftest import free_port, start_service, stop, wait_for_http

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ACCEPTS = {
    BROWSER: None,
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)

pytestmark = [
    pytest.mark.service,
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (`make webserver` installs Debian's, as root)"),
]


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory):
    """(the service's URL, nginx's URL, the export folder) over one small release."""
    root = tmp_path_factory.mktemp("export")
    project = small_checkout(root / "project")
    built = acuerdos("build", "--dist", str(root / "dist"), cwd=project)
    assert built.returncode == 0, built.stderr
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    exported = acuerdos("export", str(root / "site"), "--url", url + "/", "--dist", str(root / "dist"), cwd=project)
    assert exported.returncode == 0, exported.stderr
    service = start_service(root / "dist", root / "service.log")
    conf = (root / "site" / "server" / "nginx.conf").read_text(encoding="utf-8")
    assert "listen 80;" in conf  # the one line a publisher changes, and so does this test
    (root / "nginx").mkdir()
    (root / "nginx" / "site.conf").write_text(conf.replace("listen 80;", f"listen 127.0.0.1:{port};"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # the export is in root's private temporary folder
    (root / "nginx" / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {root}/nginx/nginx.pid;\nerror_log {root}/nginx/error.log;\n"
        f"events {{ worker_connections 64; }}\n"
        f"http {{ access_log off; client_body_temp_path {root}/nginx; proxy_temp_path {root}/nginx;\n"
        f"  fastcgi_temp_path {root}/nginx; uwsgi_temp_path {root}/nginx; scgi_temp_path {root}/nginx;\n"
        f"  include {root}/nginx/site.conf; }}\n"
    )
    nginx = subprocess.Popen(
        [NGINX, "-p", str(root / "nginx"), "-c", str(root / "nginx" / "nginx.conf"), "-e", str(root / "nginx/e.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_http(url + "/", timeout=20, process=nginx)
        yield service.url, url, root / "site"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        stop(service.process)


def paths(site: Path, url: str) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(url + "/") for loc in locs)
    return [loc[len(url) :] for loc in locs]


def parse(response: httpx.Response, fmt: str, path: str) -> Graph:
    try:
        return Graph().parse(data=response.text, format=fmt)
    except Exception as exc:  # say which answer does not parse
        raise AssertionError(f"{response.url} ({path}) is no {fmt}: {response.text[:300]!r}") from exc


def media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def test_every_page_answers_as_the_service_does(servers) -> None:
    service, nginx, site = servers
    pages = [p for p in paths(site, nginx) if p not in ("/queries", "/charts")]  # pages that need the service
    assert "/dataset" in pages and any(p.startswith("/decision/") for p in pages)
    compared = 0
    with httpx.Client(timeout=30) as client:
        for path in pages:
            for accept, fmt in ACCEPTS.items():
                headers = {"Accept": accept, "Accept-Language": "en"}
                ours, theirs = client.get(nginx + path, headers=headers), client.get(service + path, headers=headers)
                if theirs.status_code == 406:  # a page of the site that has no RDF: nginx gives the page
                    continue
                assert (ours.status_code, media(ours)) == (theirs.status_code, media(theirs)), (path, accept)
                assert "Accept" in ours.headers.get("vary", ""), (path, accept)
                if fmt is None or media(theirs) == "text/html":  # a page of the site answers HTML to any Accept
                    assert ours.text.replace(nginx, "") == theirs.text.replace(service, ""), path
                else:
                    assert isomorphic(
                        Graph().parse(data=ours.text, format=fmt), Graph().parse(data=theirs.text, format=fmt)
                    )
                compared += 1
    assert compared >= 5 * len([p for p in pages if p.startswith("/decision/")])


def test_files_by_name_dumps_and_redirects(servers) -> None:
    service, nginx, _site = servers
    with httpx.Client(timeout=30) as client:
        for base in (nginx, service):
            turtle = client.get(base + "/dataset.ttl")
            assert (turtle.status_code, media(turtle)) == (200, "text/turtle")
            void = client.get(base + "/.well-known/void")
            assert void.status_code == 303 and void.headers["location"].endswith("/dataset")
            assert client.get(base + "/no/such/thing", headers={"Accept": "text/html"}).status_code == 404
            raw = client.get(base + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip"})
            assert raw.headers.get("content-encoding") == "gzip"
            assert raw.headers["link"] == '</dataset>; rel="describedby"'
        plain = [
            client.get(b + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "identity"}) for b in (nginx, service)
        ]
        assert plain[0].content == plain[1].content
        packed = client.get(nginx + "/dumps/acuerdos.nt.gz", headers={"Accept-Encoding": "identity"})
        assert gzip.decompress(packed.content) == plain[0].content
        sums = client.get(nginx + "/dumps/SHA256SUMS").text
        assert "acuerdos.nt.gz" in sums
        assert client.get(nginx + "/robots.txt").text == client.get(service + "/robots.txt").text.replace(
            service, nginx
        )
