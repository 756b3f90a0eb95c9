"""The decisions and meetings as records with facets: read from the graph once per data version, then
narrowed, counted and sorted in Python for every request of the explorer.

A record holds, for each *group* of facets, a set of tuples: one facet reads one position of its
group's tuples. Most groups hold one facet (a decision's conferences are 1-tuples); two hold two, so
that a selection means what a researcher means by it: the theme and the basis of its assignment
(``theme`` × ``basis``: "objective 10, named in the text" is one assignment that is both), and the
actor and its role (``actor`` × ``role``: "Mexico must act", not "Mexico is addressed and someone
must act"). A record passes a group when one of its tuples matches every facet of the group that
has a selection; it passes the selection when it passes every group, the date range and the text.

Values of one facet are alternatives (OR); facets combine (AND). The count shown beside a value is
the number of records the selection would give with that value as the only choice of its facet
(the facet's own choices left out, the others kept), so the alternatives of a facet stay visible.

A theme is reached as the first question (``decisions-by-theme``) reaches it: the assigned theme
itself, every broader theme (``skos:broader``, transitively), and the themes mapped to the
assigned one (``skos:exactMatch`` and ``skos:closeMatch`` either way, ``skos:broadMatch`` from the
assigned theme, ``skos:narrowMatch`` towards it) and their broader themes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from rdflib import Literal

from ..namespaces import CURIES, PREFIXES, Base
from ..store import Backend
from .dates import shown_from
from .labels import Labels, fetch_labels, natural_key
from .search import fold

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

# every decision once, with what it has at most one of (the kind, the themes and actors come apart)
DECISIONS = (
    _PREFIXES
    + """
SELECT ?d ?meeting ?number ?parent_number ?position ?parent_position ?start ?not_before ?not_after ?document_date
       ?text_es ?text_en
       ?deadline ?scheduled ?status WHERE {
  ?d a ?kind . ?kind rdfs:subClassOf* acu:Decision .
  OPTIONAL { ?d acu:adoptedAt ?meeting .
             OPTIONAL { ?meeting schema:startDate ?start } OPTIONAL { ?meeting acu:notBefore ?not_before }
             OPTIONAL { ?meeting acu:notAfter ?not_after } }
  OPTIONAL { ?d acu:recordedIn/dcterms:date ?document_date }
  OPTIONAL { ?d acu:number ?number }
  OPTIONAL { ?d acu:position ?position }
  OPTIONAL { ?d acu:partOf ?parent . ?parent acu:position ?parent_position
             OPTIONAL { ?parent acu:number ?parent_number } }
  OPTIONAL { ?d acu:text ?text_es }
  OPTIONAL { ?d acu:unofficialTranslation ?text_en }
  OPTIONAL { ?d acu:deadline ?deadline }
  OPTIONAL { ?d acu:scheduledStart ?scheduled }
  OPTIONAL { ?d acu:followUpStatus ?status }  # derived at build time (ontology/derived/follow-up-status.rq)
}"""
)
KINDS = _PREFIXES + "SELECT DISTINCT ?d ?v WHERE { ?d a ?v . ?v rdfs:subClassOf* acu:Decision }"
CONFERENCES = _PREFIXES + "SELECT DISTINCT ?d ?v WHERE { ?d acu:adoptedAt/acu:conference ?v }"
CATEGORIES = _PREFIXES + "SELECT DISTINCT ?d ?v WHERE { ?d acu:actionCategoryAssignment/acu:actionCategory ?v }"
# the follow-up links of a decision or its sub-items: the kind of each (related too) and its basis
FOLLOW_UPS = (
    _PREFIXES
    + """
SELECT DISTINCT ?d ?kind ?basis WHERE {
  ?part acu:followUp ?link . ?part acu:partOf* ?d . ?d a ?type . ?type rdfs:subClassOf* acu:Decision .
  ?link acu:followUpKind ?kind . OPTIONAL { ?link acu:basis ?basis }
}"""
)
ACTORS = (
    _PREFIXES
    + """
SELECT DISTINCT ?d ?v ?role WHERE {
  VALUES (?p ?role) { (acu:mustAct "must-act") (acu:addressee "addressed") }
  ?d ?p ?v . ?d a ?kind . ?kind rdfs:subClassOf* acu:Decision .
}"""
)
THEMES = (
    _PREFIXES
    + """
SELECT DISTINCT ?d ?v ?basis ?assigned WHERE {
  ?d acu:themeAssignment ?assignment . ?d a ?kind . ?kind rdfs:subClassOf* acu:Decision .
  ?assignment acu:theme ?assigned .
  OPTIONAL { ?assignment acu:basis ?basis }
  ?assignment acu:reachesTheme ?v .  # derived at build time: the SKOS closure (ontology/derived/reaches-theme.rq)
}"""
)
# the themes' schemes and notations (to group and order them), and what kind of agent each actor is
THEME_INFO = (
    _PREFIXES
    + "SELECT ?v ?scheme ?notation WHERE { ?v a skos:Concept . "
    + "OPTIONAL { ?v skos:inScheme ?scheme } OPTIONAL { ?v skos:notation ?notation } }"
)
ACTOR_GROUPS = (
    _PREFIXES
    + """
SELECT DISTINCT ?v ?group WHERE {
  { ?d acu:mustAct ?v } UNION { ?d acu:addressee ?v } UNION { ?d acu:participant ?v }
  BIND(IF(EXISTS { ?v a acu:State }, "states",
       IF(EXISTS { ?v a acu:Conference } || EXISTS { ?v a/rdfs:subClassOf* acu:ConferenceBody }, "bodies",
       IF(EXISTS { ?v a foaf:Person }, "people", "organisations"))) AS ?group)
}"""
)

# the groups of facets, in the order of the panel; a facet's position in its group's tuples
GROUP_OF: dict[str, tuple[str, int]] = {
    "conference": ("conference", 0),
    "year": ("year", 0),
    "meeting": ("meeting", 0),
    "kind": ("kind", 0),
    "category": ("category", 0),
    "theme": ("theme", 0),
    "basis": ("theme", 1),
    "actor": ("actor", 0),
    "role": ("actor", 1),
    "due": ("due", 0),
    "status": ("status", 0),
    "followup_kind": ("followup", 0),
    "followup_basis": ("followup", 1),
}
FACETS = tuple(GROUP_OF)
ROLES = ("must-act", "addressed")
DUE = ("past", "upcoming", "none")
STATUSES = ("followed-up", "scheduled", "none")
ACTOR_GROUP_ORDER = ("states", "organisations", "bodies", "people")
# the columns a list sorts by (its key in the URL → how a record sorts)
SORTS = ("decision", "date", "meeting", "kind", "text", "actors", "due", "status")


Groups = Mapping[str, tuple[str, int]]  # facet → (its group, its position in the group's tuples)


@dataclass(frozen=True)
class Item:
    """What is explored (a decision, a meeting): for each group of facets, the tuples it has."""

    GROUPS: ClassVar[Groups] = GROUP_OF

    iri: str
    order: int  # the order of the list before any sorting
    date: str  # ISO date, '' if none: what sorts and gives the year
    when: str  # the date as precisely as it is known, as shown ("2011" for a meeting of 2011)
    due: str  # a date the due range narrows by, '' if none
    folded: str  # the texts and labels, folded, for the text search
    tuples: Mapping[str, frozenset[tuple[str, ...]]]

    def values(self, facet: str) -> set[str]:
        group, position = self.GROUPS[facet]
        return {t[position] for t in self.tuples.get(group, ())}


@dataclass(frozen=True)
class Record(Item):
    """One decision (in the order of the decisions question: meeting date, meeting, kind, position);
    its date is its meeting's (or the meeting's earliest, or the document's), its due date the
    deadline, else the scheduled start."""

    number: str  # as printed, with its parent's for a sub-item ("2 a)")
    meeting: str
    status: str  # followed-up | scheduled | none
    text_es: str
    text_en: str
    assigned: frozenset[str]  # the themes assigned to it (the facet also reaches broader and mapped ones)


R = TypeVar("R", bound=Item)
KEPT_COUNTS = 64  # selections whose facet counts a collection keeps


@dataclass
class Collection(Generic[R]):
    """The items explored, and what their facet values are called and how they group and sort."""

    records: list[R]
    labels: Labels
    base: Base
    groups: Groups = field(default_factory=lambda: GROUP_OF)
    theme_scheme: dict[str, str] = field(default_factory=dict)
    theme_notation: dict[str, str] = field(default_factory=dict)
    actor_group: dict[str, str] = field(default_factory=dict)
    values: dict[str, frozenset[str]] = field(default_factory=dict)  # every value each facet has in the data
    _counted: OrderedDict[Hashable, dict[str, Counter[str]]] = field(
        default_factory=OrderedDict, repr=False, compare=False
    )
    _counted_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _having: dict[str, dict[str, list[R]]] = field(default_factory=dict, repr=False, compare=False)
    _having_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __post_init__(self) -> None:
        for facet in self.groups:
            self.values[facet] = frozenset(v for r in self.records for v in r.values(facet) if v)

    def counted(self, selection: Selection, groups: Groups) -> dict[str, Counter[str]]:
        """``counts`` of the records (not to be changed), kept for the latest KEPT_COUNTS selections:
        the next page, another order or the other language ask for the same counts, which at a
        million triples take a second to make."""
        key = (selection.counting_key(), tuple(sorted(groups.items())))
        with self._counted_lock:
            if key in self._counted:
                self._counted.move_to_end(key)
                return self._counted[key]
        value = counts(self.records, selection, groups)
        with self._counted_lock:
            self._counted[key] = value
            while len(self._counted) > KEPT_COUNTS:
                self._counted.popitem(last=False)
        return value

    def having(self, facet: str, value: str) -> list[R]:
        """The records with ``value`` among their values of ``facet``, in the collection's order: what
        ``narrow`` keeps when that is the one choice, looked up in an index of the facet made on first
        use (the page of a theme, a meeting or an actor lists its decisions: at a million triples a
        walk over every record took a quarter of a second for each). Not for the due group, whose
        values depend on the day."""
        assert self.groups[facet][0] != "due", "the due group's values depend on the day: narrow them"
        with self._having_lock:
            index = self._having.get(facet)
            if index is None:
                index = {}
                for record in self.records:
                    for v in record.values(facet):
                        index.setdefault(v, []).append(record)
                self._having[facet] = index
        return index.get(value, [])

    def key(self, iri: str) -> str:
        """The short form of an IRI in a URL: its CURIE (``acu:Agreement``), else its path under the base."""
        curie = CURIES.shorten(iri)
        local = self.base.local(iri)
        return local if curie == iri and local is not None else curie

    def iri(self, key: str) -> str:
        """The IRI a short form stands for (the inverse of ``key``)."""
        if "://" in key:
            return key
        return CURIES.expand(key) or self.base.path(key)


def _text(row: Mapping[str, Any], name: str) -> str:
    value = row.get(name)
    return str(value) if value is not None else ""


def _true(row: Mapping[str, Any], name: str) -> bool:
    value = row.get(name)
    return isinstance(value, Literal) and bool(value.toPython())


def _pairs(rows: Iterable[Mapping[str, Any]], *names: str) -> dict[str, set[tuple[str, ...]]]:
    """For each decision (``?d``), the tuples of the variables named."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for row in rows:
        out.setdefault(str(row["d"]), set()).add(tuple(_text(row, n) for n in names))
    return out


def _number(row: Mapping[str, Any]) -> str:
    number, parent = _text(row, "number"), _text(row, "parent_number")
    return f"{parent} {number})" if parent and number else number


_STATUS = {"followed-up": "followed-up", "scheduled": "scheduled"}  # the scheme's last segment: the facet's value


def _status(row: Mapping[str, Any]) -> str:
    """The facet's value for the decision's acu:followUpStatus (``none``: no recorded follow-up)."""
    return _STATUS.get(_text(row, "status").rsplit("/", 1)[-1], "none")


def due_class(due: str, as_of: dt.date) -> str:
    """past (before the day given), upcoming, or none."""
    if not due:
        return "none"
    return "past" if due < as_of.isoformat() else "upcoming"


def read_collection(backend: Backend, base: Base) -> Collection[Record]:
    """Every decision with its facet values, and the labels of them all (a handful of queries)."""
    kinds = _pairs(backend.select(KINDS, whole=True), "v")
    conferences = _pairs(backend.select(CONFERENCES, whole=True), "v")
    categories = _pairs(backend.select(CATEGORIES, whole=True), "v")
    follow_ups = _pairs(backend.select(FOLLOW_UPS, whole=True), "kind", "basis")
    actors = _pairs(backend.select(ACTORS, whole=True), "v", "role")
    theme_rows = backend.select(THEMES, whole=True)
    themes, assigned = _pairs(theme_rows, "v", "basis"), _pairs(theme_rows, "assigned")
    raw = []
    for row in backend.select(DECISIONS, whole=True):
        iri = str(row["d"])
        date = _text(row, "start") or _text(row, "not_before") or _text(row, "document_date")
        parent = _text(row, "parent_position")
        position = int(_text(row, "position") or 0)
        major, minor = (int(parent), position) if parent else (position, 0)
        raw.append((date, _text(row, "meeting"), min(kinds.get(iri, {("",)}))[0], major, minor, iri, row))
    raw.sort(key=lambda r: r[:6])
    labels = fetch_labels(
        backend,
        {r[5] for r in raw}
        | {r[1] for r in raw}
        | {
            v
            for table in (kinds, conferences, categories, actors, themes, follow_ups)
            for ts in table.values()
            for t in ts
            for v in t
        },
    )
    records = []
    for order, (date, meeting, _kind, _major, _minor, iri, row) in enumerate(raw):
        due = (_text(row, "deadline") or _text(row, "scheduled"))[:10]
        texts = [_text(row, "text_es"), _text(row, "text_en"), *labels.both(iri).values()]
        tuples = {
            "conference": frozenset(conferences.get(iri, ())),
            "year": frozenset({(date[:4],)} if date else ()),
            "meeting": frozenset({(meeting,)} if meeting else ()),
            "kind": frozenset(kinds.get(iri, ())),
            "category": frozenset(categories.get(iri, ())),
            "theme": frozenset(themes.get(iri, ())),
            "actor": frozenset(actors.get(iri, ())),
            "status": frozenset({(_status(row),)}),
            "followup": frozenset(follow_ups.get(iri, ())),
        }
        records.append(
            Record(
                iri=iri,
                order=order,
                number=_number(row),
                meeting=meeting,
                date=date[:10],
                when=shown_from(_text(row, "start"), "", _text(row, "not_before"), _text(row, "not_after"))
                or date[:10],
                due=due,
                status=_status(row),
                text_es=_text(row, "text_es"),
                text_en=_text(row, "text_en"),
                folded=fold(" ".join([*texts, _text(row, "number")])),
                tuples=tuples,
                assigned=frozenset(t[0] for t in assigned.get(iri, ())),
            )
        )
    return describe(backend, Collection(records, labels, base))


def describe(backend: Backend, collection: Collection[R]) -> Collection[R]:
    """The scheme and notation of every theme, the kind of every actor, the labels of the schemes."""
    for row in backend.select(THEME_INFO, whole=True):
        theme = str(row["v"])
        collection.theme_scheme.setdefault(theme, _text(row, "scheme"))
        collection.theme_notation.setdefault(theme, _text(row, "notation"))
    for row in backend.select(ACTOR_GROUPS, whole=True):
        collection.actor_group[str(row["v"])] = _text(row, "group")
    schemes = set(collection.theme_scheme.values())
    collection.labels.by_iri.update(fetch_labels(backend, schemes).by_iri)
    return collection


# --- the selection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """What the researcher chose: values per facet (short forms), a due-date range, a text, an order."""

    chosen: Mapping[str, frozenset[str]]
    due_from: str = ""
    due_to: str = ""
    as_of: dt.date = field(default_factory=dt.date.today)
    q: str = ""
    sort: str = "date"
    descending: bool = False

    def active(self, facet: str) -> frozenset[str]:
        return self.chosen.get(facet, frozenset())

    def counting_key(self) -> Hashable:
        """What the facet counts depend on: not the order, nor the page or the language."""
        chosen = tuple(sorted((facet, tuple(sorted(values))) for facet, values in self.chosen.items() if values))
        return chosen, self.due_from, self.due_to, self.as_of, fold(self.q)


def record_tuples(record: Item, group: str, as_of: dt.date) -> frozenset[tuple[str, ...]]:
    """The tuples of a group; the due group depends on the day the selection is judged on."""
    if group == "due":
        return frozenset({(due_class(record.due, as_of),)})
    return record.tuples.get(group, frozenset())


Conditions = dict[str, list[tuple[int, frozenset[str]]]]


def conditions(selection: Selection, groups: Groups = GROUP_OF) -> Conditions:
    """For each group with a choice, the positions of its tuples and the values each must have."""
    out: Conditions = {}
    for facet, (group, position) in groups.items():
        if selection.active(facet):
            out.setdefault(group, []).append((position, selection.active(facet)))
    return out


def failing(record: Item, wanted: Conditions, as_of: dt.date) -> set[str]:
    """The groups none of whose tuples of the record matches every condition of the group."""
    return {
        group
        for group, conds in wanted.items()
        if not any(all(t[p] in chosen for p, chosen in conds) for t in record_tuples(record, group, as_of))
    }


def passes_rest(record: Item, selection: Selection, words: Sequence[str]) -> bool:
    """The date range and the text (every word, accents and case ignored)."""
    if selection.due_from and not (record.due and record.due >= selection.due_from):
        return False
    if selection.due_to and not (record.due and record.due <= selection.due_to):
        return False
    return all(w in record.folded for w in words)


def narrow(records: Iterable[R], selection: Selection, groups: Groups = GROUP_OF) -> list[R]:
    """The records the selection keeps, in the collection's order."""
    words, wanted = fold(selection.q).split(), conditions(selection, groups)
    return [r for r in records if passes_rest(r, selection, words) and not failing(r, wanted, selection.as_of)]


def counts(records: Iterable[Item], selection: Selection, groups: Groups = GROUP_OF) -> dict[str, Counter[str]]:
    """For every facet, how many records each of its values would give (its own choices left out)."""
    words, wanted = fold(selection.q).split(), conditions(selection, groups)
    kept = [(r, failing(r, wanted, selection.as_of)) for r in records if passes_rest(r, selection, words)]
    out: dict[str, Counter[str]] = {}
    for facet, (group, position) in groups.items():
        mates = [
            (p, selection.active(f))
            for f, (g, p) in groups.items()
            if g == group and f != facet and selection.active(f)
        ]
        counter: Counter[str] = Counter()
        for record, failed in kept:
            if failed - {group}:
                continue
            counter.update(
                {
                    t[position]
                    for t in record_tuples(record, group, selection.as_of)
                    if all(t[p] in chosen for p, chosen in mates)
                }
            )
        out[facet] = counter
    return out


def sort_key(collection: Collection[Record], sort: str, lang: str) -> Callable[[Record], Any]:
    """How a list sorts by a column; ties keep the order of the decisions question."""
    labels = collection.labels
    if sort == "decision":
        return lambda r: (natural_key(labels.text(r.iri, lang)), r.order)
    if sort == "meeting":
        return lambda r: (labels.text(r.meeting, lang).lower(), r.order)
    if sort == "kind":
        return lambda r: (sorted(labels.text(k, lang) for k in r.values("kind")), r.order)
    if sort == "text":
        return lambda r: (fold((r.text_en or r.text_es) if lang == "en" else r.text_es), r.order)
    if sort == "actors":
        return lambda r: (
            sorted(fold(labels.text(a, lang)) for a, _ in r.tuples.get("actor", ())) or ["\uffff"],
            r.order,
        )
    if sort == "due":
        return lambda r: (not r.due, r.due, r.order)
    if sort == "status":
        return lambda r: (STATUSES.index(r.status), r.order)
    return lambda r: (r.date or "9999", r.order)


def sorted_records(
    collection: Collection[Record], records: list[Record], selection: Selection, lang: str
) -> list[Record]:
    ordered = sorted(records, key=sort_key(collection, selection.sort, lang), reverse=selection.descending)
    if selection.sort == "due":  # without a date last, whichever the direction
        ordered = [r for r in ordered if r.due] + [r for r in ordered if not r.due]
    return ordered


def theme_sort_key(collection: Collection[Any], theme: str, lang: str) -> tuple[Any, ...]:
    notation = collection.theme_notation.get(theme, "")
    return (not notation, natural_key(notation), natural_key(collection.labels.text(theme, lang)))
