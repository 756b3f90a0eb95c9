"""The IRIs curated data gives theme assignments, follow-ups and quotes (CONTRIBUTING.md, "The IRI of a
quote, a theme assignment, a follow-up"), for the blank nodes a draft may still write there: each
derived from what the node links, so that an accepted draft reads as if a curator had written it."""

from __future__ import annotations

from collections import Counter

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .reading import ACU, BASE, OA, local


def _rename(graphs: list[Graph], old: Node, new: URIRef) -> None:
    for graph in graphs:
        for p, o in list(graph.predicate_objects(old)):
            graph.remove((old, p, o))
            graph.add((new, p, o))
        for s, p in list(graph.subject_predicates(old)):
            graph.remove((s, p, old))
            graph.add((s, p, new))


def name_nodes(graphs: list[Graph]) -> None:
    """Give each blank theme assignment, follow-up and quote of ``graphs`` its IRI, in place."""
    for graph in graphs:
        for subject, node in list(graph.subject_objects(ACU.themeAssignment)):
            theme = local(graph.value(node, ACU.theme)).removeprefix("theme/").replace("/", "-")
            if isinstance(node, BNode) and isinstance(subject, URIRef):
                _rename(graphs, node, URIRef(f"{subject}/theme/{theme}"))
        for earlier, node in list(graph.subject_objects(ACU.followUp)):
            later = local(graph.value(node, ACU.followedUpBy))
            if isinstance(node, BNode) and isinstance(earlier, URIRef):
                _rename(graphs, node, URIRef(f"{earlier}/follow-up/{later}"))
    numbers: Counter[tuple[str, str]] = Counter()
    for graph in graphs:
        for subject, node in sorted(graph.subject_objects(ACU.evidence), key=lambda pair: str(pair[0])):
            if not isinstance(node, BNode) or not isinstance(subject, URIRef):
                continue
            document = local(graph.value(node, OA.hasSource)).removeprefix("document/")
            numbers[(str(subject), document)] += 1
            _rename(graphs, node, URIRef(f"{subject}/evidence/{document}-{numbers[(str(subject), document)]}"))


def owned(node: Node, o: Node) -> bool:
    """Whether ``o`` hangs from ``node`` alone: a blank node, or an IRI named under ``node``'s."""
    return isinstance(o, BNode) or (isinstance(o, URIRef) and str(o).startswith(f"{node}/") and str(o) != BASE)
