"""The figures behind the charts, read from the graph with SPARQL and counted here.

Coverage: for every theme of a scheme (all of them, so that a theme nothing touches shows as a
zero), the decisions that touch it, in all, per conference and per year of the meeting that
adopted them. A decision touches a theme as the first named query says (``decisions-by-theme``):
it is tagged with the theme, with a narrower one, or with one mapped to it (exactMatch, closeMatch,
broadMatch, narrowMatch; not relatedMatch). A decision of a joint meeting counts once for each
conference; the total counts each decision once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal

from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .labels import natural_key

# the schemes a coverage chart is drawn for (slug under scheme/)
COVERAGE_SCHEMES = ("gcm-objectives", "gcm-principles", "regional-themes")
BASES = ("named-in-text", "assigned-by-judgement")  # kind/basis/…
_P = (
    f"PREFIX acu: <{ONTOLOGY_NS}>\nPREFIX skos: <{PREFIXES['skos']}>\nPREFIX rdfs: <{PREFIXES['rdfs']}>\n"
    f"PREFIX schema: <{PREFIXES['schema']}>\nPREFIX dcterms: <{PREFIXES['dcterms']}>\n"
)
_MAPPED = "(skos:exactMatch|^skos:exactMatch|skos:closeMatch|^skos:closeMatch|skos:broadMatch|^skos:narrowMatch)?"


def _themes_query(scheme: str) -> str:
    return (
        _P + "SELECT ?theme ?notation ?label_en ?label_es WHERE { ?theme skos:inScheme <" + scheme + "> . "
        "OPTIONAL { ?theme skos:notation ?notation } "
        'OPTIONAL { ?theme skos:prefLabel ?label_en FILTER(LANG(?label_en) = "en") } '
        'OPTIONAL { ?theme skos:prefLabel ?label_es FILTER(LANG(?label_es) = "es") } }'
    )


def _touches_query(scheme: str) -> str:
    return (
        _P + "SELECT DISTINCT ?theme ?decision ?basis ?conference ?year WHERE { "
        "?theme skos:inScheme <" + scheme + "> . "
        "?assigned " + _MAPPED + "/skos:broader* ?theme . "
        "?decision acu:themeAssignment ?assignment . ?assignment acu:theme ?assigned . "
        "?decision a ?kind . ?kind rdfs:subClassOf* acu:Decision . "
        "OPTIONAL { ?assignment acu:basis ?basis } "
        "OPTIONAL { ?decision acu:adoptedAt ?meeting . "
        "  OPTIONAL { ?meeting acu:conference ?conference } "
        "  OPTIONAL { ?meeting schema:startDate ?start } OPTIONAL { ?meeting acu:notBefore ?not_before } } "
        "OPTIONAL { ?decision acu:recordedIn/dcterms:date ?document_date } "
        "BIND(YEAR(COALESCE(?start, ?not_before, ?document_date)) AS ?year) }"
    )


def _conferences_query() -> str:
    return (
        _P + "SELECT ?conference ?en ?es WHERE { ?conference a acu:Conference . "
        'OPTIONAL { ?conference acu:acronym ?en FILTER(LANG(?en) = "en") } '
        'OPTIONAL { ?conference acu:acronym ?es FILTER(LANG(?es) = "es") } }'
    )


def _text(term: object) -> str:
    return str(term) if term is not None else ""


@dataclass(frozen=True)
class Theme:
    iri: str
    notation: str
    labels: dict[str, str]

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.labels.get("es") or self.iri


@dataclass
class Coverage:
    """Which decisions touch each theme of a scheme: the themes in order, and (theme, decision, basis,
    conference, year) rows to count from."""

    scheme: str
    themes: list[Theme]
    conferences: dict[str, dict[str, str]]  # IRI → acronym by language
    touches: list[tuple[str, str, str, str, str]] = field(default_factory=list)

    def _rows(self, basis: str | None) -> list[tuple[str, str, str, str, str]]:
        return [row for row in self.touches if basis is None or row[2] == basis]

    def totals(self, basis: str | None = None) -> dict[str, int]:
        """Decisions per theme (each decision once), every theme present."""
        seen: dict[str, set[str]] = {t.iri: set() for t in self.themes}
        for theme, decision, *_ in self._rows(basis):
            seen[theme].add(decision)
        return {theme: len(decisions) for theme, decisions in seen.items()}

    def by(self, dimension: str, basis: str | None = None) -> tuple[list[str], dict[tuple[str, str], int]]:
        """The values of `conference` or `year` (sorted) and the decisions per (theme, value), zeros included."""
        column = 3 if dimension == "conference" else 4
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        values: set[str] = set()
        for row in self._rows(basis):
            if row[column]:
                seen[(row[0], row[column])].add(row[1])
                values.add(row[column])
        if dimension == "conference":
            values |= set(self.conferences)
        ordered = sorted(values, key=lambda v: self.conference_label(v, "en") if dimension == "conference" else v)
        return ordered, {(t.iri, v): len(seen.get((t.iri, v), ())) for t in self.themes for v in ordered}

    def conference_label(self, iri: str, lang: str) -> str:
        found = self.conferences.get(iri, {})
        return found.get(lang) or found.get("en") or found.get("es") or iri


def coverage(backend: Backend, scheme: str) -> Coverage:
    """The themes of a scheme (by notation, then label) and the decisions touching each."""
    themes = []
    for row in backend.select(_themes_query(scheme)):
        labels = {lang: str(row[f"label_{lang}"]) for lang in ("en", "es") if row.get(f"label_{lang}") is not None}
        themes.append(Theme(str(row["theme"]), _text(row.get("notation")), labels))
    unique = {t.iri: t for t in themes}  # a theme with two notations or labels in one language comes once
    ordered = sorted(
        unique.values(), key=lambda t: (natural_key(t.notation) if t.notation else [], natural_key(t.label("en")))
    )
    conferences: dict[str, dict[str, str]] = {}
    for row in backend.select(_conferences_query()):
        conferences[str(row["conference"])] = {
            lang: str(row[lang]) for lang in ("en", "es") if isinstance(row.get(lang), Literal)
        }
    touches = [
        (
            str(row["theme"]),
            str(row["decision"]),
            _text(row.get("basis")).rsplit("/", 1)[-1],
            _text(row.get("conference")),
            _text(row.get("year")),
        )
        for row in backend.select(_touches_query(scheme))
    ]
    return Coverage(scheme, ordered, conferences, touches)
