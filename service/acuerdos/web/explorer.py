"""/explore/decisions: the decisions narrowed by facets, counted, sorted, and downloaded as they are shown.

The page is a GET form: the URL holds the whole selection (``conference``, ``year``, ``meeting``,
``kind``, ``theme``, ``basis``, ``actor``, ``role``, ``due``, ``status``, each repeatable, with
IRIs written as their CURIE, ``acu:Agreement``, or their path under the base, ``state/MX``;
``due_from``, ``due_to`` and ``as_of`` dates; ``q`` text; ``sort``, a column, ``-`` first for
descending; ``page``, the page of ``PAGE_SIZE`` items shown; ``more``, repeatable, a facet shown
whole), so a view is shared, cited and bookmarked by its address. A facet with many values (the
meetings of a large record run to thousands) shows the ``FACET_TOP`` with the most items and every
value chosen, and a link to show it whole. It works without JavaScript (a small script only submits
the form when a box is ticked on a wide screen and filters long lists as one types); on a narrow
screen the facets fold under one "Filters" line above the results. The same address with ``.csv``
(UTF-8 with a byte-order mark, so that Excel reads the accents), ``.xlsx`` or ``.json`` downloads
every decision of the view (all its pages, whatever facets are shown whole), with the selection and
the data version in the file.

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
from .deps import data_version, get_backend, kept_value, root_of
from .explorer_url import (
    DECISIONS,
    View,
    known_values,
    read_selection,
    selection_items,
    url_key,
    value_label,
)
from .facets import (
    ACTOR_GROUP_ORDER,
    ROLES,
    Collection,
    Record,
    Selection,
    due_class,
    narrow,
    sorted_records,
    theme_sort_key,
)
from .i18n import number, pick_lang, strings
from .labels import natural_key
from .rendering import PAGE_VARY, page_context, render
from .spreadsheets import csv_bytes, xlsx_bytes

router = APIRouter()

PAGE_SIZE = 20  # a phone scrolls through 20 cards in a few screens; the files hold every item
PAGE_LINKS = 2  # page numbers shown on each side of the current one
SHOWN_ACTORS = 5
FACET_TOP = 12  # the values a long facet shows (the most frequent): a column of checkboxes one can read
FACET_MARGIN = 6  # a facet with at most FACET_TOP + FACET_MARGIN values shows them all
FORMATS = ("csv", "xlsx", "json")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def collection_of(request: Request) -> Collection:
    value: Collection = kept_value(request, "explorer")
    return value


def with_landing_counts(collection: Collection, view: View) -> Collection:
    """The collection with the facet counts of its first page (nothing chosen) made and kept: the
    page most visitors open, which at a million triples takes a second to count."""
    collection.counted(Selection(chosen={}), view.groups)
    return collection


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
    get: Callable[[Collection[Any], Any, str], Any]  # the value in a file: text, or a list of texts


def _labels(collection: Collection, iris: Sequence[str], lang: str) -> list[str]:
    return [collection.labels.text(i, lang) for i in iris]


COLUMNS: tuple[Column, ...] = (
    Column("decision", lambda c, r, lang: r.iri),
    Column("label", lambda c, r, lang: c.labels.text(r.iri, lang)),
    Column("kind", lambda c, r, lang: _labels(c, sorted(r.values("kind")), lang)),
    Column("category", lambda c, r, lang: _labels(c, sorted(r.values("category")), lang)),
    Column("number", lambda c, r, lang: r.number),
    Column("meeting", lambda c, r, lang: r.meeting),
    Column("meeting_label", lambda c, r, lang: c.labels.text(r.meeting, lang)),
    Column("date", lambda c, r, lang: r.when),
    Column("conference", lambda c, r, lang: _labels(c, sorted(r.values("conference")), lang)),
    Column("text_es", lambda c, r, lang: r.text_es),
    Column("text_en", lambda c, r, lang: r.text_en),
    Column("must_act", lambda c, r, lang: _labels(c, _actors(c, r, "must-act", lang), lang)),
    Column("addressed", lambda c, r, lang: _labels(c, _actors(c, r, "addressed", lang), lang)),
    Column("themes", lambda c, r, lang: sorted(_labels(c, sorted(r.assigned), lang))),
    Column("due", lambda c, r, lang: r.due),
    Column("status", lambda c, r, lang: strings(lang, "explore")[f"status_{r.status}"]),
    Column("follow_up_links", lambda c, r, lang: [f"{k} ({b})" if b else k for k, b in _follow_ups(c, r, lang)]),
)


def _follow_ups(collection: Collection, record: Record, lang: str) -> list[tuple[str, str]]:
    """The kinds of the decision's follow-up links, each with its basis, as labels."""
    return sorted(
        (collection.labels.text(kind, lang), collection.labels.text(basis, lang) if basis else "")
        for kind, basis in record.tuples.get("followup", ())
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
        "date": record.when,
        "kind": ", ".join(_labels(collection, sorted(record.values("kind")), lang)),
        "text": (record.text_en or record.text_es) if lang == "en" else record.text_es,
        "text_lang": "en" if lang == "en" and record.text_en else "es",
        "roles": [_role(e, role, [link(a) for a in _actors(collection, record, role, lang)]) for role in ROLES],
        "due": record.due,
        "due_class": due_class(record.due, selection.as_of),
        "status": record.status,
        "category": ", ".join(_labels(collection, sorted(record.values("category")), lang)),
        "follow_ups": _follow_ups(collection, record, lang),
    }


def _role(e: dict[str, str], role: str, actors: list[dict[str, str]]) -> dict[str, Any]:
    """The actors of a role as a row shows them: the first five (the decision's page has them all)."""
    return {"name": e[f"role_{role}"], "actors": actors[:SHOWN_ACTORS], "more": len(actors[SHOWN_ACTORS:])}


# --- the facet panel --------------------------------------------------------------------------------

ACTOR_FACETS = ("actor", "participant")  # grouped by the kind of agent


def _value_order(collection: Collection[Any], facet: str, lang: str, view: View) -> Callable[[str], Any]:
    if facet in view.fixed:
        return lambda v: view.fixed[facet].index(v)
    if facet == "theme":
        return lambda v: theme_sort_key(collection, v, lang)
    if facet == "meeting":
        dates = {r.meeting: r.date for r in collection.records}
        return lambda v: (dates.get(v, ""), v)
    return lambda v: natural_key(value_label(collection, facet, v, lang, view))


def _group_of(collection: Collection[Any], facet: str, value: str) -> str:
    if facet == "theme":
        return collection.theme_scheme.get(value, "")
    if facet in ACTOR_FACETS:
        return collection.actor_group.get(value, "organisations")
    return ""


def _group_label(collection: Collection[Any], facet: str, group: str, lang: str) -> str:
    if not group:  # no scheme, or a folded facet: one flat list
        return ""
    if facet in ACTOR_FACETS:
        return strings(lang, "explore")[f"actors_{group}"]
    return collection.labels.text(group, lang)


def _group_order(collection: Collection[Any], facet: str) -> Callable[[str], Any]:
    if facet in ACTOR_FACETS:
        return lambda g: ACTOR_GROUP_ORDER.index(g) if g in ACTOR_GROUP_ORDER else 99
    return lambda g: (-sum(1 for s in collection.theme_scheme.values() if s == g), g)


def top_values(values: Sequence[str], count: Counter[str], chosen: frozenset[str], top: int) -> list[str]:
    """The ``top`` values with the most items (ties in the order of ``values``), then every chosen
    value they leave out: a choice never drops out of sight. Ordered by count, most first."""
    ranked = sorted(values, key=lambda v: -count[v])  # a stable sort: ties keep the facet's order
    kept = set(ranked[:top]) | set(chosen)
    return [v for v in ranked if v in kept]


def facet_panel(
    collection: Collection[Any],
    selection: Selection,
    counted: dict[str, Counter[str]],
    lang: str,
    view: View,
    unfolded: frozenset[str] = frozenset(),
    top: int = FACET_TOP,
) -> list[dict[str, Any]]:
    """Each facet: its name and help, its values with their counts, grouped where the list is long.
    A facet with more than ``top`` + ``FACET_MARGIN`` values shows its ``top`` (and what is chosen),
    flat, by count, unless it is ``unfolded``: then it shows them all, as a short facet does."""
    e = strings(lang, "explore")
    panel = []
    for facet in view.facets:
        chosen = selection.active(facet)
        values = [v for v in known_values(collection, facet, view) if counted[facet][v] or v in chosen]
        value_order, group_order = _value_order(collection, facet, lang, view), _group_order(collection, facet)
        values.sort(key=lambda v: (group_order(_group_of(collection, facet, v)), value_order(v)))  # as shown whole
        foldable = len(values) > top + FACET_MARGIN
        folded = foldable and facet not in unfolded
        shown = top_values(values, counted[facet], chosen, top) if folded else values
        groups: dict[str, list[dict[str, Any]]] = {}
        for v in shown:
            groups.setdefault("" if folded else _group_of(collection, facet, v), []).append(
                {
                    "key": url_key(collection, facet, v, view),
                    "label": value_label(collection, facet, v, lang, view),
                    "count": counted[facet][v],
                    "checked": v in chosen,
                }
            )
        ordered = sorted(groups, key=group_order)
        name = view.facet_name(facet, lang)
        size = number(len(values), lang)
        panel.append(
            {
                "key": facet,
                "name": name,
                "help": e.get(f"{view.name}_facet_{facet}_help") or e.get(f"facet_{facet}_help", ""),
                "chosen": len(chosen),
                "size": len(values),
                "folded": folded,
                "foldable": foldable,
                "toggle": e["show_all" if folded else "show_top"].format(n=size, top=top),
                "toggle_label": e["show_all_label" if folded else "show_top_label"].format(facet=name, n=size, top=top),
                "groups": [{"label": _group_label(collection, facet, g, lang), "values": groups[g]} for g in ordered],
            }
        )
    return panel


def unfolded_facets(request: Request, view: View) -> frozenset[str]:
    """The facets the address asks to show whole (``more``, repeatable); other words are ignored."""
    return frozenset(f for f in request.query_params.getlist("more") if f in view.groups)


# --- the page and the files ------------------------------------------------------------------------


def _headers(request: Request, view: View, selection_key: str, fmt: str, lang: str) -> dict[str, str]:
    version = data_version(get_backend(request))
    etag = etag_for(version, f"explore-{view.name}", selection_key, fmt, lang, dt.date.today().isoformat())
    return cache_headers(etag, vary=PAGE_VARY, version=version)


def _page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page") or 1))
    except ValueError:
        return 1


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page numbers a pager links: the first, the last and ``PAGE_LINKS`` on each side of ``page``,
    None ("…") where two or more numbers are left out (one left out is shown: "…" would take its place)."""
    near = range(max(1, page - PAGE_LINKS), min(pages, page + PAGE_LINKS) + 1)
    out: list[int | None] = []
    previous = 0
    for n in sorted({1, pages, *near}):
        if n - previous == 2:
            out.append(n - 1)
        elif n - previous > 2:
            out.append(None)
        out.append(n)
        previous = n
    return out


def _chosen_label(collection: Collection[Any], param: str, value: str, lang: str, view: View) -> str:
    if param in view.iri_facets:
        return collection.labels.text(collection.iri(value), lang)
    if param in view.fixed:
        return value_label(collection, param, value, lang, view)
    return value


def explorer_page(
    request: Request,
    view: View,
    collection: Collection[Any],
    order: Callable[[list[Any], Selection], list[Any]],
    row: Callable[[Any, Selection], dict[str, Any]],
) -> Response:
    """An explorer's page: the facets with their counts, the items the selection keeps in the order
    asked for (``order``), a page of them as table rows (``row``), links to sort, page and download."""
    lang = pick_lang(request)
    selection, problems = read_selection(request, collection, lang, view)
    items = selection_items(collection, selection, view)
    page = _page_number(request)
    unfolded = unfolded_facets(request, view)
    shown_whole = [("more", f) for f in view.facets if f in unfolded]
    headers = _headers(request, view, urlencode([*items, *shown_whole]) + f"&page={page}", "html", lang)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    here = f"{root_of(request)}/explore/{view.name}"
    found = order(narrow(collection.records, selection, view.groups), selection)
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(page, pages)
    e = strings(lang, "explore")

    def address(
        *extra: tuple[str, Any],
        without: tuple[str, str] | None = None,
        keep_sort: bool = True,
        whole: frozenset[str] = unfolded,
    ) -> str:
        """The view's address, changed; it keeps the facets shown whole (``whole``)."""
        kept = [i for i in items if i != without and (keep_sort or i[0] != "sort")]
        more = [("more", f) for f in view.facets if f in whole]
        return f"{here}?" + urlencode([*kept, *extra, *more, ("lang", lang)])

    def page_address(n: int) -> str:  # page 1 is the view's own address
        return address(("page", n)) if n > 1 else address()

    chosen = [
        {
            "facet": view.facet_name(k, lang) if k in view.groups else e.get(k, k),
            "label": _chosen_label(collection, k, v, lang, view),
            "remove": address(without=(k, v)),
        }
        for k, v in items
        if k not in ("sort", "as_of")
    ]

    counted = collection.counted(selection, view.groups)
    facets = facet_panel(collection, selection, counted, lang, view, unfolded)
    for f in facets:  # the link that shows a long facet whole, or its top values again, and comes back to it
        if f["foldable"]:
            f["toggle_href"] = address(whole=unfolded ^ {f["key"]}) + f"#facet-{f['key']}"

    context = page_context(
        request,
        lang,
        e[f"{view.name}_title"],
        data_version(get_backend(request)),
        e=e,
        view=view.name,
        facets=facets,
        unfolded=[f for _, f in shown_whole],
        rows=[row(r, selection) for r in found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]],
        total=len(found),
        all_count=len(collection.records),
        selection=selection,
        chosen=chosen,
        problems=problems,
        sort_links={
            column: address(
                ("sort", ("-" if column == selection.sort and not selection.descending else "") + column),
                keep_sort=False,
            )
            for column in view.sorts
        },
        downloads={fmt: f"{here}.{fmt}?" + urlencode([*items, ("lang", lang)]) for fmt in FORMATS},
        clear=f"{here}?lang={lang}",
        page=page,
        pages=pages,
        first=(page - 1) * PAGE_SIZE + 1,
        last=min(page * PAGE_SIZE, len(found)),
        previous=page_address(page - 1) if page > 1 else "",
        next=page_address(page + 1) if page < pages else "",
        page_links=[(n, page_address(n) if n else "") for n in page_numbers(page, pages)],
        query_string=urlencode(items),
        main_class="wide",
    )
    return render(f"explore_{view.name}.html", context, headers=headers)


@router.api_route("/explore", methods=["GET", "HEAD"], include_in_schema=False)
def explore_home(request: Request) -> Response:
    query = request.url.query
    return RedirectResponse(f"{root_of(request)}/explore/decisions" + (f"?{query}" if query else ""), status_code=302)


@router.api_route("/explore/decisions", methods=["GET", "HEAD"], include_in_schema=False)
def decisions_page(request: Request) -> Response:
    lang, root = pick_lang(request), root_of(request)
    collection = collection_of(request)
    return explorer_page(
        request,
        DECISIONS,
        collection,
        lambda found, selection: sorted_records(collection, found, selection, lang),
        lambda record, selection: table_row(collection, record, selection, lang, root),
    )


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
    found = collection.having(facet, iri)  # = narrow(collection.records, selection)
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


def _about(request: Request, view: View, collection: Collection[Any], selection: Selection) -> dict[str, Any]:
    items = selection_items(collection, selection, view)
    selected: dict[str, Any] = {}
    for k, v in items:
        selected.setdefault(k, []).append(v)
    return {
        "selection": selected,
        "data_version": data_version(get_backend(request)),
        "url": f"{root_of(request)}/explore/{view.name}" + (f"?{urlencode(items)}" if items else ""),
        "as_of": selection.as_of.isoformat(),
    }


def explorer_file(
    request: Request,
    view: View,
    fmt: str,
    collection: Collection[Any],
    order: Callable[[list[Any], Selection], list[Any]],
    columns: Sequence[Column],
) -> Response:
    """Every item of an explorer's view as JSON (with column keys), CSV or XLSX (with column titles in
    the language asked for), the selection and the data version in the file; 400 naming what cannot
    be applied."""
    lang = pick_lang(request)
    e = strings(lang, "explore")
    if fmt not in FORMATS:
        return JSONResponse({"error": e["bad_format"].format(value=fmt, formats=", ".join(FORMATS))}, status_code=404)
    selection, problems = read_selection(request, collection, lang, view)
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
    headers = _headers(request, view, urlencode(selection_items(collection, selection, view)), fmt, lang)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    about = _about(request, view, collection, selection)
    headers["Content-Disposition"] = (
        f'attachment; filename="{view.name}-{about["data_version"] or "unversioned"}.{fmt}"'
    )
    headers["Content-Language"] = lang
    found = order(narrow(collection.records, selection, view.groups), selection)
    values = [[c.get(collection, r, lang) for c in columns] for r in found]
    titles = [e.get(f"{view.name}_col_{c.key}") or e[f"col_{c.key}"] for c in columns]
    if fmt == "json":
        keys = [c.key for c in columns]
        rows = [dict(zip(keys, row, strict=True)) for row in values]
        body = {**about, "columns": keys, "titles": titles, "count": len(rows), "rows": rows}
        return JSONResponse(body, headers=headers)
    if fmt == "csv":  # the data version and the selection in every row: a CSV has no other place for them
        chosen = urlencode([(k, v) for k, vs in about["selection"].items() for v in vs])
        lines = [[*row, about["data_version"], chosen] for row in values]
        table = csv_bytes([*titles, "data_version", "selection"], lines)
        return Response(table, media_type="text/csv; charset=utf-8", headers=headers)
    info = [(e["data_version"], about["data_version"]), (e["as_of"], about["as_of"]), (e["address"], about["url"])]
    info += [
        (view.facet_name(k, lang) if k in view.groups else e.get(k, k), "; ".join(vs))
        for k, vs in about["selection"].items()
    ]
    wide = (e["col_text_es"], e["col_text_en"])
    book = xlsx_bytes(e[f"sheet_{view.name}"], titles, values, e["sheet_about"], info, wide)
    return Response(book, media_type=XLSX, headers=headers)


@router.api_route("/explore/decisions.{fmt}", methods=["GET", "HEAD"], include_in_schema=False)
def decisions_file(request: Request, fmt: str) -> Response:
    collection, lang = collection_of(request), pick_lang(request)
    return explorer_file(
        request,
        DECISIONS,
        fmt,
        collection,
        lambda found, selection: sorted_records(collection, found, selection, lang),
        COLUMNS,
    )
