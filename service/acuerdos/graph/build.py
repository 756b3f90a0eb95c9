"""Writing a release folder (``dist/``) that the service runs from on its own.

A release holds everything ``acuerdos serve`` reads, so that a copy of the folder serves on a
machine with no checkout: the graph in every common format, the named queries, the shapes, the
source texts and ``manifest.json`` (the content hash as build id, the base, counts, the release).

A build is written into a temporary sibling folder and swapped in when complete, so that an
interrupted build leaves the previous release as it was, never new dumps beside an old manifest.
The published releases (``releases/{version}/``) are carried over from one build to the next.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset

from ..errors import UserError
from ..namespaces import Base
from ..project import Project, Release
from .description import DESCRIPTION, Publishing, release_dates, write_description
from .load import union_graph
from .mirror import SUMS, compress_and_sum
from .version import Stamp, content_hash, manifest_fields, ontology_graph

DUMPS: dict[str, str] = {
    "acuerdos.trig": "trig",
    "acuerdos.nq": "nquads",
    "acuerdos.ttl": "turtle",
    "acuerdos.nt": "nt",
    "acuerdos.jsonld": "json-ld",
}
ONTOLOGY_FILES: dict[str, str] = {
    "ontology.ttl": "turtle",
    "ontology.jsonld": "json-ld",
    "ontology.nt": "nt",
    "ontology.rdf": "xml",  # not pretty-xml, which drops statements about list nodes
}


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: its manifest, and the dumps."""

    manifest: dict[str, Any]
    files: list[Path]


def write_release(
    dataset: Dataset,
    project: Project,
    base: Base,
    dist: Path,
    stamp: Stamp | None,
    publishing: Publishing | None = None,
) -> BuildResult:
    """Write ``dataset`` (already under ``base``) and the project's queries, shapes and sources as
    the release folder ``dist``, replacing the previous build as a whole; ``publishing`` says who
    publishes it and checks its description (the default: no publisher, no check)."""
    release = Release(dist.absolute())
    with _staging(release.folder.parent, f".{release.folder.name}-building-") as staging:
        manifest = _write(dataset, project, base, staging, stamp, publishing or Publishing())
        if release.releases.is_dir():
            shutil.copytree(release.releases, Release(staging).releases, copy_function=_link)
        _swap(staging, release.folder)
    return BuildResult(manifest, [release.folder / name for name in DUMPS])


def publish(dist: Path, dataset: Dataset, stamp: Stamp) -> Path:
    """Keep the built release as ``releases/{version}/``: the files its manifest lists (the dumps,
    their gzip copies, the checksums, the description), the manifest and the ontology
    alone (``ontology.ttl``, ``.jsonld``, ``.nt``, ``.rdf``). A published release is never replaced."""
    release = Release(dist)
    target = check_unpublished(release, stamp.version)
    ontology = ontology_graph(dataset)
    with _staging(release.releases, f".{stamp.version}-") as staging:
        for name in [*json.loads(release.manifest.read_text(encoding="utf-8"))["files"], release.manifest.name]:
            _link(release.folder / name, staging / name)
        for name, fmt in ONTOLOGY_FILES.items():
            ontology.serialize(destination=staging / name, format=fmt, encoding="utf-8")
        staging.rename(target)
    return target


def check_unpublished(release: Release, version: str) -> Path:
    """The folder release ``version`` goes to; a UserError if it was published already."""
    target = release.releases / version
    if target.exists():
        raise UserError(
            f"release {version} is published already ({target}): raise the version in VERSION", where="VERSION"
        )
    return target


def _link(source: Path | str, target: Path | str) -> None:
    """A hard link (released files are never written again, so they may be shared), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@contextmanager
def _staging(parent: Path, prefix: str) -> Iterator[Path]:
    """A new folder in ``parent``, removed afterwards unless it was renamed away."""
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o755)  # mkdtemp makes it private; a release is read by the service and the web server
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(
    dataset: Dataset, project: Project, base: Base, folder: Path, stamp: Stamp | None, publishing: Publishing
) -> dict[str, Any]:
    union = union_graph(dataset)
    for name, fmt in DUMPS.items():
        source = union if fmt in ("turtle", "nt") else dataset  # named graphs kept in TriG, N-Quads, JSON-LD
        source.serialize(destination=folder / name, format=fmt, encoding="utf-8")
    files = compress_and_sum(folder, DUMPS)
    staged = Release(folder)
    for source_dir, target in (
        (project.queries, staged.queries),
        (project.shapes, staged.shapes),
        (project.sources, staged.sources),
    ):
        if source_dir.is_dir():
            shutil.copytree(source_dir, target)
    graphs = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    manifest: dict[str, Any] = {
        "version": content_hash(project, base, stamp),
        "base": str(base),
        "triples": len(union),
        "graphs": graphs,
        "files": [*files, SUMS, DESCRIPTION],
        **manifest_fields(stamp),
    }
    write_description(folder, base, manifest, release_dates(project, stamp), files, publishing)
    staged.manifest.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")  # last: the build is whole
    return manifest


def _swap(new: Path, dist: Path) -> None:
    """Put ``new`` where ``dist`` is: two renames, the old folder restored if the second fails."""
    if not dist.exists():
        new.rename(dist)
        return
    with _staging(dist.parent, f".{dist.name}-old-") as old:
        dist.rename(old / dist.name)
        try:
            new.rename(dist)
        except OSError:
            (old / dist.name).rename(dist)
            raise
