"""The shapes of shapes/, read once into Python objects (``Shape``) for the compiled engine.

``load_shapes`` parses every Turtle file of the folder with Oxigraph, moves our IRIs (and the canonical
base inside SPARQL text) to the configured base, and refuses (``UnsupportedShape``) any SHACL term the
engine does not implement. The result is cached while the files do not change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from ..config import base_iri, rebase_text
from ..errors import UserError
from .index import Index
from .model import UnsupportedShape
from .terms import RDF_FIRST, RDF_TYPE, SH, Shortener, nt


_META = {
    SH + p
    for p in (
        "message", "severity", "name", "description", "order", "group", "deactivated", "targetClass",
        "targetNode", "targetSubjectsOf", "targetObjectsOf", "target", "property", "path", "sparql",
        "defaultValue", "declare", "prefixes",
    )
}
_CONSTRAINTS = {
    SH + p
    for p in (
        "class", "datatype", "nodeKind", "minCount", "maxCount", "minInclusive", "maxInclusive",
        "minExclusive", "maxExclusive", "minLength", "maxLength", "pattern", "flags", "languageIn",
        "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals", "not", "and", "or", "xone",
        "node", "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint", "hasValue", "in",
    )
}
_UNSUPPORTED = {SH + p for p in ("closed", "ignoredProperties", "qualifiedValueShapesDisjoint", "js", "rule")}


@dataclass
class SparqlCheck:
    select: str
    messages: dict[str, str]
    prefixes: str


@dataclass(eq=False)
class Shape:
    node: Any
    path: Any = None  # compiled path, None for node shapes
    path_text: str | None = None
    severity: str = "Violation"
    messages: dict[str, str] = field(default_factory=dict)
    deactivated: bool = False
    targets: list = field(default_factory=list)  # (kind, term)
    params: dict = field(default_factory=dict)  # constraint parameter IRI → list of values
    properties: list = field(default_factory=list)
    sparql: list = field(default_factory=list)

    @property
    def iri(self) -> str:
        return self.node.value if isinstance(self.node, NamedNode) else ""


class ShapesGraph:
    """The shapes of a folder, compiled for the engine (and kept as an Oxigraph store)."""

    def __init__(self, store: Store, base: str) -> None:
        self.store = store
        self.base = base
        self.g = Index(store)
        self._shapes: dict[Any, Shape] = {}
        self._prefixes = self._declared_prefixes()
        roots = set()
        for p in (SH + "targetClass", SH + "targetNode", SH + "targetSubjectsOf", SH + "targetObjectsOf", SH + "target"):
            roots |= {s for s, _ in self.g.by_pred.get(NamedNode(p), [])}
        self.roots = [self.shape(s) for s in sorted(roots, key=nt)]
        self.named = sorted(
            {s for s in self.g.out if isinstance(s, NamedNode) and self._is_shape(s)}, key=lambda n: n.value
        )

    def _is_shape(self, node: Any) -> bool:
        types = set(self.g.objects(node, RDF_TYPE))
        return NamedNode(SH + "NodeShape") in types or NamedNode(SH + "PropertyShape") in types

    def _declared_prefixes(self) -> dict[Any, str]:
        found: dict[Any, str] = {}
        for owner, _ in self.g.by_pred.get(NamedNode(SH + "declare"), []):
            lines = []
            for decl in self.g.objects(owner, NamedNode(SH + "declare")):
                prefix = self.g.value(decl, NamedNode(SH + "prefix"))
                ns = self.g.value(decl, NamedNode(SH + "namespace"))
                if prefix is not None and ns is not None:
                    lines.append(f"PREFIX {prefix.value}: <{ns.value}>")
            found[owner] = "\n".join(sorted(lines)) + "\n"
        return found

    def prefixes_of(self, node: Any) -> str:
        return "".join(self._prefixes.get(p, "") for p in self.g.objects(node, NamedNode(SH + "prefixes")))

    def shape(self, node: Any) -> Shape:
        found = self._shapes.get(node)
        if found is not None:
            return found
        g = self.g
        shape = Shape(node)
        self._shapes[node] = shape  # before recursing: shapes may refer to each other
        for p, values in g.out.get(node, {}).items():
            iri = p.value
            if iri in _UNSUPPORTED and not (iri == SH + "qualifiedValueShapesDisjoint" and values[0].value == "false"):
                raise UnsupportedShape(f"the compiled engine does not implement {iri} (used by {nt(node)}); use engine='pyshacl'")
            if iri in _CONSTRAINTS:
                shape.params[iri] = values
            elif iri.startswith(SH) and iri not in _META and iri not in _UNSUPPORTED:
                raise UnsupportedShape(f"unknown SHACL term {iri} in {nt(node)}")
        path = g.value(node, NamedNode(SH + "path"))
        if path is not None:
            shape.path = self._path(path)
            shape.path_text = self._path_text(path)
        sev = g.value(node, NamedNode(SH + "severity"))
        if sev is not None:
            shape.severity = sev.value.rsplit("#", 1)[-1]
        shape.messages = _messages(g, node)
        dea = g.value(node, NamedNode(SH + "deactivated"))
        shape.deactivated = dea is not None and dea.value == "true"
        for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            for t in g.objects(node, NamedNode(SH + kind)):
                shape.targets.append((kind, t))
        for t in g.objects(node, NamedNode(SH + "target")):
            if NamedNode(SH + "SPARQLTarget") not in g.objects(t, RDF_TYPE):
                raise UnsupportedShape(f"{nt(node)} has a sh:target that is not a sh:SPARQLTarget")
            select = g.value(t, NamedNode(SH + "select"))
            shape.targets.append(("sparql", SparqlCheck(select.value, {}, self.prefixes_of(t))))
        for c in g.objects(node, NamedNode(SH + "sparql")):
            dea = g.value(c, NamedNode(SH + "deactivated"))
            if dea is not None and dea.value == "true":
                continue
            select = g.value(c, NamedNode(SH + "select"))
            if select is None:
                raise UnsupportedShape(f"{nt(node)}: only SELECT-based SPARQL constraints are supported")
            shape.sparql.append(SparqlCheck(select.value, _messages(g, c), self.prefixes_of(c)))
        shape.properties = [self.shape(p) for p in g.objects(node, NamedNode(SH + "property"))]
        for key in (SH + "node", SH + "not", SH + "qualifiedValueShape"):
            for v in shape.params.get(key, []):
                self.shape(v)
        for key in (SH + "or", SH + "and", SH + "xone"):
            for v in shape.params.get(key, []):
                for member in g.rdf_list(v):
                    self.shape(member)
        return shape

    def _path(self, p: Any) -> tuple:
        g = self.g
        if isinstance(p, NamedNode):
            return ("pred", p)
        inv = g.value(p, NamedNode(SH + "inversePath"))
        if inv is not None:
            return ("inv", self._path(inv))
        alt = g.value(p, NamedNode(SH + "alternativePath"))
        if alt is not None:
            return ("alt", [self._path(x) for x in g.rdf_list(alt)])
        for kind in ("zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
            inner = g.value(p, NamedNode(SH + kind))
            if inner is not None:
                return (kind, self._path(inner))
        if g.value(p, RDF_FIRST) is not None:
            return ("seq", [self._path(x) for x in g.rdf_list(p)])
        raise UnsupportedShape(f"cannot read the path {nt(p)}")

    def _path_text(self, p: Any) -> str:
        g = self.g
        short = Shortener(self.base)
        if isinstance(p, NamedNode):
            return short.iri(p.value)
        inv = g.value(p, NamedNode(SH + "inversePath"))
        if inv is not None:
            return "^" + self._path_text(inv)
        alt = g.value(p, NamedNode(SH + "alternativePath"))
        if alt is not None:
            return "(" + "|".join(self._path_text(x) for x in g.rdf_list(alt)) + ")"
        for kind, mark in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = g.value(p, NamedNode(SH + kind))
            if inner is not None:
                return self._path_text(inner) + mark
        return "/".join(self._path_text(x) for x in g.rdf_list(p))


def _messages(g: Index, node: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in g.objects(node, NamedNode(SH + "message")):
        found.setdefault(m.language or "", m.value)
    return found


def load_shapes(shapes_dir: Path, base: str | None = None) -> ShapesGraph:
    """Every *.ttl file of the shapes folder, rebased to ``base``, compiled."""
    base = base or base_iri()
    return _load_shapes(Path(shapes_dir).resolve(), base, _fingerprint(Path(shapes_dir)))


def _fingerprint(folder: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.ttl")))


@lru_cache(maxsize=8)
def _load_shapes(folder: Path, base: str, _stamp: tuple) -> ShapesGraph:
    from ..graph import parse_quads, rebase_node  # lazily: keeps rdflib out of a bare import

    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise UserError(f"no shapes (*.ttl) in {folder}")
    store = Store()
    for path in files:
        quads = parse_quads(path, f"shapes/{path.name}")
        store.extend(
            Quad(rebase_node(q.subject, base), rebase_node(q.predicate, base),
                 rebase_node(_rebase_literal(q.object, base), base), DefaultGraph())
            for q in quads
        )
    return ShapesGraph(store, base)


def _rebase_literal(term: Any, base: str) -> Any:
    """The canonical base moved inside an untagged literal: SPARQL text, declared namespaces."""
    if isinstance(term, Literal) and not term.language:
        text = rebase_text(term.value, base)
        if text != term.value:
            return Literal(text, datatype=term.datatype)
    return term
