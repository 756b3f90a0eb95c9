"""Where a focus node comes from (the file its graph was loaded from) and a readable name for it,
looked up in the validated store so that the report points a curator at the line to fix."""

from __future__ import annotations

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Store

from ..namespaces import Base
from .model import Shortener

_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABELS = (
    NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
)
_Node = NamedNode | BlankNode


def node_of(text: str) -> _Node | None:
    """The store term of an N-Triples IRI or blank node (literal focus nodes have no file)."""
    if text.startswith("<") and text.endswith(">"):
        return NamedNode(text[1:-1])
    if text.startswith("_:"):
        return BlankNode(text[2:])
    return None


def describe(store: Store, focus: str, base: Base) -> tuple[str | None, str | None]:
    """The file a focus node comes from and a readable name for it (a blank node is named after
    the resource it hangs from: ``acu:evidence/oa:hasSelector of <decision/…>``)."""
    node = node_of(focus)
    if node is None:
        return None, None
    if isinstance(node, NamedNode):
        return _file_of(store, node, base), _label_of(store, node)
    short = Shortener(base)
    chain: list[str] = []
    current: _Node = node
    for _ in range(6):
        incoming = sorted(
            {(q.predicate.value, q.subject) for q in store.quads_for_pattern(None, None, current, None)},
            key=lambda ps: (isinstance(ps[1], BlankNode), ps[0], str(ps[1])),
        )
        if not incoming:
            break
        predicate, subject = incoming[0]
        if not isinstance(subject, (NamedNode, BlankNode)):  # an RDF-star triple: not ours
            break
        chain.append(short.iri(predicate))
        current = subject
        if isinstance(subject, NamedNode):
            break
    file = _file_of(store, node, base) or (_file_of(store, current, base) if current != node else None)
    if chain and isinstance(current, NamedNode):
        return file, "/".join(reversed(chain)) + f" of {short.iri(current.value)}"
    return file, None


def _file_of(store: Store, node: _Node, base: Base) -> str | None:
    """The files whose graphs describe the node; those that type it win over those that mention it."""
    named = [(q.predicate, q.graph_name) for q in store.quads_for_pattern(node, None, None, None)]
    quads = [(p, g.value) for p, g in named if not isinstance(g, DefaultGraph)]
    typed = {g for p, g in quads if p == _RDF_TYPE}
    graphs = typed or {g for _, g in quads}
    if not graphs:
        return None
    prefix = base.graph("")
    return ", ".join((g[len(prefix) :] + ".ttl") if g.startswith(prefix) else g for g in sorted(graphs))


def _label_of(store: Store, node: NamedNode) -> str | None:
    """The English label, else any label."""
    best = None
    for predicate in _LABELS:
        for q in store.quads_for_pattern(node, predicate, None, None):
            if isinstance(q.object, Literal):
                if q.object.language == "en":
                    return q.object.value
                best = best or q.object.value
    return best
