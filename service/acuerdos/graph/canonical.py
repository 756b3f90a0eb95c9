"""The same input gives the same bytes: blank nodes labelled from what they hang from, dumps sorted.

Theme assignments, follow-ups and quotes have IRIs of their own; the blank nodes that remain (a
quote's selector, a signature, a membership's time interval and its instants) hang from an IRI.
Each is labelled with a digest of its named graph, the path from the IRI it hangs from, and
everything below it, so that two builds of the same files label every blank node alike; a parser's
own labels (random) never reach a dump. Line-based dumps (N-Triples, N-Quads) are then sorted, the
named graphs of TriG come in the order of their IRIs, and the arrays of JSON-LD (unordered in JSON-LD,
but written in the order of a hash that changes with every process) are sorted.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Generator, Iterable
from typing import Any

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def _signatures(triples: Iterable[Triple]) -> dict[BNode, str]:
    """A text for each blank node: the paths that reach it from an IRI (or a root blank node), and
    everything below it. Blank nodes with the same text cannot be told apart by anything else."""
    down: dict[BNode, list[tuple[Node, Node]]] = defaultdict(list)
    up: dict[BNode, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in triples:
        if isinstance(s, BNode):
            down[s].append((p, o))
        if isinstance(o, BNode):
            up[o].append((s, p))
            down.setdefault(o, [])

    def below(node: BNode, seen: frozenset[BNode]) -> str:
        if node in seen:
            return "(cycle)"
        parts = sorted(
            p.n3() + " " + (f"[{below(o, seen | {node})}]" if isinstance(o, BNode) else o.n3()) for p, o in down[node]
        )
        return " ; ".join(parts)

    def above(node: BNode, seen: frozenset[BNode]) -> str:
        if node in seen:
            return "(cycle)"
        parts = sorted(
            (f"{{{above(s, seen | {node})}}}" if isinstance(s, BNode) else s.n3()) + " " + p.n3() for s, p in up[node]
        )
        return " | ".join(parts)

    return {node: above(node, frozenset()) + " => " + below(node, frozenset()) for node in down}


def canonical_labels(triples: Iterable[Triple], salt: str = "") -> dict[BNode, BNode]:
    """A stable label for every blank node of ``triples`` (``salt`` keeps apart those of different
    named graphs); indistinguishable blank nodes are numbered in turn."""
    signatures = _signatures(triples)
    by_text: dict[str, list[BNode]] = defaultdict(list)
    for node, text in signatures.items():
        by_text[text].append(node)
    labels: dict[BNode, BNode] = {}
    for text, nodes in by_text.items():
        digest = hashlib.sha256((salt + "\n" + text).encode("utf-8")).hexdigest()[:24]
        for i, node in enumerate(sorted(nodes, key=str)):
            labels[node] = BNode(f"b{digest}" + (f"x{i}" if i else ""))
    return labels


class SortedDataset(Dataset):
    """A dataset whose named graphs are listed in the order of their IRIs (rdflib's own order
    follows a hash that changes with every process), which the TriG and JSON-LD writers follow."""

    def contexts(self, triple: Any = None) -> Generator[Any, None, None]:
        yield from sorted(super().contexts(triple), key=lambda g: str(g.identifier))


def canonical_dataset(dataset: Dataset) -> Dataset:
    """A copy of ``dataset`` (same graphs, same prefixes) with every blank node relabelled by
    ``canonical_labels`` and the statements inserted in sorted order."""
    out = SortedDataset(default_union=dataset.default_union)
    for prefix, ns in dataset.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        triples = list(graph)
        if not triples:
            continue
        labels = canonical_labels(triples, salt=str(graph.identifier))
        target = out.graph(graph.identifier if isinstance(graph.identifier, URIRef) else URIRef(graph.identifier))

        rows = sorted(((_relabel(labels, s), p, _relabel(labels, o)) for s, p, o in triples), key=_n3_key)
        for row in rows:
            target.add(row)
    return out


def _relabel(labels: dict[BNode, BNode], node: Node) -> Node:
    return labels.get(node, node) if isinstance(node, BNode) else node


def _n3_key(triple: Triple) -> list[str]:
    return [node.n3() for node in triple]


def sorted_lines(data: bytes) -> bytes:
    """A line-based dump (N-Triples, N-Quads) with its lines sorted and without duplicates."""
    lines = sorted({line for line in data.split(b"\n") if line.strip()})
    return b"\n".join(lines) + b"\n" if lines else b""


def union_sorted(graph: Graph) -> Graph:
    """A plain graph with the same prefixes and statements, inserted in sorted order."""
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        out.add(triple)
    return out


def stable_json(data: bytes) -> bytes:
    """A JSON-LD dump with the members of every array sorted (not those of an ``@list``, whose order
    means something) and the keys of every object sorted."""

    def walk(value: Any, ordered: bool = False) -> Any:
        if isinstance(value, dict):
            return {key: walk(item, key == "@list") for key, item in value.items()}
        if isinstance(value, list):
            items = [walk(item) for item in value]
            return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    return (json.dumps(walk(json.loads(data)), sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
