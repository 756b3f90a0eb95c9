"""A long facet of the explorers, without a script, over real HTTP: it shows its top values (by the
counts an independent walk of the data gives, tests/facet_walk.py) and every chosen value, and a
link, "Show all 52" / "Mostrar los 52", that reloads the page with the facet whole (``more``); every
link of the page and its form keep that, the downloads have nothing to do with it. On the real
record the themes and actors of the decisions, the participants and themes of the meetings, are
long facets; a record of a million triples has thousands of meetings (bench/RESULTS.md)."""

from __future__ import annotations

import datetime as dt
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest

from acuerdos.web.explorer import FACET_MARGIN, FACET_TOP
from acuerdos.web.i18n import number
from explorer_pages import check_folded
from facet_walk import GROUPS, MEETING_GROUPS, expected, walk, walk_meetings

LONG = FACET_TOP + FACET_MARGIN  # a facet with more values than this is folded to its top values
SHOW_ALL = {"en": "Show all {n}", "es": "Mostrar los {n}"}
SHOW_TOP = {"en": f"Show only the top {FACET_TOP}", "es": f"Mostrar solo los {FACET_TOP} primeros"}


class Panel(HTMLParser):
    """The facets of an explorer's page: each one's values (as the URL writes them, with their counts
    and whether they are ticked), group headings, its "Show all" link and type-to-filter box; the
    form's hidden ``more`` fields; every link of the page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.facets: dict[str, dict] = {}
        self.more: list[str] = []
        self.links: list[str] = []
        self._facet: dict | None = None
        self._value: list | None = None
        self._in: str | None = None  # the element whose text is read: count, group, toggle
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "fieldset" and "facet" in classes:
            self._facet = {"values": {}, "ticked": set(), "groups": [], "toggle": None, "filter": False}
            self._facet["folded"] = "data-folded" in a
            self.facets[a["data-facet"] or ""] = self._facet
        elif tag == "input" and a.get("name") == "more" and a.get("type") == "hidden":
            self.more.append(a.get("value") or "")
        elif self._facet is not None and tag == "input" and a.get("type") == "checkbox":
            self._value = [a["value"], ""]
            if "checked" in a:
                self._facet["ticked"].add(a["value"])
        elif self._facet is not None and tag == "input" and "type-ahead" in classes:
            self._facet["filter"] = True
        elif self._facet is not None and "count" in classes:
            self._in = "count"
        elif self._facet is not None and "facet-group" in classes:
            self._in = "group"
            self._facet["groups"].append("")
        if tag == "a" and a.get("href") and "hreflang" not in a:  # not the other language's (the same address)
            self.links.append(a["href"] or "")
            if self._facet is not None:
                self._in = "toggle"
                self._facet["toggle"] = [a["href"], "", a.get("aria-label")]

    def handle_data(self, data: str) -> None:
        if self._in == "count" and self._value is not None:
            self._value[1] += data
        elif self._in == "group" and self._facet is not None:
            self._facet["groups"][-1] += data
        elif self._in == "toggle" and self._facet is not None:
            self._facet["toggle"][1] += data

    def handle_endtag(self, tag: str) -> None:
        if self._in == "count" and tag == "span" and self._value is not None and self._facet is not None:
            self._facet["values"][self._value[0]] = int(self._value[1])
            self._value = None
        if tag in ("span", "div", "a"):
            self._in = None
        if tag == "fieldset":
            self._facet = None


@pytest.fixture(scope="module")
def walks(union_graph) -> dict[str, tuple[list, dict]]:
    return {
        "decisions": (walk(union_graph, dt.date.today()), GROUPS),
        "meetings": (walk_meetings(union_graph), MEETING_GROUPS),
    }


def wanted(walks, view: str, chosen: dict[str, set[str]]) -> dict[str, dict[str, int]]:
    """Every facet's values with items (and its chosen ones), with their counts, by the walk."""
    items, groups = walks[view]
    counts = expected(items, chosen, groups)[1]
    out = {}
    for facet, counter in counts.items():
        out[facet] = {v: n for v, n in counter.items() if v and n}
        out[facet].update({v: counter[v] for v in chosen.get(facet, ())})
    return out


def panel(http, view: str, params: list[tuple[str, str]]) -> Panel:
    response = http.get(f"/explore/{view}", params=params)
    assert response.status_code == 200, response.text[:300]
    return Panel(response.text)


def follow(http, href: str) -> Panel:
    parts = urlsplit(unescape(href))
    assert parts.path.startswith("/explore/") and parts.fragment.startswith("facet-"), href
    response = http.get(parts.path, params=parse_qsl(parts.query))
    assert response.status_code == 200
    return Panel(response.text)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("view", ["decisions", "meetings"])
def test_a_long_facet_shows_its_top_values_and_a_link_to_show_it_whole(http, walks, view, lang):
    want = wanted(walks, view, {})
    folded = panel(http, view, [("lang", lang)])
    long = [f for f in want if len(want[f]) > LONG]
    assert len(long) >= 2, f"the real record has long facets in the {view} explorer: {long}"
    for facet, values in want.items():
        shown = folded.facets[facet]
        check_folded(facet, shown["values"], values, set())
        if facet not in long:  # as it was: every value, no link
            assert not shown["folded"] and shown["toggle"] is None, facet
            continue
        assert shown["folded"] and len(shown["values"]) == FACET_TOP and not shown["groups"] and not shown["filter"]
        href, text, label = shown["toggle"]
        assert text == SHOW_ALL[lang].format(n=number(len(values), lang)) and text.lower() in label.lower()
        assert ("more", facet) in parse_qsl(urlsplit(unescape(href)).query)
        whole = follow(http, href)
        assert whole.more == [facet], "the form keeps the facet whole when a box is ticked"
        every = whole.facets[facet]
        assert every["values"] == values and not every["folded"] and every["filter"]
        # ties in the order of the whole list: the top values are its first by count
        ranked = sorted(every["values"], key=lambda v: -values[v])[:FACET_TOP]
        assert list(shown["values"]) == ranked, f"{facet}: ties out of the facet's order"
        assert every["toggle"][1] == SHOW_TOP[lang]
        assert follow(http, every["toggle"][0]).facets[facet]["values"] == shown["values"]
        for other in long:  # one facet shown whole, the others still folded
            assert whole.facets[other]["folded"] == (other != facet)
    if view == "decisions":  # grouped when whole, as before: themes by scheme, actors by kind of agent
        whole = panel(http, view, [("more", "theme"), ("more", "actor"), ("lang", lang)])
        assert len(whole.facets["theme"]["groups"]) > 1 and len(whole.facets["actor"]["groups"]) > 1


@pytest.mark.parametrize(
    ("view", "facet"), [("decisions", "theme"), ("decisions", "actor"), ("meetings", "participant")]
)
def test_a_chosen_value_never_drops_out_of_sight(http, walks, view, facet):
    """The least frequent values of a long facet, chosen, are shown ticked beside its top values."""
    counts = wanted(walks, view, {})[facet]
    rarest = sorted(counts, key=lambda v: (counts[v], v))[:2]
    assert counts[rarest[1]] < sorted(counts.values(), reverse=True)[FACET_TOP - 1], "not among the top values"
    chosen = {facet: set(rarest)}
    shown = panel(http, view, [(facet, v) for v in rarest]).facets[facet]
    assert shown["folded"] and shown["ticked"] == set(rarest)
    check_folded(facet, shown["values"], wanted(walks, view, chosen)[facet], set(rarest))
    assert len(shown["values"]) == FACET_TOP + 2


def test_every_link_keeps_a_facet_shown_whole_but_the_downloads_and_clear_all(http):
    """The pager, the sort links and the chosen values' "remove" links keep ``more`` as they keep the
    selection (as the links to the other language keep the whole address); a facet's own link shows
    it folded again (and comes back to it); a download has none."""
    view = [("conference", "conference/csm"), ("sort", "-due"), ("more", "actor"), ("more", "theme")]
    page = panel(http, "decisions", [*view, ("page", "2"), ("lang", "en")])
    assert page.more == ["theme", "actor"], "in the order of the facets"
    seen = set()
    for href in page.links:
        u = urlsplit(unescape(href))
        query = parse_qsl(u.query)
        more = [v for k, v in query if k == "more"]
        if u.path.startswith("/explore/decisions."):  # a download: every item of the view, whatever is shown
            assert not more and ("sort", "-due") in query, href
            seen.add("download")
        elif u.path != "/explore/decisions" or query == [("lang", "en")]:  # elsewhere, or "clear all"
            continue
        elif u.fragment:  # a facet's own link, folding it again
            assert more == [{"facet-theme": "actor", "facet-actor": "theme"}[u.fragment]], href
            seen.add(u.fragment)
        else:
            assert more == ["theme", "actor"], href
            if ("conference", "conference/csm") not in query:
                seen.add("remove")  # the chosen conference's "remove" link
            elif ("page", "3") in query:
                seen.add("page")
            elif ("sort", "due") in query:  # the "Due" column, the other way
                seen.add("sort")
    assert seen == {"download", "facet-theme", "facet-actor", "page", "sort", "remove"}


def test_showing_a_facet_whole_changes_neither_the_downloads_nor_the_etag_of_another_view(http):
    selection = [("conference", "conference/csm"), ("lang", "en")]
    plain = http.get("/explore/decisions.json", params=selection).json()
    more = http.get("/explore/decisions.json", params=[*selection, ("more", "theme")]).json()
    assert plain["rows"] == more["rows"] and plain["selection"] == more["selection"]
    folded = http.get("/explore/decisions", params=selection)
    whole = http.get("/explore/decisions", params=[*selection, ("more", "theme")])
    assert folded.headers["etag"] != whole.headers["etag"], "a cache must not answer one for the other"
    again = http.get(
        "/explore/decisions", params=[*selection, ("more", "theme")], headers={"If-None-Match": whole.headers["etag"]}
    )
    assert again.status_code == 304


def test_a_facet_the_explorer_has_not_is_ignored(http):
    response = http.get("/explore/decisions", params=[("more", "nothing"), ("more", "<b>"), ("lang", "en")])
    page = Panel(response.text)
    assert response.status_code == 200 and page.more == []
    assert not [link for link in page.links if "nothing" in link or "%3Cb%3E" in link]


@pytest.mark.parametrize(
    ("n", "lang", "text"),
    [
        (2568, "en", "2,568"),
        (2568, "es", "2568"),
        (52, "es", "52"),
        (11206, "en", "11,206"),
        (11206, "es", "11\u202f206"),
        (1234567, "es", "1\u202f234\u202f567"),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(n, lang, text):
    assert number(n, lang) == text
