"""The charts: drawn on the server, their bars measured in a real browser against counts made here
by walking the graph in Python (rdflib), with no SPARQL; their data as CSV; their texts in Spanish.

Screenshots (desktop and phone width) go to $ACUERDOS_SCREENSHOTS, else to `screenshots/` in
pytest's temporary folder; the test run prints where."""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Namespace, URIRef

BASE = "https://w3id.org/acuerdos/"
ACU = Namespace(BASE + "ontology#")
SCHEMA = Namespace("https://schema.org/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


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


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("ACUERDOS_SCREENSHOTS") or tmp_path_factory.getbasetemp() / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"screenshots in {folder}")
    return folder


def shoot(page, folder: Path, name: str) -> None:
    """A full-page screenshot at desktop width, then at phone width."""
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


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
