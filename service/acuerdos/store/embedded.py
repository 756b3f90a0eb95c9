"""The embedded store: pyoxigraph, loaded from the built N-Quads, default graph = union of the named graphs.

Chosen by measurement over rdflib's memory store (see bench/RESULTS.md): on domain-shaped data
an order of magnitude faster to load and to query. Each query worker process loads its own
in-memory copy from `dist/acuerdos.nq` (well under a second for this graph); when there is no
built dump, the server loads ontology/ and data/ (`graph.load_store`) and writes a temporary
N-Quads file for the workers.
"""
from __future__ import annotations

import json
import logging
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox

from ..config import Paths
from ..settings import Settings
from ..sparql.errors import BadRequest, QuerySyntaxError, QueryTimeout
from ..rdf.sparql_text import analyse
from .backend import PooledBackend
from .pool import StoreError, WorkerPool
from .worker import Outcome

log = logging.getLogger("acuerdos.store")

_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


def syntax_error(exc: SyntaxError, query: str) -> QuerySyntaxError:
    """The parser's message and position, as a 400, with the offending line shown."""
    text = str(exc.args[0] if exc.args else exc).strip()
    found = _POSITION.match(text)
    if not found:
        return QuerySyntaxError(f"Syntax error in the query: {text[:500]}")
    line, column, reason = int(found.group(1)), int(found.group(2)), found.group(3).strip()
    lines = query.splitlines() or [""]
    shown = ""
    if 1 <= line <= len(lines):
        source = lines[line - 1]
        if len(source) > 200:  # show a window around the column
            start = max(0, column - 100)
            source, col = source[start:start + 200], column - start
        else:
            col = column
        shown = f"\n\n{source}\n{' ' * max(0, col - 1)}^"
    return QuerySyntaxError(
        f"Syntax error at line {line}, column {column}: {reason[:500]}{shown}",
        extra={"line": line, "column": column},
    )


def dataset_options(query: str, default_graphs: list[str] | None, named_graphs: list[str] | None) -> dict:
    """pyoxigraph options for a query: the protocol's dataset, else the query's FROM, else the union."""
    if default_graphs is not None or named_graphs is not None:
        return {
            "default_graph": [ox.NamedNode(g) for g in default_graphs or []],
            "named_graphs": [ox.NamedNode(g) for g in named_graphs or []],
        }
    if "FROM" in analyse(query).keywords:  # the query states its dataset: pyoxigraph's union flag would hide it
        return {}
    return {"use_default_graph_as_union": True}


class EmbeddedEngine:
    """A pyoxigraph in-memory store holding the dataset (runs inside a worker process)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.info = {"quads": len(store)}

    @classmethod
    def from_dump(cls, nquads: str) -> EmbeddedEngine:
        store = ox.Store()
        try:
            store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot load {Path(nquads).name}: {exc}") from None
        return cls(store)

    def evaluate(self, query: str, default_graphs: list[str] | None, named_graphs: list[str] | None) -> Outcome:
        try:
            options = dataset_options(query, default_graphs, named_graphs)
        except ValueError as exc:
            raise BadRequest(f"Not a valid graph IRI: {exc}") from None
        try:
            result = self.store.query(query, **options)
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None
        except MemoryError:
            raise
        except OSError as exc:
            raise BadRequest(f"The query could not be evaluated: {exc}") from None
        return Outcome.from_pyoxigraph(result)


def locate_dump(settings: Settings) -> tuple[Path, str, Path | None]:
    """The N-Quads file to load, the data version, and a temporary folder to remove afterwards (or None).

    Uses `dist/acuerdos.nq` and `dist/manifest.json` when built; else builds the dataset from the
    checkout into a temporary file.
    """
    dist = settings.dist_dir
    nq = dist / "acuerdos.nq"
    manifest = dist / "manifest.json"
    if nq.is_file():
        version = "unknown"
        if manifest.is_file():
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                version = str(data.get("version") or version)
                built_base = data.get("base")
                if built_base and built_base != settings.base:
                    log.warning("dist/ was built for base %s but the service runs with base %s: "
                                "run `acuerdos build --base %s`", built_base, settings.base, settings.base)
            except (OSError, ValueError):
                log.warning("cannot read %s", manifest.name)
        _warn_if_stale(version, settings)
        return nq, version, None
    from ..graph import load_store, version_of

    paths = Paths()
    log.warning("no built dump in %s: loading ontology/ and data/ directly (run `acuerdos build` to serve a release)", dist)
    store = load_store(paths, settings.base)
    tmp = Path(tempfile.mkdtemp(prefix="acuerdos-"))
    target = tmp / "acuerdos.nq"
    store.dump(target, format=ox.RdfFormat.N_QUADS)
    return target, version_of(paths, settings.base), tmp


def _warn_if_stale(version: str, settings: Settings) -> None:
    try:
        from ..graph import version_of

        paths = Paths()
        if paths.data.is_dir() and paths.ontology.is_dir():
            current = version_of(paths, settings.base)
            if current != version:
                log.warning("dist/ (version %s) is older than ontology/ and data/ (version %s): run `acuerdos build`",
                            version, current)
    except Exception:  # noqa: BLE001 — a warning only
        pass


class EmbeddedBackend(PooledBackend):
    kind = "embedded"

    def __init__(self, settings: Settings) -> None:
        nq, version, tmp = locate_dump(settings)
        pool = WorkerPool(
            {"kind": "embedded", "nquads": str(nq)},
            settings.worker_count,
            memory_mb=settings.worker_memory_mb,
            timeout_error=lambda limit: QueryTimeout(
                f"The query ran longer than the time limit of {limit:g} s and was stopped. "
                "Narrow it (more selective patterns, a LIMIT, fewer OPTIONALs) and try again."
            ),
        )
        try:
            pool.start()
        except Exception:
            _cleanup(tmp)
            raise
        self._tmp = tmp
        super().__init__(settings, pool, version, description=f"embedded pyoxigraph store, {pool.info.get('quads', '?')} quads")
        self.quads = pool.info.get("quads")

    def health(self) -> dict:
        return super().health() | {"quads": self.quads}

    def close(self) -> None:
        super().close()
        _cleanup(self._tmp)


def _cleanup(tmp: Path | None) -> None:
    if tmp is None:
        return
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)


def open_store_file(nquads: Path) -> ox.Store:
    """A pyoxigraph store holding a dump, in this process (for scripts and tests)."""
    store = ox.Store()
    store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    return store
