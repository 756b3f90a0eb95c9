"""Parameters of a named query: their declaration, turning what a user typed into RDF terms, and
writing those terms into the body's `VALUES ?name { … }` / `BIND(term AS ?name)` slots.

A value is never pasted into the query text as typed: it is checked against the parameter's type,
made an rdflib term, and serialised with `.n3()`, so a string such as `x" } ; DROP ALL ; #` stays
one literal. The slots are found with the SPARQL tokenizer, so a `VALUES` in a comment or a string
is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..errors import UserError
from ..namespaces import CANONICAL_BASE, CURIES, Base
from ..rdf.sparql_text import Token, tokens

PARAM_TYPES = ("iri", "string", "date", "integer", "boolean", "lang")
LANGS = ("en", "es")
DEFAULT_LANG = "en"
MAX_STRING = 500
MAX_VALUES = 50

QUERY_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters that may never appear in an IRI written as <…> (RFC 3987 / SPARQL IRIREF).
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
_ONTOLOGY = re.compile(r"ontology(?:[#/]|$)")
_INTEGER = re.compile(r"^[+-]?[0-9]{1,18}$")
_NUMBER = re.compile(r"^[+-]?[0-9][0-9.eE+-]*$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_TRUE = {"true", "1", "yes", "on", "sí", "si"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    classes: tuple[str, ...] = ()  # for iri: the value must be an instance of one of these
    required: bool = False
    default: tuple[str, ...] = ()
    example: tuple[str, ...] = ()
    multiple: bool = False
    options: str | None = None  # a query name or an inline SELECT ?value ?label
    description: str = ""
    description_es: str = ""

    @property
    def options_inline(self) -> bool:
        return bool(self.options) and not QUERY_NAME.match(self.options or "")

    def to_dict(self) -> dict[str, Any]:
        """What a client needs to build a form field."""
        return {
            "name": self.name,
            "type": self.type,
            "class": list(self.classes),
            "required": self.required,
            "default": list(self.default),
            "example": list(self.example),
            "multiple": self.multiple,
            "options": self.options,
            "description": self.description,
            "description_es": self.description_es,
        }


# --- typing a user's value ---------------------------------------------------------------------


def expand_iri(value: str, base: Base) -> str:
    """A full IRI from what a user typed: a full IRI, a CURIE with a known prefix, or a path under the base.

    A full IRI under the canonical base names the same resource on a mirror, so it is read as the
    IRI under ``base`` (the ontology namespace excepted: it never moves).
    """
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    expanded = CURIES.expand(text)
    if expanded is not None:
        return expanded
    if text.startswith(CANONICAL_BASE):
        rest = text[len(CANONICAL_BASE) :]
        return text if _ONTOLOGY.match(rest) else base.path(rest)
    if _SCHEME.match(text):
        return text
    return base.path(text)


def is_iri(text: str) -> bool:
    """Whether text can be written as an IRI in a query (`<…>`): a scheme, no forbidden character."""
    return bool(_SCHEME.match(text)) and not _IRI_FORBIDDEN.search(text) and len(text) <= 2000


def _iri(text: str, base: Base) -> Node:
    iri = expand_iri(text, base)
    if not is_iri(iri):
        raise ValueError(f"not an IRI: {text!r}")
    return URIRef(iri)


def _string(text: str, base: Base) -> Node:
    if len(text) > MAX_STRING:
        raise ValueError(f"longer than {MAX_STRING} characters")
    return Literal(text)


def _date(text: str, base: Base) -> Node:
    value = text.strip()
    try:
        if not _DATE.match(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date (yyyy-mm-dd): {text!r}") from None
    return Literal(value, datatype=XSD.date)


def _integer(text: str, base: Base) -> Node:
    if not _INTEGER.match(text.strip()):
        raise ValueError(f"not an integer: {text!r}")
    return Literal(int(text.strip()))


def _boolean(text: str, base: Base) -> Node:
    low = text.strip().lower()
    if low in _TRUE | _FALSE:
        return Literal(low in _TRUE)
    raise ValueError(f"not true or false: {text!r}")


def _lang(text: str, base: Base) -> Node:
    low = text.strip().lower()
    if low not in LANGS:
        raise ValueError(f"must be one of {', '.join(LANGS)}: {text!r}")
    return Literal(low)


_FROM_TEXT: dict[str, Callable[[str, Base], Node]] = {
    "iri": _iri,
    "string": _string,
    "date": _date,
    "integer": _integer,
    "boolean": _boolean,
    "lang": _lang,
}


def _native(param: Param, value: Any) -> Node | None:
    """A Python value of the parameter's own type (from YAML or a caller) as a term, else None."""
    if param.type == "boolean" and isinstance(value, bool):
        return Literal(value)
    if param.type == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return Literal(value)
    if param.type == "date" and isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return None


def to_term(param: Param, value: Any, base: Base) -> Node:
    """A user's value for a parameter as an RDF term, after checking it against the declared type."""
    where = f"parameter {param.name!r}"
    native = _native(param, value)
    if native is not None:
        return native
    if not isinstance(value, str):
        raise UserError(f"expected text, got {type(value).__name__}", where=where)
    if "\x00" in value:
        raise UserError("contains a NUL character", where=where)
    try:
        return _FROM_TEXT[param.type](value, base)
    except ValueError as exc:
        raise UserError(str(exc), where=where) from None


def check_lang(values: Sequence[Any]) -> str:
    """The one language asked for (es or en)."""
    if len(values) != 1 or str(values[0]).strip().lower() not in LANGS:
        raise UserError(f"must be one of {', '.join(LANGS)}", where="parameter 'lang'")
    return str(values[0]).strip().lower()


def as_lists(params: Mapping[str, Any]) -> dict[str, list[Any]]:
    """A parameter mapping with every value a list (None dropped)."""
    out: dict[str, list[Any]] = {}
    for key, value in params.items():
        if value is not None:
            out[str(key)] = list(value) if isinstance(value, (list, tuple)) else [value]
    return out


def parse_assignments(items: Iterable[str]) -> dict[str, list[str]]:
    """`name=value` items (the command line's `--param`) as a parameter mapping; a name given twice
    has two values."""
    params: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UserError("expected name=value", where=f"--param {item!r}")
        params.setdefault(name, []).append(value)
    return params


def terms_of(param: Param, given: Sequence[Any], base: Base, query: str) -> list[Node] | None:
    """The terms one parameter is bound to: the values given (blanks ignored), else its defaults;
    None when it has neither and is optional."""
    where = f"parameter {param.name!r}"
    values = [v for v in given if not (isinstance(v, str) and v.strip() == "")] or list(param.default)
    if not values:
        if param.required:
            raise UserError(f"required by query {query!r} and not given", where=where)
        return None
    if len(values) > 1 and not param.multiple:
        raise UserError(f"takes one value, {len(values)} given", where=where)
    if len(values) > MAX_VALUES:
        raise UserError(f"at most {MAX_VALUES} values", where=where)
    return [to_term(param, v, base) for v in values]


# --- the slots of the body -----------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Where a parameter is given its value in the body: `VALUES ?name { … }` or `BIND(term AS ?name)`."""

    start: int
    end: int
    name: str
    kind: str  # VALUES | BIND


_END = Token("other", "", -1, -1)


def _term_end(code: Sequence[Token], i: int) -> int | None:
    """The index after the RDF term starting at ``code[i]`` (a default as a query author writes it), or None."""
    tok = code[i] if i < len(code) else _END
    if tok.kind in ("iri", "pname"):
        return i + 1
    if tok.kind == "word" and (tok.text in ("true", "false", "UNDEF") or _NUMBER.match(tok.text)):
        return i + 1
    if tok.text == "+" and i + 1 < len(code) and _NUMBER.match(code[i + 1].text):
        return i + 2
    if tok.kind != "string":
        return None
    after = [t.text for t in code[i + 1 : i + 3]]
    if i + 1 < len(code) and code[i + 1].kind == "lang":
        return i + 2
    if after == ["^", "^"] and i + 3 < len(code) and code[i + 3].kind in ("iri", "pname"):
        return i + 4
    return i + 1


def _is(code: Sequence[Token], i: int, kind: str, text: str | None = None) -> bool:
    return i < len(code) and code[i].kind == kind and (text is None or code[i].text.upper() == text)


def _values_slot(code: Sequence[Token], i: int) -> Slot | None:
    if not (_is(code, i + 1, "var") and _is(code, i + 2, "other", "{")):
        return None
    j: int | None = i + 3
    while j is not None and not _is(code, j, "other", "}"):
        j = _term_end(code, j)
    if j is None:
        return None
    return Slot(code[i].start, code[j].end, code[i + 1].text[1:], "VALUES")


def _bind_slot(code: Sequence[Token], i: int) -> Slot | None:
    j = _term_end(code, i + 2) if _is(code, i + 1, "other", "(") else None
    if j is None or not (_is(code, j, "word", "AS") and _is(code, j + 1, "var") and _is(code, j + 2, "other", ")")):
        return None
    return Slot(code[i].start, code[j + 2].end, code[j + 1].text[1:], "BIND")


_SLOT_READERS = {"VALUES": _values_slot, "BIND": _bind_slot}


def find_slots(body: str) -> list[Slot]:
    """Every `VALUES ?x { terms }` and `BIND(term AS ?x)` of the body, in order (comments and strings skipped)."""
    code = [t for t in tokens(body) if t.kind not in ("ws", "comment")]
    found = []
    for i, tok in enumerate(code):
        reader = _SLOT_READERS.get(tok.text.upper()) if tok.kind == "word" else None
        slot = reader(code, i) if reader else None
        if slot is not None:
            found.append(slot)
    return found


def render(body: str, slots: Sequence[Slot], terms: Mapping[str, list[Node] | None]) -> str:
    """The body with each slot holding its parameter's terms (`UNDEF`, or an unbound BIND, when none)."""
    out: list[str] = []
    last = 0
    for slot in slots:
        out.append(body[last : slot.start])
        values = terms.get(slot.name)
        serialised = " ".join(t.n3() for t in values) if values else "UNDEF"
        if slot.kind == "BIND":
            # BIND takes one expression; an absent optional value leaves the variable unbound.
            out.append(f"BIND({serialised if values else '?__unbound_' + slot.name} AS ?{slot.name})")
        else:
            out.append(f"VALUES ?{slot.name} {{ {serialised} }}")
        last = slot.end
    out.append(body[last:])
    return "".join(out)
