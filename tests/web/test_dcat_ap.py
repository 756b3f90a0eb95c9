"""The dataset's description against the DCAT-AP 3.0.0 shapes (pySHACL, the reference engine), and
its figures against an independent walk of the data.

The shapes are the profile's own files: ``../shared/dcat-ap-3.0.0/`` beside the checkout where it
is there (as in CI), else the copy in ``publishing/`` (which a test compares with it).
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD

from acuerdos.errors import UserError
from acuerdos.validation.dcat_ap import require_dcat_ap

from .test_dataset import BASE, DATASET, DCAT, VOID

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "dcat-ap-3.0.0"
COPY = ROOT / "publishing" / "dcat-ap-3.0.0"
SHAPES = SHARED if SHARED.is_dir() else COPY
ACU = Namespace(BASE + "ontology#")
SCHEMA = Namespace("https://schema.org/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country/"
PUBLISHER_PATHS = {str(DCAT.contactPoint), str(DCTERMS.publisher)}
GEOMETRY_PATHS = {str(DCAT.bbox), str(DCAT.centroid)}  # facts the data does not hold (see docs/publishing.md)


def shapes(*names: str) -> Graph:
    graph = Graph()
    for name in names:
        graph.parse(SHAPES / name, format="turtle")
    return graph


def results(data: Graph, shapes_graph: Graph) -> list[tuple[str, str, str, str]]:
    """(severity, focus, path, message) of every result pySHACL reports."""
    _conforms, report, _text = validate(data, shacl_graph=shapes_graph, allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for node in report.subjects(RDF.type, sh.ValidationResult):
        path = report.value(node, sh.resultPath)
        out.append(
            (
                str(report.value(node, sh.resultSeverity)).rsplit("#", 1)[1],
                str(report.value(node, sh.focusNode)),
                str(path) if path is not None else "",
                str(report.value(node, sh.resultMessage)),
            )
        )
    return sorted(out)


@pytest.fixture(scope="module")
def sample_dist(tmp_path_factory) -> Path:
    """The real data built with the sample publisher configuration."""
    from acuerdos.cli.build import build_release
    from acuerdos.graph.version import read_stamp
    from acuerdos.namespaces import Base
    from acuerdos.project import Project

    out = tmp_path_factory.mktemp("sample") / "dist"
    project = Project(ROOT)
    build_release(project, Base(), out, read_stamp(project), publisher=ROOT / "publishing" / "publisher.sample.yaml")
    return out


@pytest.fixture(scope="module")
def recommended() -> Graph:
    return shapes("shapes_recommended.ttl")


def test_the_copy_of_the_shapes_is_the_profiles() -> None:
    if not SHARED.is_dir():
        pytest.skip("no ../shared/dcat-ap-3.0.0 beside this checkout to compare the copy with")
    for path in sorted(SHARED.glob("*.ttl")):
        assert (COPY / path.name).read_bytes() == path.read_bytes(), f"publishing/dcat-ap-3.0.0/{path.name} differs"


@pytest.mark.parametrize("ext, fmt", [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")])
def test_every_format_has_no_violation(http, ext, fmt) -> None:
    response = http.get(f"/dataset.{ext}")
    assert response.status_code == 200
    data = Graph().parse(data=response.text, format=fmt)
    violations = [r for r in results(data, shapes("shapes.ttl", "range.ttl")) if r[0] == "Violation"]
    assert violations == [], "\n".join(map(str, violations))


def test_without_a_publisher_only_the_publishers_facts_are_missing(http, recommended) -> None:
    data = Graph().parse(data=http.get("/dataset.ttl").text, format="turtle")
    warnings = results(data, recommended)
    by_path = {(focus, path) for _, focus, path, _ in warnings}
    assert {(str(DATASET), p) for p in PUBLISHER_PATHS} | {(BASE + "sparql", p) for p in PUBLISHER_PATHS} <= by_path
    others = [w for w in warnings if w[2] not in PUBLISHER_PATHS | GEOMETRY_PATHS]
    assert others == [], "\n".join(map(str, others))
    page = http.get("/dataset", headers={"Accept": "text/html", "Accept-Language": "en"}).text
    assert "not configured" in page


def test_with_the_sample_publisher_nothing_but_geometry_is_missing(sample_dist, recommended) -> None:
    data = Graph().parse(sample_dist / "dataset.ttl", format="turtle")
    warnings = results(data, recommended)
    assert [w for w in warnings if w[2] not in GEOMETRY_PATHS] == []
    locations = set(data.subjects(RDF.type, DCTERMS.Location))
    assert {URIRef(focus) for _, focus, _, _ in warnings} <= locations
    publisher = data.value(DATASET, DCTERMS.publisher)
    assert str(data.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name"))) == "Example Migration Observatory"
    assert data.value(DATASET, DCAT.contactPoint) is not None


def test_a_violation_stops_the_build() -> None:
    broken = Graph()
    dist = URIRef(BASE + "dumps/acuerdos.ttl")
    broken.add((dist, RDF.type, DCAT.Distribution))
    broken.add((dist, DCAT.accessURL, dist))
    broken.add((dist, DCAT.byteSize, Literal("12", datatype=XSD.nonNegativeInteger)))  # DCAT-AP 3.0.0 asks decimal
    with pytest.raises(UserError, match="byteSize"):
        require_dcat_ap(COPY)(broken)


@pytest.fixture(scope="module")
def data(built_dist) -> Graph:
    dataset = Dataset()
    dataset.parse(built_dist / "acuerdos.nq", format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    return union


@pytest.fixture(scope="module")
def description(built_dist) -> Graph:
    return Graph().parse(built_dist / "dataset.ttl", format="turtle")


def test_class_partitions_count_the_members_of_subclasses(data, description) -> None:
    kinds = set(data.transitive_subjects(RDFS.subClassOf, ACU.Decision))
    decisions = {s for kind in kinds for s in data.subjects(RDF.type, kind)}
    partitions = {
        description.value(p, VOID["class"]): int(description.value(p, VOID.entities))
        for p in description.objects(DATASET, VOID.classPartition)
    }
    assert len(decisions) > 50
    assert partitions[ACU.Decision] == len(decisions)
    for prop in (RDF.type, ACU.evidence):
        part = next(
            p
            for p in description.objects(DATASET, VOID.propertyPartition)
            if description.value(p, VOID.property) == prop
        )
        assert int(description.value(part, VOID.triples)) == len(set(data.triples((None, prop, None))))


def test_coverage_is_computed_from_the_data(data, description) -> None:
    dates = sorted(
        str(o)
        for m in data.subjects(RDF.type, ACU.Meeting)
        for p in (SCHEMA.startDate, SCHEMA.endDate, ACU.notBefore, ACU.notAfter)
        for o in data.objects(m, p)
        if isinstance(o, Literal) and o.datatype == XSD.date
    )
    period = description.value(DATASET, DCTERMS.temporal)
    assert (str(description.value(period, DCAT.startDate)), str(description.value(period, DCAT.endDate))) == (
        dates[0],
        dates[-1],
    )
    org = Namespace("http://www.w3.org/ns/org#")
    members = {
        str(data.value(data.value(m, org.member), ACU.iso3166Alpha3))
        for m in data.subjects(org.role, URIRef(BASE + "kind/role/member-state"))
    }
    assert len(members) >= 23
    assert set(description.objects(DATASET, DCTERMS.spatial)) == {URIRef(EU_COUNTRY + code) for code in members}


def test_checksums_and_gzip_copies(built_dist, description) -> None:
    sums = dict(line.split("  ")[::-1] for line in (built_dist / "SHA256SUMS").read_text().splitlines())
    for dist in description.objects(DATASET, DCAT.distribution):
        name = str(dist).rsplit("/", 1)[1]
        digest = hashlib.sha256((built_dist / name).read_bytes()).hexdigest()
        value = description.value(description.value(dist, SPDX.checksum), SPDX.checksumValue)
        assert str(value) == digest == sums[name]
        if name.endswith(".gz"):
            assert gzip.decompress((built_dist / name).read_bytes()) == (built_dist / name[:-3]).read_bytes()
