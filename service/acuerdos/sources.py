"""The source documents and the text normalisation that quotes are matched against.

Quotes in the graph are stored normalised, so that a quote copied from a PDF extraction matches
whatever line breaks and hyphenation the extraction happened to produce.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_HYPHEN_BREAK = re.compile(r"-[ \t\r\f\v]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Join words hyphenated across a line break (keeping the hyphen) and fold whitespace."""
    return _WHITESPACE.sub(" ", _HYPHEN_BREAK.sub("-", text)).strip()


@lru_cache(maxsize=None)
def normalised_source(path: Path) -> str:
    """The normalised text of a source file, read once."""
    return normalise(path.read_text(encoding="utf-8"))
