"""/explore/meetings: the meetings narrowed by facets (``web.meeting_facets``), as the decisions are by
``web.explorer`` (the same page, counts, sorting, downloads and addresses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .deps import kept_value, root_of
from .explorer import Column, explorer_file, explorer_page
from .explorer_url import MEETINGS, url_key
from .facets import Collection, Selection
from .i18n import pick_lang
from .labels import natural_key
from .meeting_facets import Meeting

router = APIRouter()


def meetings_of(request: Request) -> Collection[Meeting]:
    value: Collection[Meeting] = kept_value(request, "explorer_meetings")
    return value


def _labels(collection: Collection[Meeting], meeting: Meeting, facet: str, lang: str) -> list[str]:
    return sorted((collection.labels.text(v, lang) for v in meeting.values(facet)), key=natural_key)


COLUMNS: tuple[Column, ...] = (
    Column("meeting", lambda c, m, lang: m.iri),
    Column("label", lambda c, m, lang: c.labels.text(m.iri, lang)),
    Column("date", lambda c, m, lang: m.date),
    Column("end", lambda c, m, lang: m.end),
    Column("date_text", lambda c, m, lang: m.date_text),
    Column("kind", lambda c, m, lang: _labels(c, m, "kind", lang)),
    Column("status", lambda c, m, lang: c.labels.text(m.status, lang)),
    Column("status_now", lambda c, m, lang: c.labels.text(m.status_now, lang) if m.status_now else ""),
    Column("place", lambda c, m, lang: c.labels.text(m.place, lang)),
    Column("conference", lambda c, m, lang: _labels(c, m, "conference", lang)),
    Column("participants", lambda c, m, lang: _labels(c, m, "participant", lang)),
    Column("themes", lambda c, m, lang: _labels(c, m, "theme", lang)),
    Column("decisions", lambda c, m, lang: m.decisions),
)


def _order(collection: Collection[Meeting], lang: str) -> Callable[[list[Meeting], Selection], list[Meeting]]:
    labels = collection.labels
    keys: dict[str, Callable[[Meeting], Any]] = {
        "meeting": lambda m: (natural_key(labels.text(m.iri, lang)), m.order),
        "kind": lambda m: (_labels(collection, m, "kind", lang), m.order),
        "status": lambda m: (labels.text(m.status, lang), m.order),
        "place": lambda m: (not m.place, labels.text(m.place, lang).lower(), m.order),
        "decisions": lambda m: (m.decisions, m.order),
    }

    def order(found: list[Meeting], selection: Selection) -> list[Meeting]:
        key = keys.get(selection.sort, lambda m: (m.date or "9999", m.order))
        return sorted(found, key=key, reverse=selection.descending)

    return order


def _row(collection: Collection[Meeting], lang: str, root: str) -> Callable[[Meeting, Selection], dict[str, Any]]:
    def row(meeting: Meeting, selection: Selection) -> dict[str, Any]:
        local = collection.base.local(meeting.iri)
        place = collection.base.local(meeting.place) if meeting.place else None
        return {
            "href": f"{root}/{local}?lang={lang}" if local is not None else meeting.iri,
            "label": collection.labels.text(meeting.iri, lang),
            "recorded": "recorded" in meeting.values("recorded"),
            "when": meeting.when,
            "date_text": meeting.date_text,
            "kind": ", ".join(_labels(collection, meeting, "kind", lang)),
            "status": collection.labels.text(meeting.status, lang) if meeting.status else "",
            "status_now": collection.labels.text(meeting.status_now, lang) if meeting.status_now else "",
            "place": {"href": f"{root}/{place}?lang={lang}", "label": collection.labels.text(meeting.place, lang)}
            if place is not None
            else None,
            "conferences": ", ".join(_labels(collection, meeting, "conference", lang)),
            "decisions": meeting.decisions,
            "decisions_href": f"{root}/explore/decisions?"
            + urlencode([("meeting", url_key(collection, "meeting", meeting.iri, MEETINGS)), ("lang", lang)]),
        }

    return row


@router.api_route("/explore/meetings", methods=["GET", "HEAD"], include_in_schema=False)
def meetings_page(request: Request) -> Response:
    collection, lang = meetings_of(request), pick_lang(request)
    return explorer_page(
        request, MEETINGS, collection, _order(collection, lang), _row(collection, lang, root_of(request))
    )


@router.api_route("/explore/meetings.{fmt}", methods=["GET", "HEAD"], include_in_schema=False)
def meetings_file(request: Request, fmt: str) -> Response:
    collection, lang = meetings_of(request), pick_lang(request)
    return explorer_file(request, MEETINGS, fmt, collection, _order(collection, lang), COLUMNS)
