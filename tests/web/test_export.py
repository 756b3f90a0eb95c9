"""`acuerdos export`: the static copy, served by a real nginx and a real Apache, answers as the service does.

A small checkout is built, served by `acuerdos serve`, and exported for `https://data.example.org/`;
Debian's nginx and Apache httpd (installed by `make webserver`; the tests fail where they are
missing) serve the export with the configuration the export wrote (nginx.conf, .htaccess), on
127.0.0.1. Every page of the export's sitemap is asked of the service and of each server as a
browser asks and in Turtle, JSON-LD, N-Triples and RDF/XML by Accept, and the answers are compared:
status, media type, `Vary: Accept`, and the same graph (or the same page, but for the host).
Where the service answers other than 200 the copy cannot (a 406, or a query's form that needs the
service to run it): those are counted, and must be only those.
"""

from __future__ import annotations

import gzip
import html
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from checkouts import ROOT, acuerdos, small_checkout
from conftest import start_apache, start_nginx, start_service, stop

TEXT = ROOT / "data" / "sources" / "001_eee5ef25a9d85a71.txt"  # the final act of 8 June 2017
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
def exported(tmp_path_factory: pytest.TempPathFactory):
    """(the service's URL, the export folder, the service's answers by (path, Accept), kept for the
    second server) over one small release. The export is in a folder others may read: Apache,
    started by root, serves as nobody."""
    root = tmp_path_factory.mktemp("export")
    project = small_checkout(root / "project")
    shutil.copy(TEXT, project / "data" / "sources")  # the text the small data quotes, for its text page
    built = acuerdos("build", "--dist", str(root / "dist"), cwd=project)
    assert built.returncode == 0, built.stderr
    readable = Path(tempfile.mkdtemp(prefix="acuerdos-export-"))
    readable.chmod(0o755)
    site = readable / "site"
    try:
        done = acuerdos("export", str(site), "--url", PUBLISHED + "/", "--dist", str(root / "dist"), cwd=project)
        assert done.returncode == 0, done.stderr
        assert f"to {site}" in done.stdout
        assert [p.name for p in readable.iterdir()] == ["site"]  # written aside, renamed into place
        service = start_service(root / "dist", root / "service.log")
        yield service.url, site, {}
        stop(service.process)
    finally:
        shutil.rmtree(readable)


@pytest.fixture(scope="module", params=["nginx", "apache"])
def servers(request: pytest.FixtureRequest, exported, tmp_path_factory: pytest.TempPathFactory):
    """(the service's URL, the web server's URL, the export folder, the service's answers), nginx's then Apache's."""
    service, site, answers = exported
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "nginx":
        server = start_nginx((site / "server" / "nginx.conf").read_text(encoding="utf-8"), folder)
    else:
        server = start_apache(site, folder)
    yield service, server.url, site, answers
    stop(server.process)


def sitemap_paths(site: Path) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs and all(loc.startswith(PUBLISHED + "/") for loc in locs)
    return [loc[len(PUBLISHED) :] for loc in locs]


def media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def test_every_page_answers_as_the_service_does(servers) -> None:
    service, web, site, answers = servers
    pages = sitemap_paths(site)
    assert "/dataset" in pages and any(p.startswith("/decision/") for p in pages)
    compared, apart = 0, []
    with httpx.Client(timeout=30) as client:
        for path in pages:
            for accept, fmt in ACCEPTS.items():
                headers = {"Accept": accept, "Accept-Language": "en"}
                ours = client.get(web + path, headers=headers)
                if (path, accept) not in answers:
                    answers[path, accept] = client.get(service + path, headers=headers)
                theirs = answers[path, accept]
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


# (the query string, headers, and the page's language the service's rules give: ?lang=, else the
# cookie, else the first of our languages in Accept-Language, else English)
LANGUAGE_CASES = [
    ({"lang": "es"}, {}, "es"),
    ({"lang": "ES"}, {"Accept-Language": "en"}, "es"),
    ({}, {"Accept-Language": "es-MX,es;q=0.9,en;q=0.8"}, "es"),
    ({}, {"Accept-Language": "fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7"}, "es"),
    ({}, {"Accept-Language": "pt-BR,en-US;q=0.9,es;q=0.8"}, "en"),
    ({}, {"Accept-Language": "es", "Cookie": "lang=en"}, "en"),
    ({"lang": "en"}, {"Accept-Language": "es", "Cookie": "lang=es"}, "en"),
    ({}, {"Cookie": "other=1; lang=es"}, "es"),
    ({}, {"Accept-Language": "de-DE,de"}, "en"),
    ({"lang": "fr"}, {"Accept-Language": "es"}, "es"),
]


def test_a_page_comes_in_the_language_the_service_would_give(servers) -> None:
    """Both languages are exported; the web server picks one as the service does, ?lang= sets the
    cookie, and the answer varies on what chose it."""
    service, web, site, _answers = servers
    decisions = [p for p in sitemap_paths(site) if p.startswith("/decision/")]
    pages = ["/", "/dataset", "/queries", *decisions[:2]]
    with httpx.Client(timeout=30) as client:
        for path in [*pages, "/no/such/thing"]:
            for params, headers, lang in LANGUAGE_CASES:
                asked = {"Accept": BROWSER, **headers}
                ours = client.get(web + path, params=params, headers=asked)
                client.cookies.clear()
                theirs = client.get(service + path, params=params, headers=asked)
                client.cookies.clear()
                case = (path, params, headers)
                assert ours.status_code == theirs.status_code and f'<html lang="{lang}"' in ours.text, case
                assert f'<html lang="{lang}"' in theirs.text, case  # the rules above are the service's
                if path in pages:
                    assert ours.text.replace(PUBLISHED, "") == theirs.text.replace(service, ""), case
                    vary = ours.headers.get("vary", "")
                    assert all(h in vary for h in ("Accept", "Accept-Language", "Cookie")), (case, vary)
                if params.get("lang", "").lower() in ("en", "es") and path in pages:
                    assert f"lang={lang}" in ours.headers.get("set-cookie", ""), case


def test_files_by_name_dumps_and_redirects(servers) -> None:
    service, web, _site, _answers = servers
    with httpx.Client(timeout=30) as client:
        for base in (web, service):
            turtle = client.get(base + "/dataset.ttl")
            assert (turtle.status_code, media(turtle)) == (200, "text/turtle")
            void = client.get(base + "/.well-known/void")
            assert (void.status_code, urljoin(base, void.headers["location"])) == (303, base + "/dataset")
            slash = client.get(base + "/dataset/")
            assert (slash.status_code, urljoin(base, slash.headers["location"])) == (301, base + "/dataset")
            missing = client.get(base + "/no/such/thing", headers={"Accept": "text/html"})
            assert (missing.status_code, media(missing)) == (404, "text/html")
            raw = client.get(base + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip"})
            assert (raw.headers.get("content-encoding"), media(raw)) == ("gzip", "application/n-triples")
            assert raw.headers["link"] == '</dataset>; rel="describedby"'
            assert "Accept-Encoding" in raw.headers["vary"]
        plain = [client.get(b + "/dumps/acuerdos.nt", headers={"Accept-Encoding": "identity"}) for b in (web, service)]
        assert "content-encoding" not in plain[0].headers
        assert plain[0].content == plain[1].content
        packed = client.get(web + "/dumps/acuerdos.nt.gz", headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in packed.headers and media(packed) == "application/gzip"
        assert gzip.decompress(packed.content) == plain[0].content
        assert "acuerdos.nt.gz" in client.get(web + "/dumps/SHA256SUMS").text
        robots = client.get(service + "/robots.txt").text.replace(service, PUBLISHED)
        assert client.get(web + "/robots.txt").text == robots
        css = client.get(web + "/static/style.css")
        assert (css.status_code, media(css)) == (200, "text/css")
        script = client.get(web + "/static/forms.js")
        assert (script.status_code, media(script)) == (200, "text/javascript")
        again = client.get(web + "/static/style.css", headers={"If-None-Match": css.headers["etag"]})
        assert again.status_code == 304


def test_the_source_texts_with_their_quotes(servers) -> None:
    service, web, site, _answers = servers
    documents = [p for p in sitemap_paths(site) if p.startswith("/document/") and p.count("/") == 2]
    words = next(line for line in TEXT.read_text(encoding="utf-8").splitlines() if len(line) > 20).strip()
    shown = []
    with httpx.Client(timeout=30) as client:
        for document in documents:  # a document the sources only mention has no text: 404 from both
            ours, theirs = client.get(web + document + "/text"), client.get(service + document + "/text")
            assert (ours.status_code, media(ours)) == (theirs.status_code, "text/html"), document
            if theirs.status_code == 200:
                assert ours.text.replace(PUBLISHED, "") == theirs.text.replace(service, ""), document
                shown += [document] if html.escape(words, quote=False) in ours.text else []
    assert shown == ["/document/2017-06-08-final-act"]


def test_the_w3id_redirect_names_the_published_url(exported) -> None:
    _service, site, _answers = exported
    rules = (site / "server" / "w3id.htaccess").read_text(encoding="utf-8")
    assert f"RewriteRule ^(.*)$ {PUBLISHED}/$1 [R=303,L]" in rules


def test_export_refuses_a_folder_in_use_and_a_url_that_is_no_host_root(tmp_path: Path) -> None:
    project = small_checkout(tmp_path / "project")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "keep.txt").write_text("mine\n")
    used = acuerdos("export", str(tmp_path / "used"), "--url", "https://data.example.org/", cwd=project)
    assert used.returncode == 2 and "not an empty folder" in used.stderr and "used" in used.stderr
    assert (tmp_path / "used" / "keep.txt").read_text() == "mine\n"
    file = acuerdos("export", str(tmp_path / "used" / "keep.txt"), "--url", "https://data.example.org/", cwd=project)
    assert file.returncode == 2 and "keep.txt" in file.stderr and "Traceback" not in file.stderr
    deep = acuerdos("export", str(tmp_path / "new"), "--url", "https://data.example.org/acuerdos/", cwd=project)
    assert deep.returncode == 2 and "--url" in deep.stderr and "Traceback" not in deep.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "used"]  # nothing written, nothing left aside
