"""The DCAT-AP 3.0 half of the dataset's description: what a data portal harvests.

Every value DCAT-AP constrains is an IRI of the class its range shapes ask for, typed so in the
description itself (a harvester reads the description alone): languages and file types from the
EU's authority tables, media types as IANA IRIs, the licence a ``dct:LicenseDocument`` of an ADMS
licence type, the formats' W3C recommendations ``dct:Standard``s, availability a concept of the EU's
planned-availability table. Coverage is computed from the data: the period from the first to the
last meeting date, the Member States of the two conferences as EU country authority IRIs (from
their ISO 3166-1 alpha-3 codes), the GCM objectives the decisions are filed under. Publisher and
contact point come from the publisher configuration and are left out, never invented, without one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS, XSD

from ..namespaces import PREFIXES, Base
from .mirror import FileFacts
from .publisher import PUBLISHER_TYPES, Publisher
from .void import select

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
# http://purl.org/adms/licencetype/ (ADMS licence types): CC BY 4.0 asks for attribution.
LICENSE_TYPE = ("http://purl.org/adms/licencetype/Attribution", "Attribution")
# EU data theme authority table: migration is filed under "Population and society".
DATA_THEME = (EU + "data-theme/SOCI", {"en": "Population and society", "es": "Población y sociedad"})
# EU planned-availability authority table: the dumps of the current build stay at their address.
AVAILABILITY = (EU + "planned-availability/AVAILABLE", "available")
LANGUAGES = {"es": EU + "language/SPA", "en": EU + "language/ENG"}


@dataclass(frozen=True)
class Dump:
    """A dump of the release: its media type, the EU file type, the W3C standard, what it holds."""

    media: str
    file_type: str
    label: str
    standard: str
    what: str


MERGED = "every statement, the named graphs merged"
APART = "the named graphs kept apart (one per file)"
DUMPS: dict[str, Dump] = {
    "acuerdos.ttl": Dump(
        "text/turtle",
        "RDF_TURTLE",
        "Turtle",
        "https://www.w3.org/TR/turtle/",
        "every statement, the named graphs merged",
    ),
    "acuerdos.nt": Dump(
        "application/n-triples",
        "RDF_N_TRIPLES",
        "N-Triples",
        "https://www.w3.org/TR/n-triples/",
        MERGED,
    ),
    "acuerdos.jsonld": Dump(
        "application/ld+json", "JSON_LD", "JSON-LD", "https://www.w3.org/TR/json-ld11/", "the named graphs kept apart"
    ),
    "acuerdos.trig": Dump(
        "application/trig",
        "RDF_TRIG",
        "TriG",
        "https://www.w3.org/TR/trig/",
        "the named graphs kept apart (one per file)",
    ),
    "acuerdos.nq": Dump(
        "application/n-quads",
        "RDF_N_QUADS",
        "N-Quads",
        "https://www.w3.org/TR/n-quads/",
        APART,
    ),
}
GZIP = IANA + "application/gzip"
TITLES = {
    "es": "acuerdos: compromisos de la CRM y la CSM y el Pacto Mundial para la Migración",
    "en": "acuerdos: commitments of the CRM and the CSM and the Global Compact for Migration",
}
DESCRIPTIONS = {
    "es": "Grafo de conocimiento de las reuniones, documentos y decisiones de la Conferencia Regional sobre Migración "
    "y la Conferencia Suramericana sobre Migraciones, cada afirmación con su cita de la fuente, vinculadas a los "
    "objetivos y principios del Pacto Mundial para la Migración Segura, Ordenada y Regular.",
    "en": "A knowledge graph of the meetings, documents and decisions of the Regional Conference on Migration and the "
    "South American Conference on Migration, each statement with its quote of the source, linked to the objectives "
    "and guiding principles of the Global Compact for Safe, Orderly and Regular Migration.",
}
KEYWORDS = (
    "migration",
    "migración",
    "Global Compact for Migration",
    "Pacto Mundial para la Migración",
    "Regional Conference on Migration",
    "Conferencia Suramericana sobre Migraciones",
    "regional consultative process",
)

_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_PERIOD = (
    _PROLOGUE
    + """SELECT (MIN(?d) AS ?start) (MAX(?d) AS ?end) WHERE {
  ?m a acu:Meeting ; schema:startDate|schema:endDate|acu:notBefore|acu:notAfter ?d .
  FILTER(DATATYPE(?d) = xsd:date) }"""
)
_STATES = (
    _PROLOGUE
    + """SELECT DISTINCT ?code WHERE {
  ?membership org:organization ?conference ; org:member ?state ; org:role ?role .
  ?conference a acu:Conference . ?state a acu:State ; acu:iso3166Alpha3 ?code .
  FILTER(STRENDS(STR(?role), "/kind/role/member-state")) } ORDER BY ?code"""
)
_THEMES = (
    _PROLOGUE
    + """SELECT DISTINCT ?theme ?scheme ?label (LANG(?label) AS ?lang) WHERE {
  ?decision a/rdfs:subClassOf* acu:Decision ; acu:themeAssignment/acu:theme ?theme .
  ?theme skos:inScheme ?scheme ; skos:prefLabel ?label . FILTER(STRENDS(STR(?scheme), "/scheme/gcm-objectives"))
} ORDER BY ?theme"""
)


@dataclass(frozen=True)
class Coverage:
    """What the data covers: a period (first and last meeting date), countries, GCM objectives."""

    start: str | None
    end: str | None
    countries: list[str]  # ISO 3166-1 alpha-3 codes of the Member States
    themes: dict[tuple[str, str], list[tuple[str, str]]]  # (concept, its scheme) → its labels (text, language)


def coverage(store: ox.Store) -> Coverage:
    """The period, the Member States and the GCM objectives of the data in ``store``."""
    start, end = next(select(store, _PERIOD), ["", ""])
    themes: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for theme, scheme, label, lang in select(store, _THEMES):
        themes.setdefault((theme, scheme), []).append((label, lang))
    return Coverage(start or None, end or None, [row[0] for row in select(store, _STATES)], themes)


def _node(kind: str, *key: str) -> BNode:
    return BNode(kind + "_" + hashlib.sha1("|".join(key).encode()).hexdigest()[:12])


def _typed(graph: Graph, iri: str, kind: URIRef) -> URIRef:
    node = URIRef(iri)
    graph.add((node, RDF.type, kind))
    return node


def _concept(graph: Graph, iri: str, labels: Iterable[tuple[str, str]], scheme: str | None = None) -> URIRef:
    node = _typed(graph, iri, SKOS.Concept)
    for text, lang in labels:
        graph.add((node, SKOS.prefLabel, Literal(text, lang=lang or None)))
    if scheme is not None:
        graph.add((node, SKOS.inScheme, URIRef(scheme)))
    return node


def _license(graph: Graph) -> URIRef:
    node = _typed(graph, LICENSE, DCTERMS.LicenseDocument)
    graph.add((node, DCTERMS.title, Literal("Creative Commons Attribution 4.0 International", lang="en")))
    graph.add((node, DCTERMS.type, _concept(graph, LICENSE_TYPE[0], [(LICENSE_TYPE[1], "en")])))
    return node


def _publisher(graph: Graph, publisher: Publisher) -> tuple[URIRef | BNode | None, BNode | None]:
    """The dct:publisher and the dcat:contactPoint, each None when not configured."""
    agent: URIRef | BNode | None = None
    if publisher.name is not None:
        agent = URIRef(publisher.iri) if publisher.iri else _node("publisher", publisher.name)
        graph.add((agent, RDF.type, FOAF.Agent))
        graph.add((agent, FOAF.name, Literal(publisher.name)))
        if publisher.type is not None:
            kind = "http://purl.org/adms/publishertype/" + publisher.type
            graph.add((agent, DCTERMS.type, _concept(graph, kind, [(PUBLISHER_TYPES[publisher.type], "en")])))
        if publisher.homepage is not None:
            graph.add((agent, FOAF.homepage, _typed(graph, publisher.homepage, FOAF.Document)))
    if not publisher.has_contact:
        return agent, None
    contact = _node("contact", publisher.contact_email or "", publisher.contact_url or "")
    graph.add((contact, RDF.type, VCARD.Kind))
    if publisher.contact_name is not None:
        graph.add((contact, VCARD.fn, Literal(publisher.contact_name)))
    if publisher.contact_email is not None:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + publisher.contact_email)))
    if publisher.contact_url is not None:
        graph.add((contact, VCARD.hasURL, URIRef(publisher.contact_url)))
    return agent, contact


@dataclass(frozen=True)
class Release:
    """What the description says of the build: the content hash, the release, its dates."""

    version: str
    release: str | None
    issued: str | None
    modified: str | None


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def _agents(graph: Graph, subjects: Iterable[URIRef], publisher: Publisher) -> None:
    agent, contact = _publisher(graph, publisher)
    for subject in subjects:
        if agent is not None:
            graph.add((subject, DCTERMS.publisher, agent))
        if contact is not None:
            graph.add((subject, DCAT.contactPoint, contact))


def describe_dcat(
    graph: Graph,
    dataset: URIRef,
    base: Base,
    release: Release,
    files: dict[str, FileFacts],
    cover: Coverage,
    publisher: Publisher,
) -> None:
    """Add the DCAT-AP statements of ``dataset``, its distributions and its SPARQL service to ``graph``."""
    graph.add((dataset, RDF.type, DCAT.Dataset))
    for lang in ("es", "en"):
        graph.add((dataset, DCTERMS.title, Literal(TITLES[lang], lang=lang)))
        graph.add((dataset, DCTERMS.description, Literal(DESCRIPTIONS[lang], lang=lang)))
        graph.add((dataset, DCTERMS.language, _typed(graph, LANGUAGES[lang], DCTERMS.LinguisticSystem)))
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.license, _license(graph)))
    graph.add((dataset, DCAT.version, Literal(release.release or release.version)))
    graph.add((dataset, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(release.version)))
    for when, value in ((DCTERMS.issued, release.issued), (DCTERMS.modified, release.modified)):
        if value is not None:
            graph.add((dataset, when, _date(value)))
    for keyword in KEYWORDS:
        graph.add((dataset, DCAT.keyword, Literal(keyword)))
    home = _typed(graph, base.iri, FOAF.Document)
    graph.add((dataset, DCAT.landingPage, home))
    graph.add((dataset, FOAF.homepage, home))
    graph.add((dataset, FOAF.page, _typed(graph, base.path("dataset"), FOAF.Document)))
    _coverage(graph, dataset, cover)
    service = _service(graph, dataset, base)
    _agents(graph, [dataset, service], publisher)
    for name, facts in files.items():
        _distribution(graph, dataset, base, service, facts, DUMPS[name.removesuffix(".gz")])


def _coverage(graph: Graph, dataset: URIRef, cover: Coverage) -> None:
    if cover.start is not None and cover.end is not None:
        period = _node("period", cover.start, cover.end)
        graph.add((dataset, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        graph.add((period, DCAT.startDate, _date(cover.start)))
        graph.add((period, DCAT.endDate, _date(cover.end)))
    for code in cover.countries:
        graph.add((dataset, DCTERMS.spatial, _typed(graph, f"{EU}country/{code}", DCTERMS.Location)))
    for theme in _themes(graph, cover):
        graph.add((dataset, DCAT.theme, theme))


def _themes(graph: Graph, cover: Coverage) -> list[URIRef]:
    eu_theme = _concept(graph, DATA_THEME[0], [(t, lang) for lang, t in DATA_THEME[1].items()], EU + "data-theme")
    return [eu_theme, *(_concept(graph, iri, labels, scheme) for (iri, scheme), labels in cover.themes.items())]


def _service(graph: Graph, dataset: URIRef, base: Base) -> URIRef:
    service = _typed(graph, base.path("sparql"), DCAT.DataService)
    graph.add((dataset, DCAT.accessService, service))
    graph.add((service, DCAT.endpointURL, service))
    graph.add((service, DCAT.endpointDescription, URIRef(base.path("openapi.json"))))
    graph.add((service, DCAT.servesDataset, dataset))
    standard = _typed(graph, "https://www.w3.org/TR/sparql11-protocol/", DCTERMS.Standard)
    graph.add((service, DCTERMS.conformsTo, standard))
    graph.add((service, DCTERMS.title, Literal("acuerdos SPARQL endpoint", lang="en")))
    graph.add((service, DCTERMS.title, Literal("Punto de acceso SPARQL de acuerdos", lang="es")))
    graph.add((service, DCTERMS.license, URIRef(LICENSE)))
    graph.add((service, DCAT.theme, URIRef(DATA_THEME[0])))
    for keyword in ("SPARQL", "linked data", "datos enlazados"):
        graph.add((service, DCAT.keyword, Literal(keyword)))
    return service


def _distribution(graph: Graph, dataset: URIRef, base: Base, service: URIRef, facts: FileFacts, dump: Dump) -> None:
    url = _typed(graph, base.path("dumps/" + facts.name), DCAT.Distribution)
    graph.add((dataset, DCAT.distribution, url))
    graph.add((url, DCAT.downloadURL, url))
    graph.add((url, DCAT.accessURL, url))
    graph.add((url, DCAT.mediaType, _typed(graph, IANA + dump.media, DCTERMS.MediaType)))
    graph.add((url, DCTERMS.format, _typed(graph, f"{EU}file-type/{dump.file_type}", DCTERMS.MediaTypeOrExtent)))
    graph.add((url, DCTERMS.conformsTo, _typed(graph, dump.standard, DCTERMS.Standard)))
    compressed = " (gzip)" if facts.compressed else ""
    graph.add((url, DCTERMS.title, Literal(f"acuerdos, {dump.label}{compressed}", lang="en")))
    graph.add((url, DCTERMS.description, Literal(dump.what + compressed, lang="en")))
    graph.add((url, DCTERMS.license, URIRef(LICENSE)))
    graph.add((url, DCATAP.availability, _concept(graph, AVAILABILITY[0], [(AVAILABILITY[1], "en")])))
    graph.add((url, DCAT.byteSize, Literal(str(facts.size), datatype=XSD.decimal)))  # DCAT-AP 3.0.0's shape
    checksum = _node("checksum", facts.name, facts.sha256)
    graph.add((url, SPDX.checksum, checksum))
    graph.add((checksum, RDF.type, SPDX.Checksum))
    graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    graph.add((checksum, SPDX.checksumValue, Literal(facts.sha256, datatype=XSD.hexBinary)))
    if facts.compressed:
        graph.add((url, DCAT.compressFormat, _typed(graph, GZIP, DCTERMS.MediaType)))
