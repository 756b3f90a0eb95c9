"""Accepted graphs written as Turtle in the curated files' form: the prefixes once, then one subject
per block in the order of the text (document, meeting, decisions as printed), IRIs under ``@base``,
each decision under a comment naming it."""

from __future__ import annotations

import re

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .reading import ACU, BASE, OA, PROV, DecisionItem

_PREFIXES = {"acu": ACU, "oa": OA, "prov": PROV}
_OURS = re.compile(r"<" + re.escape(BASE) + r"(?!ontology#)([^>]*)>")


def _block(graph: Graph, subject: Node) -> Graph:
    """The subject's triples and the blank nodes under them."""
    block = Graph()
    for prefix, ns in _PREFIXES.items():
        block.bind(prefix, ns)
    todo = [subject]
    while todo:
        node = todo.pop()
        for p, o in graph.predicate_objects(node):
            block.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return block


def _body(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("@")]


def turtle(graph: Graph, header: str, decisions: list[DecisionItem]) -> str:
    """``graph`` as Turtle, subjects in the order of the text (others after, by IRI)."""
    order = {d.iri: i for i, d in enumerate(decisions)}
    named = {d.iri: d for d in decisions}
    subjects = sorted(
        {s for s in graph.subjects() if isinstance(s, URIRef)},
        key=lambda s: (s in order, order.get(s, 0), str(s)),
    )
    prefixes = []
    blocks = []
    for subject in subjects:
        block = _block(graph, subject)
        text = block.serialize(format="turtle")
        prefixes += [line for line in text.splitlines() if line.startswith("@prefix")]
        d = named.get(subject)
        comment = [f"# {d.kind} {d.number or '(no printed number)'}: {d.text[:90]}…"] if d else []
        blocks.append("\n".join(comment + [line for line in _body(text) if line.strip()]))
    head = "\n".join([f"@base <{BASE}> .", *dict.fromkeys(prefixes)])
    return header + head + "\n\n" + _OURS.sub(r"<\1>", "\n\n".join(blocks)) + "\n"
