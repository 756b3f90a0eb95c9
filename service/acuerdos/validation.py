"""Checking the data against the SHACL shapes in shapes/, fast enough to run after every edit.

Two engines read the same shapes:

* ``"compiled"`` (the default): the shapes are read once into Python objects and evaluated over an
  in-memory index of an Oxigraph store; the SPARQL-based constraints (sh:sparql, sh:SPARQLTarget)
  run as one query each over the whole graph in Oxigraph, their target joined into the query,
  instead of one query per focus node. It implements the SHACL Core components the shapes use
  and refuses (UnsupportedShape) any it does not know, so that a new kind of rule never passes
  silently.
* ``"pyshacl"``: the reference implementation, over rdflib. Slower by one or two orders of
  magnitude (bench/bench_validate.py); tests/test_shapes.py checks that both engines report the
  same (focus node, shape) pairs on every fixture.

``validate(data, shapes_dir)`` accepts an Oxigraph store (``load_store``, the fast path of
``acuerdos validate``), an rdflib Dataset (``graph.load_dataset``) or an rdflib Graph, and returns a
``ValidationOutcome``: ``conforms`` is true when no result has severity sh:Violation (warnings and
infos never fail validation), ``results`` lists every result and ``report()`` renders them for a
curator, grouped by focus node, with the file each focus node comes from.
"""
from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    parse,
)

from .config import CANONICAL_BASE, Paths, base_iri
from .errors import DataError, UserError

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


class UnsupportedShape(UserError):
    """A shape uses a SHACL feature the compiled engine does not implement."""


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Result:
    """One validation result, in plain strings.

    ``focus``, ``value`` are N-Triples terms (``<iri>``, ``_:id``, ``"lexical"@es``); ``path`` is a
    SHACL path written with prefixes (``acu:adoptedAt/schema:startDate``, ``^acu:records``);
    ``shape`` is the IRI of the shape that produced the result (sh:sourceShape); ``severity`` is
    ``Violation``, ``Warning`` or ``Info``; ``message`` is the English message, ``messages`` all of
    them by language tag; ``component`` the constraint component (``MinCount``, ``SPARQL``…).
    """

    focus: str
    shape: str
    severity: str
    message: str
    path: str | None = None
    value: str | None = None
    component: str = ""
    messages: tuple[tuple[str, str], ...] = ()

    @property
    def source_shape(self) -> str:
        return self.shape

    def message_in(self, lang: str) -> str:
        return dict(self.messages).get(lang, self.message)


@dataclass
class ValidationOutcome:
    """What validation found; ``conforms`` ignores warnings and infos."""

    results: list[Result]
    triples: int = 0
    seconds: float = 0.0
    engine: str = "compiled"
    files: dict[str, str] = field(default_factory=dict)  # focus → file it comes from
    labels: dict[str, str] = field(default_factory=dict)  # focus → readable name
    base: str = CANONICAL_BASE

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1

    def counts(self) -> dict[str, int]:
        found = Counter(r.severity for r in self.results)
        return {s: found.get(s, 0) for s in SEVERITIES}

    def by_focus(self) -> dict[str, list[Result]]:
        grouped: dict[str, list[Result]] = defaultdict(list)
        for r in self.results:
            grouped[r.focus].append(r)
        return dict(grouped)

    def shapes_violated(self) -> set[str]:
        return {r.shape for r in self.results}

    def report(self, lang: str = "en") -> str:
        """A curator's report: a summary line, then each focus node with its results."""
        counts = self.counts()
        words = ", ".join(
            f"{n} {name}{'' if n == 1 else 's'}"
            for name, n in (("violation", counts["Violation"]), ("warning", counts["Warning"]), ("info", counts["Info"]))
        )
        verdict = "conforms" if self.conforms else "does NOT conform"
        lines = [f"The data {verdict}: {words} ({self.triples} triples checked, {self.engine} engine, {self.seconds:.2f} s)."]
        if not self.results:
            return lines[0]
        rank = {s: i for i, s in enumerate(SEVERITIES)}
        groups = self.by_focus()
        worst_in_file: dict[str, int] = {}
        for focus, results in groups.items():
            where = self.files.get(focus, "(file unknown)")
            worst = min(rank[r.severity] for r in results)
            worst_in_file[where] = min(worst, worst_in_file.get(where, worst))

        def order(item: tuple[str, list[Result]]) -> tuple:
            focus, results = item
            where = self.files.get(focus, "(file unknown)")
            return (worst_in_file[where], where, min(rank[r.severity] for r in results), focus)

        short = _Shortener(self.base)
        current_file = None
        for focus, results in sorted(groups.items(), key=order):
            where = self.files.get(focus, "(file unknown)")
            if where != current_file:
                lines.append("")
                lines.append(f"== {where}")
                current_file = where
            title = self.labels.get(focus)
            name = short.term(focus)
            lines.append(f"  {name}" + (f"  \u201c{title}\u201d" if title and title != name else ""))
            for r in sorted(results, key=lambda r: (rank[r.severity], r.path or "", r.shape)):
                tag = r.severity.upper() if r.severity == "Violation" else r.severity.lower()
                where_in = f"{r.path}: " if r.path else ""
                lines.append(f"    {tag}: {where_in}{r.message_in(lang)}")
                detail = []
                if r.value is not None and r.value != focus:
                    detail.append(f"value {short.term(r.value)}")
                detail.append(f"shape {short.term('<' + r.shape + '>')}")
                lines.append(f"      ({'; '.join(detail)})")
        lines.append("")
        lines.append(f"Summary: {words}.")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Loading


def load_store(paths: Paths | None = None, base: str | None = None) -> Store:
    """Every ontology and data file in an Oxigraph store, one named graph per file.

    The same files and graph names as ``graph.load_dataset`` (``{base}graph/{path without .ttl}``),
    parsed by Oxigraph, which is an order of magnitude faster than rdflib.
    """
    from .graph import graph_iri, rdf_files  # lazily: keeps rdflib out of a bare import

    paths = paths or Paths()
    base = base or base_iri()
    store = Store()
    for path in rdf_files(paths):
        target = NamedNode(str(graph_iri(path, paths, base)))
        rel = path.relative_to(paths.root).as_posix()
        try:
            quads = list(parse(path=str(path), format=RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise _data_error(exc, rel) from None
        store.extend(Quad(_rebase(q.subject, base), _rebase(q.predicate, base), _rebase(q.object, base), target) for q in quads)
    return store


def _data_error(exc: SyntaxError, rel: str) -> DataError:
    text = str(exc.args[0]) if exc.args else str(exc)
    found = re.search(r"line (\d+)", text)
    line = exc.lineno or (int(found.group(1)) if found else None)
    return DataError(f"not valid Turtle: {text.splitlines()[0][:300]}", f"{rel}:{line}" if line else rel)


def _rebase(term: Any, base: str) -> Any:
    if base != CANONICAL_BASE and isinstance(term, NamedNode) and term.value.startswith(CANONICAL_BASE):
        return NamedNode(base + term.value[len(CANONICAL_BASE):])
    return term


def to_store(data: Any) -> Store:
    """An Oxigraph store holding ``data``: a Store (returned as is), an rdflib Dataset or Graph."""
    if isinstance(data, Store):
        return data
    from rdflib import BNode, ConjunctiveGraph, Dataset, Graph
    from rdflib import Literal as RLiteral
    from rdflib import URIRef

    bnodes: dict[Any, BlankNode] = {}

    def conv(t: Any) -> Any:
        if isinstance(t, URIRef):
            return NamedNode(str(t))
        if isinstance(t, BNode):
            found = bnodes.get(t)
            if found is None:
                try:
                    found = BlankNode(str(t))
                except ValueError:
                    found = BlankNode()
                bnodes[t] = found
            return found
        if isinstance(t, RLiteral):
            if t.language:
                return Literal(str(t), language=t.language)
            if t.datatype is not None:
                return Literal(str(t), datatype=NamedNode(str(t.datatype)))
            return Literal(str(t))
        raise TypeError(f"cannot convert {t!r}")

    store = Store()
    if isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        for ctx in data.graphs() if isinstance(data, Dataset) else data.contexts():
            ident = ctx.identifier
            gname = DefaultGraph() if str(ident).startswith("urn:x-rdflib:default") else conv(ident)
            store.extend(Quad(conv(s), conv(p), conv(o), gname) for s, p, o in ctx)
        return store
    if isinstance(data, Graph):
        store.extend(Quad(conv(s), conv(p), conv(o), DefaultGraph()) for s, p, o in data)
        return store
    raise TypeError(f"cannot validate a {type(data).__name__}: give an Oxigraph Store, an rdflib Dataset or Graph")


# ---------------------------------------------------------------------------------------------
# The data as an index


class Index:
    """Subjects, predicates and objects of the union of a store's graphs, for fast lookups."""

    def __init__(self, store: Store) -> None:
        out: dict[Any, dict[Any, list]] = {}
        inn: dict[Any, dict[Any, list]] = {}
        by_pred: dict[Any, list] = {}
        seen: set = set()
        add = seen.add
        for q in store:
            s = q.subject
            p = q.predicate
            o = q.object
            key = (s, p, o)
            if key in seen:
                continue
            add(key)
            d = out.get(s)
            if d is None:
                out[s] = {p: [o]}
            else:
                found = d.get(p)
                if found is None:
                    d[p] = [o]
                else:
                    found.append(o)
            d = inn.get(o)
            if d is None:
                inn[o] = {p: [s]}
            else:
                found = d.get(p)
                if found is None:
                    d[p] = [s]
                else:
                    found.append(s)
            found = by_pred.get(p)
            if found is None:
                by_pred[p] = [(s, o)]
            else:
                found.append((s, o))
        self.store = store
        self.out = out
        self.inn = inn
        self.by_pred = by_pred
        self.triples = seen
        self.size = len(seen)
        self._supers: dict[Any, frozenset] = {}
        self._instances: dict[Any, list] | None = None
        self._types: dict[Any, frozenset] = {}

    def objects(self, s: Any, p: Any) -> list:
        d = self.out.get(s)
        return d.get(p, []) if d else []

    def subjects(self, p: Any, o: Any) -> list:
        d = self.inn.get(o)
        return d.get(p, []) if d else []

    def value(self, s: Any, p: Any) -> Any:
        found = self.objects(s, p)
        return found[0] if found else None

    def rdf_list(self, node: Any) -> list:
        items = []
        guard = 0
        while node is not None and node != RDF_NIL and guard < 10000:
            first = self.value(node, RDF_FIRST)
            if first is None:
                break
            items.append(first)
            node = self.value(node, RDF_REST)
            guard += 1
        return items

    def supers(self, cls: Any) -> frozenset:
        """The class and every class it is rdfs:subClassOf*, in this graph."""
        found = self._supers.get(cls)
        if found is None:
            seen = {cls}
            todo = [cls]
            while todo:
                c = todo.pop()
                for sup in self.objects(c, RDFS_SUBCLASSOF):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            found = self._supers[cls] = frozenset(seen)
        return found

    def types(self, node: Any) -> frozenset:
        """Every class the node is a SHACL instance of (rdf:type/rdfs:subClassOf*)."""
        found = self._types.get(node)
        if found is None:
            acc: set = set()
            for t in self.objects(node, RDF_TYPE):
                acc |= self.supers(t)
            found = self._types[node] = frozenset(acc)
        return found

    def instances(self, cls: Any) -> list:
        if self._instances is None:
            inst: dict[Any, list] = defaultdict(list)
            for s in {s for s, _ in self.by_pred.get(RDF_TYPE, [])}:
                for c in self.types(s):
                    inst[c].append(s)
            self._instances = inst
        return self._instances.get(cls, [])


# ---------------------------------------------------------------------------------------------
# Literals


_DATE = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$")
_LEXICAL = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "int": re.compile(r"^[+-]?\d+$"),
    XSD + "nonNegativeInteger": re.compile(r"^\+?\d+$"),
    XSD + "positiveInteger": re.compile(r"^\+?0*[1-9]\d*$"),
    XSD + "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    XSD + "boolean": re.compile(r"^(true|false|1|0)$"),
    XSD + "gYear": re.compile(r"^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$"),
    XSD + "gYearMonth": re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?$"),
    XSD + "double": re.compile(r"^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$"),
    XSD + "float": re.compile(r"^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$"),
}
_NUMERIC = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "decimal", "double", "float")}


def _valid_lexical(lit: Literal) -> bool:
    dt = lit.datatype.value
    if dt == XSD + "date":
        m = _DATE.match(lit.value)
        if not m:
            return False
        try:
            date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return False
        return True
    pattern = _LEXICAL.get(dt)
    return pattern.match(lit.value) is not None if pattern else True


def _comparable(lit: Any) -> tuple | None:
    """A sortable (kind, value) for a literal, or None when it cannot be ordered."""
    if not isinstance(lit, Literal) or lit.language:
        return None
    dt = lit.datatype.value
    try:
        if dt == XSD + "date":
            m = _DATE.match(lit.value)
            return ("date", date(int(m.group(1)), int(m.group(2)), int(m.group(3)))) if m else None
        if dt in _NUMERIC:
            return ("number", Decimal(lit.value))
        if dt == XSD + "gYear":
            return ("gYear", int(lit.value[:4] if not lit.value.startswith("-") else lit.value[:5]))
        if dt == XSD + "string":
            return ("string", lit.value)
    except (ValueError, InvalidOperation):
        return None
    return None


def _le(a: Any, b: Any) -> bool | None:
    ca, cb = _comparable(a), _comparable(b)
    if ca is None or cb is None or ca[0] != cb[0]:
        return None
    return ca[1] <= cb[1]


def _lang_matches(lang: str, ranges: list[str]) -> bool:
    lang = lang.lower()
    for r in ranges:
        r = r.lower()
        if r == "*" or lang == r or lang.startswith(r + "-"):
            return True
    return False


def _text(term: Any) -> str:
    return term.value


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


# ---------------------------------------------------------------------------------------------
# Shapes, read once


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
            roots |= {s for s, _ in self.g.by_pred.get(_n(p), [])}
        self.roots = [self.shape(s) for s in sorted(roots, key=nt)]
        self.named = sorted(
            {s for s in self.g.out if isinstance(s, NamedNode) and self._is_shape(s)}, key=lambda n: n.value
        )

    def _is_shape(self, node: Any) -> bool:
        types = set(self.g.objects(node, RDF_TYPE))
        return _n(SH + "NodeShape") in types or _n(SH + "PropertyShape") in types

    def _declared_prefixes(self) -> dict[Any, str]:
        found: dict[Any, str] = {}
        for owner, _ in self.g.by_pred.get(_n(SH + "declare"), []):
            lines = []
            for decl in self.g.objects(owner, _n(SH + "declare")):
                prefix = self.g.value(decl, _n(SH + "prefix"))
                ns = self.g.value(decl, _n(SH + "namespace"))
                if prefix is not None and ns is not None:
                    lines.append(f"PREFIX {prefix.value}: <{ns.value}>")
            found[owner] = "\n".join(sorted(lines)) + "\n"
        return found

    def prefixes_of(self, node: Any) -> str:
        return "".join(self._prefixes.get(p, "") for p in self.g.objects(node, _n(SH + "prefixes")))

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
        path = g.value(node, _n(SH + "path"))
        if path is not None:
            shape.path = self._path(path)
            shape.path_text = self._path_text(path)
        sev = g.value(node, _n(SH + "severity"))
        if sev is not None:
            shape.severity = sev.value.rsplit("#", 1)[-1]
        shape.messages = _messages(g, node)
        dea = g.value(node, _n(SH + "deactivated"))
        shape.deactivated = dea is not None and dea.value == "true"
        for kind in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"):
            for t in g.objects(node, _n(SH + kind)):
                shape.targets.append((kind, t))
        for t in g.objects(node, _n(SH + "target")):
            if _n(SH + "SPARQLTarget") not in g.objects(t, RDF_TYPE):
                raise UnsupportedShape(f"{nt(node)} has a sh:target that is not a sh:SPARQLTarget")
            select = g.value(t, _n(SH + "select"))
            shape.targets.append(("sparql", SparqlCheck(select.value, {}, self.prefixes_of(t))))
        for c in g.objects(node, _n(SH + "sparql")):
            dea = g.value(c, _n(SH + "deactivated"))
            if dea is not None and dea.value == "true":
                continue
            select = g.value(c, _n(SH + "select"))
            if select is None:
                raise UnsupportedShape(f"{nt(node)}: only SELECT-based SPARQL constraints are supported")
            shape.sparql.append(SparqlCheck(select.value, _messages(g, c), self.prefixes_of(c)))
        shape.properties = [self.shape(p) for p in g.objects(node, _n(SH + "property"))]
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
        inv = g.value(p, _n(SH + "inversePath"))
        if inv is not None:
            return ("inv", self._path(inv))
        alt = g.value(p, _n(SH + "alternativePath"))
        if alt is not None:
            return ("alt", [self._path(x) for x in g.rdf_list(alt)])
        for kind in ("zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
            inner = g.value(p, _n(SH + kind))
            if inner is not None:
                return (kind, self._path(inner))
        if g.value(p, RDF_FIRST) is not None:
            return ("seq", [self._path(x) for x in g.rdf_list(p)])
        raise UnsupportedShape(f"cannot read the path {nt(p)}")

    def _path_text(self, p: Any) -> str:
        g = self.g
        short = _Shortener(self.base)
        if isinstance(p, NamedNode):
            return short.iri(p.value)
        inv = g.value(p, _n(SH + "inversePath"))
        if inv is not None:
            return "^" + self._path_text(inv)
        alt = g.value(p, _n(SH + "alternativePath"))
        if alt is not None:
            return "(" + "|".join(self._path_text(x) for x in g.rdf_list(alt)) + ")"
        for kind, mark in (("zeroOrMorePath", "*"), ("oneOrMorePath", "+"), ("zeroOrOnePath", "?")):
            inner = g.value(p, _n(SH + kind))
            if inner is not None:
                return self._path_text(inner) + mark
        return "/".join(self._path_text(x) for x in g.rdf_list(p))


def _messages(g: Index, node: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in g.objects(node, _n(SH + "message")):
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
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise UserError(f"no shapes (*.ttl) in {folder}")
    store = Store()
    for path in files:
        try:
            quads = list(parse(path=str(path), format=RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise _data_error(exc, f"shapes/{path.name}") from None
        store.extend(Quad(_rebase(q.subject, base), _rebase(q.predicate, base), _rebase_text(q.object, base), DefaultGraph()) for q in quads)
    return ShapesGraph(store, base)


def _rebase_text(term: Any, base: str) -> Any:
    """Rebase IRIs, and the canonical base inside SPARQL text and declared namespaces."""
    if base == CANONICAL_BASE:
        return term
    if isinstance(term, Literal) and CANONICAL_BASE in term.value:
        return Literal(term.value.replace(CANONICAL_BASE, base), datatype=term.datatype) if not term.language else term
    return _rebase(term, base)


# ---------------------------------------------------------------------------------------------
# The compiled engine


class Engine:
    def __init__(self, shapes: ShapesGraph, store: Store, data: Index) -> None:
        self.shapes = shapes
        self.store = store
        self.data = data
        self._flat: Store | None = None
        self._conforms: dict[tuple, bool] = {}

    # paths -----------------------------------------------------------------------------------
    def values(self, path: tuple, node: Any) -> list:
        kind, arg = path
        d = self.data
        if kind == "pred":
            return d.objects(node, arg)
        if kind == "inv":
            if arg[0] == "pred":
                return d.subjects(arg[1], node)
            return self._inverse(arg, node)
        if kind == "seq":
            current = [node]
            for step in arg:
                nxt: dict = {}
                for c in current:
                    for v in self.values(step, c):
                        nxt[v] = None
                current = list(nxt)
            return current
        if kind == "alt":
            acc: dict = {}
            for step in arg:
                for v in self.values(step, node):
                    acc[v] = None
            return list(acc)
        if kind in ("zeroOrMorePath", "oneOrMorePath"):
            seen: dict = {node: None} if kind == "zeroOrMorePath" else {}
            todo = [node]
            while todo:
                c = todo.pop()
                for v in self.values(arg, c):
                    if v not in seen:
                        seen[v] = None
                        todo.append(v)
            return list(seen)
        if kind == "zeroOrOnePath":
            acc = {node: None}
            for v in self.values(arg, node):
                acc[v] = None
            return list(acc)
        raise UnsupportedShape(f"path kind {kind}")

    def _inverse(self, path: tuple, node: Any) -> list:
        kind, arg = path
        if kind == "pred":
            return self.data.subjects(arg, node)
        if kind == "inv":
            return self.values(arg, node)
        if kind == "seq":
            return self.values(("seq", [("inv", step) for step in reversed(arg)]), node)
        if kind == "alt":
            return self.values(("alt", [("inv", step) for step in arg]), node)
        raise UnsupportedShape(f"inverse of a {kind} path")

    # targets ---------------------------------------------------------------------------------
    def focus_nodes(self, shape: Shape) -> list:
        acc: dict = {}
        d = self.data
        for kind, t in shape.targets:
            if kind == "targetClass":
                found = d.instances(t)
            elif kind == "targetNode":
                found = [t]
            elif kind == "targetSubjectsOf":
                found = [s for s, _ in d.by_pred.get(t, [])]
            elif kind == "targetObjectsOf":
                found = [o for _, o in d.by_pred.get(t, [])]
            else:  # a SPARQL target
                query = t.prefixes + t.select
                found = [row["this"] for row in self._query(query) if row["this"] is not None]
            for f in found:
                acc[f] = None
        return list(acc)

    def _query(self, query: str) -> Iterator:
        # Oxigraph evaluates property paths over "the union of the named graphs" very slowly (seconds
        # to minutes with a few hundred graphs); one deduplicated default graph is instant.
        if self._flat is None:
            self._flat = Store()
            self._flat.extend(Quad(s, p, o, DefaultGraph()) for s, p, o in self.data.triples)
        return self._flat.query(query)

    # conformance -----------------------------------------------------------------------------
    def conforms(self, node: Any, shape: Shape) -> bool:
        key = (node, shape.node)
        found = self._conforms.get(key)
        if found is None:
            found = not self.check(shape, [node], stop_early=True)
            self._conforms[key] = found
        return found

    # validation ------------------------------------------------------------------------------
    def check(self, shape: Shape, focus_nodes: Iterable, stop_early: bool = False) -> list:
        """Results (as tuples) of ``shape`` on ``focus_nodes``; nested shapes' results are not kept."""
        if shape.deactivated:
            return []
        out: list = []
        for f in focus_nodes:
            values = self.values(shape.path, f) if shape.path is not None else [f]
            for r in self._constraints(shape, f, values):
                out.append(r)
                if stop_early:
                    return out
            for prop in shape.properties:
                found = self.check(prop, [f], stop_early)
                out.extend(found)
                if stop_early and found:
                    return out
        if shape.sparql and not stop_early:
            out.extend(self._sparql(shape, focus_nodes))
        elif shape.sparql:
            for f in focus_nodes:
                if self._sparql(shape, [f]):
                    return [(shape, f, None, "SPARQL", None)]
        return out

    def _constraints(self, shape: Shape, f: Any, values: list) -> Iterator[tuple]:
        P = shape.params
        d = self.data

        def res(component: str, value: Any = None) -> tuple:
            return (shape, f, value, component, None)

        for iri, params in P.items():
            name = iri[len(SH):]
            if name == "class":
                for cls in params:
                    for v in values:
                        if isinstance(v, Literal) or cls not in d.types(v):
                            yield res("Class", v)
            elif name == "datatype":
                dt = params[0]
                for v in values:
                    if not (isinstance(v, Literal) and v.datatype == dt and _valid_lexical(v)):
                        yield res("Datatype", v)
            elif name == "nodeKind":
                kind = params[0].value[len(SH):]
                for v in values:
                    k = "IRI" if isinstance(v, NamedNode) else "BlankNode" if isinstance(v, BlankNode) else "Literal"
                    if k not in kind:
                        yield res("NodeKind", v)
            elif name == "minCount":
                if len(values) < int(params[0].value):
                    yield res("MinCount")
            elif name == "maxCount":
                if len(values) > int(params[0].value):
                    yield res("MaxCount")
            elif name in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                bound = params[0]
                for v in values:
                    ca, cb = _comparable(v), _comparable(bound)
                    ok = ca is not None and cb is not None and ca[0] == cb[0]
                    if ok:
                        ok = {
                            "minInclusive": ca[1] >= cb[1],
                            "maxInclusive": ca[1] <= cb[1],
                            "minExclusive": ca[1] > cb[1],
                            "maxExclusive": ca[1] < cb[1],
                        }[name]
                    if not ok:
                        yield res(name[0].upper() + name[1:], v)
            elif name in ("minLength", "maxLength"):
                n = int(params[0].value)
                for v in values:
                    if isinstance(v, BlankNode) or (len(_text(v)) < n if name == "minLength" else len(_text(v)) > n):
                        yield res(name[0].upper() + name[1:], v)
            elif name == "pattern":
                flags = P.get(SH + "flags")
                rx = _regex(params[0].value, flags[0].value if flags else "")
                for v in values:
                    if isinstance(v, BlankNode) or not rx.search(_text(v)):
                        yield res("Pattern", v)
            elif name == "flags":
                continue
            elif name == "languageIn":
                ranges = [x.value for x in self.shapes.g.rdf_list(params[0])]
                for v in values:
                    if not (isinstance(v, Literal) and v.language and _lang_matches(v.language, ranges)):
                        yield res("LanguageIn", v)
            elif name == "uniqueLang":
                if params[0].value == "true":
                    langs = Counter(v.language.lower() for v in values if isinstance(v, Literal) and v.language)
                    for _lang, n in sorted(langs.items()):
                        if n > 1:
                            yield res("UniqueLang")
            elif name == "equals":
                other = d.objects(f, params[0])
                for v in values:
                    if v not in other:
                        yield res("Equals", v)
                for w in other:
                    if w not in values:
                        yield res("Equals", w)
            elif name == "disjoint":
                other = d.objects(f, params[0])
                for v in values:
                    if v in other:
                        yield res("Disjoint", v)
            elif name in ("lessThan", "lessThanOrEquals"):
                other = d.objects(f, params[0])
                for v in values:
                    for w in other:
                        le = _le(v, w)
                        ok = le is True and (name == "lessThanOrEquals" or _le(w, v) is False)
                        if not ok:
                            yield res(name[0].upper() + name[1:], v)
            elif name == "not":
                inner = self.shapes.shape(params[0])
                for v in values:
                    if self.conforms(v, inner):
                        yield res("Not", v)
            elif name == "node":
                for p in params:
                    inner = self.shapes.shape(p)
                    for v in values:
                        if not self.conforms(v, inner):
                            yield res("Node", v)
            elif name in ("or", "and", "xone"):
                members = [self.shapes.shape(m) for m in self.shapes.g.rdf_list(params[0])]
                for v in values:
                    n = sum(1 for m in members if self.conforms(v, m))
                    ok = n >= 1 if name == "or" else n == len(members) if name == "and" else n == 1
                    if not ok:
                        yield res(name.capitalize(), v)
            elif name == "qualifiedValueShape":
                inner = self.shapes.shape(params[0])
                n = sum(1 for v in values if self.conforms(v, inner))
                qmin = P.get(SH + "qualifiedMinCount")
                qmax = P.get(SH + "qualifiedMaxCount")
                if qmin and n < int(qmin[0].value):
                    yield res("QualifiedMinCount")
                if qmax and n > int(qmax[0].value):
                    yield res("QualifiedMaxCount")
            elif name in ("qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint"):
                continue
            elif name == "hasValue":
                for p in params:
                    if p not in values:
                        yield res("HasValue")
            elif name == "in":
                allowed = set(self.shapes.g.rdf_list(params[0]))
                for v in values:
                    if v not in allowed:
                        yield res("In", v)
            else:  # pragma: no cover - guarded when reading the shapes
                raise UnsupportedShape(f"constraint {iri}")

    def _sparql(self, shape: Shape, focus_nodes: Iterable) -> list:
        focus = set(focus_nodes)
        if not focus:
            return []
        out = []
        target = self._target_pattern(shape)
        for check in shape.sparql:
            prologue = "".join(sorted(set((check.prefixes + self._target_prefixes(shape)).splitlines(keepends=True))))
            query = _inject(prologue, check.select, target)
            seen = set()
            for row in self._query(query):
                this = row["this"]
                if this is None or this not in focus:
                    continue
                bindings = {}
                for var in _variables(check.select):
                    try:
                        bindings[var] = row[var]
                    except (KeyError, ValueError):
                        bindings[var] = None
                path = bindings.get("path")
                value = bindings.get("value")
                key = (this, path, value)
                if key in seen:
                    continue
                seen.add(key)
                messages = check.messages or shape.messages
                out.append((shape, this, value, "SPARQL", (path, messages, bindings)))
        return out

    def _target_prefixes(self, shape: Shape) -> str:
        return "".join(t.prefixes for kind, t in shape.targets if kind == "sparql")

    def _target_pattern(self, shape: Shape) -> str:
        parts = []
        for kind, t in shape.targets:
            if kind == "targetClass":
                parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?this <{RDF}type>/<{RDFS}subClassOf>* {nt(t)} . }} }}")
            elif kind == "targetSubjectsOf":
                parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?this {nt(t)} ?shaclTargetObject . }} }}")
            elif kind == "targetObjectsOf":
                parts.append(f"{{ SELECT DISTINCT ?this WHERE {{ ?shaclTargetSubject {nt(t)} ?this . }} }}")
            elif kind == "targetNode":
                if isinstance(t, BlankNode):
                    raise UnsupportedShape(f"{nt(shape.node)}: a blank node sh:targetNode with a SPARQL constraint")
                parts.append(f"{{ VALUES ?this {{ {nt(t)} }} }}")
            else:
                parts.append("{ " + _strip_prologue(t.select) + " }")
        return "{ " + " UNION ".join(parts) + " }"

    def run(self) -> list:
        out = []
        for shape in self.shapes.roots:
            if shape.deactivated:
                continue
            out.extend(self.check(shape, self.focus_nodes(shape)))
        return out


_PROLOGUE = re.compile(r"^\s*((PREFIX|BASE)\s+[^\n]*\n\s*)*", re.I)


def _strip_prologue(select: str) -> str:
    return _PROLOGUE.sub("", select).replace("$this", "?this")


def _inject(prefixes: str, select: str, target: str) -> str:
    """The constraint's query with $this unbound and the target joined in first."""
    body = re.sub(r"\$this\b", "?this", select)
    found = re.search(r"\bWHERE\s*\{", body, re.I)
    if not found:
        raise UnsupportedShape("a SPARQL constraint without WHERE { … }")
    return prefixes + body[: found.end()] + "\n" + target + "\n" + body[found.end():]


def _variables(select: str) -> list[str]:
    head = re.split(r"\bWHERE\b", select, maxsplit=1, flags=re.I)[0]
    return sorted({m.group(1) for m in re.finditer(r"[?$](\w+)", head)})


@lru_cache(maxsize=256)
def _regex(pattern: str, flags: str) -> re.Pattern:
    f = 0
    for c in flags:
        f |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}.get(c, 0)
    return re.compile(pattern, f)


# ---------------------------------------------------------------------------------------------
# Naming things for the report


class _Shortener:
    def __init__(self, base: str) -> None:
        from .graph import PREFIXES

        self.base = base
        self.prefixes = sorted(
            ((p, ns if not ns.startswith(CANONICAL_BASE) else base + ns[len(CANONICAL_BASE):]) for p, ns in PREFIXES.items()),
            key=lambda item: -len(item[1]),
        )

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


def _describe(data: Index, node: Any, base: str) -> tuple[str | None, str | None]:
    """The file a focus node comes from and a readable name for it."""
    short = _Shortener(base)
    prefix = base + "graph/"

    def file_of(n: Any) -> str | None:
        quads = list(data.store.quads_for_pattern(n, None, None, None))
        typed = {q.graph_name for q in quads if q.predicate == RDF_TYPE and not isinstance(q.graph_name, DefaultGraph)}
        graphs = typed or {q.graph_name for q in quads if not isinstance(q.graph_name, DefaultGraph)}
        if not graphs:
            return None
        names = sorted(g.value for g in graphs)
        return ", ".join((x[len(prefix):] + ".ttl") if x.startswith(prefix) else x for x in names)

    def label_of(n: Any) -> str | None:
        best = None
        for p in (RDFS_LABEL, SKOS_PREFLABEL):
            for lit in data.objects(n, p):
                if isinstance(lit, Literal) and lit.language == "en":
                    return lit.value
                best = best or (lit.value if isinstance(lit, Literal) else None)
        return best

    if not isinstance(node, BlankNode):
        return file_of(node), label_of(node)
    # a blank node: name it after the resource it hangs from ("acu:evidence of <decision/…>")
    chain = []
    current = node
    for _ in range(6):
        incoming = [(p, s) for p, subjects in data.inn.get(current, {}).items() for s in subjects]
        if not incoming:
            break
        p, s = sorted(incoming, key=lambda ps: (isinstance(ps[1], BlankNode), ps[0].value))[0]
        chain.append(short.iri(p.value))
        current = s
        if not isinstance(s, BlankNode):
            break
    file = file_of(node) or (file_of(current) if current is not node else None)
    if chain and not isinstance(current, BlankNode):
        return file, "/".join(reversed(chain)) + f" of {short.iri(current.value)}"
    return file, None


# ---------------------------------------------------------------------------------------------
# Entry points


def validate(
    data: Any, shapes_dir: Path | str, *, engine: str = "compiled", base: str | None = None
) -> ValidationOutcome:
    """Validate ``data`` (an Oxigraph Store, rdflib Dataset or Graph) against ``shapes_dir``."""
    base = base or base_iri()
    started = time.perf_counter()
    if engine == "compiled":
        store = to_store(data)
        shapes = load_shapes(Path(shapes_dir), base)
        index = Index(store)
        raw = Engine(shapes, store, index).run()
        results = [_result(shapes, r, base) for r in raw]
    elif engine == "pyshacl":
        results = _validate_pyshacl(data, Path(shapes_dir), base)
        store = to_store(data)
        index = Index(store)
    else:
        raise ValueError(f"unknown engine {engine!r}: 'compiled' or 'pyshacl'")
    results = sorted(set(results), key=lambda r: (r.focus, r.shape, r.path or "", r.value or "", r.component))
    files, labels = {}, {}
    by_text = {nt(n): n for n in index.out} | {nt(n): n for n in index.inn if not isinstance(n, Literal)}
    for focus in {r.focus for r in results}:
        node = by_text.get(focus)
        if node is not None:
            file, label = _describe(index, node, base)
            if file:
                files[focus] = file
            if label:
                labels[focus] = label
    return ValidationOutcome(
        results=results,
        triples=index.size,
        seconds=time.perf_counter() - started,
        engine=engine,
        files=files,
        labels=labels,
        base=base,
    )


def validate_checkout(paths: Paths | None = None, base: str | None = None, engine: str = "compiled") -> ValidationOutcome:
    """Load the checkout's ontology and data (fast, with Oxigraph) and validate it."""
    paths = paths or Paths()
    store = load_store(paths, base)
    return validate(store, paths.shapes, engine=engine, base=base)


def _result(shapes: ShapesGraph, raw: tuple, base: str) -> Result:
    shape, focus, value, component, extra = raw
    path_text = shape.path_text
    messages = shape.messages
    if extra is not None:  # SPARQL
        path, messages, bindings = extra
        short = _Shortener(base)
        if path is not None:
            path_text = short.iri(path.value) if isinstance(path, NamedNode) else nt(path)
        messages = {lang: _substitute(text, bindings, short) for lang, text in messages.items()}
    if not messages:
        messages = {"en": f"{component} constraint of {nt(shape.node)} not met"}
    message = messages.get("en") or messages.get("") or next(iter(messages.values()))
    return Result(
        focus=nt(focus),
        shape=_source_shape(shape),
        severity=shape.severity,
        message=message,
        path=path_text,
        value=nt(value) if value is not None else None,
        component=component,
        messages=tuple(sorted(messages.items())),
    )


def _source_shape(shape: Shape) -> str:
    return shape.node.value if isinstance(shape.node, NamedNode) else f"_:{shape.node.value}"


def _substitute(text: str, bindings: dict, short: _Shortener) -> str:
    def repl(m: re.Match) -> str:
        term = bindings.get(m.group(1))
        if term is None:
            return m.group(0)
        if isinstance(term, Literal):
            return term.value
        return short.term(nt(term))

    return re.sub(r"\{[?$](\w+)\}", repl, text)


# ---------------------------------------------------------------------------------------------
# The reference engine (pyshacl over rdflib)


def _validate_pyshacl(data: Any, shapes_dir: Path, base: str, store: str | None = None) -> list[Result]:
    import pyshacl
    from rdflib import BNode, Graph, URIRef
    from rdflib import Literal as RLiteral
    from rdflib.namespace import SH as RSH

    graph = rdflib_graph(data, store)
    shapes = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    if base != CANONICAL_BASE:
        rebased = Graph()
        for s, p, o in shapes:
            terms = []
            for t in (s, p, o):
                if isinstance(t, URIRef) and str(t).startswith(CANONICAL_BASE):
                    t = URIRef(base + str(t)[len(CANONICAL_BASE):])
                elif isinstance(t, RLiteral) and CANONICAL_BASE in str(t) and not t.language:
                    t = RLiteral(str(t).replace(CANONICAL_BASE, base), datatype=t.datatype)
                terms.append(t)
            rebased.add(tuple(terms))
        shapes = rebased
    RDF_TYPE_R = URIRef(RDF + "type")
    _conforms, report, _text = pyshacl.validate(graph, shacl_graph=shapes, advanced=True, inference="none")
    short = _Shortener(base)
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
