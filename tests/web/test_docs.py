"""Documentation pages: the ontology at its IRI, the concept schemes, the shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef
from rdflib.namespace import SKOS

from acuerdos.project import Project

PROJECT = Project(Path(__file__).resolve().parents[2])  # the checkout (tests/ holds data/ of its own)

BASE = "https://w3id.org/acuerdos/"
ACU = BASE + "ontology#"


def parse(text: str, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


@pytest.fixture(scope="module")
def ontology_file() -> Graph:
    graph = Graph()
    graph.parse(PROJECT.ontology / "acuerdos.ttl", format="turtle")
    return graph


def test_ontology_html_has_an_entry_per_term(http, ontology_file):
    response = http.get("/ontology", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    terms = {str(s)[len(ACU) :] for s in ontology_file.subjects() if isinstance(s, URIRef) and str(s).startswith(ACU)}
    assert len(terms) > 40
    missing = [t for t in terms if f'id="{t}"' not in html]
    assert not missing, missing
    # labels in both languages, definitions, hierarchy, domain and range
    entry = html[html.index('id="Agreement"') :]
    entry = entry[: entry.index("</section>")]
    assert "Acuerdo" in entry and "Agreement" in entry
    assert 'href="/ontology#Decision"' in entry
    adopted = html[html.index('id="adoptedAt"') :]
    adopted = adopted[: adopted.index("</section>")]
    assert 'href="/ontology#Meeting"' in adopted and 'href="/ontology#Decision"' in adopted
    assert "prov:wasGeneratedBy" in adopted
    # a union range is spelled out
    followed = html[html.index('id="followedUpBy"') :]
    followed = followed[: followed.index("</section>")]
    assert 'href="/ontology#Meeting"' in followed


@pytest.mark.parametrize(
    "path, accept, fmt",
    [
        ("/ontology", "text/turtle", "turtle"),
        ("/ontology.ttl", None, "turtle"),
        ("/ontology", "application/ld+json", "json-ld"),
        ("/ontology.nt", None, "nt"),
    ],
)
def test_ontology_as_rdf(http, ontology_file, path, accept, fmt):
    response = http.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    graph = parse(response.text, fmt)
    assert (URIRef(BASE + "ontology"), RDF.type, OWL.Ontology) in graph
    assert len(graph) == len(ontology_file)


def test_ontology_term_iri_is_served_by_the_ontology(http):
    # …/ontology#Agreement: the fragment stays in the browser, the server sees /ontology
    response = http.get("/ontology", headers={"Accept": "text/turtle"})
    assert (URIRef(ACU + "Agreement"), RDF.type, OWL.Class) in parse(response.text, "turtle")


def test_ontology_etag_and_304(http):
    first = http.get("/ontology", headers={"Accept": "text/html"})
    again = http.get("/ontology", headers={"Accept": "text/html", "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_scheme_page(http):
    response = http.get("/scheme/gcm-objectives", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    for n in range(1, 24):
        assert f'id="{n}"' in html, n
    assert 'href="/theme/gcm-objective/10?lang=' in html
    assert "/queries/decisions-by-theme?theme=" in html
    regional = http.get("/scheme/regional-themes?lang=es").text
    # narrower themes sit under their broader one
    assert regional.index('id="consular-protection"') < regional.index('id="consular-crisis-management"')
    turtle = http.get("/scheme/gcm-objectives", headers={"Accept": "text/turtle"})
    assert (URIRef(BASE + "scheme/gcm-objectives"), RDF.type, SKOS.ConceptScheme) in parse(turtle.text, "turtle")


def test_schemes_list(http):
    html = http.get("/schemes").text
    for slug in ("regional-themes", "gcm-objectives", "gcm-principles", "gcm-thematic-sessions", "kind-meeting"):
        assert f'href="/scheme/{slug}?lang=' in html


def test_shapes_page_and_turtle(http):
    response = http.get("/shapes", headers={"Accept": "text/html"})
    assert response.status_code == 200
    html = response.text
    shapes = Graph()
    for path in PROJECT.shapes.glob("*.ttl"):
        shapes.parse(path, format="turtle")
    node_shapes = {
        str(s)[len(BASE + "shapes/") :]
        for s in shapes.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape"))
        if str(s).startswith(BASE + "shapes/")
    }
    assert node_shapes
    assert not [s for s in node_shapes if f'id="{s}"' not in html]
    turtle = http.get("/shapes.ttl")
    assert len(parse(turtle.text, "turtle")) == len(shapes)
    redirect = http.get("/shapes/Decision", headers={"Accept": "text/html"})
    assert redirect.status_code == 303 and re.search(r"/shapes\?lang=\w\w#Decision$", redirect.headers["location"])
    one = http.get("/shapes/Decision", headers={"Accept": "text/turtle"})
    assert (URIRef(BASE + "shapes/Decision"), RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape")) in parse(
        one.text, "turtle"
    )


# --- version IRIs ------------------------------------------------------------------------------


def current_version(ontology_file) -> str:
    return str(ontology_file.value(URIRef(BASE + "ontology"), OWL.versionInfo))


def test_current_version_iri_serves_the_ontology(http, ontology_file):
    version = current_version(ontology_file)
    page = http.get(f"/ontology/{version}", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert 'id="Agreement"' in page.text
    turtle = http.get(f"/ontology/{version}.ttl")
    assert turtle.status_code == 200
    assert len(parse(turtle.text, "turtle")) == len(ontology_file)


def test_past_version_iri_serves_the_release_files(http, built_dist):
    folder = built_dist / "releases" / "0.0.1"
    folder.mkdir(parents=True, exist_ok=True)
    text = f'<{BASE}ontology> <{OWL.versionInfo}> "0.0.1" .\n'
    (folder / "ontology.nt").write_text(text, encoding="utf-8")
    by_accept = http.get("/ontology/0.0.1", headers={"Accept": "application/n-triples"})
    assert by_accept.status_code == 200
    assert by_accept.headers["content-type"].startswith("application/n-triples")
    assert by_accept.text == text
    browser = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    assert http.get("/ontology/0.0.1", headers=browser).text == text  # the only file kept
    assert http.get("/ontology/0.0.1.nt").text == text
    assert http.get("/ontology/0.0.1.ttl").status_code == 404


def test_unknown_version_iri_is_404(http):
    response = http.get("/ontology/9.9.9", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert http.get("/ontology/9.9.9", headers={"Accept": "text/turtle"}).status_code == 404
