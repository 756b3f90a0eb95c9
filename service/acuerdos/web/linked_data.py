"""Linked data: every IRI of the graph dereferences on this server.

The configured base IRI (`https://w3id.org/acuerdos/` by default) is mapped to the root of the
host the service runs on, so `…/decision/2017-06-08-panama/agreement-13` is served at
`/decision/2017-06-08-panama/agreement-13`: an HTML page for browsers, and Turtle, JSON-LD,
N-Triples or RDF/XML by `Accept` or by file extension (`.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`),
always with `Vary: Accept`. A page shows the resource's labels in Spanish and English, its types,
every property with labels and links, the blank nodes it points to inline (quotes with a link to
the passage in the source text, theme assignments, follow-ups), and the resources that point to it.

This module also holds what every page of the site shares: the templates, the interface strings
in both languages, the choice of language (`lang` parameter, else `Accept-Language`), links from
IRIs to this host, labels, ETags, and access to the store.
"""
from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from ..config import CANONICAL_BASE, Paths, rebase_iri
from ..graph import PREFIXES, prefixes_for
from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..text import normalise_with_map
from ..rdf.formats import choose as negotiate

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

LANGS = ("en", "es")
DEFAULT_LANG = "en"

ACU = CANONICAL_BASE + "ontology#"
SKOS = PREFIXES["skos"]
OA = PREFIXES["oa"]
DCT = PREFIXES["dcterms"]
FOAF = PREFIXES["foaf"]
SCHEMA = PREFIXES["schema"]
ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]
TIME = PREFIXES["time"]
OWL = PREFIXES["owl"]
RDFS_NS = PREFIXES["rdfs"]
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EXTRA_PREFIXES = {"rdf": RDF_NS, "vann": "http://purl.org/vocab/vann/", "dcat": "http://www.w3.org/ns/dcat#",
                  "void": "http://rdfs.org/ns/void#"}


# ---------------------------------------------------------------------------------------------
# Interface strings
# ---------------------------------------------------------------------------------------------

UI: dict[str, dict[str, str]] = {
    "en": {
        "skip": "Skip to content", "tagline": "CRM · CSM · GCM", "site_navigation": "Site",
        "queries": "Questions", "ontology": "Ontology", "themes": "Themes", "data": "Data",
        "search": "Search", "search_placeholder": "Search labels and texts…", "language": "Language",
        "footer_about": "acuerdos: the commitments of the Regional Conference on Migration and the South American Conference on Migration, linked to the Global Compact for Migration. Data under CC BY 4.0.",
        "data_version": "Data version", "downloads": "Downloads", "shapes": "Shapes",
        "iri": "IRI", "formats": "This resource as", "types": "Type", "properties": "Properties",
        "incoming": "Referenced by", "incoming_help": "Resources whose property points to this one.",
        "text": "Text", "text_es": "Text (Spanish, as printed)", "translation_en": "Unofficial English translation",
        "quote": "Quote", "quotes": "Source quotes", "source": "Source", "read_in_context": "read in context",
        "source_text": "Source text", "read_source_text": "Read the source text with every quote highlighted",
        "more": "and {n} more", "not_found": "Not found", "not_found_lead": "There is no resource with this IRI in the graph:",
        "not_found_help": "Search the graph, or start from the home page.", "home": "Home page",
        "search_results": "Search", "no_results": "Nothing matched.", "results_for": "Results for",
        "search_help": "Labels (Spanish and English) and the texts of decisions are searched, ignoring accents and case.",
        "matched_in": "matched in", "named_graph": "Named graph", "triples": "triples",
        "named_graph_help": "A named graph holds the statements of one file of the repository.",
        "download": "Download", "theme_assignment": "Theme", "basis": "basis", "reason": "reason",
        "follow_up": "Follow-up", "followed_up_by": "followed up by", "kind": "kind",
        "quoted_from": "Quoted from", "highlighted_quote": "The highlighted passage is the quote you followed.",
        "quotes_in_document": "Quotes from this document", "cited_by": "cited by", "in_text": "in the text",
        "source_file": "Source file", "document_page": "Document page", "bad_request": "Bad request",
        "error": "Error", "sha256": "SHA-256",
    },
    "es": {
        "skip": "Ir al contenido", "tagline": "CRM · CSM · PMM", "site_navigation": "Sitio",
        "queries": "Preguntas", "ontology": "Ontología", "themes": "Temas", "data": "Datos",
        "search": "Buscar", "search_placeholder": "Buscar en etiquetas y textos…", "language": "Idioma",
        "footer_about": "acuerdos: los compromisos de la Conferencia Regional sobre Migración y la Conferencia Suramericana sobre Migraciones, vinculados al Pacto Mundial para la Migración. Datos bajo CC BY 4.0.",
        "data_version": "Versión de los datos", "downloads": "Descargas", "shapes": "Formas SHACL",
        "iri": "IRI", "formats": "Este recurso en", "types": "Tipo", "properties": "Propiedades",
        "incoming": "Referido por", "incoming_help": "Recursos con una propiedad que apunta a este.",
        "text": "Texto", "text_es": "Texto (en español, tal como se imprime)", "translation_en": "Traducción no oficial al inglés",
        "quote": "Cita", "quotes": "Citas de la fuente", "source": "Fuente", "read_in_context": "leer en contexto",
        "source_text": "Texto fuente", "read_source_text": "Leer el texto fuente con cada cita resaltada",
        "more": "y {n} más", "not_found": "No encontrado", "not_found_lead": "No hay ningún recurso con este IRI en el grafo:",
        "not_found_help": "Busque en el grafo o vuelva a la página de inicio.", "home": "Página de inicio",
        "search_results": "Búsqueda", "no_results": "No se encontró nada.", "results_for": "Resultados para",
        "search_help": "Se buscan las etiquetas (en español e inglés) y los textos de las decisiones, sin distinguir acentos ni mayúsculas.",
        "matched_in": "coincide en", "named_graph": "Grafo con nombre", "triples": "tripletas",
        "named_graph_help": "Un grafo con nombre contiene las afirmaciones de un archivo del repositorio.",
        "download": "Descargar", "theme_assignment": "Tema", "basis": "fundamento", "reason": "razón",
        "follow_up": "Seguimiento", "followed_up_by": "seguido por", "kind": "tipo",
        "quoted_from": "Citado de", "highlighted_quote": "El pasaje resaltado es la cita que siguió.",
        "quotes_in_document": "Citas de este documento", "cited_by": "citado por", "in_text": "en el texto",
        "source_file": "Archivo fuente", "document_page": "Página del documento", "bad_request": "Solicitud incorrecta",
        "error": "Error", "sha256": "SHA-256",
    },
}

# Labels of the terms of other vocabularies that the graph uses (ours come from the ontology).
EXTERNAL_LABELS: dict[str, tuple[str, str]] = {
    RDF_NS + "type": ("type", "tipo"),
    RDFS_NS + "label": ("label", "etiqueta"),
    RDFS_NS + "comment": ("comment", "comentario"),
    RDFS_NS + "seeAlso": ("see also", "véase también"),
    RDFS_NS + "subClassOf": ("subclass of", "subclase de"),
    RDFS_NS + "subPropertyOf": ("subproperty of", "subpropiedad de"),
    RDFS_NS + "domain": ("domain", "dominio"),
    RDFS_NS + "range": ("range", "rango"),
    RDFS_NS + "isDefinedBy": ("defined by", "definido por"),
    SKOS + "prefLabel": ("preferred label", "etiqueta preferida"),
    SKOS + "altLabel": ("alternative label", "etiqueta alternativa"),
    SKOS + "definition": ("definition", "definición"),
    SKOS + "scopeNote": ("scope note", "nota de alcance"),
    SKOS + "editorialNote": ("editorial note", "nota editorial"),
    SKOS + "notation": ("notation", "notación"),
    SKOS + "inScheme": ("in scheme", "en el esquema"),
    SKOS + "topConceptOf": ("top concept of", "concepto principal de"),
    SKOS + "broader": ("broader", "más general"),
    SKOS + "narrower": ("narrower", "más específico"),
    SKOS + "related": ("related", "relacionado"),
    SKOS + "exactMatch": ("exact match", "equivalencia exacta"),
    SKOS + "closeMatch": ("close match", "equivalencia cercana"),
    SKOS + "broadMatch": ("broader match", "equivalencia más general"),
    SKOS + "narrowMatch": ("narrower match", "equivalencia más específica"),
    SKOS + "relatedMatch": ("related match", "relación asociativa"),
    SKOS + "Concept": ("concept", "concepto"),
    SKOS + "ConceptScheme": ("concept scheme", "esquema de conceptos"),
    DCT + "title": ("title", "título"),
    DCT + "description": ("description", "descripción"),
    DCT + "date": ("date", "fecha"),
    DCT + "language": ("language", "idioma"),
    DCT + "isPartOf": ("part of", "parte de"),
    DCT + "source": ("source", "fuente"),
    DCT + "creator": ("creator", "autor"),
    DCT + "created": ("created", "creado"),
    DCT + "modified": ("modified", "modificado"),
    DCT + "license": ("license", "licencia"),
    DCT + "identifier": ("identifier", "identificador"),
    DCT + "subject": ("subject", "tema"),
    FOAF + "name": ("name", "nombre"),
    FOAF + "Person": ("person", "persona"),
    ORG + "member": ("member", "miembro"),
    ORG + "organization": ("organisation", "organización"),
    ORG + "role": ("role", "rol"),
    ORG + "memberDuring": ("member during", "miembro durante"),
    ORG + "unitOf": ("unit of", "unidad de"),
    ORG + "subOrganizationOf": ("sub-organisation of", "suborganización de"),
    ORG + "linkedTo": ("linked to", "vinculado con"),
    ORG + "Membership": ("membership", "membresía"),
    OA + "hasSource": ("source", "fuente"),
    OA + "hasSelector": ("selector", "selector"),
    OA + "exact": ("exact quote", "cita exacta"),
    OA + "SpecificResource": ("passage of a source", "pasaje de una fuente"),
    OA + "TextQuoteSelector": ("text quote", "cita textual"),
    SCHEMA + "startDate": ("start date", "fecha de inicio"),
    SCHEMA + "endDate": ("end date", "fecha de fin"),
    SCHEMA + "location": ("location", "lugar"),
    SCHEMA + "containedInPlace": ("contained in", "situado en"),
    SCHEMA + "eventAttendanceMode": ("attendance mode", "modalidad"),
    SCHEMA + "OfflineEventAttendanceMode": ("in person", "presencial"),
    SCHEMA + "OnlineEventAttendanceMode": ("online", "virtual"),
    SCHEMA + "MixedEventAttendanceMode": ("mixed", "mixta"),
    SCHEMA + "organizer": ("organiser", "organizador"),
    SCHEMA + "funder": ("funder", "financiador"),
    SCHEMA + "superEvent": ("part of the event", "parte del evento"),
    SCHEMA + "addressCountry": ("country", "país"),
    SCHEMA + "slogan": ("slogan", "lema"),
    SCHEMA + "Place": ("place", "lugar"),
    SCHEMA + "Country": ("country", "país"),
    PROV + "wasAttributedTo": ("attributed to", "atribuido a"),
    TIME + "hasBeginning": ("beginning", "inicio"),
    TIME + "hasEnd": ("end", "fin"),
    TIME + "inXSDgYear": ("year", "año"),
    TIME + "inXSDDate": ("date", "fecha"),
    TIME + "before": ("before", "antes de"),
    TIME + "Interval": ("interval", "intervalo"),
    TIME + "Instant": ("instant", "instante"),
    OWL + "Class": ("class", "clase"),
    OWL + "ObjectProperty": ("object property", "propiedad de objeto"),
    OWL + "DatatypeProperty": ("datatype property", "propiedad de datos"),
    OWL + "Ontology": ("ontology", "ontología"),
    OWL + "versionInfo": ("version", "versión"),
    OWL + "versionIRI": ("version IRI", "IRI de la versión"),
    "http://purl.org/vocab/vann/preferredNamespacePrefix": ("preferred prefix", "prefijo preferido"),
    "http://purl.org/vocab/vann/preferredNamespaceUri": ("namespace", "espacio de nombres"),
}

# The order properties are listed in on a page; the rest follow, by label.
PROPERTY_ORDER = [
    RDF_NS + "type", DCT + "title", FOAF + "name", ACU + "acronym", ACU + "number", ACU + "position",
    ACU + "adoptedAt", ACU + "recordedIn", ACU + "inSection", ACU + "partOf", ACU + "mustAct", ACU + "addressee",
    ACU + "deadline", ACU + "scheduledStart", ACU + "scheduledEnd", ACU + "dateText", ACU + "schedules",
    ACU + "documentKind", ACU + "meetingKind", ACU + "status", ACU + "conference", SCHEMA + "startDate",
    SCHEMA + "endDate", ACU + "notBefore", ACU + "notAfter", SCHEMA + "location", SCHEMA + "eventAttendanceMode",
    ACU + "participant", ACU + "presidedBy", ACU + "agendaItem", DCT + "date", DCT + "language",
    ACU + "sourceFile", ACU + "records", DCT + "isPartOf", ACU + "signature", SKOS + "notation",
    SKOS + "definition", SKOS + "scopeNote", SKOS + "inScheme", SKOS + "broader", SKOS + "narrower",
    SKOS + "exactMatch", SKOS + "closeMatch", SKOS + "broadMatch", SKOS + "narrowMatch", SKOS + "relatedMatch",
    SKOS + "altLabel", ORG + "member", ORG + "organization", ORG + "role", ACU + "asOf", ORG + "memberDuring",
    ORG + "unitOf", ORG + "subOrganizationOf", ACU + "represents", ACU + "roleText", ACU + "attestedOn",
    ACU + "consolidates", ACU + "mentionedIn",
]
# Shown in their own sections, not in the table of properties.
TEXT_PROPS = (ACU + "text", ACU + "unofficialTranslation")
EVIDENCE = ACU + "evidence"
THEME_ASSIGNMENT = ACU + "themeAssignment"
FOLLOW_UP = ACU + "followUp"
LABEL_PROPS = (RDFS_NS + "label", SKOS + "prefLabel", FOAF + "name", DCT + "title")

MAX_INCOMING = 3000
MAX_PER_GROUP = 200


def t_for(lang: str) -> dict[str, str]:
    return UI.get(lang, UI[DEFAULT_LANG])


def other_lang(lang: str) -> str:
    return "es" if lang == "en" else "en"


def pick_lang(request: Request) -> str:
    """The language asked for: the `lang` parameter, else the best of Accept-Language, else English."""
    asked = (request.query_params.get("lang") or "").strip().lower()
    if asked in LANGS:
        return asked
    return lang_from_header(request.headers.get("accept-language"))


def lang_from_header(header: str | None) -> str:
    best, best_q = DEFAULT_LANG, -1.0
    if not header:
        return DEFAULT_LANG
    for position, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        tag = pieces[0].lower().split("-")[0]
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag in LANGS and q > best_q:
            best, best_q = tag, q
    return best


# ---------------------------------------------------------------------------------------------
# Access to the store
# ---------------------------------------------------------------------------------------------

def _to_rdflib(term: Any) -> Node | None:
    """An rdflib term from whatever a backend hands back (rdflib, pyoxigraph or SPARQL JSON terms)."""
    if term is None or isinstance(term, Node):
        return term
    if isinstance(term, dict):
        kind, value = term.get("type"), term.get("value", "")
        if kind == "uri":
            return URIRef(value)
        if kind == "bnode":
            return BNode(value)
        if term.get("xml:lang"):
            return Literal(value, lang=term["xml:lang"])
        if term.get("datatype"):
            return Literal(value, datatype=URIRef(term["datatype"]))
        return Literal(value)
    try:
        from ..queries import from_oxigraph

        return from_oxigraph(term)
    except TypeError:
        return Literal(str(term))


def _backend_of(app: Any) -> Any:
    state = app.state
    for name in ("backend", "store"):
        backend = getattr(state, name, None)
        if backend is not None:
            return backend
    raise RuntimeError("the application has no store (app.state.backend)")


class Data:
    """The store as the pages use it: SELECT rows of rdflib terms, CONSTRUCT graphs, the data version."""

    def __init__(self, request: Request) -> None:
        self.app = request.app
        self.backend = _backend_of(request.app)
        settings = getattr(request.app.state, "settings", None)
        self.base: str = getattr(settings, "base", None) or CANONICAL_BASE
        self.settings = settings

    @property
    def version(self) -> str:
        version = getattr(self.backend, "version", None)
        if callable(version):
            version = version()
        return str(version or "")

    def select(self, query: str) -> list[dict[str, Node]]:
        result = self.backend.select(query)
        rows = getattr(result, "rows", result)
        if isinstance(rows, dict) and "results" in rows:  # SPARQL JSON
            rows = rows["results"]["bindings"]
        out = []
        for row in rows:
            items = row.items() if isinstance(row, Mapping) else row.asdict().items()
            out.append({str(k): _to_rdflib(v) for k, v in items if v is not None})
        return out

    def construct(self, query: str) -> Graph:
        result = self.backend.construct(query)
        if isinstance(result, Graph):
            return result
        graph = Graph()
        if isinstance(result, (bytes, str)):
            graph.parse(data=result, format="nt")
            return graph
        for triple in result:
            graph.add(tuple(_to_rdflib(t) for t in triple))  # type: ignore[arg-type]
        return graph

    def ask(self, query_body: str) -> bool:
        return bool(self.select(f"SELECT * WHERE {{ {query_body} }} LIMIT 1"))

    def term(self, iri: str) -> str:
        """One of our vocabulary's IRIs (written with the canonical base) under the configured base."""
        return rebase_iri(iri, self.base)

    def canon(self, iri: str) -> str:
        """An IRI under the configured base written with the canonical one (to compare with constants)."""
        return rebase_iri(iri, CANONICAL_BASE, self.base)


def data_of(request: Request) -> Data:
    return Data(request)


# ---------------------------------------------------------------------------------------------
# Links, labels, templates
# ---------------------------------------------------------------------------------------------

def root_of(request: Request) -> str:
    return (request.scope.get("root_path") or "").rstrip("/")


def local_path(iri: str, base: str) -> str | None:
    """The path on this host of an IRI under the base, or None for other IRIs."""
    if iri.startswith(base):
        return "/" + iri[len(base):]
    return None


def href_for(iri: str, base: str, root: str = "") -> str:
    path = local_path(iri, base)
    return root + path if path is not None else iri


def curie(iri: str) -> str:
    for prefix, ns in {**PREFIXES, **EXTRA_PREFIXES}.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            rest = iri[len(ns):]
            if re.fullmatch(r"[A-Za-z_][\w.-]*", rest):
                return f"{prefix}:{rest}"
    return iri


def sparql_iri(iri: str) -> str:
    """An IRI as a SPARQL term, refusing characters an IRIREF may not hold."""
    if re.search(r'[\x00-\x20<>"{}|^`\\]', iri):
        raise ValueError("not an IRI")
    return f"<{iri}>"


@dataclass
class Labels:
    """Labels of IRIs by language, fetched in one query."""

    by_iri: dict[str, dict[str, str]]

    def get(self, iri: str, lang: str) -> str | None:
        found = self.by_iri.get(iri)
        if found:
            return found.get(lang) or found.get(other_lang(lang)) or found.get("")
        pair = EXTERNAL_LABELS.get(iri)
        if pair:
            return pair[0] if lang == "en" else pair[1]
        return None

    def both(self, iri: str) -> dict[str, str]:
        return dict(self.by_iri.get(iri, {}))

    def text(self, iri: str, lang: str) -> str:
        return self.get(iri, lang) or curie(iri) if iri else ""


def fetch_labels(data: Data, iris: Iterable[str]) -> Labels:
    wanted = sorted({i for i in iris if i and not re.search(r'[\x00-\x20<>"{}|^`\\]', i)})
    out: dict[str, dict[str, str]] = {}
    ranks: dict[tuple[str, str], int] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start:start + 400]
        values = " ".join(f"<{i}>" for i in chunk)
        rows = data.select(
            "SELECT ?x ?p ?l WHERE { VALUES ?x { " + values + " } "
            "VALUES ?p { <" + "> <".join(LABEL_PROPS) + "> } ?x ?p ?l }")
        for row in rows:
            x, p, label = str(row.get("x", "")), str(row.get("p", "")), row.get("l")
            if not isinstance(label, Literal):
                continue
            lang = (label.language or "").lower()
            rank = LABEL_PROPS.index(p) if p in LABEL_PROPS else 9
            key = (x, lang)
            if key not in ranks or rank < ranks[key]:
                ranks[key] = rank
                out.setdefault(x, {})[lang] = str(label)
    return Labels(out)


def _template_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["urlencode_params"] = lambda params: urlencode(params, doseq=True)
    return env


templates = _template_env()


def lang_links(request: Request) -> dict[str, str]:
    """The URL of this page in each language (the `lang` parameter replaced)."""
    out = {}
    for code in LANGS:
        items = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
        out[code] = root_of(request) + request.url.path[len(root_of(request)):] + "?" + urlencode(items)
    return out


def page_context(request: Request, lang: str, title: str, version: str = "", **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "request": request, "lang": lang, "other": other_lang(lang), "t": t_for(lang),
        "root": root_of(request), "page_title": title, "lang_links": lang_links(request),
        "version": version, "alternates": [], "canonical": None, "search_q": "",
    }
    context.update(extra)
    return context


def render(template: str, context: Mapping[str, Any], status: int = 200,
           headers: Mapping[str, str] | None = None) -> HTMLResponse:
    body = templates.get_template(template).render(**context)
    return HTMLResponse(body, status_code=status, headers=dict(headers or {}))


# ---------------------------------------------------------------------------------------------
# Content negotiation for RDF
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RdfFormat:
    key: str
    media_type: str
    extension: str
    rdflib: str
    also: tuple[str, ...] = ()


RDF_FORMATS: tuple[RdfFormat, ...] = (
    RdfFormat("turtle", "text/turtle", "ttl", "turtle", ("application/x-turtle", "text/n3", "application/turtle")),
    RdfFormat("jsonld", "application/ld+json", "jsonld", "json-ld", ()),
    RdfFormat("ntriples", "application/n-triples", "nt", "nt", ()),
    RdfFormat("rdfxml", "application/rdf+xml", "rdf", "xml", ()),
)
RDF_BY_EXTENSION = {f.extension: f for f in RDF_FORMATS}
RDF_BY_KEY = {f.key: f for f in RDF_FORMATS}


def format_for_extension(ext: str) -> str | None:
    """The representation a file extension asks for: "html", an RDF format key, or None if unknown."""
    if ext == "html":
        return "html"
    fmt = RDF_BY_EXTENSION.get(ext)
    return fmt.key if fmt else None


def by_extension(request: Request, name: str, ext: str, handler: Callable[[Request, str], Response]) -> Response:
    """Answer `/{name}.{ext}` with `handler` in the representation the extension names, or a 404 page."""
    forced = format_for_extension(ext)
    if forced is None:
        return not_found_page(request, data_of(request).base + f"{name}.{ext}")
    return handler(request, forced)


HTML_OFFER = ("html", ("text/html", "application/xhtml+xml"))


def rdf_offers() -> list[tuple[str, Sequence[str]]]:
    return [HTML_OFFER] + [(f.key, (f.media_type, *f.also)) for f in RDF_FORMATS]


def serialize(graph: Graph, fmt: RdfFormat, base: str) -> bytes:
    graph = _bound(graph, base)
    if fmt.key == "jsonld":
        context = {prefix: ns for prefix, ns in _namespaces(base).items()}
        return graph.serialize(format="json-ld", context=context, auto_compact=True, indent=2).encode("utf-8")
    data = graph.serialize(format=fmt.rdflib, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _namespaces(base: str) -> dict[str, str]:
    spaces = prefixes_for(base)
    spaces.update(EXTRA_PREFIXES)
    return spaces


def _bound(graph: Graph, base: str) -> Graph:
    out = Graph(bind_namespaces="none")
    for prefix, ns in _namespaces(base).items():
        out.bind(prefix, ns, override=True)
    for triple in graph:
        out.add(triple)
    return out


def rdf_response(graph: Graph, fmt: RdfFormat, base: str, headers: Mapping[str, str]) -> Response:
    body = serialize(graph, fmt, base)
    media = fmt.media_type + ("; charset=utf-8" if fmt.media_type.startswith("text/") or fmt.key == "ntriples" else "")
    return Response(body, media_type=media, headers=dict(headers))


# ---------------------------------------------------------------------------------------------
# Describing a resource
# ---------------------------------------------------------------------------------------------

def describe_query(iri: str) -> str:
    """The resource's own statements and those of the blank nodes it points to (four levels deep)."""
    s = sparql_iri(iri)
    return (
        "CONSTRUCT { " + s + " ?p ?o . ?o ?p1 ?o1 . ?o1 ?p2 ?o2 . ?o2 ?p3 ?o3 . ?o3 ?p4 ?o4 } WHERE { "
        + s + " ?p ?o . "
        "OPTIONAL { ?o ?p1 ?o1 . FILTER(isBlank(?o)) "
        "OPTIONAL { ?o1 ?p2 ?o2 . FILTER(isBlank(?o1)) "
        "OPTIONAL { ?o2 ?p3 ?o3 . FILTER(isBlank(?o2)) "
        "OPTIONAL { ?o3 ?p4 ?o4 . FILTER(isBlank(?o3)) } } } } }"
    )


def incoming_query(iri: str) -> str:
    """Who points to the resource: directly, or through a blank node (a quote, a theme assignment…)."""
    return (
        "SELECT ?s ?p ?owner ?op ?owner2 ?op2 WHERE { ?s ?p " + sparql_iri(iri) + " . "
        "OPTIONAL { ?owner ?op ?s . FILTER(isBlank(?s)) "
        "OPTIONAL { ?owner2 ?op2 ?owner . FILTER(isBlank(?owner)) } } } LIMIT " + str(MAX_INCOMING)
    )


def incoming_triples_query(iri: str) -> str:
    return ("CONSTRUCT { ?s ?p " + sparql_iri(iri) + " } WHERE { ?s ?p " + sparql_iri(iri)
            + " . FILTER(isIRI(?s)) } LIMIT " + str(MAX_INCOMING))


def resource_graph(data: Data, iri: str) -> Graph:
    """What a client gets as RDF: the resource's statements, its blank nodes, and who points to it."""
    graph = data.construct(describe_query(iri))
    for triple in data.construct(incoming_triples_query(iri)):
        graph.add(triple)
    return graph


def _natural_key(text: str) -> list[Any]:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def quote_id(exact: str) -> str:
    return hashlib.sha1(exact.encode("utf-8")).hexdigest()[:10]


class PageBuilder:
    """Turns the statements about a resource into what the resource template shows."""

    def __init__(self, data: Data, graph: Graph, labels: Labels, lang: str, root: str) -> None:
        self.data, self.graph, self.labels, self.lang, self.root = data, graph, labels, lang, root
        self.base = data.base

    # values -------------------------------------------------------------------------------

    def iri_value(self, iri: str) -> dict[str, Any]:
        label = self.labels.get(iri, self.lang)
        return {
            "kind": "iri", "iri": iri, "href": href_for(iri, self.base, self.root),
            "label": label or curie(iri), "has_label": bool(label), "local": iri.startswith(self.base),
        }

    def literal_value(self, lit: Literal) -> dict[str, Any]:
        datatype = str(lit.datatype) if lit.datatype else ""
        shown = curie(datatype) if datatype and datatype != str(XSD.string) else ""
        return {"kind": "literal", "text": str(lit), "lang": lit.language or "", "datatype": shown}

    def value(self, node: Node, depth: int = 0) -> dict[str, Any]:
        if isinstance(node, URIRef):
            return self.iri_value(str(node))
        if isinstance(node, Literal):
            return self.literal_value(node)
        return self.bnode_value(node, depth)

    def bnode_value(self, node: Node, depth: int) -> dict[str, Any]:
        g = self.graph
        types = [str(t) for t in g.objects(node, RDF.type)]
        exact = None
        for selector in g.objects(node, URIRef(OA + "hasSelector")):
            for text in g.objects(selector, URIRef(OA + "exact")):
                exact = str(text)
        source = next((str(s) for s in g.objects(node, URIRef(OA + "hasSource"))), None)
        if exact is not None:
            context_href = None
            if source and source.startswith(self.base):
                qid = quote_id(exact)
                context_href = href_for(source, self.base, self.root) + f"/text?q={qid}#q-{qid}"
            return {"kind": "quote", "exact": exact, "source": self.iri_value(source) if source else None,
                    "context_href": context_href}
        term = self.data.term
        theme = next((str(s) for s in g.objects(node, URIRef(term(ACU + "theme")))), None)
        if theme:
            basis = next((str(s) for s in g.objects(node, URIRef(term(ACU + "basis")))), None)
            return {"kind": "theme", "theme": self.iri_value(theme),
                    "basis": self.iri_value(basis) if basis else None,
                    "reason": self._texts(node, term(ACU + "reason"))}
        followed = [str(s) for s in g.objects(node, URIRef(term(ACU + "followedUpBy")))]
        if followed:
            kind = next((str(s) for s in g.objects(node, URIRef(term(ACU + "followUpKind")))), None)
            return {"kind": "followup", "by": [self.iri_value(f) for f in followed],
                    "followup_kind": self.iri_value(kind) if kind else None,
                    "reason": self._texts(node, term(ACU + "reason"))}
        return {"kind": "bnode", "types": [self.iri_value(t) for t in types],
                "props": self.properties(node, depth + 1, skip=(RDF_NS + "type",)) if depth < 5 else []}

    def _texts(self, node: Node, predicate: str) -> list[dict[str, Any]]:
        values = [self.literal_value(o) for o in self.graph.objects(node, URIRef(predicate)) if isinstance(o, Literal)]
        values.sort(key=lambda v: (v["lang"] != self.lang, v["lang"]))
        return values

    # properties ---------------------------------------------------------------------------

    def properties(self, node: Node, depth: int = 0, skip: Sequence[str] = ()) -> list[dict[str, Any]]:
        by_predicate: dict[str, list[Node]] = OrderedDict()
        for p, o in self.graph.predicate_objects(node):
            if str(p) in skip:
                continue
            by_predicate.setdefault(str(p), []).append(o)
        props = []
        for predicate, objects in by_predicate.items():
            values = [self.value(o, depth) for o in objects]
            values.sort(key=self._value_key)
            props.append({
                "iri": predicate, "label": self.labels.text(predicate, self.lang), "curie": curie(predicate),
                "href": href_for(predicate, self.base, self.root), "values": values,
            })
        props.sort(key=self._prop_key)
        return props

    def _value_key(self, value: dict[str, Any]) -> tuple:
        if value["kind"] == "literal":
            return (0, value["lang"] != self.lang, value["lang"], _natural_key(value["text"]))
        if value["kind"] == "iri":
            return (1, _natural_key(value["label"]))
        if value["kind"] == "quote":
            return (2, value["exact"])
        if value["kind"] == "theme":
            return (3, _natural_key(value["theme"]["label"]))
        return (4, "")

    def _prop_key(self, prop: dict[str, Any]) -> tuple:
        iri = self.data.canon(prop["iri"])
        if iri in PROPERTY_ORDER:
            return (0, PROPERTY_ORDER.index(iri), "")
        return (1, 0, prop["label"].lower())


def _heading_labels(graph: Graph, iri: URIRef) -> tuple[dict[str, str], str | None]:
    for predicate in LABEL_PROPS:
        found: dict[str, str] = {}
        for o in graph.objects(iri, URIRef(predicate)):
            if isinstance(o, Literal):
                found.setdefault((o.language or "").lower(), str(o))
        if found:
            return found, predicate
    return {}, None


def build_resource_page(data: Data, iri: str, lang: str, root: str) -> dict[str, Any] | None:
    """Everything the resource template needs, or None when the graph says nothing about the IRI."""
    graph = data.construct(describe_query(iri))
    incoming_rows = data.select(incoming_query(iri))
    if not len(graph) and not incoming_rows:
        return None
    subject = URIRef(iri)
    iris: set[str] = {iri}
    for s, p, o in graph:
        iris.add(str(p))
        for term in (s, o):
            if isinstance(term, URIRef):
                iris.add(str(term))
    for row in incoming_rows:
        for key in ("s", "p", "owner", "op", "owner2", "op2"):
            term = row.get(key)
            if isinstance(term, URIRef):
                iris.add(str(term))
    labels = fetch_labels(data, iris)
    builder = PageBuilder(data, graph, labels, lang, root)
    heading, heading_prop = _heading_labels(graph, subject)
    title = heading.get(lang) or heading.get(other_lang(lang)) or heading.get("") or curie(iri)
    other_title = heading.get(other_lang(lang)) if heading.get(lang) else None
    types = [builder.iri_value(str(t)) for t in graph.objects(subject, RDF.type)]
    types.sort(key=lambda v: v["label"].lower())

    term = data.term
    texts = {}
    for key, predicate in zip(("text", "translation"), TEXT_PROPS):
        for o in graph.objects(subject, URIRef(term(predicate))):
            if isinstance(o, Literal):
                texts[key] = {"text": str(o), "lang": o.language or ""}
    quotes = [builder.value(o) for o in graph.objects(subject, URIRef(term(EVIDENCE)))]
    quotes = [q for q in quotes if q["kind"] == "quote"]
    # the decision's own text first
    own = texts.get("text", {}).get("text")
    quotes.sort(key=lambda q: (q["exact"] != own, q["exact"]))
    themes = [builder.value(o) for o in graph.objects(subject, URIRef(term(THEME_ASSIGNMENT)))]
    themes.sort(key=lambda v: _natural_key(v["theme"]["label"]) if v["kind"] == "theme" else [])
    followups = [builder.value(o) for o in graph.objects(subject, URIRef(term(FOLLOW_UP)))]

    skip = [RDF_NS + "type", *(term(p) for p in (*TEXT_PROPS, EVIDENCE, THEME_ASSIGNMENT, FOLLOW_UP))]
    if heading_prop:
        skip.append(heading_prop)
    props = builder.properties(subject, skip=skip)

    incoming = _incoming_groups(incoming_rows, builder, iri)
    source_text_href = None
    if any(str(p) == term(ACU + "sourceFile") for p in graph.predicates(subject)) or \
            (URIRef(term(ACU + "SourceDocument")) in set(graph.objects(subject, RDF.type))):
        source_text_href = href_for(iri, data.base, root) + "/text"
    return {
        "iri": iri, "title": title, "other_title": other_title, "labels": heading, "types": types,
        "texts": texts, "quotes": quotes, "themes": themes, "followups": followups, "props": props,
        "incoming": incoming, "source_text_href": source_text_href,
        "type_iris": [str(t) for t in graph.objects(subject, RDF.type)],
    }


def _incoming_groups(rows: list[dict[str, Node]], builder: PageBuilder, iri: str) -> list[dict[str, Any]]:
    groups: dict[tuple[str, ...], dict[str, Any]] = OrderedDict()
    lang = builder.lang
    for row in rows:
        s, p = row.get("s"), row.get("p")
        if s is None or p is None:
            continue
        if isinstance(s, URIRef):
            key: tuple[str, ...] = (str(p),)
            who = str(s)
        else:
            owner, op = row.get("owner"), row.get("op")
            if isinstance(owner, BNode):
                owner, op2 = row.get("owner2"), row.get("op2")
                if not isinstance(owner, URIRef) or op2 is None:
                    continue
                key = (str(op2), str(op), str(p))
            elif isinstance(owner, URIRef) and op is not None:
                key = (str(op), str(p))
            else:
                continue
            who = str(owner)
        if who == iri:
            continue
        group = groups.get(key)
        if group is None:
            label = " › ".join(builder.labels.text(k, lang) for k in key)
            group = groups[key] = {"key": key, "label": label, "curie": " / ".join(curie(k) for k in key),
                                   "href": href_for(key[-1], builder.base, builder.root), "members": {}}
        group["members"].setdefault(who, builder.iri_value(who))
    out = []
    for group in groups.values():
        members = sorted(group["members"].values(), key=lambda v: _natural_key(v["label"]))
        out.append({**group, "members": members[:MAX_PER_GROUP], "more": max(0, len(members) - MAX_PER_GROUP),
                    "count": len(members)})
    out.sort(key=lambda g: g["label"].lower())
    return out


# ---------------------------------------------------------------------------------------------
# Named graphs
# ---------------------------------------------------------------------------------------------

def named_graph_size(data: Data, iri: str) -> int:
    rows = data.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + sparql_iri(iri) + " { ?s ?p ?o } }")
    if not rows or rows[0].get("n") is None:
        return 0
    return int(str(rows[0]["n"]))


def named_graph_content(data: Data, iri: str) -> Graph:
    return data.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH " + sparql_iri(iri) + " { ?s ?p ?o } }")


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case, without accents, whitespace folded: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped.lower()).strip()


_SEARCH_INDEX: dict[str, list[tuple[str, str, str, str, str]]] = {}

SEARCHED = [*LABEL_PROPS, SKOS + "altLabel", ACU + "acronym", ACU + "text", ACU + "unofficialTranslation",
            ACU + "iso3166Alpha2", ACU + "iso3166Alpha3"]


def search_query(data: Data) -> str:
    return ("SELECT ?x ?p ?l WHERE { VALUES ?p { <" + "> <".join(data.term(p) for p in SEARCHED) + "> } "
            "?x ?p ?l . FILTER(isIRI(?x) && isLiteral(?l)) }")


def search_index(data: Data) -> list[tuple[str, str, str, str, str]]:
    """(iri, predicate, text, folded text, lang) for every label and decision text; cached per data version."""
    version = data.version
    cached = _SEARCH_INDEX.get(version)
    if cached is not None:
        return cached
    entries = []
    for row in data.select(search_query(data)):
        x, p, label = row.get("x"), row.get("p"), row.get("l")
        if isinstance(x, URIRef) and isinstance(label, Literal):
            entries.append((str(x), data.canon(str(p)), str(label), fold(str(label)), label.language or ""))
    _SEARCH_INDEX.clear()
    _SEARCH_INDEX[version] = entries
    return entries


def search(data: Data, text: str, lang: str, root: str, limit: int = 100) -> list[dict[str, Any]]:
    words = [w for w in fold(text).split(" ") if w]
    if not words:
        return []
    hits: dict[str, dict[str, Any]] = {}
    for iri, predicate, label, folded, label_lang in search_index(data):
        if all(w in folded for w in words):
            is_label = predicate in LABEL_PROPS or predicate == ACU + "acronym"
            score = (0 if folded == " ".join(words) else 1 if is_label else 2)
            hit = hits.get(iri)
            if hit is None or score < hit["score"]:
                hits[iri] = {"iri": iri, "score": score, "predicate": predicate, "matched": label,
                             "matched_lang": label_lang}
    ranked = sorted(hits.values(), key=lambda h: (h["score"], h["iri"]))[:limit]
    if not ranked:
        return []
    labels = fetch_labels(data, [h["iri"] for h in ranked] + [data.term(h["predicate"]) for h in ranked])
    types = _types_of(data, [h["iri"] for h in ranked])
    type_labels = fetch_labels(data, {t for ts in types.values() for t in ts})
    out = []
    for hit in ranked:
        iri = hit["iri"]
        matched = hit["matched"]
        if len(matched) > 240:
            position = fold(matched).find(words[0])
            start = max(0, position - 80)
            matched = ("…" if start else "") + matched[start:start + 220] + "…"
        out.append({
            "iri": iri, "href": href_for(iri, data.base, root), "label": labels.text(iri, lang),
            "types": sorted(type_labels.text(t, lang) for t in types.get(iri, [])),
            "matched": matched, "matched_lang": hit["matched_lang"],
            "predicate": labels.text(data.term(hit["predicate"]), lang),
            "show_match": hit["predicate"] not in LABEL_PROPS or hit["matched_lang"] not in (lang, ""),
        })
    out.sort(key=lambda h: (hits[h["iri"]]["score"], _natural_key(h["label"])))
    return out


def _types_of(data: Data, iris: Sequence[str]) -> dict[str, list[str]]:
    if not iris:
        return {}
    values = " ".join(sparql_iri(i) for i in iris)
    out: dict[str, list[str]] = {}
    for row in data.select("SELECT ?x ?t WHERE { VALUES ?x { " + values + " } ?x a ?t }"):
        out.setdefault(str(row["x"]), []).append(str(row["t"]))
    return out


# ---------------------------------------------------------------------------------------------
# Source texts: the quote in context
# ---------------------------------------------------------------------------------------------

@dataclass
class Quote:
    qid: str
    exact: str
    start: int  # in the original text
    end: int
    owners: list[dict[str, Any]]


def locate_quotes(text: str, quotes: Mapping[str, list[dict[str, Any]]]) -> tuple[list[Quote], list[str]]:
    """Where each quote (normalised) sits in the original text; quotes not found are returned apart."""
    normalised, spans = normalise_with_map(text)
    found: list[Quote] = []
    missing: list[str] = []
    for exact, owners in quotes.items():
        position = normalised.find(exact)
        if position < 0 or not exact:
            missing.append(exact)
            continue
        start = spans[position][0]
        end = spans[position + len(exact) - 1][1]
        found.append(Quote(quote_id(exact), exact, start, end, owners))
    found.sort(key=lambda q: (q.start, -q.end))
    return found, missing


def highlight(text: str, quotes: Sequence[Quote], selected: str | None) -> str:
    """The original text as HTML, each quoted passage in a <mark>, an anchor where each quote starts."""
    cuts = {0, len(text)}
    for q in quotes:
        cuts.update((q.start, q.end))
    points = sorted(cuts)
    starts: dict[int, list[Quote]] = {}
    for q in quotes:
        starts.setdefault(q.start, []).append(q)
    out: list[str] = []
    for a, b in zip(points, points[1:]):
        for q in starts.get(a, []):
            out.append(f'<span class="anchor" id="q-{q.qid}"></span>')
        covering = [q for q in quotes if q.start <= a and b <= q.end]
        chunk = html.escape(text[a:b])
        if covering:
            classes = "q selected" if selected and any(q.qid == selected for q in covering) else "q"
            ids = " ".join(q.qid for q in covering)
            out.append(f'<mark class="{classes}" data-quotes="{ids}">{chunk}</mark>')
        else:
            out.append(chunk)
    return "".join(out)


def source_file_of(data: Data, iri: str) -> tuple[str | None, str | None]:
    """The source file of a document (its own, or that of the document it is part of), and that document."""
    rows = data.select(
        "SELECT ?doc ?file WHERE { VALUES ?start { " + sparql_iri(iri) + " } "
        "?start <" + DCT + "isPartOf>* ?doc . ?doc <" + data.term(ACU + "sourceFile") + "> ?file } LIMIT 1")
    if not rows:
        return None, None
    return str(rows[0]["file"]), str(rows[0]["doc"])


def quotes_from_file(data: Data, filename: str) -> dict[str, list[str]]:
    rows = data.select(
        "SELECT ?owner ?exact WHERE { ?doc <" + data.term(ACU + "sourceFile") + "> " + Literal(filename).n3() + " . "
        "?owner <" + data.term(ACU + "evidence") + "> ?e . ?e <" + OA + "hasSource> ?source ; <" + OA + "hasSelector> ?sel . "
        "?sel <" + OA + "exact> ?exact . ?source <" + DCT + "isPartOf>* ?doc . FILTER(isIRI(?owner)) }")
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(str(row["exact"]), [])
        owner = str(row["owner"])
        if owner not in out[str(row["exact"])]:
            out[str(row["exact"])].append(owner)
    return out


def sources_dir(request: Request) -> Path:
    settings = getattr(request.app.state, "settings", None)
    folder = getattr(settings, "sources", None)
    return Path(folder) if folder else Paths().sources


# ---------------------------------------------------------------------------------------------
# Routes
# ---------------------------------------------------------------------------------------------

def get_and_head(target: APIRouter, path: str, **options: Any):
    """Register a GET operation (in the OpenAPI document) that also answers HEAD (not listed twice)."""
    def register(function):
        target.add_api_route(path, function, methods=["GET"], **options)
        target.add_api_route(path, function, methods=["HEAD"], include_in_schema=False)
        return function

    return register


router = APIRouter()

_EXTENSION = re.compile(r"^(?P<path>.+?)\.(?P<ext>ttl|jsonld|nt|rdf|html)$")


def _version(data: Data) -> str:
    try:
        return data.version
    except Exception:  # a remote store that cannot say: pages still work
        return ""


def not_found_page(request: Request, iri: str | None = None, lang: str | None = None, message: str | None = None,
                   status: int = 404) -> HTMLResponse:
    lang = lang or pick_lang(request)
    suggestions: list[dict[str, Any]] = []
    guess = ""
    try:
        data = data_of(request)
        version = _version(data)
        if iri:
            tail = iri.rstrip("/").rsplit("/", 1)[-1]
            guess = re.sub(r"[-_]+", " ", re.sub(r"\.\w+$", "", tail)).strip()
            words = [w for w in guess.split() if not w.isdigit() or len(w) == 4][:3]
            if words:
                suggestions = search(data, " ".join(words), lang, root_of(request), limit=10)
                for word in reversed(words if len(words) > 1 else []):
                    if suggestions:
                        break
                    if len(word) > 2:
                        suggestions = search(data, word, lang, root_of(request), limit=10)
                        guess = word if suggestions else guess
    except Exception:
        version = ""
    t = t_for(lang)
    context = page_context(request, lang, t["not_found"], version, iri=iri, message=message,
                           suggestions=suggestions, guess=guess, search_q=guess)
    headers = {"Vary": "Accept, Accept-Language", "Cache-Control": "no-cache"}
    return render("not_found.html", context, status=status, headers=headers)


@router.api_route("/search", methods=["GET", "HEAD"], include_in_schema=False)
def search_page(request: Request) -> Response:
    lang = pick_lang(request)
    data = data_of(request)
    q = (request.query_params.get("q") or "").strip()[:200]
    results = search(data, q, lang, root_of(request)) if q else []
    version = _version(data)
    etag = etag_for(version, "search", q, lang)
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    t = t_for(lang)
    title = f'{t["results_for"]} «{q}»' if q else t["search_results"]
    context = page_context(request, lang, title, version, q=q, results=results, search_q=q)
    return render("search.html", context, headers=headers)


@router.api_route("/document/{slug}/text", methods=["GET", "HEAD"], include_in_schema=False)
def source_text(request: Request, slug: str) -> Response:
    lang = pick_lang(request)
    data = data_of(request)
    iri = data.base + "document/" + slug
    try:
        filename, _ = source_file_of(data, iri)
    except ValueError:
        filename = None
    folder = sources_dir(request)
    path = folder / Path(filename).name if filename else None
    if not filename or path is None or not path.is_file() or path.resolve().parent != folder.resolve():
        return not_found_page(request, iri + "/text", lang)
    version = _version(data)
    selected = request.query_params.get("q")
    if selected and not re.fullmatch(r"[0-9a-f]{10}", selected):
        selected = None
    if request.query_params.get("format") == "txt":
        etag = etag_for(version, "text", filename)
        headers = cache_headers(etag, vary="Accept", version=version)
        if matches_etag(request, etag):
            return not_modified(headers)
        return PlainTextResponse(path.read_text(encoding="utf-8"), headers=headers)
    etag = etag_for(version, "text-html", slug, lang, selected or "")
    headers = cache_headers(etag, version=version)
    if matches_etag(request, etag):
        return not_modified(headers)
    text = path.read_text(encoding="utf-8")
    quotes_by_text = quotes_from_file(data, filename)
    labels = fetch_labels(data, {o for owners in quotes_by_text.values() for o in owners} | {iri})
    root = root_of(request)
    with_owners = {
        exact: [{"iri": o, "href": href_for(o, data.base, root), "label": labels.text(o, lang)}
                for o in sorted(owners, key=lambda o: _natural_key(labels.text(o, lang)))]
        for exact, owners in quotes_by_text.items()
    }
    located, missing = locate_quotes(text, with_owners)
    selected_quote = next((q for q in located if q.qid == selected), None)
    t = t_for(lang)
    title = f'{t["source_text"]}: {labels.text(iri, lang)}'
    context = page_context(
        request, lang, title, version, doc_iri=iri, doc_href=href_for(iri, data.base, root),
        doc_label=labels.text(iri, lang), filename=filename, text_html=highlight(text, located, selected),
        quotes=located, missing=missing, selected=selected_quote,
        plain_href=href_for(iri, data.base, root) + "/text?format=txt",
    )
    return render("source_text.html", context, headers=headers)


def _resource_response(request: Request, path: str, forced: str | None) -> Response:
    data = data_of(request)
    iri = data.base + path
    if re.search(r'[\x00-\x20<>"{}|^`\\]', iri):
        return not_found_page(request, iri)
    lang = pick_lang(request)
    if forced:
        key = forced
    else:
        key = negotiate(request.headers.get("accept"), rdf_offers(), "html")
        if key is None:
            offered = ", ".join(["text/html"] + [f.media_type for f in RDF_FORMATS])
            return PlainTextResponse(f"Not acceptable: this resource is available as {offered}.", status_code=406,
                                     headers={"Vary": "Accept"})
    version = _version(data)
    vary = "Accept, Accept-Language" if key == "html" else "Accept"
    etag = etag_for(version, "resource", iri, key, lang if key == "html" else "")
    headers = cache_headers(etag, vary=vary, version=version)
    extension = "html" if key == "html" else RDF_BY_KEY[key].extension
    headers["Content-Location"] = href_for(iri, data.base, root_of(request)) + "." + extension
    headers["Link"] = f'<{iri}>; rel="canonical"'
    if matches_etag(request, etag):
        return not_modified(headers)
    if key != "html":
        graph = resource_graph(data, iri)
        if not len(graph):
            size = named_graph_size(data, iri) if path.startswith("graph/") else 0
            if not size:
                return PlainTextResponse(f"Not found: {iri}", status_code=404, headers={"Vary": "Accept"})
            graph = named_graph_content(data, iri)
        return rdf_response(graph, RDF_BY_KEY[key], data.base, headers)
    root = root_of(request)
    page = build_resource_page(data, iri, lang, root)
    if page is None:
        if path.startswith("graph/"):
            size = named_graph_size(data, iri)
            if size:
                return _named_graph_page(request, data, iri, size, lang, version, headers)
        return not_found_page(request, iri, lang)
    from . import docs  # the theme schemes have pages of their own

    if path.startswith("scheme/"):
        special = docs.scheme_page(request, data, iri, lang, version, headers)
        if special is not None:
            return special
    local = href_for(iri, data.base, root)
    alternates = [{"type": f.media_type, "href": f"{local}.{f.extension}"} for f in RDF_FORMATS]
    formats = [{"label": name, "href": f"{local}.{f.extension}"}
               for name, f in zip(("Turtle", "JSON-LD", "N-Triples", "RDF/XML"), RDF_FORMATS)]
    context = page_context(request, lang, page["title"], version, page=page, alternates=alternates,
                           formats=formats, canonical=None)
    return render("resource.html", context, headers=headers)


def _named_graph_page(request: Request, data: Data, iri: str, size: int, lang: str, version: str,
                      headers: Mapping[str, str]) -> Response:
    local = href_for(iri, data.base, root_of(request))
    formats = [{"label": name, "href": f"{local}.{f.extension}"}
               for name, f in zip(("Turtle", "JSON-LD", "N-Triples", "RDF/XML"), RDF_FORMATS)]
    name = iri[len(data.base + "graph/"):]
    context = page_context(request, lang, f"{t_for(lang)['named_graph']} {name}", version, iri=iri, size=size,
                           name=name, formats=formats)
    return render("named_graph.html", context, headers=dict(headers))


@router.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
def resource(request: Request, path: str) -> Response:
    """Any IRI under the base: its page, or its statements in the format asked for."""
    if not path:
        return not_found_page(request, None)
    if path.endswith("/") and len(path) > 1:
        return RedirectResponse(root_of(request) + "/" + path.rstrip("/"), status_code=301)
    forced = None
    match = _EXTENSION.match(path)
    if match:
        path = match.group("path")
        ext = match.group("ext")
        forced = format_for_extension(ext)
    return _resource_response(request, path, forced)
