"""`acuerdos accept`: a drafted source goes into a copy of the project that lacks its curated files, and
builds with the decisions the curator kept; a broken draft, an unknown item, a document already in
the data are refused with nothing written.

The copy is the project without the San Salvador conclusions (their document file, curation files,
source text and sources.yaml entry); the reference data that quotes that document is pointed at the
draft's IRI for it. The curator's edits a draft needs before it validates (English labels, the
unofficial translations) are taken from the curated file of the same text, matched by the text.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import yaml
from rdflib import RDFS

from acuerdos.draft import Drafter, write_draft
from acuerdos.text import normalise
from checkouts import acuerdos, full_checkout
from draft_gold import ACU, BASE, ROOT

SOURCE = "003_cf39b047b5400d31.txt"
CURATED = "2017-06-20-san-salvador"
CURATED_DOCUMENT = "document/2017-06-22-grcm-conclusions"


def _is_of_the_source(iri: rdflib.term.Node) -> bool:
    name = str(iri).removeprefix(BASE)
    return any(
        name == own or name.startswith(own + "/")
        for own in (f"decision/{CURATED}", CURATED_DOCUMENT, f"meeting/{CURATED}")
    )


def _copy(src: rdflib.Graph, subject: rdflib.term.Node, dst: rdflib.Graph) -> None:
    """``subject``'s triples and the blank nodes under them."""
    for p, o in src.predicate_objects(subject):
        dst.add((subject, p, o))
        if isinstance(o, rdflib.BNode):
            _copy(src, o, dst)


def _without_curated(folder: Path, draft_document: str) -> Path:
    """The project in ``folder`` as it was before the San Salvador conclusions were curated: their
    document, meeting and decisions gone; what else the curated file declares (the meetings and
    documents it names, which other files cite) kept in a file of its own."""
    full_checkout(folder)
    data = folder / "data"
    curated = rdflib.Graph().parse(data / "documents" / f"{CURATED}.ttl")
    others = rdflib.Graph()
    for subject in {s for s in curated.subjects() if isinstance(s, rdflib.URIRef) and not _is_of_the_source(s)}:
        _copy(curated, subject, others)
    (data / "documents" / "named-by-2017-06-20.ttl").write_text(others.serialize(format="turtle"), encoding="utf-8")
    for part in ("documents", "curation/themes", "curation/follow-up", "curation/action-category"):
        (data / part / f"{CURATED}.ttl").unlink()
    (data / "sources" / SOURCE).unlink()
    registry = data / "sources" / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    start = text.index(f"  - file: {SOURCE}")
    end = text.find("\n  - file: ", start + 1)
    registry.write_text(text[:start] + (text[end + 1 :] if end >= 0 else ""), encoding="utf-8")
    old, new = CURATED_DOCUMENT.removeprefix("document/"), draft_document.removeprefix("document/")
    for path in data.rglob("*.ttl"):  # the document and the quotes of it, named as the draft names them
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _append(path: Path, graph: rdflib.Graph) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write("\n# The curator's edits\n" + graph.serialize(format="nt"))


def _curator_edits(draft_dir: Path) -> None:
    """What a curator adds to the draft before accepting it: the English labels of the document and the
    meeting, each decision's labels and unofficial translation, a theme where none is proposed and
    the action categories (here all from the curated files, matched by the text)."""
    curated = rdflib.Graph().parse(ROOT / "data" / "documents" / f"{CURATED}.ttl")
    curated_themes = rdflib.Graph().parse(ROOT / "data" / "curation" / "themes" / f"{CURATED}.ttl")
    by_text = {normalise(str(t)): d for d, t in curated.subject_objects(ACU.text)}
    path = next((draft_dir / "documents").glob("*.ttl"))
    themes_path = next((draft_dir / "curation" / "themes").glob("*.ttl"))
    draft, themes = rdflib.Graph().parse(path), rdflib.Graph().parse(themes_path)
    document = next(draft.subjects(ACU.sourceFile, None))
    added, added_themes = rdflib.Graph(), rdflib.Graph()
    for d, text in draft.subject_objects(ACU.text):
        gold = by_text[normalise(str(text))]
        for p in (RDFS.label, ACU.unofficialTranslation):
            for o in curated.objects(gold, p):
                added.add((d, p, o))
        if themes.value(d, ACU.themeAssignment) is None:
            for curated_node in curated_themes.objects(gold, ACU.themeAssignment):
                node = rdflib.BNode()
                added_themes.add((d, ACU.themeAssignment, node))
                added_themes.add((node, rdflib.RDF.type, ACU.ThemeAssignment))
                added_themes.add((node, ACU.theme, curated_themes.value(curated_node, ACU.theme)))
                added_themes.add((node, ACU.basis, rdflib.URIRef(BASE + "kind/basis/assigned-by-judgement")))
                added_themes.add((node, ACU.reason, curated_themes.value(curated_node, ACU.reason)))
    gold_document = rdflib.URIRef(BASE + CURATED_DOCUMENT)
    meeting, gold_meeting = draft.value(document, ACU.records), curated.value(gold_document, ACU.records)
    for node, gold in ((document, gold_document), (meeting, gold_meeting)):
        added.add((node, RDFS.label, next(o for o in curated.objects(gold, RDFS.label) if o.language == "en")))
    _append(path, added)
    _append(themes_path, added_themes)
    categories = rdflib.Graph().parse(ROOT / "data" / "curation" / "action-category" / f"{CURATED}.ttl")
    written = rdflib.Graph()
    for d, text in draft.subject_objects(ACU.text):
        gold = categories.value(by_text[normalise(str(text))], ACU.actionCategoryAssignment)
        node = rdflib.URIRef(f"{d}/action-category")
        written.add((d, ACU.actionCategoryAssignment, node))
        for p, o in categories.predicate_objects(gold):
            written.add((node, p, o))
    (draft_dir / "curation" / "action-category").mkdir()
    (draft_dir / "curation" / "action-category" / path.name).write_text(
        written.serialize(format="nt"), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source drafted once, from a project without its curated files, with the curator's edits."""
    root = tmp_path_factory.mktemp("drafted")
    source = root / SOURCE
    shutil.copy(ROOT / "data" / "sources" / SOURCE, source)
    drafter = Drafter.for_project(ROOT, exclude_files={f"{CURATED}.ttl"})
    draft = drafter.draft(source)
    write_draft(draft, root / "draft", ROOT / "data", "test")
    _curator_edits(root / "draft")
    return root / "draft"


def _project(tmp_path: Path, drafted: Path) -> tuple[Path, Path]:
    """A fresh copy of the project without the curated document, and of the draft inside it."""
    draft = rdflib.Graph().parse(next((drafted / "documents").glob("*.ttl")))
    document = str(next(draft.subjects(ACU.sourceFile, None))).removeprefix(BASE)
    project = _without_curated(tmp_path / "project", document)
    shutil.copytree(drafted, project / "drafts" / "san-salvador")
    return project, project / "drafts" / "san-salvador"


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
    project, draft_dir = _project(tmp_path, drafted)
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
    project, draft_dir = _project(tmp_path, drafted)
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
    project, draft_dir = _project(tmp_path, drafted)
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
    project, draft_dir = _project(tmp_path, drafted)
    before = _fingerprint(project)
    done = acuerdos("accept", str(draft_dir), "--curator", "A. Curator", *args, cwd=project)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert _fingerprint(project) == before
