"""pyshacl-turbo's validation report (an rdflib graph) read into our ``Result`` objects.

Two things are restored on the way: paths are written in SHACL property-path syntax with prefixes,
and the results of SPARQL constraints get their language tags back. pyshacl-turbo substitutes the
``{?var}`` placeholders of every ``sh:message`` of the constraint but drops the tags; each
substituted message is matched against the tagged templates the report copies from the constraint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .model import Result, Shortener

_PLACEHOLDER = re.compile(r"\{[?$]\w+\}")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PATH_MARKS = ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?"))


def results_of(report: Graph, short: Shortener) -> Iterator[Result]:
    """Every top-level result of the report (those under sh:detail explain one of them: left out)."""
    for root in report.subjects(RDF.type, SH.ValidationReport):
        for node in report.objects(root, SH.result):
            yield _result(report, node, short)


def _result(report: Graph, node: Node, short: Shortener) -> Result:
    component = _local(report.value(node, SH.sourceConstraintComponent)).removesuffix("ConstraintComponent")
    messages = _messages(report, node)
    message = messages.get("en") or messages.get("") or next(iter(messages.values()), f"{component} not met")
    value = report.value(node, SH.value)
    path = report.value(node, SH.resultPath)
    return Result(
        focus=nt(report.value(node, SH.focusNode)),
        shape=_shape(report.value(node, SH.sourceShape)),
        severity=_local(report.value(node, SH.resultSeverity)),
        message=message,
        path=path_text(report, path, short) if path is not None else None,
        value=nt(value) if value is not None else None,
        component=component,
        messages=tuple(sorted(messages.items())),
    )


def _messages(report: Graph, node: Node) -> dict[str, str]:
    """The result's messages by language; untagged ones are tagged after the template they fill."""
    found: dict[str, str] = {}
    untagged: list[str] = []
    for m in report.objects(node, SH.resultMessage):
        if isinstance(m, Literal) and m.language:
            found.setdefault(m.language, str(m))
        else:
            untagged.append(str(m))
    if not untagged:
        return found
    constraint = report.value(node, SH.sourceConstraint)
    copied = report.objects(constraint, SH.message) if constraint is not None else ()
    templates = [t for t in copied if isinstance(t, Literal) and t.language]
    for text in untagged:
        lang = next((t.language for t in templates if _fills(str(t), text)), None)
        found.setdefault(lang or "", text)
    return found


def _fills(template: str, text: str) -> bool:
    """Whether ``text`` is ``template`` with its placeholders substituted."""
    parts = [re.escape(p) for p in _PLACEHOLDER.split(template)]
    return re.fullmatch("(.*?)".join(parts), text, re.S) is not None


def path_text(graph: Graph, path: Node, short: Shortener) -> str:
    """A SHACL path in SPARQL property-path syntax (``acu:adoptedAt/schema:startDate``, ``^acu:records``)."""
    if isinstance(path, URIRef):
        return short.iri(str(path))
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + path_text(graph, inverse, short)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(graph, p, short) for p in _items(graph, alternatives)) + ")"
    for kind, mark in _PATH_MARKS:
        inner = graph.value(path, kind)
        if inner is not None:
            return path_text(graph, inner, short) + mark
    return "/".join(path_text(graph, p, short) for p in _items(graph, path))


def _items(graph: Graph, node: Node | None) -> list[Node]:
    items: list[Node] = []
    while node is not None and node != RDF.nil and len(items) < 1000:
        first = graph.value(node, RDF.first)
        if first is None:
            break
        items.append(first)
        node = graph.value(node, RDF.rest)
    return items


def nt(term: Node | None) -> str:
    """A term in N-Triples form (``xsd:string`` left implicit, as RDF 1.1 writes it)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return str(term)


def _shape(node: Node | None) -> str:
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _local(iri: Node | None) -> str:
    return str(iri).rsplit("#", 1)[-1]
