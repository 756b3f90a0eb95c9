"""The compiled engine: SHACL Core over the data index, SPARQL-based constraints as one Oxigraph query each.

``Engine(shapes, store, index).run()`` returns raw results (shape, focus, value, component, extra);
``to_result`` turns one into a ``Result``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store

from .index import Index
from .literals import comparable, lang_matches, less_or_equal, text_of, valid_lexical
from .model import Result, UnsupportedShape
from .shapes import Shape, ShapesGraph
from .terms import RDF, RDFS, SH, Shortener, nt


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
                    if not (isinstance(v, Literal) and v.datatype == dt and valid_lexical(v)):
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
                    ca, cb = comparable(v), comparable(bound)
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
                    if isinstance(v, BlankNode) or (len(text_of(v)) < n if name == "minLength" else len(text_of(v)) > n):
                        yield res(name[0].upper() + name[1:], v)
            elif name == "pattern":
                flags = P.get(SH + "flags")
                rx = _regex(params[0].value, flags[0].value if flags else "")
                for v in values:
                    if isinstance(v, BlankNode) or not rx.search(text_of(v)):
                        yield res("Pattern", v)
            elif name == "flags":
                continue
            elif name == "languageIn":
                ranges = [x.value for x in self.shapes.g.rdf_list(params[0])]
                for v in values:
                    if not (isinstance(v, Literal) and v.language and lang_matches(v.language, ranges)):
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
                        le = less_or_equal(v, w)
                        ok = le is True and (name == "lessThanOrEquals" or less_or_equal(w, v) is False)
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


def to_result(shapes: ShapesGraph, raw: tuple, base: str) -> Result:
    shape, focus, value, component, extra = raw
    path_text = shape.path_text
    messages = shape.messages
    if extra is not None:  # SPARQL
        path, messages, bindings = extra
        short = Shortener(base)
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


def _substitute(text: str, bindings: dict, short: Shortener) -> str:
    def repl(m: re.Match) -> str:
        term = bindings.get(m.group(1))
        if term is None:
            return m.group(0)
        if isinstance(term, Literal):
            return term.value
        return short.term(nt(term))

    return re.sub(r"\{[?$](\w+)\}", repl, text)
