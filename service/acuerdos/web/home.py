"""The home page, and the site's static files (one stylesheet, one icon: nothing from elsewhere).

The home page says what the graph is, shows example questions linked to their answers (named
queries with parameters, shown when the query exists), a few figures, and links to the SPARQL
endpoint, the questions, the ontology, the themes, the shapes and the downloads.
"""
from __future__ import annotations

import mimetypes
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from .linked_data import (
    ACU, STATIC_DIR, cache_headers, data_of, etag_for, matches_etag, not_found_page, not_modified, page_context,
    pick_lang, render, root_of,
)

router = APIRouter()

# (question in English, in Spanish, query name, parameters; IRIs written under the canonical base)
EXAMPLES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("Which decisions concern extra-regional migration?", "¿Qué decisiones se refieren a la migración extrarregional?",
     "decisions-by-theme", [("theme", "theme/regional/extra-regional-migration")]),
    ("What did the CRM–CSM working meeting in Panama City (8 June 2017) agree?",
     "¿Qué acordó la reunión de trabajo CRM–CSM en Ciudad de Panamá (8 de junio de 2017)?",
     "decisions", [("meeting", "meeting/2017-06-08-panama")]),
    ("What must Chile do, according to the decisions?", "¿Qué debe hacer Chile según las decisiones?",
     "actor-obligations", [("actor", "state/CL")]),
    ("Everything that touches GCM objective 10 (trafficking in persons)",
     "Todo lo que toca el objetivo 10 del PMM (trata de personas)",
     "theme-overview", [("theme", "theme/gcm-objective/10")]),
    ("Which GCM objectives do the decisions cover, per conference and year?",
     "¿Qué objetivos del PMM cubren las decisiones, por conferencia y año?", "gcm-coverage", []),
    ("Which decisions were past due at the end of 2017 with no recorded follow-up?",
     "¿Qué decisiones estaban vencidas a fines de 2017 sin seguimiento registrado?",
     "overdue-decisions", [("as_of", "2017-12-31")]),
    ("How did cooperation between the CRM and the CSM unfold?", "¿Cómo se desarrolló la cooperación entre la CRM y la CSM?",
     "crm-csm-timeline", [("joint_only", "true")]),
    ("Who were the members and bodies of the CRM on 30 June 2017?",
     "¿Quiénes eran los miembros y órganos de la CRM el 30 de junio de 2017?",
     "conference-structure", [("conference", "conference/crm"), ("as_of", "2017-06-30")]),
    ("Where do the decisions mention “extrarregional”?", "¿Dónde mencionan las decisiones «extrarregional»?",
     "search-decisions", [("q", "extrarregional")]),
]

# Resources worth opening first (path under the base; label in English and Spanish).
START_HERE: list[tuple[str, str, str]] = [
    ("meeting/2017-06-08-panama", "The CRM–CSM working meeting, Panama City, 8 June 2017",
     "La reunión de trabajo CRM–CSM, Ciudad de Panamá, 8 de junio de 2017"),
    ("decision/2017-06-08-panama/agreement-13", "Agreement 13 of that meeting, with its quote",
     "El acuerdo 13 de esa reunión, con su cita"),
    ("document/2017-06-08-final-act/text", "The final act of that meeting, every quote highlighted",
     "El acta final de esa reunión, con cada cita resaltada"),
    ("conference/crm", "The Regional Conference on Migration (CRM)", "La Conferencia Regional sobre Migración (CRM)"),
    ("conference/csm", "The South American Conference on Migration (CSM)", "La Conferencia Suramericana sobre Migraciones (CSM)"),
    ("scheme/gcm-objectives", "The 23 objectives of the Global Compact for Migration",
     "Los 23 objetivos del Pacto Mundial para la Migración"),
    ("scheme/regional-themes", "The regional themes and how they map to the GCM",
     "Los temas regionales y su correspondencia con el PMM"),
]

HOME_UI = {
    "en": {
        "title": "Commitments on migration in the Americas, linked to the Global Compact",
        "lead": "acuerdos is a knowledge graph of what the Regional Conference on Migration (CRM, the Puebla Process) and the South American Conference on Migration (CSM) agreed in their joint work towards the Global Compact for Safe, Orderly and Regular Migration (GCM): meetings, documents, each agreement, conclusion and recommendation with its verbatim text, who must act and by when, and the GCM objectives and principles it touches. Every statement rests on a quote of a source document, which you can read in context.",
        "questions": "Example questions", "more_questions": "All questions", "start": "Start here",
        "use": "Use the data", "sparql": "SPARQL endpoint", "sparql_help": "query the graph yourself (SPARQL 1.1; JSON, CSV, Turtle…)", "sparql_example": "an example: decisions per kind",
        "queries_help": "named queries with forms, as JSON, CSV and HTML", "ontology_help": "classes and properties, in Spanish and English",
        "themes_help": "regional themes, GCM objectives and principles, value sets", "shapes_help": "the rules the data is checked against",
        "dumps_help": "Turtle, N-Triples, JSON-LD, TriG, N-Quads; VoID and DCAT description", "openapi_help": "the HTTP API, every query with its parameters",
        "figures": "In the graph", "decisions": "decisions", "meetings": "meetings", "documents": "source documents",
        "quotes": "quotes", "themes": "theme assignments", "triples": "triples",
        "ld": "Every IRI of the graph opens here: a page for people, Turtle, JSON-LD or N-Triples for programs (try curl -H 'Accept: text/turtle').",
    },
    "es": {
        "title": "Compromisos sobre migración en las Américas, vinculados al Pacto Mundial",
        "lead": "acuerdos es un grafo de conocimiento de lo que acordaron la Conferencia Regional sobre Migración (CRM, Proceso Puebla) y la Conferencia Suramericana sobre Migraciones (CSM) en su trabajo conjunto hacia el Pacto Mundial para la Migración Segura, Ordenada y Regular (PMM): reuniones, documentos, cada acuerdo, conclusión y recomendación con su texto literal, quién debe actuar y en qué plazo, y los objetivos y principios del PMM que toca. Cada afirmación se apoya en una cita de un documento fuente, que puede leerse en contexto.",
        "questions": "Preguntas de ejemplo", "more_questions": "Todas las preguntas", "start": "Por dónde empezar",
        "use": "Usar los datos", "sparql": "Punto de acceso SPARQL", "sparql_help": "consulte el grafo usted mismo (SPARQL 1.1; JSON, CSV, Turtle…)", "sparql_example": "un ejemplo: decisiones por tipo",
        "queries_help": "consultas con nombre y formulario, en JSON, CSV y HTML", "ontology_help": "clases y propiedades, en español e inglés",
        "themes_help": "temas regionales, objetivos y principios del PMM, vocabularios", "shapes_help": "las reglas con que se comprueban los datos",
        "dumps_help": "Turtle, N-Triples, JSON-LD, TriG, N-Quads; descripción VoID y DCAT", "openapi_help": "la API HTTP, cada consulta con sus parámetros",
        "figures": "En el grafo", "decisions": "decisiones", "meetings": "reuniones", "documents": "documentos fuente",
        "quotes": "citas", "themes": "asignaciones de temas", "triples": "tripletas",
        "ld": "Cada IRI del grafo se abre aquí: una página para las personas; Turtle, JSON-LD o N-Triples para los programas (pruebe curl -H 'Accept: text/turtle').",
    },
}


def _figures(data) -> dict[str, int]:
    acu = data.term(ACU)
    query = (
        "SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE { "
        "{ BIND('decisions' AS ?what) ?x a ?k . ?k <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <" + acu + "Decision> } UNION "
        "{ BIND('meetings' AS ?what) ?x a <" + acu + "Meeting> } UNION "
        "{ BIND('documents' AS ?what) ?x a <" + acu + "SourceDocument> } UNION "
        "{ BIND('quotes' AS ?what) ?x <http://www.w3.org/ns/oa#exact> ?q } UNION "
        "{ BIND('themes' AS ?what) ?x a <" + acu + "ThemeAssignment> } "
        "} GROUP BY ?what")
    out = {}
    for row in data.select(query):
        out[str(row["what"])] = int(str(row["n"]))
    from .dataset_description import statistics

    out["triples"] = statistics(data)["triples"]
    return out


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
def home(request: Request) -> Response:
    from .queries_api import registry_of

    data = data_of(request)
    lang = pick_lang(request)
    version = data.version
    etag = etag_for(version, "home", lang)
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    root = root_of(request)
    registry = registry_of(request)
    questions: list[dict[str, Any]] = []
    for en, es, name, params in EXAMPLES:
        if registry is None or name not in registry:
            continue
        query = registry.get(name)
        if any(p not in query.params for p, _ in params):
            continue
        values = [(p, data.base + v if "/" in v and not v.startswith("http") else v) for p, v in params]
        questions.append({"text": es if lang == "es" else en,
                          "href": f"{root}/queries/{name}?{urlencode(values + [('lang', lang)])}",
                          "title": query.title_in(lang)})
    start = [{"href": f"{root}/{path}?lang={lang}", "text": es if lang == "es" else en} for path, en, es in START_HERE]
    try:
        figures = _figures(data)
    except Exception:  # figures are a nicety: the page works without them
        figures = {}
    acu = data.term(ACU)
    sparql_example = (
        f"PREFIX acu: <{acu}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?kind (COUNT(?decision) AS ?decisions) WHERE {\n"
        "  ?decision a ?kind . ?kind rdfs:subClassOf+ acu:Decision .\n} GROUP BY ?kind ORDER BY DESC(?decisions)")
    context = page_context(request, lang, HOME_UI[lang]["title"], version, h=HOME_UI[lang], questions=questions,
                           start=start, figures=figures,
                           sparql_example=f"{root}/sparql?" + urlencode({"query": sparql_example, "format": "json"}))
    return render("home.html", context, headers=headers)


@router.api_route("/static/{name}", methods=["GET", "HEAD"], include_in_schema=False)
def static(request: Request, name: str) -> Response:
    path = STATIC_DIR / name
    if "/" in name or name.startswith(".") or not path.is_file():
        return not_found_page(request, None)
    stat = path.stat()
    etag = etag_for(str(int(stat.st_mtime)), name, stat.st_size)
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
    if matches_etag(request, etag):
        return not_modified(headers)
    media = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".svg"):
        media = "image/svg+xml"
    return FileResponse(path, media_type=media, headers=headers)
