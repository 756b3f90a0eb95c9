"""`acuerdos accept`: a drafted source goes into a copy of the project that lacks its curated files, and
builds with the decisions the curator kept; a broken draft, an unknown item, a document already in
the data are refused with nothing written.

The draft and the copy of the project are those of tests/draft_project.py.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import yaml

from acuerdos.text import normalise
from checkouts import acuerdos
from draft_gold import ACU, ROOT
from draft_project import SOURCE, draft_with_edits, project_with


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source drafted once, from a project without its curated files, with the curator's edits."""
    return draft_with_edits(tmp_path_factory.mktemp("drafted"))


def accepted_name(draft_dir: Path) -> str:
    """The name of the draft's files, which `accept` keeps under data/."""
    return next((draft_dir / "documents").glob("*.ttl")).name


def _fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def _decisions(draft_dir: Path) -> dict[str, str]:
    """Each drafted decision's id (the end of its IRI) and normalised text, read from the draft file."""
    g = rdflib.Graph().parse(next((draft_dir / "documents").glob("*.ttl")))
    return {str(d).rsplit("/", 1)[-1]: normalise(str(t)) for d, t in g.subject_objects(ACU.text)}


def _sub_items(draft_dir: Path, parent: str) -> set[str]:
    g = rdflib.Graph().parse(next((draft_dir / "documents").glob("*.ttl")))
    return {str(d).rsplit("/", 1)[-1] for d, p in g.subject_objects(ACU.partOf) if str(p).endswith("/" + parent)}


@pytest.mark.slow
def test_an_accepted_draft_builds_with_the_decisions_kept(tmp_path: Path, drafted: Path) -> None:
    project, draft_dir = project_with(tmp_path, drafted)
    drafted_decisions = _decisions(draft_dir)
    parent = next(iter(sorted(d for d in drafted_decisions if _sub_items(draft_dir, d))))
    rejected = {parent, *_sub_items(draft_dir, parent)}
    done = acuerdos("accept", str(draft_dir), "--curator", "A. Curator", "--reject", parent, cwd=project)
    assert done.returncode == 0, done.stderr
    assert "data/sources/sources.yaml" in done.stdout
    entry = yaml.safe_load((project / "data/sources/sources.yaml").read_text(encoding="utf-8"))["sources"][-1]
    assert entry["file"] == SOURCE
    assert entry["sha256"] == hashlib.sha256((ROOT / "data/sources" / SOURCE).read_bytes()).hexdigest()
    accepted = project / "data" / "documents" / f"{draft_dir.name}.ttl"
    assert not accepted.exists()  # the files are named for the draft's meeting, not for its folder
    for path in (project / "data").rglob("*.ttl"):
        assert "curation-status/draft" not in path.read_text(encoding="utf-8"), path
        assert "basis/proposed" not in path.read_text(encoding="utf-8"), path
    categories = rdflib.Graph().parse(project / "data/curation/action-category" / accepted_name(draft_dir))
    kept = {i for i in drafted_decisions if i not in rejected}
    assigned = {str(d).rsplit("/", 1)[-1] for d in categories.subjects(ACU.actionCategoryAssignment, None)}
    assert assigned == kept  # one proposed category per kept decision, none for the rejected ones
    for node in categories.objects(None, ACU.actionCategoryAssignment):
        assert "Accepted by A. Curator" in str(categories.value(node, ACU.reason))
        assert isinstance(node, rdflib.URIRef) and categories.value(node, ACU.confidence) is None

    built = acuerdos("build", "--dist", str(tmp_path / "dist"), cwd=project)
    assert built.returncode == 0, built.stderr
    store = ox.Store()
    store.load(path=str(tmp_path / "dist" / "acuerdos.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query(
        "PREFIX acu: <https://w3id.org/acuerdos/ontology#> SELECT DISTINCT ?d ?text WHERE { "
        f'?doc acu:sourceFile "{SOURCE}" . ?d acu:recordedIn ?doc ; acu:text ?text }}',
        use_default_graph_as_union=True,
    )
    built_decisions = {str(r["d"].value).rsplit("/", 1)[-1]: normalise(r["text"].value) for r in rows}
    expected = {i: t for i, t in drafted_decisions.items() if i not in rejected}
    assert built_decisions == expected


def test_a_draft_with_a_decision_without_text_is_refused_with_nothing_written(tmp_path: Path, drafted: Path) -> None:
    project, draft_dir = project_with(tmp_path, drafted)
    path = next((draft_dir / "documents").glob("*.ttl"))
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n    acu:text \"[^\n]*\"@es ;", "", text, count=1), encoding="utf-8")
    before = _fingerprint(project)
    done = acuerdos("accept", str(draft_dir), "--curator", "A. Curator", cwd=project)
    assert done.returncode == 2
    assert "nothing written" in done.stderr and "VIOLATION: acu:text" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert _fingerprint(project) == before


def test_a_document_already_in_the_data_is_never_overwritten(tmp_path: Path, drafted: Path) -> None:
    project, draft_dir = project_with(tmp_path, drafted)
    slug = next((draft_dir / "documents").glob("*.ttl")).name
    (project / "data" / "documents" / slug).write_text("# a curated file\n", encoding="utf-8")
    before = _fingerprint(project)
    done = acuerdos("accept", str(draft_dir), "--curator", "A. Curator", "--lang", "es", cwd=project)
    assert done.returncode == 2
    assert "ya está en los datos" in done.stderr and slug in done.stderr
    assert _fingerprint(project) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reject", "agreement-99"], "no such item in the draft: agreement-99"),
        (["--only", "nothing-9"], "no such item in the draft: nothing-9"),
    ],
)
def test_unknown_items_are_named(tmp_path: Path, drafted: Path, args: list[str], message: str) -> None:
    project, draft_dir = project_with(tmp_path, drafted)
    before = _fingerprint(project)
    done = acuerdos("accept", str(draft_dir), "--curator", "A. Curator", *args, cwd=project)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert _fingerprint(project) == before
