"""Where the project's artefacts live and which base IRI the graph is published under."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

CANONICAL_BASE = "https://w3id.org/acuerdos/"
ONTOLOGY_NS = CANONICAL_BASE + "ontology#"


def _find_root() -> Path:
    """The checkout holding ontology/ and data/: $ACUERDOS_HOME, else the folder above service/."""
    env = os.environ.get("ACUERDOS_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "ontology").is_dir() and (parent / "data").is_dir():
            return parent
    return Path.cwd()


@dataclass(frozen=True)
class Paths:
    """The artefact folders of one checkout."""

    root: Path = field(default_factory=_find_root)

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def sources(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def queries(self) -> Path:
        return self.root / "queries"

    @property
    def dist(self) -> Path:
        return Path(os.environ.get("ACUERDOS_DIST", self.root / "dist"))


def base_iri() -> str:
    """The base IRI the graph is published under ($ACUERDOS_BASE), ending in a slash."""
    base = os.environ.get("ACUERDOS_BASE", CANONICAL_BASE)
    return base if base.endswith("/") else base + "/"


def rebase_iri(iri: str, base: str, start: str = CANONICAL_BASE) -> str:
    """An IRI written under ``start`` (the canonical base) moved under ``base``; any other IRI unchanged.

    ``rebase_iri(iri, CANONICAL_BASE, base)`` is the way back, from the configured base to the canonical one.
    """
    if base != start and iri.startswith(start):
        return base + iri[len(start):]
    return iri


def rebase_text(text: str, base: str) -> str:
    """Our own text holding IRIs (a SPARQL query, a namespace) with every canonical base moved to ``base``.

    Never applied to what a user typed: their values are bound as terms.
    """
    if base == CANONICAL_BASE:
        return text
    return text.replace(CANONICAL_BASE, base)
