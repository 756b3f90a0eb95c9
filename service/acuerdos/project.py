"""Where the artefacts live: a project (a checkout with ontology/ and data/) or a release (a built dist/).

The command line finds the project the way git finds a repository: the current folder or the
nearest one above it that holds ``ontology/`` and ``data/``; failing that, ``$ACUERDOS_HOME``
(which ``settings`` reads and hands in); failing that, it says so. A release is what ``acuerdos
build`` writes: the graph in every format, the queries, the shapes and the source texts, with a
manifest, so that ``acuerdos serve --dist DIR`` needs no checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UserError


def _is_project(folder: Path) -> bool:
    """A folder with data/ and an ontology/ holding Turtle (tests/ has data/ and ontology/ test folders)."""
    return (folder / "data").is_dir() and any((folder / "ontology").glob("*.ttl"))


@dataclass(frozen=True)
class Project:
    """The artefact folders of one checkout."""

    root: Path

    @classmethod
    def find(cls, start: Path, home: Path | None = None) -> Project:
        """The project holding ``start`` (or one of its parents), else ``home``; a UserError if none."""
        start = start.resolve()
        for folder in (start, *start.parents):
            if _is_project(folder):
                return cls(folder)
        if home is not None:
            if _is_project(home):
                return cls(home.resolve())
            raise UserError("holds no ontology/ and data/ folders", where=f"ACUERDOS_HOME={home}")
        raise UserError(
            f"no acuerdos project here: neither {start} nor a folder above it holds ontology/ and data/ "
            "(run the command inside a checkout, or set ACUERDOS_HOME)"
        )

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def sources(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def queries(self) -> Path:
        return self.root / "queries"

    @property
    def dist(self) -> Path:
        return self.root / "dist"

    @property
    def publishing(self) -> Path:
        """``publishing/``: the publisher configuration and the DCAT-AP shapes the description must pass."""
        return self.root / "publishing"

    @property
    def version_file(self) -> Path:
        """``VERSION``: the release being prepared (``acuerdos release`` publishes it)."""
        return self.root / "VERSION"

    @property
    def changelog(self) -> Path:
        return self.root / "CHANGELOG.md"

    def rdf_files(self) -> list[Path]:
        """Every Turtle file of the vocabulary and the data, in a stable order (source texts excluded)."""
        data = sorted(p for p in self.data.rglob("*.ttl") if self.sources not in p.parents)
        return sorted(self.ontology.rglob("*.ttl")) + data

    def graph_name(self, path: Path) -> str:
        """The name of the graph a file is loaded into: its path in the project, without extension."""
        return path.relative_to(self.root).with_suffix("").as_posix()


@dataclass(frozen=True)
class Release:
    """A built release folder (``dist/``): everything ``acuerdos serve`` reads."""

    folder: Path

    @property
    def nquads(self) -> Path:
        return self.folder / "acuerdos.nq"

    @property
    def store(self) -> Path:
        """The on-disk Oxigraph store (RocksDB) of the N-Quads, which the service opens read-only."""
        return self.folder / "store"

    @property
    def manifest(self) -> Path:
        return self.folder / "manifest.json"

    @property
    def queries(self) -> Path:
        return self.folder / "queries"

    @property
    def shapes(self) -> Path:
        return self.folder / "shapes"

    @property
    def sources(self) -> Path:
        return self.folder / "sources"

    @property
    def releases(self) -> Path:
        """``releases/{version}/``: the files of each published release, kept across builds."""
        return self.folder / "releases"
