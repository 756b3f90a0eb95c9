"""What a curator keeps of a draft, made curated data: the rejected items dropped, the draft status
removed, each proposed theme given the basis its evidence supports, and the provenance of the draft
and of its acceptance kept.

A proposed theme or action category whose trigger words are quoted from the text becomes "named in
text"; one proposed from the curated decisions' vocabulary or from the meeting (no quote) becomes
"assigned by judgement", with the curator's name in its reason; a proposed follow-up link is always
a judgement. Confidences belong to proposals and go.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .messages import AcceptError
from .naming import name_nodes, owned
from .reading import ACU, BASE, DRAFT_STATUS, PROPOSED, PROV, DecisionItem, DraftGraphs

NAMED = URIRef(BASE + "kind/basis/named-in-text")
JUDGEMENT = URIRef(BASE + "kind/basis/assigned-by-judgement")


@dataclass(frozen=True)
class Acceptance:
    """Who accepts, when, and which items: ``only`` (decisions kept, with their sub-items, themes and
    follow-ups; a sub-item with its parent) or ``reject`` (decisions, themes or follow-ups dropped; a
    decision takes its sub-items with it)."""

    curator: str
    when: dt.datetime
    only: frozenset[str] | None = None
    reject: frozenset[str] = frozenset()


def _unknown(draft: DraftGraphs, ids: frozenset[str]) -> None:
    unknown = sorted(ids - draft.ids())
    if unknown:
        known = ", ".join(d.id for d in draft.decisions[:6])
        raise AcceptError("unknown-items", folder=draft.files.folder, ids=", ".join(unknown), known=known)


def rejected(draft: DraftGraphs, acceptance: Acceptance) -> set[str]:
    """The ids of the items dropped: the rejected ones, those outside ``only``, and whatever hangs on a
    dropped decision (its sub-items, themes and follow-ups)."""
    _unknown(draft, acceptance.only or frozenset())
    _unknown(draft, acceptance.reject)
    if acceptance.only is not None:
        listed = set(acceptance.only)
        keep = listed | {
            d.parent for d in draft.decisions if d.id in listed and d.parent
        }  # a sub-item needs its parent
        keep |= {d.id for d in draft.decisions if d.parent in listed}  # a decision comes with its sub-items
        dropped = {d.id for d in draft.decisions if d.id not in keep}
    else:
        dropped = set(acceptance.reject)
    changed = True
    while changed:  # a dropped parent drops its sub-items
        more = {d.id for d in draft.decisions if d.parent in dropped} - dropped
        changed = bool(more)
        dropped |= more
    for d in draft.decisions:
        if d.id in dropped:
            dropped |= set(d.part_ids())
    return dropped


def _remove_tree(graph: Graph, node: Node) -> None:
    """A node and the nodes that hang from it alone (quotes, selectors, its theme assignments)."""
    for p, o in list(graph.predicate_objects(node)):
        graph.remove((node, p, o))
        if owned(node, o):
            _remove_tree(graph, o)


def _drop_decision(draft: DraftGraphs, d: DecisionItem) -> None:
    for graph in draft.graphs().values():
        _remove_tree(graph, d.iri)


def _drop(graph: Graph, subject: Node, prop: URIRef, node: Node) -> None:
    graph.remove((subject, prop, node))
    _remove_tree(graph, node)


def _renumber(draft: DraftGraphs, kept: list[DecisionItem]) -> None:
    """Positions without the gaps rejected decisions leave: 1, 2, 3… per kind, and per parent for sub-items."""
    counters: dict[tuple[str, str | None], int] = defaultdict(int)
    doc = draft.document
    for d in kept:
        key = (d.kind, d.parent)
        counters[key] += 1
        doc.set((d.iri, ACU.position, Literal(counters[key])))


def _confirm(graph: Graph, node: Node, acceptance: Acceptance) -> None:
    """The proposal made curated: no draft status, no confidence, a curated basis, the curator's reason.

    A proposed follow-up link is the curator's reading (the draft quotes the later decision, which
    need not name the earlier one): assigned by judgement."""
    graph.remove((node, ACU.curationStatus, DRAFT_STATUS))
    graph.remove((node, ACU.confidence, None))
    follow_up = (node, RDF.type, ACU.FollowUp) in graph
    if (node, ACU.basis, PROPOSED) in graph or (follow_up and graph.value(node, ACU.basis) is None):
        quoted = graph.value(node, ACU.evidence) is not None and not follow_up
        graph.set((node, ACU.basis, NAMED if quoted else JUDGEMENT))
        reason = str(graph.value(node, ACU.reason) or "").removeprefix("Proposed from ").removeprefix("Proposed: ")
        said = "the words quoted" if quoted else "judgement"
        text = f"Accepted by {acceptance.curator} ({said}); proposed: {reason.rstrip('.')}."
        graph.set((node, ACU.reason, Literal(text, lang="en")))


def _provenance(draft: DraftGraphs, acceptance: Acceptance) -> URIRef:
    """The acceptance as a PROV activity that used the draft; each accepted resource is derived from the
    draft and generated by the acceptance."""
    doc = draft.document
    drafting = URIRef(f"{BASE}draft/{draft.files.slug}/activity")
    the_draft = URIRef(f"{BASE}draft/{draft.files.slug}")
    accepted = URIRef(f"{BASE}draft/{draft.files.slug}/acceptance")
    curator = BNode()
    doc.add((the_draft, RDF.type, PROV.Entity))
    doc.add((the_draft, RDFS.label, Literal(f"draft of {draft.files.source.name}", lang="en")))
    doc.add((the_draft, PROV.wasGeneratedBy, drafting))
    doc.add((accepted, RDF.type, PROV.Activity))
    doc.add((accepted, RDFS.label, Literal("acuerdos accept", lang="en")))
    doc.add((accepted, PROV.used, the_draft))
    doc.add((accepted, PROV.endedAtTime, Literal(acceptance.when.isoformat(), datatype=XSD.dateTime)))
    doc.add((accepted, PROV.wasAssociatedWith, curator))
    doc.add((curator, RDF.type, PROV.Person))
    doc.add((curator, RDFS.label, Literal(acceptance.curator)))
    for subject in list(doc.subjects(PROV.wasGeneratedBy, drafting)):
        if subject == the_draft:
            continue
        doc.remove((subject, PROV.wasGeneratedBy, drafting))
        doc.add((subject, PROV.wasGeneratedBy, accepted))
        doc.add((subject, PROV.wasDerivedFrom, the_draft))
    return accepted


def accept(draft: DraftGraphs, acceptance: Acceptance) -> list[DecisionItem]:
    """Change the draft's graphs in place into curated data; the decisions kept."""
    dropped = rejected(draft, acceptance)
    kept = []
    for d in draft.decisions:
        if d.id in dropped:
            _drop_decision(draft, d)
            continue
        kept.append(d)
        for t in d.themes:
            if t.id in dropped:
                _drop(draft.themes, d.iri, ACU.themeAssignment, t.node)
        for f in d.follow_ups:
            if f.id in dropped:
                _drop(draft.follow_up, URIRef(BASE + f.earlier), ACU.followUp, f.node)
    if not kept:
        raise AcceptError("nothing-left", folder=draft.files.folder)
    _renumber(draft, kept)
    for graph in draft.graphs().values():
        for node in list(graph.subjects(ACU.curationStatus, DRAFT_STATUS)):
            _confirm(graph, node, acceptance)
    _provenance(draft, acceptance)
    name_nodes(list(draft.graphs().values()))
    return kept
