"""The one SPARQL tokenizer: what a query is, its bare words, its comments.

Lexical, which makes it cheap (one linear regular expression, safe to run in the server process
for any body the size limit lets through) and independent of any engine. It follows the SPARQL
grammar closely enough for the checks built on it (``store.safety``) to be sound:

- `\\uXXXX` / `\\UXXXXXXXX` escapes are decoded first, as the SPARQL grammar does before parsing
  (so `\\u0053ERVICE` is seen as `SERVICE`);
- comments, string literals, IRIs, variables, language tags and the local part of prefixed names
  are skipped: what is left are the bare words (a keyword or a function name in a valid query)
  and the prefixes of prefixed names;
- `federated` is set when `SERVICE` (any case) appears anywhere in a bare word or a prefix: a PEG
  parser such as Oxigraph's needs no space after a keyword, and reads `?s ?p trueSERVICE <u> {…}`,
  `1SERVICE <u>` and `SERVICE:x {…}` as federated queries.

``mask_comments`` blanks the comments of our own query files (same length, strings and IRIs kept)
so that the named-query registry finds its VALUES slots only in code. The syntax itself is
checked by the engine's parser (pyoxigraph), which reports the message and position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_PN_CHARS = (
    r"A-Za-z0-9_\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040"
    r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF"
)

_TOKEN = re.compile(
    r"""
      (?P<ws>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"
                |'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][PN]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>[PN.]*:(?:[PN.:%]|\\.)*)
    | (?P<word>[PN.]+)
    | (?P<other>.)
    """.replace("PN", _PN_CHARS),
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

    @property
    def has_from(self) -> bool:
        """The query states its own dataset (FROM or FROM NAMED)."""
        return "FROM" in self.keywords

    @property
    def updates(self) -> list[str]:
        """The update keywords among its bare words, sorted (none in a query)."""
        return sorted(self.keywords & UPDATE_KEYWORDS)


class Token(NamedTuple):
    """A token: its kind (ws, comment, string, iri, var, lang, pname, word, other), text and span."""

    kind: str
    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a text as written (escapes are not decoded: spans index ``text``)."""
    for match in _TOKEN.finditer(text):
        yield Token(match.lastgroup or "other", match.group(), match.start(), match.end())


def mask_comments(text: str) -> str:
    """The text with every comment blanked (same length); a '#' in a string or an IRI is no comment."""
    return _TOKEN.sub(_blank_comment, text)  # on every named-query answer: no Token objects


def _blank_comment(match: re.Match[str]) -> str:
    return " " * len(match.group()) if match.lastgroup == "comment" else match.group()


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
    for match in _TOKEN.finditer(decode_escapes(query)):  # the token stream, without a Token per match
        if match.lastgroup == "word":
            words.append(match.group().upper())
        elif match.lastgroup == "pname":
            prefixes.append(match.group().split(":", 1)[0].upper())
    return words, prefixes


def analyse(query: str) -> QueryInfo:
    """The query's form, its bare words, and whether it is federated."""
    words, prefixes = bare_words(query)
    form = next((w for w in words if w in QUERY_FORMS), None)
    service = any("SERVICE" in w for w in words) or any("SERVICE" in p for p in prefixes)
    return QueryInfo(form, frozenset(words), service)
