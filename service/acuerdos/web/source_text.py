"""Source texts: a document's text with every quote of it highlighted, and the quote followed selected.

``/document/{slug}/text`` shows the text a document's quotes were taken from (a file of the
release's ``sources/``), each quoted passage marked and linked to the decisions that cite it;
``?q={quote id}`` selects one (the "read in context" link of a quote), ``?format=txt`` gives the
file as it is. Quotes are stored normalised (``text.normalise_with_map``), so each is located in
the normalised text and mapped back to the span of the original it comes from.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from rdflib import Literal

from ..http import cache_headers, etag_for, matches_etag, not_modified
from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from ..text import normalise_with_map
from .deps import data_version, get_backend, get_site
from .describe import quote_id
from .i18n import pick_lang, strings
from .labels import fetch_labels, natural_key
from .rendering import Links, links_of, page_context, render, sparql_iri
from .search import not_found_page

ACU, OA, DCT = ONTOLOGY_NS, PREFIXES["oa"], PREFIXES["dcterms"]


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


def _marked(text: str, lo: int, hi: int, quotes: Sequence[Quote], selected: str | None, anchored: int) -> str:
    """``text[lo:hi]`` as HTML, each quoted passage in a <mark> (``selected`` the quote followed), an
    anchor where each quote starts, those of the quotes that start from ``anchored`` (before ``lo``:
    in blank lines left out) first."""
    inside = [q for q in quotes if q.start < hi and q.end > lo]
    points = sorted({lo, hi} | {p for q in inside for p in (q.start, q.end) if lo < p < hi})
    out = [f'<span class="anchor" id="q-{q.qid}"></span>' for q in quotes if anchored <= q.start < lo]
    for a, b in itertools.pairwise(points):
        out.extend(f'<span class="anchor" id="q-{q.qid}"></span>' for q in inside if q.start == a)
        covering = [q for q in inside if q.start <= a and b <= q.end]
        chunk = html.escape(text[a:b])
        if covering:
            classes = "q selected" if selected and any(q.qid == selected for q in covering) else "q"
            ids = " ".join(q.qid for q in covering)
            out.append(f'<mark class="{classes}" data-quotes="{ids}">{chunk}</mark>')
        else:
            out.append(chunk)
    return "".join(out)


@dataclass(frozen=True)
class Line:
    number: int  # in the file, from 1, as an editor and the data's comments count them
    html: str  # its text and newline, each quote in it marked
    after_gap: bool  # two or more blank lines before it: a paragraph or a page ends there


def numbered_lines(text: str, quotes: Sequence[Quote], selected: str | None) -> list[Line]:
    """The text's lines that are not blank, each with its number in the file: a text converted from a
    PDF has a blank line after nearly every line, and shown as it is it reads double-spaced across
    thousands of pixels. The numbers stay those of the file, which quotes and comments cite."""
    out: list[Line] = []
    blank = start = anchored = 0
    for number, line in enumerate(text.split("\n"), 1):
        end = min(start + len(line) + 1, len(text))  # the newline with its line
        if line.strip():
            out.append(Line(number, _marked(text, start, end, quotes, selected, anchored), blank > 1 and bool(out)))
            blank, anchored = 0, end
        else:
            blank += 1
        start = end
    return out


def line_of(text: str, offset: int) -> int:
    """The number in the file (from 1) of the line ``offset`` is on."""
    return text.count("\n", 0, offset) + 1


def source_file_of(backend: Backend, iri: str) -> str | None:
    """The source file of a document: its own, or that of the document it is part of."""
    rows = backend.select(
        "SELECT ?doc ?file WHERE { VALUES ?start { " + sparql_iri(iri) + " } "
        "?start <" + DCT + "isPartOf>* ?doc . ?doc <" + ACU + "sourceFile> ?file } LIMIT 1"
    )
    return str(rows[0]["file"]) if rows else None


def quotes_from_file(backend: Backend, filename: str) -> dict[str, list[str]]:
    """The quotes taken from a source file, each with the resources that cite it."""
    rows = backend.select(
        "SELECT ?owner ?exact WHERE { ?doc <" + ACU + "sourceFile> " + Literal(filename).n3() + " . "
        "?owner <" + ACU + "evidence> ?e . ?e <" + OA + "hasSource> ?source ; <" + OA + "hasSelector> ?sel . "
        "?sel <" + OA + "exact> ?exact . ?source <" + DCT + "isPartOf>* ?doc . FILTER(isIRI(?owner)) }"
    )
    out: dict[str, list[str]] = {}
    for row in rows:
        owners = out.setdefault(str(row["exact"]), [])
        if str(row["owner"]) not in owners:
            owners.append(str(row["owner"]))
    return out


def _source_path(folder: Path, filename: str | None) -> Path | None:
    """The file in the sources folder (never outside it), or None."""
    if not filename:
        return None
    path = folder / Path(filename).name
    return path if path.is_file() and path.resolve().parent == folder.resolve() else None


router = APIRouter()


@router.api_route("/document/{slug}/text", methods=["GET", "HEAD"], include_in_schema=False)
def source_text(request: Request, slug: str) -> Response:
    backend = get_backend(request)
    iri = get_site(request).base.path("document/" + slug)
    try:
        filename = source_file_of(backend, iri)
    except ValueError:
        filename = None
    path = _source_path(get_site(request).sources, filename)
    if filename is None or path is None:
        return not_found_page(request, iri + "/text")
    version = data_version(backend)
    if request.query_params.get("format") == "txt":
        headers = cache_headers(etag_for(version, "text", filename), vary="Accept", version=version)
        if matches_etag(request, headers["ETag"]):
            return not_modified(headers)
        return PlainTextResponse(path.read_text(encoding="utf-8"), headers=headers)
    selected = request.query_params.get("q")
    selected = selected if selected and re.fullmatch(r"[0-9a-f]{10}", selected) else None
    lang = pick_lang(request)
    headers = cache_headers(etag_for(version, "text-html", slug, lang, selected or ""), version=version)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    context = _page(request, backend, iri, filename, path.read_text(encoding="utf-8"), selected, lang)
    return render("source_text.html", page_context(request, lang, version=version, **context), headers=headers)


def _page(
    request: Request, backend: Backend, iri: str, filename: str, text: str, selected: str | None, lang: str
) -> dict[str, Any]:
    """The source-text template's own context: the highlighted text, the quotes and who cites them."""
    quotes_by_text = quotes_from_file(backend, filename)
    labels = fetch_labels(backend, {o for owners in quotes_by_text.values() for o in owners} | {iri})
    links: Links = links_of(request)
    with_owners = {
        exact: [
            {"iri": o, "href": links.href(o), "label": labels.text(o, lang)}
            for o in sorted(owners, key=lambda o: natural_key(labels.text(o, lang)))
        ]
        for exact, owners in quotes_by_text.items()
    }
    located, missing = locate_quotes(text, with_owners)
    return {
        "title": f"{strings(lang)['source_text']}: {labels.text(iri, lang)}",
        "doc_iri": iri,
        "doc_href": links.href(iri),
        "doc_label": labels.text(iri, lang),
        "filename": filename,
        "lines": numbered_lines(text, located, selected),
        "quotes": located,
        "missing": missing,
        "selected": next((q for q in located if q.qid == selected), None),
        "plain_href": links.href(iri) + "/text?format=txt",
    }
