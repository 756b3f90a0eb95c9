"""/explore/decisions: the decisions narrowed by facets, counted, sorted, and downloaded as they are shown.

The page is a GET form: the URL holds the whole selection (``conference``, ``year``, ``meeting``,
``kind``, ``theme``, ``basis``, ``actor``, ``role``, ``due``, ``status``, each repeatable, with
IRIs written as their CURIE, ``acu:Agreement``, or their path under the base, ``state/MX``;
``due_from``, ``due_to`` and ``as_of`` dates; ``q`` text; ``sort``, a column, ``-`` first for
descending; ``page``), so a view is shared, cited and bookmarked by its address. It works without
JavaScript (a small script only submits the form when a box is ticked and filters long lists as
one types). The same address with ``.csv`` (UTF-8 with a byte-order mark, so that Excel reads the
accents), ``.xlsx`` or ``.json`` downloads every decision of the view, with the selection and the
data version in the file.

A value that is not one of a facet's is not applied: the page says so and suggests the closest
values ("did you mean"); the downloads answer 400 with the same message, in the language asked for.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ..http import cache_headers, etag_for, matches_etag, not_modified
from .deps import PerVersion, data_version, get_backend, get_site, root_of
from .explorer_url import (
    FIXED,
    IRI_FACETS,
    Problem,
    known_values,
    read_selection,
    selection_items,
    url_key,
    value_label,
)
from .facets import (
    ACTOR_GROUP_ORDER,
    FACETS,
    ROLES,
    SORTS,
    Collection,
    Record,
    Selection,
    counts,
    due_class,
    narrow,
    read_collection,
    sorted_records,
    theme_sort_key,
)
from .i18n import pick_lang, strings
from .labels import natural_key
from .rendering import PAGE_VARY, page_context, render
from .spreadsheets import csv_bytes, xlsx_bytes

router = APIRouter()

PAGE_SIZE = 100
SHOWN_ACTORS = 5
FORMATS = ("csv", "xlsx", "json")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def collection_of(request: Request) -> Collection:
    backend = get_backend(request)
    cache: PerVersion[Collection] = request.app.state.explorer
    return cache.get(data_version(backend), lambda: read_collection(backend, get_site(request).base))


# --- what a page and a file show of a decision -----------------------------------------------------


def short_label(collection: Collection, record: Record, lang: str) -> str:
    """ "Agreement 13", "Conclusion 2 a)": the kind and the number, else the whole label."""
    kinds = sorted(collection.labels.text(k, lang) for k in record.values("kind"))
    if record.number and kinds:
        return f"{kinds[0]} {record.number}"
    return collection.labels.text(record.iri, lang)


def _actors(collection: Collection, record: Record, role: str, lang: str) -> list[str]:
    found = [a for a, r in record.tuples.get("actor", ()) if r == role]
    return sorted(found, key=lambda a: natural_key(collection.labels.text(a, lang)))


@dataclass(frozen=True)
class Column:
    key: str
    get: Callable[[Collection, Record, str], Any]  # the value in a file: text, or a list of texts


def _labels(collection: Collection, iris: Sequence[str], lang: str) -> list[str]:
    return [collection.labels.text(i, lang) for i in iris]


COLUMNS: tuple[Column, ...] = (
    Column("decision", lambda c, r, lang: r.iri),
    Column("label", lambda c, r, lang: c.labels.text(r.iri, lang)),
    Column("kind", lambda c, r, lang: _labels(c, sorted(r.values("kind")), lang)),
    Column("number", lambda c, r, lang: r.number),
    Column("meeting", lambda c, r, lang: r.meeting),
    Column("meeting_label", lambda c, r, lang: c.labels.text(r.meeting, lang)),
    Column("date", lambda c, r, lang: r.date),
    Column("conference", lambda c, r, lang: _labels(c, sorted(r.values("conference")), lang)),
    Column("text_es", lambda c, r, lang: r.text_es),
    Column("text_en", lambda c, r, lang: r.text_en),
    Column("must_act", lambda c, r, lang: _labels(c, _actors(c, r, "must-act", lang), lang)),
    Column("addressed", lambda c, r, lang: _labels(c, _actors(c, r, "addressed", lang), lang)),
    Column("themes", lambda c, r, lang: sorted(_labels(c, sorted(r.assigned), lang))),
    Column("due", lambda c, r, lang: r.due),
    Column("status", lambda c, r, lang: strings(lang, "explore")[f"status_{r.status}"]),
)


def table_row(collection: Collection, record: Record, selection: Selection, lang: str, root: str) -> dict[str, Any]:
    """One decision as the page's table shows it."""
    labels = collection.labels
    href = collection.base.local(record.iri)
    e = strings(lang, "explore")

    def link(iri: str) -> dict[str, str]:
        local = collection.base.local(iri)
        return {"href": f"{root}/{local}?lang={lang}" if local is not None else iri, "label": labels.text(iri, lang)}

    return {
        "href": f"{root}/{href}?lang={lang}" if href is not None else record.iri,
        "short": short_label(collection, record, lang),
        "label": labels.text(record.iri, lang),
        "meeting": link(record.meeting) if record.meeting else None,
        "date": record.date,
        "kind": ", ".join(_labels(collection, sorted(record.values("kind")), lang)),
        "text": (record.text_en or record.text_es) if lang == "en" else record.text_es,
        "text_lang": "en" if lang == "en" and record.text_en else "es",
        "roles": [_role(e, role, [link(a) for a in _actors(collection, record, role, lang)]) for role in ROLES],
        "due": record.due,
        "due_class": due_class(record.due, selection.as_of),
        "status": record.status,
    }


def _role(e: dict[str, str], role: str, actors: list[dict[str, str]]) -> dict[str, Any]:
    """The actors of a role as a row shows them: the first five (the decision's page has them all)."""
    return {"name": e[f"role_{role}"], "actors": actors[:SHOWN_ACTORS], "more": len(actors[SHOWN_ACTORS:])}


# --- the facet panel --------------------------------------------------------------------------------


def _value_order(collection: Collection, facet: str, lang: str) -> Callable[[str], Any]:
    if facet in FIXED:
        return lambda v: FIXED[facet].index(v)
    if facet == "theme":
        return lambda v: theme_sort_key(collection, v, lang)
    if facet == "meeting":
        dates = {r.meeting: r.date for r in collection.records}
        return lambda v: (dates.get(v, ""), v)
    return lambda v: natural_key(value_label(collection, facet, v, lang))


def _group_of(collection: Collection, facet: str, value: str) -> str:
    if facet == "theme":
        return collection.theme_scheme.get(value, "")
    if facet == "actor":
        return collection.actor_group.get(value, "organisations")
    return ""


def _group_label(collection: Collection, facet: str, group: str, lang: str) -> str:
    if facet == "actor":
        return strings(lang, "explore")[f"actors_{group}"]
    return collection.labels.text(group, lang) if group else ""


def _group_order(collection: Collection, facet: str, lang: str) -> Callable[[str], Any]:
    if facet == "actor":
        return lambda g: ACTOR_GROUP_ORDER.index(g) if g in ACTOR_GROUP_ORDER else 99
    return lambda g: (-sum(1 for s in collection.theme_scheme.values() if s == g), g)


def facet_panel(
    collection: Collection, selection: Selection, counted: dict[str, Counter[str]], lang: str
) -> list[dict[str, Any]]:
    """Each facet: its name and help, its values with their counts, grouped where the list is long."""
    e = strings(lang, "explore")
    panel = []
    for facet in FACETS:
        chosen = selection.active(facet)
        values = [v for v in known_values(collection, facet) if counted[facet][v] or v in chosen]
        values.sort(key=_value_order(collection, facet, lang))
        groups: dict[str, list[dict[str, Any]]] = {}
        for v in values:
            groups.setdefault(_group_of(collection, facet, v), []).append(
                {
                    "key": url_key(collection, facet, v),
                    "label": value_label(collection, facet, v, lang),
                    "count": counted[facet][v],
                    "checked": v in chosen,
                }
            )
        ordered = sorted(groups, key=_group_order(collection, facet, lang))
        panel.append(
            {
                "key": facet,
                "name": e[f"facet_{facet}"],
                "help": e.get(f"facet_{facet}_help", ""),
                "chosen": len(chosen),
                "size": len(values),
                "groups": [{"label": _group_label(collection, facet, g, lang), "values": groups[g]} for g in ordered],
            }
        )
    return panel


# --- the page and the files ------------------------------------------------------------------------


def _headers(request: Request, selection_key: str, fmt: str, lang: str) -> dict[str, str]:
    version = data_version(get_backend(request))
    etag = etag_for(version, "explore-decisions", selection_key, fmt, lang, dt.date.today().isoformat())
    return cache_headers(etag, vary=PAGE_VARY, version=version)


def _sort_links(root: str, items: list[tuple[str, str]], selection: Selection, lang: str) -> dict[str, str]:
    """For each column, the URL that sorts by it (descending when it is already sorted ascending)."""
    rest = [(k, v) for k, v in items if k != "sort"]
    out = {}
    for column in SORTS:
        flip = column == selection.sort and not selection.descending
        out[column] = f"{root}/explore/decisions?" + urlencode(
            [*rest, ("sort", ("-" if flip else "") + column), ("lang", lang)]
        )
    return out


def _page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page") or 1))
    except ValueError:
        return 1


@router.api_route("/explore", methods=["GET", "HEAD"], include_in_schema=False)
def explore_home(request: Request) -> Response:
    query = request.url.query
    return RedirectResponse(f"{root_of(request)}/explore/decisions" + (f"?{query}" if query else ""), status_code=302)


@router.api_route("/explore/decisions", methods=["GET", "HEAD"], include_in_schema=False)
def decisions_page(request: Request) -> Response:
    lang = pick_lang(request)
    collection = collection_of(request)
    selection, problems = read_selection(request, collection, lang)
    items = selection_items(collection, selection)
    page = _page_number(request)
    headers = _headers(request, urlencode(items) + f"&page={page}", "html", lang)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    root = root_of(request)
    found = sorted_records(collection, narrow(collection.records, selection), selection, lang)
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(page, pages)
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    e = strings(lang, "explore")
    query_string = urlencode(items)
    context = page_context(
        request,
        lang,
        e["title"],
        data_version(get_backend(request)),
        e=e,
        facets=facet_panel(collection, selection, counts(collection.records, selection), lang),
        rows=[table_row(collection, r, selection, lang, root) for r in shown],
        total=len(found),
        all_count=len(collection.records),
        selection=selection,
        chosen=[
            {
                "facet": e[f"facet_{k}"] if k in FACETS else e.get(k, k),
                "label": _chosen_label(collection, k, v, lang),
                "remove": f"{root}/explore/decisions?"
                + urlencode([*[i for i in items if i != (k, v)], ("lang", lang)]),
            }
            for k, v in items
            if k != "sort" and k != "as_of"
        ],
        problems=problems,
        sort_links=_sort_links(root, items, selection, lang),
        downloads={fmt: f"{root}/explore/decisions.{fmt}?" + urlencode([*items, ("lang", lang)]) for fmt in FORMATS},
        clear=f"{root}/explore/decisions?lang={lang}",
        page=page,
        pages=pages,
        previous=f"{root}/explore/decisions?" + urlencode([*items, ("page", page - 1), ("lang", lang)])
        if page > 1
        else "",
        next=f"{root}/explore/decisions?" + urlencode([*items, ("page", page + 1), ("lang", lang)])
        if page < pages
        else "",
        query_string=query_string,
        main_class="wide",
    )
    return render("explore.html", context, headers=headers)


ABOUT_FACETS = ("meeting", "theme", "actor")
ABOUT_ROWS = 30


def decisions_about(request: Request, iri: str, lang: str) -> dict[str, Any] | None:
    """For a meeting, a theme or an actor's page: its decisions with their follow-up (the first
    ``ABOUT_ROWS``), and the explorer narrowed to them; None for any other resource."""
    collection = collection_of(request)
    facet = next((f for f in ABOUT_FACETS if iri in collection.values[f]), None)
    if facet is None:
        return None
    selection = Selection(chosen={facet: frozenset({iri})})
    found = narrow(collection.records, selection)
    root, e = root_of(request), strings(lang, "explore")
    key = url_key(collection, facet, iri)
    return {
        "title": e[f"about_{facet}"],
        "rows": [table_row(collection, r, selection, lang, root) for r in found[:ABOUT_ROWS]],
        "count": len(found),
        "href": f"{root}/explore/decisions?" + urlencode([(facet, key), ("lang", lang)]),
        "more": e["about_all"].format(n=len(found)),
        "e": e,
    }


def _chosen_label(collection: Collection, param: str, value: str, lang: str) -> str:
    if param in IRI_FACETS:
        return collection.labels.text(collection.iri(value), lang)
    if param in FIXED:
        return value_label(collection, param, value, lang)
    return value


def _records_for_file(request: Request, lang: str) -> tuple[Collection, Selection, list[Record], list[Problem]]:
    collection = collection_of(request)
    selection, problems = read_selection(request, collection, lang)
    found = sorted_records(collection, narrow(collection.records, selection), selection, lang)
    return collection, selection, found, problems


def _about(request: Request, collection: Collection, selection: Selection) -> dict[str, Any]:
    items = selection_items(collection, selection)
    selected: dict[str, Any] = {}
    for k, v in items:
        selected.setdefault(k, []).append(v)
    return {
        "selection": selected,
        "data_version": data_version(get_backend(request)),
        "url": f"{root_of(request)}/explore/decisions" + (f"?{urlencode(items)}" if items else ""),
        "as_of": selection.as_of.isoformat(),
    }


@router.api_route("/explore/decisions.{fmt}", methods=["GET", "HEAD"], include_in_schema=False)
def decisions_file(request: Request, fmt: str) -> Response:
    lang = pick_lang(request)
    e = strings(lang, "explore")
    if fmt not in FORMATS:
        return JSONResponse({"error": e["bad_format"].format(value=fmt, formats=", ".join(FORMATS))}, status_code=404)
    collection, selection, found, problems = _records_for_file(request, lang)
    if problems:
        return JSONResponse(
            {
                "error": " ".join(p.message for p in problems),
                "problems": [
                    {
                        "parameter": p.param,
                        "value": p.value,
                        "message": p.message,
                        "did_you_mean": [{"value": k, "label": label} for k, label in p.suggestions],
                    }
                    for p in problems
                ],
            },
            status_code=400,
            headers={"Content-Language": lang},
        )
    items = selection_items(collection, selection)
    headers = _headers(request, urlencode(items), fmt, lang)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    about = _about(request, collection, selection)
    version = about["data_version"] or "unversioned"
    headers["Content-Disposition"] = f'attachment; filename="decisions-{version}.{fmt}"'
    headers["Content-Language"] = lang
    values = [[c.get(collection, r, lang) for c in COLUMNS] for r in found]
    return _file(fmt, about, values, e, headers)


def _file(
    fmt: str, about: dict[str, Any], values: list[list[Any]], e: dict[str, str], headers: dict[str, str]
) -> Response:
    """The view as JSON (with column keys), CSV or XLSX (with column titles in the language asked for)."""
    titles = [e[f"col_{c.key}"] for c in COLUMNS]
    if fmt == "json":
        keys = [c.key for c in COLUMNS]
        rows = [dict(zip(keys, row, strict=True)) for row in values]
        return JSONResponse(
            {**about, "columns": keys, "titles": titles, "count": len(rows), "rows": rows}, headers=headers
        )
    if fmt == "csv":  # the data version and the selection in every row: a CSV has no other place for them
        chosen = urlencode([(k, v) for k, vs in about["selection"].items() for v in vs])
        table = csv_bytes(
            [*titles, "data_version", "selection"], [[*row, about["data_version"], chosen] for row in values]
        )
        return Response(table, media_type="text/csv; charset=utf-8", headers=headers)
    info = [(e["data_version"], about["data_version"]), (e["as_of"], about["as_of"]), (e["address"], about["url"])]
    info += [(e.get(f"facet_{k}", e.get(k, k)), "; ".join(vs)) for k, vs in about["selection"].items()]
    wide = (e["col_text_es"], e["col_text_en"])
    book = xlsx_bytes(e["sheet_decisions"], titles, values, e["sheet_about"], info, wide)
    return Response(book, media_type=XLSX, headers=headers)
