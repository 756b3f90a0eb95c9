"""Fixtures for the named-query tests: the registry, the data in Oxigraph, the union graph (for the
independent Python routes)."""
from __future__ import annotations

import pytest

from acuerdos.config import Paths
from acuerdos.graph import load_store
from acuerdos.queries import Registry, load_registry
from helpers import union


@pytest.fixture(scope="session")
def q_registry() -> Registry:
    return load_registry(Paths().queries)


@pytest.fixture(scope="session")
def q_store():
    return load_store(Paths())


@pytest.fixture(scope="session")
def q_graph():
    return union()
