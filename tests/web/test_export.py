"""`acuerdos export`: the static copy, served by a real nginx, answers as the service does.

A small checkout is built, served by `acuerdos serve`, and exported for `https://data.example.org/`;
Debian's nginx (installed by `make webserver`; the test fails where it is missing) serves the export
with the configuration the export wrote, on 127.0.0.1. Every page of the export's sitemap is asked
of both as a browser asks and in Turtle, JSON-LD, N-Triples and RDF/XML by Accept, and the answers
are compared: status, media type, `Vary: Accept`, and the same graph (or the same page, but for
the host). Where the service answers other than 200 the copy cannot (a 406, or a query's form that
needs the service to run it): those are counted, and must be only those.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from checkouts import acuerdos, small_checkout
from conftest import start_nginx, start_service, stop

PUBLISHED = "https://data.example.org"  # where the copy says it is published: its sitemap, robots.txt
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
ACCEPTS = {
    BROWSER: None,
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}

pytestmark = pytest.mark.service


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory):
    """(the service's URL, nginx's URL, the export folder) over one small release."""
    root = tmp_path_factory.mktemp("export")
    project = small_checkout(root / "project")
    built = acuerdos("build", "--dist", str(root / "dist"), cwd=project)
    assert built.returncode == 0, built.stderr
    site = root / "site"
    exported = acuerdos("export", str(site), "--url", PUBLISHED + "/", "--dist", str(root / "dist"), cwd=project)
    assert exported.returncode == 0, exported.stderr
    assert f"to {site}" in exported.stdout
    service = start_service(root / "dist", root / "service.log")
    try:
        nginx = start_nginx((site / "server" / "nginx.conf").read_text(encoding="utf-8"), root / "nginx")
    except BaseException:
        stop(service.process)
        raise
    yield service.url, nginx.url, site
    stop(nginx.process)
    stop(service.process)


def sitemap_paths(site: Path) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(PUBLISHED + "/") for loc in locs)
    return [loc[len(PUBLISHED) :] for loc in locs]


def media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def test_every_page_answers_as_the_service_does(servers) -> None:
    service, nginx, site = servers
    pages = sitemap_paths(site)
    assert "/dataset" in pages and any(p.startswith("/decision/") for p in pages)
    compared, apart = 0, []
    with httpx.Client(timeout=30) as client:
        for path in pages:
            for accept, fmt in ACCEPTS.items():
                headers = {"Accept": accept, "Accept-Language": "en"}
                ours, theirs = client.get(nginx + path, headers=headers), client.get(service + path, headers=headers)
                if theirs.status_code != 200:  # nothing the copy could hold: a 406, a form that needs parameters
                    apart.append((path, accept, theirs.status_code))
                    continue
                assert (ours.status_code, media(ours)) == (200, media(theirs)), (path, accept)
                assert "Accept" in ours.headers.get("vary", ""), (path, accept)
                if fmt is None or media(theirs) == "text/html":  # a page of the site answers HTML to any Accept
                    assert ours.text.replace(PUBLISHED, "") == theirs.text.replace(service, ""), (path, accept)
                else:
                    assert isomorphic(
                        Graph().parse(data=ours.text, format=fmt), Graph().parse(data=theirs.text, format=fmt)
                    ), (path, accept)
                compared += 1
    decisions = [p for p in pages if p.startswith("/decision/")]
    assert compared >= 5 * len(decisions)
    assert all(status == 406 or path.startswith("/queries/") for path, _, status in apart), apart


def test_files_by_name_dumps_and_redirects(servers) -> None:
    service, nginx, _site = servers
    with httpx.Client(timeout=30) as client:
        for base in (nginx, service):
            turtle = client.get(base + "/dataset.ttl")
            assert (turtle.status_code, media(turtle)) == (200, "text/turtle")
            void = client.get(base + "/.well-known/void")
            assert void.status_code == 303 and void.headers["location"].endswith("/dataset")
            slash = client.get(base + "/dataset/")
            assert (slash.status_code, slash.headers["location"]) == (301, "/dataset"), base
            missing = client.get(base + "/no/such/thing", headers={"Accept": "text/html"})
            assert (missing.status_code, media(missing)) == (404, "text/html")
            raw = client.get(base + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip"})
            assert raw.headers.get("content-encoding") == "gzip"
            assert raw.headers["link"] == '</dataset>; rel="describedby"'
        plain = [
            client.get(b + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "identity"}) for b in (nginx, service)
        ]
        assert "content-encoding" not in plain[0].headers
        assert plain[0].content == plain[1].content
        packed = client.get(nginx + "/dumps/acuerdos.nt.gz", headers={"Accept-Encoding": "identity"})
        assert gzip.decompress(packed.content) == plain[0].content
        assert "acuerdos.nt.gz" in client.get(nginx + "/dumps/SHA256SUMS").text
        robots = client.get(service + "/robots.txt").text.replace(service, PUBLISHED)
        assert client.get(nginx + "/robots.txt").text == robots
        css = client.get(nginx + "/static/style.css")
        assert (css.status_code, media(css)) == (200, "text/css")
        again = client.get(nginx + "/static/style.css", headers={"If-None-Match": css.headers["etag"]})
        assert again.status_code == 304


def test_the_w3id_redirect_names_the_published_url(servers) -> None:
    _service, _nginx, site = servers
    rules = (site / "server" / "w3id.htaccess").read_text(encoding="utf-8")
    assert f"RewriteRule ^(.*)$ {PUBLISHED}/$1 [R=303,L]" in rules


def test_export_refuses_a_folder_in_use_and_a_url_that_is_no_host_root(tmp_path: Path) -> None:
    project = small_checkout(tmp_path / "project")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "keep.txt").write_text("mine\n")
    used = acuerdos("export", str(tmp_path / "used"), "--url", "https://data.example.org/", cwd=project)
    assert used.returncode != 0 and "not empty" in used.stderr and "used" in used.stderr
    assert (tmp_path / "used" / "keep.txt").read_text() == "mine\n"
    deep = acuerdos("export", str(tmp_path / "new"), "--url", "https://data.example.org/acuerdos/", cwd=project)
    assert deep.returncode != 0 and "--url" in deep.stderr and "Traceback" not in deep.stderr
    assert not (tmp_path / "new").exists()
