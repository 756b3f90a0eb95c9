"""What a query is, and whether it may run: checked in the server before any engine sees it.

The check is lexical, which makes it cheap (a few linear regular expressions, safe to run in the
server process for any body the size limit lets through) and independent of the backend, so it
protects the embedded store and a remote server alike. It follows the SPARQL grammar closely
enough to be sound:

- `\\uXXXX` / `\\UXXXXXXXX` escapes are decoded first, as the SPARQL grammar does before parsing
  (so `\\u0053ERVICE` is seen as `SERVICE`);
- comments, string literals, IRIs, variables, language tags and the local part of prefixed names
  are skipped: what is left are the bare words (a keyword or a function name in a valid query)
  and the prefixes of prefixed names;
- `SERVICE` (any case) anywhere in a bare word or a prefix refuses the query: a federated query
  would make the engine open a connection to a URL of the client's choosing (pyoxigraph does; so do
  most servers). A substring, not a whole word, because a PEG parser such as Oxigraph's needs no
  space after a keyword: it reads `?s ?p trueSERVICE <u> {…}`, `1SERVICE <u>` and `SERVICE:x {…}`
  as federated queries;
- a bare update keyword (`INSERT`, `DELETE`, `LOAD`, `CLEAR`, `CREATE`, `DROP`, `COPY`, `MOVE`,
  `ADD`, `WITH`) refuses it as an update: none of them is a word of the query grammar.

The syntax itself is checked by the engine's parser (pyoxigraph) in the worker, which reports the
message and position.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..sparql.errors import BadRequest, ReadOnly, ServiceRefused

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_PN_CHARS = r"A-Za-z0-9_\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"
                |'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][""" + _PN_CHARS + r"""]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>[""" + _PN_CHARS + r""".]*:(?:[""" + _PN_CHARS + r""".:%]|\\.)*)
    | (?P<word>[""" + _PN_CHARS + r""".]+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryInfo:
    """What the lexical scan found: the query form (`SELECT`, `CONSTRUCT`, `DESCRIBE`, `ASK`) or None."""

    form: str | None
    keywords: frozenset[str]
    federated: bool = False

    @property
    def returns_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")


class Token(NamedTuple):
    """One lexical token of a query as written: its kind (a group of `_TOKEN`: ws, comment, string,
    iri, var, lang, pname, word, other), its text and its offsets in the query."""

    kind: str
    text: str
    start: int
    end: int


def tokens(query: str) -> Iterator[Token]:
    """The tokens of a query without decoding escapes, so that offsets point into the text as written
    (for editing our own query files: finding the `VALUES` block of a parameter, skipping comments)."""
    for match in _TOKEN.finditer(query):
        yield Token(match.lastgroup or "other", match.group(), match.start(), match.end())


def decode_escapes(query: str) -> str:
    """Decode `\\u` and `\\U` escapes, as SPARQL does before it parses (an invalid code point is kept)."""

    def repl(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return match.group(0)
        return chr(code)

    return _ESCAPE.sub(repl, query)


def bare_words(query: str) -> tuple[list[str], list[str]]:
    """The bare words of a query and the prefixes of its prefixed names, upper-cased, in order."""
    words: list[str] = []
    prefixes: list[str] = []
    for match in _TOKEN.finditer(decode_escapes(query)):
        if match.lastgroup == "word":
            words.append(match.group().upper())
        elif match.lastgroup == "pname":
            prefixes.append(match.group().split(":", 1)[0].upper())
    return words, prefixes


def analyse(query: str) -> QueryInfo:
    words, prefixes = bare_words(query)
    form = next((w for w in words if w in QUERY_FORMS), None)
    service = any("SERVICE" in w for w in words) or any("SERVICE" in p for p in prefixes)
    return QueryInfo(form, frozenset(words), service)


def check_query(query: str) -> QueryInfo:
    """Refuse what must not run (an update, a federated query); return the query's form.

    Raises ReadOnly (403) for an update, ServiceRefused (403) for SERVICE, BadRequest (400) for
    an empty query or one containing a NUL character.
    """
    if not query or not query.strip():
        raise BadRequest("The query is empty: send a SPARQL query in the `query` parameter or as the request body.")
    if "\x00" in query:
        raise BadRequest("The query contains a NUL character.")
    info = analyse(query)
    updates = sorted(info.keywords & UPDATE_KEYWORDS)
    if updates:
        raise ReadOnly(
            "This endpoint is read-only: SPARQL Update ("
            + ", ".join(updates)
            + ") is not accepted. Send a SELECT, ASK, CONSTRUCT or DESCRIBE query."
        )
    if info.federated:
        raise ServiceRefused(
            "Federated queries are not allowed: this endpoint does not run SERVICE clauses, "
            "so it never contacts another server on a query's behalf. Query the other endpoint directly."
        )
    return info
