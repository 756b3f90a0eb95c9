"""The tracker of an actor, in a real browser: two clicks from the home page to what Mexico must
do; its decisions, dates and statuses against a walk of the graph in Python; its calendar file."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from fastapi.testclient import TestClient
from rdflib import Namespace, URIRef

from acuerdos.settings import Settings
from acuerdos.site import Site
from acuerdos.web import tracker as tracker_module
from acuerdos.web.app import create_app
from screens import shoot

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace(BASE + "ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
MX = URIRef(BASE + "state/MX")
OBSERVERS = {URIRef(BASE + "kind/role/observer-state"), URIRef(BASE + "kind/role/observer-organisation")}
AS_OF = dt.date(2017, 7, 1)


def concerning(graph, actor) -> tuple[set, set]:
    """The decisions that name the actor, and those that name a conference or body it is a (non-observer) member of."""
    named = {d for p in (ACU.mustAct, ACU.addressee) for d in graph.subjects(p, actor)}
    via = set()
    for membership in graph.subjects(ORG.member, actor):
        if set(graph.objects(membership, ORG.role)) & OBSERVERS:
            continue
        for target in graph.objects(membership, ORG.organization):
            via |= {d for p in (ACU.mustAct, ACU.addressee) for d in graph.subjects(p, target)}
    return named, via - named


def status(graph, decision, as_of: dt.date) -> str:
    related = URIRef(BASE + "kind/follow-up/related")  # a link the sources do not state: no follow-up
    if any(graph.value(f, ACU.followUpKind) != related for f in graph.objects(decision, ACU.followUp)):
        return "followed-up"
    due = next(
        (
            o.toPython()
            for p in (ACU.deadline, ACU.scheduledEnd, ACU.scheduledStart)
            for o in graph.objects(decision, p)
        ),
        None,
    )
    if due is None:
        return "pending"
    return "past-due" if due < as_of else "due"


def rows_of(page, section: str) -> dict[str, str]:
    """The decisions of a table (their IRI) and the status each shows."""
    out = {}
    for row in page.locator(f"section[aria-labelledby={section}] table.tracker tbody tr").all():
        href = row.locator("td").nth(2).locator("a").first.get_attribute("href")
        out[BASE + urlsplit(href).path.lstrip("/")] = row.get_attribute("class").removeprefix("status-")
    return out


def test_what_must_mexico_do_two_clicks_from_home(page, service_url, union_graph, screenshots):
    page.goto(service_url + "/")
    page.locator("main a[href='/tracker?lang=en']").click()  # click 1
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "What must each actor do, and by when?"
    page.get_by_role("link", name="Mexico", exact=True).click()  # click 2
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/tracker/state/MX"
    assert page.locator("h1").inner_text() == "What must Mexico do, and by when?"
    assert page.locator("script").count() == 0
    shoot(page, screenshots, "tracker-state-MX")
    # the decisions and their statuses, as of a date, against the graph
    page.goto(service_url + f"/tracker/state/MX?as_of={AS_OF.isoformat()}")
    named, via = concerning(union_graph, MX)
    assert named and via
    direct, indirect = rows_of(page, "h-direct"), rows_of(page, "h-indirect")
    assert set(direct) == {str(d) for d in named}
    assert set(indirect) == {str(d) for d in via}
    for decision, shown in {**direct, **indirect}.items():
        assert shown == status(union_graph, URIRef(decision), AS_OF), decision
    counts = dict(
        (li.get_attribute("class"), int(li.locator("strong").inner_text()))
        for li in page.locator("ul.status-counts li").all()
    )
    shown = list(direct.values()) + list(indirect.values())
    assert counts == {s: shown.count(s) for s in ("past-due", "due", "pending", "followed-up")}
    assert counts["past-due"] and counts["followed-up"]


def test_the_actor_page_links_to_its_tracker_and_questions(page, service_url, screenshots):
    page.goto(service_url + "/state/MX?lang=es")
    about = page.locator("nav.about")
    assert about.locator("a[href='/tracker/state/MX?lang=es']").count() == 1
    assert about.locator("a[href^='/queries/state-meetings?']").count() == 1
    about.locator("a[href='/tracker/state/MX?lang=es']").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "¿Qué debe hacer México, y para cuándo?"
    assert page.locator("html").get_attribute("lang") == "es"
    page.goto(service_url + "/tracker?lang=es")
    shoot(page, screenshots, "tracker-index-es")
    page.goto(service_url + "/meeting/2017-06-08-panama")
    assert page.locator("nav.about").count() == 0


def test_calendar_of_deadlines_and_scheduled_dates(http, union_graph):
    response = http.get("/tracker/state/MX.ics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = {str(e["URL"]): e for e in calendar.walk("VEVENT")}
    named, via = concerning(union_graph, MX)
    dated = {}
    for decision in named | via:
        first = next(
            (
                o.toPython()
                for p in (ACU.deadline, ACU.scheduledStart, ACU.scheduledEnd)
                for o in union_graph.objects(decision, p)
            ),
            None,
        )
        if first is not None:
            dated[str(decision)] = first
    assert dated and set(events) == set(dated)
    for decision, first in dated.items():
        event = events[decision]
        assert event.decoded("DTSTART") == first, decision
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert len({str(e["UID"]) for e in events.values()}) == len(events)


def test_tracker_csv_and_unknown_actor(http):
    response = http.get("/tracker/state/MX.csv", params={"lang": "es"})
    assert response.content.startswith(b"\xef\xbb\xbf") and "Estado" in response.content.decode("utf-8-sig")
    assert http.get("/tracker/state/XX").status_code == 404
    assert http.get("/tracker/meeting/2017-06-08-panama").status_code == 404
    assert http.get("/tracker/state/MX", params={"as_of": "not a date"}).status_code == 404


def _table(html: str, section: str) -> dict[str, str]:
    """The decisions of one table of a tracker page (their IRI) and the status each shows."""
    part = html.split(f'<section aria-labelledby="{section}">', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r'<tr class="status-([a-z-]+)">.*?<td data-label="[^"]*"><a href="([^"]+)"', part, re.S)
    return {BASE + urlsplit(href).path.lstrip("/"): state for state, href in rows}


@pytest.fixture
def tracker(built_dist, monkeypatch):
    """The service in this process, with tables of at most 3 rows (the record's actors have dozens;
    the whole record's have thousands)."""
    monkeypatch.setattr(tracker_module, "TRACKED", 3)
    with TestClient(create_app(Site.open(Settings(dist=built_dist, workers=1)))) as client:
        yield client


def test_a_long_tracker_shows_its_first_rows_and_every_one_when_asked(tracker, union_graph):
    named, via = concerning(union_graph, MX)
    expected = {str(d): status(union_graph, d, AS_OF) for d in named}
    assert len(expected) > 3 and len(via) > 3
    params = {"as_of": AS_OF.isoformat(), "lang": "en"}
    page = tracker.get("/tracker/state/MX", params=params).text
    first = _table(page, "h-direct")
    assert len(first) == 3 and all(expected[d] == s for d, s in first.items())
    assert f"The first 3 of {len(expected)}" in page and f"show all {len(expected)}" in page
    assert len(_table(page, "h-indirect")) == 3
    whole = tracker.get("/tracker/state/MX", params=params | {"rows": "all"}).text
    assert _table(whole, "h-direct") == expected
    assert set(_table(whole, "h-indirect")) == {str(d) for d in via}
    assert "The first" not in whole


@pytest.mark.parametrize("chosen", ["past-due", "due", "pending", "followed-up"])
def test_a_status_count_links_to_the_decisions_of_that_status(tracker, union_graph, chosen):
    named, via = concerning(union_graph, MX)
    direct = {str(d) for d in named if status(union_graph, d, AS_OF) == chosen}
    indirect = {str(d) for d in via if status(union_graph, d, AS_OF) == chosen}
    params = {"as_of": AS_OF.isoformat(), "lang": "es", "rows": "all"}
    everything = tracker.get("/tracker/state/MX", params=params).text
    count = len(direct) + len(indirect)  # the counts cover both tables
    link = re.search(rf'<li class="{chosen}"><a href="([^"]+)"><strong>{count}</strong>', everything)
    assert link is not None  # the count is a link to its own list
    page = tracker.get(link.group(1).replace("&amp;", "&") + "&rows=all")
    assert page.status_code == 200
    assert set(_table(page.text, "h-direct")) == direct and set(_table(page.text, "h-indirect")) == indirect
    assert "todos los estados" in page.text  # the way back to every status
    assert page.headers["ETag"] != tracker.get("/tracker/state/MX", params=params).headers["ETag"]


def test_an_unknown_status_is_not_found(tracker):
    assert tracker.get("/tracker/state/MX", params={"status": "late"}).status_code == 404
