"""Shared helpers for tests: the loaded checkout, SPARQL with the project's prefixes."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Dataset, Graph

from acuerdos.config import Paths
from acuerdos.graph import PREFIXES, load_dataset, union_graph

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


@lru_cache(maxsize=1)
def dataset() -> Dataset:
    """The shipped vocabulary and data, loaded once per test session."""
    return load_dataset(Paths())


@lru_cache(maxsize=1)
def union() -> Graph:
    return union_graph(dataset())


def rows(query: str, graph: Graph | None = None) -> list[tuple]:
    """Run a SELECT over the union graph and return plain tuples."""
    return [tuple(r) for r in (graph or union()).query(PROLOGUE + query)]
