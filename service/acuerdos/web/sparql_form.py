"""The query form a browser gets at `/sparql`.

A browser that opens `/sparql` (a GET with no parameters, or only `lang`, and an Accept header
that prefers text/html) gets an HTML page instead of the protocol's 400: a form (the query, a
result format; sent by GET to `/sparql`, so the answer opens in the browser), what the endpoint
does and refuses, its limits, and how to call it from SPARQLWrapper or curl. Every other request
to `/sparql` is the SPARQL 1.1 Protocol's (`acuerdos.sparql.endpoint`), unchanged: a client that
does not ask for HTML first, or that sends any protocol parameter, still gets 400 without a query.
"""
from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import Response

from ..rdf.formats import GRAPH_FORMATS, RESULT_FORMATS
from .linked_data import (
    ACU, HTML_OFFER, RDFS_NS, cache_headers, data_of, etag_for, matches_etag, negotiate, not_modified,
    page_context, pick_lang, render, root_of,
)

# what a SPARQL client may ask for: when one of these wins over text/html, the client is not a browser
_PROTOCOL_OFFER = ("sparql", tuple(mt for f in RESULT_FORMATS + GRAPH_FORMATS for mt in (f.media_type, *f.also)))

# the parameters a request for the form may carry (the page's own language switch adds `lang`)
_PAGE_PARAMS = {"lang"}

FORM_UI = {
    "en": {
        "title": "SPARQL endpoint",
        "lead": "Query the whole graph with SPARQL 1.1: the decisions, their quotes, meetings, documents, actors, deadlines and themes. Write a query, choose a result format and run it: the answer opens in the browser.",
        "query": "Query", "format": "Result format", "run": "Run query",
        "format_help": "Your browser shows JSON, Turtle and JSON-LD; it downloads the other formats.",
        "select_ask": "SELECT and ASK", "construct_describe": "CONSTRUCT and DESCRIBE",
        "query_help": "The form sends the query in the URL (GET), up to {max_url} bytes; send a longer query by POST.",
        "about": "About the endpoint",
        "protocol": "The endpoint follows the SPARQL 1.1 Protocol at {endpoint}: the query as the query parameter (GET or POST form) or as an application/sparql-query body; default-graph-uri and named-graph-uri set the dataset (by default the union of every named graph).",
        "read_only": "It is read-only: updates and federated queries (SERVICE) are refused with 403.",
        "time_limit": "Each query runs for at most {timeout} seconds; a query that takes longer is stopped and answered with 503.",
        "cap": "Results are capped at {limit} rows (SELECT) or triples (CONSTRUCT, DESCRIBE): a cut result carries the header Acuerdos-Truncated: true, and \"truncated\": true in SPARQL JSON.",
        "formats": "The format is chosen by the Accept header or by the format parameter ({formats}).",
        "clients": "From a program", "python": "Python, with SPARQLWrapper:", "shell": "The shell, with curl:",
        "more": "Where to go next",
        "queries_link": "Ready-made questions", "queries_help": "named queries with forms, answered as tables, JSON and CSV",
        "ontology_link": "Ontology", "ontology_help": "the classes and properties to write queries with",
        "example_comment": "# The decisions of each meeting, with their English label",
    },
    "es": {
        "title": "Punto de acceso SPARQL",
        "lead": "Consulte todo el grafo con SPARQL 1.1: las decisiones, sus citas, reuniones, documentos, actores, plazos y temas. Escriba una consulta, elija un formato de resultado y ejecútela: la respuesta se abre en el navegador.",
        "query": "Consulta", "format": "Formato del resultado", "run": "Ejecutar la consulta",
        "format_help": "El navegador muestra JSON, Turtle y JSON-LD; los demás formatos los descarga.",
        "select_ask": "SELECT y ASK", "construct_describe": "CONSTRUCT y DESCRIBE",
        "query_help": "El formulario envía la consulta en la URL (GET), hasta {max_url} bytes; envíe una consulta más larga por POST.",
        "about": "Acerca del punto de acceso",
        "protocol": "El punto de acceso sigue el protocolo SPARQL 1.1 en {endpoint}: la consulta en el parámetro query (GET o formulario POST) o como cuerpo application/sparql-query; default-graph-uri y named-graph-uri fijan el conjunto de datos (por defecto, la unión de todos los grafos con nombre).",
        "read_only": "Es de solo lectura: las actualizaciones y las consultas federadas (SERVICE) se rechazan con 403.",
        "time_limit": "Cada consulta se ejecuta durante {timeout} segundos como máximo; una consulta que tarda más se detiene y se responde con 503.",
        "cap": "Los resultados se limitan a {limit} filas (SELECT) o tripletas (CONSTRUCT, DESCRIBE): un resultado cortado lleva la cabecera Acuerdos-Truncated: true, y \"truncated\": true en SPARQL JSON.",
        "formats": "El formato se elige con la cabecera Accept o con el parámetro format ({formats}).",
        "clients": "Desde un programa", "python": "Python, con SPARQLWrapper:", "shell": "La consola, con curl:",
        "more": "Para seguir",
        "queries_link": "Preguntas preparadas", "queries_help": "consultas con nombre y formulario, respondidas como tablas, JSON y CSV",
        "ontology_link": "Ontología", "ontology_help": "las clases y propiedades con que escribir consultas",
        "example_comment": "# Las decisiones de cada reunión, con su etiqueta en español",
    },
}


def is_form_request(method: str, query_string: bytes | str, accept: str | None) -> bool:
    """True for a browser opening `/sparql`: a GET with no parameter but `lang`, preferring text/html."""
    if method != "GET":
        return False
    text = query_string.decode("latin-1") if isinstance(query_string, bytes) else query_string
    if any(name not in _PAGE_PARAMS for name, _ in parse_qsl(text, keep_blank_values=True)):
        return False
    return negotiate(accept, [HTML_OFFER, _PROTOCOL_OFFER], default="sparql") == "html"


def wants_form(request: Request) -> bool:
    return is_form_request(request.method, request.scope.get("query_string", b""), request.headers.get("accept"))


def example_query(acu: str, lang: str) -> str:
    return (
        f"PREFIX acu: <{acu}>\n"
        f"PREFIX rdfs: <{RDFS_NS}>\n\n"
        f"{FORM_UI[lang]['example_comment']}\n"
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

    return [{"label": h["select_ask"], "options": options(RESULT_FORMATS)},
            {"label": h["construct_describe"], "options": options(GRAPH_FORMATS)}]


def form_page(request: Request) -> Response:
    """The HTML page with the query form."""
    data = data_of(request)
    settings = request.app.state.settings
    lang = pick_lang(request)
    version = data.version
    etag = etag_for(version, "sparql-form", lang, settings.query_timeout, settings.result_limit, settings.max_url)
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    h = FORM_UI[lang]
    endpoint = str(request.base_url).rstrip("/") + "/sparql"
    timeout = f"{settings.query_timeout:g}"
    limit = f"{settings.result_limit}"
    every_format = ", ".join(f.names[0] for f in RESULT_FORMATS + GRAPH_FORMATS)
    example = example_query(data.term(ACU), lang)
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
        "  --data-urlencode 'query=SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)'\n"
    )
    context = page_context(
        request, lang, h["title"], version, h=h, example=example, format_groups=_format_groups(h),
        default_format=RESULT_FORMATS[0].names[0], action=f"{root_of(request)}/sparql",
        query_help=h["query_help"].format(max_url=settings.max_url),
        about=[h["protocol"].format(endpoint=endpoint), h["read_only"], h["time_limit"].format(timeout=timeout),
               h["cap"].format(limit=limit), h["formats"].format(formats=every_format)],
        python=python, curl=curl,
    )
    return render("sparql_form.html", context, headers=headers)
