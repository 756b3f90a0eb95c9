"""The explorer's facets computed again, independently: a walk of the graph's triples with rdflib
(no SPARQL, none of the service's code), as a researcher reading ontology/README.md would do it.

``walk(graph, today)`` gives every decision with its facet values; ``expected(decisions, chosen)``
the decisions a selection keeps and, for every facet, the count of each value with that facet's
own choices left out (the explorer's documented rule). Values are written as the explorer's URLs
write them: an IRI under the base as its path (``state/MX``), a class as its CURIE (``acu:Agreement``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

BASE = "https://w3id.org/acuerdos/"
ACU = BASE + "ontology#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"


def A(name: str) -> URIRef:
    return URIRef(ACU + name)


def key(iri: object) -> str:
    text = str(iri)
    if text.startswith(ACU):
        return "acu:" + text[len(ACU) :]
    return text[len(BASE) :] if text.startswith(BASE) else text


@dataclass
class Walked:
    iri: str
    pairs: dict[str, set[tuple[str, ...]]] = field(default_factory=dict)


# the facets and the position each reads in its group's tuples (as the explorer documents it)
GROUPS = {
    "conference": ("conference", 0),
    "year": ("year", 0),
    "meeting": ("meeting", 0),
    "kind": ("kind", 0),
    "category": ("category", 0),
    "theme": ("theme", 0),
    "basis": ("theme", 1),
    "actor": ("actor", 0),
    "role": ("actor", 1),
    "due": ("due", 0),
    "status": ("status", 0),
    "followup_kind": ("followup", 0),
    "followup_basis": ("followup", 1),
}
RELATED = URIRef(BASE + "kind/follow-up/related")


def _one(graph: Graph, s: object, p: URIRef) -> object | None:
    return next(iter(graph.objects(s, p)), None)


def _reached(graph: Graph, assigned: URIRef) -> set[URIRef]:
    """The theme itself, the themes mapped to it, and every broader theme of those."""
    start = {assigned}
    for p in (SKOS.exactMatch, SKOS.closeMatch):
        start |= set(graph.objects(assigned, p)) | set(graph.subjects(p, assigned))
    start |= set(graph.objects(assigned, SKOS.broadMatch)) | set(graph.subjects(SKOS.narrowMatch, assigned))
    out: set[URIRef] = set()
    todo = list(start)
    while todo:
        theme = todo.pop()
        if theme not in out:
            out.add(theme)
            todo.extend(graph.objects(theme, SKOS.broader))
    return out


def _decision_classes(graph: Graph) -> set[object]:
    classes = {A("Decision")}
    grew = True
    while grew:
        more = {s for c in classes for s in graph.subjects(RDFS.subClassOf, c)} - classes
        classes |= more
        grew = bool(more)
    return classes


def follow_up_links(graph: Graph, decision: object) -> list[object]:
    """The follow-up links of a decision and of its sub-items, at any depth."""
    parts, todo = set(), [decision]
    while todo:
        d = todo.pop()
        if d not in parts:
            parts.add(d)
            todo.extend(graph.subjects(A("partOf"), d))
    return [link for p in parts for link in graph.objects(p, A("followUp"))]


def _followed(graph: Graph, decision: object) -> bool:
    """Followed up: a link that is not only `related` (the same matter, not a follow-up)."""
    return any(_one(graph, link, A("followUpKind")) != RELATED for link in follow_up_links(graph, decision))


def walk(graph: Graph, today: dt.date) -> list[Walked]:
    classes = _decision_classes(graph)
    out = []
    for decision in sorted({s for c in classes for s in graph.subjects(RDF.type, c)}):
        w = Walked(str(decision))
        meeting = _one(graph, decision, A("adoptedAt"))
        date = (
            _one(graph, meeting, URIRef(SCHEMA + "startDate"))
            or _one(graph, meeting, A("notBefore"))
            or _one(graph, _one(graph, decision, A("recordedIn")), URIRef(DCTERMS + "date"))
        )
        w.pairs["meeting"] = {(key(meeting),)} if meeting else set()
        w.pairs["year"] = {(str(date)[:4],)} if date else set()
        w.pairs["conference"] = {(key(c),) for c in graph.objects(meeting, A("conference"))}
        w.pairs["kind"] = {(key(k),) for k in graph.objects(decision, RDF.type) if k in classes}
        w.pairs["theme"] = set()
        for assignment in graph.objects(decision, A("themeAssignment")):
            basis = _one(graph, assignment, A("basis"))
            for theme in _reached(graph, _one(graph, assignment, A("theme"))):
                w.pairs["theme"].add((key(theme), key(basis) if basis else ""))
        w.pairs["actor"] = {(key(a), "must-act") for a in graph.objects(decision, A("mustAct"))}
        w.pairs["actor"] |= {(key(a), "addressed") for a in graph.objects(decision, A("addressee"))}
        due = _one(graph, decision, A("deadline")) or _one(graph, decision, A("scheduledStart"))
        w.pairs["due"] = {("none" if due is None else "past" if str(due)[:10] < today.isoformat() else "upcoming",)}
        dated = any(
            _one(graph, decision, A(p)) is not None
            for p in ("deadline", "scheduledStart", "scheduledEnd", "schedules", "dateText")
        )
        status = "followed-up" if _followed(graph, decision) else "scheduled" if dated else "none"
        w.pairs["status"] = {(status,)}
        w.pairs["category"] = {
            (key(c),)
            for assignment in graph.objects(decision, A("actionCategoryAssignment"))
            for c in graph.objects(assignment, A("actionCategory"))
        }
        w.pairs["followup"] = {
            (key(_one(graph, link, A("followUpKind"))), key(basis) if (basis := _one(graph, link, A("basis"))) else "")
            for link in follow_up_links(graph, decision)
        }
        out.append(w)
    return out


MEETING_GROUPS = {
    facet: (facet, 0)
    for facet in ("conference", "year", "kind", "status", "status_now", "recorded", "participant", "theme")
}


def walk_meetings(graph: Graph) -> list[Walked]:
    """Every meeting with its facet values, as the meetings explorer documents them."""
    out = []
    for meeting in sorted(set(graph.subjects(RDF.type, A("Meeting")))):
        w = Walked(str(meeting))
        date = (
            _one(graph, meeting, URIRef(SCHEMA + "startDate"))
            or _one(graph, meeting, A("notBefore"))
            or _one(graph, meeting, A("notAfter"))
        )
        w.pairs["conference"] = {(key(c),) for c in graph.objects(meeting, A("conference"))}
        w.pairs["year"] = {(str(date)[:4],)} if date else set()
        w.pairs["kind"] = {(key(k),) for k in graph.objects(meeting, A("meetingKind"))}
        w.pairs["status"] = {(key(s),) for s in graph.objects(meeting, A("status"))}
        w.pairs["status_now"] = {(key(s),) for s in graph.objects(meeting, A("statusNow"))}
        recorded = any(True for _ in graph.subjects(A("records"), meeting))
        w.pairs["recorded"] = {("recorded" if recorded else "mentioned",)}
        w.pairs["participant"] = {(key(p),) for p in graph.objects(meeting, A("participant"))}
        w.pairs["theme"] = {
            (key(theme),)
            for assignment in graph.objects(meeting, A("themeAssignment"))
            for theme in _reached(graph, _one(graph, assignment, A("theme")))
        }
        out.append(w)
    return out


def _passes(w: Walked, chosen: dict[str, set[str]], leave_out: str | None = None, groups: dict = GROUPS) -> bool:
    for group in {g for g, _ in groups.values()}:
        active = [(p, chosen[f]) for f, (g, p) in groups.items() if g == group and f != leave_out and chosen.get(f)]
        if active and not any(all(t[p] in values for p, values in active) for t in w.pairs[group]):
            return False
    return True


def expected(
    decisions: list[Walked], chosen: dict[str, set[str]], groups: dict = GROUPS
) -> tuple[set[str], dict[str, Counter[str]]]:
    """The items the selection keeps, and each facet's counts (its own choices left out)."""
    kept = {w.iri for w in decisions if _passes(w, chosen, groups=groups)}
    counts: dict[str, Counter[str]] = {}
    for facet, (group, position) in groups.items():
        counter: Counter[str] = Counter()
        mates = [(p, chosen[f]) for f, (g, p) in groups.items() if g == group and f != facet and chosen.get(f)]
        for w in decisions:
            if _passes(w, {f: v for f, v in chosen.items() if groups[f][0] != group}, groups=groups):
                counter.update({t[position] for t in w.pairs[group] if all(t[p] in values for p, values in mates)})
        counts[facet] = counter
    return kept, counts
