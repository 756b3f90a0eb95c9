"""The data to validate: an Oxigraph store (``to_store`` accepts rdflib data too), indexed for fast lookups,
and where each focus node comes from (file, readable name) for the report."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store

from .terms import RDF_FIRST, RDF_NIL, RDF_REST, RDF_TYPE, RDFS_LABEL, RDFS_SUBCLASSOF, SKOS_PREFLABEL, Shortener


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


def describe(data: Index, node: Any, base: str) -> tuple[str | None, str | None]:
    """The file a focus node comes from and a readable name for it."""
    short = Shortener(base)
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
