"""TRANSITIONAL, for the restructure only: the names modules not yet moved to the new graph API
still import (web.docs, web.linked_data, validation, queries, publish_queries, store.embedded).
Delete this file and its import in ``graph/__init__.py`` at integration."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node, URIRef

from ..config import rebase_iri
from ..namespaces import PREFIXES
from .load import turtle_quads

__all__ = ["PREFIXES", "parse_quads", "prefixes_for", "rebase", "rebase_node"]


def rebase(term: Node, base: str) -> Node:
    return URIRef(rebase_iri(str(term), base)) if isinstance(term, URIRef) else term


def rebase_node(term: ox.NamedNode | ox.BlankNode | ox.Literal, base: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    return ox.NamedNode(rebase_iri(term.value, base)) if isinstance(term, ox.NamedNode) else term


def prefixes_for(base: str) -> dict[str, str]:
    return {prefix: rebase_iri(ns, base) for prefix, ns in PREFIXES.items()}


def parse_quads(path: Path, where: str) -> list[ox.Quad]:
    return turtle_quads(path.read_text(encoding="utf-8"), where)
