"""The query form a browser gets at `/sparql`.

A browser that opens `/sparql` (a GET with no parameters, or only `lang`, and an Accept header
that prefers text/html) gets an HTML page instead of the protocol's 400: a form (the query, a
result format; sent by GET to `/sparql`, so the answer opens in the browser), what the endpoint
does and refuses, its limits, and how to call it from SPARQLWrapper or curl. The SPARQL protocol
(`acuerdos.sparql.endpoint`) decides when a request is one for the form, and calls `form_page`.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from fastapi.responses import Response

from ..http import matches_etag, not_modified
from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..rdf.formats import GRAPH_FORMATS, RESULT_FORMATS
from .deps import get_site, root_of
from .i18n import strings
from .rendering import page_context, page_validators, render


def example_query(lang: str) -> str:
    return (
        f"PREFIX acu: <{ONTOLOGY_NS}>\n"
        f"PREFIX rdfs: <{PREFIXES['rdfs']}>\n\n"
        f"{strings(lang, 'form')['example_comment']}\n"
        "SELECT ?meeting ?decision ?label WHERE {\n"
        "  ?decision acu:adoptedAt ?meeting ;\n"
        "            rdfs:label ?label .\n"
        f'  FILTER(lang(?label) = "{lang}")\n'
        "}\n"
        "ORDER BY ?meeting ?decision\n"
        "LIMIT 50\n"
    )


def _format_groups(h: dict[str, str]) -> list[dict[str, object]]:
    def options(formats: Sequence) -> list[dict[str, str]]:
        return [{"value": f.names[0], "label": f"{f.names[0]} ({f.media_type})"} for f in formats]

    return [
        {"label": h["select_ask"], "options": options(RESULT_FORMATS)},
        {"label": h["construct_describe"], "options": options(GRAPH_FORMATS)},
    ]


def form_page(request: Request) -> Response:
    """The HTML page with the query form."""
    settings = get_site(request).settings
    limits = (settings.query_timeout, settings.result_limit, settings.max_url)
    lang, version, headers = page_validators(request, "sparql-form", *limits)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    h = strings(lang, "form")
    endpoint = str(request.base_url).rstrip("/") + "/sparql"
    timeout = f"{settings.query_timeout:g}"
    limit = f"{settings.result_limit}"
    every_format = ", ".join(f.names[0] for f in RESULT_FORMATS + GRAPH_FORMATS)
    example = example_query(lang)
    python = (
        "from SPARQLWrapper import SPARQLWrapper, JSON\n\n"
        f'sparql = SPARQLWrapper("{endpoint}")\n'
        'sparql.setQuery("""\n' + example.rstrip("\n") + '\n""")\n'
        "sparql.setReturnFormat(JSON)\n"
        'for row in sparql.queryAndConvert()["results"]["bindings"]:\n'
        '    print(row["decision"]["value"], row["label"]["value"])\n'
    )
    curl = (
        f"curl {endpoint} \\\n"
        "  -H 'Accept: text/csv' \\\n"
        "  --data-urlencode 'query=SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } "
        "GROUP BY ?class ORDER BY DESC(?n)'\n"
    )
    context = page_context(
        request,
        lang,
        h["title"],
        version,
        h=h,
        example=example,
        format_groups=_format_groups(h),
        default_format=RESULT_FORMATS[0].names[0],
        action=f"{root_of(request)}/sparql",
        query_help=h["query_help"].format(max_url=settings.max_url),
        about=[
            h["protocol"].format(endpoint=endpoint),
            h["read_only"],
            h["time_limit"].format(timeout=timeout),
            h["cap"].format(limit=limit),
            h["formats"].format(formats=every_format),
        ],
        python=python,
        curl=curl,
    )
    return render("sparql_form.html", context, headers=headers)
