"""The provenance of each judgement where people read the decisions (issue 10), in a real browser:
the action category of every decision, the kind and basis of every follow-up link, and a meeting's
status as its source says it and as known now, on the decisions explorer, a meeting's page, the
tracker and the meetings explorer. What each page shows is checked against a walk of the graph in
Python (rdflib, none of the service's code)."""

from __future__ import annotations

from urllib.parse import urlsplit

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from facet_walk import follow_up_links as links
from screens import shoot

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace(BASE + "ontology#")
RELATED = URIRef(BASE + "kind/follow-up/related")
NAMED = URIRef(BASE + "kind/basis/named-in-text")
CRM = URIRef(BASE + "conference/crm")


def label(graph: Graph, iri: object) -> str:
    return next(str(o) for o in graph.objects(iri, SKOS.prefLabel) if getattr(o, "language", None) == "en")


def category(graph: Graph, decision: object) -> str:
    (assignment,) = graph.objects(decision, ACU.actionCategoryAssignment)
    return label(graph, graph.value(assignment, ACU.actionCategory))


def shown_links(graph: Graph, decision: object) -> list[str]:
    """The follow-up links as the explorer and a meeting's page list them: each kind (basis) once, sorted."""
    return sorted(
        {
            f"{label(graph, graph.value(link, ACU.followUpKind))} ({label(graph, graph.value(link, ACU.basis))})"
            for link in links(graph, decision)
        }
    )


def iri_of(href: str) -> URIRef:
    return URIRef(BASE + urlsplit(href).path.lstrip("/"))


def decision_rows(page) -> dict[URIRef, object]:
    return {
        iri_of(row.locator("td.link a").first.get_attribute("href")): row
        for row in page.locator("table.decisions tbody tr").all()
    }


def test_explorer_narrows_by_follow_up_basis_and_shows_category_and_links(page, service_url, union_graph, screenshots):
    page.goto(service_url + "/explore/decisions?followup_basis=kind/basis/named-in-text&lang=en")
    expected = {
        d
        for d in union_graph.subjects(ACU.actionCategoryAssignment, None)
        if any(union_graph.value(link, ACU.basis) == NAMED for link in links(union_graph, d))
    }
    rows = decision_rows(page)
    assert expected and set(rows) == expected
    for decision, row in rows.items():
        assert row.locator("div.category").inner_text() == category(union_graph, decision)
        shown = [" ".join(x.inner_text().split()) for x in row.locator("div.follow-up-link").all()]
        assert shown == shown_links(union_graph, decision), decision
    # the facet panel offers the action categories and the kinds of follow-up
    for facet in ("category", "followup_kind", "followup_basis"):
        assert page.locator(f"form.facets fieldset[data-facet={facet}] input[type=checkbox]").count() >= 1, facet
    shoot(page, screenshots, "explore-decisions-follow-up-named-in-text")


def test_explorer_downloads_carry_category_and_follow_up_links(http, union_graph):
    answer = http.get("/explore/decisions.json", params={"category": "kind/action-category/acknowledgement"})
    assert answer.status_code == 200
    body = answer.json()
    expected = {
        str(d)
        for d, assignment in union_graph.subject_objects(ACU.actionCategoryAssignment)
        if union_graph.value(assignment, ACU.actionCategory) == URIRef(BASE + "kind/action-category/acknowledgement")
    }
    assert expected and {r["decision"] for r in body["rows"]} == expected
    for row in body["rows"]:
        assert row["category"] == [category(union_graph, URIRef(row["decision"]))]
        assert row["follow_up_links"] == shown_links(union_graph, URIRef(row["decision"]))


def test_meeting_page_related_is_not_follow_up(page, service_url, union_graph, screenshots):
    page.goto(service_url + "/meeting/2017-03-30-washington?lang=en")
    rows = decision_rows(page)
    adopted = set(union_graph.subjects(ACU.adoptedAt, URIRef(BASE + "meeting/2017-03-30-washington")))
    assert set(rows) == adopted
    for decision, row in rows.items():
        assert row.locator("div.category").inner_text() == category(union_graph, decision)
        status = row.locator("td").last.locator("span.tag").get_attribute("class").split()[-1]
        kinds = {union_graph.value(link, ACU.followUpKind) for link in links(union_graph, decision)}
        assert (status == "followed-up") == bool(kinds - {RELATED}), decision
    # agreement 9 (the April videoconference) is only related to the 11 May meeting (audit of issue 10)
    nine = rows[URIRef(BASE + "decision/2017-03-30-washington/agreement-9")]
    assert "followed up" not in nine.inner_text()
    assert " ".join(nine.locator("div.follow-up-link").inner_text().split()) == "Related (Assigned by judgement)"
    shoot(page, screenshots, "meeting-2017-03-30-washington-categories")


def test_tracker_shows_category_follow_up_basis_and_scheduled_meeting_status(
    page, service_url, union_graph, screenshots
):
    page.goto(service_url + "/tracker/conference/crm?as_of=2017-07-01&lang=en")
    rows = page.locator("section[aria-labelledby=h-direct] table.tracker tbody tr").all()
    assert rows
    seen_basis = seen_status = 0
    for row in rows:
        decision = iri_of(row.locator("td").nth(2).locator("a").first.get_attribute("href"))
        cell = row.locator("td").nth(2)
        assert cell.locator("div.category").inner_text() == f"Action category: {category(union_graph, decision)}"
        for link in union_graph.objects(decision, ACU.followUp):
            basis = label(union_graph, union_graph.value(link, ACU.basis))
            kind = label(union_graph, union_graph.value(link, ACU.followUpKind))
            by = union_graph.value(link, ACU.followedUpBy)
            line = row.locator("td").nth(4).locator(f"div:has(a[href^='/{by[len(BASE) :]}'])").first
            assert line.inner_text().startswith(f"{kind}: ") and line.inner_text().endswith(f"— {basis}"), decision
            seen_basis += 1
        meeting = union_graph.value(decision, ACU.schedules)
        if meeting is not None and union_graph.value(meeting, ACU.status) is not None:
            text = cell.locator("span.meeting-status").inner_text()
            assert f"as the source says: {label(union_graph, union_graph.value(meeting, ACU.status))}" in text
            now = union_graph.value(meeting, ACU.statusNow)
            assert (f"known now: {label(union_graph, now)}" in text) if now else ("known now" not in text)
            seen_status += 1
    assert seen_basis and seen_status
    shoot(page, screenshots, "tracker-conference-crm-provenance")


def test_meetings_explorer_status_known_now(page, service_url, union_graph, screenshots):
    held = URIRef(BASE + "kind/status/held")
    page.goto(service_url + "/explore/meetings?status_now=kind/status/held&lang=en")
    expected = set(union_graph.subjects(ACU.statusNow, held))
    rows = {
        iri_of(row.locator("td.link a").first.get_attribute("href")): row
        for row in page.locator("table.meetings tbody tr").all()
    }
    assert expected and set(rows) == expected
    for meeting, row in rows.items():
        # each says both: the status as its source says it, and what is known now
        assert row.locator("td").nth(3).inner_text().split("\n")[0] == label(
            union_graph, union_graph.value(meeting, ACU.status)
        )
        assert row.locator("div.status-now").inner_text() == "Status known now: Held"
        assert union_graph.value(meeting, ACU.statusNowSource) or union_graph.value(meeting, ACU.curatorNote)
    shoot(page, screenshots, "explore-meetings-status-now-held")


def test_decision_page_shows_follow_up_basis_and_category(page, service_url, union_graph):
    decision = URIRef(BASE + "decision/2017-06-08-panama/agreement-4")
    page.goto(service_url + "/decision/2017-06-08-panama/agreement-4?lang=en")
    text = page.locator("main").inner_text()
    assert category(union_graph, decision) in page.locator("section.action-category").inner_text()
    for link in union_graph.objects(decision, ACU.followUp):
        assert label(union_graph, union_graph.value(link, ACU.followUpKind)) == "Related"
        assert union_graph.value(link, ACU.basis) == URIRef(BASE + "kind/basis/assigned-by-judgement")
    # each of the three links, kind and basis (CONTRIBUTING: a link the sources do not support is related)
    assert text.count("Related") >= 3 and text.count("Assigned by judgement") >= 3
