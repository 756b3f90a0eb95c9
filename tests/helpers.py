"""Shared helpers for tests: the loaded checkout, SPARQL with the project's prefixes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph

from acuerdos.graph import load_dataset, union_graph
from acuerdos.namespaces import PREFIXES, Base
from acuerdos.project import Project

ROOT = Path(__file__).resolve().parents[1]

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


@lru_cache(maxsize=1)
def dataset() -> Dataset:
    """The shipped vocabulary and data, loaded once per test session."""
    return load_dataset(Project(ROOT), Base())


@lru_cache(maxsize=1)
def union() -> Graph:
    return union_graph(dataset())


def rows(query: str, graph: Graph | None = None) -> list[tuple]:
    """Run a SELECT over the union graph and return plain tuples."""
    return [tuple(r) for r in (graph or union()).query(PROLOGUE + query)]
