"""Where a page of a named query's answer goes: ``LIMIT`` and ``OFFSET``, at the end, or inside.

By default a page is the query with ``LIMIT n OFFSET m`` after its last line. A query whose header
says ``page: inner`` chooses its rows in a sub-select that carries its own complete ORDER BY (a
total order, ending with the row's IRI or another unique key), and marks with a line ``# page``
where the window goes, just after that ORDER BY: the page is chosen before the outer query fetches
the labels and the rest, which it does for those rows only, sorting them again by the same keys.
The mark is a comment, so the query as written (its ``.rq``, the SHACL executable, a download of
the whole answer, ``NamedQuery.run``) gives the whole answer on any SPARQL 1.1 engine; and the
order of a page rests on the outer ORDER BY, never on a sub-select's order surviving the join.
"""

from __future__ import annotations

import re

from ..errors import UserError
from ..rdf.sparql_text import mask_comments, tokens

PAGE_MARK = "# page"
_TRAILING_MODIFIER = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*$", re.IGNORECASE)
_TRAILING_VALUES = re.compile(r"\}\s*VALUES\s+(\?\w+|\([^)]*\))\s*\{[^{}]*\}\s*$", re.IGNORECASE)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)


def page_marks(text: str) -> list[tuple[int, int]]:
    """The spans of the comments that are exactly the page mark (a '#' in a string is no comment)."""
    return [(t.start, t.end) for t in tokens(text) if t.kind == "comment" and t.text.strip() == PAGE_MARK]


def check_page_mark(body: str, inner: bool, where: str) -> None:
    """A ``page: inner`` body has one page mark, at the end of a sub-select with an ORDER BY, and
    an ORDER BY of its own; any other body has none (a UserError naming what is wrong)."""
    marks = page_marks(body)
    if not inner:
        if marks:
            raise UserError(f"a '{PAGE_MARK}' line, but the header does not say 'page: inner'", where=where)
        return
    if len(marks) != 1:
        found = "no" if not marks else str(len(marks))
        raise UserError(f"'page: inner' needs exactly one '{PAGE_MARK}' line in the body, not {found}", where=where)
    code = _syntax_only(body)
    start = marks[0][0]
    depth, at = 0, start
    while at > 0 and depth >= 0:  # back to the '{' that opens the sub-select the mark is in
        at -= 1
        depth += {"}": 1, "{": -1}.get(code[at], 0)
    level = _outside_braces(code[at + 1 : start])
    if depth >= 0 or not _SELECT.search(level) or not _ORDER_BY.search(level):
        raise UserError(
            f"the '{PAGE_MARK}' line must close a sub-select, after its ORDER BY "
            "(the complete order of the rows: '{ SELECT … WHERE { … } ORDER BY … ?row' then the line)",
            where=where,
        )
    outer = code[code.rindex("}") :]
    if not _ORDER_BY.search(outer):
        raise UserError(
            "'page: inner': the outer query needs its own ORDER BY on the same keys as the sub-select",
            where=where,
        )


def _syntax_only(body: str) -> str:
    """``body`` with its comments, strings and IRIs blanked (same length): what is left are the
    braces and keywords of the query itself (a '}' or 'ORDER BY' in a string is no syntax)."""
    return "".join(" " * len(t.text) if t.kind in ("comment", "string", "iri") else t.text for t in tokens(body))


def _outside_braces(code: str) -> str:
    """The characters of ``code`` outside its braces (a sub-select's own SELECT and modifiers)."""
    out, depth = [], 0
    for ch in code:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        out.append(ch if depth == 0 and ch not in "{}" else " ")
    return "".join(out)


def paged(text: str, inner: bool, limit: int, offset: int) -> str | None:
    """The bound query ``text`` with a window of ``limit`` rows from ``offset``: at its page mark
    when ``inner``, else at its end; None when no window can be added (the query ends in its own
    LIMIT, OFFSET or a trailing VALUES), and the caller pages the whole answer."""
    window = f"LIMIT {limit}\nOFFSET {offset}"
    if inner:
        (start, end), *_ = page_marks(text)
        return text[:start] + window + text[end:]
    code = mask_comments(text).rstrip()  # comments blanked: a trailing LIMIT is found in code only
    if _TRAILING_MODIFIER.search(code) or _TRAILING_VALUES.search(code):
        return None
    return f"{code}\n{window}\n"
