"""Putting an accepted draft into the project's data, all or nothing: the new files are written into a
copy of the project beside it, the whole copy is validated with the shapes (and every quote looked up
in its source), and only then are the files moved into data/. A file already in data/ is never
overwritten."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from rdflib import DCTERMS, RDFS

from ..namespaces import Base
from ..project import Project
from ..text import normalise
from ..validation import validate_checkout
from .accept import Acceptance
from .messages import AcceptError, Both
from .reading import ACU, OA, DecisionItem, DraftGraphs, local
from .writing import turtle

SOURCES_YAML = "sources/sources.yaml"


def _header(draft: DraftGraphs, acceptance: Acceptance, what: str) -> str:
    return (
        f"# {what} of {draft.files.source.name}: drafted by `acuerdos draft`, reviewed and accepted by "
        f"{acceptance.curator} on {acceptance.when.date().isoformat()} with `acuerdos accept`.\n"
        "# The source text is data/sources/" + draft.files.source.name + ".\n\n"
    )


def _counted(kind: str) -> list[str]:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in kind).strip()
    return [words, f"{words}s"]


def sources_entry(draft: DraftGraphs, kept: list[DecisionItem]) -> str:
    """The sources.yaml entry of the accepted document: what the tables need, its decisions counted
    (the curator then writes its title and what it records in English)."""
    doc = draft.document
    document = next(doc.subjects(ACU.sourceFile, None))
    meeting = doc.value(document, ACU.records)
    lists: dict[tuple[str, str], int] = {}
    for d in kept:
        if d.parent is None:
            key = (local(doc.value(d.iri, ACU.recordedIn)).removeprefix("document/"), d.kind)
            lists[key] = lists.get(key, 0) + 1
    label = str(doc.value(meeting, RDFS.label) or doc.value(document, DCTERMS.title))
    entry = {
        "file": draft.files.source.name,
        "sha256": str(doc.value(document, ACU.sha256)),
        "date": str(doc.value(document, DCTERMS.date)),
        "kind": local(doc.value(document, ACU.documentKind)).split("/")[-1].replace("-", " "),
        "title": label,
        "records": f"Drafted with `acuerdos draft` and accepted: {label}.",
        "data": f"data/documents/{draft.files.slug}.ttl",
        "decisions": [
            {"document": name, "kind": k, "counted_as": _counted(k), "count": n} for (name, k), n in lists.items()
        ],
    }
    text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    return "\n" + "".join(f"  {line}\n" for line in text.splitlines())


def _refuse_existing(project: Project, draft: DraftGraphs, targets: list[str]) -> None:
    for name in targets:
        if (project.data / name).exists():
            raise AcceptError("exists", path=project.data / name)
    sha = str(draft.document.value(next(draft.document.subjects(ACU.sourceFile, None)), ACU.sha256))
    registry = yaml.safe_load((project.data / SOURCES_YAML).read_text(encoding="utf-8")) or {}
    for entry in registry.get("sources") or []:
        if entry.get("sha256") == sha:
            raise AcceptError("same-source", file=draft.files.source.name, sha=sha, known=entry.get("file"))


def _missing_quotes(draft: DraftGraphs) -> list[str]:
    text = normalise(draft.files.source.read_text(encoding="utf-8-sig"))
    quotes = {str(o) for g in draft.graphs().values() for o in g.objects(None, OA.exact)}
    return sorted(q for q in quotes if normalise(q) not in text)


def _stage(project: Project, staging: Path, files: dict[str, str], source: Path) -> None:
    """A copy of the project's vocabulary, shapes and data with the new files in it."""
    for folder in ("ontology", "shapes"):
        shutil.copytree(project.root / folder, staging / folder)
    shutil.copytree(project.data, staging / "data", ignore=shutil.ignore_patterns("*.txt"))
    for name, text in files.items():
        path = staging / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copyfile(source, staging / "data" / "sources" / source.name)


def install(
    project: Project, base: Base, draft: DraftGraphs, kept: list[DecisionItem], acceptance: Acceptance
) -> list[str]:
    """Write the accepted draft into ``project``'s data, or nothing; the files written, under data/."""
    headers = {
        "documents": "Document, meeting and decisions",
        "curation/themes": "Themes",
        "curation/follow-up": "Follow-up links",
        "curation/action-category": "Action categories",
    }
    files = {
        name: turtle(graph, _header(draft, acceptance, headers[name.rsplit("/", 1)[0]]), kept)
        for name, graph in draft.graphs().items()
    }
    _refuse_existing(project, draft, [*files, f"sources/{draft.files.source.name}"])
    missing = _missing_quotes(draft)
    if missing:
        raise AcceptError("quotes-missing", count=len(missing), quotes="\n".join(f"  {q!r}" for q in missing))
    registry = project.data / SOURCES_YAML
    files[SOURCES_YAML] = registry.read_text(encoding="utf-8").rstrip("\n") + "\n" + sources_entry(draft, kept)
    listed = (yaml.safe_load(files[SOURCES_YAML]) or {}).get("sources") or [{}]
    if listed[-1].get("file") != draft.files.source.name:
        raise AcceptError("registry", path=registry)
    with tempfile.TemporaryDirectory(prefix=".accept-", suffix=".tmp", dir=project.root) as folder:
        staging = Path(folder)
        _stage(project, staging, files, draft.files.source)
        outcome = validate_checkout(Project(staging), base)
        if not outcome.conforms:
            violations = [r for r in outcome.results if r.severity == "Violation"]
            only = dataclasses.replace(outcome, results=violations)
            raise AcceptError("violations", count=len(violations), report=Both(only.report("en"), only.report("es")))
        names = [*files, f"sources/{draft.files.source.name}"]
        for name in names:  # checked again: another curator may have accepted meanwhile
            if name != SOURCES_YAML and (project.data / name).exists():
                raise AcceptError("exists", path=project.data / name)
        for name in names:
            (project.data / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / "data" / name, project.data / name)
    return names
