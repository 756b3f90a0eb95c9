"""The SPARQL workbench a browser gets at `/sparql`.

A browser that opens `/sparql` (a GET with no parameters, or only `lang`, and an Accept header
that prefers text/html) gets an HTML page instead of the protocol's 400: the workbench (YASGUI,
served from this service's static folder, `make install` copies it there), with our prefixes
declared, every named query as an example tab, the results as a table whose IRIs open their pages
here, and the query kept in the address (``#query=…``, which never reaches the server). Without
JavaScript, or without YASGUI installed, the page is a plain form (the query, a result format;
sent by GET to `/sparql`, so the answer opens in the browser). Below: what the endpoint does and
refuses, its limits, and how to call it from SPARQLWrapper or curl. The SPARQL protocol
(`acuerdos.sparql.endpoint`) decides when a request is one for the form, and calls `form_page`;
every other request to `/sparql` is answered by the protocol alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ..errors import UserError
from ..http import matches_etag, not_modified
from ..namespaces import ONTOLOGY_IRI, ONTOLOGY_NS, PREFIXES
from ..rdf.formats import GRAPH_FORMATS, RESULT_FORMATS
from ..site import Site
from .deps import get_site, root_of
from .i18n import strings
from .rendering import STATIC_DIR, page_context, page_validators, render

WORKBENCH_FILES = ("yasgui.min.js", "yasgui.min.css")


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


def prefix_lines() -> str:
    return "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


def workbench_config(site: Site, root: str, endpoint: str, lang: str) -> dict[str, Any] | None:
    """What the workbench's script needs, or None when YASGUI is not installed (the plain form then)."""
    if not all((STATIC_DIR / name).is_file() for name in WORKBENCH_FILES):
        return None
    h = strings(lang, "form")
    examples = []
    for query in site.registry or []:
        try:
            text = query.bind(query.example, lang=lang)
        except UserError:  # an example that does not bind is the query page's problem, not the workbench's
            continue
        head = f"# {query.title_in(lang)}\n# {h['workbench_from']} {root}/queries/{query.name}\n"
        examples.append({"name": query.name, "title": query.title_in(lang), "query": head + text.lstrip("\n")})
    return {
        "endpoint": endpoint,
        "prefixes": PREFIXES,
        "query": prefix_lines() + "\n" + example_query(lang).split("\n\n", 1)[1],
        "examples": examples,
        # IRIs served here open here: the base's (on any mirror) and the ontology's
        "local": [[site.base.iri, root + "/"], [ONTOLOGY_IRI, root + "/ontology"]],
        "lang": lang,
        "strings": {k: h[k] for k in ("workbench_tab", "workbench_editor", "workbench_rows")},
    }


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
    root = root_of(request)
    context = page_context(
        request,
        lang,
        h["title"],
        version,
        h=h,
        workbench=workbench_config(get_site(request), root, f"{root}/sparql", lang),
        main_class="wide",
        example=example,
        format_groups=_format_groups(h),
        default_format=RESULT_FORMATS[0].names[0],
        action=f"{root}/sparql",
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
