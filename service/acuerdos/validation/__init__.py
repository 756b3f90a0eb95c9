"""Checking the data against the SHACL shapes in shapes/, fast enough to run after every edit.

Two engines read the same shapes:

* ``"compiled"`` (the default, ``engine.py``): the shapes are read once into Python objects
  (``shapes.py``) and evaluated over an in-memory index of an Oxigraph store (``index.py``); the
  SPARQL-based constraints (sh:sparql, sh:SPARQLTarget) run as one query each over the whole graph
  in Oxigraph, their target joined into the query, instead of one query per focus node. It
  implements the SHACL Core components the shapes use and refuses (UnsupportedShape) any it does
  not know, so that a new kind of rule never passes silently.
* ``"pyshacl"`` (``reference.py``): the reference implementation, over rdflib. Slower by one or two
  orders of magnitude (bench/bench_validate.py); tests/test_shapes.py checks that both engines
  report the same (focus node, shape) pairs on every fixture.

``validate(data, shapes_dir)`` accepts an Oxigraph store (``graph.load_store``, the fast path of
``acuerdos validate``), an rdflib Dataset (``graph.load_dataset``) or an rdflib Graph, and returns a
``ValidationOutcome`` (``model.py``): ``conforms`` is true when no result has severity sh:Violation
(warnings and infos never fail validation), ``results`` lists every result and ``report()`` renders
them for a curator, grouped by focus node, with the file each focus node comes from.
"""
from __future__ import annotations

from .engine import Engine
from .index import Index, to_store
from .model import Result, UnsupportedShape, ValidationOutcome
from .reference import rdflib_graph
from .run import validate, validate_checkout
from .shapes import Shape, ShapesGraph, load_shapes
from .terms import SEVERITIES, nt

__all__ = [
    "SEVERITIES", "Engine", "Index", "Result", "Shape", "ShapesGraph", "UnsupportedShape", "ValidationOutcome",
    "load_shapes", "nt", "rdflib_graph", "to_store", "validate", "validate_checkout",
]
