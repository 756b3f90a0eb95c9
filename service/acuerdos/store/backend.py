"""The `Backend`: what every part of the service queries the graph through.

One interface whatever holds the graph (the embedded store, a remote SPARQL server, a pyoxigraph
store in this process), and one place where the rules hold: every query is checked
(``safety.check_query``: no update, no SERVICE) before it reaches an engine, and has its results
capped; pooled backends also run it in a worker process under the time limit.

    backend.select(query)     -> Rows: {variable: rdflib term} rows, with .variables and .truncated
    backend.ask(query)        -> bool
    backend.construct(query)  -> ResultGraph (CONSTRUCT or DESCRIBE), an rdflib Graph with .truncated
    backend.run(query, fmt)   -> Payload: the answer formatted for HTTP (what /sparql sends)
    backend.version           -> the data version (content hash), for ETags and pages
    backend.limit, .kind, .description, .health(), .close()

All methods block; call them from a sync route (FastAPI runs those in a thread) or wrap them
with `anyio.to_thread.run_sync`. They raise ``store.errors`` (``acuerdos.http`` gives each its
HTTP status).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from rdflib import Graph
from rdflib.term import Node

from ..namespaces import PREFIXES
from ..rdf.formats import BY_KEY, Format
from ..rdf.rows import Rows
from ..rdf.sparql_text import QueryInfo
from ..rdf.terms import Encoded, decode
from ..settings import Settings
from .engine import WHOLE_TIME_LIMIT, Task
from .errors import BadQuery, StoreError
from .pool import Fairness, WorkerPool
from .safety import check_query

Graphs = Sequence[str] | None


@dataclass(frozen=True)
class Payload:
    """A formatted answer: the body, its format, and whether results were cut at `limit`."""

    body: bytes
    format: Format
    truncated: bool
    limit: int
    count: int
    kind: str  # solutions | boolean | triples

    @property
    def media_type(self) -> str:
        return self.format.content_type


class ResultGraph(Graph):
    """The graph of a CONSTRUCT or DESCRIBE, and whether it was cut at the result limit."""

    truncated: bool = False


def _node(data: Encoded | None) -> Node:
    return cast(Node, decode(data))


class Backend:
    """The one way to run a query: checked, run by an engine, capped, decoded into rdflib terms.

    Subclasses say where the engine runs (``_call``): in worker processes (``PooledBackend``) or in
    this process (``local.LocalBackend``).
    """

    kind = "abstract"

    def __init__(self, version: str, limit: int, description: str = "", max_bytes: int = 4 * 1024 * 1024) -> None:
        self.version = version
        self.limit = limit
        self.description = description
        self.max_bytes = max_bytes  # every answer is cut there too, as at `limit` rows (and says so)

    def _call(self, task: Task) -> Any:
        raise NotImplementedError

    # --- the interface ----------------------------------------------------------------------------

    def run(
        self,
        query: str,
        fmt: Format | str,
        *,
        default_graphs: Graphs = None,
        named_graphs: Graphs = None,
        checked: QueryInfo | None = None,
    ) -> Payload:
        """Run a query and format its answer; ``checked`` is ``check_query``'s finding when the caller
        (the endpoint, which negotiated on it) already has it, so the query is not tokenised again."""
        info = checked or check_query(query)
        fmt = BY_KEY[fmt] if isinstance(fmt, str) else fmt
        task = self._task("format", query, default_graphs, named_graphs, self.limit, info) | {"format": fmt.key}
        answer = self._call(task)
        return Payload(
            answer["body"], BY_KEY[answer["format"]], answer["truncated"], self.limit, answer["count"], answer["kind"]
        )

    def select(
        self,
        query: str,
        *,
        default_graphs: Graphs = None,
        named_graphs: Graphs = None,
        limit: int | None = None,
        whole: bool = False,
    ) -> Rows:
        """The rows of a SELECT, cut at the row and byte limits that guard every answer; ``whole``:
        every row, for the site's own reads of a whole collection (the explorer's decisions, the
        charts, the sitemap), which a cut would make silently wrong at the size of the whole record.
        Such a read still cut is a StoreError, never a silently shorter answer."""
        info = check_query(query)
        task = self._task(
            "select", query, default_graphs, named_graphs, sys.maxsize if whole else self._limit(limit), info
        )
        if whole:
            task |= {"max_bytes": None, "whole": True}
        answer = self._call(task)
        variables = answer["variables"]
        rows = [{v: _node(t) for v, t in zip(variables, row, strict=False) if t is not None} for row in answer["rows"]]
        if whole and answer["truncated"]:
            raise StoreError(
                f"The store's answer to one of the site's own queries was cut after {len(rows)} rows: "
                "the store could not send it whole."
            )
        return Rows(rows, variables, answer["truncated"])

    def ask(self, query: str, *, default_graphs: Graphs = None, named_graphs: Graphs = None) -> bool:
        info = check_query(query)
        return bool(self._call(self._task("ask", query, default_graphs, named_graphs, 1, info)))

    def construct(
        self, query: str, *, default_graphs: Graphs = None, named_graphs: Graphs = None, limit: int | None = None
    ) -> ResultGraph:
        info = check_query(query)
        answer = self._call(self._task("construct", query, default_graphs, named_graphs, self._limit(limit), info))
        graph = ResultGraph()
        for name, ns in PREFIXES.items():
            graph.bind(name, ns)
        for s, p, o in answer["triples"]:
            graph.add((_node(s), _node(p), _node(o)))
        graph.truncated = answer["truncated"]
        return graph

    def health(self) -> dict[str, Any]:
        return {"store": self.kind, "version": self.version}

    def unavailable(self) -> str | None:
        """Why queries cannot be answered now (None: they can); cheap, for ``/health``."""
        return None

    def close(self) -> None:
        """Release what the backend holds (worker processes); nothing for an in-process one."""

    # --- helpers ----------------------------------------------------------------------------------

    def _limit(self, limit: int | None) -> int:
        if limit is None:
            return self.limit
        if limit <= 0:
            raise BadQuery("The result limit must be a positive number.")
        return min(limit, self.limit)

    def _task(
        self, op: str, query: str, default_graphs: Graphs, named_graphs: Graphs, limit: int, info: QueryInfo
    ) -> Task:
        return {
            "op": op,
            "query": query,
            "has_from": info.has_from,  # the engine needs to know; it does not tokenise the query again
            "default_graphs": list(default_graphs) if default_graphs is not None else None,
            "named_graphs": list(named_graphs) if named_graphs is not None else None,
            "limit": limit,
            "max_bytes": self.max_bytes,
        }


def fairness(settings: Settings) -> Fairness:
    """How the settings share a pool's workers between clients."""
    return Fairness(
        client_queries=settings.client_query_count,
        client_waiting=max(4, min(8, settings.queue // 2)),  # a browser opens several connections
        queue=settings.queue,
        reserve=settings.reserve_workers,
    )


class PooledBackend(Backend):
    """Queries through a pool of worker processes, each under the time limit; subclasses say where the graph is."""

    def __init__(
        self,
        settings: Settings,
        pool: WorkerPool,
        version: str,
        *,
        time_limit: float | None = None,
        description: str = "",
    ) -> None:
        super().__init__(version, settings.result_limit, description, settings.max_answer)
        self.settings = settings
        self.pool = pool
        self.time_limit = time_limit if time_limit is not None else settings.query_timeout

    def _call(self, task: Task) -> Any:
        return self.pool.call(task, max(self.time_limit, WHOLE_TIME_LIMIT) if task.get("whole") else self.time_limit)

    def health(self) -> dict[str, Any]:
        return super().health() | self.pool.stats()

    def unavailable(self) -> str | None:
        stats = self.pool.stats()
        if stats["idle"] + stats["busy"] == 0:
            return "no query worker is running (they are being restarted)"
        return None

    def close(self) -> None:
        self.pool.close()
