"""A remote store: any SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso…), through SPARQLWrapper.

Queries are checked in the server first (no update, no SERVICE: a remote server may well follow
SERVICE) and parsed by pyoxigraph in the worker (a malformed query gets the same 400 as on the
embedded store and is never forwarded); then the worker forwards them with SPARQLWrapper, reads
the answer (SPARQL JSON for SELECT and ASK, Turtle for graphs), parses it with pyoxigraph and
formats it exactly as the embedded store's answers are formatted. A server that cannot be reached
or fails answers 502; one that does not answer in time, 504.

The remote server must answer queries without GRAPH against the union of the named graphs (see
docs/remote-store.md); ``graph_store.load_graphs`` (``acuerdos load``) puts the release there.
"""

from __future__ import annotations

import io
import json
import logging
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from ..settings import Settings
from .backend import PooledBackend, fairness
from .engine import WHOLE_TIME_LIMIT, Outcome, Spec, query_store
from .errors import BadQuery, QueryError, StoreError, UpstreamError, UpstreamTimeout
from .graph_store import host_of, reason_of
from .pool import WorkerPool

log = logging.getLogger("acuerdos.store")

__all__ = ["RemoteBackend", "RemoteEngine", "engine_from_spec", "parse_rdf", "parse_results", "refuse_dtd"]

MAX_ANSWER_BYTES = 256 * 1024 * 1024


def refuse_dtd(data: bytes) -> None:
    """Refuse an XML document with a document type declaration (internal or external entities).

    No answer this service reads needs a DTD, and entity expansion is how XML parsers are made to
    read local files or exhaust memory ("billion laughs"), so any `<!DOCTYPE` is refused before a
    parser sees the document.
    """
    low = data.lower()
    if b"<!doctype" in low or b"<!entity" in low:
        raise UpstreamError("The SPARQL server sent XML with a document type declaration (DTD), which is refused.")


class CappedReader(io.RawIOBase):
    """A server's answer, read as it is parsed (so that rows past the answer's byte limit are never
    read), and at most ``max_bytes`` of it: then it ends, ``cut`` says so. A failed read ends it too,
    ``failure`` says why (the parser sees only the end)."""

    def __init__(self, response: Any, max_bytes: int) -> None:
        self.response = response
        self.left = max_bytes
        self.cut = False
        self.failure: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            self.cut = self.cut or bool(self.response.read(1))
            return 0
        try:
            data = self.response.read(min(len(buffer), self.left, 65536))
        except Exception as exc:  # a time-out or a dropped connection: said by the reader's owner
            self.failure = exc
            return 0
        buffer[: len(data)] = data
        self.left -= len(data)
        return len(data)


Answer = bytes | io.BufferedReader


def _whole(data: Answer) -> bytes:
    return data if isinstance(data, bytes) else data.read()


def _reading(items: Iterable[Any], data: Answer, explain: Callable[[Exception], Exception]) -> Iterator[Any]:
    """``items`` as they are parsed; a parse error is the server's (its answer cut, failed, or bad)."""
    try:
        yield from items
    except SyntaxError as exc:
        raw = data.raw if isinstance(data, io.BufferedReader) else None
        if isinstance(raw, CappedReader) and raw.failure is not None:
            raise explain(raw.failure) from None
        if isinstance(raw, CappedReader) and raw.cut:
            raise UpstreamError("The SPARQL server sent an answer larger than this service reads.") from None
        raise UpstreamError(f"The SPARQL server's answer could not be read: {exc}") from None


def _no_failure(exc: Exception) -> Exception:
    return UpstreamError(f"The SPARQL server's answer could not be read: {exc}")


def parse_rdf(
    data: Answer, media_type: str, explain: Callable[[Exception], Exception] = _no_failure
) -> Iterable[ox.Triple]:
    """Triples from a graph answer (Turtle, N-Triples, RDF/XML, JSON-LD…), as they are read from a
    stream (all at once from bytes); RDF/XML is read whole, and refused with a DTD."""
    mt = (media_type or "text/turtle").split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(mt)
    if fmt is None:
        if mt in ("application/xml", "text/xml"):
            fmt = ox.RdfFormat.RDF_XML
        elif mt in ("text/plain",):
            fmt = ox.RdfFormat.N_TRIPLES
        else:
            raise UpstreamError(f"The SPARQL server answered a graph query in an unexpected format ({mt}).")
    if fmt == ox.RdfFormat.RDF_XML:
        data = _whole(data)
        refuse_dtd(data)
    triples = _reading((ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt)), data, explain)
    return list(triples) if isinstance(data, bytes) else triples


def parse_results(data: Answer, media_type: str, explain: Callable[[Exception], Exception] = _no_failure) -> Outcome:
    """Solutions or a boolean; solutions are parsed as they are taken from a stream."""
    mt = (media_type or "application/sparql-results+json").split(";")[0].strip().lower()
    fmt = ox.QueryResultsFormat.from_media_type(mt)
    if fmt is None:
        if mt in ("application/json", "text/javascript", "application/javascript"):
            fmt = ox.QueryResultsFormat.JSON
        elif mt in ("application/xml", "text/xml"):
            fmt = ox.QueryResultsFormat.XML
        else:
            raise UpstreamError(f"The SPARQL server answered in an unexpected format ({mt}).")
    if fmt == ox.QueryResultsFormat.XML:
        data = _whole(data)
        refuse_dtd(data)
    try:
        result = ox.parse_query_results(data, format=fmt)
    except SyntaxError as exc:
        return Outcome("solutions", rows=_reading(_raise(exc), data, explain))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        return Outcome("solutions", variables=variables, rows=_reading(result, data, explain))
    return Outcome.from_pyoxigraph(result)


def _raise(exc: Exception) -> Iterator[Any]:
    raise exc
    yield  # a generator


class RemoteEngine:
    """Forwards checked queries to a SPARQL endpoint (runs inside a worker process)."""

    def __init__(self, endpoint: str, *, timeout: float, max_bytes: int | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.max_bytes = max_bytes or MAX_ANSWER_BYTES
        self._parser = ox.Store()  # empty: only used to parse (and so check) queries before forwarding
        self.info: dict[str, Any] = {"endpoint": endpoint}

    def check_syntax(self, query: str) -> str:
        """Parse the query with pyoxigraph; return its form (by the kind of result it gives)."""
        result = query_store(self._parser, query)
        if isinstance(result, ox.QuerySolutions):
            return "solutions"
        if isinstance(result, ox.QueryTriples):
            return "triples"
        return "boolean"

    def evaluate(
        self,
        query: str,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        has_from: bool,
        *,
        whole: bool = False,
    ) -> Outcome:
        form = self.check_syntax(query)
        if default_graphs is None and named_graphs is None and has_from:
            # repeat the query's FROM / FROM NAMED as protocol parameters: a server that makes the
            # default graph the union of all graphs (Oxigraph's --union-default-graph) ignores FROM
            dataset = dataset_clauses(query)
            if dataset is not None:
                default_graphs, named_graphs = dataset
        data, media_type = self._send(
            query, graph=form == "triples", default_graphs=default_graphs, named_graphs=named_graphs, whole=whole
        )
        if form == "triples":
            return Outcome("triples", triples=parse_rdf(data, media_type, self._failure))
        outcome = parse_results(data, media_type, self._failure)
        if (form == "boolean") != (outcome.kind == "boolean"):
            raise UpstreamError("The SPARQL server answered with a different kind of result than the query asks for.")
        return outcome

    def _send(
        self,
        query: str,
        *,
        graph: bool,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        whole: bool = False,
    ) -> tuple[Answer, str]:
        if (default_graphs is not None or named_graphs is not None) and not (default_graphs or named_graphs):
            # an explicitly empty dataset cannot be said with the protocol's parameters: run nothing
            return (b"", "text/turtle") if graph else self._empty(query)
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

        client = SPARQLWrapper(self.endpoint, agent="acuerdos (SPARQLWrapper)")
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.setTimeout(max(1, round(max(self.timeout, WHOLE_TIME_LIMIT) if whole else self.timeout)))
        client.setReturnFormat(TURTLE if graph else JSON)
        client.setQuery(query)
        for g in default_graphs or []:
            client.addDefaultGraph(g)
        for g in named_graphs or []:
            client.addNamedGraph(g)
        try:
            response = client.query().response
            media_type = response.headers.get("Content-Type", "")
        except Exception as exc:
            raise self._failure(exc) from None
        # read as parsed: the answer's rows stop being read at its byte limit (engine.run_task);
        # a whole read (the site's own) is read to its end
        return io.BufferedReader(CappedReader(response, sys.maxsize if whole else self.max_bytes), 65536), media_type

    def _failure(self, exc: Exception) -> Exception:
        """What a failed request to the server means for the client (a bug stays itself)."""
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        where = host_of(self.endpoint)
        late = UpstreamTimeout(f"The SPARQL server at {where} did not answer within {self.timeout:g} s.")
        if isinstance(exc, SPARQLWrapperException):
            status = getattr(exc, "code", None) or _status_of(exc)
            detail = _first_line(getattr(exc, "msg", "") or str(exc))
            if status == 400:
                return BadQuery(f"The SPARQL server at {where} rejected the query: {detail}")
            return UpstreamError(f"The SPARQL server at {where} failed ({status or 'error'}): {detail}")
        if isinstance(exc, urllib.error.HTTPError):
            return UpstreamError(f"The SPARQL server at {where} answered HTTP {exc.code}.")
        if isinstance(exc, urllib.error.URLError):
            if isinstance(exc.reason, TimeoutError):
                return late
            return UpstreamError(f"The SPARQL server at {where} cannot be reached ({reason_of(exc.reason)}).")
        if isinstance(exc, TimeoutError):
            return late
        if isinstance(exc, OSError):
            return UpstreamError(f"The SPARQL server at {where} cannot be reached ({reason_of(exc)}).")
        return exc

    def _empty(self, query: str) -> tuple[bytes, str]:
        outcome = self._parser.query(query)  # the query against an empty dataset
        if isinstance(outcome, ox.QuerySolutions):
            answer: dict[str, Any] = {
                "head": {"vars": [v.value for v in outcome.variables]},
                "results": {"bindings": []},
            }
        else:
            answer = {"head": {}, "boolean": bool(outcome)}
        return json.dumps(answer).encode(), "application/sparql-results+json"


def dataset_clauses(query: str) -> tuple[list[str], list[str]] | None:
    """The IRIs of a query's FROM and FROM NAMED clauses (prefixes resolved), or None if rdflib cannot tell."""
    try:
        from rdflib.plugins.sparql import prepareQuery

        clauses = prepareQuery(query).algebra.get("datasetClause") or []
    except Exception:
        return None
    defaults = [str(c["default"]) for c in clauses if "default" in c]
    named = [str(c["named"]) for c in clauses if "named" in c]
    return defaults, named


def _status_of(exc: Exception) -> int | None:
    name = type(exc).__name__
    return {
        "QueryBadFormed": 400,
        "Unauthorized": 401,
        "EndPointNotFound": 404,
        "URITooLong": 414,
        "EndPointInternalError": 500,
    }.get(name)


def _first_line(text: str) -> str:
    for line in str(text).splitlines():
        line = line.strip()
        if line and not line.lower().startswith(("response:", "b'", 'b"')):
            return line[:300]
    return str(text).strip()[:300]


def engine_from_spec(spec: Spec) -> RemoteEngine:
    """The worker's engine (see ``engine.make_engine``)."""
    return RemoteEngine(spec["endpoint"], timeout=spec["timeout"], max_bytes=spec.get("max_bytes"))


class RemoteBackend(PooledBackend):
    kind = "remote"

    def __init__(self, settings: Settings, version: str) -> None:
        endpoint = settings.endpoint
        if not endpoint:
            raise StoreError("no SPARQL endpoint given")
        grace = 2.0  # the engine's own socket timeout answers 504 first; the pool kills only a stuck worker
        pool = WorkerPool(
            {
                "engine": __name__,
                "endpoint": endpoint,
                "timeout": settings.query_timeout,
                # the server's answer is read up to this (then the rows are cut at max_answer as they are parsed)
                "max_bytes": max(16 * 1024 * 1024, 4 * settings.max_answer),
            },
            settings.worker_count,
            memory_mb=settings.worker_memory_mb,
            fairness=fairness(settings),
            grace=grace,
            timeout_error=lambda limit: UpstreamTimeout(
                f"The SPARQL server at {host_of(endpoint)} did not answer within {limit:g} s."
            ),
        )
        pool.start()
        super().__init__(settings, pool, version, description=f"remote SPARQL endpoint {endpoint}")
        self.endpoint = endpoint
        self._probed: tuple[float, str | None] = (-1e9, None)

    def health(self) -> dict[str, Any]:
        return super().health() | {"endpoint": self.endpoint}

    def unavailable(self) -> str | None:
        """The workers' state, and whether the SPARQL server answers an ASK within 2 s (asked from
        this process, never waiting for a worker; remembered for 2 s)."""
        now = time.monotonic()
        if now - self._probed[0] < 2.0:
            return self._probed[1]
        reason = super().unavailable()
        if reason is None:
            data = urllib.parse.urlencode({"query": "ASK {}"}).encode()
            request = urllib.request.Request(
                self.endpoint, data, {"Accept": "application/sparql-results+json", "User-Agent": "acuerdos"}
            )
            try:
                with urllib.request.urlopen(request, timeout=min(2.0, self.settings.query_timeout)) as answer:
                    answer.read(4096)
            except urllib.error.HTTPError as exc:
                reason = f"the SPARQL server at {host_of(self.endpoint)} answers HTTP {exc.code}"
            except (OSError, ValueError) as exc:
                why = reason_of(getattr(exc, "reason", exc))
                reason = f"the SPARQL server at {host_of(self.endpoint)} cannot be reached ({why})"
        self._probed = (now, reason)
        return reason

    def check(self) -> str | None:
        """A warning when the remote server looks empty or unreachable (None when it looks fine)."""
        try:
            anything = self.ask("ASK { ?s ?p ?o }")
        except QueryError as exc:
            return f"the SPARQL server does not answer yet: {exc.message}"
        if not anything:
            return (
                "the SPARQL server's default graph is empty: load the graph (`acuerdos load --endpoint …`) "
                "and make the default graph the union of the named graphs (see docs/remote-store.md)"
            )
        return None
