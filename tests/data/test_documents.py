"""The decisions in the data are exactly the ones the sources print: none missing, none invented."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from printed import LISTS, SOURCES, DecisionList

from helpers import rows

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
        subs = {str(p): (str(n) if n is not None else None)
                for p, n in rows(f"SELECT ?p ?n WHERE {{ ?s acu:partOf <{d}> ; acu:position ?p . OPTIONAL {{ ?s acu:number ?n }} }}")}
        found[int(pos)] = (str(d), str(num) if num is not None else None, subs)
    return found


@pytest.mark.parametrize("lst", LISTS, ids=lambda l: f"{l.document}-{l.kind}")
def test_decisions_match_the_printed_list(lst: DecisionList) -> None:
    printed = lst.items()
    data = _decisions(lst)
    assert sorted(data) == list(range(1, len(printed) + 1)), (
        f"{lst.document}: the text prints {len(printed)} {lst.kind}s; the data has positions {sorted(data)}")
    numbered = any(item.number for item in printed)
    for position, item in enumerate(printed, start=1):
        iri, number, subs = data[position]
        if item.number is not None:
            assert number == item.number, f"{iri}: printed number {item.number!r}, data says {number!r}"
        else:
            allowed = {None, str(position)} if numbered else {None}
            assert number in allowed, f"{iri}: the text prints no number here, data says {number!r}"
        assert len(subs) == len(item.subitems), (
            f"{iri}: the text prints {len(item.subitems)} sub-items, the data has {len(subs)}")
        assert sorted(int(p) for p in subs) == list(range(1, len(item.subitems) + 1))
        for sub_position, letter in enumerate(item.subitems, start=1):
            assert subs[str(sub_position)] == letter, (
                f"{iri} sub-item {sub_position}: printed {letter!r}, data says {subs[str(sub_position)]!r}")


def test_every_quote_is_found_in_its_source() -> None:
    from acuerdos.text import normalise

    quotes = rows("""
        SELECT ?subject ?file ?exact WHERE {
          ?subject acu:evidence ?ev . ?ev oa:hasSource ?doc ; oa:hasSelector ?sel .
          ?sel oa:exact ?exact .
          OPTIONAL { ?doc acu:sourceFile ?file }
        }""")
    assert quotes, "no quotes in the data"
    missing = [f"{s}: its source {f!r} is not a source document" for s, f, _ in quotes if f is None]
    missing += [f"{s}: not found in {f}: {str(e)[:120]!r}" for s, f, e in quotes
                if f is not None and str(e) not in normalise((SOURCES / str(f)).read_text(encoding="utf-8"))]
    assert not missing, "\n".join(missing[:40])


def test_source_copies_are_byte_for_byte() -> None:
    declared = {str(f): str(h) for f, h in rows("SELECT ?f ?h WHERE { ?d acu:sourceFile ?f ; acu:sha256 ?h }")}
    files = sorted(p.name for p in SOURCES.glob("*.txt"))
    assert sorted(declared) == files, "every source file, and only those, is described by a source document"
    for name, digest in declared.items():
        assert hashlib.sha256((SOURCES / name).read_bytes()).hexdigest() == digest, name
    shared = Path(__file__).resolve().parents[3] / "shared" / "sources"
    if shared.is_dir():
        for path in shared.glob("*"):
            assert (SOURCES / path.name).read_bytes() == path.read_bytes(), f"data/sources/{path.name} differs from shared"


ACTOR_PROPERTIES = ["acu:mustAct", "acu:addressee", "acu:participant", "acu:presidedBy", "acu:presenter",
                    "acu:moderator", "acu:signer", "acu:onBehalfOf", "acu:represents", "org:member"]


@pytest.mark.parametrize("prop", ACTOR_PROPERTIES)
def test_every_actor_is_a_declared_agent(prop: str) -> None:
    unresolved = rows(f"""
        SELECT DISTINCT ?x ?actor WHERE {{
          ?x {prop} ?actor .
          FILTER NOT EXISTS {{ ?actor a/rdfs:subClassOf* prov:Agent }}
        }}""")
    assert not unresolved, "\n".join(f"{x} {prop} {a}: not a declared state, organisation, body or person"
                                     for x, a in unresolved)


def test_every_decision_has_a_theme() -> None:
    bare = rows("""
        SELECT ?d WHERE { ?d a/rdfs:subClassOf* acu:Decision .
          FILTER NOT EXISTS { ?d acu:themeAssignment/acu:theme ?t . ?t skos:inScheme ?s } }""")
    assert not bare, "decisions without a theme:\n" + "\n".join(str(d) for (d,) in bare)


def test_dates_set_by_a_meeting_lie_after_it() -> None:
    early = rows("""
        SELECT ?d ?p ?date ?start WHERE {
          VALUES ?p { acu:deadline acu:scheduledStart acu:scheduledEnd }
          ?d ?p ?date ; acu:adoptedAt ?m .
          ?m schema:startDate|acu:notBefore ?start .
          FILTER (?date < ?start)
        }""")
    assert not early, "\n".join(f"{d} {p} {date} is before its meeting ({start})" for d, p, date, start in early)


def test_every_source_document_records_a_meeting() -> None:
    docs = rows("SELECT ?d WHERE { ?d a acu:SourceDocument . FILTER NOT EXISTS { ?d acu:records ?m . ?m a acu:Meeting } }")
    assert not docs, f"source documents that record no meeting: {docs}"
