"""`acuerdos generate`: its output validates against the shapes, is the same for the same seed,
breaks the share of decisions asked for, and on it the derived links equal their long patterns and
the rewritten named queries answer as their long forms, whole and page by page (what
tests/queries/test_derived.py and test_paging.py check on the record, here on a generated record
twice its size)."""

from __future__ import annotations

from pathlib import Path

import pytest

from acuerdos.graph import load_store
from acuerdos.graph.derive import GRAPH
from acuerdos.graph.generate import generate
from acuerdos.project import Project
from acuerdos.queries import load_query_file, load_registry
from acuerdos.store import LocalBackend
from acuerdos.validation.run import validate_checkout
from acuerdos.web.query_api import run_page

from .conftest import BASE, PROJECT
from .test_derived import LONG, LONG_QUERIES, _pairs, cases
from .test_paging import INNER

pytestmark = pytest.mark.slow
SIZE = 30_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Project:
    folder = tmp_path_factory.mktemp("generated")
    made = generate(PROJECT, folder, SIZE, seed=7)
    assert 0.8 * SIZE <= made["triples"] <= 1.2 * SIZE and made["decisions"] > 100 and made["broken"] == 0
    return Project(folder)


@pytest.fixture(scope="module")
def generated_store(generated: Project):
    return load_store(generated, BASE)


def test_the_generated_record_validates(generated: Project) -> None:
    outcome = validate_checkout(generated, BASE)
    assert outcome.conforms, [r for r in outcome.results if r.severity == "Violation"][:5]


def test_the_same_seed_writes_the_same_files(generated: Project, tmp_path: Path) -> None:
    generate(PROJECT, tmp_path, SIZE, seed=7)
    for path in sorted((generated.data).rglob("*")):
        if path.is_file():
            again = tmp_path / path.relative_to(generated.root)
            assert again.read_bytes() == path.read_bytes(), path.relative_to(generated.root)


def test_violations_break_the_share_asked_for(tmp_path: Path) -> None:
    made = generate(PROJECT, tmp_path, 20_000, seed=3, violations=0.2)
    outcome = validate_checkout(Project(tmp_path), BASE)
    assert made["broken"] > 0 and outcome.counts()["Violation"] >= made["broken"]


@pytest.mark.parametrize("prop", sorted(LONG))
def test_derived_triples_equal_the_long_pattern(prop: str, generated: Project, generated_store) -> None:
    derived = _pairs(generated_store, f"GRAPH <{BASE.graph(GRAPH)}> {{ ?s acu:{prop} ?o }}")
    assert derived == _pairs(load_store(generated, BASE, derived=False), LONG[prop])


@pytest.mark.parametrize("path", LONG_QUERIES, ids=[p.stem for p in LONG_QUERIES])
def test_rewritten_queries_answer_as_their_long_form(path: Path, generated: Project, generated_store) -> None:
    backend = LocalBackend(generated_store)
    short = load_registry(generated.queries, BASE).get(path.stem)
    long = load_query_file(path, BASE)
    for lang in ("en", "es"):
        for params in cases(short):
            expected = long.run(backend, params, lang=lang)
            assert [dict(r) for r in short.run(backend, params, lang=lang)] == [dict(r) for r in expected]


@pytest.mark.parametrize("name", INNER)
def test_pages_chosen_before_labels_are_slices_of_the_long_answer(
    name: str, generated: Project, generated_store
) -> None:
    backend = LocalBackend(generated_store)
    query = load_registry(generated.queries, BASE).get(name)
    long = load_query_file(Path(__file__).parent / "long" / f"{name}.rq", BASE)
    for lang in ("en", "es"):
        for params in (query.example, {}):
            whole = [dict(r) for r in long.run(backend, params, lang=lang)]
            for limit in (7, 100):
                for offset in range(0, len(whole) + 1, limit):
                    rows, _variables, more = run_page(query, backend, params, lang, limit, offset)
                    assert [dict(r) for r in rows] == whole[offset : offset + limit], (
                        f"{name} {params} {limit}@{offset}"
                    )
                    assert more == (len(whole) > offset + limit)
