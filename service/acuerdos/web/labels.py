"""Labels of IRIs in both languages, fetched for a whole page in one query (in chunks of 400).

A label is the first of rdfs:label, skos:prefLabel, foaf:name, dcterms:title that the IRI has in
a language; terms of other vocabularies fall back on our own catalogue (``i18n.term_label``), and
anything else on its CURIE.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..namespaces import CURIES, PREFIXES
from ..store import Backend
from .i18n import other_lang, term_label
from .rendering import is_iri

LABEL_PROPS = (
    PREFIXES["rdfs"] + "label",
    PREFIXES["skos"] + "prefLabel",
    PREFIXES["foaf"] + "name",
    PREFIXES["dcterms"] + "title",
)
_CHUNK = 400


@dataclass
class Labels:
    """Labels of IRIs by language ('' for a label without one)."""

    by_iri: dict[str, dict[str, str]]

    def get(self, iri: str, lang: str) -> str | None:
        found = self.by_iri.get(iri)
        if found:
            return found.get(lang) or found.get(other_lang(lang)) or found.get("")
        return term_label(iri, lang)

    def both(self, iri: str) -> dict[str, str]:
        return dict(self.by_iri.get(iri, {}))

    def text(self, iri: str, lang: str) -> str:
        """The label to show: the IRI's in the language, else in the other, else its CURIE."""
        return (self.get(iri, lang) or CURIES.shorten(iri)) if iri else ""


def _labels_query(chunk: list[str]) -> str:
    """The labels of the chunk's IRIs. The properties are a FILTER, not a second VALUES: with two
    VALUES blocks Oxigraph joins the pattern by scanning every triple (1.2 s a chunk at 1M triples
    against 19 ms; bench/RESULTS.md)."""
    values = " ".join(f"<{i}>" for i in chunk)
    return (
        "SELECT ?x ?p ?l WHERE { VALUES ?x { " + values + " } ?x ?p ?l "
        "FILTER(?p IN (<" + ">, <".join(LABEL_PROPS) + ">)) }"
    )


def fetch_labels(backend: Backend, iris: Iterable[str]) -> Labels:
    """The labels of every IRI given (those that cannot be IRIs are skipped)."""
    wanted = sorted({i for i in iris if is_iri(i)})
    out: dict[str, dict[str, str]] = {}
    ranks: dict[tuple[str, str], int] = {}
    for start in range(0, len(wanted), _CHUNK):
        for row in backend.select(_labels_query(wanted[start : start + _CHUNK]), whole=True):
            x, p, label = str(row.get("x", "")), str(row.get("p", "")), row.get("l")
            if not isinstance(label, Literal):
                continue
            lang = (label.language or "").lower()
            rank = LABEL_PROPS.index(p) if p in LABEL_PROPS else 9
            if rank < ranks.get((x, lang), 99):
                ranks[(x, lang)] = rank
                out.setdefault(x, {})[lang] = str(label)
    return Labels(out)


def texts_of(graph: Graph, node: Node, predicate: URIRef) -> dict[str, str]:
    """The literals of one property of a node, by language (the first of each)."""
    out: dict[str, str] = {}
    for o in graph.objects(node, predicate):
        if isinstance(o, Literal):
            out.setdefault((o.language or "").lower(), str(o))
    return out


def pick(texts: Mapping[str, str], lang: str) -> str:
    """The text in the language, else in the other, else the one without a language."""
    return texts.get(lang) or texts.get(other_lang(lang)) or texts.get("") or ""


def natural_key(text: str) -> list[Any]:
    """Sort "Agreement 2" before "Agreement 10"."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def short(text: str, most: int = 52) -> str:
    """A text cut at a word, with an ellipsis, to at most `most` characters (a chart's axis, a table cell)."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"
