"""The SHACL shapes (shapes/*.ttl), tested with the fixtures in tests/shapes/.

``valid-minimal.ttl`` is a minimal graph that conforms; every ``invalid-*.ru`` fixture is a SPARQL
Update patch of it that breaks one rule. Its header names the shape it trips (``# shape: <…>``),
that shape's severity (``# severity: Violation``), and any shape one defect necessarily breaks
too (``# also: <…>``). Checked here:

* every patched graph trips the shape its header names, at that severity, with a message in
  English and Spanish, and no other shape (its only defect is the one its name says);
* valid-minimal.ttl conforms without a single result;
* every shape in shapes/ is violated by at least one fixture (the meta-test), and is documented;
* pyshacl (the reference, tests/shapes_reference.py) reports the same (focus node, shape) pairs as
  pyshacl-turbo, fixture by fixture, except for its one known deviation;
* ``acuerdos validate`` exits 1 with the shape's message, 0 on warnings; the shipped data conforms.

Each fixture is validated on its own, in a store with ontology/**/*.ttl (sh:class needs the class
hierarchy; value sets and themes come from there), one named graph per file. What the ontology
alone produces is the baseline each fixture's results are compared against.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse, serialize

from acuerdos.artefacts import read_text
from acuerdos.namespaces import CURIES, Base
from acuerdos.project import Project
from acuerdos.validation import CompiledShapes, Result, ValidationOutcome, load_shapes, validate, validate_checkout

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "shapes"
FIXTURES = ROOT / "tests" / "shapes"
VALID = FIXTURES / "valid-minimal.ttl"
INVALID = sorted(FIXTURES.glob("invalid-*.ru"))
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
CANONICAL = Base()

# pyshacl's known deviation from the SHACL spec: sh:lessThanOrEquals between values that cannot be
# compared (an xsd:dateTime against an xsd:date, an ill-typed xsd:date) is a violation (SHACL
# 4.4.4: "each value ... that is not less than or equal to, or not comparable"); pyshacl reports
# nothing. These (focus node, shape) pairs only pyshacl-turbo reports; the rest of these two
# fixtures' results the engines agree on, like every other fixture's.
_DEADLINE = ("decision/2017-06-08-mexico/agreement-1", "shapes/Decision-deadline-not-before-meeting")
PYSHACL_MISSES: dict[str, set[tuple[str, str]]] = {
    "invalid-decision-deadline-datetime": {_DEADLINE},
    "invalid-meeting-startDate-invalid": {
        _DEADLINE,
        ("decision/2017-06-08-mexico/agreement-2", "shapes/Decision-scheduledStart-not-before-meeting"),
        ("meeting/2017-06-08-mexico", "shapes/Meeting-endDate-not-before-start"),
    },
}


@dataclass(frozen=True)
class Header:
    shapes: frozenset[str]
    severity: str
    also: frozenset[str]


def header(fixture: Path) -> Header:
    head = "".join(line for line in fixture.read_text(encoding="utf-8").splitlines(True) if line.startswith("#"))
    severity = re.search(r"^# severity: (\w+)\s*$", head, re.M)
    return Header(
        frozenset(re.findall(r"^# shape: <(.+)>\s*$", head, re.M)),
        severity.group(1) if severity else "",
        frozenset(re.findall(r"^# also: <(.+)>\s*$", head, re.M)),
    )


def graph_name(base: Base, path: Path) -> NamedNode:
    return NamedNode(base.graph(path.relative_to(ROOT).with_suffix("").as_posix()))


def fixture_quads(fixture: Path | None, base: Base = CANONICAL) -> list[Quad]:
    """valid-minimal.ttl with the fixture's patch applied, in the fixture's own named graph."""
    scratch = Store()
    scratch.load(input=read_text(VALID, base), format=RdfFormat.TURTLE)
    if fixture is not None:
        scratch.update(read_text(fixture, base))
    target = graph_name(base, fixture or VALID)
    return [Quad(q.subject, q.predicate, q.object, target) for q in scratch.quads_for_pattern(None, None, None)]


def ontology_quads(base: Base = CANONICAL) -> list[Quad]:
    quads: list[Quad] = []
    for path in sorted((ROOT / "ontology").rglob("*.ttl")):
        target = graph_name(base, path)
        quads += [
            Quad(q.subject, q.predicate, q.object, target) for q in parse(read_text(path, base), RdfFormat.TURTLE)
        ]
    return quads


class Fixtures:
    """The compiled shapes, the ontology, and each fixture's outcome, computed once per session."""

    def __init__(self) -> None:
        self.shapes: CompiledShapes = load_shapes(SHAPES, CANONICAL)
        self.ontology = ontology_quads()
        self._quads: dict[str, list[Quad]] = {}
        self._outcomes: dict[str, ValidationOutcome] = {}
        self.baseline = frozenset(self.outcome(None).results)

    def store(self, fixture: Path | None) -> Store:
        """The ontology, and the fixture if one is given (VALID for the valid graph itself).

        A fixture's quads are built once, so that every store of it has the same blank nodes.
        """
        store = Store()
        store.extend(self.ontology)
        if fixture is not None:
            if fixture.name not in self._quads:
                self._quads[fixture.name] = fixture_quads(None if fixture == VALID else fixture)
            store.extend(self._quads[fixture.name])
        return store

    def outcome(self, fixture: Path | None) -> ValidationOutcome:
        key = fixture.name if fixture else ""
        if key not in self._outcomes:
            self._outcomes[key] = validate(self.store(fixture), self.shapes)
        return self._outcomes[key]

    def new_results(self, fixture: Path) -> list[Result]:
        return [r for r in self.outcome(fixture).results if r not in self.baseline]


@pytest.fixture(scope="session")
def fixtures() -> Fixtures:
    return Fixtures()


def _short(shapes: set[str] | frozenset[str]) -> list[str]:
    return sorted(s.rsplit("/", 1)[-1] for s in shapes)


def _named_shapes() -> dict[str, dict]:
    """Every shape with an IRI in shapes/: its kind, severity, properties, label, comment, messages."""
    store = Store()
    for path in sorted(SHAPES.glob("*.ttl")):
        store.extend(parse(path=str(path), format=RdfFormat.TURTLE))
    found: dict[str, dict] = {}
    rows = store.query(
        f"""SELECT ?s ?kind WHERE {{ ?s <{RDF_TYPE}> ?kind .
            FILTER (isIRI(?s) && ?kind IN (<{SH}NodeShape>, <{SH}PropertyShape>)) }}"""
    )
    meta = {
        SH + p
        for p in (
            "message", "severity", "property", "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf",
            "target", "path", "sparql", "deactivated", "name", "description",
        )
    }  # fmt: skip
    for row in rows:
        node = row["s"]

        def objects(p: str, node: NamedNode = node) -> list:
            return [q.object for q in store.quads_for_pattern(node, NamedNode(p), None)]

        found[node.value] = {
            "kind": row["kind"].value.rsplit("#", 1)[-1],
            "properties": {o.value for o in objects(SH + "property")},
            "labels": {o.language for o in objects(RDFS + "label")},
            "comments": {o.language for o in objects(RDFS + "comment")},
            "messages": {o.language for o in objects(SH + "message")},
            "sparql_messages": [
                {q.object.language for q in store.quads_for_pattern(c, NamedNode(SH + "message"), None)}
                for c in objects(SH + "sparql")
            ],
            "severity": {o.value.rsplit("#", 1)[-1] for o in objects(SH + "severity")} or {"Violation"},
            "constraints": {
                q.predicate.value for q in store.quads_for_pattern(node, None, None) if q.predicate.value.startswith(SH)
            }
            - meta,
        }
    return found


# ---------------------------------------------------------------------------------------------
# The fixtures


def test_there_are_fixtures() -> None:
    assert VALID.exists(), "tests/shapes/ needs valid-minimal.ttl"
    assert INVALID, "tests/shapes/ needs invalid-*.ru fixtures"


def test_valid_fixture_conforms(fixtures: Fixtures) -> None:
    new = fixtures.new_results(VALID)
    assert not new, "the valid fixture must produce no result at all:\n" + fixtures.outcome(VALID).report()


def test_a_patch_changes_the_graph() -> None:
    """A patch whose WHERE matches nothing (a typo) would leave the valid graph as it is."""

    def triples(fixture: Path | None) -> set[tuple]:
        return {(q.subject, q.predicate, q.object) for q in fixture_quads(fixture)}

    valid = triples(None)
    unchanged = [f.name for f in INVALID if triples(f) == valid]
    assert not unchanged, f"these patches change nothing: {unchanged}"


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_trips_its_shape(fixture: Path, fixtures: Fixtures) -> None:
    expected = header(fixture)
    assert expected.shapes, f"{fixture.name}: the header must name the shape it trips (# shape: <…>)"
    new = fixtures.new_results(fixture)
    got = {r.shape for r in new}
    report = fixtures.outcome(fixture).report()
    missing = expected.shapes - got
    assert not missing, (
        f"{fixture.name} should trip {_short(missing)} but tripped {_short(got) or 'nothing'}:\n{report}"
    )
    for r in new:
        if r.shape in expected.shapes:
            assert r.severity == expected.severity, f"{fixture.name}: {r.shape} reported a {r.severity}"
            assert r.message.strip(), f"{r.shape} reported an empty message"
            assert r.message_in("es").strip() and r.message_in("es") != r.message, f"{r.shape}: no Spanish message"
    others = got - expected.shapes - expected.also
    assert not others, f"{fixture.name} has more than its one defect: it also trips {_short(others)}\n{report}"


def test_fixture_headers_name_real_shapes_and_their_severity() -> None:
    named = _named_shapes()
    for fixture in INVALID:
        expected = header(fixture)
        unknown = (expected.shapes | expected.also) - set(named)
        assert not unknown, f"{fixture.name} names shapes that do not exist: {sorted(unknown)}"
        for shape in expected.shapes:
            assert named[shape]["severity"] == {expected.severity}, (
                f"{fixture.name}: {shape} is not a {expected.severity}"
            )


@pytest.mark.slow
def test_every_shape_is_violated_by_some_fixture(fixtures: Fixtures) -> None:
    """The meta-test: a shape no fixture violates is a rule nobody has seen work."""
    violated: set[str] = set()
    for fixture in INVALID:
        violated |= {r.shape for r in fixtures.new_results(fixture)}
    missing = []
    for iri, shape in sorted(_named_shapes().items()):
        if iri in violated:
            continue
        groups_only = shape["kind"] == "NodeShape" and not shape["constraints"] and not shape["sparql_messages"]
        if groups_only and shape["properties"] & violated:
            continue  # a node shape that only groups property shapes is violated through them
        missing.append(iri.rsplit("/", 1)[-1])
    assert not missing, f"no fixture in tests/shapes/ violates these shapes: {missing}"


def test_every_shape_is_documented() -> None:
    for iri, shape in sorted(_named_shapes().items()):
        name = iri.rsplit("/", 1)[-1]
        assert "en" in shape["labels"], f"{name}: rdfs:label @en missing"
        assert "en" in shape["comments"], f"{name}: rdfs:comment @en missing"
        if shape["kind"] == "PropertyShape" or shape["constraints"]:
            assert {"en", "es"} <= shape["messages"], f"{name}: sh:message needs @en and @es"
        for langs in shape["sparql_messages"]:
            assert {"en", "es"} <= langs, f"{name}: its SPARQL constraint needs sh:message @en and @es"


def test_severities_are_split_by_file() -> None:
    """warnings.ttl holds the sh:Warning / sh:Info shapes; every other file only sh:Violation."""
    severity = NamedNode(SH + "severity")
    for path in sorted(SHAPES.glob("*.ttl")):
        store = Store()
        store.extend(parse(path=str(path), format=RdfFormat.TURTLE))
        severities = {q.object.value.rsplit("#", 1)[-1] for q in store.quads_for_pattern(None, severity, None)}
        if path.name == "warnings.ttl":
            kinds = (SH + "NodeShape", SH + "PropertyShape")
            shapes = {
                q.subject for q in store.quads_for_pattern(None, NamedNode(RDF_TYPE), None) if q.object.value in kinds
            }
            with_severity = {q.subject for q in store.quads_for_pattern(None, severity, None)}
            assert shapes <= with_severity, f"warnings.ttl: shapes without sh:severity: {shapes - with_severity}"
            assert severities <= {"Warning", "Info"}, severities
        else:
            assert severities <= {"Violation"}, f"{path.name} declares {severities}: move them to warnings.ttl"


@pytest.mark.slow
def test_warning_fixtures_do_not_fail_validation(fixtures: Fixtures) -> None:
    for fixture in INVALID:
        outcome = fixtures.outcome(fixture)
        if header(fixture).severity in ("Warning", "Info"):
            assert outcome.conforms, f"{fixture.name}: a warning must not make validation fail"
            assert outcome.exit_code == 0
        else:
            assert not outcome.conforms, f"{fixture.name}: a violation must make validation fail"
            assert outcome.exit_code == 1


# ---------------------------------------------------------------------------------------------
# The report


def test_report_groups_by_file_and_focus_node(fixtures: Fixtures) -> None:
    fixture = FIXTURES / "invalid-decision-deadline-before-meeting.ru"
    outcome = fixtures.outcome(fixture)
    report = outcome.report()
    assert "does NOT conform" in report
    assert "== tests/shapes/invalid-decision-deadline-before-meeting.ttl" in report
    assert "<decision/2017-06-08-mexico/agreement-1>  \u201cAgreement 1\u201d" in report
    assert "acu:adoptedAt/schema:startDate: the deadline (acu:deadline) is earlier than the start" in report
    assert outcome.counts()["Violation"] >= 1


def test_report_names_blank_nodes_after_their_owner(fixtures: Fixtures) -> None:
    report = fixtures.outcome(FIXTURES / "invalid-quote-not-normalised.ru").report()
    assert "oa:hasSelector of <decision/2017-06-08-mexico/agreement-2-a/evidence/2017-06-08-final-act-1>" in report


def test_report_in_spanish(fixtures: Fixtures) -> None:
    report = fixtures.outcome(FIXTURES / "invalid-decision-text-missing.ru").report(lang="es")
    assert "una decisión necesita exactamente un texto" in report


def test_sparql_messages_keep_their_language(fixtures: Fixtures) -> None:
    """pyshacl-turbo fills a SPARQL constraint's messages untagged; each gets its tag back."""
    outcome = fixtures.outcome(FIXTURES / "invalid-decision-number-duplicate.ru")
    found = [r for r in outcome.results if r.shape.endswith("/Decision-number-unique")]
    assert found and all(r.component == "SPARQL" for r in found)
    for r in found:
        assert r.message.startswith("another decision of the same kind in the same document has the same number")
        assert r.message_in("es").startswith("otra decisión del mismo tipo")
        assert r.path == "acu:number"


# ---------------------------------------------------------------------------------------------
# The reference engine, fixture by fixture


def _pairs(results: list[Result]) -> set[tuple[str, str]]:
    return {(r.focus, r.shape) for r in results}


@pytest.fixture(scope="session")
def reference():
    pytest.importorskip("pyshacl")
    from shapes_reference import Reference

    return Reference(SHAPES, CANONICAL)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib compares mixed datatypes noisily
@pytest.mark.parametrize("fixture", [None, VALID, *INVALID], ids=lambda p: p.stem if p else "ontology-alone")
def test_engines_agree_on_each_fixture(fixture: Path | None, fixtures: Fixtures, reference) -> None:
    """pyshacl and pyshacl-turbo find the same (focus node, shape) pairs, each fixture on its own."""
    turbo = _pairs(fixtures.outcome(fixture).results)
    pyshacl = _pairs(reference.results(fixtures.store(fixture)))
    known = PYSHACL_MISSES.get(fixture.stem if fixture else "", set())
    misses = {(f"<{CANONICAL.path(focus)}>", CANONICAL.path(shape)) for focus, shape in known}
    assert turbo - pyshacl == misses, f"only turbo: {sorted(turbo - pyshacl)}"
    assert not pyshacl - turbo, f"only pyshacl: {sorted(pyshacl - turbo)}"


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_engines_agree_on_the_shipped_data(reference) -> None:
    from acuerdos.graph import load_store

    project = Project(ROOT)
    store = load_store(project, CANONICAL)
    assert _pairs(validate(store, load_shapes(SHAPES, CANONICAL)).results) == _pairs(reference.results(store))


# ---------------------------------------------------------------------------------------------
# Shapes under another base, shapes that cannot be read


def test_shapes_follow_the_data_to_another_base() -> None:
    """With $ACUERDOS_BASE set, shapes, SPARQL text and data move together: same results, new IRIs."""
    base = Base("https://example.org/acu/")
    store = Store()
    store.extend(ontology_quads(base))
    store.extend(fixture_quads(FIXTURES / "invalid-decision-number-duplicate.ru", base))
    shapes = load_shapes(SHAPES, base)
    assert CANONICAL.path("decision/") not in shapes.triples
    found = {r.shape for r in validate(store, shapes).results if r.severity == "Violation"}
    assert found == {base.path("shapes/Decision-number-unique"), base.path("shapes/Decision-number-printed")}


def test_a_shapes_file_that_is_not_turtle_is_reported_with_its_line(tmp_path: Path) -> None:
    from acuerdos.errors import DataError

    (tmp_path / "broken.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\n<a> sh:path .\n")
    with pytest.raises(DataError) as caught:
        load_shapes(tmp_path, CANONICAL)
    assert str(caught.value).startswith(f"{tmp_path.name}/broken.ttl:3: not valid Turtle")


def test_a_shape_that_cannot_be_compiled_is_refused_when_loaded(tmp_path: Path) -> None:
    """A broken rule must never pass silently: the engine compiles every shape up front."""
    from acuerdos.errors import UserError

    (tmp_path / "broken.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<https://w3id.org/acuerdos/shapes/X> a sh:NodeShape ; sh:targetNode <https://w3id.org/acuerdos/x> ;\n"
        '    sh:sparql [ sh:select "SELECT $this WHERE { not SPARQL" ] .\n'
    )
    with pytest.raises(UserError, match="the shapes cannot be compiled: SPARQL parse error"):
        load_shapes(tmp_path, CANONICAL)


def test_a_folder_without_shapes_is_refused(tmp_path: Path) -> None:
    from acuerdos.errors import UserError

    with pytest.raises(UserError):
        load_shapes(tmp_path, CANONICAL)


# ---------------------------------------------------------------------------------------------
# The command line and the shipped data


def _checkout(tmp_path: Path, *fixtures: Path) -> Path:
    """A checkout with the ontology, the shapes and each fixture's graph as data/{name}.ttl."""
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(SHAPES, root / "shapes")
    (root / "data" / "sources").mkdir(parents=True)
    for fixture in fixtures:
        quads = [Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in fixture_quads(fixture)]
        text = serialize(quads, format=RdfFormat.TURTLE, prefixes=CURIES.prefixes, base_iri=CANONICAL.iri)
        (root / "data" / f"{fixture.stem}.ttl").write_bytes(text or b"")
    return root


@pytest.mark.parametrize(
    "name",
    [
        "invalid-decision-text-missing",
        "invalid-state-alpha2-lowercase",
        "invalid-decision-number-duplicate",
        "invalid-follow-up-earlier",
        "invalid-meeting-end-before-start",
    ],
)
def test_cli_fails_with_the_shapes_message(name: str, fixtures: Fixtures, tmp_path: Path, monkeypatch, capsys) -> None:
    from acuerdos.cli import main

    fixture = FIXTURES / f"{name}.ru"
    monkeypatch.chdir(_checkout(tmp_path, fixture))
    monkeypatch.delenv("ACUERDOS_HOME", raising=False)
    monkeypatch.delenv("ACUERDOS_BASE", raising=False)
    code = main(["validate"])
    out = capsys.readouterr().out
    assert code == 1, out
    messages = {r.message for r in fixtures.new_results(fixture) if r.shape in header(fixture).shapes}
    assert any(m in out for m in messages), out
    assert f"== data/{name}.ttl" in out


def test_cli_passes_on_a_valid_graph_and_on_warnings(tmp_path: Path, monkeypatch, capsys) -> None:
    from acuerdos.cli import main

    warning = FIXTURES / "invalid-warning-decision-without-actor.ru"
    monkeypatch.chdir(_checkout(tmp_path, warning))
    monkeypatch.delenv("ACUERDOS_HOME", raising=False)
    monkeypatch.delenv("ACUERDOS_BASE", raising=False)
    assert main(["validate"]) == 0
    assert "the decision says neither who must act" in capsys.readouterr().out


def _has_documents() -> bool:
    return any((ROOT / "data" / "documents").glob("*.ttl"))


@pytest.mark.skipif(not _has_documents(), reason="data/documents/ has no document files yet: nothing to validate")
def test_shipped_data_conforms() -> None:
    outcome = validate_checkout(Project(ROOT), CANONICAL)
    assert outcome.conforms, outcome.report()
