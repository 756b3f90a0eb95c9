"""Pages: the templates, what every page's context holds, and links from IRIs to this host.

IRIs under the site's base are served here, so a page links them to the local path
(``{base}decision/…`` → ``/decision/…``); so are the ontology's terms, whose namespace never moves
with the base, so that on a mirror ``acu:Agreement`` opens the mirror's own ``/ontology`` page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import HTMLResponse

from ..http import cache_headers, etag_for
from ..namespaces import CANONICAL_BASE, ONTOLOGY_IRI, Base
from .deps import data_version, get_backend, get_site, root_of
from .i18n import LANGS, number, other_lang, pick_lang, strings

HERE = Path(__file__).resolve().parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

PAGE_VARY = "Accept, Accept-Language, Cookie"  # a page's language comes from either header (the cookie: i18n)
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ONTOLOGY = re.compile(re.escape(ONTOLOGY_IRI) + r"(?:[#/]|$)")


def _template_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=jinja2.select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlencode_params"] = lambda params: urlencode(params, doseq=True)
    env.filters["number"] = number  # {{ n|number(lang) }}: 11,206 / 11 206
    return env


templates = _template_env()  # read-only once built: templates are part of the package


def is_iri(text: str) -> bool:
    """Whether a string is an IRI a SPARQL IRIREF can hold (no spaces, quotes, angle brackets…), as
    the store's own parser reads it: a path decoded from bytes that are not UTF-8 (``%FF``) is not."""
    if not text or _NOT_IRI.search(text):
        return False
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def sparql_iri(iri: str) -> str:
    """An IRI as a SPARQL term, refusing characters an IRIREF may not hold."""
    if not is_iri(iri):
        raise ValueError("not an IRI")
    return f"<{iri}>"


@dataclass(frozen=True)
class Links:
    """Where an IRI opens from a page: on this host when we serve it, else at the IRI itself."""

    base: Base
    root: str = ""

    def local_path(self, iri: str) -> str | None:
        """The path on this host that serves an IRI (with a leading slash), or None."""
        local = self.base.local(iri)
        if local is not None:
            return "/" + local
        if _ONTOLOGY.match(iri):
            return "/" + iri[len(CANONICAL_BASE) :]
        return None

    def href(self, iri: str) -> str:
        path = self.local_path(iri)
        return self.root + path if path is not None else iri

    def is_local(self, iri: str) -> bool:
        return self.local_path(iri) is not None


def links_of(request: Request) -> Links:
    return Links(get_site(request).base, root_of(request))


def lang_links(request: Request) -> dict[str, str]:
    """The URL of this page in each language (the `lang` parameter replaced)."""
    root = root_of(request)
    out = {}
    for code in LANGS:
        items = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
        out[code] = root + request.url.path[len(root) :] + "?" + urlencode(items)
    return out


def page_context(request: Request, lang: str, title: str, version: str = "", **extra: Any) -> dict[str, Any]:
    """What every template reads (language, strings, root, title, data version), and the page's own."""
    context: dict[str, Any] = {
        "request": request,
        "lang": lang,
        "other": other_lang(lang),
        "t": strings(lang),
        "root": root_of(request),
        "page_title": title,
        "lang_links": lang_links(request),
        "version": version,
        "alternates": [],
        "canonical": None,
        "search_q": "",
    }
    context.update(extra)
    return context


def render(
    template: str, context: Mapping[str, Any], status: int = 200, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """A page, which varies by the language cookie too (``i18n.LanguageCookie`` sets it)."""
    body = templates.get_template(template).render(**context)
    response = HTMLResponse(body, status_code=status, headers=dict(headers or {}))
    vary = response.headers.get("Vary")
    if vary is not None and "cookie" not in vary.lower():
        response.headers["Vary"] = vary + ", Cookie"
    return response


def page_validators(request: Request, name: str, *parts: Any) -> tuple[str, str, dict[str, str]]:
    """A page's language, data version and cache headers (its ETag: the version, the page, ``parts``, the language)."""
    lang = pick_lang(request)
    version = data_version(get_backend(request))
    headers = cache_headers(etag_for(version, name, *parts, lang), vary=PAGE_VARY, version=version)
    return lang, version, headers
