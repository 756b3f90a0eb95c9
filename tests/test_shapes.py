"""The SHACL shapes (shapes/*.ttl), tested with the fixtures in tests/shapes/.

* every ``invalid-*.ttl`` fixture trips the shape its header names (``# shape: <…>``), with a
  non-empty message in English and Spanish, and no shape other than those its header allows
  (``# also: <…>``, where one defect necessarily breaks a second rule): its only defect is the one
  its name says;
* every ``valid-*.ttl`` fixture conforms without a single result;
* every shape in shapes/ is violated by at least one fixture (the meta-test), and is documented;
* the compiled engine and pyshacl (the reference) report the same results on the fixtures;
* ``acuerdos validate`` exits 0 or 1, printing the shape's message;
* the shipped data conforms.

Fixtures are validated together with ontology/*.ttl and ontology/schemes/*.ttl: sh:class checks
need the class hierarchy, value sets and themes come from there. What the ontology alone produces
(its own warnings, say) is the baseline that each fixture's results are compared against.
"""
from __future__ import annotations

import re
import shutil
import time
from functools import lru_cache
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, parse

from acuerdos.config import CANONICAL_BASE, Paths
from acuerdos.validation import Result, ValidationOutcome, load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "shapes"
FIXTURES = ROOT / "tests" / "shapes"
ONTOLOGY = ROOT / "ontology"
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

INVALID = sorted(FIXTURES.glob("invalid-*.ttl"))
VALID = sorted(FIXTURES.glob("valid-*.ttl"))


def _graph_of(path: Path) -> NamedNode:
    return NamedNode(f"{CANONICAL_BASE}graph/{path.relative_to(ROOT).with_suffix('').as_posix()}")


def _quads(path: Path) -> list[Quad]:
    target = _graph_of(path)
    return [Quad(q.subject, q.predicate, q.object, target) for q in parse(path=str(path), format=RdfFormat.TURTLE)]


@lru_cache(maxsize=1)
def _ontology_quads() -> tuple[Quad, ...]:
    quads: list[Quad] = []
    for path in sorted(ONTOLOGY.rglob("*.ttl")):
        quads.extend(_quads(path))
    return tuple(quads)


def _store(*fixtures: Path) -> Store:
    store = Store()
    store.extend(_ontology_quads())
    for fixture in fixtures:
        store.extend(_quads(fixture))
    return store


@lru_cache(maxsize=1)
def _baseline() -> frozenset[Result]:
    """What the ontology alone produces: not the fixtures' doing."""
    return frozenset(validate(_store(), SHAPES, base=CANONICAL_BASE).results)


@lru_cache(maxsize=None)
def _outcome(fixture: Path) -> ValidationOutcome:
    return validate(_store(fixture), SHAPES, base=CANONICAL_BASE)


def _new_results(fixture: Path) -> list[Result]:
    return [r for r in _outcome(fixture).results if r not in _baseline()]


def _header(fixture: Path) -> tuple[set[str], set[str]]:
    text = fixture.read_text(encoding="utf-8")
    head = text.split("@base", 1)[0]
    return set(re.findall(r"^# shape: <(.+)>\s*$", head, re.M)), set(re.findall(r"^# also: <(.+)>\s*$", head, re.M))


def _short(shapes: set[str]) -> list[str]:
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
    for row in rows:
        iri = row["s"].value
        node = NamedNode(iri)

        def objects(p: str) -> list:
            return [q.object for q in store.quads_for_pattern(node, NamedNode(p), None)]

        found[iri] = {
            "kind": row["kind"].value.rsplit("#", 1)[-1],
            "properties": {o.value for o in objects(SH + "property")},
            "labels": {o.language for o in objects(RDFS + "label")},
            "comments": {o.language for o in objects(RDFS + "comment")},
            "messages": {o.language for o in objects(SH + "message")},
            "sparql_messages": [
                {q.object.language for q in store.quads_for_pattern(c, NamedNode(SH + "message"), None)}
                for c in objects(SH + "sparql")
            ],
            "severity": {o.value.rsplit("#", 1)[-1] for o in objects(SH + "severity")},
            "constraints": {
                q.predicate.value for q in store.quads_for_pattern(node, None, None) if q.predicate.value.startswith(SH)
            }
            - {SH + p for p in ("message", "severity", "property", "targetClass", "targetNode", "targetSubjectsOf",
                                "targetObjectsOf", "target", "path", "sparql", "deactivated", "name", "description")},
        }
    return found


# ---------------------------------------------------------------------------------------------
# The fixtures


def test_there_are_fixtures() -> None:
    assert VALID, "tests/shapes/ needs at least one valid-*.ttl"
    assert INVALID, "tests/shapes/ needs invalid-*.ttl fixtures"


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.stem)
def test_valid_fixture_conforms(fixture: Path) -> None:
    new = _new_results(fixture)
    assert not new, "a valid fixture must produce no result at all:\n" + _outcome(fixture).report()


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_trips_its_shape(fixture: Path) -> None:
    expected, also = _header(fixture)
    assert expected, f"{fixture.name}: the header must name the shape it trips (# shape: <…>)"
    new = _new_results(fixture)
    got = {r.shape for r in new}
    missing = expected - got
    assert not missing, (
        f"{fixture.name} should trip {_short(missing)} but tripped {_short(got) or 'nothing'}:\n"
        + _outcome(fixture).report()
    )
    for r in new:
        if r.shape in expected:
            assert r.message.strip(), f"{r.shape} reported an empty message"
            assert r.message_in("es").strip() and r.message_in("es") != r.message, f"{r.shape}: no Spanish message"
    others = got - expected - also
    assert not others, (
        f"{fixture.name} has more than its one defect: it also trips {_short(others)}\n" + _outcome(fixture).report()
    )


def test_fixture_headers_name_real_shapes() -> None:
    named = _named_shapes()
    for fixture in INVALID:
        expected, also = _header(fixture)
        unknown = (expected | also) - set(named)
        assert not unknown, f"{fixture.name} names shapes that do not exist: {sorted(unknown)}"


@lru_cache(maxsize=1)
def _violated_by_fixtures() -> frozenset[str]:
    violated: set[str] = set()
    for fixture in INVALID:
        violated |= {r.shape for r in _new_results(fixture)}
    return frozenset(violated)


def test_every_shape_is_violated_by_some_fixture() -> None:
    """The meta-test: a shape no fixture violates is a rule nobody has seen work."""
    violated = _violated_by_fixtures()
    missing = []
    for iri, shape in sorted(_named_shapes().items()):
        if iri in violated:
            continue
        if shape["kind"] == "NodeShape" and shape["properties"] and not shape["constraints"] and not shape["sparql_messages"]:
            # a node shape that only groups property shapes is violated through them
            if shape["properties"] & violated:
                continue
        missing.append(iri.rsplit("/", 1)[-1])
    assert not missing, f"no fixture in tests/shapes/ violates these shapes: {missing}"


def test_every_shape_is_documented() -> None:
    for iri, shape in sorted(_named_shapes().items()):
        name = iri.rsplit("/", 1)[-1]
        assert "en" in shape["labels"], f"{name}: rdfs:label @en missing"
        assert "en" in shape["comments"], f"{name}: rdfs:comment @en missing"
        speaks = shape["kind"] == "PropertyShape" or shape["constraints"]
        if speaks:
            assert {"en", "es"} <= shape["messages"], f"{name}: sh:message needs @en and @es"
        for langs in shape["sparql_messages"]:
            assert {"en", "es"} <= langs, f"{name}: its SPARQL constraint needs sh:message @en and @es"


def test_severities_are_split_by_file() -> None:
    """warnings.ttl holds the sh:Warning / sh:Info shapes; every other file only sh:Violation."""
    for path in sorted(SHAPES.glob("*.ttl")):
        store = Store()
        store.extend(parse(path=str(path), format=RdfFormat.TURTLE))
        severities = {q.object.value.rsplit("#", 1)[-1] for q in store.quads_for_pattern(None, NamedNode(SH + "severity"), None)}
        if path.name == "warnings.ttl":
            shapes = {q.subject for q in store.quads_for_pattern(None, NamedNode(RDF_TYPE), None)
                      if q.object.value in (SH + "NodeShape", SH + "PropertyShape")}
            with_severity = {q.subject for q in store.quads_for_pattern(None, NamedNode(SH + "severity"), None)}
            assert shapes <= with_severity, f"warnings.ttl: shapes without sh:severity: {shapes - with_severity}"
            assert severities <= {"Warning", "Info"}, severities
        else:
            assert severities <= {"Violation"}, f"{path.name} declares {severities}: move them to warnings.ttl"


def test_warning_fixtures_do_not_fail_validation() -> None:
    for fixture in INVALID:
        outcome = _outcome(fixture)
        expected, _ = _header(fixture)
        severities = {r.severity for r in _new_results(fixture) if r.shape in expected}
        if severities <= {"Warning", "Info"}:
            assert outcome.conforms, f"{fixture.name}: a warning must not make validation fail"
        else:
            assert not outcome.conforms, f"{fixture.name}: a violation must make validation fail"


# ---------------------------------------------------------------------------------------------
# The report


def test_report_groups_by_focus_node_and_names_the_file() -> None:
    fixture = FIXTURES / "invalid-decision-deadline-before-meeting.ttl"
    outcome = _outcome(fixture)
    report = outcome.report()
    assert "does NOT conform" in report
    assert "== tests/shapes/invalid-decision-deadline-before-meeting.ttl" in report
    assert "<decision/2017-06-08-mexico/agreement-1>" in report
    assert "\u201cAgreement 1\u201d" in report
    assert "is earlier than the start of the meeting that adopted the decision" in report
    assert "acu:adoptedAt/schema:startDate" in report
    assert outcome.counts()["Violation"] >= 1


def test_report_names_blank_nodes_after_their_owner() -> None:
    report = _outcome(FIXTURES / "invalid-quote-not-normalised.ttl").report()
    assert "acu:evidence/oa:hasSelector of <decision/2017-06-08-mexico/agreement-2-a>" in report


def test_report_in_spanish() -> None:
    report = _outcome(FIXTURES / "invalid-decision-text-missing.ttl").report(lang="es")
    assert "una decisión necesita exactamente un texto" in report


# ---------------------------------------------------------------------------------------------
# The engines


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib compares mixed datatypes noisily
def test_engines_agree_on_the_fixtures() -> None:
    """pyshacl (the reference) and the compiled engine find the same (focus node, shape) pairs.

    All fixtures are validated at once (each keeps its own blank nodes), so that pyshacl runs once.
    """
    pytest.importorskip("pyshacl")
    store = _store(*VALID, *INVALID)
    compiled = validate(store, SHAPES, base=CANONICAL_BASE)
    reference = validate(store, SHAPES, base=CANONICAL_BASE, engine="pyshacl")
    a = {(r.focus, r.shape, r.severity) for r in compiled.results}
    b = {(r.focus, r.shape, r.severity) for r in reference.results}
    assert a == b, f"only compiled: {sorted(a - b)[:20]}\nonly pyshacl: {sorted(b - a)[:20]}"


def test_shapes_load_under_another_base() -> None:
    """With $ACUERDOS_BASE set, the shapes follow the data to the new base (SPARQL text included)."""
    base = "https://example.org/acu/"
    shapes = load_shapes(SHAPES, base)
    assert any(s.node.value.startswith(base + "shapes/") for s in shapes.roots)
    assert all(not s.node.value.startswith(CANONICAL_BASE) for s in shapes.roots if hasattr(s.node, "value"))
    selects = [c.select for s in shapes.roots for c in s.sparql]
    assert selects and all(CANONICAL_BASE not in q for q in selects)


def test_a_shape_the_engine_cannot_run_is_refused(tmp_path: Path) -> None:
    """A new kind of rule must never pass silently: the compiled engine refuses what it lacks."""
    from acuerdos.validation import UnsupportedShape

    (tmp_path / "closed.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<https://w3id.org/acuerdos/shapes/Closed> a sh:NodeShape ; sh:targetNode <https://w3id.org/acuerdos/x> ;\n"
        "    sh:closed true .\n",
        encoding="utf-8",
    )
    with pytest.raises(UnsupportedShape):
        validate(_store(), tmp_path, base=CANONICAL_BASE)


def test_a_file_that_is_not_turtle_is_reported_with_its_line(tmp_path: Path) -> None:
    from acuerdos.errors import DataError
    from acuerdos.graph import load_store

    root = _checkout(tmp_path)
    (root / "data" / "broken.ttl").write_text("@prefix acu: <https://w3id.org/acuerdos/ontology#> .\n\n<a> acu:x .\n")
    with pytest.raises(DataError) as caught:
        load_store(Paths(root), CANONICAL_BASE)
    assert str(caught.value).startswith("data/broken.ttl:3: not valid Turtle")


# ---------------------------------------------------------------------------------------------
# The command line


def _checkout(tmp_path: Path, *fixtures: Path) -> Path:
    root = tmp_path / "checkout"
    shutil.copytree(ONTOLOGY, root / "ontology")
    shutil.copytree(SHAPES, root / "shapes")
    (root / "data" / "sources").mkdir(parents=True)
    for fixture in fixtures:
        shutil.copy(fixture, root / "data" / fixture.name)
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
def test_cli_fails_with_the_shapes_message(name: str, tmp_path: Path, monkeypatch, capsys) -> None:
    from acuerdos.cli import main

    fixture = FIXTURES / f"{name}.ttl"
    monkeypatch.setenv("ACUERDOS_HOME", str(_checkout(tmp_path, fixture)))
    monkeypatch.delenv("ACUERDOS_BASE", raising=False)
    code = main(["validate"])
    out = capsys.readouterr().out
    assert code == 1, out
    expected, _ = _header(fixture)
    messages = {r.message for r in _new_results(fixture) if r.shape in expected}
    assert any(m in out for m in messages), out
    assert f"== data/{name}.ttl" in out


def test_cli_passes_on_a_valid_graph_and_on_warnings(tmp_path: Path, monkeypatch, capsys) -> None:
    from acuerdos.cli import main

    root = _checkout(tmp_path, FIXTURES / "valid-minimal.ttl")
    monkeypatch.setenv("ACUERDOS_HOME", str(root))
    monkeypatch.delenv("ACUERDOS_BASE", raising=False)
    assert main(["validate"]) == 0, capsys.readouterr().out
    capsys.readouterr()
    shutil.copy(FIXTURES / "invalid-warning-decision-without-actor.ttl", root / "data" / "valid-minimal.ttl")
    assert main(["validate"]) == 0
    assert "the decision says neither who must act" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# The shipped data


def _has_documents() -> bool:
    return any((ROOT / "data" / "documents").glob("*.ttl"))


@pytest.mark.skipif(not _has_documents(), reason="data/documents/ has no document files yet: nothing to validate")
def test_shipped_data_conforms() -> None:
    from acuerdos.graph import load_dataset

    outcome = validate(load_dataset(Paths(ROOT)), SHAPES)
    assert outcome.conforms, outcome.report()


@pytest.mark.skipif(not _has_documents(), reason="data/documents/ has no document files yet: nothing to validate")
def test_validating_the_shipped_data_is_fast() -> None:
    """A curator validates after every edit (bench/bench_validate.py has the figures)."""
    from acuerdos.validation import validate_checkout

    validate_checkout(Paths(ROOT))  # warm the shapes cache, as a second run in a session would
    started = time.perf_counter()
    validate_checkout(Paths(ROOT))
    took = time.perf_counter() - started
    assert took < 5, f"validating the checkout took {took:.1f} s"
