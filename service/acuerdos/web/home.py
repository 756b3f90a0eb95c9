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

from ..http import etag_for, matches_etag, not_modified
from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..queries import Registry
from ..store import Backend
from .deps import get_backend, get_site, root_of
from .i18n import strings
from .query_pages import example_items
from .rendering import STATIC_DIR, page_context, page_validators, render
from .search import not_found_page

router = APIRouter()

# (question in English, in Spanish, query name): each opens the query with its own example parameters
EXAMPLES: list[tuple[str, str, str]] = [
    (
        "Which decisions concern extra-regional migration?",
        "¿Qué decisiones se refieren a la migración extrarregional?",
        "decisions-by-theme",
    ),
    (
        "What did the CRM–CSM working meeting in Panama City (8 June 2017) agree?",
        "¿Qué acordó la reunión de trabajo CRM–CSM en Ciudad de Panamá (8 de junio de 2017)?",
        "decisions",
    ),
    (
        "What must Chile do, according to the decisions?",
        "¿Qué debe hacer Chile según las decisiones?",
        "actor-obligations",
    ),
    (
        "Everything that touches GCM objective 10 (trafficking in persons)",
        "Todo lo que toca el objetivo 10 del PMM (trata de personas)",
        "theme-overview",
    ),
    (
        "Which GCM objectives do the decisions cover, per conference and year?",
        "¿Qué objetivos del PMM cubren las decisiones, por conferencia y año?",
        "gcm-coverage",
    ),
    (
        "Which decisions were past due at the end of 2017 with no recorded follow-up?",
        "¿Qué decisiones estaban vencidas a fines de 2017 sin seguimiento registrado?",
        "overdue-decisions",
    ),
    (
        "How did cooperation between the CRM and the CSM unfold?",
        "¿Cómo se desarrolló la cooperación entre la CRM y la CSM?",
        "crm-csm-timeline",
    ),
    (
        "Who were the members and bodies of the CRM on 30 June 2017?",
        "¿Quiénes eran los miembros y órganos de la CRM el 30 de junio de 2017?",
        "conference-structure",
    ),
    (
        "Where do the decisions mention “extrarregional”?",
        "¿Dónde mencionan las decisiones «extrarregional»?",
        "search-decisions",
    ),
]

# Resources worth opening first (path under the base; label in English and Spanish).
START_HERE: list[tuple[str, str, str]] = [
    (
        "meeting/2017-06-08-panama",
        "The CRM–CSM working meeting, Panama City, 8 June 2017",
        "La reunión de trabajo CRM–CSM, Ciudad de Panamá, 8 de junio de 2017",
    ),
    (
        "decision/2017-06-08-panama/agreement-13",
        "Agreement 13 of that meeting, with its quote",
        "El acuerdo 13 de esa reunión, con su cita",
    ),
    (
        "document/2017-06-08-final-act/text",
        "The final act of that meeting, every quote highlighted",
        "El acta final de esa reunión, con cada cita resaltada",
    ),
    ("conference/crm", "The Regional Conference on Migration (CRM)", "La Conferencia Regional sobre Migración (CRM)"),
    (
        "conference/csm",
        "The South American Conference on Migration (CSM)",
        "La Conferencia Suramericana sobre Migraciones (CSM)",
    ),
    (
        "scheme/gcm-objectives",
        "The 23 objectives of the Global Compact for Migration",
        "Los 23 objetivos del Pacto Mundial para la Migración",
    ),
    (
        "scheme/regional-themes",
        "The regional themes and how they map to the GCM",
        "Los temas regionales y su correspondencia con el PMM",
    ),
]

FIGURES_QUERY = (
    "SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE { "
    "{ BIND('decisions' AS ?what) ?x a ?k . ?k <" + PREFIXES["rdfs"] + "subClassOf>* <" + ONTOLOGY_NS + "Decision> } "
    "UNION { BIND('meetings' AS ?what) ?x a <" + ONTOLOGY_NS + "Meeting> } "
    "UNION { BIND('documents' AS ?what) ?x a <" + ONTOLOGY_NS + "SourceDocument> } "
    "UNION { BIND('quotes' AS ?what) ?x <" + PREFIXES["oa"] + "exact> ?q } "
    "UNION { BIND('themes' AS ?what) ?x a <" + ONTOLOGY_NS + "ThemeAssignment> } "
    "} GROUP BY ?what"
)
SPARQL_EXAMPLE = (
    f"PREFIX acu: <{ONTOLOGY_NS}>\nPREFIX rdfs: <{PREFIXES['rdfs']}>\n"
    "SELECT ?kind (COUNT(?decision) AS ?decisions) WHERE {\n"
    "  ?decision a ?kind . ?kind rdfs:subClassOf+ acu:Decision .\n} GROUP BY ?kind ORDER BY DESC(?decisions)"
)


def _figures(request: Request, backend: Backend) -> dict[str, int]:
    """How many decisions, meetings, documents, quotes, theme assignments and triples the graph holds."""
    out = {str(row["what"]): int(str(row["n"])) for row in backend.select(FIGURES_QUERY)}
    out["triples"] = int(get_site(request).manifest["triples"])  # counted by the build
    return out


def _questions(registry: Registry | None, root: str, lang: str) -> list[dict[str, Any]]:
    """The example questions whose query exists, each with the example its query's header declares."""
    out: list[dict[str, Any]] = []
    for en, es, name in EXAMPLES:
        if registry is None or name not in registry:
            continue
        query = registry.get(name)
        values = example_items(query)
        out.append(
            {
                "text": es if lang == "es" else en,
                "title": query.title_in(lang),
                "href": f"{root}/queries/{name}?{urlencode([*values, ('lang', lang)])}",
            }
        )
    return out


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
def home(request: Request) -> Response:
    lang, version, headers = page_validators(request, "home")
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    root, site = root_of(request), get_site(request)
    try:
        figures = _figures(request, get_backend(request))
    except Exception:  # figures are a nicety: the page works without them
        figures = {}
    h = strings(lang, "home")
    context = page_context(
        request,
        lang,
        h["title"],
        version,
        h=h,
        figures=figures,
        questions=_questions(site.registry, root, lang),
        start=[
            {"href": f"{root}/{path}?lang={lang}", "text": es if lang == "es" else en} for path, en, es in START_HERE
        ],
        sparql_example=f"{root}/sparql?" + urlencode({"query": SPARQL_EXAMPLE, "format": "json"}),
    )
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
    media = "image/svg+xml" if name.endswith(".svg") else mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media, headers=headers)
