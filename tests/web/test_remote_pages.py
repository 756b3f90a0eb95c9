"""The pages, the linked data and the named queries also work when the service answers from a
remote SPARQL server (here a real Oxigraph server; skipped when it is not installed)."""

from __future__ import annotations

import httpx
import pytest
from rdflib import RDF, Graph, URIRef

BASE = "https://w3id.org/acuerdos/"


@pytest.fixture(scope="module")
def remote(remote_service_url):
    with httpx.Client(base_url=remote_service_url, timeout=30) as client:
        yield client


def test_resource_page_and_rdf(remote):
    page = remote.get("/decision/2017-06-08-panama/agreement-13", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "Acuerdo 13 de la reunión de trabajo CRM-CSM" in page.text
    assert "/document/2017-06-08-final-act/text?q=" in page.text
    turtle = remote.get("/decision/2017-06-08-panama/agreement-13", headers={"Accept": "text/turtle"})
    graph = Graph()
    graph.parse(data=turtle.text, format="turtle")
    assert (
        URIRef(BASE + "decision/2017-06-08-panama/agreement-13"),
        RDF.type,
        URIRef(BASE + "ontology#Agreement"),
    ) in graph


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ontology",
        "/scheme/gcm-objectives",
        "/dataset",
        "/document/2017-06-08-final-act/text",
        "/queries/decisions-by-theme?format=html",
    ],
)
def test_pages(remote, path):
    assert remote.get(path, headers={"Accept": "text/html"}).status_code == 200


def test_named_query(remote, http):
    params = {"theme": BASE + "theme/gcm-objective/10"}
    here = remote.get("/queries/decisions-by-theme", params=params).json()
    embedded = http.get("/queries/decisions-by-theme", params=params).json()
    assert here["rows"] == embedded["rows"]
    assert here["version"] == embedded["version"]
