"""A remote store: any SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso…), through SPARQLWrapper.

Queries are checked in the server first (no update, no SERVICE: a remote server may well follow
SERVICE) and parsed by pyoxigraph in the worker (a malformed query gets the same 400 as on the
embedded store and is never forwarded); then the worker forwards them with SPARQLWrapper, reads
the answer (SPARQL JSON for SELECT and ASK, Turtle for graphs), parses it with pyoxigraph and
formats it exactly as the embedded store's answers are formatted. A server that cannot be reached
or fails answers 502; one that does not answer in time, 504.

The remote server must answer queries without GRAPH against the union of the named graphs (see
docs/remote-store.md). `load_graphs` pushes the built dataset there, one named graph at a time,
with the SPARQL 1.1 Graph Store HTTP Protocol.
"""
from __future__ import annotations

import json
import logging
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..settings import Settings
from ..sparql.errors import ApiError, BadRequest, UpstreamError, UpstreamTimeout
from ..rdf.sparql_text import analyse
from .backend import PooledBackend
from .embedded import syntax_error
from .pool import StoreError, WorkerPool
from .worker import Outcome

log = logging.getLogger("acuerdos.store")

MAX_ANSWER_BYTES = 256 * 1024 * 1024


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.netloc or url


def refuse_dtd(data: bytes) -> None:
    """Refuse an XML document with a document type declaration (internal or external entities).

    No answer this service reads needs a DTD, and entity expansion is how XML parsers are made to
    read local files or exhaust memory ("billion laughs"), so any `<!DOCTYPE` is refused before a
    parser sees the document.
    """
    head = data.lstrip()[:4096 * 16].lower()
    if b"<!doctype" in head or b"<!entity" in head or b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise UpstreamError("The SPARQL server sent XML with a document type declaration (DTD), which is refused.")


def parse_rdf(data: bytes, media_type: str) -> list[ox.Triple]:
    """Triples from a graph answer (Turtle, N-Triples, RDF/XML, JSON-LD…); RDF/XML with a DTD is refused."""
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
        refuse_dtd(data)
    try:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt)]
    except SyntaxError as exc:
        raise UpstreamError(f"The SPARQL server's answer could not be read: {exc}") from None


def parse_results(data: bytes, media_type: str) -> Outcome:
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
        refuse_dtd(data)
    try:
        return Outcome.from_pyoxigraph(ox.parse_query_results(data, format=fmt))
    except SyntaxError as exc:
        raise UpstreamError(f"The SPARQL server's answer could not be read: {exc}") from None


class RemoteEngine:
    """Forwards checked queries to a SPARQL endpoint (runs inside a worker process)."""

    def __init__(self, endpoint: str, *, timeout: float, max_bytes: int | None = None) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.max_bytes = max_bytes or MAX_ANSWER_BYTES
        self._parser = ox.Store()  # empty: only used to parse (and so check) queries before forwarding
        self.info = {"endpoint": endpoint}

    def check_syntax(self, query: str) -> str:
        """Parse the query with pyoxigraph; return its form (by the kind of result it gives)."""
        try:
            result = self._parser.query(query)
        except SyntaxError as exc:
            raise syntax_error(exc, query) from None
        except OSError as exc:
            raise BadRequest(f"The query could not be evaluated: {exc}") from None
        if isinstance(result, ox.QuerySolutions):
            return "solutions"
        if isinstance(result, ox.QueryTriples):
            return "triples"
        return "boolean"

    def evaluate(self, query: str, default_graphs: list[str] | None, named_graphs: list[str] | None) -> Outcome:
        form = self.check_syntax(query)
        if default_graphs is None and named_graphs is None and "FROM" in analyse(query).keywords:
            # repeat the query's FROM / FROM NAMED as protocol parameters: a server that makes the
            # default graph the union of all graphs (Oxigraph's --union-default-graph) ignores FROM
            dataset = dataset_clauses(query)
            if dataset is not None:
                default_graphs, named_graphs = dataset
        data, media_type = self._send(query, graph=form == "triples", default_graphs=default_graphs,
                                      named_graphs=named_graphs)
        if form == "triples":
            return Outcome("triples", triples=parse_rdf(data, media_type))
        outcome = parse_results(data, media_type)
        if (form == "boolean") != (outcome.kind == "boolean"):
            raise UpstreamError("The SPARQL server answered with a different kind of result than the query asks for.")
        return outcome

    def _send(self, query: str, *, graph: bool, default_graphs, named_graphs) -> tuple[bytes, str]:
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        client = SPARQLWrapper(self.endpoint, agent="acuerdos (SPARQLWrapper)")
        client.setMethod(POST)
        client.setOnlyConneg(True)
        client.setTimeout(max(1, int(round(self.timeout))))
        client.setReturnFormat(TURTLE if graph else JSON)
        client.setQuery(query)
        for g in default_graphs or []:
            client.addDefaultGraph(g)
        for g in named_graphs or []:
            client.addNamedGraph(g)
        if (default_graphs is not None or named_graphs is not None) and not (default_graphs or named_graphs):
            # an explicitly empty dataset cannot be said with the protocol's parameters: run nothing
            return (b"", "text/turtle") if graph else self._empty(query)
        where = _host(self.endpoint)
        try:
            response = client.query().response
            data = response.read(self.max_bytes + 1)
            media_type = response.headers.get("Content-Type", "")
        except SPARQLWrapperException as exc:
            status = getattr(exc, "code", None) or _status_of(exc)
            detail = _first_line(getattr(exc, "msg", "") or str(exc))
            if status == 400:
                raise BadRequest(f"The SPARQL server at {where} rejected the query: {detail}") from None
            raise UpstreamError(f"The SPARQL server at {where} failed ({status or 'error'}): {detail}") from None
        except urllib.error.HTTPError as exc:
            raise UpstreamError(f"The SPARQL server at {where} answered HTTP {exc.code}.") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise UpstreamTimeout(f"The SPARQL server at {where} did not answer within {self.timeout:g} s.") from None
            raise UpstreamError(f"The SPARQL server at {where} cannot be reached ({_reason(exc.reason)}).") from None
        except (socket.timeout, TimeoutError):
            raise UpstreamTimeout(f"The SPARQL server at {where} did not answer within {self.timeout:g} s.") from None
        except (ConnectionError, OSError) as exc:
            raise UpstreamError(f"The SPARQL server at {where} cannot be reached ({_reason(exc)}).") from None
        if len(data) > self.max_bytes:
            raise UpstreamError(f"The SPARQL server at {where} sent an answer larger than {self.max_bytes} bytes.")
        return data, media_type

    def _empty(self, query: str) -> tuple[bytes, str]:
        outcome = self._parser.query(query)  # the query against an empty dataset
        if isinstance(outcome, ox.QuerySolutions):
            vars_ = [v.value for v in outcome.variables]
            return json.dumps({"head": {"vars": vars_}, "results": {"bindings": []}}).encode(), "application/sparql-results+json"
        return json.dumps({"head": {}, "boolean": bool(outcome)}).encode(), "application/sparql-results+json"


def dataset_clauses(query: str) -> tuple[list[str], list[str]] | None:
    """The IRIs of a query's FROM and FROM NAMED clauses (prefixes resolved), or None if rdflib cannot tell."""
    try:
        from rdflib.plugins.sparql import prepareQuery

        clauses = prepareQuery(query).algebra.get("datasetClause") or []
    except Exception:  # noqa: BLE001 — rdflib's grammar differs a little: then forward the query as it is
        return None
    defaults = [str(c["default"]) for c in clauses if "default" in c]
    named = [str(c["named"]) for c in clauses if "named" in c]
    return defaults, named


def _status_of(exc: Exception) -> int | None:
    name = type(exc).__name__
    return {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404, "URITooLong": 414,
            "EndPointInternalError": 500}.get(name)


def _first_line(text: str) -> str:
    for line in str(text).splitlines():
        line = line.strip()
        if line and not line.lower().startswith(("response:", "b'", 'b"')):
            return line[:300]
    return str(text).strip()[:300]


def _reason(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    text = str(reason)
    return text[:200] if text else type(reason).__name__


class RemoteBackend(PooledBackend):
    kind = "remote"

    def __init__(self, settings: Settings) -> None:
        if not settings.endpoint:
            raise StoreError("no SPARQL endpoint given")
        grace = 2.0  # the engine's own socket timeout answers 504 first; the pool kills only a stuck worker
        pool = WorkerPool(
            {"kind": "remote", "endpoint": settings.endpoint, "timeout": settings.query_timeout},
            settings.worker_count,
            memory_mb=settings.worker_memory_mb,
            grace=grace,
            timeout_error=lambda limit: UpstreamTimeout(
                f"The SPARQL server at {_host(settings.endpoint)} did not answer within {limit:g} s."
            ),
        )
        pool.start()
        super().__init__(settings, pool, _local_version(settings), description=f"remote SPARQL endpoint {settings.endpoint}")
        self.endpoint = settings.endpoint

    def health(self) -> dict:
        return super().health() | {"endpoint": self.endpoint}

    def check(self) -> str | None:
        """A warning when the remote server looks empty or unreachable (None when it looks fine)."""
        try:
            anything = self.ask("ASK { ?s ?p ?o }")
        except ApiError as exc:
            return f"the SPARQL server does not answer yet: {exc.message}"
        if not anything:
            return ("the SPARQL server's default graph is empty: load the graph (`acuerdos load --endpoint …`) "
                    "and make the default graph the union of the named graphs (see docs/remote-store.md)")
        return None


def _local_version(settings: Settings) -> str:
    """The version of the graph the remote server is expected to hold: that of the local build, if any."""
    manifest = settings.dist_dir / "manifest.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return "remote"


# --- acuerdos load: the Graph Store Protocol ---------------------------------------------------------

def graph_store_url(endpoint: str, graph_store: str | None = None) -> str:
    """The Graph Store Protocol URL: given, or derived from an Oxigraph-style query URL (…/query → …/store)."""
    if graph_store:
        return graph_store
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path.endswith("/query") or path.endswith("/sparql"):
        path = path.rsplit("/", 1)[0] + "/store"
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return endpoint


def graphs_of(nquads: Path) -> Iterator[tuple[str | None, bytes]]:
    """(graph IRI or None for the default graph, N-Triples of that graph) for each graph of an N-Quads file."""
    dataset = ox.Dataset(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
    names = sorted({q.graph_name for q in dataset}, key=lambda g: str(g))
    for name in names:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in dataset.quads_for_graph_name(name)]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        yield (None if isinstance(name, ox.DefaultGraph) else name.value), body


def load_graphs(nquads: Path, graph_store: str, *, timeout: float = 60.0, replace: bool = True,
                auth: tuple[str, str] | None = None) -> list[tuple[str | None, int]]:
    """PUT (or POST, with replace=False) every graph of the dump to a Graph Store Protocol endpoint.

    Returns (graph, bytes sent) per graph. Raises StoreError with the server's status on failure.
    """
    if not nquads.is_file():
        raise StoreError(f"{nquads} does not exist: run `acuerdos build` first")
    sent: list[tuple[str | None, int]] = []
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        import base64

        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    for graph, body in graphs_of(nquads):
        query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        sep = "&" if "?" in graph_store else "?"
        url = f"{graph_store}{sep}{query}"
        request = urllib.request.Request(url, data=body, headers=headers, method="PUT" if replace else "POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(500).decode("utf-8", "replace").strip()
            raise StoreError(f"the graph store at {graph_store} answered HTTP {exc.code} for <{graph or 'default'}>"
                             + (f": {detail}" if detail else "")
                             + ("; give the Graph Store Protocol URL with --graph-store" if exc.code in (404, 405) else "")) from None
        except urllib.error.URLError as exc:
            raise StoreError(f"cannot reach the graph store at {graph_store}: {_reason(exc.reason)}") from None
        except (socket.timeout, TimeoutError):
            raise StoreError(f"the graph store at {graph_store} did not answer within {timeout:g} s") from None
        sent.append((graph, len(body)))
    return sent
