"""Loading the artefact folders into one RDF dataset, one named graph per file.

Each Turtle file under ontology/ and data/ becomes the named graph
`{base}graph/{path without .ttl}`, so that what a document states, what curators judged and the
vocabulary stay apart and can be queried apart.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from .config import CANONICAL_BASE, Paths, base_iri
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
    """Parse one Turtle file, turning a syntax error into a DataError that names file and line."""
    graph = Graph()
    rel = path.relative_to(paths.root).as_posix()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        text = str(exc)
        line = getattr(exc, "lines", None)
        if line is None:
            found = _LINE.search(text)
            line = int(found.group(1)) if found else None
        reason = _first_line(text)
        where = f"{rel}:{line}" if line else rel
        raise DataError(f"not valid Turtle: {reason}", where) from None
    return graph


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("at line"):
            return line[:300]
    return "syntax error"


def rebase(term: Node, base: str) -> Node:
    """Move an IRI from the canonical base to the configured one; other terms are unchanged."""
    if base != CANONICAL_BASE and isinstance(term, URIRef) and str(term).startswith(CANONICAL_BASE):
        return URIRef(base + str(term)[len(CANONICAL_BASE):])
    return term


def load_dataset(paths: Paths | None = None, base: str | None = None) -> Dataset:
    """All vocabulary and data files as one dataset (union default graph)."""
    paths = paths or Paths()
    base = base or base_iri()
    dataset = Dataset(default_union=True)
    _bind_prefixes(dataset, base)
    for path in rdf_files(paths):
        graph = parse_file(path, paths)
        target = dataset.graph(graph_iri(path, paths, base))
        for s, p, o in graph:
            target.add((rebase(s, base), rebase(p, base), rebase(o, base)))
    return dataset


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


def _bind_prefixes(dataset: Dataset, base: str) -> None:
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, rebase(URIRef(ns), base) if ns.startswith(CANONICAL_BASE) else ns)


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

