"""Writing a release folder (``dist/``) that the service runs from on its own.

A release holds everything ``acuerdos serve`` reads, so that a copy of the folder serves on a
machine with no checkout: the graph in every common format, the named queries, the shapes, the
source texts and ``manifest.json`` (the content hash as build id, the base, counts, the release).

A build is written whole into a new sibling folder (``.dist-building-*``), the manifest last, with
the size of every file it lists, and swapped with ``dist/`` in one atomic exchange (Linux
``renameat2``; elsewhere two renames that the next build undoes if cut between them). A build
killed at any moment leaves ``dist/`` the old release or the new one, whole; the next build
removes what it left (half-written folders, ``*.tmp`` files), under a lock on the parent folder
so that two builds never clean up each other's work. The service refuses a release whose files
do not match its manifest (``manifest_problems``). The published releases
(``releases/{version}/``) are carried over from one build to the next.

Steps that add files to a release hook into ``_write`` (after the dumps, before the manifest): the
manifest then lists them and their sizes. ``UNCHECKED`` names the folders the service may change
(a store it opens), whose files the manifest does not list.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset

from ..errors import UserError
from ..namespaces import PREFIXES, Base
from ..project import Project, Release
from .canonical import canonical_quads, union_triples
from .description import DESCRIPTION, Publishing, release_dates, write_description
from .mirror import SUMS, compress_and_sum
from .phases import Phases
from .version import Stamp, content_hash, manifest_fields, ontology_graph

DUMPS: dict[str, ox.RdfFormat] = {
    "acuerdos.trig": ox.RdfFormat.TRIG,
    "acuerdos.nq": ox.RdfFormat.N_QUADS,
    "acuerdos.ttl": ox.RdfFormat.TURTLE,
    "acuerdos.nt": ox.RdfFormat.N_TRIPLES,
    "acuerdos.jsonld": ox.RdfFormat.JSON_LD,
}
ONTOLOGY_FILES: dict[str, str] = {
    "ontology.ttl": "turtle",
    "ontology.jsonld": "json-ld",
    "ontology.nt": "nt",
    "ontology.rdf": "xml",  # not pretty-xml, which drops statements about list nodes
}
# Top-level folders of a release whose files the manifest does not list: the published releases
# (carried over, each with its own manifest), and anything the service writes into at run time.
UNCHECKED: set[str] = {"releases", "store"}


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: its manifest, and the dumps."""

    manifest: dict[str, Any]
    files: list[Path]


def write_release(
    store: ox.Store,
    project: Project,
    base: Base,
    dist: Path,
    stamp: Stamp | None,
    verdict: Callable[[], Mapping[str, Any]] | None = None,
    publishing: Publishing | None = None,
    phases: Phases | None = None,
) -> BuildResult:
    """Write the graphs of ``store`` (every graph, already under ``base``) and the project's queries,
    shapes and sources as the release folder ``dist``, replacing the previous build as a whole.
    ``verdict`` is asked once the release is written aside, before it is swapped in: what it returns
    goes into the manifest (what validation found, say); what it raises leaves ``dist`` as it was.
    ``publishing`` says who publishes the release and checks its description (the default: no
    publisher, no check); ``phases`` records the time of each step."""
    release = Release(dist.absolute())
    phases = phases if phases is not None else Phases()
    with _locked(release.folder.parent):
        remove_leftovers(release.folder)
        with _staging(release.folder.parent, f".{release.folder.name}-building-") as staging:
            fields = _write(store, project, base, staging, stamp, publishing or Publishing(), phases)
            if release.releases.is_dir():
                shutil.copytree(release.releases, Release(staging).releases, copy_function=_link)
            extra = verdict() if verdict is not None else {}
            manifest = _write_manifest(staging, {**fields, **extra})  # last: the build is whole
            _swap(staging, release.folder)
    return BuildResult(manifest, [release.folder / name for name in DUMPS])


def remove_leftovers(dist: Path) -> list[Path]:
    """Remove what interrupted builds left beside and in ``dist`` (half-written folders, an old
    release moved aside, ``*.tmp`` files), restoring ``dist`` first if a build was cut between its
    two renames (where no atomic exchange exists); what was removed. Call it holding ``_locked``."""
    parent, name = dist.parent, dist.name
    if not dist.exists():
        for old in sorted(parent.glob(f".{name}-old-*/{name}")):
            old.rename(dist)  # the previous release, moved aside by a build killed before the second rename
            break
    removed = [*parent.glob(f".{name}-building-*"), *parent.glob(f".{name}-old-*")]
    if dist.is_dir():
        removed += [p for p in dist.rglob("*.tmp")]
        if Release(dist).releases.is_dir():
            removed += Release(dist).releases.glob(".*")  # a release being published when killed
    for path in removed:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return removed


def manifest_problems(folder: Path, manifest: Mapping[str, Any]) -> list[str]:
    """How the files of the release in ``folder`` differ from what its manifest lists (none: it is whole)."""
    sizes = manifest.get("sizes")
    expected: dict[str, int | None] = (
        dict(sizes) if isinstance(sizes, dict) else {str(name): None for name in manifest.get("files", [])}
    )
    problems = []
    for name, size in sorted(expected.items()):
        try:
            found = (folder / name).stat().st_size
        except OSError:
            problems.append(f"{name} is missing")
            continue
        if size is not None and found != size:
            problems.append(f"{name} has {found} bytes, the manifest says {size}")
    return problems


def publish(dist: Path, dataset: Dataset, stamp: Stamp) -> Path:
    """Keep the built release as ``releases/{version}/``: the files its manifest lists (the dumps,
    their gzip copies, the checksums, the description), the manifest and the ontology
    alone (``ontology.ttl``, ``.jsonld``, ``.nt``, ``.rdf``). A published release is never replaced."""
    release = Release(dist)
    target = check_unpublished(release, stamp.version)
    ontology = ontology_graph(dataset)
    with _locked(release.folder.parent), _staging(release.releases, f".{stamp.version}-") as staging:
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
    store: ox.Store,
    project: Project,
    base: Base,
    folder: Path,
    stamp: Stamp | None,
    publishing: Publishing,
    phases: Phases,
) -> dict[str, Any]:
    with phases.phase("label blank nodes, sort"):
        quads = canonical_quads(store)  # the same files give the same bytes (tests/test_release.py)
        lines = sorted(quads, key=str)  # the N-Quads dump's order (N-Triples: ``union``'s, see canonical)
        union = union_triples(lines)
    staged = Release(folder)
    with ThreadPoolExecutor(max_workers=1) as aside:  # RocksDB writes without the GIL, beside the dumps
        on_disk = aside.submit(_write_store, staged, quads, phases)
        with phases.phase("write the dumps"):
            for name, fmt in DUMPS.items():
                source = union if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES) else quads  # graphs kept
                # straight to the file: the dump is never whole in memory (N-Quads: 355 MB at 1M triples)
                ox.serialize(lines if fmt == ox.RdfFormat.N_QUADS else source, folder / name, fmt, prefixes=PREFIXES)
        with phases.phase("gzip and checksums"):
            files = compress_and_sum(folder, DUMPS)
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        fields = {
            "version": content_hash(project, base, stamp),
            "base": str(base),
            "triples": len(union),
            "graphs": graphs,
            "files": [*files, SUMS, DESCRIPTION],
            **manifest_fields(stamp),
        }
        with phases.phase("describe the dataset"):
            write_description(folder, store, base, fields, release_dates(project, stamp), files, publishing)
        with phases.phase("on-disk store (the wait for it)"):
            on_disk.result()
    for source_dir, target in (
        (project.queries, staged.queries),
        (project.shapes, staged.shapes),
        (project.sources, staged.sources),
    ):
        if source_dir.is_dir():
            shutil.copytree(source_dir, target)
    return fields


def _write_store(release: Release, quads: list[ox.Quad], phases: Phases) -> None:
    """The on-disk Oxigraph store (RocksDB) of the quads of the N-Quads dump, which the service opens read-only."""
    with phases.phase("on-disk store (a thread of its own)"):
        store = ox.Store(str(release.store))
        store.bulk_extend(quads)
        store.optimize()
        del store  # closed: the folder is renamed next


def _write_manifest(folder: Path, fields: dict[str, Any]) -> dict[str, Any]:
    """Write ``manifest.json`` into ``folder`` with the size of every file there (but ``UNCHECKED``)."""
    sizes = {
        path.relative_to(folder).as_posix(): path.stat().st_size
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] not in UNCHECKED
    }
    manifest = {**fields, "sizes": sizes}
    Release(folder).manifest.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


@contextmanager
def _locked(parent: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder ``parent`` (one build at a time writes beside it)."""
    parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, dist: Path) -> None:
    """Put ``new`` where ``dist`` is, atomically where the system can exchange two folders (the old
    release is then at ``new``, which the caller removes); else two renames, the old folder
    restored if the second fails (and by ``remove_leftovers`` if the build is killed between them)."""
    if not dist.exists():
        new.rename(dist)
        return
    if _exchange(new, dist):
        return
    with _staging(dist.parent, f".{dist.name}-old-") as old:
        dist.rename(old / dist.name)
        try:
            new.rename(dist)
        except OSError:
            (old / dist.name).rename(dist)
            raise
