"""/queries: every named query of `queries/` as an endpoint.

- `GET /queries` lists them (JSON by default, HTML for browsers, Turtle: the SHACL executables).
- `GET /queries/{name}` answers one: JSON (the default), CSV, or an HTML page with a form built
  from the parameter specs (drop-downs where a query supplies the choices), the results as a
  table with links, pagination and download links. Chosen by `format` (json, csv, html), by
  extension (`/queries/{name}.csv`…), or by Accept. `.rq` gives the query text, `.ttl` (or
  Accept: text/turtle) its description as a SHACL SPARQL executable.
- Parameters are validated and bound as typed RDF terms by the registry (`acuerdos.queries`):
  nothing a user types is pasted into query text. `lang` (es or en; default from
  Accept-Language) picks the language of labels; `limit` and `offset` page through the rows,
  with stable links (parameters in a fixed order) to the previous and next pages.
- Every answer is citable: it carries the query's IRI, the parameters, and the data version,
  which is also in the ETag (with the parameters and the format), so a repeated request is
  answered 304 Not Modified and no cache (Cache-Control: no-cache) serves an answer from older
  data.
- Each query is its own operation in the OpenAPI document, with its parameters and an example.
"""
from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..config import Paths, rebase_iri, rebase_text
from ..errors import UserError
from ..queries import DEFAULT_LANG, LANGS, NamedQuery, Registry, expand_iri, load_registry, to_sparql_json
from ..sparql.errors import ApiError
from .linked_data import (
    RDF_BY_EXTENSION, RDF_BY_KEY, Data, cache_headers, curie, data_of, etag_for, get_and_head,
    href_for, lang_from_header, matches_etag, negotiate, not_found_page, not_modified, page_context,
    rdf_response, render, root_of,
)

log = logging.getLogger("acuerdos.web.queries")

DEFAULT_LIMIT = 100
LIMIT_CHOICES = (25, 100, 500, 1000)
RESERVED = ("lang", "limit", "offset", "format")

QUERY_UI = {
    "en": {
        "queries_title": "Questions the graph answers", "queries_lead":
        "Each question is a SPARQL query kept in the repository. Fill in its form, or call it as an API: it answers in JSON (the default), CSV or HTML, and every answer names the query, its parameters and the version of the data.",
        "parameters": "Parameters", "example": "Example answer", "run": "Show the answer", "results": "Answer",
        "rows": "rows", "no_rows": "No rows.", "next": "Next page", "previous": "Previous page",
        "download": "Download", "cite": "Cite this answer", "query_iri": "Query", "data_version": "Data version",
        "params_used": "Parameters", "any": "— any —", "limit": "Rows per page", "language": "Language of labels",
        "query_text": "SPARQL", "view_query": "The query (runs as it is on the SPARQL endpoint)",
        "showing": "Rows {first}–{last}", "required": "required", "one_per_line": "one value per field",
        "error": "The parameters are not right", "api": "As an API", "tags": "Tags",
        "description": "Description", "all_queries": "All questions", "open": "Open",
        "example_link": "example", "sparql_users": "For SPARQL users: the queries are also in the graph as SHACL SPARQL executables",
        "type_iri": "IRI", "type_string": "text", "type_date": "date (yyyy-mm-dd)", "type_integer": "integer",
        "type_boolean": "true or false", "type_lang": "language",
    },
    "es": {
        "queries_title": "Preguntas que responde el grafo", "queries_lead":
        "Cada pregunta es una consulta SPARQL guardada en el repositorio. Complete su formulario o llámela como API: responde en JSON (por defecto), CSV o HTML, y cada respuesta indica la consulta, sus parámetros y la versión de los datos.",
        "parameters": "Parámetros", "example": "Respuesta de ejemplo", "run": "Ver la respuesta", "results": "Respuesta",
        "rows": "filas", "no_rows": "Ninguna fila.", "next": "Página siguiente", "previous": "Página anterior",
        "download": "Descargar", "cite": "Citar esta respuesta", "query_iri": "Consulta", "data_version": "Versión de los datos",
        "params_used": "Parámetros", "any": "— cualquiera —", "limit": "Filas por página", "language": "Idioma de las etiquetas",
        "query_text": "SPARQL", "view_query": "La consulta (funciona tal cual en el punto de acceso SPARQL)",
        "showing": "Filas {first}–{last}", "required": "obligatorio", "one_per_line": "un valor por campo",
        "error": "Los parámetros no son correctos", "api": "Como API", "tags": "Etiquetas",
        "description": "Descripción", "all_queries": "Todas las preguntas", "open": "Abrir",
        "example_link": "ejemplo", "sparql_users": "Para usuarios de SPARQL: las consultas están también en el grafo como ejecutables SPARQL de SHACL",
        "type_iri": "IRI", "type_string": "texto", "type_date": "fecha (aaaa-mm-dd)", "type_integer": "número entero",
        "type_boolean": "verdadero o falso", "type_lang": "idioma",
    },
}


def q_for(lang: str) -> dict[str, str]:
    return QUERY_UI.get(lang, QUERY_UI["en"])


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

_STATE: dict[str, Any] = {"registry": None, "error": None}


def load(paths: Paths | None = None) -> Registry | None:
    """Load the queries of `queries/` once; a broken file is logged and reported by /queries."""
    try:
        _STATE["registry"] = load_registry((paths or Paths()).queries)
        _STATE["error"] = None
    except UserError as exc:
        _STATE["registry"] = None
        _STATE["error"] = str(exc)
        log.error("named queries not loaded: %s", exc)
    return _STATE["registry"]


def registry_of(request: Request | None) -> Registry | None:
    if request is not None:
        registry = getattr(request.app.state, "registry", None)
        if registry is not None:
            return registry
    if _STATE["registry"] is None and _STATE["error"] is None:
        load()
    return _STATE["registry"]


def query_iri(data: Data, name: str) -> str:
    return f"{data.base}queries/{name}"


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

def _given(request: Request, query: NamedQuery) -> dict[str, list[str]]:
    """The query's own parameters from the query string (unknown names kept, for the registry to reject)."""
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key in RESERVED:
            continue
        out.setdefault(key, []).append(value)
    return out


def _lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked is not None:
        return asked.strip().lower()
    return lang_from_header(request.headers.get("accept-language"))


def _page(request: Request, cap: int) -> tuple[int, int]:
    def number(name: str, default: int) -> int:
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        if not re.fullmatch(r"\d{1,9}", raw.strip()):
            raise UserError(f"must be a whole number, not {raw!r}", where=f"parameter {name!r}")
        return int(raw.strip())

    limit = number("limit", DEFAULT_LIMIT)
    offset = number("offset", 0)
    if limit < 1:
        raise UserError("must be at least 1", where="parameter 'limit'")
    return min(limit, cap), offset


def effective_params(query: NamedQuery, given: Mapping[str, list[str]], base: str | None = None) -> dict[str, list[str]]:
    """What the answer was computed with: the values given, else the defaults (empty values dropped);
    IRIs written out in full under the configured base, as the registry binds them."""
    out: dict[str, list[str]] = {}
    for name, param in query.params.items():
        values = [v for v in given.get(name, []) if v.strip()]
        if not values:
            values = list(param.default)
        if param.type == "iri" and base:
            values = [rebase_iri(expand_iri(v, base), base) for v in values]
        if values:
            out[name] = values
    return out


def canonical_items(query: NamedQuery, params: Mapping[str, list[str]], lang: str, limit: int | None = None,
                    offset: int | None = None, fmt: str | None = None) -> list[tuple[str, str]]:
    """Query-string items in a fixed order (declared parameters, then lang, limit, offset, format)."""
    items: list[tuple[str, str]] = []
    for name in query.params:
        for value in params.get(name, []):
            items.append((name, value))
    items.append(("lang", lang))
    if limit is not None and limit != DEFAULT_LIMIT:
        items.append(("limit", str(limit)))
    if offset:
        items.append(("offset", str(offset)))
    if fmt:
        items.append(("format", fmt))
    return items


def params_json(query: NamedQuery, params: Mapping[str, list[str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, param in query.params.items():
        values = params.get(name)
        if not values:
            out[name] = [] if param.multiple else None
        else:
            out[name] = list(values) if param.multiple else values[0]
    return out


# ---------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------

_TRAILING_MODIFIER = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)
_TRAILING_VALUES = re.compile(r"\}\s*VALUES\s+(\?\w+|\([^)]*\))\s*\{[^{}]*\}\s*$", re.IGNORECASE)


def _strip_comments(text: str) -> str:
    out = []
    for line in text.splitlines():
        # a '#' that starts a comment: outside IRIs and strings (good enough for our own files)
        cut, in_iri, in_str = None, False, None
        for i, ch in enumerate(line):
            if in_str:
                if ch == in_str and line[i - 1] != "\\":
                    in_str = None
            elif ch in "\"'":
                in_str = ch
            elif ch == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", line[i:]):
                in_iri = True
            elif ch == ">" and in_iri:
                in_iri = False
            elif ch == "#" and not in_iri:
                cut = i
                break
        out.append(line if cut is None else line[:cut])
    return "\n".join(out)


def run_page(query: NamedQuery, data: Data, params: Mapping[str, list[str]], lang: str, limit: int,
             offset: int) -> tuple[list[dict[str, Node]], list[str], bool]:
    """One page of the answer (rows, variables, whether there are more), never more than `limit` rows."""
    backend = data.backend
    text = query.bind(params, lang=lang, base=data.base, backend=backend)
    code = _strip_comments(text).rstrip()
    if _TRAILING_MODIFIER.search(code) or _TRAILING_VALUES.search(code):
        rows = list(data.select(text))
        page = rows[offset:offset + limit]
        more = len(rows) > offset + limit
    else:
        rows = data.select(f"{code}\nLIMIT {limit + 1}\nOFFSET {offset}\n")
        page = rows[:limit]
        more = len(rows) > limit
    variables = list(query.variables) or sorted({k for row in page for k in row})
    return page, variables, more


def json_value(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool) or (isinstance(value, int) and term.datatype is not None):
            return value
        if isinstance(value, (float, Decimal)):
            return float(value)
        return str(term)
    return str(term)


def csv_text(rows: Sequence[Mapping[str, Node]], variables: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if row.get(v) is None else str(row[v]) for v in variables])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# HTML helpers
# ---------------------------------------------------------------------------------------------

def _label_var(var: str, variables: Sequence[str]) -> str | None:
    if f"{var}_label" in variables:
        return f"{var}_label"
    if var == "value" and "label" in variables:
        return "label"
    return None


def table_model(rows: Sequence[Mapping[str, Node]], variables: Sequence[str], data: Data, root: str,
                lang: str) -> dict[str, Any]:
    label_vars = {v: _label_var(v, variables) for v in variables}
    hidden = {lv for lv in label_vars.values() if lv}
    columns = [v for v in variables if v not in hidden]
    body = []
    for row in rows:
        cells = []
        for var in columns:
            term = row.get(var)
            cell: dict[str, Any] = {"text": "", "href": None, "lang": "", "num": False, "iri": None}
            if isinstance(term, URIRef):
                label_term = row.get(label_vars[var]) if label_vars[var] else None
                shown = str(term)[len(data.base):] if str(term).startswith(data.base) else curie(str(term))
                cell.update(text=str(label_term) if label_term is not None else shown,
                            href=href_for(str(term), data.base, root), iri=str(term))
                if isinstance(label_term, Literal) and label_term.language:
                    cell["lang"] = label_term.language
            elif isinstance(term, Literal):
                cell.update(text=str(term), lang=term.language or "",
                            num=term.datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.int, XSD.long))
            elif isinstance(term, BNode):
                cell.update(text="[…]")
            cell["wide"] = len(cell["text"]) > 80
            cells.append(cell)
        body.append(cells)
    return {"columns": columns, "rows": body}


def form_model(query: NamedQuery, registry: Registry, data: Data, params: Mapping[str, list[str]],
               lang: str) -> list[dict[str, Any]]:
    q = q_for(lang)
    fields = []
    for name, param in query.params.items():
        field: dict[str, Any] = {
            "name": name, "type": param.type, "multiple": param.multiple, "required": param.required,
            "description": (param.description_es if lang == "es" else param.description) or param.description
            or param.description_es, "values": list(params.get(name, [])), "choices": None,
            "type_label": q.get(f"type_{param.type}", param.type),
            "example": ", ".join(param.example), "classes": [curie(c) for c in param.classes],
        }
        if param.options:
            try:
                choices = registry.options(query, name, data.backend, lang=lang)
            except (UserError, ApiError) as exc:
                log.warning("options of %s.%s: %s", query.name, name, exc)
                choices = []
            field["choices"] = [{"value": v, "label": lab, "selected": v in field["values"]} for v, lab in choices]
        elif param.multiple:
            field["inputs"] = field["values"] + [""] * max(1, 3 - len(field["values"]))
        fields.append(field)
    return fields


def _sparql_text(query: NamedQuery, data: Data) -> str:
    return rebase_text(query.body, data.base)


# ---------------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------------

ANSWER_OFFERS = [
    ("json", ("application/json",)),
    ("srj", ("application/sparql-results+json",)),
    ("csv", ("text/csv",)),
    ("html", ("text/html", "application/xhtml+xml")),
    ("turtle", ("text/turtle",)),
    ("jsonld", ("application/ld+json",)),
    ("ntriples", ("application/n-triples",)),
]
FORMAT_PARAM = {"json": "json", "csv": "csv", "html": "html", "srj": "srj", "sparql-json": "srj",
                "ttl": "turtle", "turtle": "turtle", "rq": "rq", "sparql": "rq"}
EXTENSIONS = {"json": "json", "csv": "csv", "html": "html", "srj": "srj", "rq": "rq", "ttl": "turtle",
              "jsonld": "jsonld", "nt": "ntriples"}


def _choose(request: Request, forced: str | None) -> str | None:
    if forced:
        return forced
    asked = request.query_params.get("format")
    if asked:
        return FORMAT_PARAM.get(asked.strip().lower(), "bad")
    return negotiate(request.headers.get("accept"), ANSWER_OFFERS, "json")


def _error(kind: str, message: str, status: int, request: Request, extra: Mapping[str, Any] | None = None) -> Response:
    headers = {"Vary": "Accept, Accept-Language", "Cache-Control": "no-cache"}
    if kind == "json":
        return JSONResponse({"error": message, **(extra or {})}, status_code=status, headers=headers)
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


def answer(request: Request, name: str, forced: str | None = None) -> Response:
    registry = registry_of(request)
    if registry is None:
        return PlainTextResponse(f"The named queries could not be loaded: {_STATE['error']}\n", status_code=500)
    if name not in registry:
        return not_found_page(request, data_of(request).base + "queries/" + name)
    query = registry.get(name)
    data = data_of(request)
    kind = _choose(request, forced)
    if kind is None or kind == "bad":
        offered = "json, csv, html, srj (SPARQL JSON), rq (the query), ttl (its description)"
        return _error("text", f"Not acceptable: this query answers as {offered}.", 406 if kind is None else 400, request)
    version = data.version
    iri = query_iri(data, name)
    root = root_of(request)
    if kind in ("rq", "turtle", "jsonld", "ntriples"):
        etag = etag_for(version, "query-description", name, kind)
        headers = cache_headers(etag, vary="Accept", version=version)
        if matches_etag(request, etag):
            return not_modified(headers)
        if kind == "rq":
            return PlainTextResponse(_sparql_text(query, data), media_type="application/sparql-query",
                                     headers=headers)
        from ..publish_queries import executable
        from rdflib import Graph

        graph = Graph()
        executable(graph, query, data.base)
        return rdf_response(graph, RDF_BY_KEY[kind], data.base, headers)

    lang = _lang(request)
    html_lang = lang if lang in LANGS else DEFAULT_LANG
    given = _given(request, query)
    try:
        limit, offset = _page(request, max(1, min(10000, getattr(data.backend, "limit", 10000) - 1)))
        if lang not in LANGS:
            raise UserError(f"must be one of {', '.join(LANGS)}", where="parameter 'lang'")
        for key in given:
            if key not in query.params:
                known = ", ".join(sorted(query.params)) or "none"
                raise UserError(f"unknown parameter for query {name!r} (known: {known}, lang, limit, offset, format)",
                                where=f"parameter {key!r}")
        params = effective_params(query, given, data.base)
    except UserError as exc:
        if kind == "html":
            return _html(request, registry, query, data, given, html_lang, DEFAULT_LIMIT, 0, None, error=str(exc),
                         status=400)
        return _error(kind, str(exc), 400, request, {"query": iri})

    items = canonical_items(query, params, lang, limit, offset)
    etag = etag_for(version, "answer", name, urlencode(items), kind)
    headers = cache_headers(etag, version=version)
    base_url = f"{root}/queries/{name}"
    canonical = f"{base_url}?{urlencode(items)}"
    headers["Link"] = f'<{iri}>; rel="describedby", <{canonical}>; rel="canonical"'
    if matches_etag(request, etag):
        return not_modified(headers)
    try:
        rows, variables, more = run_page(query, data, params, lang, limit, offset)
    except UserError as exc:
        status = getattr(exc, "status", 400)
        if isinstance(exc, ApiError) and status >= 500:
            if kind == "html":
                return _html(request, registry, query, data, given, lang, limit, offset, None, error=str(exc),
                             status=status)
            raise
        if kind == "html":
            return _html(request, registry, query, data, given, lang, limit, offset, None, error=str(exc),
                         status=status)
        return _error(kind, str(exc), status, request, {"query": iri})

    def link(new_offset: int) -> str:
        return f"{base_url}?{urlencode(canonical_items(query, params, lang, limit, new_offset))}"

    next_link = link(offset + limit) if more else None
    prev_link = link(max(0, offset - limit)) if offset > 0 else None
    if kind == "json":
        body = {
            "query": iri, "title": query.title_in(lang), "params": params_json(query, params), "version": version,
            "lang": lang, "limit": limit, "offset": offset, "variables": variables,
            "rows": [{v: json_value(row.get(v)) for v in variables if row.get(v) is not None} for row in rows],
            "next": _absolute(request, next_link), "prev": _absolute(request, prev_link),
            "self": _absolute(request, canonical),
        }
        return JSONResponse(body, headers=headers)
    if kind == "srj":
        from ..queries import Rows

        result = to_sparql_json(Rows(rows, variables))
        result["query"], result["params"], result["version"] = iri, params_json(query, params), version
        result["next"] = _absolute(request, next_link)
        return JSONResponse(result, media_type="application/sparql-results+json", headers=headers)
    if kind == "csv":
        filename = f"{name}-{version}" + (f"-{offset}" if offset else "") + ".csv"
        headers["Content-Disposition"] = f'inline; filename="{filename}"'
        return Response(csv_text(rows, variables), media_type="text/csv; charset=utf-8", headers=headers)
    return _html(request, registry, query, data, params, lang, limit, offset,
                 (rows, variables, next_link, prev_link, canonical), headers=headers)


def _absolute(request: Request, link: str | None) -> str | None:
    if link is None:
        return None
    return str(request.base_url).rstrip("/") + link[len(root_of(request)):] if link.startswith("/") else link


def _html(request: Request, registry: Registry, query: NamedQuery, data: Data, params: Mapping[str, list[str]],
          lang: str, limit: int, offset: int, result: tuple | None, error: str | None = None, status: int = 200,
          headers: Mapping[str, str] | None = None) -> Response:
    root = root_of(request)
    name = query.name
    q = q_for(lang)
    iri = query_iri(data, name)
    table = None
    downloads = []
    next_link = prev_link = canonical = None
    if result is not None:
        rows, variables, next_link, prev_link, canonical = result
        table = table_model(rows, variables, data, root, lang)
        items = canonical_items(query, params, lang, limit, offset)
        downloads = [
            {"label": "JSON", "href": f"{root}/queries/{name}.json?{urlencode(items)}"},
            {"label": "CSV", "href": f"{root}/queries/{name}.csv?{urlencode(items)}"},
            {"label": "SPARQL JSON", "href": f"{root}/queries/{name}.srj?{urlencode(items)}"},
        ]
    context = page_context(
        request, lang, query.title_in(lang), data.version if status < 500 else "", q=q, query=query,
        query_iri=iri, query_title=query.title_in(lang), description=query.description_in(lang),
        fields=form_model(query, registry, data, params, lang), limit=limit, offset=offset,
        limit_choices=sorted(set(LIMIT_CHOICES) | {limit}), table=table, error=error, downloads=downloads,
        next_link=next_link, prev_link=prev_link, canonical_link=canonical,
        params_shown=[(n, ", ".join(v)) for n, v in params.items() if n in query.params],
        first=offset + 1, last=offset + (len(table["rows"]) if table else 0),
        sparql=_sparql_text(query, data), description_href=f"{root}/queries/{name}.ttl",
        rq_href=f"{root}/queries/{name}.rq",
        alternates=[{"type": "application/json", "href": f"{root}/queries/{name}.json"},
                    {"type": "text/csv", "href": f"{root}/queries/{name}.csv"},
                    {"type": "text/turtle", "href": f"{root}/queries/{name}.ttl"}],
    )
    out_headers = dict(headers or {"Vary": "Accept, Accept-Language", "Cache-Control": "no-cache"})
    return render("query.html", context, status=status, headers=out_headers)


def example_items(query: NamedQuery) -> list[tuple[str, str]]:
    return [(k, v) for k, values in query.example.items() for v in values]


def list_model(registry: Registry, data: Data, root: str, lang: str, absolute: str = "") -> list[dict[str, Any]]:
    out = []
    for query in registry:
        example = example_items(query)
        out.append({
            "name": query.name, "iri": query_iri(data, query.name), "title": query.title_in(lang),
            "title_en": query.title, "title_es": query.title_es,
            "description": query.description_in(lang), "tags": query.tags,
            "params": [p.to_dict() for p in query.params.values()],
            "href": f"{root}/queries/{query.name}",
            "url": f"{absolute}{root}/queries/{query.name}",
            "example": f"{absolute}{root}/queries/{query.name}?{urlencode(example + [('lang', lang)])}",
            "example_href": f"{root}/queries/{query.name}?{urlencode(example + [('lang', lang)])}",
            "variables": query.variables,
        })
    return out


router = APIRouter()


@get_and_head(router, "/queries", tags=["queries"],
                  summary="The named queries: what each asks, its parameters, and an example answer")
def list_queries(request: Request) -> Response:
    registry = registry_of(request)
    if registry is None:
        return PlainTextResponse(f"The named queries could not be loaded: {_STATE['error']}\n", status_code=500)
    data = data_of(request)
    kind = _choose(request, None)
    if kind in ("turtle", "jsonld", "ntriples"):
        return _list_rdf(request, registry, data, kind)
    if kind not in ("json", "html", "srj"):
        return _error("text", "Not acceptable: the list of queries is available as JSON, HTML or Turtle.", 406, request)
    lang = _lang(request)
    lang = lang if lang in LANGS else DEFAULT_LANG
    version = data.version
    etag = etag_for(version, "queries", kind, lang, ",".join(registry.names()))
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    root = root_of(request)
    absolute = str(request.base_url).rstrip("/")[: len(str(request.base_url).rstrip("/")) - len(root)] if root else str(request.base_url).rstrip("/")
    items = list_model(registry, data, root, lang, absolute)
    if kind != "html":
        return JSONResponse({"version": version, "lang": lang, "queries": items,
                             "executables": f"{absolute}{root}/queries.ttl"}, headers=headers)
    q = q_for(lang)
    context = page_context(request, lang, q["queries_title"], version, q=q, items=items,
                           ttl_href=f"{root}/queries.ttl",
                           alternates=[{"type": "application/json", "href": f"{root}/queries?format=json"},
                                       {"type": "text/turtle", "href": f"{root}/queries.ttl"}])
    return render("queries.html", context, headers=headers)


def _list_rdf(request: Request, registry: Registry, data: Data, kind: str) -> Response:
    from ..publish_queries import executables_graph

    version = data.version
    etag = etag_for(version, "queries-rdf", kind, ",".join(registry.names()))
    headers = cache_headers(etag, vary="Accept", version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    return rdf_response(executables_graph(registry, data.base), RDF_BY_KEY[kind], data.base, headers)


@router.api_route("/queries.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
def list_queries_file(request: Request, ext: str) -> Response:
    registry = registry_of(request)
    if registry is None:
        return PlainTextResponse(f"The named queries could not be loaded: {_STATE['error']}\n", status_code=500)
    fmt = RDF_BY_EXTENSION.get(ext)
    if fmt is not None:
        return _list_rdf(request, registry, data_of(request), fmt.key)
    return not_found_page(request, data_of(request).base + "queries." + ext)


def _openapi_parameters(query: NamedQuery) -> list[dict[str, Any]]:
    out = []
    for name, param in query.params.items():
        schema: dict[str, Any] = {"type": "string"}
        if param.type == "integer":
            schema = {"type": "integer"}
        elif param.type == "date":
            schema = {"type": "string", "format": "date"}
        elif param.type == "iri":
            schema = {"type": "string", "format": "iri"}
        elif param.type == "boolean":
            schema = {"type": "boolean"}
        elif param.type == "lang":
            schema = {"type": "string", "enum": list(LANGS)}
        if param.default and not param.multiple:
            schema["default"] = param.default[0]
        description = param.description or ""
        if param.classes:
            description += f" (an instance of {', '.join(curie(c) for c in param.classes)})"
        if param.options:
            description += f"; choices: {'/queries/' + param.options if not param.options_inline else 'a query of the graph'}"
        entry: dict[str, Any] = {
            "name": name, "in": "query", "required": bool(param.required and not param.default),
            "description": description.strip(), "schema": {"type": "array", "items": schema} if param.multiple else schema,
        }
        if param.multiple:
            entry["style"], entry["explode"] = "form", True
        example = query.example.get(name) or list(param.example)
        if example:
            entry["example"] = example if param.multiple else example[0]
        out.append(entry)
    out += [
        {"name": "lang", "in": "query", "required": False, "description": "language of labels (default: Accept-Language, else en)",
         "schema": {"type": "string", "enum": list(LANGS)}},
        {"name": "limit", "in": "query", "required": False, "description": "rows per page",
         "schema": {"type": "integer", "minimum": 1, "default": DEFAULT_LIMIT}},
        {"name": "offset", "in": "query", "required": False, "description": "rows to skip",
         "schema": {"type": "integer", "minimum": 0, "default": 0}},
        {"name": "format", "in": "query", "required": False,
         "description": "json (default), csv, html, srj (SPARQL JSON), rq (the query text), ttl (its description); overrides Accept",
         "schema": {"type": "string", "enum": ["json", "csv", "html", "srj", "rq", "ttl"]}},
    ]
    return out


def _example_body(query: NamedQuery) -> dict[str, Any]:
    params = {name: (values if query.params.get(name) and query.params[name].multiple else values[0])
              for name, values in query.example.items() if name in query.params and values}
    return {
        "query": f"…/queries/{query.name}", "title": query.title, "params": params, "version": "19c766062767be61",
        "lang": "en", "limit": DEFAULT_LIMIT, "offset": 0, "variables": query.variables,
        "rows": [{v: "…" for v in query.variables}], "next": None, "prev": None, "self": "…",
    }


def _endpoint(name: str):
    def endpoint(request: Request) -> Response:
        return answer(request, name)

    endpoint.__name__ = "query_" + name.replace("-", "_")
    return endpoint


def _add_query_routes(target: APIRouter, registry: Registry) -> None:
    for query in registry:
        example = example_items(query)
        description = (query.description + "\n\n" + query.description_es
                       + (f"\n\nExample: `/queries/{query.name}?{urlencode(example)}`" if example else ""))
        target.add_api_route(
            f"/queries/{query.name}", _endpoint(query.name), methods=["GET"], tags=["queries"],
            summary=query.title, description=description, operation_id="query_" + query.name.replace("-", "_"),
            responses={
                200: {"description": "The answer (JSON by default; CSV, HTML or SPARQL JSON by format or Accept)",
                      "content": {"application/json": {"example": _example_body(query)},
                                  "text/csv": {"schema": {"type": "string"}},
                                  "text/html": {"schema": {"type": "string"}}}},
                304: {"description": "Not modified: the data version and the parameters are those of the ETag"},
                400: {"description": "A parameter is not valid"},
            },
            openapi_extra={"parameters": _openapi_parameters(query)},
        )
        target.add_api_route(f"/queries/{query.name}", _endpoint(query.name), methods=["HEAD"],
                             include_in_schema=False)


def build_router(registry: Registry | None) -> APIRouter:
    """The /queries routes, one OpenAPI operation per named query."""
    built = APIRouter()
    for route in router.routes:
        built.routes.append(route)
    if registry is not None:
        _add_query_routes(built, registry)

    @built.api_route("/queries/{name}.{ext}", methods=["GET", "HEAD"], include_in_schema=False)
    def query_file(request: Request, name: str, ext: str) -> Response:
        kind = EXTENSIONS.get(ext)
        if kind is None:
            return not_found_page(request, data_of(request).base + f"queries/{name}.{ext}")
        return answer(request, name, kind)

    @built.api_route("/queries/{name}", methods=["GET", "HEAD"], include_in_schema=False)
    def query_fallback(request: Request, name: str) -> Response:
        return answer(request, name)

    return built


queries_router = build_router(registry_of(None))
