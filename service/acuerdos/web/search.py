"""Search: labels (both languages) and the texts of decisions, ignoring accents and case.

The index (every label and text, folded) is read from the graph once per data version and kept on
the app (``deps.kept_value(request, "search")``); the 404 page also uses it to suggest what the
visitor may have meant.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from rdflib import Literal, URIRef

from ..http import matches_etag, not_modified
from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .deps import data_version, get_backend, kept_value
from .i18n import pick_lang, strings
from .labels import LABEL_PROPS, Labels, fetch_labels, natural_key
from .rendering import PAGE_VARY, Links, links_of, page_context, page_validators, render, sparql_iri

SEARCHED = (
    *LABEL_PROPS,
    PREFIXES["skos"] + "altLabel",
    *(ONTOLOGY_NS + p for p in ("acronym", "text", "unofficialTranslation", "iso3166Alpha2", "iso3166Alpha3")),
)
_LABELLING = (*LABEL_PROPS, ONTOLOGY_NS + "acronym")


def fold(text: str) -> str:
    """Lower case, without accents, whitespace folded: what search compares."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped.lower()).strip()


def closest(typed: str, options: Sequence[tuple[str, str]], n: int = 3) -> list[tuple[str, str]]:
    """What a visitor may have meant by a value that is not one of ``options`` ((value, label) pairs):
    the labels that contain what was typed, then the values and labels spelt most like it."""
    want = fold(typed)
    if not want:
        return []
    by_value = {fold(value): (value, label) for value, label in options}
    by_label = {fold(label): (value, label) for value, label in options}
    found = [option for key, option in by_label.items() if want in key]
    found += [by_value[k] for k in difflib.get_close_matches(want, list(by_value), n=n, cutoff=0.5)]
    found += [by_label[k] for k in difflib.get_close_matches(want, list(by_label), n=n, cutoff=0.5)]
    return list(dict.fromkeys(found))[:n]


@dataclass(frozen=True)
class Entry:
    iri: str
    predicate: str
    text: str
    folded: str
    lang: str


def read_index(backend: Backend) -> list[Entry]:
    """Every label and decision text of the graph, folded for matching."""
    query = (
        "SELECT ?x ?p ?l WHERE { VALUES ?p { <" + "> <".join(SEARCHED) + "> } "
        "?x ?p ?l . FILTER(isIRI(?x) && isLiteral(?l)) }"
    )
    entries = []
    for row in backend.select(query):
        x, p, label = row.get("x"), row.get("p"), row.get("l")
        if isinstance(x, URIRef) and isinstance(label, Literal):
            entries.append(Entry(str(x), str(p), str(label), fold(str(label)), label.language or ""))
    return entries


def index_of(request: Request) -> list[Entry]:
    value: list[Entry] = kept_value(request, "search")
    return value


def _best_hits(entries: list[Entry], words: list[str], limit: int) -> list[tuple[int, Entry]]:
    """The best-matching entry of each IRI whose text holds every word: exact, then labels, then texts."""
    whole = " ".join(words)
    hits: dict[str, tuple[int, Entry]] = {}
    for entry in entries:
        if all(w in entry.folded for w in words):
            score = 0 if entry.folded == whole else 1 if entry.predicate in _LABELLING else 2
            if entry.iri not in hits or score < hits[entry.iri][0]:
                hits[entry.iri] = (score, entry)
    return sorted(hits.values(), key=lambda hit: (hit[0], hit[1].iri))[:limit]


def _types_of(backend: Backend, iris: Sequence[str]) -> dict[str, list[str]]:
    values = " ".join(sparql_iri(i) for i in iris)
    out: dict[str, list[str]] = {}
    for row in backend.select("SELECT ?x ?t WHERE { VALUES ?x { " + values + " } ?x a ?t }"):
        out.setdefault(str(row["x"]), []).append(str(row["t"]))
    return out


def _excerpt(text: str, word: str) -> str:
    if len(text) <= 240:
        return text
    start = max(0, fold(text).find(word) - 80)
    return ("…" if start else "") + text[start : start + 220] + "…"


def search(request: Request, text: str, lang: str, limit: int = 100) -> list[dict[str, Any]]:
    """The resources matching every word of ``text``, best first, as the search page lists them."""
    words = [w for w in fold(text).split(" ") if w]
    ranked = _best_hits(index_of(request), words, limit) if words else []
    if not ranked:
        return []
    backend, links = get_backend(request), links_of(request)
    labels = fetch_labels(backend, [e.iri for _, e in ranked] + [e.predicate for _, e in ranked])
    types = _types_of(backend, [e.iri for _, e in ranked])
    type_labels = fetch_labels(backend, {t for ts in types.values() for t in ts})
    out = []
    for score, entry in ranked:
        hit = _hit(entry, score, words[0], labels, links, lang)
        hit["types"] = sorted(type_labels.text(t, lang) for t in types.get(entry.iri, []))
        out.append(hit)
    out.sort(key=lambda h: (h["score"], natural_key(h["label"])))
    return out


def _hit(entry: Entry, score: int, word: str, labels: Labels, links: Links, lang: str) -> dict[str, Any]:
    return {
        "iri": entry.iri,
        "score": score,
        "href": links.href(entry.iri),
        "label": labels.text(entry.iri, lang),
        "matched": _excerpt(entry.text, word),
        "matched_lang": entry.lang,
        "predicate": labels.text(entry.predicate, lang),
        "show_match": entry.predicate not in LABEL_PROPS or entry.lang not in (lang, ""),
    }


router = APIRouter()


@router.api_route("/search", methods=["GET", "HEAD"], include_in_schema=False)
def search_page(request: Request) -> Response:
    q = (request.query_params.get("q") or "").strip()[:200]
    lang, version, headers = page_validators(request, "search", q)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    results = search(request, q, lang) if q else []
    t = strings(lang)
    title = f"{t['results_for']} «{q}»" if q else t["search_results"]
    context = page_context(request, lang, title, version, q=q, results=results, search_q=q)
    return render("search.html", context, headers=headers)


def _guess(iri: str) -> tuple[str, list[str]]:
    """The last segment of an IRI that is not in the graph as text, and the words to search for."""
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    guess = re.sub(r"[-_]+", " ", re.sub(r"\.\w+$", "", tail)).strip()
    return guess, [w for w in guess.split() if not w.isdigit() or len(w) == 4][:3]


def _suggestions(request: Request, iri: str, lang: str) -> tuple[list[dict[str, Any]], str]:
    """What the visitor may have meant: the words of the IRI together, else the last of them found alone."""
    guess, words = _guess(iri)
    if not words:
        return [], guess
    found = search(request, " ".join(words), lang, limit=10)
    for word in reversed(words if len(words) > 1 else []):
        if found:
            break
        if len(word) > 2:
            found = search(request, word, lang, limit=10)
            guess = word if found else guess
    return found, guess


def not_found_page(
    request: Request, iri: str | None = None, lang: str | None = None, message: str | None = None, status: int = 404
) -> HTMLResponse:
    """The 404 page: what was asked for, why, and suggestions from the search index."""
    lang = lang or pick_lang(request)
    try:
        version = data_version(get_backend(request))
        suggestions, guess = _suggestions(request, iri, lang) if iri else ([], "")
    except Exception:  # a store that cannot answer still gets a 404 page, without suggestions
        version, suggestions, guess = "", [], ""
    context = page_context(
        request,
        lang,
        strings(lang)["not_found"],
        version,
        iri=iri,
        message=message,
        suggestions=suggestions,
        guess=guess,
        search_q=guess,
    )
    headers = {"Vary": PAGE_VARY, "Cache-Control": "no-cache"}
    return render("not_found.html", context, status=status, headers=headers)
