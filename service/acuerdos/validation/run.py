"""The entry points: ``validate`` (data already loaded) and ``validate_checkout`` (the checkout's files)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from pyoxigraph import Literal

from ..config import Paths, base_iri
from .engine import Engine, to_result
from .index import Index, describe, to_store
from .model import ValidationOutcome
from .reference import validate_pyshacl
from .shapes import load_shapes
from .terms import nt


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
        results = [to_result(shapes, r, base) for r in raw]
    elif engine == "pyshacl":
        results = validate_pyshacl(data, Path(shapes_dir), base)
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
            file, label = describe(index, node, base)
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
    from ..graph import load_store  # lazily: keeps rdflib out of a bare import

    paths = paths or Paths()
    store = load_store(paths, base)
    return validate(store, paths.shapes, engine=engine, base=base)

