"""The review page of drafts (`acuerdos serve --drafts DIR`): each draft's proposals on its source text,
and the `acuerdos accept` command line of the curator's choices.

``/drafts`` lists the drafts in the folder; ``/drafts/{name}`` shows one: the source text with every
proposed decision marked (its lines that are not blank, numbered as in the file: beside the
proposals on a wide screen, after them on a phone), and for each proposal its number, kind, lines,
dates with the words they come from, who must act and who is addressed, the proposed themes (basis,
confidence, trigger words) and follow-up links, each with a box to accept or reject. The form is
sent by GET (no JavaScript needed), and the answer is the same page with the command to run. The
page reads the draft's files on each request, so a curator's edits show at once; it writes nothing.
"""

from __future__ import annotations

import html
import re
import shlex
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..draft.messages import AcceptError
from ..draft.reading import DecisionItem, DraftGraphs, read_draft
from ..namespaces import ONTOLOGY_NS
from ..store import Backend
from .deps import data_version, get_backend, get_site
from .describe import quote_id
from .i18n import pick_lang, strings
from .labels import fetch_labels
from .rendering import page_context, render
from .search import not_found_page
from .source_text import line_of, locate_quotes, numbered_lines

NO_STORE = {"Cache-Control": "no-store"}
router = APIRouter()


def _drafts_folder(request: Request) -> Path | None:
    folder = get_site(request).settings.drafts
    return folder if folder is not None and folder.is_dir() else None


def _draft_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and any((p / "documents").glob("*.ttl")))


def emphasise(text: str, words: list[str]) -> str:
    """``text`` as HTML with each of ``words`` (whole words, any case) in <b>: the words a proposal rests on."""
    escaped = html.escape(text)
    for word in sorted({w for w in words if w}, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w>])(" + re.escape(html.escape(word)) + r")(?!\w)", re.I)
        escaped = pattern.sub(r"<b>\1</b>", escaped)
    return escaped


def rejected_ids(draft: DraftGraphs, accepted: set[str]) -> list[str]:
    """The unticked items, less those a rejected decision drops anyway (its sub-items and proposals)."""
    out: list[str] = []
    dropped: set[str] = set()
    for d in draft.decisions:
        if d.id not in accepted or d.parent in dropped:
            dropped.add(d.id)
            if d.parent not in dropped:
                out.append(d.id)
            continue
        out += [i for i in d.part_ids() if i not in accepted]
    return out


def command(folder: Path, curator: str, rejected: list[str]) -> str:
    """The `acuerdos accept` command line of the curator's choices."""
    parts = ["acuerdos", "accept", str(folder), "--curator", curator or "NAME"]
    if rejected:
        parts += ["--reject", ",".join(rejected)]
    return shlex.join(parts)


def _labels(request: Request, backend: Backend, draft: DraftGraphs, lang: str) -> dict[str, str]:
    """Readable names of the actors, themes and earlier decisions the draft names (by local IRI) and
    of the kinds of its decisions (by their class IRI)."""
    base = get_site(request).base
    names = {
        n
        for d in draft.decisions
        for n in (*d.must_act, *d.addressee, *(t.theme for t in d.themes), *(f.earlier for f in d.follow_ups))
    } | {d.action.category for d in draft.decisions if d.action is not None}
    kinds = {ONTOLOGY_NS + d.kind for d in draft.decisions}
    labels = fetch_labels(backend, {base.path(n) for n in names} | kinds)
    return {n: labels.text(base.path(n), lang) for n in names} | {k: labels.text(k, lang) for k in kinds}


def _item(
    d: DecisionItem, accepted: set[str] | None, labels: dict[str, str], lines: dict[str, tuple[int, int]]
) -> dict[str, Any]:
    def ticked(i: str) -> bool:
        return accepted is None or i in accepted

    words = [w for t in d.themes for w in t.words] + ([d.date_text] if d.date_text else [])
    return {
        "d": d,
        "qid": quote_id(d.text),
        "lines": lines.get(d.text),  # its first and last line in the source file, if found there
        "text_html": emphasise(d.text, words),
        "checked": ticked(d.id),
        "kind": labels.get(ONTOLOGY_NS + d.kind, d.kind),
        "must_act": [labels.get(i, i) for i in d.must_act],
        "addressee": [labels.get(i, i) for i in d.addressee],
        "themes": [{"t": t, "label": labels.get(t.theme, t.theme), "checked": ticked(t.id)} for t in d.themes],
        "follow_ups": [
            {"f": f, "label": labels.get(f.earlier, f.earlier), "checked": ticked(f.id)} for f in d.follow_ups
        ],
        "action": labels.get(d.action.category, d.action.category) if d.action is not None else None,
    }


@router.get("/drafts", include_in_schema=False)
def drafts_index(request: Request) -> Response:
    lang = pick_lang(request)
    folder = _drafts_folder(request)
    if folder is None:
        return not_found_page(request, lang=lang, message=strings(lang, "drafts")["none_served"])
    t = strings(lang, "drafts")
    context = page_context(request, lang, t["title"], version=data_version(get_backend(request)),
                           d=t, folder=folder, names=_draft_names(folder))  # fmt: skip
    return render("drafts.html", context, headers=NO_STORE)


@router.get("/drafts/{name}", include_in_schema=False)
def draft_review(request: Request, name: str) -> Response:
    lang = pick_lang(request)
    folder = _drafts_folder(request)
    t = strings(lang, "drafts")
    if folder is None or name not in _draft_names(folder):
        return not_found_page(request, lang=lang, message=t["no_such_draft"])
    try:
        draft = read_draft(folder / name)
    except AcceptError as exc:
        return not_found_page(request, lang=lang, message=exc.in_lang(lang), status=422)
    backend = get_backend(request)
    reviewed = request.query_params.get("reviewed") == "1"
    accepted = set(request.query_params.getlist("accept")) if reviewed else None
    curator = (request.query_params.get("curator") or "").strip()[:200]
    source = draft.files.source.read_text(encoding="utf-8-sig")
    located, missing = locate_quotes(source, {d.text: [{"id": d.id}] for d in draft.decisions})
    labels = _labels(request, backend, draft, lang)
    spans = {q.exact: (line_of(source, q.start), line_of(source, q.end - 1)) for q in located}
    context = page_context(
        request,
        lang,
        f"{t['review']}: {name}",
        version=data_version(backend),
        d=t,
        name=name,
        source_name=draft.files.source.name,
        lines=numbered_lines(source, located, None),
        missing=missing,
        items=[_item(d, accepted, labels, spans) for d in draft.decisions],
        curator=curator,
        command=command(folder / name, curator, rejected_ids(draft, accepted)) if accepted is not None else None,
    )
    return render("draft_review.html", context, headers=NO_STORE)
