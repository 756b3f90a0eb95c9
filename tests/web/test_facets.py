"""The explorers' narrowing and counting (web.facets) against the independent walk of the graph
(tests/facet_walk.py), in this process, for many selections drawn at random (seeded): one, two or
three facets, one or two values each. The counts a collection keeps for a selection (more
selections than it keeps, so some are dropped and made again) are those of a fresh count and of
the walk. The browser tests check the pages show what this computes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from rdflib import Graph
from starlette.requests import Request

from acuerdos.namespaces import Base
from acuerdos.project import Release
from acuerdos.store import LocalBackend
from acuerdos.store.embedded import EmbeddedEngine
from acuerdos.web import facets as facets_module
from acuerdos.web.explorer import with_landing_counts
from acuerdos.web.explorer_url import DECISIONS, MEETINGS, View, read_selection, url_key
from acuerdos.web.facets import Selection, counts, narrow, read_collection
from acuerdos.web.meeting_facets import read_meetings
from facet_walk import BASE, GROUPS, MEETING_GROUPS, expected, walk, walk_meetings

SELECTIONS = 150


@pytest.fixture(scope="module")
def backend(built_dist) -> LocalBackend:
    # a row limit far below every collection: the explorers read theirs whole (Backend.select(whole=True)),
    # as they must at the size of the whole record, where 10,000 rows cut them silently
    return LocalBackend(EmbeddedEngine.from_dump(str(Release(built_dist).nquads)).store, version="v", limit=10)


@pytest.fixture(scope="module")
def graph(built_dist) -> Graph:
    union = Graph()
    union.parse(built_dist / "acuerdos.nt", format="nt")
    return union


def compare(collection, walked, view: View, groups: dict, seed: int) -> None:
    chooser = random.Random(seed)
    as_of = dt.date.today()
    for _ in range(SELECTIONS):
        chosen_keys: dict[str, set[str]] = {}
        chosen: dict[str, frozenset[str]] = {}
        for facet in chooser.sample(view.facets, chooser.randint(1, 3)):
            values = sorted(view.fixed.get(facet, collection.values[facet]))
            picked = set(chooser.sample(values, min(len(values), chooser.randint(1, 2))))
            chosen[facet] = frozenset(picked)
            chosen_keys[facet] = {url_key(collection, facet, v, view) for v in picked}
        selection = Selection(chosen=chosen, as_of=as_of)
        kept, wanted = expected(walked, chosen_keys, groups)
        found = {r.iri for r in narrow(collection.records, selection, view.groups)}
        assert found == kept, f"{chosen_keys}: narrowed {sorted(found - kept)} too many, {sorted(kept - found)} missing"
        counted = collection.counted(selection, view.groups)  # what the pages show, kept per selection
        resorted = Selection(chosen=chosen, as_of=as_of, sort="due", descending=True)  # the next page, say
        assert collection.counted(resorted, view.groups) is counted
        assert counts(collection.records, selection, view.groups) == counted
        for facet in view.facets:
            mine = {url_key(collection, facet, v, view): n for v, n in counted[facet].items() if v and n}
            theirs = {v: n for v, n in wanted[facet].items() if v and n}
            assert mine == theirs, f"{chosen_keys}: counts of {facet}"


def test_decisions_narrow_and_count_as_the_walk_says(backend, graph):
    collection = read_collection(backend, Base())
    walked = walk(graph, dt.date.today())
    assert {r.iri for r in collection.records} == {w.iri for w in walked}
    assert all(r.iri.startswith(BASE) for r in collection.records)
    compare(collection, walked, DECISIONS, GROUPS, seed=8)


def test_meetings_narrow_and_count_as_the_walk_says(backend, graph):
    collection = read_meetings(backend, Base())
    walked = walk_meetings(graph)
    assert {m.iri for m in collection.records} == {w.iri for w in walked}
    compare(collection, walked, MEETINGS, MEETING_GROUPS, seed=9)


@pytest.mark.parametrize("view", [DECISIONS, MEETINGS], ids=lambda v: v.name)
def test_the_records_having_a_value_are_those_the_walk_keeps_for_it(backend, graph, view):
    """Collection.having (the page of a theme, a meeting, an actor: its decisions) keeps, for every
    value of every facet, what the walk keeps for that one choice, in the collection's order."""
    read, walker, groups = (
        (read_collection, walk, GROUPS) if view is DECISIONS else (read_meetings, walk_meetings, MEETING_GROUPS)
    )
    collection = read(backend, Base())
    walked = walker(graph, dt.date.today()) if view is DECISIONS else walker(graph)
    position = {r.iri: i for i, r in enumerate(collection.records)}
    tried = 0
    for facet in (f for f in view.facets if view.groups[f][0] != "due"):
        for value in collection.values[facet]:
            found = [r.iri for r in collection.having(facet, value)]
            kept, _ = expected(walked, {facet: {url_key(collection, facet, value, view)}}, groups)
            assert set(found) == kept, f"{facet}={value}"
            assert found == sorted(found, key=position.__getitem__)
            tried += 1
    assert tried > 50


@pytest.mark.parametrize("view", [DECISIONS, MEETINGS], ids=lambda v: v.name)
def test_the_first_page_has_its_counts_when_the_collection_is_read(backend, view, monkeypatch):
    """What the service computes at start includes the counts of an explorer's first page (nothing
    chosen), the page most visitors open: the selection a bare URL gives counts nothing again."""
    made: list[Selection] = []

    def counting(records, selection, groups):
        made.append(selection)
        return counts(records, selection, groups)

    monkeypatch.setattr(facets_module, "counts", counting)
    read = read_collection if view is DECISIONS else read_meetings
    collection = with_landing_counts(read(backend, Base()), view)
    assert len(made) == 1
    path = f"/explore/{view.name}"
    bare = Request({"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []})
    selection, problems = read_selection(bare, collection, "en", view)
    assert not problems
    assert collection.counted(selection, view.groups) == counts(collection.records, selection, view.groups)
    assert len(made) == 1  # made before any page asked, and found by the page's own selection
