"""The one converter between pyoxigraph and rdflib terms, and the picklable form terms cross a pipe in.

RDF 1.1 has no plain literals: ``"x"`` is ``"x"^^xsd:string``. rdflib keeps the two apart
(``Literal("x") != Literal("x", datatype=XSD.string)``) while pyoxigraph always says
``xsd:string``. Terms coming from pyoxigraph therefore become rdflib literals *without* a
datatype, as rdflib itself reads ``"x"`` from Turtle, so that a row compares equal to what a test
or a page builds by hand; both rdflib spellings go back to pyoxigraph as ``xsd:string``.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
# ("u", iri) | ("b", id) | ("l", lexical, datatype, lang or None) | ("t", s, p, o)
Encoded = tuple


def to_rdflib(term: OxTerm) -> Node:
    """A pyoxigraph term as the equal rdflib term (an RDF-star triple is refused: rdflib has none)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"no rdflib term for {term!r}")


def to_oxigraph(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the equal pyoxigraph term."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node)) if str(node).isalnum() else ox.BlankNode()
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is None or str(node.datatype) == XSD_STRING:
            return ox.Literal(str(node))
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
    raise TypeError(f"no pyoxigraph term for {node!r}")


def encode(term: OxTerm | None) -> Encoded | None:
    """A picklable form of a pyoxigraph term, to send from a worker process (see ``decode``)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("u", term.value)
    if isinstance(term, ox.BlankNode):
        return ("b", term.value)
    if isinstance(term, ox.Literal):
        return ("l", term.value, term.datatype.value, term.language or None)
    if isinstance(term, ox.Triple):
        return ("t", encode(term.subject), encode(term.predicate), encode(term.object))
    raise TypeError(f"not an RDF term: {term!r}")


def decode(data: Encoded | None) -> Node | tuple | None:
    """The rdflib term of an encoded term (a quoted triple becomes a tuple of three terms)."""
    if data is None:
        return None
    kind = data[0]
    if kind == "u":
        return URIRef(data[1])
    if kind == "b":
        return BNode(data[1])
    if kind == "l":
        _, value, datatype, lang = data
        if lang:
            return Literal(value, lang=lang)
        return Literal(value) if datatype in (XSD_STRING, None) else Literal(value, datatype=URIRef(datatype))
    if kind == "t":
        return (decode(data[1]), decode(data[2]), decode(data[3]))
    raise ValueError(f"unknown term encoding {kind!r}")
