"""The dataset's VoID and DCAT description, and the dumps it points to."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from acuerdos.web.dataset import by_folder

BASE = "https://w3id.org/acuerdos/"
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DATASET = URIRef(BASE + "dataset")
ROOT = Path(__file__).resolve().parents[2]


def parse(text: str, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(data=text, format=fmt)
    return graph


@pytest.fixture(scope="module")
def description(http) -> Graph:
    response = http.get("/dataset", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return parse(response.text, "turtle")


def test_void_and_dcat(description, manifest, data_version):
    g = description
    assert (DATASET, RDF.type, VOID.Dataset) in g
    assert (DATASET, RDF.type, DCAT.Dataset) in g
    assert (DATASET, VOID.sparqlEndpoint, URIRef(BASE + "sparql")) in g
    assert (DATASET, VOID.uriSpace, Literal(BASE)) in g
    assert int(g.value(DATASET, VOID.triples)) == manifest["triples"]
    assert str(g.value(DATASET, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))) == data_version
    assert g.value(DATASET, URIRef("http://purl.org/dc/terms/license")) is not None
    classes = {
        g.value(part, VOID["class"]): int(g.value(part, VOID.entities))
        for part in g.objects(DATASET, VOID.classPartition)
    }
    assert classes[URIRef(BASE + "ontology#Agreement")] > 10
    subsets = set(g.objects(DATASET, VOID.subset))
    assert {URIRef(name) for name in manifest["graphs"]} <= subsets


def test_every_dump_is_described_and_downloadable(http, description, built_dist):
    distributions = set(description.objects(DATASET, DCAT.distribution))
    names = {"acuerdos.ttl", "acuerdos.nt", "acuerdos.jsonld", "acuerdos.trig", "acuerdos.nq"}
    names |= {name + ".gz" for name in names}
    assert {URIRef(BASE + "dumps/" + n) for n in names} <= distributions
    for dist in distributions:
        name = str(dist)[len(BASE + "dumps/") :]
        size = int(description.value(dist, DCAT.byteSize).toPython())
        assert size == (built_dist / name).stat().st_size
        url = str(description.value(dist, DCAT.downloadURL))
        response = http.get("/" + url[len(BASE) :], headers={"Accept-Encoding": "identity"})
        assert response.status_code == 200
        assert len(response.content) == size
        assert response.headers["link"] == '</dataset>; rel="describedby"'
        media = str(description.value(dist, DCAT.mediaType)).rsplit("/media-types/", 1)[1]
        packed = description.value(dist, DCAT.compressFormat)
        if packed is None:
            assert response.headers["content-type"].startswith(media)
        else:
            assert str(packed).endswith("/application/gzip")
            assert response.headers["content-type"] == "application/gzip"
        again = http.get(
            "/" + url[len(BASE) :], headers={"Accept-Encoding": "identity", "If-None-Match": response.headers["etag"]}
        )
        assert again.status_code == 304


@pytest.mark.parametrize(
    "name, fmt",
    [("acuerdos.ttl", "turtle"), ("acuerdos.nt", "nt"), ("acuerdos.jsonld", "json-ld"), ("acuerdos.trig", "trig")],
)
def test_dumps_parse(http, manifest, name, fmt):
    response = http.get(f"/dumps/{name}")
    if fmt in ("trig", "json-ld"):  # the named graphs kept apart
        from rdflib import Dataset

        dataset = Dataset()
        dataset.parse(data=response.text, format=fmt)
        assert len({(s, p, o) for s, p, o, _ in dataset.quads()}) == manifest["triples"]
    else:
        assert len(parse(response.text, fmt)) == manifest["triples"]


def test_a_client_that_accepts_gzip_gets_the_gzip_copy(http, built_dist):
    raw = http.stream("GET", "/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip"})
    with raw as response:
        body = b"".join(response.iter_raw())
        assert response.headers["content-encoding"] == "gzip"
        assert "Accept-Encoding" in response.headers["vary"]
        assert response.headers["content-type"].startswith("application/n-triples")
    assert body == (built_dist / "acuerdos.nt.gz").read_bytes()
    plain = http.get("/dumps/acuerdos.nt", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in plain.headers
    assert plain.content == (built_dist / "acuerdos.nt").read_bytes()


def test_dataset_page_and_well_known(http):
    page = http.get("/dataset", headers={"Accept": "text/html"})
    assert page.status_code == 200
    for name in ("acuerdos.ttl", "acuerdos.nt", "acuerdos.jsonld", "acuerdos.trig"):
        assert f'href="/dumps/{name}"' in page.text
    assert 'href="/sparql"' in page.text
    redirect = http.get("/.well-known/void")
    assert redirect.status_code == 303 and redirect.headers["location"].endswith("/dataset")
    assert http.get("/dumps/secret.txt").status_code == 404
    assert http.get("/dumps/..%2Fmanifest.json").status_code == 404


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_dataset_page_writes_its_figures_as_the_language_does(http, manifest, lang):
    """16,842 in English; 16 842 in Spanish (a narrow no-break space: RAE and ASALE's Ortografía,
    since a point or a comma reads as a decimal sign in one or the other half of the member states)."""
    triples = manifest["triples"]
    assert triples >= 10_000  # the rule for Spanish differs below five digits
    digits = str(triples)
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    written = ("," if lang == "en" else "\u202f").join(groups)
    page = http.get(f"/dataset?lang={lang}", headers={"Accept": "text/html"})
    assert f"<dd>{written}</dd>" in page.text


def test_graphs_counted_per_folder_as_the_files_are(description):
    """Past GRAPHS_LISTED named graphs the page counts them per folder: as many in each folder of data/
    as it has Turtle files, and their triples those the description gives each graph."""
    graphs = [
        {"name": str(g)[len(BASE + "graph/") :], "count": int(description.value(g, VOID.triples))}
        for g in description.objects(DATASET, VOID.subset)
        if str(g).startswith(BASE + "graph/data/")
    ]
    folders = {f["name"]: f for f in by_folder(graphs)}
    files = Counter(path.parent.relative_to(ROOT).as_posix() for path in (ROOT / "data").rglob("*.ttl"))
    assert {name: f["graphs"] for name, f in folders.items()} == dict(files)
    assert sum(f["count"] for f in folders.values()) == sum(g["count"] for g in graphs)
