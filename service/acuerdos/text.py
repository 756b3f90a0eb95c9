"""The one text normalisation quotes are matched against, and where each normalised character comes from.

Quotes in the graph are stored normalised, so that a quote copied from a PDF extraction matches
whatever line breaks and hyphenation the extraction happened to produce: a line-end hyphen keeps
the hyphen and drops the break; other whitespace is folded to one space.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"(?P<hb>-[ \t\r\f\v]*\n\s*)|(?P<ws>\s+)|(?P<ch>.)", re.DOTALL)


def normalise_with_map(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The normalised text, and for each of its characters the span of ``text`` it comes from."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        if m.group("hb") is not None:
            chars.append("-")
            spans.append((m.start(), m.start() + 1))
        elif m.group("ws") is not None:
            chars.append(" ")
            spans.append((m.start(), m.end()))
        else:
            chars.append(m.group("ch"))
            spans.append((m.start(), m.end()))
    start, end = 0, len(chars)
    while start < end and chars[start] == " ":
        start += 1
    while end > start and chars[end - 1] == " ":
        end -= 1
    return "".join(chars[start:end]), spans[start:end]


def normalise(text: str) -> str:
    """Join words hyphenated across a line break (keeping the hyphen) and fold whitespace."""
    return normalise_with_map(text)[0]
