"""The data against the sources, read independently of it: the decisions are exactly the ones the
sources print (none missing, none invented), every quote stands in its source, every source file is
declared with its checksum by the data file sources.yaml names.

What the SHACL shapes check (every actor an agent, every decision a theme, deadlines not before the
meeting, every source document records a meeting…) is left to them: tests/test_shapes.py runs them
over the shipped data.
"""

from __future__ import annotations

from functools import cache

import pytest

from helpers import PROLOGUE, dataset, rows
from printed import LISTS, SOURCES, DecisionList, decision_lists, sources

BASE = "https://w3id.org/acuerdos/"


def _decisions(lst: DecisionList) -> dict[int, tuple[str, str | None, dict[str, str | None]]]:
    """position -> (IRI, printed number, {sub-item position: sub-item number}) of a document's list."""
    top = rows(f"""
        SELECT ?d ?pos ?num WHERE {{
          ?d a acu:{lst.kind} ; acu:recordedIn <{BASE}document/{lst.document}> ; acu:position ?pos .
          OPTIONAL {{ ?d acu:number ?num }}
          FILTER NOT EXISTS {{ ?d acu:partOf ?parent }}
        }}""")
    found: dict[int, tuple[str, str | None, dict[str, str | None]]] = {}
    for d, pos, num in top:
        assert int(pos) not in found, f"two {lst.kind}s at position {pos} in {lst.document}: {d}, {found[int(pos)][0]}"
        subs = {
            str(p): (str(n) if n is not None else None)
            for p, n in rows(
                f"SELECT ?p ?n WHERE {{ ?s acu:partOf <{d}> ; acu:position ?p . OPTIONAL {{ ?s acu:number ?n }} }}"
            )
        }
        found[int(pos)] = (str(d), str(num) if num is not None else None, subs)
    return found


@pytest.mark.parametrize("lst", LISTS, ids=lambda lst: f"{lst.document}-{lst.kind}")
def test_decisions_match_the_printed_list(lst: DecisionList) -> None:
    printed = lst.items()
    data = _decisions(lst)
    assert sorted(data) == list(range(1, len(printed) + 1)), (
        f"{lst.document}: the text prints {len(printed)} {lst.kind}s; the data has positions {sorted(data)}"
    )
    numbered = any(item.number for item in printed)
    for position, item in enumerate(printed, start=1):
        iri, number, subs = data[position]
        if item.number is not None:
            assert number == item.number, f"{iri}: printed number {item.number!r}, data says {number!r}"
        else:
            allowed = {None, str(position)} if numbered else {None}
            assert number in allowed, f"{iri}: the text prints no number here, data says {number!r}"
        assert len(subs) == len(item.subitems), (
            f"{iri}: the text prints {len(item.subitems)} sub-items, the data has {len(subs)}"
        )
        assert sorted(int(p) for p in subs) == list(range(1, len(item.subitems) + 1))
        for sub_position, letter in enumerate(item.subitems, start=1):
            assert subs[str(sub_position)] == letter, (
                f"{iri} sub-item {sub_position}: printed {letter!r}, data says {subs[str(sub_position)]!r}"
            )


@pytest.mark.parametrize(
    "lst", [lst for lst in decision_lists() if not lst.printed], ids=lambda lst: f"{lst.document}-{lst.kind}"
)
def test_decisions_match_the_stated_count(lst: DecisionList) -> None:
    """Decisions the text does not print as one list: as many as sources.yaml (and so the README) says."""
    data = _decisions(lst)
    assert sorted(data) == list(range(1, (lst.count or 0) + 1)), (
        f"{lst.document}: sources.yaml counts {lst.count} {lst.kind}s; the data has positions {sorted(data)}"
    )


def test_every_list_is_recorded_in_a_document_of_its_source() -> None:
    files = {str(d): str(f) for d, f in rows("SELECT ?d ?f WHERE { ?d acu:sourceFile ?f }")}
    wrong = [
        f"<document/{lst.document}>: sources.yaml puts its {lst.kind}s in {lst.source}, the data says "
        f"{files.get(BASE + 'document/' + lst.document)}"
        for lst in decision_lists()
        if files.get(BASE + "document/" + lst.document) != lst.source
    ]
    assert not wrong, "\n".join(wrong)


def test_each_source_is_declared_by_its_data_file_with_its_sha256() -> None:
    declared: dict[str, set[tuple[str, str]]] = {}
    for g, f, h in dataset().query(
        PROLOGUE + "SELECT ?g ?f ?h WHERE { GRAPH ?g { ?d acu:sourceFile ?f ; acu:sha256 ?h } }"
    ):
        declared.setdefault(str(f), set()).add((str(g), str(h)))
    assert sorted(declared) == sorted(s.file for s in sources()), (
        "the data describes other source files than sources.yaml"
    )
    for source in sources():
        graph = BASE + "graph/" + source.data.removesuffix(".ttl")
        assert declared[source.file] == {(graph, source.sha256)}, (
            f"{source.file}: sources.yaml says {source.data} declares it with sha256 {source.sha256}; "
            f"the data has (graph, sha256) {sorted(declared[source.file])}"
        )


@cache
def _normalised(name: str) -> str:
    from acuerdos.text import normalise

    return normalise((SOURCES / name).read_text(encoding="utf-8"))


def test_every_quote_is_found_in_its_source() -> None:
    quotes = rows("""
        SELECT ?subject ?file ?exact WHERE {
          ?subject acu:evidence ?ev . ?ev oa:hasSource ?doc ; oa:hasSelector ?sel .
          ?sel oa:exact ?exact .
          OPTIONAL { ?doc acu:sourceFile ?file }
        }""")
    assert quotes, "no quotes in the data"
    missing = [f"{s}: its source {f!r} is not a source document" for s, f, _ in quotes if f is None]
    missing += [
        f"{s}: not found in {f}: {str(e)[:120]!r}"
        for s, f, e in quotes
        if f is not None and str(e) not in _normalised(str(f))
    ]
    assert not missing, "\n".join(missing[:40])


def test_dates_a_decision_sets_lie_after_its_meeting() -> None:
    """Only acu:scheduledEnd given alone: shapes/decision.ttl checks acu:deadline and acu:scheduledStart
    against the meeting, and acu:scheduledEnd against acu:scheduledStart, but not an end without a start
    (agreement 5 of Panama has one)."""
    early = rows("""
        SELECT ?d ?date ?start WHERE {
          ?d acu:scheduledEnd ?date ; acu:adoptedAt ?m .
          FILTER NOT EXISTS { ?d acu:scheduledStart ?s }
          ?m schema:startDate|acu:notBefore ?start .
          FILTER (?date < ?start)
        }""")
    assert not early, "\n".join(
        f"{d} acu:scheduledEnd {date} is before its meeting ({start})" for d, date, start in early
    )
