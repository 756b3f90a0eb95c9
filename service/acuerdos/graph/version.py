"""Which version a build is: the content hash of what it reads, and the release it stamps.

Two versions, two jobs. The content hash (``content_hash``) changes whenever any file the build
reads changes: it is the build id, the data version the service reports and its ETags. The
release (``Stamp``: the ``VERSION`` file, its date and the release before it, both from
``CHANGELOG.md``) is the name people cite; the build stamps it into the ontology's
``owl:versionIRI``, ``owl:versionInfo`` and ``owl:priorVersion``, and into the manifest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, Dataset, Graph, Literal, URIRef

from ..errors import UserError
from ..namespaces import ONTOLOGY_IRI, Base
from ..project import Project

_VERSION = re.compile(r"\d+\.\d+\.\d+")
# a CHANGELOG entry: "## 0.2.0 — 2026-12-02" (the date optional)
ENTRY = re.compile(r"^## +\[?(?P<version>\d+\.\d+\.\d+)\]?(?:[^\d\n]+(?P<date>\d{4}-\d{2}-\d{2}))?", re.MULTILINE)


@dataclass(frozen=True)
class Stamp:
    """The release a build belongs to: its version, its date (None until released), the one before."""

    version: str
    date: str | None = None
    prior: str | None = None

    @property
    def iri(self) -> str:
        return version_iri(self.version)


def manifest_fields(stamp: Stamp | None) -> dict[str, str | None]:
    """What the manifest says of the release (all None for a project without VERSION)."""
    if stamp is None:
        return {"release": None, "release_date": None, "prior_release": None}
    return {"release": stamp.version, "release_date": stamp.date, "prior_release": stamp.prior}


def version_iri(version: str) -> str:
    """The IRI of one version of the ontology (it never moves with the base)."""
    return f"{ONTOLOGY_IRI}/{version}"


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def changelog_entries(text: str) -> dict[str, str | None]:
    """Every release the changelog lists, with its date (None when the entry gives none)."""
    return {m.group("version"): m.group("date") for m in ENTRY.finditer(text)}


def read_version(project: Project) -> str | None:
    """The release version in the project's VERSION file; None when there is no such file."""
    if not project.version_file.is_file():
        return None
    version = project.version_file.read_text(encoding="utf-8").strip()
    if not _VERSION.fullmatch(version):
        raise UserError(f"not a version (MAJOR.MINOR.PATCH): {version!r}", where="VERSION:1")
    return version


def read_stamp(project: Project, date: str | None = None) -> Stamp | None:
    """The release of the project: VERSION, with ``date`` (else the changelog's date for it) and
    the latest earlier release in the changelog; None when the project has no VERSION file."""
    version = read_version(project)
    if version is None:
        return None
    log = project.changelog.read_text(encoding="utf-8") if project.changelog.is_file() else ""
    entries = changelog_entries(log)
    earlier = [v for v in entries if _key(v) < _key(version)]
    prior = max(earlier, key=_key) if earlier else None
    return Stamp(version, date or entries.get(version), prior)


def ontology_graph(dataset: Dataset) -> Graph:
    """The named graph that declares the ontology (``<…/ontology> a owl:Ontology``)."""
    for graph in dataset.graphs():
        if (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph:
            return graph
    raise UserError(f"no file declares the ontology: <{ONTOLOGY_IRI}> a owl:Ontology", where="ontology/")


def stamp_ontology(dataset: Dataset, stamp: Stamp) -> None:
    """Write the release into the ontology's version triples, replacing those of the source file."""
    graph = ontology_graph(dataset)
    ontology = URIRef(ONTOLOGY_IRI)
    for prop in (OWL.versionIRI, OWL.versionInfo, OWL.priorVersion):
        graph.remove((ontology, prop, None))
    graph.add((ontology, OWL.versionIRI, URIRef(stamp.iri)))
    graph.add((ontology, OWL.versionInfo, Literal(stamp.version)))
    if stamp.prior:
        graph.add((ontology, OWL.priorVersion, URIRef(version_iri(stamp.prior))))


def inputs(project: Project) -> list[Path]:
    """Every file the build reads, in a stable order."""
    folders = (project.queries.rglob("*.rq"), project.shapes.glob("*.ttl"), project.sources.rglob("*"))
    listed = [p for files in folders for p in sorted(files) if p.is_file()]
    return project.rdf_files() + listed + [p for p in (project.version_file,) if p.is_file()]


def content_hash(project: Project, base: Base, stamp: Stamp | None = None) -> str:
    """A hash of everything the build reads, the base and the release: the build id, data version and ETag."""
    digest = hashlib.sha256(str(base).encode())
    for chunk in _chunks(project, stamp):
        digest.update(chunk)
    return digest.hexdigest()[:16]


def _chunks(project: Project, stamp: Stamp | None) -> Iterator[bytes]:
    for path in inputs(project):
        yield path.relative_to(project.root).as_posix().encode() + b"\0"
        yield path.read_bytes()
    if stamp is not None:
        yield repr(stamp).encode()
