"""The dataset's description checked against the DCAT-AP 3.0.0 shapes, as published by SEMIC.

``publishing/dcat-ap-3.0.0/`` holds the profile's own files unchanged: ``shapes.ttl`` (mandatory)
and ``range.ttl`` (the classes of the values), whose violations stop a build, and
``shapes_recommended.ttl``, whose warnings say what a publisher could still add. The description
is validated alone, as a harvester reads it: every value it constrains is typed in it.

The profile's files say ``sh:shape`` in six places (dates that must be xsd:date or xsd:dateTime):
no SHACL term (SHACL's is ``sh:node``), so those constraints can never fire. pySHACL ignores the
unknown term; pyshacl-turbo refuses it, so it is dropped before compiling, to the same effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyshacl_turbo
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from ..errors import UserError
from ..namespaces import Base
from .model import Result, Shortener
from .report import results_of

MANDATORY = ("shapes.ttl", "range.ttl")
RECOMMENDED = ("shapes_recommended.ttl",)


@dataclass(frozen=True)
class DcatReport:
    """The results of the mandatory shapes (``violations``) and of the recommended ones (``warnings``)."""

    violations: list[Result]
    warnings: list[Result]


def _shapes(folder: Path, names: tuple[str, ...]) -> Graph:
    shapes = Graph()
    for name in names:
        path = folder / name
        try:
            shapes.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as exc:
            raise UserError(f"cannot read the DCAT-AP shapes: {exc}", where=str(path)) from None
    shapes.remove((None, URIRef(str(SH) + "shape"), None))  # no SHACL term: see above
    return shapes


def _results(description: Graph, shapes: Graph) -> list[Result]:
    _conforms, report, _text = pyshacl_turbo.validate(description, shacl_graph=shapes, allow_warnings=True)
    return sorted(set(results_of(report, Shortener(Base()))), key=lambda r: (r.focus, r.shape, r.path or ""))


def check_dcat_ap(description: Graph, folder: Path) -> DcatReport:
    """Validate ``description`` against the DCAT-AP shapes in ``folder``."""
    mandatory = _results(description, _shapes(folder, MANDATORY))
    return DcatReport(
        violations=[r for r in mandatory if r.severity == "Violation"],
        warnings=[r for r in _results(description, _shapes(folder, RECOMMENDED)) if r.severity != "Violation"],
    )


def require_dcat_ap(folder: Path) -> Callable[[Graph], None]:
    """A check for the build: a UserError listing every violation of the mandatory shapes."""

    def check(description: Graph) -> None:
        violations = check_dcat_ap(description, folder).violations
        if violations:
            lines = "\n".join(f"  {r.focus} {r.path or ''}: {r.message}" for r in violations)
            raise UserError(
                f"the dataset description violates DCAT-AP 3.0.0 ({len(violations)}):\n{lines}", where=str(folder)
            )

    return check
