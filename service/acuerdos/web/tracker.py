"""The tracker of an actor: what a state, organisation, body or conference must do, and by when.

``/tracker`` lists the actors the decisions name (grouped: states, organisations, conference
bodies, conferences), each with how many decisions concern it. ``/tracker/{actor}`` (``state/MX``)
shows, for one actor, every decision that names it (it must act, or it is addressed) and those that
name a conference or body it is a member of (not as an observer), with their deadlines and
scheduled dates in one list, and the status of each as of a date (``as_of``, today when not
given):

- *followed up*: a later decision, meeting or document is recorded as following it up;
- *past due*: not followed up, and its deadline (else the end or start of its scheduled date) is
  before that date;
- *due*: not followed up, with a date still to come;
- *pending*: not followed up, and the text sets no date.

``/tracker/{actor}.ics`` is the same deadlines and scheduled dates as an iCalendar file (RFC 5545),
one all-day event each; ``.csv`` the table.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import icalendar
from fastapi import APIRouter, Request
from fastapi.responses import Response
from rdflib import Literal

from ..http import matches_etag, not_modified
from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .deps import get_backend, get_site, kept_value, root_of
from .i18n import strings
from .labels import fetch_labels, natural_key, short
from .rendering import Links, is_iri, links_of, page_context, page_validators, render
from .search import not_found_page

router = APIRouter()

GROUPS = ("state", "organisation", "body", "conference")  # the first segment of an actor's path
STATUSES = ("past-due", "due", "pending", "followed-up")
TRACKED = 100  # rows a table shows unless all are asked for: at a million triples a state has thousands
_P = (
    f"PREFIX acu: <{ONTOLOGY_NS}>\nPREFIX org: <{PREFIXES['org']}>\nPREFIX schema: <{PREFIXES['schema']}>\n"
    f"PREFIX dcterms: <{PREFIXES['dcterms']}>\n"
)
_OBSERVERS = "<{base}kind/role/observer-state>, <{base}kind/role/observer-organisation>"
_CONCERNS = (
    "{{ ?decision ?property ?actor . BIND(?actor AS ?target) }} UNION "
    "{{ ?membership org:member ?actor ; org:organization ?target . "
    "OPTIONAL {{ ?membership org:role ?member_role }} "
    "FILTER(!BOUND(?member_role) || ?member_role NOT IN (" + _OBSERVERS + ")) "
    "?decision ?property ?target . }} "
    "VALUES ?property {{ acu:mustAct acu:addressee }} "
)
_DATE_OF = (
    "OPTIONAL {{ {x} schema:startDate ?{v}1 }} OPTIONAL {{ {x} acu:notBefore ?{v}2 }} "
    "OPTIONAL {{ {x} acu:adoptedAt/schema:startDate ?{v}3 }} OPTIONAL {{ {x} dcterms:date ?{v}4 }} "
    "BIND(COALESCE(?{v}1, ?{v}2, ?{v}3, ?{v}4) AS ?{v}) "
)


_DETAILS = (
    "OPTIONAL { ?decision acu:deadline ?deadline } "
    "OPTIONAL { ?decision acu:scheduledStart ?start } OPTIONAL { ?decision acu:scheduledEnd ?end } "
    "OPTIONAL { ?decision acu:dateText ?date_text } "
    # the meeting it schedules, with its status as the source says it and as known now
    "OPTIONAL { ?decision acu:schedules ?schedules . OPTIONAL { ?schedules acu:status ?schedules_status } "
    "OPTIONAL { ?schedules acu:statusNow ?schedules_status_now } } "
    "OPTIONAL { ?decision acu:actionCategoryAssignment/acu:actionCategory ?category } "
    "OPTIONAL { ?decision acu:text ?text_es } OPTIONAL { ?decision acu:unofficialTranslation ?text_en } "
    "OPTIONAL { ?decision acu:adoptedAt ?meeting . " + _DATE_OF.format(x="?meeting", v="date") + "} "
)
_DETAIL_VARS = (
    "?deadline ?start ?end ?date_text ?meeting ?date ?schedules ?schedules_status ?schedules_status_now ?category "
    "?text_es ?text_en "
)


def _obligations_query(actor: str, base: str) -> str:
    return (
        _P
        + "SELECT DISTINCT ?decision ?property ?target "
        + _DETAIL_VARS
        + "WHERE { VALUES ?actor { <"
        + actor
        + "> } "
        + _CONCERNS.format(base=base)
        + _DETAILS
        + "}"
    )


def _followups_query(decisions: list[str]) -> str:
    values = " ".join(f"<{d}>" for d in decisions)
    return (
        _P + "SELECT ?decision ?by ?kind ?basis ?by_date WHERE { VALUES ?decision { " + values + " } "
        "?decision acu:followUp ?f . ?f acu:followedUpBy ?by . OPTIONAL { ?f acu:followUpKind ?kind } "
        "OPTIONAL { ?f acu:basis ?basis } " + _DATE_OF.format(x="?by", v="by_date") + "}"
    )


def _actors_query(base: str) -> str:
    return _P + "SELECT DISTINCT ?actor ?decision ?target WHERE { " + _CONCERNS.format(base=base) + "}"


def _date(term: object) -> dt.date | None:
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, dt.date):
            return value
    return None


@dataclass
class Item:
    """A decision that concerns the actor: its role, dates, follow-ups and status."""

    decision: str
    roles: set[str] = field(default_factory=set)  # "must-act", "addressed"
    via: set[str] = field(default_factory=set)  # the conferences or bodies through which (empty: named directly)
    direct: bool = False
    deadline: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    date_text: str = ""
    meeting: str = ""
    adopted: dt.date | None = None
    schedules: str = ""
    schedules_status: str = ""  # the scheduled meeting's acu:status, as the source says at its date
    schedules_status_now: str = ""  # its acu:statusNow, what is known now (with its source)
    category: str = ""  # the action category
    texts: dict[str, str] = field(default_factory=dict)  # the text by language: es as printed, en translated
    followups: list[tuple[str, str, str, dt.date | None]] = field(default_factory=list)  # (by, kind, basis, date)
    status: str = "pending"

    @property
    def due(self) -> dt.date | None:
        return self.deadline or self.end or self.start

    def judge(self, as_of: dt.date) -> None:
        # a `related` link is the same matter, not a follow-up
        if any(not kind.endswith("kind/follow-up/related") for _, kind, _, _ in self.followups):
            self.status = "followed-up"
        elif self.due is None:
            self.status = "pending"
        else:
            self.status = "past-due" if self.due < as_of else "due"


def _fill(item: Item, row: dict) -> None:
    """What one row of an answer says of a decision: its dates, texts, meeting."""
    item.deadline = item.deadline or _date(row.get("deadline"))
    item.start = item.start or _date(row.get("start"))
    item.end = item.end or _date(row.get("end"))
    item.date_text = item.date_text or str(row.get("date_text") or "")
    item.meeting = item.meeting or str(row.get("meeting") or "")
    item.adopted = item.adopted or _date(row.get("date"))
    item.schedules = item.schedules or str(row.get("schedules") or "")
    item.schedules_status = item.schedules_status or str(row.get("schedules_status") or "")
    item.schedules_status_now = item.schedules_status_now or str(row.get("schedules_status_now") or "")
    item.category = item.category or str(row.get("category") or "")
    for lang in ("es", "en"):
        if row.get(f"text_{lang}") is not None:
            item.texts.setdefault(lang, str(row[f"text_{lang}"]))


def _judged(backend: Backend, items: dict[str, Item], as_of: dt.date) -> None:
    """The follow-ups of each decision, then its status as of a date."""
    if items:
        seen: set[tuple[str, str]] = set()
        for row in backend.select(_followups_query(sorted(items)), whole=True):
            decision, by = str(row["decision"]), str(row["by"])
            if (decision, by) not in seen:
                seen.add((decision, by))
                kind, basis = str(row.get("kind") or ""), str(row.get("basis") or "")
                items[decision].followups.append((by, kind, basis, _date(row.get("by_date"))))
    for item in items.values():
        item.judge(as_of)


def obligations(backend: Backend, actor: str, base: str, as_of: dt.date) -> list[Item]:
    """Every decision that concerns the actor, with its dates, follow-ups and status as of a date."""
    items: dict[str, Item] = {}
    for row in backend.select(_obligations_query(actor, base), whole=True):
        decision = str(row["decision"])
        item = items.setdefault(decision, Item(decision))
        item.roles.add("must-act" if str(row["property"]).endswith("mustAct") else "addressed")
        if str(row["target"]) == actor:
            item.direct = True
        else:
            item.via.add(str(row["target"]))
        _fill(item, row)
    _judged(backend, items, as_of)
    return sorted(
        items.values(), key=lambda i: (i.due or dt.date.max, i.adopted or dt.date.max, natural_key(i.decision))
    )


def actors(backend: Backend, base: str) -> dict[str, dict[str, set[str]]]:
    """Each actor the decisions concern: the decisions that name it ('direct') and the others ('via')."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"direct": set(), "via": set()})
    for row in backend.select(_actors_query(base), whole=True):
        actor = str(row["actor"])
        out[actor]["direct" if str(row["target"]) == actor else "via"].add(str(row["decision"]))
    return dict(out)  # kept per data version and read by every request: no key made by a lookup


# --- views -------------------------------------------------------------------------------------------


def _as_of(request: Request) -> dt.date | None:
    text = request.query_params.get("as_of")
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _row(item: Item, labels: Any, links: Links, lang: str, k: dict[str, str]) -> dict[str, Any]:
    def link(iri: str) -> dict[str, str]:
        return {
            "href": links.href(iri) + (f"?lang={lang}" if links.is_local(iri) else ""),
            "text": labels.text(iri, lang),
        }

    if item.deadline:
        kind, date = k["deadline"], item.deadline.isoformat()
    elif item.start or item.end:
        kind = k["scheduled"]
        date = " – ".join(dict.fromkeys(d.isoformat() for d in (item.start, item.end) if d))
    else:
        kind, date = "", ""
    return {
        "decision": link(item.decision),
        "text": short(item.texts.get(lang) or item.texts.get("es") or "", 240),
        "text_lang": lang if lang in item.texts else "es",
        "status": item.status,
        "status_label": k[f"status_{item.status}"],
        "role": ", ".join(k[f"role_{r}"] for r in sorted(item.roles)),
        "via": [link(v) for v in sorted(item.via)],
        "direct": item.direct,
        "kind": kind,
        "date": date,
        "date_text": item.date_text,
        "meeting": link(item.meeting) if item.meeting else None,
        "adopted": item.adopted.isoformat() if item.adopted else "",
        "schedules": link(item.schedules) if item.schedules else None,
        "schedules_status": labels.text(item.schedules_status, lang) if item.schedules_status else "",
        "schedules_status_now": labels.text(item.schedules_status_now, lang) if item.schedules_status_now else "",
        "category": labels.text(item.category, lang) if item.category else "",
        "followups": [
            {
                **link(by),
                "kind": labels.text(kind, lang) if kind else "",
                "basis": labels.text(basis, lang) if basis else "",
                "date": d.isoformat() if d else "",
            }
            for by, kind, basis, d in item.followups
        ],
    }


def _labels_for(backend: Backend, actor: str, items: list[Item]) -> Any:
    iris = {actor}
    for i in items:
        iris |= {
            i.decision,
            i.meeting,
            i.schedules,
            i.schedules_status,
            i.schedules_status_now,
            i.category,
            *i.via,
            *(v for f in i.followups for v in f[:3]),
        }
    return fetch_labels(backend, {i for i in iris if i})


def calendar(
    actor: str,
    name: str,
    items: list[Item],
    labels: Any,
    links: Links,
    lang: str,
    k: dict[str, str],
    stamp: dt.datetime,
) -> bytes:
    """The actor's deadlines and scheduled dates as an iCalendar (RFC 5545): one all-day event each."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//acuerdos//tracker//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("x-wr-calname", k["calendar_name"].format(actor=name))
    for item in items:
        first = item.deadline or item.start or item.end
        if first is None:
            continue
        last = item.deadline or item.end or item.start or first
        event = icalendar.Event()
        what = k["deadline"] if item.deadline else k["scheduled"]
        event.add("uid", f"{item.decision}#{'deadline' if item.deadline else 'scheduled'}@{actor}")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", last + dt.timedelta(days=1))  # all-day: the end is exclusive
        event.add("summary", f"{what}: {labels.text(item.decision, lang)}")
        event.add(
            "description",
            "\n".join(x for x in (item.date_text, k[f"status_{item.status}"], links.href(item.decision)) if x),
        )
        event.add("url", item.decision)
        event.add("categories", [what])
        cal.add_component(event)
    return bytes(cal.to_ical())


def _csv(rows: list[dict[str, Any]], k: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            k["col_status"],
            k["col_decision"],
            k["col_role"],
            k["col_via"],
            k["col_kind"],
            k["col_date"],
            k["col_date_text"],
            k["col_adopted"],
            k["col_followups"],
        ]
    )
    for r in rows:
        writer.writerow(
            [
                r["status_label"],
                r["decision"]["text"],
                r["role"],
                "; ".join(v["text"] for v in r["via"]),
                r["kind"],
                r["date"],
                r["date_text"],
                r["adopted"],
                "; ".join(
                    " ".join(x for x in (f["kind"], f["text"], f["date"], f"({f['basis']})" if f["basis"] else "") if x)
                    for f in r["followups"]
                ),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


@router.api_route("/tracker", methods=["GET", "HEAD"], include_in_schema=False)
def tracker_index(request: Request) -> Response:
    lang, version, headers = page_validators(request, "tracker-index")
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    links, root = links_of(request), root_of(request)
    backend = get_backend(request)
    found: dict[str, dict[str, set[str]]] = kept_value(request, "tracker_actors")
    labels = fetch_labels(backend, found)
    k = strings(lang, "tracker")
    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in GROUPS}
    for actor, decisions in found.items():
        local = links.local_path(actor) or ""
        group = local.strip("/").split("/", 1)[0]
        if group in groups:
            groups[group].append(
                {
                    "href": f"{root}/tracker{local}?lang={lang}",
                    "label": labels.text(actor, lang),
                    "direct": len(decisions["direct"]),
                    "all": len(decisions["direct"] | decisions["via"]),
                }
            )
    for members in groups.values():
        members.sort(key=lambda a: natural_key(a["label"]))
    context = page_context(
        request,
        lang,
        k["index_title"],
        version,
        k=k,
        groups=[(k[f"group_{g}"], groups[g]) for g in GROUPS if groups[g]],
    )
    return render("tracker_index.html", context, headers=headers)


@router.api_route("/tracker/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
def tracker_page(request: Request, path: str) -> Response:
    ext = next((e for e in ("ics", "csv") if path.endswith("." + e)), "html")
    path = path[: -len(ext) - 1] if ext != "html" else path
    site, links = get_site(request), links_of(request)
    actor = site.base.path(path)
    as_of = _as_of(request)
    if path.split("/", 1)[0] not in GROUPS or not is_iri(actor) or as_of is None:
        return not_found_page(request, None)
    status, whole = request.query_params.get("status") or "", request.query_params.get("rows") == "all"
    lang, version, headers = page_validators(request, "tracker", actor, ext, as_of.isoformat(), status, whole)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    backend = get_backend(request)
    items = obligations(backend, actor, str(site.base), as_of)
    labels = _labels_for(backend, actor, items)
    if not items and actor not in labels.by_iri:
        return not_found_page(request, actor, lang)
    k = strings(lang, "tracker")
    name = labels.text(actor, lang)
    rows = [_row(i, labels, links, lang, k) for i in items]
    if ext == "ics":
        stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        body = calendar(actor, name, items, labels, links, lang, k, stamp)
        headers["Content-Disposition"] = f'attachment; filename="{path.replace("/", "-")}.ics"'
        return Response(body, media_type="text/calendar; charset=utf-8", headers=headers)
    if ext == "csv":
        headers["Content-Disposition"] = f'inline; filename="tracker-{path.replace("/", "-")}-{lang}.csv"'
        return Response(_csv(rows, k), media_type="text/csv; charset=utf-8", headers=headers)
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in STATUSES}
    root = root_of(request)
    here = f"{root}/tracker/{path}"
    if status and status not in STATUSES:
        return not_found_page(request, None, lang)
    shown = [r for r in rows if r["status"] == status] if status else rows

    def address(**changed: str) -> str:
        kept = {"lang": lang, "as_of": as_of.isoformat(), "status": status, "rows": "all" if whole else ""}
        return f"{here}?" + urlencode({k: v for k, v in (kept | changed).items() if v})

    def table(part: list[dict[str, Any]]) -> dict[str, Any]:
        return {"rows": part if whole else part[:TRACKED], "all": len(part), "show_all": address(rows="all")}

    context = page_context(
        request,
        lang,
        k["title"].format(actor=name),
        version,
        k=k,
        actor={"label": name, "href": links.href(actor) + f"?lang={lang}"},
        direct=table([r for r in shown if r["direct"]]),
        indirect=table([r for r in shown if not r["direct"]]),
        counts=[(s, k[f"status_{s}"], counts[s], address(status=s, rows="")) for s in STATUSES],
        status=status,
        every_status=address(status="", rows=""),
        as_of=as_of.isoformat(),
        today=as_of == dt.date.today(),
        ics=f"{here}.ics?lang={lang}",
        csv_href=f"{here}.csv?lang={lang}&as_of={as_of.isoformat()}",
        here=here,
    )
    return render("tracker.html", context, headers=headers)


# the named queries about an actor, by the first segment of its path: (query, its parameter)
QUESTIONS = {
    "state": (("actor-obligations", "actor"), ("state-meetings", "state")),
    "organisation": (("actor-obligations", "actor"),),
    "body": (("actor-obligations", "actor"),),
    "conference": (("actor-obligations", "actor"), ("conference-structure", "conference")),
}


def actor_links(request: Request, iri: str, name: str, lang: str) -> dict[str, Any] | None:
    """For an actor's page: the link to its tracker and to the questions about it (None for other resources)."""
    links = links_of(request)
    local = links.local_path(iri)
    group = (local or "").strip("/").split("/", 1)[0]
    if local is None or group not in GROUPS:
        return None
    k, root, registry = strings(lang, "tracker"), root_of(request), get_site(request).registry
    questions = [
        {"text": registry.get(q).title_in(lang), "href": f"{root}/queries/{q}?" + urlencode({p: iri, "lang": lang})}
        for q, p in QUESTIONS[group]
        if registry is not None and q in registry
    ]
    return {
        "tracker": {"href": f"{root}/tracker{local}?lang={lang}", "text": k["tracker_link"].format(actor=name)},
        "heading": k["actor_questions"].format(actor=name),
        "questions": questions,
    }
