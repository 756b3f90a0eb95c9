"""The charts: drawn on the server, their bars measured in a real browser against counts made here
by walking the graph in Python (rdflib), with no SPARQL; their data as CSV; their texts in Spanish.

Screenshots at desktop and phone width: see screens.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Namespace, URIRef

from acuerdos.namespaces import Base
from acuerdos.project import Release
from acuerdos.store import LocalBackend
from acuerdos.store.embedded import EmbeddedEngine
from acuerdos.web import chart_data, charts, vega
from acuerdos.web.rendering import Links
from screens import shoot

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace(BASE + "ontology#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")


# --- the counts, by walking the graph -----------------------------------------------------------


def decisions_of(graph: Graph) -> set[URIRef]:
    kinds = set(graph.transitive_subjects(RDFS.subClassOf, ACU.Decision))
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def reached(graph: Graph, theme: URIRef) -> set[URIRef]:
    """The themes a decision tagged with `theme` touches: itself or what it is mapped to, then all broader."""
    mapped = {theme}
    for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch):
        mapped |= set(graph.objects(theme, p))
    for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.narrowMatch):
        mapped |= set(graph.subjects(p, theme))
    out: set[URIRef] = set()
    for m in mapped:
        out |= set(graph.transitive_objects(m, SKOS.broader))
    return out


def year_of(graph: Graph, decision: URIRef) -> str:
    for meeting in graph.objects(decision, ACU.adoptedAt):
        for p in (SCHEMA.startDate, ACU.notBefore):
            for date in graph.objects(meeting, p):
                return str(date)[:4]
    for document in graph.objects(decision, ACU.recordedIn):
        for date in graph.objects(document, DCTERMS.date):
            return str(date)[:4]
    return ""


def walk(graph: Graph, scheme: str) -> dict[tuple[URIRef, str], set[URIRef]]:
    """Decisions per (theme of the scheme, '' | conference IRI | year)."""
    themes = set(graph.subjects(SKOS.inScheme, URIRef(BASE + "scheme/" + scheme)))
    out: dict[tuple[URIRef, str], set[URIRef]] = defaultdict(set)
    for decision in decisions_of(graph):
        conferences = {str(c) for m in graph.objects(decision, ACU.adoptedAt) for c in graph.objects(m, ACU.conference)}
        year = year_of(graph, decision)
        for assignment in graph.objects(decision, ACU.themeAssignment):
            for tagged in graph.objects(assignment, ACU.theme):
                for theme in reached(graph, tagged) & themes:
                    for key in ("", year, *conferences):
                        out[(theme, key)].add(decision)
    return out


@pytest.fixture(scope="session")
def objectives(union_graph) -> dict[str, URIRef]:
    scheme = URIRef(BASE + "scheme/gcm-objectives")
    return {str(union_graph.value(t, SKOS.notation)): t for t in union_graph.subjects(SKOS.inScheme, scheme)}


# --- the browser: bars measured --------------------------------------------------------------------

MEASURE = """svg => {
  const box = e => e.getBoundingClientRect();
  const x = 'g.role-axis[aria-label^="X-axis"] ';
  const tickX = [...svg.querySelectorAll(x + '.role-axis-tick line')].map(l => box(l).left);
  const axis = [...svg.querySelectorAll(x + '.role-axis-label text')]
    .map((t, i) => ({value: Number(t.textContent), x: tickX[i]}));
  const bars = [...svg.querySelectorAll('g.mark-rect.layer_0_marks path')]
    .map(p => ({label: p.getAttribute('aria-label'), left: box(p).left, width: box(p).width,
                y: box(p).top + box(p).height / 2}));
  const ticks = [...svg.querySelectorAll('g.role-axis[aria-label^="Y-axis"] .role-axis-label text')]
    .map(t => ({text: t.textContent, y: box(t).top + box(t).height / 2}));
  return {axis, bars, ticks};
}"""


def test_coverage_chart_has_23_bars_as_long_as_the_counts(page, service_url, union_graph, objectives, screenshots):
    response = page.goto(service_url + "/charts/coverage/gcm-objectives")
    assert response.status == 200
    assert page.locator("script").count() == 0, "the chart needs no script: it reads with JavaScript off"
    svg = page.locator("figure.chart svg")
    assert svg.get_attribute("role") == "img"
    assert svg.locator("title").text_content() == page.locator("h1").inner_text() == "Decisions per GCM objective"
    found = svg.evaluate(MEASURE)
    counts = walk(union_graph, "gcm-objectives")
    expected = {n: len(counts.get((theme, ""), ())) for n, theme in objectives.items()}
    assert len(expected) == 23 and len(found["bars"]) == 23
    zero = next(a for a in found["axis"] if a["value"] == 0)
    top = max(found["axis"], key=lambda a: a["value"])
    per_decision = (top["x"] - zero["x"]) / top["value"]
    for bar in found["bars"]:
        notation = bar["label"].split("; ")[1].split(": ", 1)[1].split(".")[0]
        assert abs(bar["left"] - zero["x"]) < 1.5, bar
        assert abs(bar["width"] / per_decision - expected[notation]) < 0.05, (notation, bar, expected[notation])
        row = next(t for t in found["ticks"] if t["text"].startswith(notation + ". "))
        assert abs(row["y"] - bar["y"]) < 2, f"the bar of objective {notation} is on its own row"
    assert sum(1 for v in expected.values() if v == 0) >= 1, "the data has objectives no decision touches"
    # the table beside it says the same
    cells = page.locator("table.chart-data tbody tr").all()
    assert len(cells) == 23
    for row in cells:
        notation, *_, count = row.locator("td").all_inner_texts()
        assert int(count) == expected[notation]
    local_only_page(page, service_url)
    shoot(page, screenshots, "chart-coverage-gcm-objectives")


def local_only_page(page, service_url) -> None:
    outside = [url for url in page.requests if not url.startswith((service_url, "data:", "about:"))]
    assert not outside, outside


@pytest.mark.parametrize("dimension", ["conference", "year"])
def test_coverage_split_by_conference_and_year(page, service_url, union_graph, objectives, dimension, screenshots):
    page.goto(service_url + f"/charts/coverage/gcm-objectives?by={dimension}&lang=es")
    assert page.locator("html").get_attribute("lang") == "es"
    svg = page.locator("figure.chart svg")
    assert (
        svg.locator("title").text_content()
        == f"Decisiones por objetivo del PMM por {'conferencia' if dimension == 'conference' else 'año'}"
    )
    assert "Decisiones" in svg.locator('g.role-axis[aria-label^="X-axis"]').inner_html()
    counts = walk(union_graph, "gcm-objectives")
    header = page.locator("table.chart-data thead th").all_inner_texts()
    groups = header[2:]
    if dimension == "conference":
        keys = {"CRM": BASE + "conference/crm", "CSM": BASE + "conference/csm"}
        assert sorted(groups) == sorted(keys)
    else:
        keys = {g: g for g in groups}
        assert set(groups) == {k for (_, k) in counts if len(k) == 4}
    bars = svg.evaluate(MEASURE)["bars"]
    assert len(bars) == 23 * len(groups)
    for row in page.locator("table.chart-data tbody tr").all():
        notation, _, *values = row.locator("td").all_inner_texts()
        for group, value in zip(groups, values, strict=True):
            assert int(value) == len(counts.get((objectives[notation], keys[group]), ())), (notation, group)
    shoot(page, screenshots, f"chart-coverage-by-{dimension}-es")


@pytest.mark.parametrize("scheme", ["gcm-principles", "regional-themes"])
def test_coverage_of_the_other_schemes(page, service_url, union_graph, scheme, screenshots):
    page.goto(service_url + f"/charts/coverage/{scheme}")
    counts = walk(union_graph, scheme)
    themes = set(union_graph.subjects(SKOS.inScheme, URIRef(BASE + "scheme/" + scheme)))
    rows = page.locator("table.chart-data tbody tr").all()
    assert len(rows) == len(themes) == len(page.locator("figure.chart svg g.mark-rect.layer_0_marks path").all())
    for row in rows:
        path, count = row.locator("td a").first.get_attribute("href"), row.locator("td").last.inner_text()
        iri = URIRef(BASE + path.split("?")[0].lstrip("/"))
        assert int(count) == len(counts.get((iri, ""), ())), iri
    shoot(page, screenshots, f"chart-coverage-{scheme}")


# --- the files beside each chart -------------------------------------------------------------------


def test_coverage_csv_svg_png(http, union_graph, objectives):
    counts = walk(union_graph, "gcm-objectives")
    response = http.get("/charts/coverage/gcm-objectives.csv", params={"lang": "es"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so that a spreadsheet reads the accents"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Número", "Tema (IRI)", "Objetivo del PMM", "Decisiones"]
    assert {r[0]: int(r[3]) for r in rows[1:]} == {n: len(counts.get((t, ""), ())) for n, t in objectives.items()}
    svg = http.get("/charts/coverage/gcm-objectives.svg", params={"by": "conference"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "<title" in svg.text and "<desc" in svg.text and "http://" not in svg.text.replace("http://www.w3.org/", "")
    png = http.get("/charts/coverage/gcm-objectives.png")
    assert png.content.startswith(b"\x89PNG") and len(png.content) > 10_000
    again = http.get("/charts/coverage/gcm-objectives.png", headers={"If-None-Match": png.headers["etag"]})
    assert again.status_code == 304
    spec = http.get("/charts/coverage/gcm-objectives.vl.json").json()
    assert spec["$schema"].endswith("vega-lite/v5.json") and len(spec["data"]["values"]) == 23


def test_unknown_chart_is_404(http):
    assert http.get("/charts/coverage/no-such-scheme").status_code == 404
    assert http.get("/charts/coverage/gcm-objectives", params={"by": "nothing"}).status_code == 404


def test_charts_index_links_each_chart(page, service_url, screenshots):
    page.goto(service_url + "/charts?lang=es")
    assert page.locator("h1").inner_text() == "Gráficos"
    hrefs = [a.get_attribute("href") for a in page.locator("main ul.cards a").all()]
    assert "/charts/coverage/gcm-objectives?lang=es" in hrefs
    shoot(page, screenshots, "charts-index")


# --- the timeline of meetings ------------------------------------------------------------------------


def precision_by_walk(graph: Graph, meeting) -> str:
    """How precisely the graph dates a meeting, read from its own statements."""
    start, end = graph.value(meeting, SCHEMA.startDate), graph.value(meeting, SCHEMA.endDate)
    if start is not None:
        return "days" if end is not None and end.toPython() > start.toPython() else "day"
    nb, na = graph.value(meeting, ACU.notBefore), graph.value(meeting, ACU.notAfter)
    if nb is None and na is None:
        return "none"
    if nb is None or na is None:
        return "by" if nb is None else "from"
    nb, na = nb.toPython(), na.toPython()
    if nb.year == na.year and (nb.month, nb.day, na.month, na.day) == (1, 1, 12, 31):
        return "year"
    after = na.replace(day=28) + dt.timedelta(days=4)
    if nb.day == 1 and nb.month == na.month and nb.year == na.year and (after - dt.timedelta(days=after.day)) == na:
        return "month"
    return "window"


TIMELINE = """svg => {
  const box = e => e.getBoundingClientRect();
  const x = 'g.role-axis[aria-label^="X-axis"] ';
  const tickX = [...svg.querySelectorAll(x + '.role-axis-tick line')].map(l => box(l).left);
  const ticks = [...svg.querySelectorAll(x + '.role-axis-label text')]
    .map((t, i) => ({text: t.textContent, x: tickX[i]}));
  const bars = [...svg.querySelectorAll('g.mark-rect.layer_0_marks path')]
    .map(p => ({label: p.getAttribute('aria-label'), left: box(p).left, right: box(p).right}));
  const points = svg.querySelectorAll('g.mark-symbol.role-mark path').length;
  return {ticks, bars, points};
}"""

PRECISION_EN = {
    "day": "a day", "days": "days", "window": "a window", "month": "a month",
    "year": "a year", "from": "after a date", "by": "by a date",
}  # fmt: skip


def test_timeline_shows_every_meeting_with_its_precision(page, service_url, union_graph, screenshots):
    page.goto(service_url + "/charts/timeline")
    assert page.locator("script").count() == 0
    meetings = {m: precision_by_walk(union_graph, m) for m in union_graph.subjects(RDF.type, ACU.Meeting)}
    dated = {m: p for m, p in meetings.items() if p != "none"}
    found = page.locator("figure.chart svg").evaluate(TIMELINE)
    assert found["points"] == len(dated) == len(found["bars"])
    recorded = {m for m in dated if (None, ACU.records, m) in union_graph}
    rows = page.locator("table.chart-data tbody tr").all()
    assert len(rows) == len(dated)
    shown = {}
    for row in rows:
        href = row.locator("td a").first.get_attribute("href")
        cells = row.locator("td").all_inner_texts()
        shown[URIRef(BASE + href.split("?")[0].lstrip("/"))] = cells
    assert set(shown) == set(dated)
    for meeting, precision in dated.items():
        assert shown[meeting][2] == PRECISION_EN[precision], meeting
        assert shown[meeting][5] == ("recorded" if meeting in recorded else "only mentioned"), meeting
    # a meeting known to the year spans the year, from its tick to the next
    year_meeting = next(m for m, p in dated.items() if p == "year")
    year = str(union_graph.value(year_meeting, ACU.notBefore))[:4]
    tick = {t["text"]: t["x"] for t in found["ticks"]}
    bar = next(b for b in found["bars"] if f": {year} · " in b["label"])
    assert year in tick and str(int(year) + 1) in tick, tick
    assert abs(bar["left"] - tick[year]) < 1.5 and abs(bar["right"] - tick[str(int(year) + 1)]) < 1.5
    shoot(page, screenshots, "chart-timeline")
    page.goto(service_url + "/charts/timeline?year=2017&lang=es")
    assert page.locator("figure.chart svg title").text_content() == "Cronología de las reuniones, 2017"
    assert "Fecha" in page.locator("figure.chart svg").inner_html()
    shoot(page, screenshots, "chart-timeline-2017-es")


def year_by_walk(graph: Graph, meeting) -> int | None:
    """The year a meeting is placed in: that of its start, else of its earliest date, else of its latest."""
    for p in (SCHEMA.startDate, ACU.notBefore, ACU.notAfter):
        value = graph.value(meeting, p)
        if value is not None:
            return int(str(value)[:4])
    return None


@pytest.mark.parametrize("lang", ["en", "es"])
def test_meetings_per_year_count_what_the_graph_dates(built_dist, union_graph, lang):
    """Past charts.TIMELINE_ROWS dated meetings, every year's timeline becomes the meetings per year and
    conference (the record has fewer: its meetings are counted with a lower limit), each bar linking to
    its year's timeline on this site, counted as the graph dates and records them."""
    backend = LocalBackend(EmbeddedEngine.from_dump(str(Release(built_dist).nquads)).store)
    found, acronyms = chart_data.meetings(backend), chart_data.conference_acronyms(backend)
    dated = {m: y for m in union_graph.subjects(RDF.type, ACU.Meeting) if (y := year_by_walk(union_graph, m))}
    assert charts.counted_per_year(found, "all", rows_at_most=len(dated) - 1)
    assert not charts.counted_per_year(found, "all", rows_at_most=len(dated))
    assert not charts.counted_per_year(found, "2017", rows_at_most=0)  # one year: always one row per meeting
    expected: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for meeting, year in dated.items():
        names = sorted(
            str(a)
            for conference in union_graph.objects(meeting, ACU.conference)
            for a in union_graph.objects(conference, ACU.acronym)
            if a.language == lang
        )
        group = " + ".join(names) or {"en": "no conference", "es": "sin conferencia"}[lang]
        expected[(str(year), group)][0] += 1
        expected[(str(year), group)][1] += (None, ACU.records, meeting) in union_graph
    assert any(" + " in group for _, group in expected), "the record has a joint meeting"
    chart = charts.meetings_per_year_chart(found, acronyms, lang, Links(Base(BASE), "/root"))
    assert {(row[0]["text"], row[1]): [row[2], row[3]] for row in chart.rows} == expected
    svg = vega.svg_of(chart.spec, lang)
    links = set(re.findall(r'xlink:href="([^"]*)"', svg))
    # each bar links to its year on this site (vl-convert would put a path under a host of its own)
    assert links == {f"/root/charts/timeline?year={y}&amp;lang={lang}" for y, _ in expected}


# --- the follow-up graph of a decision ---------------------------------------------------------------


def lineage_by_walk(graph: Graph, root: URIRef) -> tuple[set, set]:
    """The nodes and edges reached from a decision: later by follow-up and scheduling, earlier by follow-up."""
    edges, nodes = set(), {root}
    todo = [root]
    while todo:
        node = todo.pop()
        later = [(b, "f") for f in graph.objects(node, ACU.followUp) for b in graph.objects(f, ACU.followedUpBy)]
        later += [(m, "s") for m in graph.objects(node, ACU.schedules)]
        for target, _ in later:
            edges.add((node, target))
            if target not in nodes:
                nodes.add(target)
                todo.append(target)
    todo = [root]
    while todo:
        node = todo.pop()
        for f in graph.subjects(ACU.followedUpBy, node):
            for source in graph.subjects(ACU.followUp, f):
                edges.add((source, node))
                if source not in nodes:
                    nodes.add(source)
                    todo.append(source)
    return nodes, {e for e in edges if e[0] in nodes and e[1] in nodes}


def test_decision_page_shows_its_follow_up_graph(page, service_url, union_graph, http, screenshots):
    root = URIRef(BASE + "decision/2017-03-30-washington/agreement-1")
    nodes, edges = lineage_by_walk(union_graph, root)
    assert len(nodes) > 3
    page.goto(service_url + "/decision/2017-03-30-washington/agreement-1")
    svg = page.locator("#h-followup-graph ~ figure svg")
    assert svg.get_attribute("role") == "img" and svg.locator("title").text_content().startswith("What became of")
    assert svg.locator("rect[rx]").count() == len(nodes)
    assert svg.locator("path[marker-end]").count() == len(edges)
    rows = page.locator("#h-followup-graph ~ details tbody tr")
    assert rows.count() == len(edges)
    shoot(page, screenshots, "decision-follow-up-graph")
    # a decision that follows up an earlier one shows that one on its left
    page.goto(service_url + "/decision/2017-06-08-panama/agreement-13")
    earlier = BASE + "decision/2017-03-30-washington/agreement-4"
    assert page.locator(f"#h-followup-graph ~ details a[href='/{earlier[len(BASE) :]}?lang=en']").count() >= 1
    png = http.get("/charts/follow-up/decision/2017-03-30-washington/agreement-1.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert http.get("/charts/follow-up/meeting/2017-06-08-panama.svg").status_code == 404


def test_theme_page_shows_its_chart(page, service_url, union_graph, screenshots):
    """The bars of a theme's chart, summed over the years, are the decisions of each conference that touch it."""
    theme = URIRef(BASE + "theme/gcm-objective/10")
    counts = walk(union_graph, "gcm-objectives")
    conferences = {c for (_, c) in counts if c.startswith(BASE + "conference/")}
    acronym = {
        str(a): c for c in conferences for a in union_graph.objects(URIRef(c), ACU.acronym) if a.language == "en"
    }
    page.goto(service_url + "/theme/gcm-objective/10")
    section = page.locator("section[aria-labelledby=h-theme-chart]")
    svg = section.locator("figure svg[role=img]")
    assert svg.locator("title").count() == 1
    shown: dict[str, int] = defaultdict(int)
    for bar in svg.locator("g.mark-rect.role-mark path").all():
        fields = dict(part.split(": ", 1) for part in bar.get_attribute("aria-label").split("; "))
        shown[acronym[fields["Conference"]]] += int(fields["Decisions"])
    expected = {c: len(counts[(theme, c)]) for c in acronym.values() if counts.get((theme, c))}
    assert expected and dict(shown) == expected
    assert section.locator("a[href^='/charts/coverage/gcm-objectives']").count() == 1
    shoot(page, screenshots, "theme-gcm-objective-10")


def test_cooccurrence_matrix_cells_are_the_pairs_of_the_graph(page, service_url, union_graph, screenshots):
    scheme = URIRef(BASE + "scheme/regional-themes")
    in_scheme = set(union_graph.subjects(SKOS.inScheme, scheme))
    pairs: dict[frozenset, int] = defaultdict(int)
    for decision in decisions_of(union_graph):
        tagged = {
            t for a in union_graph.objects(decision, ACU.themeAssignment) for t in union_graph.objects(a, ACU.theme)
        }
        tagged &= in_scheme
        for a in tagged:
            for b in tagged:
                if str(a) < str(b):
                    pairs[frozenset((a, b))] += 1
    page.goto(service_url + "/charts/co-occurrence/regional-themes")
    cells = page.locator("figure.chart svg g.mark-rect.layer_0_marks path").all()
    assert len(cells) == 2 * len(pairs)
    shown = {}
    for row in page.locator("table.chart-data tbody tr").all():
        hrefs = [a.get_attribute("href") for a in row.locator("a").all()]
        a, b = (URIRef(BASE + h.split("?")[0].lstrip("/")) for h in hrefs)
        shown[frozenset((a, b))] = int(row.locator("td").last.inner_text())
    assert shown == dict(pairs)
    shoot(page, screenshots, "chart-co-occurrence-regional-themes")
