"""The follow-up graph of a decision: what acted on it, amended it, held what it scheduled, and
what that in turn led to, transitively; and, to its left, what it itself follows up.

The graph is small (a handful of decisions and meetings), so it is laid out here in columns, one
per step from the decision (earlier steps to the left), each node a box with its label and date,
each edge an arrow named by its kind, and written as SVG by hand: no layout engine, nothing
fetched, readable with scripts off. A PNG is drawn from the same SVG by vl-convert.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from ..namespaces import ONTOLOGY_NS, PREFIXES
from ..store import Backend
from .labels import Labels, fetch_labels, natural_key
from .vega import ACCENT

MAX_STEPS = 6  # from the decision, each way
MAX_NODES = 60
SCHEDULES = "schedules"  # the kind of an edge from a decision to the meeting it schedules
_P = f"PREFIX acu: <{ONTOLOGY_NS}>\nPREFIX schema: <{PREFIXES['schema']}>\nPREFIX dcterms: <{PREFIXES['dcterms']}>\n"
BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 230, 62, 96, 18, 16


def _values(iris: set[str]) -> str:
    return " ".join(f"<{i}>" for i in sorted(iris))


def _forward(frontier: set[str]) -> str:
    return (
        _P + "SELECT ?from ?to ?kind WHERE { VALUES ?from { " + _values(frontier) + " } "
        "{ ?from acu:followUp ?f . ?f acu:followedUpBy ?to . OPTIONAL { ?f acu:followUpKind ?kind } } "
        'UNION { ?from acu:schedules ?to . BIND("' + SCHEDULES + '" AS ?kind) } }'
    )


def _backward(frontier: set[str]) -> str:
    return (
        _P + "SELECT ?from ?to ?kind WHERE { VALUES ?to { " + _values(frontier) + " } "
        "?from acu:followUp ?f . ?f acu:followedUpBy ?to . OPTIONAL { ?f acu:followUpKind ?kind } }"
    )


def _dates(iris: set[str]) -> str:
    return (
        _P + "SELECT ?x ?date WHERE { VALUES ?x { " + _values(iris) + " } "
        "OPTIONAL { ?x schema:startDate ?d1 } OPTIONAL { ?x acu:notBefore ?d2 } "
        "OPTIONAL { ?x acu:adoptedAt/schema:startDate ?d3 } OPTIONAL { ?x dcterms:date ?d4 } "
        "BIND(COALESCE(?d1, ?d2, ?d3, ?d4) AS ?date) }"
    )


@dataclass
class Lineage:
    """The nodes (IRI → column: 0 the decision, negative what it follows up) and the edges (from, to, kind)."""

    root: str
    columns: dict[str, int]
    edges: list[tuple[str, str, str]]
    dates: dict[str, str]
    labels: Labels

    def kind_label(self, kind: str, lang: str, schedules: str) -> str:
        return schedules if kind == SCHEDULES else self.labels.text(kind, lang) if kind else ""


def lineage(backend: Backend, root: str) -> Lineage:
    columns: dict[str, int] = {root: 0}
    edges: set[tuple[str, str, str]] = set()
    for query, direction in ((_forward, 1), (_backward, -1)):
        frontier = {root}
        for depth in range(1, MAX_STEPS + 1):
            if not frontier or len(columns) >= MAX_NODES:
                break
            found = set()
            for row in backend.select(query(frontier), whole=True):
                a, b, kind = str(row["from"]), str(row["to"]), str(row.get("kind") or "")
                edges.add((a, b, kind))
                new = b if direction == 1 else a
                if new not in columns:
                    columns[new] = direction * depth
                    found.add(new)
            frontier = found
    _longest(columns, edges)
    dates = {
        str(r["x"]): str(r["date"])
        for r in backend.select(_dates(set(columns)), whole=True)
        if r.get("date") is not None
    }
    labels = fetch_labels(backend, set(columns) | {k for _, _, k in edges if k and k != SCHEDULES})
    edges_in = {e for e in edges if e[0] in columns and e[1] in columns}
    return Lineage(root, columns, sorted(edges_in), dates, labels)


def _longest(columns: dict[str, int], edges: set[tuple[str, str, str]]) -> None:
    """Each later node one column after the furthest node that leads to it, each earlier node one column
    before the furthest it leads to, so that every arrow points right (a cycle, which follow-up should
    not have, stops after as many rounds as there are nodes)."""
    for _ in range(len(columns)):
        moved = False
        for a, b, _kind in edges:
            if a not in columns or b not in columns:
                continue
            if columns[b] > 0 and columns[a] >= 0 and columns[b] < columns[a] + 1:
                columns[b], moved = columns[a] + 1, True
            if columns[a] < 0 and columns[b] <= 0 and columns[a] > columns[b] - 1:
                columns[a], moved = columns[b] - 1, True
        if not moved:
            return


def _lines(text: str, width: int = 34, most: int = 2) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > most:
        lines = [*lines[: most - 1], textwrap.shorten(" ".join(lines[most - 1 :]), width, placeholder="…")]
    return lines


def layout(graph: Lineage, lang: str) -> tuple[dict[str, tuple[float, float]], float, float]:
    """The top-left corner of each node's box, and the drawing's width and height."""
    by_column: dict[int, list[str]] = {}
    for iri, column in graph.columns.items():
        by_column.setdefault(column, []).append(iri)
    first = min(by_column)
    tallest = max(len(v) for v in by_column.values())
    height = PAD * 2 + 24 + tallest * BOX_H + (tallest - 1) * GAP_Y
    places: dict[str, tuple[float, float]] = {}
    for column, members in by_column.items():
        members.sort(key=lambda i: (graph.dates.get(i, "9999"), natural_key(graph.labels.text(i, lang))))
        block = len(members) * BOX_H + (len(members) - 1) * GAP_Y
        top = PAD + 24 + (height - PAD * 2 - 24 - block) / 2
        x = PAD + (column - first) * (BOX_W + GAP_X)
        for n, iri in enumerate(members):
            places[iri] = (x, top + n * (BOX_H + GAP_Y))
    width = PAD * 2 + len(by_column) * BOX_W + (len(by_column) - 1) * GAP_X
    return places, width, height


def svg(graph: Lineage, lang: str, texts: dict[str, str], ident: str, href: Callable[[str], str] | None = None) -> str:
    """The graph as an SVG with a title and a description (role="img"); `href` makes each box a link."""
    places, width, height = layout(graph, lang)
    t_id, d_id = f"{ident}-title", f"{ident}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{t_id} {d_id}" '
        'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">',
        f'<title id="{t_id}">{escape(texts["title"])}</title><desc id="{d_id}">{escape(texts["desc"])}</desc>',
        '<defs><marker id="' + ident + '-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#556072"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="white"/>',
        f'<text x="{PAD}" y="{PAD + 6}" font-size="13" font-weight="bold" fill="#1d2330">'
        f"{escape(texts['title'])}</text>",
    ]
    for a, b, kind in graph.edges:
        (ax, ay), (bx, by) = places[a], places[b]
        x1, y1 = (ax + BOX_W, ay + BOX_H / 2) if bx > ax else (ax, ay + BOX_H / 2)
        x2, y2 = (bx, by + BOX_H / 2) if bx > ax else (bx + BOX_W, by + BOX_H / 2)
        bend = max(30.0, abs(x2 - x1) / 2)
        sign = 1 if x2 >= x1 else -1
        dash = ' stroke-dasharray="5 4"' if kind == SCHEDULES else ""
        out.append(
            f'<path d="M{x1:.1f},{y1:.1f} C{x1 + sign * bend:.1f},{y1:.1f} {x2 - sign * bend:.1f},{y2:.1f} '
            f'{x2:.1f},{y2:.1f}" fill="none" stroke="#556072" stroke-width="1.4"{dash} '
            f'marker-end="url(#{ident}-arrow)"/>'
        )
        label = graph.kind_label(kind, lang, texts["schedules"])
        if label:  # near the arrow's head, where the fan of arrows from one box has spread out
            mx, my = x1 + 0.72 * (x2 - x1), y2 - 6
            out.append(
                f'<text x="{mx:.1f}" y="{my:.1f}" font-size="10.5" text-anchor="middle" fill="#1d2330" '
                f'stroke="white" stroke-width="3" paint-order="stroke">{escape(label)}</text>'
            )
    for iri, (x, y) in places.items():
        root = iri == graph.root
        fill, stroke = ("#eef4fa", ACCENT) if root else ("#f4f6fa", "#9aa5b5")
        box = [
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{2.2 if root else 1}"/>'
        ]
        weight = ' font-weight="bold"' if root else ""
        for n, line in enumerate(_lines(graph.labels.text(iri, lang), 30 if root else 34)):
            box.append(
                f'<text x="{x + 9:.1f}" y="{y + 18 + n * 15:.1f}" font-size="11.5" fill="#1d2330"{weight}>'
                f"{escape(line)}</text>"
            )
        if iri in graph.dates:
            box.append(
                f'<text x="{x + 9:.1f}" y="{y + BOX_H - 8:.1f}" font-size="10" fill="#556072">'
                f"{escape(graph.dates[iri])}</text>"
            )
        if href is not None:
            out.append(f'<a href="{escape(href(iri))}">{"".join(box)}</a>')
        else:
            out.extend(box)
    out.append("</svg>")
    return "".join(out)


def table(graph: Lineage, lang: str, schedules: str, link: Callable[[str], str]) -> list[dict[str, Any]]:
    """The edges, in column order, for the table beside the graph."""
    rows = []
    for a, b, kind in sorted(graph.edges, key=lambda e: (graph.columns[e[0]], graph.dates.get(e[1], ""), e[1])):
        rows.append(
            {
                "from": {"href": link(a), "text": graph.labels.text(a, lang)},
                "kind": graph.kind_label(kind, lang, schedules),
                "to": {"href": link(b), "text": graph.labels.text(b, lang)},
                "date": graph.dates.get(b, ""),
            }
        )
    return rows
