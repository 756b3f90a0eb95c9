"""The same input gives the same bytes: blank nodes labelled from what they hang from, dumps sorted.

Theme assignments, follow-ups and quotes have IRIs of their own; the blank nodes that remain (a
quote's selector, a signature, a membership's time interval and its instants) hang from an IRI.
Each is labelled with a digest of its named graph, the path from the IRI it hangs from, and
everything below it, so that two builds of the same files label every blank node alike; a parser's
own labels (random) never reach a dump. The quads are then sorted (graph, subject, predicate,
object), which the writers follow (TriG writes the named graphs in the order of their IRIs), and
line-based dumps (N-Triples, N-Quads) are written sorted line by line.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Triple = tuple[Term, Term, Term]
T = TypeVar("T", bound=Term)
# _BY_TEXT: statements are sorted by their N-Triples (N-Quads) text, one string compared where a
# tuple of four was (three times faster). Within one graph its order is that of (subject, predicate,
# object) compared as N-Triples terms, since every term ends where its text says (an IRI at ``>``,
# a blank node before a space, a literal at its closing quote, language tag or datatype); and an
# N-Triples (N-Quads) dump written in that order is sorted line by line.


def _signatures(triples: Iterable[Triple]) -> dict[ox.BlankNode, str]:
    """A text for each blank node: the paths that reach it from an IRI (or a root blank node), and
    everything below it. Blank nodes with the same text cannot be told apart by anything else."""
    down: dict[ox.BlankNode, list[tuple[Term, Term]]] = defaultdict(list)
    up: dict[ox.BlankNode, list[tuple[Term, Term]]] = defaultdict(list)
    for s, p, o in triples:
        if isinstance(s, ox.BlankNode):
            down[s].append((p, o))
        if isinstance(o, ox.BlankNode):
            up[o].append((s, p))
            down.setdefault(o, [])

    def below(node: ox.BlankNode, seen: frozenset[ox.BlankNode]) -> str:
        if node in seen:
            return "(cycle)"
        parts = sorted(
            f"{p} " + (f"[{below(o, seen | {node})}]" if isinstance(o, ox.BlankNode) else str(o)) for p, o in down[node]
        )
        return " ; ".join(parts)

    def above(node: ox.BlankNode, seen: frozenset[ox.BlankNode]) -> str:
        if node in seen:
            return "(cycle)"
        parts = sorted(
            (f"{{{above(s, seen | {node})}}}" if isinstance(s, ox.BlankNode) else str(s)) + f" {p}" for s, p in up[node]
        )
        return " | ".join(parts)

    return {node: above(node, frozenset()) + " => " + below(node, frozenset()) for node in down}


def canonical_labels(triples: Iterable[Triple], salt: str = "") -> dict[ox.BlankNode, ox.BlankNode]:
    """A stable label for every blank node of ``triples`` (``salt`` keeps apart those of different
    named graphs); indistinguishable blank nodes are numbered in turn."""
    signatures = _signatures(triples)
    by_text: dict[str, list[ox.BlankNode]] = defaultdict(list)
    for node, text in signatures.items():
        by_text[text].append(node)
    labels: dict[ox.BlankNode, ox.BlankNode] = {}
    for text, nodes in by_text.items():
        digest = hashlib.sha256((salt + "\n" + text).encode("utf-8")).hexdigest()[:24]
        for i, node in enumerate(sorted(nodes, key=str)):
            labels[node] = ox.BlankNode(f"b{digest}" + (f"x{i}" if i else ""))
    return labels


_WITH_BLANK_NODES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }"


def canonical_quads(store: ox.Store) -> list[ox.Quad]:
    """The quads of ``store``, every blank node relabelled by ``canonical_labels`` (per named graph),
    sorted by graph, subject, predicate and object. Oxigraph finds the graphs that hold blank nodes
    and hands over each graph's quads (a Python loop over a million quads costs seconds)."""
    result = store.query(_WITH_BLANK_NODES)
    assert isinstance(result, ox.QuerySolutions)
    with_blank = {row[0] for row in result}
    out: list[ox.Quad] = []
    for graph in sorted([*store.named_graphs(), ox.DefaultGraph()], key=str):
        members = list(store.quads_for_pattern(None, None, None, graph))
        if graph in with_blank or graph == ox.DefaultGraph():
            members = _relabelled(members, graph)
        out.extend(sorted(members, key=str))  # by subject, predicate, object: see _BY_TEXT
    return out


def _relabelled(members: list[ox.Quad], graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> list[ox.Quad]:
    """The quads of one graph with their blank nodes relabelled."""
    blank: list[ox.Quad] = []
    named: list[ox.Quad] = []
    for q in members:
        (blank if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) else named).append(q)
    if not blank:
        return members
    salt = graph.value if isinstance(graph, ox.NamedNode) else str(graph)
    labels = canonical_labels(((q.subject, q.predicate, q.object) for q in blank), salt=salt)
    relabelled = (ox.Quad(_relabel(labels, q.subject), q.predicate, _relabel(labels, q.object), graph) for q in blank)
    return [*named, *relabelled]


def union_triples(lines: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The triples of all graphs, once each, sorted; ``lines`` sorted by their text (as the N-Quads
    dump is), so that the graphs of one triple come one after the other (see _BY_TEXT)."""
    union: list[ox.Triple] = []
    previous = None
    for quad in lines:
        triple = quad.triple
        if triple != previous:
            union.append(triple)
            previous = triple
    return union


def _relabel(labels: dict[ox.BlankNode, ox.BlankNode], node: T) -> T | ox.BlankNode:
    return labels.get(node, node) if isinstance(node, ox.BlankNode) else node
