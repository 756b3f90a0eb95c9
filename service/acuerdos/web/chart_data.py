"""The figures behind the charts, read from the graph with SPARQL and counted here.

Coverage: for every theme of a scheme (all of them, so that a theme nothing touches shows as a
zero), the decisions that touch it, in all, per conference and per year of the meeting that
adopted them. A decision touches a theme as the first named query says (``decisions-by-theme``):
it is tagged with the theme, with a narrower one, or with one mapped to it (exactMatch, closeMatch,
broadMatch, narrowMatch; not relatedMatch). A decision of a joint meeting counts once for each
conference; the total counts each decision once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal

from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .dates import shown, span
from .labels import natural_key

# the schemes a coverage chart is drawn for (slug under scheme/)
COVERAGE_SCHEMES = ("gcm-objectives", "gcm-principles", "regional-themes")
BASES = ("named-in-text", "assigned-by-judgement")  # kind/basis/…
_P = (
    f"PREFIX acu: <{ONTOLOGY_NS}>\nPREFIX skos: <{PREFIXES['skos']}>\nPREFIX rdfs: <{PREFIXES['rdfs']}>\n"
    f"PREFIX schema: <{PREFIXES['schema']}>\nPREFIX dcterms: <{PREFIXES['dcterms']}>\n"
)


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
        "?assignment acu:reachesTheme ?theme . "  # derived at build time: the SKOS closure of its theme
        "?decision acu:themeAssignment ?assignment . "
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
        return acronym(self.conferences, iri, lang)


def conference_acronyms(backend: Backend) -> dict[str, dict[str, str]]:
    """Every conference's acronym by language (IRI → {lang: acronym})."""
    return {
        str(row["conference"]): {lang: str(row[lang]) for lang in ("en", "es") if isinstance(row.get(lang), Literal)}
        for row in backend.select(_conferences_query(), whole=True)
    }


def acronym(conferences: dict[str, dict[str, str]], iri: str, lang: str) -> str:
    """A conference's acronym in ``lang`` (else in the other language, else its IRI)."""
    found = conferences.get(iri, {})
    return found.get(lang) or found.get("en") or found.get("es") or iri


def coverage(backend: Backend, scheme: str) -> Coverage:
    """The themes of a scheme (by notation, then label) and the decisions touching each."""
    ordered = coverage_themes(backend, scheme)
    conferences = conference_acronyms(backend)
    touches = [
        (
            str(row["theme"]),
            str(row["decision"]),
            _text(row.get("basis")).rsplit("/", 1)[-1],
            _text(row.get("conference")),
            _text(row.get("year")),
        )
        for row in backend.select(_touches_query(scheme), whole=True)
    ]
    return Coverage(scheme, ordered, conferences, touches)


# --- the timeline of meetings ---------------------------------------------------------------------


def _meetings_query() -> str:
    return (
        _P + "SELECT ?meeting ?start ?end ?not_before ?not_after ?date_text ?status ?recorded "
        "(GROUP_CONCAT(DISTINCT STR(?conference); separator=' ') AS ?conferences) WHERE { "
        "?meeting a acu:Meeting . "
        "OPTIONAL { ?meeting schema:startDate ?start } OPTIONAL { ?meeting schema:endDate ?end } "
        "OPTIONAL { ?meeting acu:notBefore ?not_before } OPTIONAL { ?meeting acu:notAfter ?not_after } "
        "OPTIONAL { ?meeting acu:dateText ?date_text } OPTIONAL { ?meeting acu:status ?status } "
        "OPTIONAL { ?meeting acu:conference ?conference } "
        "BIND(EXISTS { ?document acu:records ?meeting } AS ?recorded) } "
        "GROUP BY ?meeting ?start ?end ?not_before ?not_after ?date_text ?status ?recorded"
    )


@dataclass(frozen=True)
class Meeting:
    """A meeting on the timeline: from and to (inclusive) as the graph gives them, and how precise that is."""

    iri: str
    first: dt.date | None
    last: dt.date | None
    precision: str  # day, days, month, year, window, by (only a latest date), from (only an earliest), none
    date_text: str
    status: str  # the IRI of held, planned, proposed
    recorded: bool
    conferences: tuple[str, ...]

    def shown(self) -> str:
        return shown(self.first, self.last, self.precision)

    @property
    def day(self) -> dt.date | None:
        """The day it is placed on: its first, else its last (only a latest date known); None: undated."""
        return self.first or self.last


def meetings(backend: Backend) -> list[Meeting]:
    """Every meeting, recorded by a source or only mentioned, in date order (undated last)."""
    out = []
    for row in backend.select(_meetings_query(), whole=True):
        start, end = _day(row.get("start")), _day(row.get("end"))
        nb, na = _day(row.get("not_before")), _day(row.get("not_after"))
        first, last, precision = span(start, end, nb, na)
        out.append(
            Meeting(
                str(row["meeting"]),
                first,
                last,
                precision,
                _text(row.get("date_text")),
                _text(row.get("status")),
                _text(row.get("recorded")) == "true",
                tuple(sorted(_text(row.get("conferences")).split())),
            )
        )
    out.sort(key=lambda m: (m.day or dt.date.max, m.last or dt.date.max, m.iri))
    return out


def _day(term: object) -> dt.date | None:
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, dt.date):
            return value
    return None


# --- theme co-occurrence ------------------------------------------------------------------------------


@dataclass
class CoOccurrence:
    """The themes of a scheme that some decision carries (in scheme order), how many decisions carry
    each, and how many carry each pair (a before b in that order)."""

    themes: list[Theme]
    carried: dict[str, int]
    pairs: dict[tuple[str, str], int]


def cooccurrence(backend: Backend, scheme: str) -> CoOccurrence:
    """Themes assigned together to decisions, as the named query theme-co-occurrence counts them: the
    themes each decision is tagged with (not those reached by mapping or by a narrower theme)."""
    query = (
        _P + "SELECT DISTINCT ?decision ?theme WHERE { ?theme skos:inScheme <" + scheme + "> . "
        "?decision acu:themeAssignment/acu:theme ?theme . ?decision a ?kind . ?kind rdfs:subClassOf* acu:Decision }"
    )
    by_decision: dict[str, set[str]] = defaultdict(set)
    for row in backend.select(query, whole=True):
        by_decision[str(row["decision"])].add(str(row["theme"]))
    every = coverage_themes(backend, scheme)
    position = {t.iri: i for i, t in enumerate(every)}
    carried: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for themes in by_decision.values():
        ordered = sorted(themes, key=lambda t: position.get(t, len(position)))
        for i, a in enumerate(ordered):
            carried[a] += 1
            for b in ordered[i + 1 :]:
                pairs[(a, b)] += 1
    return CoOccurrence([t for t in every if carried.get(t.iri)], dict(carried), dict(pairs))


def coverage_themes(backend: Backend, scheme: str) -> list[Theme]:
    """The themes of a scheme, by notation, then label."""
    themes = []
    for row in backend.select(_themes_query(scheme), whole=True):
        labels = {lang: str(row[f"label_{lang}"]) for lang in ("en", "es") if row.get(f"label_{lang}") is not None}
        themes.append(Theme(str(row["theme"]), _text(row.get("notation")), labels))
    unique = {t.iri: t for t in themes}  # a theme with two notations or labels in one language comes once
    return sorted(
        unique.values(), key=lambda t: (natural_key(t.notation) if t.notation else [], natural_key(t.label("en")))
    )
