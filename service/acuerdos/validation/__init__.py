"""Checking the data against the SHACL shapes in shapes/, fast enough to run after every edit.

The engine is pyshacl-turbo (SHACL Core and SHACL-SPARQL in Rust, reading a pyoxigraph store
directly). ``load_shapes(folder, base)`` reads the shapes under the configured base (through
``artefacts.read_text``) and compiles them once; the caller keeps the ``CompiledShapes`` and calls
``validate(store, shapes)`` as often as it likes. ``validate_checkout(project, base)`` does both for
a checkout, as ``acuerdos validate`` needs.

A ``ValidationOutcome`` holds plain-string ``Result`` objects: ``conforms`` is false when a result
has severity sh:Violation (warnings and infos never fail validation), and ``report()`` renders them
for a curator, grouped by file and focus node. pyshacl, the reference engine, lives in the tests
(tests/shapes_reference.py), which check that both report the same results on every fixture.
"""

from __future__ import annotations

from .model import SEVERITIES, Result, ValidationOutcome
from .run import validate, validate_checkout
from .shapes import CompiledShapes, load_shapes

__all__ = [
    "SEVERITIES",
    "CompiledShapes",
    "Result",
    "ValidationOutcome",
    "load_shapes",
    "validate",
    "validate_checkout",
]
