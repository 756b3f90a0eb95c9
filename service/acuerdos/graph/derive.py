"""Derived links: shortcuts computed from the curated graphs at build time, kept out of the curated files.

Each derivation is a SPARQL CONSTRUCT in ``ontology/derived/{name}.rq``; the property it states
is declared in the ontology with ``acu:derivedBy`` that file and a comment saying how (a count
over many decisions is a node with an IRI of its own, typed with a class declared the same way:
ontology/README.md, "Derived links"). Every derivation reads the curated graphs only (never
another derivation's output), and all their triples go into one named graph,
``{base}graph/derived``, so that what the sources and the curators state stays apart from what is
computed from it. The named queries use these links
where the long pattern is slow (tests/queries/test_derived.py checks both give the same answers).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..artefacts import read_text
from ..namespaces import Base
from ..project import Project

GRAPH = "derived"


def derivations(project: Project, base: Base) -> dict[str, str]:
    """{name: CONSTRUCT text under ``base``} for every file of ``ontology/derived/``, by name."""
    folder = project.ontology / "derived"
    paths: list[Path] = sorted(folder.glob("*.rq")) if folder.is_dir() else []
    return {p.stem: read_text(p, base, where=p.relative_to(project.root).as_posix()) for p in paths}


def derived_triples(store: ox.Store, queries: dict[str, str]) -> list[ox.Triple]:
    """What the derivations construct from ``store`` (its default graph the union of the named graphs)."""
    triples: set[ox.Triple] = set()
    for text in queries.values():
        result = store.query(text, use_default_graph_as_union=True)
        assert isinstance(result, ox.QueryTriples)
        triples.update(result)
    return sorted(triples, key=str)


def add_derived(store: ox.Store, project: Project, base: Base) -> int:
    """Add the derived graph to ``store`` (which holds the curated graphs); the number of triples added."""
    graph = ox.NamedNode(base.graph(GRAPH))
    triples = derived_triples(store, derivations(project, base))
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return len(triples)
