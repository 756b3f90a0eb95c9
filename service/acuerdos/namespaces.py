"""The IRIs the project mints and reuses: the canonical base, the ontology namespace, prefixes.

Instance IRIs (decisions, meetings, states, graphs…) live under a base IRI, ``CANONICAL_BASE`` in
every file of the repository and any other base where a mirror publishes the graph. The
ontology namespace (``acu:``) never moves: a query written against
``https://w3id.org/acuerdos/ontology#`` works on every mirror. ``Base.move`` is the one
implementation of moving our own text (Turtle, SPARQL) to another base; ``artefacts.read_text``
is the one place that calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

CANONICAL_BASE = "https://w3id.org/acuerdos/"
ONTOLOGY_NS = CANONICAL_BASE + "ontology#"
ONTOLOGY_IRI = CANONICAL_BASE + "ontology"

PREFIXES: dict[str, str] = {
    "acu": ONTOLOGY_NS,
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
# Vocabularies pages and dumps also shorten, though no query of ours declares them.
EXTRA_PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "vann": "http://purl.org/vocab/vann/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
}

# the canonical base, where it starts an instance IRI (not the ontology and its versions)
_CANONICAL_INSTANCE = re.compile(re.escape(CANONICAL_BASE) + r"(?!ontology(?:[#/>\"'\s]|$))")
_LOCAL = re.compile(r"[A-Za-z_][\w.-]*")


def _normalised(iri: str) -> str:
    return iri if iri.endswith("/") else iri + "/"


@dataclass(frozen=True)
class Base:
    """The base IRI the graph is published under, ending in a slash."""

    iri: str = CANONICAL_BASE
    _moves: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "iri", _normalised(self.iri))
        object.__setattr__(self, "_moves", self.iri != CANONICAL_BASE)

    def __str__(self) -> str:
        return self.iri

    def move(self, text: str) -> str:
        """Our own text (Turtle, SPARQL) with every canonical instance IRI moved under this base.

        The ontology namespace and the ontology's own IRIs stay where they are. Never applied to
        what a user typed: their values are bound as terms.
        """
        if not self._moves:
            return text
        return _CANONICAL_INSTANCE.sub(self.iri, text)

    def path(self, path: str) -> str:
        """The IRI of a path under this base (``decision/…`` → ``{base}decision/…``)."""
        return self.iri + path.lstrip("/")

    def local(self, iri: str) -> str | None:
        """The path under this base of an IRI (no leading slash), or None if it lies elsewhere."""
        return iri[len(self.iri) :] if iri.startswith(self.iri) else None

    def graph(self, name: str) -> str:
        """The IRI of a named graph (``data/documents/2017-06-08-panama`` → ``{base}graph/…``)."""
        return f"{self.iri}graph/{name}"


@dataclass(frozen=True)
class Curies:
    """The one CURIE shortener: ``acu:Agreement`` for an IRI in a known namespace, else the IRI."""

    prefixes: dict[str, str]

    @cached_property
    def _longest_first(self) -> list[tuple[str, str]]:
        return sorted(self.prefixes.items(), key=lambda item: -len(item[1]))

    def shorten(self, iri: str) -> str:
        for prefix, ns in self._longest_first:
            if iri.startswith(ns) and len(iri) > len(ns) and _LOCAL.fullmatch(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    def expand(self, curie: str) -> str | None:
        """The IRI of ``prefix:local`` with a known prefix, else None."""
        prefix, sep, local = curie.partition(":")
        ns = self.prefixes.get(prefix)
        if not sep or ns is None or local.startswith("/"):
            return None
        return ns + local


CURIES = Curies({**PREFIXES, **EXTRA_PREFIXES})
