"""The meetings as items with facets (``web.facets`` does the narrowing and counting): conference,
year, kind of meeting, status as the sources state it (held, planned, proposed) and as known now
(``acu:statusNow``, from outside the sources, where the curators know more), whether a source
document records it or only mentions it, participant, and theme (reached as for decisions: the
assigned theme, broader themes, mapped themes). Read once per data version, as the decisions are."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..namespaces import Base
from ..store import Backend
from .dates import shown_from
from .facets import _PREFIXES, Collection, Groups, Item, _pairs, _text, _true, describe, fold
from .labels import fetch_labels

MEETING_GROUPS: Groups = {
    "conference": ("conference", 0),
    "year": ("year", 0),
    "kind": ("kind", 0),
    "status": ("status", 0),
    "status_now": ("status_now", 0),
    "recorded": ("recorded", 0),
    "participant": ("participant", 0),
    "theme": ("theme", 0),
}
RECORDED = ("recorded", "mentioned")
MEETING_SORTS = ("meeting", "date", "kind", "status", "place", "decisions")

MEETINGS = (
    _PREFIXES
    + """
SELECT ?m ?start ?end ?not_before ?not_after ?recorded (SAMPLE(?text) AS ?date_text) (SAMPLE(?where) AS ?place)
       (SAMPLE(?state) AS ?status) (SAMPLE(?state_now) AS ?status_now) (COUNT(DISTINCT ?d) AS ?decisions) WHERE {
  ?m a acu:Meeting .
  OPTIONAL { ?m schema:startDate ?start } OPTIONAL { ?m schema:endDate ?end }
  OPTIONAL { ?m acu:notBefore ?not_before } OPTIONAL { ?m acu:notAfter ?not_after }
  OPTIONAL { ?m acu:dateText ?text } OPTIONAL { ?m schema:location ?where } OPTIONAL { ?m acu:status ?state }
  OPTIONAL { ?m acu:statusNow ?state_now }
  OPTIONAL { ?d acu:adoptedAt ?m }
  BIND(EXISTS { ?document acu:records ?m } AS ?recorded)
} GROUP BY ?m ?start ?end ?not_before ?not_after ?recorded"""
)
_VALUES = _PREFIXES + "SELECT DISTINCT ?d ?v WHERE { ?d a acu:Meeting ; {p} ?v }"
MEETING_THEMES = (
    _PREFIXES
    + """
SELECT DISTINCT ?d ?v WHERE {
  ?d a acu:Meeting ; acu:touchesTheme ?v .  # derived at build time (ontology/derived/touches-theme.rq)
}"""
)


@dataclass(frozen=True)
class Meeting(Item):
    """One meeting, in the order of its date (its start, else the earliest it can be)."""

    GROUPS: ClassVar[Groups] = MEETING_GROUPS

    end: str  # the last day, or the latest it can be, '' if unknown
    date_text: str  # the source's words for a date known only roughly
    place: str
    status: str  # acu:status, as the sources say at their date
    status_now: str  # acu:statusNow, as known now ('' where nothing more is known)
    decisions: int


def _first(row: Mapping[str, Any], *names: str) -> str:
    return next((_text(row, n) for n in names if _text(row, n)), "")


def read_meetings(backend: Backend, base: Base) -> Collection[Meeting]:
    """Every meeting with its facet values, and the labels of them all."""
    multi = {
        "conference": _pairs(backend.select(_VALUES.replace("{p}", "acu:conference"), whole=True), "v"),
        "kind": _pairs(backend.select(_VALUES.replace("{p}", "acu:meetingKind"), whole=True), "v"),
        "participant": _pairs(backend.select(_VALUES.replace("{p}", "acu:participant"), whole=True), "v"),
        "theme": _pairs(backend.select(MEETING_THEMES, whole=True), "v"),
    }
    rows = sorted(
        {str(row["m"]): row for row in backend.select(MEETINGS, whole=True)}.items(),
        key=lambda item: (_first(item[1], "start", "not_before", "not_after") or "9999", item[0]),
    )
    iris = {m for m, _ in rows} | {v for table in multi.values() for ts in table.values() for t in ts for v in t}
    iris |= {_text(row, n) for _, row in rows for n in ("place", "status", "status_now") if _text(row, n)}
    labels = fetch_labels(backend, iris)
    meetings = []
    for order, (iri, row) in enumerate(rows):
        date = _first(row, "start", "not_before", "not_after")[:10]
        recorded = "recorded" if _true(row, "recorded") else "mentioned"
        tuples = {group: frozenset(table.get(iri, ())) for group, table in multi.items()}
        tuples["year"] = frozenset({(date[:4],)} if date else ())
        tuples["status"] = frozenset({(_text(row, "status"),)} if _text(row, "status") else ())
        tuples["status_now"] = frozenset({(_text(row, "status_now"),)} if _text(row, "status_now") else ())
        tuples["recorded"] = frozenset({(recorded,)})
        texts = [*labels.both(iri).values(), _text(row, "date_text"), *labels.both(_text(row, "place")).values()]
        meetings.append(
            Meeting(
                iri=iri,
                order=order,
                date=date,
                when=shown_from(*(_text(row, n) for n in ("start", "end", "not_before", "not_after"))),
                due="",
                folded=fold(" ".join(texts)),
                tuples=tuples,
                end=_first(row, "end", "not_after")[:10],
                date_text=_text(row, "date_text"),
                place=_text(row, "place"),
                status=_text(row, "status"),
                status_now=_text(row, "status_now"),
                decisions=int(_text(row, "decisions") or 0),
            )
        )
    return describe(backend, Collection(meetings, labels, base, MEETING_GROUPS))
