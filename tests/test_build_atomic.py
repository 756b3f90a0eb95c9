"""`acuerdos build` publishes a whole, validated release or nothing: killed at any moment it leaves
`dist/` the old release or the new one, and the next build cleans up; data that violates the shapes,
an empty file or broken Turtle is refused, naming the file; the service refuses a release whose
files do not match its manifest."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from acuerdos.errors import UserError
from acuerdos.graph.build import manifest_problems
from acuerdos.process import child_env, stop
from acuerdos.settings import Settings
from acuerdos.site import Site
from checkouts import acuerdos, small_checkout
from conftest import start_service

MINIMAL = "data/valid-minimal.ttl"
# a valid change: the second release the kills switch to and from
MORE = (
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    '<https://w3id.org/acuerdos/state/MX> rdfs:comment "Changed."@en .\n'
)


def _patch(root: Path, old: str, new: str) -> None:
    path = root / MINIMAL
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _manifest(dist: Path) -> dict:
    return json.loads((dist / "manifest.json").read_text(encoding="utf-8"))


def _leftovers(dist: Path) -> list[str]:
    beside = [p.name for p in dist.parent.iterdir() if p.name.startswith(f".{dist.name}-")]
    inside = [p.name for p in dist.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]
    return beside + inside


@pytest.mark.parametrize(
    "old, new, said",
    [
        ('startDate "2017-06-08"^^xsd:date', 'startDate "2017-13-45"^^xsd:date', "schema:startDate"),
        (
            "acu:mustAct <state/MX> ;",
            "acu:mustAct <state/MXX> ;",
            "value <state/MXX>",
        ),  # an IRI typo: an undeclared actor
        ('acu:number "2" ;', 'acu:number "1" ;', "acu:number"),  # two agreements of one act numbered 1
    ],
    ids=["impossible-date", "iri-typo", "duplicate-number"],
)
def test_build_refuses_data_that_violates_the_shapes(tmp_path: Path, old: str, new: str, said: str) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    dist = tmp_path / "dist"
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    before = _manifest(dist)
    _patch(root, old, new)
    refused = acuerdos("build", "--dist", str(dist), cwd=root)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "nothing published: the data violates the shapes" in refused.stderr
    assert f"== {MINIMAL}" in refused.stderr  # the file, then the focus node and the shape's message
    assert "VIOLATION:" in refused.stderr and said in refused.stderr, refused.stderr
    assert _manifest(dist) == before and not manifest_problems(dist, before)
    assert not _leftovers(dist)

    allowed = acuerdos("build", "--dist", str(dist), "--allow-violations", cwd=root)
    assert allowed.returncode == 0, allowed.stderr
    assert "publishing data with" in allowed.stderr
    after = _manifest(dist)
    assert after["version"] != before["version"]
    assert after["validation"]["allowed_violations"] is True and after["validation"]["violations"] >= 1
    assert before["validation"] == {"violations": 0, "allowed_violations": False}


@pytest.mark.parametrize(
    "name, text, said",
    [
        ("data/empty.ttl", "", "data/empty.ttl: the file is empty"),
        ("data/blank.ttl", "  \n\t\n", "data/blank.ttl: the file is empty"),
        (
            "data/broken.ttl",
            "@prefix ex: <https://example.org/> .\n\nex:a ex:b ex:c ;\n  ex:d .\n",
            "data/broken.ttl:4",
        ),
    ],
    ids=["empty", "whitespace", "syntax"],
)
def test_build_names_the_file_that_is_empty_or_no_turtle(tmp_path: Path, name: str, text: str, said: str) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    (root / name).write_text(text, encoding="utf-8")
    result = acuerdos("build", "--dist", str(tmp_path / "dist"), cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert said in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "dist").exists()


def test_shapes_that_cannot_be_read_stop_the_build_naming_the_file(tmp_path: Path) -> None:
    """Validation runs in a process of its own while the release is written aside: its error still
    reaches the user as one line naming the file, and nothing is published."""
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    dist = tmp_path / "dist"
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    before = _manifest(dist)
    (root / "shapes" / "broken.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:path .\n")
    refused = acuerdos("build", "--dist", str(dist), cwd=root)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "shapes/broken.ttl:2: not valid Turtle" in refused.stderr, refused.stderr
    assert _manifest(dist) == before and not _leftovers(dist)


def test_a_validation_that_dies_is_an_error_not_a_verdict(tmp_path: Path) -> None:
    from acuerdos.graph import load_store
    from acuerdos.namespaces import Base
    from acuerdos.project import Project
    from acuerdos.validation.aside import validate_aside

    project = Project(small_checkout(tmp_path / "checkout"))
    store = load_store(project, Base(), derived=False)
    assert validate_aside(store, project.shapes, Base()).result().conforms  # the checkout's data is valid
    pending = validate_aside(store, project.shapes, Base())
    pending.cancel()  # killed before it answered
    with pytest.raises(UserError, match=r"validation stopped before it finished \(exit code -9\)"):
        pending.result()


def test_build_timings_name_every_step(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    timings = tmp_path / "timings.json"
    assert acuerdos("build", "--dist", str(tmp_path / "dist"), "--timings", str(timings), cwd=root).returncode == 0
    steps = json.loads(timings.read_text(encoding="utf-8"))["phases"]
    names = [s["phase"] for s in steps]
    assert names[0] == "load the files" and "describe the dataset" in names
    assert any(n.startswith("on-disk store") for n in names)
    assert names[-1].startswith("validate")
    assert all(s["wall_s"] >= 0 and s["cpu_s"] >= 0 for s in steps)
    assert steps[-1]["cpu_s"] > 0  # the validating process's own CPU time, reported back


def test_the_service_refuses_a_release_that_does_not_match_its_manifest(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    dist = tmp_path / "dist"
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    Site.open(Settings(dist=dist))  # whole: opens
    with (dist / "acuerdos.nq").open("ab") as nq:
        nq.write(b"<https://w3id.org/acuerdos/x> <https://w3id.org/acuerdos/y> <https://w3id.org/acuerdos/z> .\n")
    (dist / "shapes" / "core.ttl").unlink(missing_ok=True)
    with pytest.raises(UserError, match=r"does not match its manifest \(acuerdos.nq has \d+ bytes, the manifest says"):
        Site.open(Settings(dist=dist))
    served = acuerdos("serve", "--dist", str(dist), "--port", "1", cwd=tmp_path)
    assert served.returncode == 2 and "does not match its manifest" in served.stderr, served.stderr


def test_the_next_build_removes_what_interrupted_builds_left(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    dist = tmp_path / "dist"
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    (tmp_path / ".dist-building-x1" / "queries").mkdir(parents=True)
    (tmp_path / ".dist-building-x1" / "acuerdos.nq").write_text("half")
    (dist / "acuerdos.nq.tmp").write_text("half")
    (dist / "releases" / ".0.3.0-x2").mkdir(parents=True)
    # killed between the two renames of a system with no atomic exchange: dist/ is aside
    (tmp_path / ".dist-old-x3").mkdir()
    dist.rename(tmp_path / ".dist-old-x3" / "dist")
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    assert not _leftovers(dist) and sorted(p.name for p in tmp_path.iterdir()) == ["checkout", "dist"]
    assert not manifest_problems(dist, _manifest(dist))


def _lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f)


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_a_whole_release(tmp_path: Path) -> None:
    """SIGKILL a real `acuerdos build` at 20 random moments, switching between two releases: each time
    dist/ is the old release or the new one, complete (its files match its manifest, its N-Quads
    have the lines of that release), and the service starts on it."""
    root = small_checkout(tmp_path / "checkout", "0.3.0")
    more = root / "data" / "more.ttl"
    dist = tmp_path / "dist"
    reference: dict[str, int] = {}  # version → lines of its N-Quads
    took = 0.0
    for state in ("a", "b"):
        if state == "b":
            more.write_text(MORE, encoding="utf-8")
        started = time.monotonic()
        assert acuerdos("build", "--dist", str(tmp_path / state), cwd=root).returncode == 0
        took = max(took, time.monotonic() - started)
        reference[_manifest(tmp_path / state)["version"]] = _lines(tmp_path / state / "acuerdos.nq")
    assert len(reference) == 2
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    env = child_env()
    seed = int(os.environ.get("ACUERDOS_TEST_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    seen: set[str] = set()
    for kill in range(20):
        if kill % 2:
            more.write_text(MORE, encoding="utf-8")
        else:
            more.unlink(missing_ok=True)
        build = subprocess.Popen(
            [sys.executable, "-m", "acuerdos.cli", "build", "--dist", str(dist)],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, took * 1.2))
        build.send_signal(signal.SIGKILL)
        build.wait()
        where = f"kill {kill} (seed {seed})"
        manifest = _manifest(dist)
        assert manifest["version"] in reference, where
        assert not manifest_problems(dist, manifest), where
        assert _lines(dist / "acuerdos.nq") == reference[manifest["version"]], where
        assert Site.open(Settings(dist=dist)).version == manifest["version"], where  # the service's start-up check
        seen.add(manifest["version"])
        if kill in (9, 19):  # the real service, twice: starting it each time would double the test's time
            service = start_service(dist, tmp_path / f"service-{kill}.log", workers=1)
            try:
                with urllib.request.urlopen(service.url + "/health", timeout=30) as answer:
                    assert answer.status == 200, where
            finally:
                stop(service.process)
    assert acuerdos("build", "--dist", str(dist), cwd=root).returncode == 0
    assert not _leftovers(dist)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
