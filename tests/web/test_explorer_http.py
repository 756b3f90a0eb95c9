"""The explorer's downloads and its answers to values it cannot apply, over HTTP (no browser)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from facet_walk import expected, walk

SELECTION = [("conference", "conference/csm"), ("year", "2017"), ("theme", "theme/gcm-objective/23")]


@pytest.fixture(scope="module")
def kept(union_graph) -> set[str]:
    chosen: dict[str, set[str]] = {}
    for facet, value in SELECTION:
        chosen.setdefault(facet, set()).add(value)
    return expected(walk(union_graph, dt.date.today()), chosen)[0]


def test_csv_has_a_bom_the_view_and_its_selection(http, kept, data_version):
    response = http.get("/explore/decisions.csv", params=[*SELECTION, ("lang", "es")])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    assert f"decisions-{data_version}.csv" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["Decisión"] for row in rows} == kept, "the headers are in the language asked for"
    assert {row["data_version"] for row in rows} == {data_version}
    assert all(set(SELECTION) <= set(parse_qsl(row["selection"])) for row in rows)
    assert any(
        "á" in row["Texto (español, tal como se imprimió)"] or "ó" in row["Texto (español, tal como se imprimió)"]
        for row in rows
    )


def test_xlsx_opens_with_the_view_and_an_about_sheet(http, kept, data_version):
    from openpyxl import load_workbook

    response = http.get("/explore/decisions.xlsx", params=SELECTION)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    decisions, about = book.worksheets
    rows = list(decisions.iter_rows(values_only=True))
    assert rows[0][0] == "Decision"
    assert {row[0] for row in rows[1:]} == kept
    info = {row[0]: row[1] for row in about.iter_rows(values_only=True)}
    assert info["Data version"] == data_version
    assert info["Theme"] == "theme/gcm-objective/23"


def test_json_carries_the_selection_and_the_data_version(http, kept, data_version):
    body = http.get("/explore/decisions.json", params=SELECTION).json()
    assert body["data_version"] == data_version
    assert body["selection"] == {
        "conference": ["conference/csm"],
        "year": ["2017"],
        "theme": ["theme/gcm-objective/23"],
    }
    assert {row["decision"] for row in body["rows"]} == kept
    assert body["count"] == len(kept)
    assert body["url"].startswith("/explore/decisions?")


@pytest.mark.parametrize(("lang", "words"), [("en", "is not a value of Actor"), ("es", "no es un valor de Actor")])
def test_a_wrong_value_is_refused_in_the_language_asked_with_what_was_meant(http, lang, words):
    response = http.get("/explore/decisions.json", params={"actor": "Mexco", "lang": lang})
    assert response.status_code == 400
    problem = response.json()["problems"][0]
    assert words in problem["message"] and "Mexco" in problem["message"]
    assert "state/MX" in {s["value"] for s in problem["did_you_mean"]}
    page = http.get("/explore/decisions", params={"actor": "Mexco", "lang": lang})
    assert page.status_code == 200
    assert words in page.text and "actor=state%2FMX" in page.text, "the page says so and links the suggestion"


def test_a_wrong_date_and_sort_are_named(http):
    body = http.get("/explore/decisions.json", params={"due_from": "2017-13-01", "sort": "dat"}).json()
    params = {p["parameter"] for p in body["problems"]}
    assert params == {"due_from", "sort"}
    sort = next(p for p in body["problems"] if p["parameter"] == "sort")
    assert "date" in {s["value"] for s in sort["did_you_mean"]}


def test_the_page_revalidates_by_etag(http):
    first = http.get("/explore/decisions", params=SELECTION)
    again = http.get("/explore/decisions", params=SELECTION, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    other = http.get("/explore/decisions", params=SELECTION[:1])
    assert other.headers["etag"] != first.headers["etag"]


def test_meetings_download_with_their_selection(http, union_graph, data_version):
    from facet_walk import MEETING_GROUPS, walk_meetings

    chosen = {"conference": {"conference/csm"}, "recorded": {"recorded"}}
    kept = expected(walk_meetings(union_graph), chosen, MEETING_GROUPS)[0]
    body = http.get("/explore/meetings.json", params=[(k, v) for k, vs in chosen.items() for v in vs]).json()
    assert {row["meeting"] for row in body["rows"]} == kept and body["data_version"] == data_version
    response = http.get("/explore/meetings.csv", params={"conference": "conference/csm", "lang": "es"})
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and "Reunión" in rows[0]


def test_a_date_known_only_to_the_year_shows_as_the_year(http, union_graph):
    """A meeting the source places only in a year (acu:notBefore 1 January, notAfter 31 December, no
    start date): its decisions show that year, not 1 January of it, on the page and in the download."""
    found = union_graph.query(
        """PREFIX acu: <https://w3id.org/acuerdos/ontology#> PREFIX schema: <https://schema.org/>
        SELECT ?d ?nb ?na WHERE { ?d acu:adoptedAt ?m . ?m acu:notBefore ?nb ; acu:notAfter ?na
                                  FILTER NOT EXISTS { ?m schema:startDate ?start } }"""
    )
    by_year = {
        str(d): str(nb)[:4]
        for d, nb, na in found
        if str(nb)[4:] == "-01-01" and str(na)[4:] == "-12-31" and str(nb)[:4] == str(na)[:4]
    }
    assert by_year, "the data has a decision of a meeting known only by its year (Quito 2011)"
    for decision, year in by_year.items():
        body = http.get("/explore/decisions.json", params={"q": "", "year": year}).json()
        dates = {row["decision"]: row["date"] for row in body["rows"]}
        assert dates[decision] == year, decision
        page = http.get("/explore/decisions", params={"year": year}).text
        assert f">{year}-01-01<" not in page


def test_pages_are_plain_links_and_a_download_has_every_page(http):
    """Paging needs no script: each page links the next and the previous with the selection kept; a
    download holds the whole view whatever page it is asked from; a page past the last shows the
    last, a page that is no number the first."""
    from acuerdos.web.explorer import PAGE_SIZE

    selection = [("conference", "conference/csm"), ("lang", "en")]
    whole = http.get("/explore/decisions.json", params=[*selection, ("page", "2")]).json()
    pages = -(-whole["count"] // PAGE_SIZE)
    assert pages >= 2 and len(whole["rows"]) == whole["count"]
    second = http.get("/explore/decisions", params=[*selection, ("page", "2")])
    links = dict(re.findall(r'<a href="([^"]+)" rel="(next|prev)"', second.text.replace("&amp;", "&")))
    want = {"prev": None} | ({"next": "3"} if pages > 2 else {})  # the first page is the view's own address
    assert {rel: dict(parse_qsl(urlsplit(href).query)).get("page") for href, rel in links.items()} == want
    for href in links:
        assert ("conference", "conference/csm") in parse_qsl(urlsplit(href).query), href
    assert f"Page 2 of {pages}" in second.text
    first = http.get("/explore/decisions", params=selection)
    assert second.headers["etag"] != first.headers["etag"]
    assert rows_of(first.text).isdisjoint(rows_of(second.text)) and len(rows_of(first.text)) == PAGE_SIZE
    beyond = http.get("/explore/decisions", params=[*selection, ("page", "999")])
    assert beyond.status_code == 200 and f"Page {pages} of {pages}" in beyond.text
    assert 'rel="next"' not in beyond.text
    wrong = http.get("/explore/decisions", params=[*selection, ("page", "two")])
    assert wrong.status_code == 200 and rows_of(wrong.text) == rows_of(first.text)


def rows_of(html: str) -> set[str]:
    """The decisions a page's table links."""
    return set(re.findall(r'<td class="link"[^>]*><a href="/([^"?]+)', html))


@pytest.mark.parametrize(
    ("current", "pages", "shown"),
    [
        (1, 1, [1]),
        (1, 10, [1, 2, 3, None, 10]),
        (4, 10, [1, 2, 3, 4, 5, 6, None, 10]),  # no "…" for nothing left out
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
        (5, 5, [1, 2, 3, 4, 5]),  # one page left out is shown, not "…" in its place
        (1, 5, [1, 2, 3, 4, 5]),
    ],
)
def test_the_pager_links_the_ends_and_the_pages_near(current, pages, shown):
    from acuerdos.web.explorer import page_numbers

    assert page_numbers(current, pages) == shown
