"""Literals as SHACL compares them: valid lexical forms of the XSD datatypes, ordering, language ranges."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from pyoxigraph import Literal

from .terms import XSD


_DATE = re.compile(r"^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$")
_LEXICAL = {
    XSD + "integer": re.compile(r"^[+-]?\d+$"),
    XSD + "int": re.compile(r"^[+-]?\d+$"),
    XSD + "nonNegativeInteger": re.compile(r"^\+?\d+$"),
    XSD + "positiveInteger": re.compile(r"^\+?0*[1-9]\d*$"),
    XSD + "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    XSD + "boolean": re.compile(r"^(true|false|1|0)$"),
    XSD + "gYear": re.compile(r"^-?\d{4,}(Z|[+-]\d{2}:\d{2})?$"),
    XSD + "gYearMonth": re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d{2}:\d{2})?$"),
    XSD + "double": re.compile(r"^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$"),
    XSD + "float": re.compile(r"^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$"),
}
_NUMERIC = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "decimal", "double", "float")}


def valid_lexical(lit: Literal) -> bool:
    dt = lit.datatype.value
    if dt == XSD + "date":
        m = _DATE.match(lit.value)
        if not m:
            return False
        try:
            date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return False
        return True
    pattern = _LEXICAL.get(dt)
    return pattern.match(lit.value) is not None if pattern else True


def comparable(lit: Any) -> tuple | None:
    """A sortable (kind, value) for a literal, or None when it cannot be ordered."""
    if not isinstance(lit, Literal) or lit.language:
        return None
    dt = lit.datatype.value
    try:
        if dt == XSD + "date":
            m = _DATE.match(lit.value)
            return ("date", date(int(m.group(1)), int(m.group(2)), int(m.group(3)))) if m else None
        if dt in _NUMERIC:
            return ("number", Decimal(lit.value))
        if dt == XSD + "gYear":
            return ("gYear", int(lit.value[:4] if not lit.value.startswith("-") else lit.value[:5]))
        if dt == XSD + "string":
            return ("string", lit.value)
    except (ValueError, InvalidOperation):
        return None
    return None


def less_or_equal(a: Any, b: Any) -> bool | None:
    ca, cb = comparable(a), comparable(b)
    if ca is None or cb is None or ca[0] != cb[0]:
        return None
    return ca[1] <= cb[1]


def lang_matches(lang: str, ranges: list[str]) -> bool:
    lang = lang.lower()
    for r in ranges:
        r = r.lower()
        if r == "*" or lang == r or lang.startswith(r + "-"):
            return True
    return False


def text_of(term: Any) -> str:
    return term.value
