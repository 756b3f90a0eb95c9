"""The command line meets a curator's mistakes with one clear line, a non-zero exit and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkouts import full_checkout

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the artefact folders, for breaking files without touching the real ones."""
    return full_checkout(tmp_path_factory.mktemp("checkout"))


def run(args: list[str], project: Path) -> subprocess.CompletedProcess[str]:
    """The command run inside ``project``, which it finds from the current folder."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("ACUERDOS_")}
    return subprocess.run(
        [sys.executable, "-m", "acuerdos.cli", *args], env=env, cwd=project, capture_output=True, text=True, timeout=300
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


@pytest.mark.parametrize("command", ["build", "validate", "stats"])
def test_a_syntax_error_names_the_file_and_line(command: str, checkout: Path) -> None:
    target = checkout / "data" / "documents" / "2017-06-08-panama.ttl"
    original = target.read_text(encoding="utf-8")
    lines = original.splitlines()
    broken_at = next(i for i, line in enumerate(lines) if line.startswith("<decision/2017-06-08-panama/agreement-3>"))
    lines[broken_at] = lines[broken_at].replace(" a acu:Agreement ;", " a acu:Agreement acu:Decision ;")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        result = run([command], checkout)
    finally:
        target.write_text(original, encoding="utf-8")
    assert_one_clear_line(result, "data/documents/2017-06-08-panama.ttl:", "not valid Turtle")
    line = int(result.stderr.split("2017-06-08-panama.ttl:")[1].split(":")[0])
    assert abs(line - (broken_at + 1)) <= 1, f"error reported at line {line}, the file is broken at {broken_at + 1}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("publisher:\n  name: X\n  type: University\n", "publisher.type"),
        ("publisher:\n  name: X\n  phone: 1\n", "phone"),
        ("contact:\n  email: nobody\n", "contact.email"),
        ("publisher:\n  iri: https://example.org/x\n", "publisher.name"),
        ("publisher: [\n", "cannot read"),
    ],
)
def test_a_bad_publisher_configuration_is_named(checkout: Path, tmp_path: Path, text: str, expected: str) -> None:
    config = tmp_path / "publisher.yaml"
    config.write_text(text, encoding="utf-8")
    result = run(["build", "--dist", str(tmp_path / "dist"), "--publisher", str(config)], checkout)
    assert_one_clear_line(result, str(config), expected)
    assert not (tmp_path / "dist").exists()


def test_an_unknown_query_is_named(checkout: Path) -> None:
    assert_one_clear_line(run(["query", "no-such-question"], checkout), "no-such-question")


def test_a_missing_query_file_is_named(checkout: Path) -> None:
    assert_one_clear_line(run(["query", "missing/file.rq"], checkout), "missing/file.rq")


def test_an_unknown_option_is_a_usage_error(checkout: Path) -> None:
    result = run(["build", "--no-such-option"], checkout)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--no-such-option" in result.stderr


def test_stats_counts_what_the_data_holds() -> None:
    """`acuerdos stats` (SPARQL over Oxigraph) against the same counts walked in rdflib."""
    from rdflib import RDF, RDFS, URIRef

    from acuerdos.graph import load_dataset, union_graph
    from acuerdos.namespaces import Base
    from acuerdos.project import Project

    result = run(["stats"], ROOT)
    assert result.returncode == 0, result.stderr
    printed = dict(
        line.split(None, 1)
        if not line.startswith(("meetings", "follow-up", "decisions", "themes"))
        else (line[:21].strip(), line[21:].strip())
        for line in result.stdout.splitlines()
    )
    g = union_graph(load_dataset(Project(ROOT), Base()))
    acu = "https://w3id.org/acuerdos/ontology#"
    decision = URIRef(acu + "Decision")
    kinds = set(g.transitive_subjects(RDFS.subClassOf, decision))
    counts: dict[str, int] = {}
    for thing in {s for k in kinds for s in g.subjects(RDF.type, k)}:
        types = set(g.objects(thing, RDF.type)) & kinds
        for kind in types:  # count each decision under its most specific kind
            if not any(t != kind and kind in g.transitive_objects(t, RDFS.subClassOf) for t in types):
                name = str(kind).rsplit("#", 1)[1]
                counts[name] = counts.get(name, 0) + 1
    expected = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v)
    assert printed["decisions"] == expected
    assert printed["triples"] == str(len(g))
    recorded = set(g.objects(None, URIRef(acu + "records")))
    assert printed["meetings recorded"] == str(len(recorded))


@pytest.mark.parametrize("command", ["generate", "export"])
def test_a_folder_to_write_must_be_new_or_empty(command: str, checkout: Path, tmp_path: Path) -> None:
    """Neither a file nor a folder with something in it is written over."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n", encoding="utf-8")
    used = tmp_path / "used"
    used.mkdir()
    (used / "keep.txt").write_text("mine\n", encoding="utf-8")
    for target in (a_file, used):
        args = [command, str(target), *(["--url", "https://example.org/"] if command == "export" else [])]
        assert_one_clear_line(run(args, checkout), str(target), "not an empty folder")
    assert a_file.read_text(encoding="utf-8") == "mine\n" and [p.name for p in used.iterdir()] == ["keep.txt"]
