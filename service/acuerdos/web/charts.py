"""Charts: pages that show a figure drawn on the server, with its data as a table and as CSV.

``/charts`` lists them. ``/charts/coverage/{scheme}`` is the coverage of a theme scheme (the GCM
objectives, the guiding principles, the regional themes): decisions per theme, every theme shown
(zeros too), in all (``by=all``), per conference or per year; ``basis`` keeps only the
assignments the text names or those made by judgement. Each chart is also ``.svg``, ``.png``,
``.csv`` (UTF-8 with a byte-order mark, so that a spreadsheet reads the accents) and ``.vl.json``
(its Vega-Lite specification, to redraw it elsewhere). Titles, axes, legends, the CSV's headers:
in the language asked for. Everything is rendered once per data version and language.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from ..http import matches_etag, not_modified
from . import chart_data, vega
from .deps import get_backend, get_site, root_of
from .i18n import pick_lang, strings
from .rendering import Links, links_of, page_context, page_validators, render
from .search import not_found_page

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
    return Chart(f"coverage-{scheme}", title, description, vl, header, rows, f"coverage-{scheme}{suffix}-{lang}")


def short(text: str, most: int = 52) -> str:
    """A label cut at a word to fit an axis (vega measures a long label many times to cut it: slow)."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _href(links: Links, iri: str, lang: str) -> str:
    return links.href(iri) + (f"?lang={lang}" if links.is_local(iri) else "")


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
        svg = cache.get(version, (*key, lang, "svg"), lambda: vega.svg_of(chart.spec))
        context = page(chart, version)
        context["svg"] = vega.accessible_svg(svg, chart.ident, chart.title, chart.description)
        return render("chart.html", context, headers=headers)
    if ext == "svg":
        svg = cache.get(version, (*key, lang, "svg"), lambda: vega.svg_of(chart.spec))
        body: bytes = vega.accessible_svg(svg, chart.ident, chart.title, chart.description).encode("utf-8")
    elif ext == "png":
        body = cache.get(version, (*key, lang, "png"), lambda: vega.png_of(chart.spec))
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
    root, links, base = root_of(request), links_of(request), get_site(request).base
    lang = pick_lang(request)

    def make() -> Chart:
        cov = chart_data.coverage(get_backend(request), base.path(f"scheme/{scheme}"))
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
    context = page_context(request, lang, c["title"], version, c=c, items=items)
    return render("charts.html", context, headers=headers)
