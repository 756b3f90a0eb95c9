"""Putting a release into a SPARQL server with the SPARQL 1.1 Graph Store HTTP Protocol (``acuerdos load``).

Each named graph of the release's N-Quads is sent on its own (PUT, or POST to add), as N-Triples,
so that the server keeps the graphs apart and answers queries without GRAPH from their union.
"""

from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError


def host_of(url: str) -> str:
    """The host (and port) of a URL, to name a server in a message without its path."""
    return urllib.parse.urlsplit(url).netloc or url


def reason_of(reason: object) -> str:
    """Why a connection failed, in a few words."""
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    text = str(reason)
    return text[:200] if text else type(reason).__name__


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
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        yield (None if isinstance(name, ox.DefaultGraph) else name.value), body


def load_graphs(
    nquads: Path, graph_store: str, *, timeout: float = 60.0, replace: bool = True, auth: tuple[str, str] | None = None
) -> list[tuple[str | None, int]]:
    """PUT (or POST, with replace=False) every graph of the dump to a Graph Store Protocol endpoint.

    Returns (graph, bytes sent) per graph. Raises StoreError with the server's status on failure.
    """
    if not nquads.is_file():
        raise StoreError(f"{nquads} does not exist: run `acuerdos build` first")
    headers = {"Content-Type": "application/n-triples"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    sent: list[tuple[str | None, int]] = []
    for graph, body in graphs_of(nquads):
        query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        sep = "&" if "?" in graph_store else "?"
        request = urllib.request.Request(
            f"{graph_store}{sep}{query}", data=body, headers=headers, method="PUT" if replace else "POST"
        )
        _send(request, graph_store, graph, timeout)
        sent.append((graph, len(body)))
    return sent


def _send(request: urllib.request.Request, graph_store: str, graph: str | None, timeout: float) -> None:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise StoreError(
            f"the graph store at {graph_store} answered HTTP {exc.code} for <{graph or 'default'}>"
            + (f": {detail}" if detail else "")
            + ("; give the Graph Store Protocol URL with --graph-store" if exc.code in (404, 405) else "")
        ) from None
    except urllib.error.URLError as exc:
        raise StoreError(f"cannot reach the graph store at {graph_store}: {reason_of(exc.reason)}") from None
    except TimeoutError:
        raise StoreError(f"the graph store at {graph_store} did not answer within {timeout:g} s") from None
