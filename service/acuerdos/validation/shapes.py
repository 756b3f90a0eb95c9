"""The shapes of a folder, read under the configured base and compiled once by pyshacl-turbo.

Compiling is the costly part that does not depend on the data, so the caller (the CLI, the
``Site``, a test) keeps the ``CompiledShapes`` and validates any number of stores with it; nothing
is cached here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyshacl_turbo

from ..artefacts import read_text
from ..errors import UserError
from ..graph import turtle_quads
from ..namespaces import Base


@dataclass(frozen=True)
class CompiledShapes:
    """The shapes of one folder under one base, compiled (``advanced=True``: SPARQL targets and
    constraints) into a pyshacl-turbo program; ``triples`` is the shapes graph as N-Triples."""

    program: Any  # pyshacl_turbo.CompiledShapes (untyped)
    base: Base
    triples: str


def load_shapes(folder: Path, base: Base) -> CompiledShapes:
    """Every ``*.ttl`` file of ``folder``, read by ``artefacts.read_text`` (the IRIs under ``base``),
    compiled once; a UserError naming the file when one cannot be read or compiled."""
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise UserError(f"no shapes (*.ttl) in {folder}")
    lines: list[str] = []
    for path in files:
        where = f"{folder.name}/{path.name}"
        quads = turtle_quads(read_text(path, base, where), where)  # fresh blank nodes per file
        lines.extend(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads)
    triples = "".join(lines)
    try:
        program = pyshacl_turbo.compile_shapes(triples, shacl_graph_format="nt", advanced=True)
    except (pyshacl_turbo.ValidationFailure, pyshacl_turbo.ReportableRuntimeError, ValueError) as exc:
        raise UserError(f"the shapes cannot be compiled: {exc}", where=folder.name) from None
    return CompiledShapes(program, base, triples)
