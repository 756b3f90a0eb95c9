"""Loading the artefact folders into one RDF dataset, one named graph per file.

Each Turtle file under ontology/ and data/ becomes the named graph
`{base}graph/{path without .ttl}`, so that what a document states, what curators judged and the
vocabulary stay apart and can be queried apart.

Two loaders read the same files into the same graphs: `load_store` (pyoxigraph, fast: validation,
`acuerdos query`, the service without a built dump) and `load_dataset` (rdflib: the build's
serialisations, and the tests that need rdflib).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from .config import CANONICAL_BASE, Paths, base_iri, rebase_iri
from .errors import DataError

_LINE = re.compile(r"line (\d+)")


def rdf_files(paths: Paths) -> list[Path]:
    """Every Turtle file of the vocabulary and the data, in a stable order (sources excluded)."""
    files = sorted(paths.ontology.rglob("*.ttl")) + sorted(
        p for p in paths.data.rglob("*.ttl") if paths.sources not in p.parents
    )
    return files


def graph_iri(path: Path, paths: Paths, base: str) -> URIRef:
    """The named graph a file is loaded into: its path under the checkout, without extension."""
    rel = path.relative_to(paths.root).with_suffix("").as_posix()
    return URIRef(f"{base}graph/{rel}")


def parse_file(path: Path, paths: Paths) -> Graph:
    """Parse one Turtle file with rdflib, turning a syntax error into a DataError that names file and line."""
    graph = Graph()
    rel = path.relative_to(paths.root).as_posix()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        text = str(exc)
        raise _not_turtle(_first_line(text), rel, _error_line(exc, text, path)) from None
    return graph


def parse_quads(path: Path, where: str) -> list[ox.Quad]:
    """The triples of one Turtle file parsed by Oxigraph (in the default graph); a syntax error becomes
    a DataError naming ``where`` (the file as the user knows it) and the line."""
    try:
        return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        text = str(exc.args[0]) if exc.args else str(exc)
        found = _LINE.search(text)
        line = exc.lineno or (int(found.group(1)) if found else None)
        raise _not_turtle(text.splitlines()[0][:300], where, line) from None


def _error_line(exc: Exception, text: str, path: Path) -> int | None:
    """The line of a parse error: from the character offset rdflib stops at (its own `lines`
    counts from 0 and can lag), else from the message."""
    offset = getattr(exc, "_i", None)
    if isinstance(offset, int):
        return path.read_bytes()[:offset].count(b"\n") + 1
    found = _LINE.search(text)
    return int(found.group(1)) if found else None


def _not_turtle(reason: str, rel: str, line: int | None) -> DataError:
    return DataError(f"not valid Turtle: {reason}", f"{rel}:{line}" if line else rel)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("at line"):
            return line[:300]
    return "syntax error"


def rebase(term: Node, base: str) -> Node:
    """An rdflib IRI moved from the canonical base to the configured one (config.rebase_iri); other terms unchanged."""
    if isinstance(term, URIRef):
        iri = str(term)
        moved = rebase_iri(iri, base)
        if moved is not iri:
            return URIRef(moved)
    return term


def rebase_node(term: ox.NamedNode | ox.BlankNode | ox.Literal, base: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An Oxigraph IRI moved from the canonical base to the configured one (config.rebase_iri); other terms unchanged."""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        moved = rebase_iri(iri, base)
        if moved is not iri:
            return ox.NamedNode(moved)
    return term


def prefixes_for(base: str) -> dict[str, str]:
    """The project's prefixes (PREFIXES) with our own namespaces under ``base``."""
    return {prefix: rebase_iri(ns, base) for prefix, ns in PREFIXES.items()}


def load_dataset(paths: Paths | None = None, base: str | None = None) -> Dataset:
    """All vocabulary and data files as one rdflib dataset (union default graph): what the build serialises.

    Parsed by rdflib, an order of magnitude slower than ``load_store``; use this one where rdflib is needed.
    """
    paths = paths or Paths()
    base = base or base_iri()
    dataset = Dataset(default_union=True)
    for prefix, ns in prefixes_for(base).items():
        dataset.bind(prefix, ns)
    for path in rdf_files(paths):
        graph = parse_file(path, paths)
        target = dataset.graph(graph_iri(path, paths, base))
        for s, p, o in graph:
            target.add((rebase(s, base), rebase(p, base), rebase(o, base)))
    return dataset


def load_store(paths: Paths | None = None, base: str | None = None) -> ox.Store:
    """Every ontology and data file in an Oxigraph store, one named graph per file.

    The same files, graph names and IRIs as ``load_dataset``, parsed by Oxigraph (~0.1 s for the
    checkout against ~0.9 s with rdflib): what validation, ``acuerdos query`` and the service
    without a built dump read.
    """
    paths = paths or Paths()
    base = base or base_iri()
    store = ox.Store()
    for path in rdf_files(paths):
        target = ox.NamedNode(str(graph_iri(path, paths, base)))
        quads = parse_quads(path, path.relative_to(paths.root).as_posix())
        store.extend(
            ox.Quad(rebase_node(q.subject, base), rebase_node(q.predicate, base), rebase_node(q.object, base), target)
            for q in quads
        )
    return store


def union_graph(dataset: Dataset) -> Graph:
    """The union of all named graphs as a plain Graph (what SHACL validation reads)."""
    union = Graph()
    for prefix, ns in dataset.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def version_of(paths: Paths | None = None, base: str | None = None) -> str:
    """A content hash of everything the build reads (RDF files and named queries): the data version and ETag."""
    paths = paths or Paths()
    digest = hashlib.sha256((base or base_iri()).encode())
    for path in rdf_files(paths) + sorted(paths.queries.glob("*.rq")):
        digest.update(path.relative_to(paths.root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


PREFIXES: dict[str, str] = {
    "acu": CANONICAL_BASE + "ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}

