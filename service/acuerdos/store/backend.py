"""The `Backend`: what every part of the service queries the graph through.

One interface whatever holds the graph (the embedded store or a remote SPARQL server), and one
place where the rules hold: every query is checked (`sparql.safety.check_query`: no update, no
SERVICE) before it reaches an engine, runs in a worker process under the time limit, and has its
results capped.

    backend.select(query)     -> Rows: a list of {variable: rdflib term} rows,
                                 with .variables and .truncated
    backend.ask(query)        -> bool
    backend.construct(query)  -> rdflib.Graph (CONSTRUCT or DESCRIBE), with .truncated set on it
    backend.run(query, ...)   -> Payload: the answer formatted for HTTP (what /sparql sends)
    backend.version           -> the data version (content hash), for ETags and pages
    backend.base              -> the base IRI

All methods block; call them from a sync route (FastAPI runs those in a thread) or wrap them
with `anyio.to_thread.run_sync`. They raise `sparql.errors.ApiError` subclasses, which the app
answers with their status and message.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import Graph

from typing import Any

from ..namespaces import PREFIXES
from ..settings import Settings
from ..sparql.errors import BadRequest
from ..rdf.formats import BY_KEY, Format, negotiate
from ..rdf.results import decode_term
from ..rdf.rows import Rows
from ..rdf.sparql_text import QueryInfo, check_query
from .pool import WorkerPool


@dataclass(frozen=True)
class Payload:
    """A formatted answer: the body, its format, and whether results were cut at `limit`."""

    body: bytes
    format: Format
    truncated: bool
    limit: int
    count: int
    kind: str  # solutions | boolean | triples
    info: QueryInfo | None = field(default=None, compare=False)

    @property
    def media_type(self) -> str:
        return self.format.content_type


class Backend:
    """The one way to run a query: checked, run by an engine, capped, decoded into rdflib terms.

    Subclasses say where the engine runs (``_call``): in worker processes (``PooledBackend``) or in
    this process (``local.LocalBackend``).
    """

    kind = "abstract"

    def __init__(self, version: str, limit: int, description: str = "") -> None:
        self.version = version
        self.limit = limit
        self.description = description
        self.prefixes = dict(PREFIXES)

    def _call(self, task: dict) -> Any:
        raise NotImplementedError

    # --- the interface ----------------------------------------------------------------------------

    def run(self, query: str, fmt: Format | str | None = None, *, accept: str | None = None,
            format_param: str | Sequence[str] | None = None, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, limit: int | None = None) -> Payload:
        """Check, negotiate (unless `fmt` is given), run and format a query."""
        info = check_query(query)
        if isinstance(fmt, str):
            fmt = BY_KEY[fmt]
        if fmt is None:
            fmt = negotiate(info.returns_graph, accept, format_param)
        limit = self._limit(limit)
        task = self._task("format", query, default_graphs, named_graphs, limit)
        task["format"] = fmt.key
        answer = self._call(task)
        return Payload(answer["body"], BY_KEY[answer["format"]], answer["truncated"], limit, answer["count"],
                       answer["kind"], info)

    def select(self, query: str, *, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
               limit: int | None = None) -> Rows:
        check_query(query)
        answer = self._call(self._task("select", query, default_graphs, named_graphs, self._limit(limit)))
        variables = answer["variables"]
        rows = []
        for row in answer["rows"]:
            rows.append({v: decode_term(t) for v, t in zip(variables, row) if t is not None})
        return Rows(rows, variables, answer["truncated"])

    def ask(self, query: str, *, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None) -> bool:
        check_query(query)
        return bool(self._call(self._task("ask", query, default_graphs, named_graphs, 1)))

    def construct(self, query: str, *, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
                  limit: int | None = None) -> Graph:
        check_query(query)
        answer = self._call(self._task("construct", query, default_graphs, named_graphs, self._limit(limit)))
        graph = Graph()
        for name, ns in self.prefixes.items():
            graph.bind(name, ns)
        for s, p, o in answer["triples"]:
            graph.add((decode_term(s), decode_term(p), decode_term(o)))
        graph.truncated = answer["truncated"]  # type: ignore[attr-defined]
        return graph

    def health(self) -> dict:
        return {"store": self.kind, "version": self.version}

    def close(self) -> None:
        """Release what the backend holds (worker processes); nothing for an in-process one."""

    # --- helpers ----------------------------------------------------------------------------------

    def _limit(self, limit: int | None) -> int:
        if limit is None:
            return self.limit
        if limit <= 0:
            raise BadRequest("The result limit must be a positive number.")
        return min(limit, self.limit)

    def _task(self, op: str, query: str, default_graphs, named_graphs, limit: int) -> dict:
        return {
            "op": op,
            "query": query,
            "default_graphs": list(default_graphs) if default_graphs is not None else None,
            "named_graphs": list(named_graphs) if named_graphs is not None else None,
            "limit": limit,
            "prefixes": self.prefixes,
        }


class PooledBackend(Backend):
    """Queries through a pool of worker processes; subclasses say where the graph is."""

    def __init__(self, settings: Settings, pool: WorkerPool, version: str, *, time_limit: float | None = None,
                 description: str = "") -> None:
        super().__init__(version, settings.result_limit, description)
        self.settings = settings
        self.pool = pool
        self.time_limit = time_limit if time_limit is not None else settings.query_timeout

    def _call(self, task: dict) -> Any:
        return self.pool.call(task, self.time_limit)

    def health(self) -> dict:
        return super().health() | {"workers": self.pool.size, "restarts": self.pool.restarts}

    def close(self) -> None:
        self.pool.close()
