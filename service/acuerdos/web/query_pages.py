"""The HTML of /queries: the list of questions, and a question's page (form, answer table, links).

A question's page has a form built from the parameter specs (drop-downs where the query supplies
the choices, from the registry's option lists), the answer as a table whose IRIs link to their
pages (with the label the query gives them), pagination, download links, the parameters and data
version to cite, and the query text as it runs on /sparql.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import Response
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import UserError
from ..namespaces import CURIES
from ..queries import NamedQuery, Registry
from .deps import data_version, get_backend, root_of
from .i18n import strings
from .rendering import PAGE_VARY, Links, links_of, page_context, render
from .search import closest

log = logging.getLogger("acuerdos.web.queries")

DEFAULT_LIMIT = 100
MAX_LIMIT = 10000  # rows per page, at most (and at most the store's row limit)
MAX_OFFSET = 999_999_999
LIMIT_CHOICES = (25, 100, 500, 1000)
_NUMERIC = (XSD.integer, XSD.decimal, XSD.double, XSD.int, XSD.long)


@dataclass
class Answer:
    """One page of an answer, with the links to the next and previous pages and to itself."""

    rows: list[dict[str, Node]]
    variables: list[str]
    next_link: str | None
    prev_link: str | None
    canonical: str


def canonical_items(
    query: NamedQuery,
    params: Mapping[str, list[str]],
    lang: str,
    limit: int | None = None,
    offset: int | None = None,
    fmt: str | None = None,
) -> list[tuple[str, str]]:
    """Query-string items in a fixed order (declared parameters, then lang, limit, offset, format)."""
    items = [(name, value) for name in query.params for value in params.get(name, [])]
    items.append(("lang", lang))
    if limit is not None and limit != DEFAULT_LIMIT:
        items.append(("limit", str(limit)))
    if offset:
        items.append(("offset", str(offset)))
    if fmt:
        items.append(("format", fmt))
    return items


def _label_var(var: str, variables: Sequence[str]) -> str | None:
    if f"{var}_label" in variables:
        return f"{var}_label"
    if var == "value" and "label" in variables:
        return "label"
    return None


def _cell(term: Node | None, label: Node | None, links: Links) -> dict[str, Any]:
    cell: dict[str, Any] = {"text": "", "href": None, "lang": "", "num": False, "iri": None}
    if isinstance(term, URIRef):
        local = links.base.local(str(term))
        shown = local if local is not None else CURIES.shorten(str(term))
        cell.update(text=str(label) if label is not None else shown, href=links.href(str(term)), iri=str(term))
        if isinstance(label, Literal) and label.language:
            cell["lang"] = label.language
    elif isinstance(term, Literal):
        cell.update(text=str(term), lang=term.language or "", num=term.datatype in _NUMERIC)
    elif isinstance(term, BNode):
        cell.update(text="[…]")
    cell["wide"] = len(cell["text"]) > 80
    return cell


def table_model(rows: Sequence[Mapping[str, Node]], variables: Sequence[str], links: Links) -> dict[str, Any]:
    """The answer as a table: a column per variable but the labels, which are shown in their IRI's cell."""
    label_vars = {v: _label_var(v, variables) for v in variables}
    hidden = {lv for lv in label_vars.values() if lv}
    columns = [v for v in variables if v not in hidden]
    body = [[_cell(row.get(var), row.get(label_vars[var] or ""), links) for var in columns] for row in rows]
    return {"columns": columns, "rows": body}


def column_titles(columns: Sequence[str], lang: str) -> list[dict[str, str]]:
    """The table's headers: each variable's human name in the language, the variable kept as a hint."""
    return [{"name": c, "label": name_label(c, lang)} for c in columns]


def _choices(
    registry: Registry, query: NamedQuery, name: str, request: Request, lang: str
) -> list[tuple[str, str, str]]:
    try:
        return registry.grouped_options(query, name, get_backend(request), lang=lang)
    except UserError as exc:  # a form without choices still works: the value is typed
        log.warning("options of %s.%s: %s", query.name, name, exc)
        return []


GROUPED = 12  # a list of more choices than this is shown in groups, with a box to filter it as one types
LISTED = 400  # a list of more choices than this is no list: the value is typed, and what it names is matched
SUGGESTED = 8  # the closest choices offered for a typed value that is none of them


def name_label(name: str, lang: str) -> str:
    """A variable's or a parameter's human name ("decision_label" → "Decision"), in the language."""
    names = strings(lang, "names")
    return names.get(name) or names.get(name.removesuffix("_label")) or name.replace("_", " ").capitalize()


def _choice_field(field: dict[str, Any], choices: list[tuple[str, str, str]], values: list[str]) -> None:
    """The choices of a field: grouped when there are many; a value that is none of them is kept
    (shown first, as typed) and the closest choices are offered for it."""
    known = {v for v, _label, _group in choices}
    unknown = [v for v in values if v not in known]
    field["suggestions"] = [
        {"value": v, "label": label}
        for typed in unknown
        for v, label in closest(
            typed.rstrip("/").rsplit("/", 1)[-1],
            [(v, label) for v, label, _group in choices],
            n=SUGGESTED if len(choices) > LISTED else 3,
        )
    ]
    if len(choices) > LISTED:  # a list no one scrolls (at 1M, 2,574 meetings): the value is typed, names are matched
        field["choices"], field["listed"] = None, len(choices)
        return
    groups: dict[str, list[dict[str, Any]]] = {}
    for value, label, group in choices:
        groups.setdefault(group if len(choices) > GROUPED else "", []).append(
            {"value": value, "label": label, "selected": value in values}
        )
    field["choices"] = [{"value": v, "label": v, "selected": True} for v in unknown]
    field["groups"] = [{"label": g, "choices": cs} for g, cs in groups.items()]
    field["long"] = len(choices) > GROUPED


def _suggestion_links(
    root: str, query: NamedQuery, params: Mapping[str, list[str]], fields: list[dict[str, Any]], lang: str
) -> dict[str, dict[str, str]]:
    """For each value a field suggests, the address of the question with that value instead."""
    out: dict[str, dict[str, str]] = {}
    for field in fields:
        kept = [(n, v) for n, values in params.items() if n != field["name"] and n in query.params for v in values]
        for s in field.get("suggestions", []):
            items = [*kept, (field["name"], s["value"]), ("lang", lang)]
            out.setdefault(field["name"], {})[s["value"]] = f"{root}/queries/{query.name}?" + urlencode(items)
    return out


def form_model(
    request: Request, registry: Registry, query: NamedQuery, params: Mapping[str, list[str]], lang: str
) -> list[dict[str, Any]]:
    q = strings(lang, "queries")
    fields = []
    for name, param in query.params.items():
        values = list(params.get(name, []))
        described = (param.description_es if lang == "es" else param.description) or param.description
        field: dict[str, Any] = {
            "name": name,
            "label": name_label(name, lang),
            "type": param.type,
            "multiple": param.multiple,
            "required": param.required,
            "description": described or param.description_es,
            "values": values,
            "choices": None,
            "type_label": q.get(f"type_{param.type}", param.type),
            "example": ", ".join(param.example),
            "classes": [CURIES.shorten(c) for c in param.classes],
        }
        if param.type == "boolean":
            field["checked"] = (values or list(param.default) or ["false"])[-1] == "true"
        elif param.options:
            _choice_field(field, _choices(registry, query, name, request, lang), values)
        elif param.multiple:
            field["inputs"] = values + [""] * max(1, 3 - len(values))
        fields.append(field)
    return fields


def _downloads(root: str, name: str, items: list[tuple[str, str]]) -> list[dict[str, str]]:
    query = urlencode(items)
    return [
        {"label": "JSON", "href": f"{root}/queries/{name}.json?{query}"},
        {"label": "CSV", "href": f"{root}/queries/{name}.csv?{query}"},
        {"label": "SPARQL JSON", "href": f"{root}/queries/{name}.srj?{query}"},
    ]


def query_page(
    request: Request,
    registry: Registry,
    query: NamedQuery,
    params: Mapping[str, list[str]],
    lang: str,
    limit: int,
    offset: int,
    answer: Answer | None,
    error: str | None = None,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """A question's page: the form, and the answer (or what was wrong with the request)."""
    root, name = root_of(request), query.name
    table = table_model(answer.rows, answer.variables, links_of(request)) if answer is not None else None
    downloads = _downloads(root, name, canonical_items(query, params, lang, limit, offset)) if answer else []
    version = data_version(get_backend(request)) if status < 500 else ""
    fields = form_model(request, registry, query, params, lang)
    context = page_context(
        request,
        lang,
        query.title_in(lang),
        version,
        q=strings(lang, "queries"),
        query=query,
        query_iri=links_of(request).base.path(f"queries/{name}"),
        query_title=query.title_in(lang),
        description=query.description_in(lang),
        main_class="wide",
        fields=fields,
        suggestion_links=_suggestion_links(root, query, params, fields, lang),
        limit=limit,
        offset=offset,
        limit_choices=sorted(set(LIMIT_CHOICES) | {limit}),
        table=table,
        titles=column_titles(table["columns"], lang) if table else [],
        error=error,
        downloads=downloads,
        next_link=answer.next_link if answer else None,
        prev_link=answer.prev_link if answer else None,
        canonical_link=answer.canonical if answer else None,
        params_shown=[(n, ", ".join(v)) for n, v in params.items() if n in query.params],
        first=offset + 1,
        last=offset + (len(table["rows"]) if table else 0),
        sparql=query.body,
        description_href=f"{root}/queries/{name}.ttl",
        rq_href=f"{root}/queries/{name}.rq",
        alternates=[
            {"type": "application/json", "href": f"{root}/queries/{name}.json"},
            {"type": "text/csv", "href": f"{root}/queries/{name}.csv"},
            {"type": "text/turtle", "href": f"{root}/queries/{name}.ttl"},
        ],
    )
    out_headers = dict(headers or {"Vary": PAGE_VARY, "Cache-Control": "no-cache"})
    return render("query.html", context, status=status, headers=out_headers)


def example_items(query: NamedQuery) -> list[tuple[str, str]]:
    return [(k, v) for k, values in query.example.items() for v in values]


def list_model(registry: Registry, links: Links, lang: str, absolute: str = "") -> list[dict[str, Any]]:
    """Every query with its title, parameters and example (the list page and its JSON)."""
    out = []
    root = links.root
    for query in registry:
        example = urlencode([*example_items(query), ("lang", lang)])
        out.append(
            {
                "name": query.name,
                "iri": links.base.path(f"queries/{query.name}"),
                "title": query.title_in(lang),
                "title_en": query.title,
                "title_es": query.title_es,
                "description": query.description_in(lang),
                "tags": query.tags,
                "params": [p.to_dict() for p in query.params.values()],
                "href": f"{root}/queries/{query.name}",
                "url": f"{absolute}{root}/queries/{query.name}",
                "example": f"{absolute}{root}/queries/{query.name}?{example}",
                "example_href": f"{root}/queries/{query.name}?{example}",
                "variables": query.variables,
            }
        )
    return out


def list_page(
    request: Request, items: list[dict[str, Any]], lang: str, version: str, headers: Mapping[str, str]
) -> Response:
    root, q = root_of(request), strings(lang, "queries")
    context = page_context(
        request,
        lang,
        q["queries_title"],
        version,
        q=q,
        items=items,
        ttl_href=f"{root}/queries.ttl",
        alternates=[
            {"type": "application/json", "href": f"{root}/queries?format=json"},
            {"type": "text/turtle", "href": f"{root}/queries.ttl"},
        ],
    )
    return render("queries.html", context, headers=headers)
