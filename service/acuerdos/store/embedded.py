"""The embedded store: pyoxigraph over a built release, default graph = union of the named graphs.

Chosen by measurement over rdflib's memory store (see bench/RESULTS.md): on domain-shaped data
an order of magnitude faster to load and to query. Each query worker process opens the release's
on-disk store (``store/``, RocksDB, written once by ``acuerdos build``) read-only, so that start-up
parses nothing and the workers share the operating system's page cache instead of each holding a
copy of the graph; a release built without one (older builds) is loaded from ``acuerdos.nq`` into
memory in each worker instead. A release runs on its own: the service reads no checkout, and
without a built release it does not start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..project import Release
from ..settings import Settings
from .backend import PooledBackend, fairness
from .engine import Outcome, Spec, dataset_options, query_store
from .errors import QueryTimeout, StoreError
from .pool import WorkerPool

log = logging.getLogger("acuerdos.store")


class EmbeddedEngine:
    """A pyoxigraph in-memory store holding the dataset (in a worker process, or in this one for ``LocalBackend``)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.info: dict[str, Any] = {"quads": len(store)}

    @classmethod
    def from_disk(cls, folder: Path) -> EmbeddedEngine:
        """The release's on-disk store, opened read-only: nothing is parsed, the operating system's
        page cache holds what the queries read (shared by every worker), not a copy per process."""
        try:
            return cls(ox.Store.read_only(str(folder)))
        except OSError as exc:
            raise StoreError(f"cannot open the store {folder}: {exc}") from None

    @classmethod
    def from_dump(cls, nquads: Path) -> EmbeddedEngine:
        store = ox.Store()
        try:
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot load {nquads.name}: {exc}") from None
        return cls(store)

    def evaluate(
        self,
        query: str,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        has_from: bool,
        *,
        whole: bool = False,  # nothing to lift: the rows are taken as the task's limits say
    ) -> Outcome:
        options = dataset_options(default_graphs, named_graphs, has_from)
        return Outcome.from_pyoxigraph(query_store(self.store, query, **options))


def engine_from_spec(spec: Spec) -> EmbeddedEngine:
    """The worker's engine (see ``engine.make_engine``)."""
    if spec.get("store"):
        return EmbeddedEngine.from_disk(Path(spec["store"]))
    return EmbeddedEngine.from_dump(Path(spec["nquads"]))


def built_release(release: Release) -> Path:
    """The release's N-Quads dump; a StoreError when the release is not built."""
    if not release.nquads.is_file():
        raise StoreError(f"no built release in {release.folder}: run `acuerdos build` (or give --dist DIR)")
    return release.nquads


class EmbeddedBackend(PooledBackend):
    kind = "embedded"

    def __init__(self, settings: Settings, release: Release, version: str) -> None:
        nquads = built_release(release)
        pool = WorkerPool(
            {"engine": __name__, "nquads": str(nquads), "store": str(release.store) if release.store.is_dir() else ""},
            settings.worker_count,
            memory_mb=settings.worker_memory_mb,
            fairness=fairness(settings),
            timeout_error=lambda limit: QueryTimeout(
                f"The query ran longer than the time limit of {limit:g} s and was stopped. "
                "Narrow it (more selective patterns, a LIMIT, fewer OPTIONALs) and try again."
            ),
        ).start()
        self.quads = pool.info.get("quads")
        super().__init__(
            settings,
            pool,
            version,
            description=f"embedded pyoxigraph store, {self.quads or '?'} quads",
        )

    def health(self) -> dict[str, Any]:
        return super().health() | {"quads": self.quads}
