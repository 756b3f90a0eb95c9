"""robots.txt and sitemap.xml: every resource page listed, at the URLs the server answers on."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef

from .test_dataset import BASE

ACU = Namespace(BASE + "ontology#")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def locs(http) -> list[str]:
    response = http.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text or "" for loc in root.iter(SITEMAP + "loc")]


@pytest.fixture(scope="module")
def union(built_dist) -> Graph:
    dataset = Dataset()
    dataset.parse(built_dist / "acuerdos.nq", format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def test_robots_points_to_the_sitemap(http, service_url) -> None:
    lines = http.get("/robots.txt").text.splitlines()
    assert f"Sitemap: {service_url}/sitemap.xml" in lines
    assert "Disallow: /sparql" in lines


def test_the_sitemap_lists_every_resource_page(locs, union, manifest, service_url) -> None:
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(service_url + "/") for loc in locs)
    paths = {loc[len(service_url) + 1 :] for loc in locs}
    kinds = set(union.transitive_subjects(RDFS.subClassOf, ACU.Decision))
    decisions = {str(s)[len(BASE) :] for kind in kinds for s in union.subjects(RDF.type, kind)}
    states = {str(s)[len(BASE) :] for s in union.subjects(RDF.type, ACU.State)}
    graphs = {name[len(BASE) :] for name in manifest["graphs"]}
    assert decisions and states and graphs
    assert decisions | states | graphs | {"", "dataset"} <= paths
    subjects = {str(s)[len(BASE) :] for s in union.subjects() if isinstance(s, URIRef) and str(s).startswith(BASE)}
    derived = {c for c in union.subjects(ACU.derivedBy, None)}
    counted = {str(s)[len(BASE) :] for c in derived for s in union.subjects(RDF.type, c)}
    assert counted, "the record has count nodes (acu:ThemeCoverage, acu:ThemeCoOccurrence)"
    assert not counted & paths  # figures, not pages to offer
    assert {p for p in subjects - counted if "#" not in p} <= paths


def test_a_count_node_is_not_among_the_links_to_its_theme_but_answers(http, union) -> None:
    coverage = next(union.subjects(RDF.type, ACU.ThemeCoverage))
    theme = union.value(coverage, ACU.coveredTheme)
    local = str(coverage)[len(BASE) :]
    page = http.get("/" + str(theme)[len(BASE) :], headers={"Accept": "text/html"})
    assert page.status_code == 200 and "Referenced by" in page.text
    assert f'href="/{local}' not in page.text
    # nor is any derived link among them: only what the sources and curators state
    referenced = page.text[page.text.index("Referenced by") :]
    derived = {"acu:" + str(p)[len(str(ACU)) :] for p in union.subjects(ACU.derivedBy, None)}
    assert "acu:hasTheme" in derived and "acu:themeAssignment / acu:theme" in referenced
    assert not {d for d in derived if d in referenced}
    assert http.get("/" + local, headers={"Accept": "text/html"}).status_code == 200


def test_every_listed_page_answers(http, locs, service_url) -> None:
    for loc in locs[:: max(1, len(locs) // 40)]:  # some of each kind: the list is sorted by path
        response = http.get(loc[len(service_url) :], headers={"Accept": "text/html"})
        assert response.status_code == 200, loc


def test_a_resource_links_to_its_dataset(http) -> None:
    response = http.get("/state/MX", headers={"Accept": "text/turtle"})
    assert '</dataset>; rel="http://rdfs.org/ns/void#inDataset"' in response.headers["link"]


def test_past_its_limit_the_sitemap_is_an_index_of_parts(built_dist, monkeypatch) -> None:
    """sitemaps.org allows 50,000 URLs a file: past that, an index of parts that together list the
    same pages, in the same order (the limit lowered here to 100 to see it on the record)."""
    from fastapi.testclient import TestClient

    from acuerdos.settings import Settings
    from acuerdos.site import Site
    from acuerdos.web import sitemap
    from acuerdos.web.app import create_app

    def read(response) -> tuple[str, list[str]]:
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/xml")
        root = ET.fromstring(response.content)
        return root.tag, [loc.text or "" for loc in root.iter(SITEMAP + "loc")]

    with TestClient(create_app(Site.open(Settings(dist=built_dist))), base_url="http://data.example") as client:
        kind, pages = read(client.get("/sitemap.xml"))
        assert kind == SITEMAP + "urlset" and len(pages) > 250
        monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 100)
        kind, parts = read(client.get("/sitemap.xml"))
        assert kind == SITEMAP + "sitemapindex"
        assert parts == [f"http://data.example/sitemap-{n}.xml" for n in range(1, -(-len(pages) // 100) + 1)]
        listed = []
        for part in parts:
            kind, locs = read(client.get(part))
            assert kind == SITEMAP + "urlset" and 0 < len(locs) <= 100
            listed += locs
        assert listed == pages
        for missing in ("/sitemap-0.xml", f"/sitemap-{len(parts) + 1}.xml", "/sitemap-x.xml"):
            answer = client.get(missing)
            assert answer.status_code in (400, 404) and "Traceback" not in answer.text, missing
        monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 10**6)
        assert client.get("/sitemap-1.xml").status_code == 404  # no index: no parts
