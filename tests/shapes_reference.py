"""The reference engine of the tests: pyshacl (the test extra only; the service never imports it).

It reads the same shapes files under the same base (``artefacts.read_text``) and the union of the
same pyoxigraph store, and its report is read by the same code as pyshacl-turbo's
(``validation.report.results_of``), so that any difference between the two is the engines'.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from acuerdos.artefacts import read_text
from acuerdos.namespaces import Base
from acuerdos.validation import Result
from acuerdos.validation.model import Shortener
from acuerdos.validation.report import results_of


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r}")


def union_graph(store: ox.Store) -> Graph:
    """The union of the store's graphs as one rdflib Graph (blank nodes keep their ids)."""
    graph = Graph()
    for q in store:
        graph.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    return graph


def shapes_graph(folder: Path, base: Base) -> Graph:
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(data=read_text(path, base), format="turtle")
    return graph


class Reference:
    """pyshacl with the shapes of ``folder`` read once under ``base``."""

    def __init__(self, folder: Path, base: Base | None = None) -> None:
        self.base = base or Base()
        self.shapes = shapes_graph(folder, self.base)

    def results(self, store: ox.Store) -> list[Result]:
        """What pyshacl reports on the union of the store's graphs."""
        import pyshacl

        _conforms, report, _text = pyshacl.validate(
            union_graph(store), shacl_graph=self.shapes, advanced=True, inference="none"
        )
        return sorted(set(results_of(report, Shortener(self.base))), key=lambda r: (r.focus, r.shape, r.value or ""))
