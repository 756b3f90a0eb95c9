"""The explorer's selection in a URL: read from the query string, checked, and written back in one order.

Facet values are written as ``web.facets.Collection.key`` writes IRIs (``state/MX``,
``acu:Agreement``) and as themselves otherwise (``2017``, ``must-act``); ``due_from``, ``due_to``
and ``as_of`` are ISO dates; ``q`` a text; ``sort`` a column, ``-`` first for descending. A value
the explorer cannot apply becomes a ``Problem`` (in the language asked for) with the closest values
it knows ("did you mean"), and is left out of the selection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import Request

from .facets import DUE, FACETS, ROLES, SORTS, STATUSES, Collection, Selection
from .i18n import strings
from .search import closest

IRI_FACETS = frozenset({"conference", "meeting", "kind", "theme", "basis", "actor"})
FIXED = {"role": ROLES, "due": DUE, "status": STATUSES}
DATES = ("due_from", "due_to", "as_of")


@dataclass(frozen=True)
class Problem:
    """A parameter value the explorer cannot apply, and what the visitor may have meant."""

    param: str
    value: str
    message: str
    suggestions: tuple[tuple[str, str], ...] = ()  # (value as written in a URL, label)


def known_values(collection: Collection, facet: str) -> set[str]:
    """Every value a facet has in the data (or can have: roles, due classes, statuses)."""
    if facet in FIXED:
        return set(FIXED[facet])
    return set(collection.values[facet])


def url_key(collection: Collection, facet: str, value: str) -> str:
    return collection.key(value) if facet in IRI_FACETS else value


def value_label(collection: Collection, facet: str, value: str, lang: str) -> str:
    if facet in IRI_FACETS:
        return collection.labels.text(value, lang)
    if facet in FIXED:
        return strings(lang, "explore")[f"{facet}_{value}"]
    return value


def _suggest(collection: Collection, facet: str, typed: str, lang: str) -> tuple[tuple[str, str], ...]:
    options = [
        (url_key(collection, facet, v), value_label(collection, facet, v, lang))
        for v in sorted(known_values(collection, facet))
    ]
    return tuple(closest(typed, options))


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _facets(request: Request, collection: Collection, lang: str, problems: list[Problem]) -> dict[str, frozenset[str]]:
    e = strings(lang, "explore")
    chosen: dict[str, frozenset[str]] = {}
    for facet in FACETS:
        known = known_values(collection, facet)
        picked = set()
        for typed in filter(None, request.query_params.getlist(facet)):
            value = collection.iri(typed) if facet in IRI_FACETS else typed
            if value in known:
                picked.add(value)
            else:
                message = e["unknown_value"].format(value=typed, facet=e[f"facet_{facet}"])
                problems.append(Problem(facet, typed, message, _suggest(collection, facet, typed, lang)))
        if picked:
            chosen[facet] = frozenset(picked)
    return chosen


def read_selection(request: Request, collection: Collection, lang: str) -> tuple[Selection, list[Problem]]:
    """The selection the URL asks for, and the values in it that cannot be applied."""
    params = request.query_params
    e = strings(lang, "explore")
    problems: list[Problem] = []
    chosen = _facets(request, collection, lang, problems)
    dates: dict[str, dt.date] = {}
    for name in DATES:
        typed = (params.get(name) or "").strip()
        date = parse_date(typed) if typed else None
        if typed and date is None:
            problems.append(Problem(name, typed, e["bad_date"].format(value=typed, param=e[name])))
        elif date is not None:
            dates[name] = date
    sort = (params.get("sort") or "date").strip()
    descending, sort = sort.startswith("-"), sort.lstrip("-")
    if sort not in SORTS:
        suggestions = tuple(closest(sort, [(s, e[f"col_{s}"]) for s in SORTS]))
        problems.append(Problem("sort", sort, e["bad_sort"].format(value=sort), suggestions))
        sort, descending = "date", False
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


def selection_items(collection: Collection, selection: Selection) -> list[tuple[str, str]]:
    """The selection as URL parameters, in a stable order (facet values by their URL form).

    ``as_of`` is written when it is not today, or when past or upcoming deadlines are chosen: such a
    view changes with the day, and its address should say which day it was."""
    out = sorted(
        ((f, url_key(collection, f, v)) for f in FACETS for v in selection.active(f)),
        key=lambda item: (FACETS.index(item[0]), item[1]),
    )
    extras = (("due_from", selection.due_from), ("due_to", selection.due_to), ("q", selection.q))
    out += [(k, v) for k, v in extras if v]
    if selection.as_of != dt.date.today() or selection.active("due") & {"past", "upcoming"}:
        out.append(("as_of", selection.as_of.isoformat()))
    if selection.sort != "date" or selection.descending:
        out.append(("sort", ("-" if selection.descending else "") + selection.sort))
    return out
