"""The explorer's selection in a URL: read from the query string, checked, and written back in one order.

Facet values are written as ``web.facets.Collection.key`` writes IRIs (``state/MX``,
``acu:Agreement``) and as themselves otherwise (``2017``, ``must-act``); ``due_from``, ``due_to``
and ``as_of`` are ISO dates; ``q`` a text; ``sort`` a column, ``-`` first for descending. A value
the explorer cannot apply becomes a ``Problem`` (in the language asked for) with the closest values
it knows ("did you mean"), and is left out of the selection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from .facets import DUE, GROUP_OF, ROLES, SORTS, STATUSES, Collection, Groups, Selection
from .i18n import strings
from .meeting_facets import MEETING_GROUPS, MEETING_SORTS, RECORDED
from .search import closest


@dataclass(frozen=True)
class View:
    """What an explorer page lists: its facets, the values some take by definition, which take IRIs,
    the columns it sorts by, the dates it is narrowed by."""

    name: str  # decisions | meetings: the page's path, /explore/{name}
    groups: Groups
    fixed: Mapping[str, tuple[str, ...]]
    iri_facets: frozenset[str]
    sorts: tuple[str, ...]
    dates: tuple[str, ...]
    default_sort: str = "date"

    @property
    def facets(self) -> tuple[str, ...]:
        return tuple(self.groups)

    def facet_name(self, facet: str, lang: str) -> str:
        """A facet's name: the view's own wording (the kind of a meeting), else the shared one."""
        e = strings(lang, "explore")
        return e.get(f"{self.name}_facet_{facet}") or e[f"facet_{facet}"]

    def fixed_label(self, facet: str, value: str, lang: str) -> str:
        e = strings(lang, "explore")
        return e.get(f"{self.name}_{facet}_{value}") or e[f"{facet}_{value}"]


DECISIONS = View(
    "decisions",
    GROUP_OF,
    {"role": ROLES, "due": DUE, "status": STATUSES},
    frozenset(
        {"conference", "meeting", "kind", "category", "theme", "basis", "actor", "followup_kind", "followup_basis"}
    ),
    SORTS,
    ("due_from", "due_to", "as_of"),
)
MEETINGS = View(
    "meetings",
    MEETING_GROUPS,
    {"recorded": RECORDED},
    frozenset({"conference", "kind", "status", "status_now", "participant", "theme"}),
    MEETING_SORTS,
    (),
)


@dataclass(frozen=True)
class Problem:
    """A parameter value the explorer cannot apply, and what the visitor may have meant."""

    param: str
    value: str
    message: str
    suggestions: tuple[tuple[str, str], ...] = ()  # (value as written in a URL, label)


def known_values(collection: Collection[Any], facet: str, view: View = DECISIONS) -> set[str]:
    """Every value a facet has in the data (or can have: roles, due classes, statuses)."""
    if facet in view.fixed:
        return set(view.fixed[facet])
    return set(collection.values[facet])


def url_key(collection: Collection[Any], facet: str, value: str, view: View = DECISIONS) -> str:
    return collection.key(value) if facet in view.iri_facets else value


def value_label(collection: Collection[Any], facet: str, value: str, lang: str, view: View = DECISIONS) -> str:
    if facet in view.iri_facets:
        return collection.labels.text(value, lang)
    if facet in view.fixed:
        return view.fixed_label(facet, value, lang)
    return value


def _suggest(collection: Collection[Any], facet: str, typed: str, lang: str, view: View) -> tuple[tuple[str, str], ...]:
    options = [
        (url_key(collection, facet, v, view), value_label(collection, facet, v, lang, view))
        for v in sorted(known_values(collection, facet, view))
    ]
    return tuple(closest(typed, options))


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _facets(
    request: Request, collection: Collection[Any], lang: str, problems: list[Problem], view: View
) -> dict[str, frozenset[str]]:
    e = strings(lang, "explore")
    chosen: dict[str, frozenset[str]] = {}
    for facet in view.facets:
        known = known_values(collection, facet, view)
        picked = set()
        for typed in filter(None, request.query_params.getlist(facet)):
            value = collection.iri(typed) if facet in view.iri_facets else typed
            if value in known:
                picked.add(value)
            else:
                message = e["unknown_value"].format(value=typed, facet=view.facet_name(facet, lang))
                problems.append(Problem(facet, typed, message, _suggest(collection, facet, typed, lang, view)))
        if picked:
            chosen[facet] = frozenset(picked)
    return chosen


def read_selection(
    request: Request, collection: Collection[Any], lang: str, view: View = DECISIONS
) -> tuple[Selection, list[Problem]]:
    """The selection the URL asks for, and the values in it that cannot be applied."""
    params = request.query_params
    e = strings(lang, "explore")
    problems: list[Problem] = []
    chosen = _facets(request, collection, lang, problems, view)
    dates: dict[str, dt.date] = {}
    for name in view.dates:
        typed = (params.get(name) or "").strip()
        date = parse_date(typed) if typed else None
        if typed and date is None:
            problems.append(Problem(name, typed, e["bad_date"].format(value=typed, param=e[name])))
        elif date is not None:
            dates[name] = date
    sort = (params.get("sort") or view.default_sort).strip()
    descending, sort = sort.startswith("-"), sort.lstrip("-")
    if sort not in view.sorts:
        suggestions = tuple(closest(sort, [(s, e.get(f"{view.name}_col_{s}") or e[f"col_{s}"]) for s in view.sorts]))
        problems.append(Problem("sort", sort, e["bad_sort"].format(value=sort), suggestions))
        sort, descending = view.default_sort, False
    selection = Selection(
        chosen=chosen,
        due_from=dates["due_from"].isoformat() if "due_from" in dates else "",
        due_to=dates["due_to"].isoformat() if "due_to" in dates else "",
        as_of=dates.get("as_of") or dt.date.today(),
        q=(params.get("q") or "").strip()[:200],
        sort=sort,
        descending=descending,
    )
    return selection, problems


def selection_items(collection: Collection[Any], selection: Selection, view: View = DECISIONS) -> list[tuple[str, str]]:
    """The selection as URL parameters, in a stable order (facet values by their URL form).

    ``as_of`` is written when it is not today, or when past or upcoming deadlines are chosen: such a
    view changes with the day, and its address should say which day it was."""
    out = sorted(
        ((f, url_key(collection, f, v, view)) for f in view.facets for v in selection.active(f)),
        key=lambda item: (view.facets.index(item[0]), item[1]),
    )
    extras = (("due_from", selection.due_from), ("due_to", selection.due_to), ("q", selection.q))
    out += [(k, v) for k, v in extras if v]
    if selection.as_of != dt.date.today() or selection.active("due") & {"past", "upcoming"}:
        out.append(("as_of", selection.as_of.isoformat()))
    if selection.sort != view.default_sort or selection.descending:
        out.append(("sort", ("-" if selection.descending else "") + selection.sort))
    return out
