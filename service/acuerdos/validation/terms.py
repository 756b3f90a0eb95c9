"""The RDF and SHACL vocabulary the validator reads, and how terms are written in results and reports."""
from __future__ import annotations

import re
from typing import Any, Union

from pyoxigraph import BlankNode, Literal, NamedNode

Term = Union[NamedNode, BlankNode, Literal]

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


RDF_TYPE = _n(RDF + "type")
RDF_FIRST = _n(RDF + "first")
RDF_REST = _n(RDF + "rest")
RDF_NIL = _n(RDF + "nil")
RDF_LANGSTRING = _n(RDF + "langString")
RDFS_SUBCLASSOF = _n(RDFS + "subClassOf")
RDFS_LABEL = _n(RDFS + "label")
SKOS_PREFLABEL = _n(SKOS + "prefLabel")
XSD_STRING = _n(XSD + "string")

SEVERITIES = ("Violation", "Warning", "Info")


def nt(term: Any) -> str:
    """A term in N-Triples form."""
    if isinstance(term, NamedNode):
        return f"<{term.value}>"
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        text = term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype.value != XSD + "string":
            return f'"{text}"^^<{term.datatype.value}>'
        return f'"{text}"'
    return str(term)


class Shortener:
    """IRIs written short for a curator: with a prefix, or as a path under the base."""

    def __init__(self, base: str) -> None:
        from ..graph import prefixes_for  # lazily: keeps rdflib out of a bare import

        self.base = base
        self.prefixes = sorted(prefixes_for(base).items(), key=lambda item: -len(item[1]))

    def iri(self, iri: str) -> str:
        for p, ns in self.prefixes:
            if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", iri[len(ns):]):
                return f"{p}:{iri[len(ns):]}"
        if iri.startswith(self.base):
            return f"<{iri[len(self.base):]}>"
        return f"<{iri}>"

    def term(self, text: str) -> str:
        """Shorten an N-Triples term."""
        if text.startswith("<") and text.endswith(">"):
            return self.iri(text[1:-1])
        m = re.fullmatch(r'(".*")\^\^<(.+)>', text, re.S)
        if m:
            return f"{m.group(1)}^^{self.iri(m.group(2))}"
        return text
