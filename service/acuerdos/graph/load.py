"""Loading our Turtle files into one RDF dataset, one named graph per file, under one base.

Each file under ontology/ and data/ becomes the named graph ``{base}graph/{path without .ttl}``,
so that what a document states, what curators judged and the vocabulary stay apart and can be
queried apart. Every file is read by ``artefacts.read_text`` (the one place its IRIs move to the
base) and parsed from that text; a syntax error names the file and line.

Two loaders read the same files into the same graphs: ``load_store`` (pyoxigraph, fast:
validation, ``acuerdos query``, ``acuerdos stats``, the release's dumps) and ``load_dataset``
(rdflib: what a build stamps and publishes of the ontology, and the tests' independent walks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from ..artefacts import read_text
from ..errors import DataError
from ..namespaces import PREFIXES, Base
from ..project import Project
from .derive import GRAPH as DERIVED
from .derive import add_derived, derivations, derived_triples

_LINE = re.compile(r"line (\d+)")


def turtle_quads(text: str, where: str) -> list[ox.Quad]:
    """The triples of a Turtle text parsed by Oxigraph (in the default graph); a syntax error is a
    DataError naming ``where`` (the file as the user knows it) and the line."""
    try:
        return list(ox.parse(input=text, format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise _syntax_error(exc, where) from None


def _syntax_error(exc: SyntaxError, where: str) -> DataError:
    """Oxigraph's syntax error as a DataError naming ``where`` and the line."""
    message = str(exc.args[0]) if exc.args else str(exc)
    found = _LINE.search(message)
    line = exc.lineno or (int(found.group(1)) if found else None)
    return _not_turtle(message.splitlines()[0][:300], where, line)


def turtle_graph(text: str, where: str, into: Graph | None = None) -> Graph:
    """A Turtle text parsed by rdflib into ``into`` (else a new graph); a syntax error is a
    DataError naming ``where`` and the line."""
    graph = into if into is not None else Graph()
    try:
        graph.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad syntax
        message = str(exc)
        raise _not_turtle(_first_line(message), where, _error_line(exc, message, text)) from None
    return graph


def _error_line(exc: Exception, message: str, text: str) -> int | None:
    """The line of an rdflib parse error: from the byte offset it stops at (its own line count
    starts at 0 and can lag), else from the message."""
    offset = getattr(exc, "_i", None)
    if isinstance(offset, int):
        return text.encode("utf-8")[:offset].count(b"\n") + 1
    found = _LINE.search(message)
    return int(found.group(1)) if found else None


def _not_turtle(reason: str, where: str, line: int | None) -> DataError:
    return DataError(f"not valid Turtle: {reason}", f"{where}:{line}" if line else where)


def _first_line(message: str) -> str:
    for line in message.splitlines():
        line = line.strip()
        if line and not line.startswith("at line"):
            return line[:300]
    return "syntax error"


def _files(project: Project, base: Base) -> Iterable[tuple[str, str, str]]:
    """(graph IRI, text under ``base``, the file as the user knows it) for every file of the project."""
    for path in project.rdf_files():
        where = path.relative_to(project.root).as_posix()
        text = read_text(path, base, where=where)
        if not text.strip():  # a file cut short or never written; one with only comments is deliberate
            raise DataError(
                "the file is empty: write its Turtle (comments saying why it holds none), or remove it", where
            )
        yield base.graph(project.graph_name(path)), text, where


def load_store(project: Project, base: Base, derived: bool = True) -> ox.Store:
    """Every ontology and data file in an Oxigraph store, one named graph per file (~0.1 s), and
    (unless ``derived`` is false) the graph of derived links computed from them (``graph.derive``)."""
    store = ox.Store()
    for graph, text, where in _files(project, base):
        try:  # parsed into the store by Oxigraph, no Python object per triple (a third of the time)
            store.load(text, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
        except SyntaxError as exc:
            raise _syntax_error(exc, where) from None
    if derived:
        add_derived(store, project, base)
    return store


def load_dataset(project: Project, base: Base, ontology_only: bool = False) -> Dataset:
    """The same files and graphs as ``load_store`` in an rdflib dataset (union default graph), with
    the project's prefixes bound; about ten times slower. ``ontology_only``: the files of ontology/
    alone, without the derived graph (what a build stamps and publishes apart)."""
    dataset = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        dataset.bind(prefix, ns)
    for graph, text, where in _files(project, base):
        if not ontology_only or graph.startswith(base.graph(project.graph_name(project.ontology)) + "/"):
            turtle_graph(text, where, into=dataset.graph(URIRef(graph)))
    if ontology_only:
        return dataset
    derived = derived_triples(load_store(project, base, derived=False), derivations(project, base))
    if derived:
        text = (ox.serialize(derived, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        dataset.graph(URIRef(base.graph(DERIVED))).parse(data=text, format="nt")
    return dataset


def replace_graphs(store: ox.Store, dataset: Dataset) -> None:
    """Put the graphs of ``dataset`` (small: the stamped ontology, the named queries) into ``store``,
    in place of the store's graphs of the same names."""
    for graph in dataset.graphs():
        if len(graph):
            store.remove_graph(ox.NamedNode(str(graph.identifier)))
    text = dataset.serialize(format="nquads", encoding="utf-8")
    store.extend(ox.parse(text, format=ox.RdfFormat.N_QUADS))


def load_graph(files: Iterable[Path], base: Base, root: Path) -> Graph:
    """Several Turtle files (shapes, say) in one rdflib graph, each named in errors by its path under ``root``."""
    graph = Graph()
    for path in files:
        where = path.relative_to(root).as_posix()
        turtle_graph(read_text(path, base, where=where), where, into=graph)
    return graph


def union_graph(dataset: Dataset) -> Graph:
    """The union of all named graphs as one plain graph, with the dataset's prefixes."""
    union = Graph()
    for prefix, ns in dataset.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union
