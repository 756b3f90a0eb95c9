"""Every decision has exactly one action category, counted by a walk of the files that shares nothing
with the store, the loader or the shapes: rdflib reads data/documents/*.ttl for the decisions (any
subject typed with a subclass of acu:Decision in ontology/acuerdos.ttl) and
data/curation/action-category/*.ttl for the assignments. Each reason quotes the decision's own words
and names the lines of the source where they stand; both are checked against the source text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef

from acuerdos.text import normalise

ROOT = Path(__file__).resolve().parents[2]
ACU = Namespace("https://w3id.org/acuerdos/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
CURATION = ROOT / "data" / "curation" / "action-category"
# "<the decision's words>" (<source prefix>, line N | lines N-M): <why>.
REASON = re.compile(r'^"(?P<quote>.+?)" \((?P<source>\d{3}), lines? (?P<first>\d+)(?:-(?P<last>\d+))?\): \S')


def _read(paths: list[Path]) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@cache
def _documents() -> Graph:
    return _read(sorted((ROOT / "data" / "documents").glob("*.ttl")))


@cache
def _curation() -> Graph:
    return _read(sorted(CURATION.glob("*.ttl")))


@cache
def _decisions() -> tuple[URIRef, ...]:
    ontology = _read([ROOT / "ontology" / "acuerdos.ttl"])
    kinds = set(ontology.transitive_subjects(RDFS.subClassOf, ACU.Decision))
    docs = _documents()
    return tuple(sorted({s for kind in kinds for s in docs.subjects(RDF.type, kind) if isinstance(s, URIRef)}))


def test_every_decision_has_exactly_one_action_category() -> None:
    curation = _curation()
    wrong = []
    for decision in _decisions():
        found = list(curation.objects(decision, ACU.actionCategoryAssignment))
        if [str(a) for a in found] != [f"{decision}/action-category"]:
            wrong.append(f"{decision}: {[str(a) for a in found] or 'no action category'}")
    assert not wrong, "each decision needs exactly one <…/action-category>:\n" + "\n".join(wrong)
    assert len(_decisions()) == len(set(curation.subjects(ACU.actionCategoryAssignment, None)))


def test_every_assignment_is_of_a_decision_and_names_a_category() -> None:
    curation, decisions = _curation(), set(_decisions())
    scheme = _read([ROOT / "ontology" / "action-categories.ttl"])
    categories = set(scheme.subjects(SKOS.inScheme, URIRef("https://w3id.org/acuerdos/scheme/action-categories")))
    assert len(categories) == 6
    for decision, assignment in curation.subject_objects(ACU.actionCategoryAssignment):
        assert decision in decisions, f"{assignment} categorises {decision}, which no data/documents/ file declares"
        assert set(curation.objects(assignment, ACU.actionCategory)) <= categories, assignment


def _source_lines(prefix: str) -> list[str]:
    (path,) = (ROOT / "data" / "sources").glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("decision", _decisions(), ids=lambda d: str(d).split("/decision/")[1])
def test_reason_quotes_the_decision_at_its_source_lines(decision: URIRef) -> None:
    (reason,) = _curation().objects(URIRef(f"{decision}/action-category"), ACU.reason)
    match = REASON.match(str(reason))
    assert match, f'{decision}: the reason must read "<the decision\'s words>" (NNN, lines N-M): …; it reads {reason}'
    quote = normalise(match["quote"])
    text = normalise(str(_documents().value(decision, ACU.text)))
    assert quote in text, f"{decision}: the reason quotes {quote!r}, which is not in the decision's text"
    first, last = int(match["first"]), int(match["last"] or match["first"])
    lines = normalise("\n".join(_source_lines(match["source"])[first - 1 : last]))
    assert quote in lines, f"{decision}: {quote!r} is not on lines {first}-{last} of source {match['source']}"
