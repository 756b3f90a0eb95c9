"""Charts: pages that show a figure drawn on the server, with its data as a table and as CSV.

``/charts`` lists them. ``/charts/coverage/{scheme}`` is the coverage of a theme scheme (the GCM
objectives, the guiding principles, the regional themes): decisions per theme, every theme shown
(zeros too), in all (``by=all``), per conference or per year; ``basis`` keeps only the
assignments the text names or those made by judgement. Each chart is also ``.svg``, ``.png``,
``.csv`` (UTF-8 with a byte-order mark, so that a spreadsheet reads the accents) and ``.vl.json``
(its Vega-Lite specification, to redraw it elsewhere). ``/charts/timeline`` places each meeting on a
time axis, one row each, for a year or for every year; every year of a record too large for one
row per meeting is counted per year instead. Titles, axes, legends, the CSV's headers:
in the language asked for. Everything is rendered once per data version and language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from ..http import matches_etag, not_modified
from ..namespaces import PREFIXES
from ..site import Site
from ..store import Backend
from . import chart_data, followup_graph, vega
from .deps import PerVersion, get_backend, get_site, kept_value, root_of
from .i18n import number, pick_lang, strings
from .labels import Labels, fetch_labels, short
from .rendering import Links, is_iri, links_of, page_context, page_validators, render
from .search import not_found_page

T = TypeVar("T")

router = APIRouter()

BY = ("all", "conference", "year")
BASIS = ("all", *chart_data.BASES)
FORMATS = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "csv": "text/csv; charset=utf-8",
    "vl.json": "application/json",
}


@dataclass
class Chart:
    """One chart as shown: the texts, the Vega-Lite specification and its data as a table."""

    ident: str
    title: str
    description: str
    spec: dict[str, Any]
    header: list[str]
    rows: list[list[Any]]  # the table: cells are text or {"text", "href"}
    filename: str
    lang: str = "en"  # of the dates and numbers the renderer writes (month names on a time axis)
    hidden: frozenset[int] = frozenset({1})  # columns of the CSV the page's table leaves out (the IRI: its link)

    def csv(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.header)
        for row in self.rows:
            writer.writerow([cell["text"] if isinstance(cell, dict) else cell for cell in row])
        return ("\ufeff" + out.getvalue()).encode("utf-8")


def _charts(request: Request) -> vega.ChartCache:
    cache: vega.ChartCache = request.app.state.charts
    return cache


def kept_chart_data() -> dict[str, PerVersion[Any]]:
    """What the charts read from the whole graph, kept per data version and shared by every chart
    and page drawn from it (the coverage of a scheme feeds its chart in each order, basis and
    language, and every theme's page): at a million triples each takes seconds to read. Named
    ``charts/{what}`` (``_data``)."""
    values: dict[str, PerVersion[Any]] = {
        "charts/meetings": PerVersion("the timeline's meetings", lambda backend, _site: chart_data.meetings(backend)),
        "charts/conferences": PerVersion(
            "the conferences' acronyms", lambda backend, _site: chart_data.conference_acronyms(backend)
        ),
    }
    for scheme in chart_data.COVERAGE_SCHEMES:
        values[f"charts/coverage/{scheme}"] = PerVersion(
            f"the coverage of {scheme}", _of_scheme(chart_data.coverage, scheme)
        )
        values[f"charts/cooccurrence/{scheme}"] = PerVersion(
            f"the co-occurrence of {scheme}", _of_scheme(chart_data.cooccurrence, scheme)
        )
    return values


def _of_scheme(read: Callable[[Backend, str], T], scheme: str) -> Callable[[Backend, Site], T]:
    return lambda backend, site: read(backend, site.base.path(f"scheme/{scheme}"))


def _data(request: Request, *key: str) -> Any:
    return kept_value(request, "/".join(("charts", *key)))


# --- coverage ---------------------------------------------------------------------------------------


def coverage_chart(cov: chart_data.Coverage, scheme: str, by: str, basis: str, lang: str, links: Links) -> Chart:
    """The coverage of a scheme as a bar chart (grouped per conference or year) and as a table."""
    c = strings(lang, "charts")
    chosen = None if basis == "all" else basis
    totals = cov.totals(chosen)
    themes = cov.themes
    zeros = sum(1 for t in themes if not totals[t.iri])
    label = {
        t.iri: (f"{t.notation}. " if t.notation and scheme == "gcm-objectives" else "") + short(t.label(lang))
        for t in themes
    }
    axis_theme = c[f"axis_{scheme}"]
    title = c[f"coverage_{scheme}"] + ("" if by == "all" else " " + c[f"by_{by}"])
    subtitle = c["zeros"].format(zeros=zeros, total=len(themes)) + (
        "" if basis == "all" else " · " + c[f"basis_{basis}"]
    )
    description = c["coverage_desc"].format(what=c[f"each_{scheme}"], n=len(themes)) + " " + subtitle + "."
    order = {t.iri: i for i, t in enumerate(themes)}
    y = {
        "field": "theme",
        "type": "nominal",
        "sort": {"field": "order", "op": "min"},
        "title": None,  # the chart's title names the themes; a title here would sit on the labels
        "axis": {"labelLimit": 0},
    }
    x = {
        "field": "decisions",
        "type": "quantitative",
        "title": c["axis_decisions"],
        "axis": {"tickMinStep": 1, "format": "d"},
    }
    answers = [f"{links.root}/queries/decisions-by-theme?" + urlencode({"theme": t.iri, "lang": lang}) for t in themes]
    if by == "all":
        values = [{"order": order[t.iri], "theme": label[t.iri], "decisions": totals[t.iri]} for t in themes]
        encoding: dict[str, Any] = {"y": y, "x": x}
        step: int = 18
        header = [c["col_notation"], c["col_theme_iri"], axis_theme, c["axis_decisions"]]
        rows: list[list[Any]] = [
            [
                t.notation,
                t.iri,
                {"text": t.label(lang), "href": _href(links, t.iri, lang)},
                {"text": totals[t.iri], "href": answers[i]},
            ]
            for i, t in enumerate(themes)
        ]
        bar_mark: dict[str, Any] = {"type": "bar", "color": vega.ACCENT}
    else:
        groups, counts = cov.by(by, chosen)
        shown = {g: cov.conference_label(g, lang) if by == "conference" else g for g in groups}
        values = [
            {"order": order[t.iri], "theme": label[t.iri], "group": shown[g], "decisions": counts[(t.iri, g)]}
            for t in themes
            for g in groups
        ]
        legend = c[f"legend_{by}"]
        group_sort = [shown[g] for g in groups]
        encoding = {
            "y": y,
            "x": x,
            "yOffset": {"field": "group", "sort": group_sort},
            "color": {"field": "group", "type": "nominal", "sort": group_sort, "title": legend},
        }
        step = 11  # each bar of a group
        header = [c["col_notation"], c["col_theme_iri"], axis_theme, *(shown[g] for g in groups)]
        rows = [
            [
                t.notation,
                t.iri,
                {"text": t.label(lang), "href": _href(links, t.iri, lang)},
                *(counts[(t.iri, g)] for g in groups),
            ]
            for t in themes
        ]
        bar_mark = {"type": "bar"}
    text_encoding = {
        **encoding,
        "text": {"field": "decisions", "type": "quantitative"},
        "color": {"condition": {"test": "datum.decisions === 0", "value": "#8a94a3"}, "value": "#1d2330"},
    }
    vl = vega.spec(
        title={"text": title, "subtitle": subtitle},
        description=description,
        width=420,
        height={"step": step, "for": "position" if by == "all" else "offset"},
        data={"values": values},
        layer=[
            {"mark": bar_mark, "encoding": encoding},
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                "encoding": text_encoding,
            },
        ],
    )
    suffix = "" if by == "all" else f"-by-{by}"
    suffix += "" if basis == "all" else f"-{basis}"
    return Chart(f"coverage-{scheme}", title, description, vl, header, rows, f"coverage-{scheme}{suffix}-{lang}", lang)


def _href(links: Links, iri: str, lang: str) -> str:
    return links.href(iri) + (f"?lang={lang}" if links.is_local(iri) else "")


# --- the timeline of meetings -----------------------------------------------------------------------

PRECISIONS = ("day", "days", "window", "month", "year", "from", "by")
PRECISION_COLOURS = ["#1f5f99", "#3a8a4a", "#c76b00", "#8e3b8e", "#b03a3a", "#5b6b7d", "#8a6d3b"]
# Every year on one timeline, one row per meeting, up to this many dated meetings; more (the whole
# record: 2,515 meetings at a million triples, a 4.7-MB page drawn in 22 s that no one can read) are
# counted per year instead, each year's bar leading to that year's own timeline.
TIMELINE_ROWS = 150


def counted_per_year(found: list[chart_data.Meeting], year: str, rows_at_most: int = TIMELINE_ROWS) -> bool:
    """Whether the timeline asked for is every year's, with more dated meetings than ``rows_at_most``:
    then the meetings are counted per year (``meetings_per_year_chart``) rather than shown one by one."""
    return year == "all" and sum(1 for m in found if m.day) > rows_at_most


def meetings_per_year_chart(
    found: list[chart_data.Meeting], conferences: dict[str, dict[str, str]], lang: str, links: Links
) -> Chart:
    """Dated meetings counted per year and conference (a joint meeting under both acronyms together),
    as stacked bars, each year's bar a link to that year's timeline."""
    c = strings(lang, "charts")
    counted: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])  # (year, group) → meetings, recorded
    for m in found:
        day = m.day
        if day is None:
            continue
        names = sorted(chart_data.acronym(conferences, iri, lang) for iri in m.conferences)
        group = " + ".join(names) if names else c["no_conference"]
        counted[(day.year, group)][0] += 1
        counted[(day.year, group)][1] += int(m.recorded)
    groups = sorted({g for _, g in counted}, key=lambda g: (g == c["no_conference"], g.count("+"), g))
    years = sorted({y for y, _ in counted})

    def year_href(y: int) -> str:
        return f"{links.root}/charts/timeline?" + urlencode({"year": y, "lang": lang})

    values = [
        {
            "year": str(y),
            "group": g,
            "meetings": n,
            "href": year_href(y),
            "label": c["per_year_bar"].format(year=y, group=g, n=number(n, lang)),  # what a screen reader says
        }
        for (y, g), (n, _) in sorted(counted.items())
    ]
    total, recorded = sum(n for n, _ in counted.values()), sum(r for _, r in counted.values())
    title = c["per_year_title"]
    undated = sum(1 for m in found if not m.day)
    description = c["per_year_desc"].format(
        n=number(total, lang), recorded=number(recorded, lang), first=years[0], last=years[-1]
    )
    if undated:
        description += " " + c["timeline_undated"].format(n=undated)
    vl = vega.spec(
        title={"text": title, "subtitle": c["per_year_subtitle"]},
        description=description,
        width={"step": 16},
        height=280,
        data={"values": values},
        mark={"type": "bar", "cursor": "pointer"},
        encoding={
            "x": {"field": "year", "type": "ordinal", "title": c["legend_year"], "axis": {"labelAngle": -60}},
            "y": {"field": "meetings", "type": "quantitative", "aggregate": "sum", "title": c["axis_meetings"]},
            "color": {
                "field": "group",
                "type": "nominal",
                "sort": groups,
                "title": c["legend_conference"],
                "scale": {"domain": groups, "range": vega.PALETTE[: len(groups)] or vega.PALETTE},
            },
            "href": {"field": "href", "type": "nominal"},
            "description": {"field": "label", "type": "nominal"},
        },
    )
    header = [c["legend_year"], c["legend_conference"], c["axis_meetings"], c["col_recorded"]]
    rows: list[list[Any]] = [
        [{"text": str(y), "href": year_href(y)}, g, n, r]
        for y in years
        for g in groups
        if (y, g) in counted
        for n, r in [counted[(y, g)]]
    ]
    return Chart(
        "meetings-per-year", title, description, vl, header, rows, f"meetings-per-year-{lang}", lang, frozenset()
    )


def timeline_chart(found: list[chart_data.Meeting], labels: Labels, year: str, lang: str, links: Links) -> Chart:
    """Meetings on a time axis, one row each: a bar over the days, window, month or year the date is
    known to, a mark at its start (at its latest date when only that is known); recorded or only mentioned."""
    c = strings(lang, "charts")
    shown = [m for m in found if m.day and (year == "all" or str(m.day.year) == year)]
    values, rows, seen = [], [], set()
    for i, m in enumerate(shown):
        row = f"{m.shown()} · {short(labels.text(m.iri, lang), 44)}"
        while row in seen:
            row += "\u200b"  # two meetings of one date and label keep a row each
        seen.add(row)
        start, end = m.day, m.last or m.first
        assert start is not None and end is not None
        values.append(
            {
                "order": i,
                "row": row,
                "from": start.isoformat(),
                "to": (end + dt.timedelta(days=1)).isoformat(),  # the whole last day
                "at": (m.last if m.precision == "by" else start).isoformat(),  # type: ignore[union-attr]
                "precision": c[f"precision_{m.precision}"],
                "source": c["recorded" if m.recorded else "mentioned"],
            }
        )
        rows.append(
            [
                {"text": labels.text(m.iri, lang), "href": _href(links, m.iri, lang)},
                m.iri,
                m.shown(),
                c[f"precision_{m.precision}"],
                m.date_text,
                labels.text(m.status, lang) if m.status else "",
                c["recorded" if m.recorded else "mentioned"],
            ]
        )
    title = c["timeline_title"] + ("" if year == "all" else f", {year}")
    undated = sum(1 for m in found if not m.day)
    description = c["timeline_desc"].format(n=len(shown), recorded=sum(1 for m in shown if m.recorded))
    if undated:
        description += " " + c["timeline_undated"].format(n=undated)
    domain = [c[f"precision_{p}"] for p in PRECISIONS]
    colour = {
        "field": "precision",
        "type": "nominal",
        "title": c["legend_precision"],
        "scale": {"domain": domain, "range": PRECISION_COLOURS},
    }
    y = {
        "field": "row",
        "type": "nominal",
        "sort": {"field": "order", "op": "min"},
        "title": None,
        "axis": {"labelLimit": 0},
    }
    x_title = c["axis_date"]
    vl = vega.spec(
        title={"text": title, "subtitle": c["timeline_subtitle"]},
        description=description,
        width=520,
        height={"step": 16},
        data={"values": values},
        layer=[
            {
                "mark": {"type": "bar", "opacity": 0.45, "cornerRadius": 2, "height": 9},
                "encoding": {
                    "y": y,
                    "x": {"field": "from", "type": "temporal", "title": x_title},
                    "x2": {"field": "to"},
                    "color": colour,
                },
            },
            {
                "mark": {
                    "type": "point",
                    "size": 60,
                    "filled": True,
                    "opacity": 1,
                    "stroke": "#1d2330",
                    "strokeWidth": 0.6,
                },
                "encoding": {
                    "y": y,
                    "x": {"field": "at", "type": "temporal"},
                    "color": {**colour, "legend": None},
                    "shape": {
                        "field": "source",
                        "type": "nominal",
                        "title": c["legend_source"],
                        "scale": {"domain": [c["recorded"], c["mentioned"]], "range": ["circle", "triangle-up"]},
                        "legend": {"symbolFillColor": "#556072"},
                    },
                },
            },
        ],
        resolve={"scale": {"color": "independent"}},
        config={**vega.CONFIG, "legend": {**vega.CONFIG["legend"], "columns": 4}},
    )
    header = [
        c["col_meeting"],
        c["col_meeting_iri"],
        c["col_date"],
        c["legend_precision"],
        c["col_date_text"],
        c["col_status"],
        c["legend_source"],
    ]
    return Chart("timeline", title, description, vl, header, rows, f"timeline-{year}-{lang}", lang)


@router.api_route("/charts/timeline{ext:path}", methods=["GET", "HEAD"], include_in_schema=False)
def timeline_page(request: Request, ext: str) -> Response:
    ext = ext.lstrip(".") or "html"
    years = ("all", *(str(y) for y in range(2000, 2100)))
    year = _choice(request, "year", years)
    if (ext != "html" and ext not in FORMATS) or year is None:
        return not_found_page(request, None)
    root, links, lang = root_of(request), links_of(request), pick_lang(request)
    backend = get_backend(request)

    def found() -> list[chart_data.Meeting]:
        meetings: list[chart_data.Meeting] = _data(request, "meetings")
        return meetings

    def make() -> Chart:
        meetings = found()
        if counted_per_year(meetings, year):
            return meetings_per_year_chart(meetings, _data(request, "conferences"), lang, links)
        labels = fetch_labels(backend, {m.iri for m in meetings} | {m.status for m in meetings if m.status})
        return timeline_chart(meetings, labels, year, lang, links)

    def page(chart: Chart, version: str) -> dict[str, Any]:
        c = strings(lang, "charts")
        path = f"{root}/charts/timeline"
        present = sorted({str(m.day.year) for m in found() if m.day})
        options = [
            {
                "label": c["split_all"] if y == "all" else y,
                "href": f"{path}?" + urlencode({"year": y, "lang": lang}),
                "current": y == year,
            }
            for y in ("all", *present)
        ]
        return page_context(
            request,
            lang,
            chart.title,
            version,
            c=c,
            chart=chart,
            switches=[(c["switch_year"], options)],
            downloads=_downloads(path, {"year": year, "lang": lang}),
            note=c["timeline_note"],
        )

    return _serve(request, ("timeline", year), ext, make, page)


# --- theme co-occurrence ------------------------------------------------------------------------------


def cooccurrence_chart(co: chart_data.CoOccurrence, scheme: str, lang: str, links: Links) -> Chart:
    """A matrix of the themes of a scheme: each cell the number of decisions tagged with both themes."""
    c = strings(lang, "charts")
    name = {t.iri: short(t.label(lang), 34) + f" ({co.carried[t.iri]})" for t in co.themes}
    order = {t.iri: i for i, t in enumerate(co.themes)}
    values = []
    for (a, b), n in co.pairs.items():
        for column, row in ((a, b), (b, a)):  # both halves: a row reads across to every theme it meets
            values.append({"x": name[column], "y": name[row], "decisions": n})
    most = max(co.pairs.values(), default=1)
    title = c[f"cooccurrence_{scheme}"]
    description = c["cooccurrence_desc"].format(n=len(co.themes), pairs=len(co.pairs))
    domain = [name[t.iri] for t in co.themes]  # every theme a row and a column, in scheme order
    x: dict[str, Any] = {"field": "x", "type": "nominal", "title": None, "scale": {"domain": domain},
         "axis": {"labelAngle": -50, "labelLimit": 0, "orient": "top"}}  # fmt: skip
    y: dict[str, Any] = {
        "field": "y",
        "type": "nominal",
        "title": None,
        "scale": {"domain": domain},
        "axis": {"labelLimit": 0},
    }
    colour = {"field": "decisions", "type": "quantitative", "title": c["axis_decisions"], "scale": {"scheme": "blues"}}
    ink = {"condition": {"test": f"datum.decisions > {most / 2}", "value": "white"}, "value": "#1d2330"}
    vl = vega.spec(
        title={"text": title, "subtitle": c["cooccurrence_subtitle"]},
        description=description,
        width={"step": 20},
        height={"step": 20},
        data={"values": values},
        layer=[
            {"mark": {"type": "rect", "stroke": "white"}, "encoding": {"x": x, "y": y, "color": colour}},
            {"mark": {"type": "text", "fontSize": 9},
             "encoding": {"x": x, "y": y, "text": {"field": "decisions", "type": "quantitative"}, "color": ink}},
        ],
    )  # fmt: skip
    header = [c["col_theme_a"], c["col_theme_a_iri"], c["col_theme_b"], c["col_theme_b_iri"], c["axis_decisions"]]
    label = {t.iri: t.label(lang) for t in co.themes}
    rows: list[list[Any]] = [
        [{"text": label[a], "href": _href(links, a, lang)}, a, {"text": label[b], "href": _href(links, b, lang)}, b, n]
        for (a, b), n in sorted(co.pairs.items(), key=lambda p: (-p[1], order[p[0][0]], order[p[0][1]]))
    ]
    filename = f"co-occurrence-{scheme}-{lang}"
    return Chart(f"cooccurrence-{scheme}", title, description, vl, header, rows, filename, lang, frozenset({1, 3}))


@router.api_route("/charts/co-occurrence/{name}", methods=["GET", "HEAD"], include_in_schema=False)
def cooccurrence_page(request: Request, name: str) -> Response:
    scheme, ext = _split(name)
    if scheme not in chart_data.COVERAGE_SCHEMES:
        return not_found_page(request, None)
    root, links, lang = root_of(request), links_of(request), pick_lang(request)

    def make() -> Chart:
        co: chart_data.CoOccurrence = _data(request, "cooccurrence", scheme)
        return cooccurrence_chart(co, scheme, lang, links)

    def page(chart: Chart, version: str) -> dict[str, Any]:
        c = strings(lang, "charts")
        views = [
            {"label": c[f"view_{s}"], "href": f"{root}/charts/co-occurrence/{s}?lang={lang}", "current": s == scheme}
            for s in chart_data.COVERAGE_SCHEMES
        ]
        path = f"{root}/charts/co-occurrence/{scheme}"
        return page_context(
            request,
            lang,
            chart.title,
            version,
            c=c,
            chart=chart,
            switches=[(c["switch_scheme"], views)],
            downloads=_downloads(path, {"lang": lang}),
            note=c["cooccurrence_note"],
        )

    return _serve(request, ("co-occurrence", scheme), ext, make, page)


# --- serving ------------------------------------------------------------------------------------------


def _split(name: str) -> tuple[str, str]:
    """'gcm-objectives.svg' → ('gcm-objectives', 'svg'); no extension → 'html'."""
    for ext in FORMATS:
        if name.endswith("." + ext):
            return name[: -len(ext) - 1], ext
    return name, "html"


def _choice(request: Request, name: str, allowed: tuple[str, ...]) -> str | None:
    value = request.query_params.get(name) or allowed[0]
    return value if value in allowed else None


def _serve(
    request: Request, key: tuple, ext: str, make: Callable[[], Chart], page: Callable[[Chart, str], dict]
) -> Response:
    """A chart in the format asked for, from the cache of rendered charts (per data version)."""
    lang, version, headers = page_validators(request, "chart", *key, ext)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    cache = _charts(request)
    chart: Chart = cache.get(version, (*key, lang, "chart"), make)
    if ext == "html":
        svg = cache.get(version, (*key, lang, "svg"), lambda: vega.svg_of(chart.spec, chart.lang))
        context = page(chart, version)
        context["svg"] = vega.accessible_svg(svg, chart.ident, chart.title, chart.description)
        return render("chart.html", context, headers=headers)
    if ext == "svg":
        svg = cache.get(version, (*key, lang, "svg"), lambda: vega.svg_of(chart.spec, chart.lang))
        body: bytes = vega.accessible_svg(svg, chart.ident, chart.title, chart.description).encode("utf-8")
    elif ext == "png":
        body = cache.get(version, (*key, lang, "png"), lambda: vega.png_of(chart.spec, chart.lang))
    elif ext == "csv":
        body = chart.csv()
    else:
        return JSONResponse(chart.spec, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{chart.filename}.{ext}"'
    return Response(body, media_type=FORMATS[ext], headers=headers)


def _downloads(path: str, query: dict[str, str]) -> list[dict[str, str]]:
    qs = urlencode(query)
    return [
        {"label": label, "href": f"{path}.{ext}?{qs}"}
        for ext, label in (("svg", "SVG"), ("png", "PNG"), ("csv", "CSV"), ("vl.json", "Vega-Lite"))
    ]


@router.api_route("/charts/coverage/{name}", methods=["GET", "HEAD"], include_in_schema=False)
def coverage_page(request: Request, name: str) -> Response:
    scheme, ext = _split(name)
    by, basis = _choice(request, "by", BY), _choice(request, "basis", BASIS)
    if scheme not in chart_data.COVERAGE_SCHEMES or by is None or basis is None:
        return not_found_page(request, None)
    root, links, lang = root_of(request), links_of(request), pick_lang(request)

    def make() -> Chart:
        cov: chart_data.Coverage = _data(request, "coverage", scheme)
        return coverage_chart(cov, scheme, by, basis, lang, links)

    def page(chart: Chart, version: str) -> dict[str, Any]:
        c = strings(lang, "charts")
        path = f"{root}/charts/coverage/{scheme}"
        query = {"by": by, "basis": basis, "lang": lang}
        views = [
            {
                "label": c[f"view_{s}"],
                "href": f"{root}/charts/coverage/{s}?" + urlencode({**query, "lang": lang}),
                "current": s == scheme,
            }
            for s in chart_data.COVERAGE_SCHEMES
        ]
        splits = [
            {"label": c[f"split_{b}"], "href": f"{path}?" + urlencode({**query, "by": b}), "current": b == by}
            for b in BY
        ]
        bases = [
            {"label": c[f"basis_{b}"], "href": f"{path}?" + urlencode({**query, "basis": b}), "current": b == basis}
            for b in BASIS
        ]
        return page_context(
            request,
            lang,
            chart.title,
            version,
            c=c,
            chart=chart,
            switches=[(c["switch_scheme"], views), (c["switch_by"], splits), (c["switch_basis"], bases)],
            downloads=_downloads(path, query),
            note=c["coverage_note"],
        )

    return _serve(request, ("coverage", scheme, by, basis), ext, make, page)


@router.api_route("/charts", methods=["GET", "HEAD"], include_in_schema=False)
def charts_index(request: Request) -> Response:
    lang, version, headers = page_validators(request, "charts")
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    root, c = root_of(request), strings(lang, "charts")
    items = [
        {"href": f"{root}/charts/coverage/{s}?lang={lang}", "title": c[f"coverage_{s}"], "help": c[f"help_{s}"]}
        for s in chart_data.COVERAGE_SCHEMES
    ]
    items.append(
        {"href": f"{root}/charts/timeline?lang={lang}", "title": c["timeline_title"], "help": c["help_timeline"]}
    )
    cooccurrence = c["cooccurrence_regional-themes"]
    items.append({"href": f"{root}/charts/co-occurrence/regional-themes?lang={lang}", "title": cooccurrence,
                  "help": c["help_cooccurrence"]})  # fmt: skip
    context = page_context(request, lang, c["title"], version, c=c, items=items)
    return render("charts.html", context, headers=headers)


# --- the follow-up graph of a decision ----------------------------------------------------------------


def followup_view(request: Request, iri: str, lang: str, version: str) -> dict[str, Any] | None:
    """What a decision's page shows of its follow-up graph (None when nothing follows it up and it follows nothing)."""
    links, root = links_of(request), root_of(request)
    local = links.local_path(iri)
    if local is None:
        return None
    c = strings(lang, "charts")

    def make() -> tuple[followup_graph.Lineage, str]:
        graph = followup_graph.lineage(get_backend(request), iri)
        return graph, followup_graph.svg(graph, lang, _followup_texts(graph, c, lang), "follow-up")

    graph, svg = _charts(request).get(version, ("follow-up", iri, lang, "svg"), make)
    if not graph.edges:
        return None
    path = f"{root}/charts/follow-up{local}"
    return {
        "svg": svg,
        "rows": followup_graph.table(graph, lang, c["schedules"], lambda i: _href(links, i, lang)),
        "downloads": [
            {"label": "SVG", "href": f"{path}.svg?lang={lang}"},
            {"label": "PNG", "href": f"{path}.png?lang={lang}"},
        ],
        "c": c,
    }


def _followup_texts(graph: followup_graph.Lineage, c: dict[str, str], lang: str) -> dict[str, str]:
    name = graph.labels.text(graph.root, lang)
    later = sum(1 for v in graph.columns.values() if v > 0)
    earlier = sum(1 for v in graph.columns.values() if v < 0)
    return {
        "title": c["followup_title"].format(decision=name),
        "desc": c["followup_desc"].format(later=later, earlier=earlier, edges=len(graph.edges)),
        "schedules": c["schedules"],
    }


@router.api_route("/charts/follow-up/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
def followup_file(request: Request, path: str) -> Response:
    """The follow-up graph of a decision as SVG or PNG (the decision's page shows it inline)."""
    stem, ext = _split(path)
    iri = get_site(request).base.path(stem)
    if ext not in ("svg", "png") or not stem.startswith("decision/") or not is_iri(iri):
        return not_found_page(request, None)
    lang, version, headers = page_validators(request, "follow-up", iri, ext)
    if matches_etag(request, headers["ETag"]):
        return not_modified(headers)
    cache, c = _charts(request), strings(lang, "charts")

    def make() -> tuple[followup_graph.Lineage, str]:
        graph = followup_graph.lineage(get_backend(request), iri)
        return graph, followup_graph.svg(graph, lang, _followup_texts(graph, c, lang), "follow-up", lambda i: i)

    graph, svg = cache.get(version, ("follow-up-file", iri, lang, "svg"), make)
    if len(graph.columns) == 1 and not graph.labels.by_iri:
        return not_found_page(request, iri, lang)
    headers["Content-Disposition"] = f'inline; filename="follow-up-{stem.replace("/", "-")}-{lang}.{ext}"'
    if ext == "svg":
        return Response(svg, media_type=FORMATS["svg"], headers=headers)
    png = cache.get(version, ("follow-up-file", iri, lang, "png"), lambda: vega.png_of_svg(svg))
    return Response(png, media_type=FORMATS["png"], headers=headers)


# --- a theme's page: its chart and its decisions -------------------------------------------------------


def theme_view(request: Request, iri: str, lang: str, version: str) -> dict[str, Any] | None:
    """For a theme's page: a chart of the decisions that touch it (as the coverage counts them) per year
    and conference (the explorer's list of them follows). None for a theme of no scheme the coverage charts draw."""
    backend, root, base = get_backend(request), root_of(request), get_site(request).base
    scheme = next(
        (
            s
            for s in chart_data.COVERAGE_SCHEMES
            if backend.ask(f"ASK {{ <{iri}> <{PREFIXES['skos']}inScheme> <{base.path('scheme/' + s)}> }}")
        ),
        None,
    )
    if scheme is None:
        return None
    cache, c = _charts(request), strings(lang, "charts")
    cov: chart_data.Coverage = _data(request, "coverage", scheme)
    touches = [t for t in cov.touches if t[0] == iri]

    def make() -> str:
        counts: dict[tuple[str, str], set[str]] = {}
        for _, decision, _, conference, year in touches:
            if conference and year:
                counts.setdefault((year, cov.conference_label(conference, lang)), set()).add(decision)
        values = [{"year": y, "conference": k, "decisions": len(v)} for (y, k), v in sorted(counts.items())]
        name = next((t.label(lang) for t in cov.themes if t.iri == iri), iri)
        title = c["theme_chart"].format(theme=short(name, 60))
        vl = vega.spec(
            title=title,
            description=c["theme_chart_desc"],
            width={"step": 26},
            height=160,
            data={"values": values},
            mark={"type": "bar", "tooltip": True},
            encoding={
                "x": {"field": "year", "type": "ordinal", "title": c["legend_year"], "axis": {"labelAngle": 0}},
                "xOffset": {"field": "conference"},
                "y": {
                    "field": "decisions",
                    "type": "quantitative",
                    "title": c["axis_decisions"],
                    "axis": {"tickMinStep": 1, "format": "d"},
                },
                "color": {"field": "conference", "type": "nominal", "title": c["legend_conference"]},
            },
        )
        return vega.accessible_svg(vega.svg_of(vl, lang), "theme-chart", title, c["theme_chart_desc"])

    svg = cache.get(version, ("theme", iri, lang, "svg"), make) if touches else ""
    return {
        "svg": svg,
        "c": c,
        "coverage_href": f"{root}/charts/coverage/{scheme}?lang={lang}",
        "coverage_title": c[f"coverage_{scheme}"],
        "query_href": f"{root}/queries/decisions-by-theme?" + urlencode({"theme": iri, "lang": lang}),
    }
