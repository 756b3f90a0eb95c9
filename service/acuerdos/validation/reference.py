"""The reference engine: pyshacl over rdflib, slower by one or two orders of magnitude; tests/test_shapes.py
checks that it and the compiled engine report the same results on every fixture."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, NamedNode, Store

from ..config import CANONICAL_BASE, rebase_text
from .model import Result
from .terms import RDF, Shortener


def validate_pyshacl(data: Any, shapes_dir: Path, base: str, store: str | None = None) -> list[Result]:
    import pyshacl
    from rdflib import BNode, Graph, URIRef
    from rdflib import Literal as RLiteral
    from rdflib.namespace import SH as RSH

    from ..graph import rebase

    graph = rdflib_graph(data, store)
    shapes = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    if base != CANONICAL_BASE:
        rebased = Graph()
        for s, p, o in shapes:
            if isinstance(o, RLiteral) and not o.language and CANONICAL_BASE in o:  # SPARQL text, namespaces
                o = RLiteral(rebase_text(str(o), base), datatype=o.datatype)
            rebased.add((rebase(s, base), rebase(p, base), rebase(o, base)))
        shapes = rebased
    RDF_TYPE_R = URIRef(RDF + "type")
    _conforms, report, _text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True, inference="none")
    short = Shortener(base)
    out = []
    top = [r for report_node in report.subjects(RDF_TYPE_R, RSH.ValidationReport) for r in report.objects(report_node, RSH.result)]
    for r in top:
        focus = report.value(r, RSH.focusNode)
        src = report.value(r, RSH.sourceShape)
        sev = str(report.value(r, RSH.resultSeverity)).rsplit("#", 1)[-1]
        value = report.value(r, RSH.value)
        path = report.value(r, RSH.resultPath)
        comp = str(report.value(r, RSH.sourceConstraintComponent)).rsplit("#", 1)[-1].replace("ConstraintComponent", "")
        messages = {}
        for m in report.objects(r, RSH.resultMessage):
            messages.setdefault(getattr(m, "language", None) or "", str(m))
        message = messages.get("en") or messages.get("") or (next(iter(messages.values())) if messages else comp)

        def term(t: Any) -> str:
            if isinstance(t, BNode):
                return f"_:{t}"
            return t.n3()

        out.append(
            Result(
                focus=term(focus),
                shape=str(src) if not isinstance(src, BNode) else f"_:{src}",
                severity=sev,
                message=message,
                path=(short.iri(str(path)) if isinstance(path, URIRef) else None) if path is not None else None,
                value=term(value) if value is not None else None,
                component=comp,
                messages=tuple(sorted(messages.items())),
            )
        )
    return out


def rdflib_graph(data: Any, store: str | None = None) -> Any:
    """The union of ``data`` as one rdflib Graph (``store="Oxigraph"`` for an oxrdflib graph)."""
    from rdflib import BNode, ConjunctiveGraph, Dataset, Graph, URIRef
    from rdflib import Literal as RLiteral

    graph = Graph(store=store) if store else Graph()
    if isinstance(data, Graph) and not isinstance(data, ConjunctiveGraph) and store is None:
        return data
    if isinstance(data, ConjunctiveGraph):
        for ctx in data.graphs() if isinstance(data, Dataset) else data.contexts():
            for t in ctx:
                graph.add(t)
        return graph
    if isinstance(data, Graph):
        for t in data:
            graph.add(t)
        return graph
    if isinstance(data, Store):
        def conv(t: Any) -> Any:
            if isinstance(t, NamedNode):
                return URIRef(t.value)
            if isinstance(t, BlankNode):
                return BNode(t.value)
            if t.language:
                return RLiteral(t.value, lang=t.language)
            return RLiteral(t.value, datatype=URIRef(t.datatype.value))

        seen = set()
        for q in data:
            key = (q.subject, q.predicate, q.object)
            if key not in seen:
                seen.add(key)
                graph.add((conv(q.subject), conv(q.predicate), conv(q.object)))
        return graph
    raise TypeError(f"cannot validate a {type(data).__name__}")

