"""The concept schemes (themes and value sets): ``/schemes`` lists them, ``/scheme/{slug}`` shows one.

A scheme's page shows its concepts as a tree (by skos:broader), with notations, definitions, notes,
mappings to the other schemes, and how many resources each tags (a link to the decisions on a
theme when the ``decisions-by-theme`` query exists). The RDF of a scheme is the linked-data route's.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import Literal
from rdflib.term import Node

from ..http import matches_etag, not_modified
from ..namespaces import CURIES, ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .deps import get_backend, get_site, root_of
from .i18n import other_lang, strings
from .labels import Labels, fetch_labels, natural_key, pick
from .rdf_out import alternates, format_links
from .rendering import Links, links_of, page_context, page_validators, render, sparql_iri

SKOS = PREFIXES["skos"]
_MAP_ORDER = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch", "related"]
_CONCEPT_PROPS = [
    "prefLabel",
    "altLabel",
    "definition",
    "notation",
    "broader",
    "scopeNote",
    "editorialNote",
    *_MAP_ORDER,
    "topConceptOf",
]
_TEXTS = {"prefLabel": "pref", "definition": "definition", "scopeNote": "scope", "editorialNote": "note"}
_SCHEME_ORDER = ["regional-themes", "gcm-objectives", "gcm-principles", "gcm-thematic-sessions"]


def schemes_list(backend: Backend, lang: str, links: Links) -> list[dict[str, Any]]:
    """Every concept scheme with its number of concepts: the theme schemes first, then the value sets."""
    rows = backend.select(
        "SELECT ?scheme (COUNT(DISTINCT ?c) AS ?n) WHERE { ?scheme a <" + SKOS + "ConceptScheme> . "
        "OPTIONAL { ?c <" + SKOS + "inScheme> ?scheme } } GROUP BY ?scheme"
    )
    labels = fetch_labels(backend, [str(r["scheme"]) for r in rows])
    out = []
    for row in rows:
        iri = str(row["scheme"])
        out.append(
            {
                "iri": iri,
                "href": links.href(iri),
                "label": labels.text(iri, lang),
                "count": int(str(row.get("n", 0))),
                "kind": "kind" if "/scheme/kind-" in iri else "theme",
            }
        )

    def key(s: dict[str, Any]) -> tuple:
        slug = s["iri"].rsplit("/", 1)[-1]
        return (s["kind"] != "theme", _SCHEME_ORDER.index(slug) if slug in _SCHEME_ORDER else 99, s["label"].lower())

    return sorted(out, key=key)


def _new_concept(iri: str) -> dict[str, Any]:
    return {
        "iri": iri,
        "pref": {},
        "alt": [],
        "definition": {},
        "scope": {},
        "note": {},
        "notation": "",
        "broader": [],
        "mappings": [],
        "top": False,
    }


def _add(item: dict[str, Any], name: str, o: Node) -> None:
    """One statement about a concept into its entry."""
    if name in _TEXTS:
        if isinstance(o, Literal):
            item[_TEXTS[name]].setdefault(o.language or "", str(o))
    elif name == "altLabel":
        if isinstance(o, Literal):
            item["alt"].append((o.language or "", str(o)))
    elif name == "notation":
        item["notation"] = str(o)
    elif name == "broader":
        item["broader"].append(str(o))
    elif name == "topConceptOf":
        item["top"] = True
    elif name in _MAP_ORDER:
        item["mappings"].append((name, str(o)))


def _concepts(backend: Backend, scheme: str) -> dict[str, dict[str, Any]]:
    values = " ".join(f"<{SKOS}{p}>" for p in _CONCEPT_PROPS)
    rows = backend.select(
        "SELECT ?c ?p ?o WHERE { ?c <" + SKOS + "inScheme> " + scheme + " . ?c ?p ?o . VALUES ?p { " + values + " } }"
    )
    concepts: dict[str, dict[str, Any]] = OrderedDict()
    for row in rows:
        item = concepts.setdefault(str(row["c"]), _new_concept(str(row["c"])))
        _add(item, str(row["p"])[len(SKOS) :], row["o"])
    return concepts


def _counts(backend: Backend, scheme: str) -> dict[str, int]:
    """How many resources each concept of the scheme tags."""
    rows = backend.select(
        "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?c <" + SKOS + "inScheme> " + scheme + " . "
        "?x <" + ONTOLOGY_NS + "themeAssignment>/<" + ONTOLOGY_NS + "theme> ?c } GROUP BY ?c"
    )
    return {str(r["c"]): int(str(r["n"])) for r in rows}


def _finish(c: dict[str, Any], lang: str, links: Links, labels: Labels, relations: Labels) -> None:
    """What the template shows of a concept, in the language of the page."""
    c["label"] = pick(c["pref"], lang) or CURIES.shorten(c["iri"])
    c["other_label"] = c["pref"].get(other_lang(lang), "") if c["pref"].get(lang) else ""
    c["id"] = c["iri"].rstrip("/").rsplit("/", 1)[-1]
    c["href"] = links.href(c["iri"])
    c["def"], c["scope_text"], c["note_text"] = (pick(c[k], lang) for k in ("definition", "scope", "note"))
    c["alt_text"] = sorted({text for tag, text in c["alt"] if tag in (lang, "")}) or sorted({t for _, t in c["alt"]})
    mappings = sorted(c["mappings"], key=lambda m: (_MAP_ORDER.index(m[0]), m[1]))
    c["maps"] = [
        {
            "relation": relations.text(SKOS + rel, lang),
            "href": links.href(target),
            "label": labels.text(target, lang),
            "iri": target,
        }
        for rel, target in mappings
    ]
    c["children"] = []


def _tree(concepts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The concepts under their first broader concept of the scheme, each level by notation then label."""
    roots: list[dict[str, Any]] = []
    for c in concepts.values():
        parents = [p for p in c["broader"] if p in concepts]
        (concepts[parents[0]]["children"] if parents else roots).append(c)

    def sort_tree(items: list[dict[str, Any]]) -> None:
        items.sort(key=lambda c: (natural_key(c["notation"]) if c["notation"] else [999999], natural_key(c["label"])))
        for item in items:
            sort_tree(item["children"])

    sort_tree(roots)
    return roots


def scheme_model(request: Request, iri: str, lang: str) -> dict[str, Any] | None:
    """What the scheme page shows, or None when the IRI is no scheme with statements."""
    backend, links, s = get_backend(request), links_of(request), sparql_iri(iri)
    head = backend.select("SELECT ?p ?o WHERE { " + s + " ?p ?o }")
    if not head:
        return None
    concepts, counts = _concepts(backend, s), _counts(backend, s)
    labels = fetch_labels(backend, {t for c in concepts.values() for _, t in c["mappings"]} | {iri} | set(concepts))
    relations = fetch_labels(backend, [SKOS + n for n in _MAP_ORDER])
    registry = get_site(request).registry
    themes = registry is not None and "decisions-by-theme" in registry and "/scheme/kind-" not in iri
    for c in concepts.values():
        _finish(c, lang, links, labels, relations)
        c["count"] = counts.get(c["iri"], 0)
        query = urlencode({"theme": c["iri"], "lang": lang})
        c["query_href"] = f"{root_of(request)}/queries/decisions-by-theme?{query}" if themes else None
    texts: dict[str, dict[str, str]] = {}
    for row in head:
        if isinstance(row["o"], Literal):
            texts.setdefault(str(row["p"]), {}).setdefault(row["o"].language or "", str(row["o"]))
    both = labels.both(iri)
    return {
        "iri": iri,
        "title": labels.text(iri, lang),
        "other_title": both.get(other_lang(lang), "") if both.get(lang) else "",
        "description": pick(texts.get(PREFIXES["dcterms"] + "description", {}), lang),
        "note": pick(texts.get(SKOS + "editorialNote", {}), lang),
        "source": pick(texts.get(PREFIXES["dcterms"] + "source", {}), lang),
        "roots": _tree(concepts),
        "count": len(concepts),
    }


def scheme_page(request: Request, iri: str, lang: str, version: str, headers: Mapping[str, str]) -> Response | None:
    """The page of a concept scheme (called by the linked-data route for `/scheme/…` in HTML)."""
    model = scheme_model(request, iri, lang)
    if model is None:
        return None
    local = links_of(request).href(iri)
    context = page_context(
        request,
        lang,
        model["title"],
        version,
        d=strings(lang, "docs"),
        scheme=model,
        formats=format_links(local),
        alternates=alternates(local),
    )
    return render("scheme.html", context, headers=dict(headers))


router = APIRouter()


@router.api_route("/schemes", methods=["GET", "HEAD"], include_in_schema=False)
def schemes(request: Request) -> Response:
    lang, version, headers = page_validators(request, "schemes")
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    d = strings(lang, "docs")
    items = schemes_list(get_backend(request), lang, links_of(request))
    return render(
        "schemes.html", page_context(request, lang, d["schemes"], version, d=d, schemes=items), headers=headers
    )
