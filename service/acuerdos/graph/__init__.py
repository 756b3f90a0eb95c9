"""The graph layer: loading our files into a store or dataset (``load``), the version of a build
(``version``), writing a release folder (``build``), the curator's counts (``stats``)."""

from __future__ import annotations

from .load import load_dataset, load_graph, load_store, turtle_graph, turtle_quads, union_graph

__all__ = ["load_dataset", "load_graph", "load_store", "turtle_graph", "turtle_quads", "union_graph"]
