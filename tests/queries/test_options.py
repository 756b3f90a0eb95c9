"""The choices of a parameter's drop-down: the option queries run once per query, parameter,
language and data version, never more than the registry keeps, and never from a stale version."""

from __future__ import annotations

import pytest

from acuerdos.queries import Registry
from acuerdos.store import LocalBackend


class Counting(LocalBackend):
    """The command line's backend at a given data version, counting the SELECTs it runs."""

    def __init__(self, store, version: str) -> None:
        super().__init__(store, version=version)
        self.selects = 0

    def select(self, query: str, **kwargs):
        self.selects += 1
        return super().select(query, **kwargs)


@pytest.fixture
def registry(q_registry) -> Registry:
    """A registry of its own (an empty set of kept lists), keeping at most three lists."""
    return Registry(q_registry.folder, q_registry.base, q_registry.queries, options_cache_size=3)


def _a_param_with_options(registry: Registry) -> tuple[str, str]:
    return next((q.name, p.name) for q in registry for p in q.params.values() if p.options)


def test_the_same_version_runs_the_options_once(registry, q_store) -> None:
    name, param = _a_param_with_options(registry)
    v1 = Counting(q_store, "v1")
    first = registry.options(name, param, v1, lang="en")
    assert first and v1.selects == 1
    assert registry.options(registry.get(name), param, v1, lang="en") == first
    assert v1.selects == 1, "asked again for the same version: run again"
    first.clear()  # a caller cannot spoil what is kept
    assert registry.options(name, param, v1, lang="en")


def test_another_language_or_version_runs_them_again(registry, q_store) -> None:
    name, param = _a_param_with_options(registry)
    v1 = Counting(q_store, "v1")
    english = registry.options(name, param, v1, lang="en")
    spanish = registry.options(name, param, v1, lang="es")
    assert v1.selects == 2 and {v for v, _ in english} == {v for v, _ in spanish}
    v2 = Counting(q_store, "v2")
    assert registry.options(name, param, v2, lang="en") == english and v2.selects == 1


def test_a_backend_without_version_is_never_served_kept_lists(registry, q_store) -> None:
    name, param = _a_param_with_options(registry)
    unversioned = Counting(q_store, "")
    registry.options(name, param, unversioned)
    registry.options(name, param, unversioned)
    assert unversioned.selects == 2


def test_the_least_recently_used_list_goes_first(registry, q_store) -> None:
    name, param = _a_param_with_options(registry)
    backends = [Counting(q_store, f"x{i}") for i in range(4)]
    for backend in backends:  # four versions, three kept: x0 is dropped
        registry.options(name, param, backend)
    for backend in backends[1:]:
        registry.options(name, param, backend)
        assert backend.selects == 1, f"{backend.version} was dropped"
    registry.options(name, param, backends[0])
    assert backends[0].selects == 2


def test_a_parameter_without_options_has_no_choices(q_registry, q_store) -> None:
    backend = Counting(q_store, "v1")
    assert q_registry.options("search-decisions", "q", backend) == []
    assert backend.selects == 0
