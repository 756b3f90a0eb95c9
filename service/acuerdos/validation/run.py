"""The entry points: ``validate`` (data already in a store) and ``validate_checkout`` (a project's files)."""

from __future__ import annotations

import time

from pyoxigraph import Store

from ..graph import load_store
from ..namespaces import Base
from ..project import Project
from .describe import describe
from .model import Result, Shortener, ValidationOutcome
from .report import results_of
from .shapes import CompiledShapes, load_shapes


def validate(data: Store, shapes: CompiledShapes) -> ValidationOutcome:
    """Validate the union of the store's graphs against compiled shapes (its IRIs under the same base).

    pyshacl-turbo reads the store directly; its report is read into ``Result`` objects, and each
    focus node is traced to the file (named graph) it comes from for the report.
    """
    started = time.perf_counter()
    _conforms, report, _text = shapes.program.validate(data)
    results = sorted(
        set(results_of(report, Shortener(shapes.base))),
        key=lambda r: (r.focus, r.shape, r.path or "", r.value or "", r.component),
    )
    files, labels = _whereabouts(data, results, shapes.base)
    return ValidationOutcome(
        results=results,
        base=shapes.base,
        triples=len(data),
        seconds=time.perf_counter() - started,
        files=files,
        labels=labels,
    )


def _whereabouts(data: Store, results: list[Result], base: Base) -> tuple[dict[str, str], dict[str, str]]:
    """The file and the readable name of each focus node."""
    files: dict[str, str] = {}
    labels: dict[str, str] = {}
    for focus in {r.focus for r in results}:
        file, label = describe(data, focus, base)
        if file:
            files[focus] = file
        if label:
            labels[focus] = label
    return files, labels


def validate_checkout(project: Project, base: Base) -> ValidationOutcome:
    """Load a checkout's ontology and data (one named graph per file) and validate it against its
    shapes; for a single run (``acuerdos validate``): a caller validating often keeps the shapes."""
    return validate(load_store(project, base, derived=False), load_shapes(project.shapes, base))
