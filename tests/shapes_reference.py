"""The reference engine of the tests: pyshacl (the test extra only; the service never imports it).

It reads the same shapes files under the same base (``artefacts.read_text``) and the union of the
same pyoxigraph store, and its report is read by the same code as pyshacl-turbo's
(``validation.report.results_of``), so that any difference between the two is the engines'.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from acuerdos.graph import load_graph
from acuerdos.namespaces import Base
from acuerdos.rdf.terms import to_rdflib
from acuerdos.validation import Result
from acuerdos.validation.model import Shortener
from acuerdos.validation.report import results_of


def union_graph(store: ox.Store) -> Graph:
    """The union of the store's graphs as one rdflib Graph (blank nodes keep their ids)."""
    graph = Graph()
    for q in store:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


class Reference:
    """pyshacl with the shapes of ``folder`` read once under ``base``."""

    def __init__(self, folder: Path, base: Base | None = None) -> None:
        self.base = base or Base()
        self.shapes = load_graph(sorted(folder.glob("*.ttl")), self.base, folder)

    def results(self, store: ox.Store) -> list[Result]:
        """What pyshacl reports on the union of the store's graphs."""
        import pyshacl

        _conforms, report, _text = pyshacl.validate(
            union_graph(store), shacl_graph=self.shapes, advanced=True, inference="none"
        )
        return sorted(set(results_of(report, Shortener(self.base))), key=lambda r: (r.focus, r.shape, r.value or ""))
