"""A San Salvador draft and a copy of the project without the San Salvador conclusions, for the tests
of `acuerdos accept` (tests/draft/test_accept.py) and of the review page that leads to it
(tests/web/test_draft_review.py).

The copy is the project without the San Salvador conclusions (their document file, curation files,
source text and sources.yaml entry); the reference data that quotes that document is pointed at the
draft's IRI for it. The curator's edits a draft needs before it validates (English labels, the
unofficial translations) are taken from the curated file of the same text, matched by the text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import rdflib
from rdflib import RDFS

from acuerdos.draft import Drafter, write_draft
from acuerdos.text import normalise
from checkouts import full_checkout
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


def without_curated(folder: Path, draft_document: str) -> Path:
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


def curator_edits(draft_dir: Path) -> None:
    """What a curator adds to the draft before accepting it: the English labels of the document and the
    meeting, each decision's labels and unofficial translation and a theme where none is proposed
    (here all from the curated files, matched by the text). The action categories are the drafter's."""
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


def draft_with_edits(root: Path) -> Path:
    """The source drafted into ``root``, from a project without its curated files, with the curator's edits."""
    root.mkdir(parents=True, exist_ok=True)
    source = root / SOURCE
    shutil.copy(ROOT / "data" / "sources" / SOURCE, source)
    drafter = Drafter.for_project(ROOT, exclude_files={f"{CURATED}.ttl"})
    draft = drafter.draft(source)
    write_draft(draft, root / "draft", ROOT / "data", "test")
    curator_edits(root / "draft")
    return root / "draft"


def project_with(tmp_path: Path, drafted: Path) -> tuple[Path, Path]:
    """A fresh copy of the project without the curated document, and of the draft inside it."""
    draft = rdflib.Graph().parse(next((drafted / "documents").glob("*.ttl")))
    document = str(next(draft.subjects(ACU.sourceFile, None))).removeprefix(BASE)
    project = without_curated(tmp_path / "project", document)
    shutil.copytree(drafted, project / "drafts" / "san-salvador")
    return project, project / "drafts" / "san-salvador"
