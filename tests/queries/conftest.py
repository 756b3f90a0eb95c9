"""Fixtures for the named-query tests: the project, the registry, the data in Oxigraph behind the
backend the CLI uses (`store.LocalBackend`), and the union graph in rdflib (for the independent
Python routes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from acuerdos.graph import load_store
from acuerdos.namespaces import CANONICAL_BASE, Base
from acuerdos.project import Project
from acuerdos.queries import Registry, load_registry
from acuerdos.rdf.rows import Rows
from acuerdos.store import LocalBackend
from helpers import union

PROJECT = Project(Path(__file__).resolve().parents[2])
BASE = Base(CANONICAL_BASE)


@pytest.fixture(scope="session")
def q_registry() -> Registry:
    return load_registry(PROJECT.queries, BASE)


@pytest.fixture(scope="session")
def q_store():
    return load_store(PROJECT, BASE)


@pytest.fixture(scope="session")
def q_backend(q_store) -> LocalBackend:
    return LocalBackend(q_store)


@pytest.fixture(scope="session")
def q_graph():
    return union()


class Recording(LocalBackend):
    """The command line's backend, remembering every query it is sent (op, text), in order."""

    def __init__(self, store) -> None:
        super().__init__(store)
        self.seen: list[tuple[str, str]] = []

    def select(self, query: str, **kwargs):
        self.seen.append(("select", query))
        return super().select(query, **kwargs)

    def ask(self, query: str, **kwargs) -> bool:
        self.seen.append(("ask", query))
        return super().ask(query, **kwargs)


@pytest.fixture
def recording(q_store) -> Recording:
    return Recording(q_store)


class RdflibBackend:
    """A second SPARQL engine (rdflib's, over the union graph) behind the backend's select and ask."""

    version = "rdflib"

    def __init__(self, graph) -> None:
        self.graph = graph

    def select(self, query: str, *, whole: bool = False) -> Rows:  # rdflib cuts nothing: every read is whole
        result = self.graph.query(query)
        return Rows([{str(k): v for k, v in row.asdict().items()} for row in result], [str(v) for v in result.vars])

    def ask(self, query: str) -> bool:
        return bool(self.graph.query(query).askAnswer)


@pytest.fixture(scope="session")
def rdflib_backend(q_graph) -> RdflibBackend:
    return RdflibBackend(q_graph)
