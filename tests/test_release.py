"""`acuerdos build` writes a release folder the service needs nothing else for, whole or not at all;
`acuerdos release` stamps VERSION into the ontology and keeps each release in dist/releases/."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import OWL, Graph, Literal, URIRef

from acuerdos.namespaces import ONTOLOGY_IRI, Base
from acuerdos.project import Project
from checkouts import acuerdos, small_checkout

ONTOLOGY = URIRef(ONTOLOGY_IRI)
CHANGELOG = "# Changelog\n\n## 0.2.0 — 2026-12-01\n\n- The previous release.\n"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_everything_the_service_reads(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0", CHANGELOG)
    result = acuerdos("build", "--dist", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    dist = tmp_path / "out"
    manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["base"] == "https://w3id.org/acuerdos/" and len(manifest["version"]) == 16
    assert manifest["release"] == "0.3.0" and manifest["prior_release"] == "0.2.0"
    assert manifest["release_date"] is None  # 0.3.0 is not released yet
    assert all((dist / name).stat().st_size > 0 for name in manifest["files"])
    assert "https://w3id.org/acuerdos/graph/queries" in manifest["graphs"]
    assert _files(dist / "queries") == _files(root / "queries")
    assert _files(dist / "shapes") == _files(root / "shapes")
    assert _files(dist / "sources") == _files(root / "data" / "sources")
    graph = Graph().parse(dist / "acuerdos.ttl")
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef(ONTOLOGY_IRI + "/0.3.0")
    assert graph.value(ONTOLOGY, OWL.versionInfo) == Literal("0.3.0")
    assert graph.value(ONTOLOGY, OWL.priorVersion) == URIRef(ONTOLOGY_IRI + "/0.2.0")
    assert not (root / "dist").exists()


@pytest.mark.slow
def test_two_builds_of_the_same_files_write_the_same_bytes(tmp_path: Path) -> None:
    """The shipped data, built twice in processes that hash strings differently: every dump and the
    manifest byte for byte the same (blank nodes labelled from what they hang from, output sorted)."""
    root = Path(__file__).resolve().parents[1]
    dumps = []
    for seed in ("1", "2"):
        dist = tmp_path / f"dist-{seed}"
        result = acuerdos("build", "--dist", str(dist), cwd=root, env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        manifest = json.loads((dist / "manifest.json").read_text(encoding="utf-8"))
        dumps.append({name: (dist / name).read_bytes() for name in [*manifest["files"], "manifest.json"]})
    assert dumps[0].keys() == dumps[1].keys()
    for name in dumps[0]:
        assert dumps[0][name] == dumps[1][name], f"{name} differs between two builds of the same files"
    assert b"_:N" not in dumps[0]["acuerdos.nt"]  # no parser label (rdflib's start with N) reaches a dump


def test_the_version_changes_with_what_the_build_reads(tmp_path: Path) -> None:
    from acuerdos.graph.version import content_hash

    project = Project(small_checkout(tmp_path / "checkout", "0.3.0"))
    before = content_hash(project, Base())
    assert content_hash(project, Base("https://example.org/a/")) != before
    (project.sources / "000_minimal.txt").write_text("Otra acta.\n", encoding="utf-8")
    assert content_hash(project, Base()) != before


def test_an_interrupted_build_leaves_the_previous_release_as_it_was(tmp_path: Path) -> None:
    from acuerdos.cli.build import build_release
    from acuerdos.graph.version import read_stamp

    project = Project(small_checkout(tmp_path / "checkout", "0.3.0"))
    dist = tmp_path / "dist"
    build_release(project, Base(), dist, read_stamp(project))
    before = _files(dist)
    (project.data / "more.ttl").write_text("<https://w3id.org/acuerdos/x> a <https://w3id.org/acuerdos/y> .\n")
    (project.sources / "gone.txt").symlink_to(tmp_path / "nowhere")  # copying the sources fails, after the dumps
    with pytest.raises(shutil.Error):
        build_release(project, Base(), dist, read_stamp(project))
    assert _files(dist) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkout", "dist"]  # no half-built folder left


def test_release_keeps_every_format_and_adds_the_changelog_entry(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0", CHANGELOG)
    result = acuerdos("release", "--date", "2026-12-24", cwd=root)
    assert result.returncode == 0, result.stderr
    folder = root / "dist" / "releases" / "0.3.0"
    data = {s for s in Graph().parse(folder / "acuerdos.nt").subjects() if "/decision/" in str(s)}
    assert data
    for name, fmt in {
        "ontology.ttl": "turtle",
        "ontology.jsonld": "json-ld",
        "ontology.nt": "nt",
        "ontology.rdf": "xml",
    }.items():
        graph = Graph().parse(folder / name, format=fmt)
        assert graph.value(ONTOLOGY, OWL.versionInfo) == Literal("0.3.0"), name
        assert graph.value(ONTOLOGY, OWL.priorVersion) == URIRef(ONTOLOGY_IRI + "/0.2.0"), name
        assert not data & set(graph.subjects()), f"{name} holds the data, not the ontology alone"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["release"] == "0.3.0" and manifest["release_date"] == "2026-12-24"
    assert manifest == json.loads((root / "dist" / "manifest.json").read_text(encoding="utf-8"))
    assert all((folder / name).read_bytes() == (root / "dist" / name).read_bytes() for name in manifest["files"])
    changelog = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.index("## 0.3.0 — 2026-12-24") < changelog.index("## 0.2.0")
    assert "- (describe the changes of this release)" in changelog  # not a git repository: the maintainer writes it


def test_a_published_release_is_never_replaced_and_outlives_builds(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0", CHANGELOG)
    assert acuerdos("release", "--date", "2026-12-24", cwd=root).returncode == 0
    kept = _files(root / "dist" / "releases")
    again = acuerdos("release", cwd=root)
    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert again.stderr.count("\n") == 1 and "release 0.3.0 is published already" in again.stderr
    (root / "data" / "more.ttl").write_text("<https://w3id.org/acuerdos/x> a <https://w3id.org/acuerdos/y> .\n")
    assert acuerdos("build", cwd=root).returncode == 0
    assert _files(root / "dist" / "releases") == kept
    assert (root / "CHANGELOG.md").read_text(encoding="utf-8").count("## 0.3.0") == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["release", "--date", "24/12/2026"], "--date: not a date YYYY-MM-DD"),
        (["release"], "VERSION: no VERSION file"),
    ],
)
def test_release_mistakes_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0" if "--date" in args else None)
    result = acuerdos(*args, cwd=root)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_a_bad_version_names_the_file(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "next")
    result = acuerdos("build", cwd=root)
    assert result.returncode == 2 and "VERSION:1: not a version" in result.stderr, result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_changelog_entry_lists_the_commits_since_the_last_entry(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout", "0.3.0", CHANGELOG)

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", *args],
            cwd=root,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "Release 0.2.0")
    (root / "data" / "more.ttl").write_text("<https://w3id.org/acuerdos/x> a <https://w3id.org/acuerdos/y> .\n")
    git("add", ".")
    git("commit", "-qm", "Add the Quito meeting")
    assert acuerdos("release", "--date", "2026-12-24", cwd=root).returncode == 0
    entry = (root / "CHANGELOG.md").read_text(encoding="utf-8").split("## 0.3.0 — 2026-12-24")[1].split("## 0.2.0")[0]
    assert entry.strip() == "- Add the Quito meeting"


def test_a_release_folder_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    root = small_checkout(tmp_path / "checkout")
    (tmp_path / "file").write_text("not a folder\n")
    result = acuerdos("build", "--dist", str(tmp_path / "file" / "dist"), cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and str(tmp_path / "file") in result.stderr, result.stderr


def test_the_changelog_gives_each_release_its_own_date() -> None:
    from acuerdos.graph.version import changelog_entries

    text = (
        "# Changelog\n\n## 0.3.0\n\n- Fixed the 2017-06-08 dates.\n\n## [0.2.0] - 2026-12-01\n\n## 0.1.0 — 2026-11-22\n"
    )
    assert changelog_entries(text) == {"0.3.0": None, "0.2.0": "2026-12-01", "0.1.0": "2026-11-22"}
