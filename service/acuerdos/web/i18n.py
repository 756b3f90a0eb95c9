"""The interface in English and Spanish: the one catalogue of strings, and the choice of language.

Every string a page shows lives in ``strings/{en,es}.json``, grouped by the part of the site that
shows it (site, queries, docs, dataset, home, form); the labels of other vocabularies' terms (ours
come from the ontology) in ``strings/terms.json``. The language is the ``lang`` parameter, else
the language cookie (``lang``, set by ``LanguageCookie`` on the answer to every request with a
``lang`` parameter, so that a choice made once holds on the next click), else the best of Accept-Language, else English.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import UserError
from ..namespaces import CURIES
from ..queries import DEFAULT_LANG, LANGS

STRINGS_DIR = Path(__file__).resolve().parent / "strings"

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_COOKIE",
    "LanguageCookie",
    "asked_lang",
    "error_text",
    "lang_from_header",
    "other_lang",
    "pick_lang",
    "strings",
    "term_label",
]


def _read(name: str) -> dict:
    data: dict = json.loads((STRINGS_DIR / name).read_text(encoding="utf-8"))
    return data


# read once, when the module is imported: the catalogue is part of the package, not of the data
_CATALOGUE: dict[str, dict[str, dict[str, str]]] = {lang: _read(f"{lang}.json") for lang in LANGS}
_TERMS: dict[str, tuple[str, str]] = {
    CURIES.expand(curie) or curie: (en, es) for curie, (en, es) in _read("terms.json").items()
}


def strings(lang: str, part: str = "site") -> dict[str, str]:
    """The interface strings of one part of the site in a language (English for any other)."""
    return _CATALOGUE[lang if lang in LANGS else DEFAULT_LANG][part]


def number(n: int, lang: str) -> str:
    """A whole number as the language writes it: 2,568 and 11,206 in English; in Spanish 2568 and
    11 206, groups of three set apart by a narrow no-break space from five digits on, as the
    Ortografía of the RAE and ASALE (2010) asks: a point or a comma would read as a decimal sign
    in half the member states (Mexico and Central America write 2,5; South America writes 2.5)."""
    if lang != "es":
        return f"{n:,}"
    return str(n) if abs(n) < 10_000 else f"{n:,}".replace(",", "\u202f")


def term_label(iri: str, lang: str) -> str | None:
    """Our label of a term of another vocabulary (rdfs:label, skos:broader…), or None."""
    pair = _TERMS.get(iri)
    if pair is None:
        return None
    return pair[1] if lang == "es" else pair[0]


def other_lang(lang: str) -> str:
    return "es" if lang == "en" else "en"


LANG_COOKIE = "lang"


def lang_cookie(value: str, path: str = "/") -> str:
    """The Set-Cookie value that remembers a language for a year on the site's paths (``LanguageCookie``;
    the static export's web servers set the same)."""
    return f"{LANG_COOKIE}={value}; Max-Age={365 * 86400}; Path={path}; SameSite=Lax"


def asked_lang(request: Request) -> str | None:
    """The language the `lang` parameter names, if it names one of ours."""
    asked = (request.query_params.get("lang") or "").strip().lower()
    return asked if asked in LANGS else None


def pick_lang(request: Request) -> str:
    """The language asked for: the `lang` parameter, else the cookie, else the best of Accept-Language, else English."""
    asked = asked_lang(request)
    if asked:
        return asked
    kept = (request.cookies.get(LANG_COOKIE) or "").strip().lower()
    if kept in LANGS:
        return kept
    return lang_from_header(request.headers.get("accept-language"))


class LanguageCookie:
    """Remember the language a request names (``?lang=es``) in a cookie, for a year and this site's
    paths, so that the next pages keep it: set on every answer to such a request whose cookie says
    otherwise, a 304 included (a page the browser has cached still switches the language)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        asked = asked_lang(request)
        if not asked or request.cookies.get(LANG_COOKIE) == asked:
            await self.app(scope, receive, send)
            return
        path = str(scope.get("root_path") or "").rstrip("/") + "/"
        cookie = lang_cookie(asked, path).encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie)]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _q_of(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def lang_from_header(header: str | None) -> str:
    """The best of our languages in an Accept-Language header (the first of equal q), else English."""
    best, best_q = DEFAULT_LANG, -1.0
    for part in (header or "").split(","):
        pieces = [p.strip() for p in part.split(";")]
        tag = pieces[0].lower().split("-")[0]
        q = _q_of(pieces[1:])
        if tag in LANGS and q > best_q:
            best, best_q = tag, q
    return best


# --- what went wrong with a request, in the language asked for ----------------------------------------

# The messages the query layer gives for a request's parameters (queries.params, queries.registry,
# web.query_api), each with the key of its Spanish wording in the catalogue's "errors" part (the
# English is the message itself); a message that matches none is shown as it is, in English.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)
    for pattern, key in (
        (r"not an IRI: (?P<v>.+)", "not_iri"),
        (r"longer than (?P<n>\d+) characters", "too_long"),
        (r"not a date \(yyyy-mm-dd\): (?P<v>.+)", "not_date"),
        (r"not an integer: (?P<v>.+)", "not_integer"),
        (r"not true or false: (?P<v>.+)", "not_boolean"),
        (r"must be one of (?P<choices>[^:]+?)(?:: (?P<v>.+))?", "one_of"),
        (r"expected text, got (?P<t>\w+)", "not_text"),
        (r"contains a NUL character", "nul"),
        (r"required by query (?P<q>.+) and not given", "required"),
        (r"takes one value, (?P<n>\d+) given", "one_value"),
        (r"at most (?P<n>\d+) values", "too_many"),
        (r"(?P<v>.+) is not a (?P<cls>.+) in the graph", "not_instance"),
        (r"unknown parameter for query (?P<q>\S+) \(known: (?P<known>.+)\)", "unknown_param"),
        (r"must be a whole number from (?P<low>\d+) to (?P<high>\d+), not (?P<v>.+)", "not_whole"),
        (r"must be from (?P<low>\d+) to (?P<high>\d+), not (?P<v>.+)", "out_of_range"),
        (r"has an empty value: give a value or leave the parameter out", "empty"),
    )
)
_PARAMETER = re.compile(r"parameter '(?P<name>[^']+)'")


def error_text(error: UserError, lang: str) -> str:
    """A request's error as a visitor reads it: in the language asked for, naming the parameter by its
    human name and by the name the URL uses."""
    if lang != "es":  # English is the layer's own wording
        return str(error)
    wording = strings(lang, "errors")
    message = error.message
    for pattern, key in _ERRORS:
        found = pattern.fullmatch(message.strip())
        if found:
            message = wording[key].format(**{k: v or "" for k, v in found.groupdict().items()})
            break
    where = error.where or ""
    named = _PARAMETER.fullmatch(where)
    if named:
        name = named["name"]
        label = strings(lang, "names").get(name, name)
        where = wording["parameter"].format(label=label, name=name)
    return f"{where}: {message}" if where else message
