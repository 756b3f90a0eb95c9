"""Charts drawn on the server: Vega-Lite specifications rendered to SVG and PNG by vl-convert.

vl-convert runs Vega in its own embedded engine: no browser, no script on the page, nothing
fetched from elsewhere. A rendered chart is kept per data version (``ChartCache``): the first
render of a chart takes a few hundred milliseconds, later ones are a dictionary look-up.

``accessible_svg`` gives a rendered SVG what a screen reader and a report need: ``role="img"``, a
``<title>`` and a ``<desc>`` named by ``aria-labelledby`` (ids made unique per chart, so that
several charts can sit inline on one page).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from html import escape
from typing import Any

import vl_convert

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # an identifier: nothing is fetched from it
ACCENT = "#1f5f99"
PALETTE = ["#1f5f99", "#c76b00", "#3a8a4a", "#8e3b8e", "#5b6b7d", "#b03a3a"]
LOCALES = {"en": "en-GB", "es": "es-ES"}  # d3's names of the number and date formats
PNG_SCALE = 2  # a PNG for print: twice the SVG's pixels
CONFIG: dict[str, Any] = {
    "font": "DejaVu Sans, Liberation Sans, Arial, sans-serif",
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal", "gridColor": "#e3e7ee"},
    "title": {"fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#556072", "anchor": "start"},
    "legend": {"labelFontSize": 11, "titleFontSize": 12, "orient": "top"},
    "range": {"category": PALETTE},
}
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")
# vl-convert resolves a link against its loader's default base (Vega's datasets site), which cannot
# be set: a path of ours (``/charts/...``, any root) comes out under that host, and is taken back.
_LOADER_HREF = re.compile(r'xlink:href="https://vega\.github\.io/vega-datasets/(/[^"]*)"')


def spec(**parts: Any) -> dict[str, Any]:
    """A Vega-Lite specification with the site's look."""
    return {"$schema": SCHEMA, "config": CONFIG, "background": "white", "padding": 8, **parts}


def _options(lang: str) -> dict[str, Any]:
    """Dates and numbers in the language; no data from any URL (every chart carries its data inline)."""
    locale = LOCALES.get(lang, LOCALES["en"])
    return {"allowed_base_urls": [], "format_locale": locale, "time_format_locale": locale}


def svg_of(vl_spec: dict[str, Any], lang: str = "en") -> str:
    """The chart as SVG; a mark's link (an ``href`` channel, a path on this site) left as the path."""
    return _LOADER_HREF.sub(r'xlink:href="\1"', str(vl_convert.vegalite_to_svg(vl_spec, **_options(lang))))


def png_of(vl_spec: dict[str, Any], lang: str = "en") -> bytes:
    return bytes(vl_convert.vegalite_to_png(vl_spec, scale=PNG_SCALE, **_options(lang)))


def png_of_svg(svg: str) -> bytes:
    """A PNG of an SVG drawn by hand (the follow-up graph)."""
    return bytes(vl_convert.svg_to_png(svg, scale=PNG_SCALE))


def accessible_svg(svg: str, ident: str, title: str, description: str) -> str:
    """The SVG with role="img", a <title> and a <desc> (ids prefixed with `ident`)."""
    t_id, d_id = f"{ident}-title", f"{ident}-desc"
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    attributes = re.sub(r'\s(role|aria-[a-z]+)="[^"]*"', "", match.group(1))
    opening = f'<svg{attributes} role="img" aria-labelledby="{t_id} {d_id}">'
    inner = f'<title id="{t_id}">{escape(title)}</title><desc id="{d_id}">{escape(description)}</desc>'
    return svg[: match.start()] + opening + inner + svg[match.end() :]


class ChartCache:
    """Rendered charts of one data version, by key (at most `size`, the oldest dropped first)."""

    def __init__(self, size: int = 512) -> None:
        self._lock = threading.Lock()
        self._version = ""
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._size = size

    def get(self, version: str, key: tuple, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if version != self._version:
                self._items.clear()
                self._version = version
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            if version == self._version:
                self._items[key] = value
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return value
