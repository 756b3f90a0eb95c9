"""The named queries: every `.rq` file in queries/ is a question researchers ask, with a header.

A query file starts with a block of `#+ ` comment lines holding YAML (the grlc / SIB
sparql-examples style), followed by a SPARQL query that is valid on its own:

    #+ title: Decisions that touch a theme
    #+ title_es: Decisiones que tocan un tema
    #+ description: ...
    #+ description_es: ...
    #+ tags: [decisions, themes]
    #+ params:
    #+   theme:
    #+     type: iri
    #+     class: skos:Concept
    #+     default: theme/regional/extra-regional-migration
    #+     options: themes
    #+ example:
    #+   theme: theme/gcm-objective/10

Each parameter `name` is the variable `?name`, given its default in the body by a
`VALUES ?name { … }` block (or `BIND(term AS ?name)`), so the file runs as it is when pasted into
any SPARQL endpoint. Binding a parameter replaces that block with RDF terms serialised by rdflib
(`URIRef.n3()`, `Literal.n3()`), after the value has been checked against its declared type: a
value is never pasted into the query text as it was typed. `lang` (es or en, default en) is a
pseudo-parameter every query accepts: the body's `VALUES ?lang { "en" }` picks the language of
labels, with the other language as fallback.

A query runs against any backend that can answer a SELECT: a callable
`select(query_text) -> list[dict[str, rdflib term]]`, an rdflib Graph or Dataset (union of the
named graphs), or a pyoxigraph Store (union default graph).
"""
from __future__ import annotations

import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .config import CANONICAL_BASE, base_iri, rebase_iri, rebase_text
from .errors import UserError
from .graph import PREFIXES

PARAM_TYPES = ("iri", "string", "date", "integer", "boolean", "lang")
LANGS = ("en", "es")
DEFAULT_LANG = "en"
REQUIRED_KEYS = ("title", "title_es", "description", "description_es")
HEADER_KEYS = set(REQUIRED_KEYS) | {"tags", "params", "example"}
PARAM_KEYS = {"type", "class", "required", "default", "example", "multiple", "options",
              "description", "description_es"}
MAX_STRING = 500
MAX_VALUES = 50

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_QUERY_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters that may never appear in an IRI written as <…> (RFC 3987 / SPARQL IRIREF).
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')
_CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):([^/].*)?$")
_INTEGER = re.compile(r"^[+-]?[0-9]{1,18}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_IRIREF = re.compile(r'<[^<>\s"{}|^`\\]*>')
_TRUE = {"true", "1", "yes", "on", "sí", "si"}
_FALSE = {"false", "0", "no", "off"}
# One RDF term as a query author writes a default: an IRI, a prefixed name, a literal, a number, UNDEF.
_TERM = r'(?:<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z-]+|\^\^(?:<[^<>\s]*>|[A-Za-z][\w-]*:[\w-]*))?|[+-]?[0-9][0-9.eE+-]*|true|false|UNDEF|[A-Za-z][\w-]*:[\w./-]*)'


def _values_block(var: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(var) + r"\s*\{(?P<terms>(?:\s*" + _TERM + r")*)\s*\}", re.IGNORECASE)


def _bind_block(var: str) -> re.Pattern[str]:
    return re.compile(r"BIND\s*\(\s*(?P<terms>" + _TERM + r")\s+AS\s+\?" + re.escape(var) + r"\s*\)", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Backends
# ---------------------------------------------------------------------------------------------

Row = dict[str, Node]


class Rows(list):
    """The rows of a result (dicts of variable name -> rdflib term), with the projected variables."""

    def __init__(self, rows: Iterable[Row] = (), variables: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.variables = list(variables)


class GraphBackend:
    """Runs queries over an rdflib Graph, or a Dataset (its default graph: the union when so built)."""

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def select(self, query: str) -> list[Row]:
        with warnings.catch_warnings():  # rdflib's Dataset warns about its own deprecated internals
            warnings.simplefilter("ignore", DeprecationWarning)
            result = self.graph.query(query)
            return [{str(k): v for k, v in row.asdict().items()} for row in result]

    def ask(self, query: str) -> bool:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return bool(self.graph.query(query).askAnswer)


class OxigraphBackend:
    """Runs queries over a pyoxigraph Store, the default graph being the union of the named graphs."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def select(self, query: str) -> list[Row]:
        solutions = self.store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        rows: list[Row] = []
        for solution in solutions:
            row: Row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = from_oxigraph(value)
            rows.append(row)
        return rows

    def ask(self, query: str) -> bool:
        return bool(self.store.query(query, use_default_graph_as_union=True))


class CallableBackend:
    """Wraps a plain `select(query_text) -> rows` callable; ASK is answered through a SELECT."""

    def __init__(self, select: Callable[[str], list[Row]]) -> None:
        self.select = select

    def ask(self, query: str) -> bool:
        select = re.sub(r"^\s*ASK\b", "SELECT * WHERE", query, count=1)
        return bool(self.select(select + " LIMIT 1"))


_XSD_STRING = str(XSD.string)


def from_oxigraph(term: Any) -> Node:
    """A pyoxigraph term as the equivalent rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def as_backend(target: Any) -> Any:
    """The backend for an rdflib Graph/Dataset, a pyoxigraph Store, an object with `select`, or a callable."""
    if hasattr(target, "select") and callable(target.select):
        return target if hasattr(target, "ask") else CallableBackend(target.select)
    try:
        import pyoxigraph as ox

        if isinstance(target, ox.Store):
            return OxigraphBackend(target)
    except ImportError:  # pragma: no cover - pyoxigraph is a dependency
        pass
    from rdflib import Graph

    if isinstance(target, Graph):
        return GraphBackend(target)
    if callable(target):
        return CallableBackend(target)
    raise TypeError(f"cannot run queries over {type(target).__name__}")


# ---------------------------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    classes: tuple[str, ...] = ()          # for iri: the value must be an instance of one of these
    required: bool = False
    default: tuple[str, ...] = ()
    example: tuple[str, ...] = ()
    multiple: bool = False
    options: str | None = None              # a query name or an inline SELECT ?value ?label
    description: str = ""
    description_es: str = ""

    @property
    def options_inline(self) -> bool:
        return bool(self.options) and not _QUERY_NAME.match(self.options or "")

    def to_dict(self) -> dict[str, Any]:
        """What a client needs to build a form field."""
        return {
            "name": self.name, "type": self.type, "class": list(self.classes), "required": self.required,
            "default": list(self.default), "example": list(self.example), "multiple": self.multiple,
            "options": self.options, "description": self.description, "description_es": self.description_es,
        }


@dataclass
class NamedQuery:
    """A query file: its header, its body, and where each parameter is bound in the body."""

    name: str
    path: Path
    title: str
    title_es: str
    description: str
    description_es: str
    tags: list[str]
    params: dict[str, Param]
    example: dict[str, list[str]]
    body: str
    body_line: int                            # the file line the body starts on (1-based)
    slots: list[tuple[int, int, str]] = field(default_factory=list)   # (start, end, param) in body
    variables: list[str] = field(default_factory=list)
    has_lang: bool = False
    param_lines: dict[str, int] = field(default_factory=dict)   # file line of each parameter's header entry

    # -- reading -------------------------------------------------------------------------------

    def title_in(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title

    def description_in(self, lang: str) -> str:
        return self.description_es if lang == "es" else self.description

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "title_es": self.title_es,
            "description": self.description, "description_es": self.description_es, "tags": self.tags,
            "params": [p.to_dict() for p in self.params.values()], "example": self.example,
            "variables": self.variables,
        }

    # -- binding -------------------------------------------------------------------------------

    def bind(self, params: Mapping[str, Any] | None = None, *, lang: str | None = None,
             base: str | None = None, backend: Any = None) -> str:
        """The final query text with every parameter replaced by validated, serialised RDF terms.

        `params` maps a parameter name to a value or a list of values (strings, as typed by a
        user). `lang` may be given here or as params["lang"]. With a backend, an IRI parameter
        declaring a class is checked to be an instance of it in the graph.
        """
        base = base or base_iri()
        given = _as_lists(params or {})
        lang_values = [v for v in given.pop("lang", []) if str(v).strip()]
        chosen_lang = _check_lang((lang_values or [lang or DEFAULT_LANG]), self.name)
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise UserError(f"unknown parameter for query {self.name!r} (known: {known}, lang)",
                            where=f"parameter {unknown[0]!r}")
        terms: dict[str, list[Node] | None] = {"lang": [Literal(chosen_lang)]}
        for name, param in self.params.items():
            values = [v for v in given.get(name, []) if not (isinstance(v, str) and v.strip() == "")]
            if not values:
                values = list(param.default)
            if not values:
                if param.required:
                    raise UserError(f"required by query {self.name!r} and not given", where=f"parameter {name!r}")
                terms[name] = None
                continue
            if len(values) > 1 and not param.multiple:
                raise UserError(f"takes one value, {len(values)} given", where=f"parameter {name!r}")
            if len(values) > MAX_VALUES:
                raise UserError(f"at most {MAX_VALUES} values", where=f"parameter {name!r}")
            terms[name] = [to_term(param, v, base) for v in values]
        if backend is not None:
            self._check_classes(terms, as_backend(backend), base)
        return self._render(terms, base)

    def _check_classes(self, terms: Mapping[str, list[Node] | None], backend: Any, base: str) -> None:
        for name, param in self.params.items():
            if param.type != "iri" or not param.classes or not terms.get(name):
                continue
            classes = " ".join(URIRef(rebase_iri(c, base)).n3() for c in param.classes)
            for term in terms[name] or []:
                ask = (f"ASK {{ VALUES ?class {{ {classes} }} "
                       f"{term.n3()} a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?class }}")
                if not backend.ask(ask):
                    wanted = " or ".join(_curie(c) for c in param.classes)
                    raise UserError(f"{str(term)!r} is not a {wanted} in the graph", where=f"parameter {name!r}")

    def _render(self, terms: Mapping[str, list[Node] | None], base: str) -> str:
        out: list[str] = []
        last = 0
        for start, end, name in self.slots:
            out.append(rebase_text(self.body[last:start], base))
            values = terms.get(name)
            serialised = " ".join(t.n3() for t in values) if values else "UNDEF"
            kind = self.body[start:end].lstrip()[:4].upper()
            if kind == "BIND":
                # BIND takes one expression; an absent optional value leaves the variable unbound.
                out.append(f"BIND({serialised if values else '?__unbound_' + name} AS ?{name})")
            else:
                out.append(f"VALUES ?{name} {{ {serialised} }}")
            last = end
        out.append(rebase_text(self.body[last:], base))
        return "".join(out)

    # -- running -------------------------------------------------------------------------------

    def run(self, backend_or_graph: Any, params: Mapping[str, Any] | None = None,
            lang: str | None = None, base: str | None = None) -> Rows:
        """Bind the parameters (checking IRI classes against the graph) and run the query."""
        backend = as_backend(backend_or_graph)
        text = self.bind(params, lang=lang, base=base, backend=backend)
        return Rows(backend.select(text), self.variables)


def _as_lists(params: Mapping[str, Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            out[str(key)] = list(value)
        else:
            out[str(key)] = [value]
    return out


def _check_lang(values: Sequence[Any], query: str) -> str:
    if len(values) != 1 or str(values[0]).strip().lower() not in LANGS:
        raise UserError(f"must be one of {', '.join(LANGS)}", where="parameter 'lang'")
    return str(values[0]).strip().lower()


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def expand_iri(value: str, base: str | None = None) -> str:
    """A full IRI from what a user typed: a full IRI, a CURIE with a known prefix, or a path under the base."""
    base = base or base_iri()
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    curie = _CURIE.match(text)
    if curie and curie.group(1) in PREFIXES:
        ns = PREFIXES[curie.group(1)]
        return rebase_iri(ns, base) + (curie.group(2) or "")
    if _SCHEME.match(text):
        return text
    return base + text.lstrip("/")


def to_term(param: Param, value: Any, base: str | None = None) -> Node:
    """A user's value for a parameter as an RDF term, after checking it against the declared type."""
    where = f"parameter {param.name!r}"
    if param.type == "boolean" and isinstance(value, bool):
        return Literal(value)
    if param.type == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return Literal(value)
    if param.type == "date" and isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if not isinstance(value, str):
        raise UserError(f"expected text, got {type(value).__name__}", where=where)
    if "\x00" in value:
        raise UserError("contains a NUL character", where=where)
    if param.type == "string":
        if len(value) > MAX_STRING:
            raise UserError(f"longer than {MAX_STRING} characters", where=where)
        return Literal(value)
    text = value.strip()
    if param.type == "iri":
        iri = rebase_iri(expand_iri(text, base), base or base_iri())
        if not _SCHEME.match(iri) or _IRI_FORBIDDEN.search(iri) or len(iri) > 2000:
            raise UserError(f"not an IRI: {value!r}", where=where)
        return URIRef(iri)
    if param.type == "date":
        if not _DATE.match(text):
            raise UserError(f"not a date (yyyy-mm-dd): {value!r}", where=where)
        try:
            date.fromisoformat(text)
        except ValueError:
            raise UserError(f"not a date (yyyy-mm-dd): {value!r}", where=where) from None
        return Literal(text, datatype=XSD.date)
    if param.type == "integer":
        if not _INTEGER.match(text):
            raise UserError(f"not an integer: {value!r}", where=where)
        return Literal(int(text))
    if param.type == "boolean":
        low = text.lower()
        if low in _TRUE:
            return Literal(True)
        if low in _FALSE:
            return Literal(False)
        raise UserError(f"not true or false: {value!r}", where=where)
    if param.type == "lang":
        if text.lower() not in LANGS:
            raise UserError(f"must be one of {', '.join(LANGS)}: {value!r}", where=where)
        return Literal(text.lower())
    raise UserError(f"unknown type {param.type!r}", where=where)  # pragma: no cover - checked at load


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def split_header(text: str) -> tuple[list[str], int]:
    """The `#+` header lines (prefix removed) and the 0-based index of the first body line."""
    lines = text.splitlines()
    header: list[str] = []
    index = 0
    while index < len(lines) and not lines[index].strip() and not header:
        index += 1
    while index < len(lines) and lines[index].startswith("#+"):
        line = lines[index][2:]
        header.append(line[1:] if line.startswith(" ") else line)
        index += 1
    return header, index


def parse_query_file(path: Path, *, require_header: bool = True, label: str | None = None) -> NamedQuery:
    """Read one .rq file: its header (YAML), its body (checked to be valid SPARQL), its parameter slots."""
    label = label or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", where=label) from None
    except UnicodeDecodeError:
        raise UserError("not UTF-8 text", where=label) from None
    return parse_query_text(text, path=path, name=path.stem, require_header=require_header, label=label)


def parse_query_text(text: str, *, path: Path | None = None, name: str = "query",
                     require_header: bool = True, label: str | None = None) -> NamedQuery:
    label = label or (path.name if path else name)
    header_lines, body_index = split_header(text)
    first_header_line = body_index - len(header_lines) + 1  # 1-based file line of the first header line
    if not header_lines:
        if require_header:
            raise UserError("no header: a named query starts with '#+ ' lines holding YAML (title, description, params, example)",
                            where=f"{label}:1")
        meta: dict[str, Any] = {}
    else:
        meta = _load_yaml("\n".join(header_lines), label, first_header_line)
    body_lines = text.splitlines()[body_index:]
    body = "\n".join(body_lines) + ("\n" if text.endswith("\n") else "")
    body_line = body_index + 1

    def where(key: str) -> str:
        return f"{label}:{_line_of(header_lines, key, first_header_line)}"

    if require_header or header_lines:
        _check_header(meta, label, where, require_header)
    params = _params(meta.get("params") or {}, label, where)
    example = _example(meta.get("example") or {}, params, where)
    query = NamedQuery(
        name=name, path=path or Path(name + ".rq"),
        title=str(meta.get("title", name)), title_es=str(meta.get("title_es", meta.get("title", name))),
        description=str(meta.get("description", "")), description_es=str(meta.get("description_es", "")),
        tags=[str(t) for t in (meta.get("tags") or [])], params=params, example=example,
        body=body, body_line=body_line,
    )
    query.param_lines = {p: _line_of(header_lines, p, first_header_line) for p in params}
    query.variables = _parse_sparql(body, label, body_line)
    query.slots, query.has_lang = _slots(body, params, label, body_line)
    return query


def _load_yaml(text: str, label: str, first_line: int) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise UserError(f"header is not valid YAML: {problem}", where=f"{label}:{line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError("header must be a YAML mapping (title: …, description: …)", where=f"{label}:{first_line}")
    return data


def _line_of(header: list[str], key: str, first_line: int) -> int:
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*:")
    for offset, line in enumerate(header):
        if pattern.match(line):
            return first_line + offset
    return first_line


def _check_header(meta: dict[str, Any], label: str, where: Callable[[str], str], strict: bool) -> None:
    for key in meta:
        if key not in HEADER_KEYS:
            raise UserError(f"unknown header key {key!r} (known: {', '.join(sorted(HEADER_KEYS))})", where=where(str(key)))
    if strict:
        for key in REQUIRED_KEYS:
            value = meta.get(key)
            if not isinstance(value, str) or not value.strip():
                raise UserError(f"header lacks {key!r} (a non-empty text)", where=where(key) if key in meta else f"{label}:1")
        if "example" not in meta or not isinstance(meta.get("example"), dict):
            raise UserError("header lacks 'example' (a mapping of parameter values that returns rows; {} if none)",
                            where=where("example") if "example" in meta else f"{label}:1")
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UserError("'tags' must be a list of words", where=where("tags"))


def _params(raw: Any, label: str, where: Callable[[str], str]) -> dict[str, Param]:
    if not isinstance(raw, dict):
        raise UserError("'params' must be a mapping name -> {type: …}", where=where("params"))
    params: dict[str, Param] = {}
    for name, spec in raw.items():
        name = str(name)
        at = where(name)
        if not _NAME.match(name) or name == "lang":
            raise UserError(f"bad parameter name {name!r} (lower case, digits, _; 'lang' is reserved)", where=at)
        if not isinstance(spec, dict):
            raise UserError(f"parameter {name!r} must be a mapping with a 'type'", where=at)
        for key in spec:
            if key not in PARAM_KEYS:
                raise UserError(f"parameter {name!r}: unknown key {key!r} (known: {', '.join(sorted(PARAM_KEYS))})", where=at)
        kind = spec.get("type")
        if kind not in PARAM_TYPES:
            raise UserError(f"parameter {name!r}: 'type' must be one of {', '.join(PARAM_TYPES)}", where=at)
        classes_raw = spec.get("class")
        if classes_raw is not None and kind != "iri":
            raise UserError(f"parameter {name!r}: 'class' applies to iri parameters only", where=at)
        classes = tuple(_expand_class(c, name, at) for c in ([classes_raw] if isinstance(classes_raw, str) else (classes_raw or [])))
        for flag in ("required", "multiple"):
            if flag in spec and not isinstance(spec[flag], bool):
                raise UserError(f"parameter {name!r}: {flag!r} must be true or false", where=at)
        options = spec.get("options")
        if options is not None:
            if not isinstance(options, str) or not options.strip():
                raise UserError(f"parameter {name!r}: 'options' must be a query name or a SELECT ?value ?label", where=at)
            options = options.strip()
            if not _QUERY_NAME.match(options):
                variables = _parse_sparql(options, label, 1, where=at)
                if "value" not in variables:
                    raise UserError(f"parameter {name!r}: inline 'options' must select ?value (and ?label)", where=at)
        param = Param(
            name=name, type=kind, classes=classes, required=bool(spec.get("required", False)),
            default=tuple(_scalars(spec.get("default"), name, at)), example=tuple(_scalars(spec.get("example"), name, at)),
            multiple=bool(spec.get("multiple", False)), options=options,
            description=str(spec.get("description", "")), description_es=str(spec.get("description_es", "")),
        )
        for value in param.default + param.example:
            try:
                to_term(param, value, CANONICAL_BASE)
            except UserError as exc:
                raise UserError(f"parameter {name!r}: default/example {value!r}: {exc.message}", where=at) from None
        if len(param.default) > 1 and not param.multiple:
            raise UserError(f"parameter {name!r}: several defaults but not 'multiple: true'", where=at)
        params[name] = param
    return params


def _expand_class(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str):
        raise UserError(f"parameter {name!r}: 'class' must be a CURIE such as acu:State", where=where)
    curie = _CURIE.match(value)
    if curie and curie.group(1) in PREFIXES:
        return PREFIXES[curie.group(1)] + (curie.group(2) or "")
    if _SCHEME.match(value) and not _IRI_FORBIDDEN.search(value):
        return value
    raise UserError(f"parameter {name!r}: unknown class {value!r} (use a known prefix: {', '.join(PREFIXES)})", where=where)


def _scalars(value: Any, name: str, where: str) -> list[Any]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    out: list[Any] = []
    for v in values:
        if isinstance(v, (dict, list)):
            raise UserError(f"parameter {name!r}: default/example must be plain values", where=where)
        out.append(v.isoformat() if isinstance(v, date) else (str(v).lower() if isinstance(v, bool) else str(v)))
    return out


def _example(raw: Any, params: dict[str, Param], where: Callable[[str], str]) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise UserError("'example' must be a mapping of parameter values", where=where("example"))
    example = {}
    for key, value in raw.items():
        key = str(key)
        if key != "lang" and key not in params:
            raise UserError(f"'example' sets {key!r}, which is not a declared parameter", where=where(key))
        example[key] = _scalars(value, key, where("example"))
        if key in params:
            for item in example[key]:
                try:
                    to_term(params[key], item, CANONICAL_BASE)
                except UserError as exc:
                    raise UserError(f"'example' {key}: {exc.message}", where=where("example")) from None
    return example


def _slots(body: str, params: dict[str, Param], label: str, body_line: int) -> tuple[list[tuple[int, int, str]], bool]:
    """Where each parameter (and lang) is bound in the body: exactly one VALUES or BIND block each."""
    slots: list[tuple[int, int, str]] = []
    code = _mask_comments_and_strings(body)
    has_lang = False
    for name in [*params, "lang"]:
        found = [(m.start(), m.end()) for m in _values_block(name).finditer(code)]
        found += [(m.start(), m.end()) for m in _bind_block(name).finditer(code)]
        if name == "lang" and not found:
            continue
        if len(found) != 1:
            what = "no" if not found else f"{len(found)}"
            raise UserError(f"parameter {name!r}: {what} 'VALUES ?{name} {{ … }}' (or BIND(… AS ?{name})) block in the body; exactly one is needed",
                            where=f"{label}:{body_line}")
        if name == "lang":
            has_lang = True
        elif params[name].multiple and code[found[0][0]:found[0][1]].lstrip()[:4].upper() == "BIND":
            raise UserError(f"parameter {name!r} takes several values: bind it with VALUES, not BIND",
                            where=f"{label}:{body_line}")
        slots.append((found[0][0], found[0][1], name))
    slots.sort()
    for (s1, e1, n1), (s2, _e2, n2) in zip(slots, slots[1:]):
        if s2 < e1:
            raise UserError(f"parameters {n1!r} and {n2!r} share a block; give each its own VALUES", where=f"{label}:{body_line}")
    return slots, has_lang


def _mask_comments_and_strings(text: str) -> str:
    """The text with comments blanked out (same length), so blocks are found only in code.

    String literals are kept (defaults are literals) but '#' inside them is not a comment.
    """
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            quote = c
            long = text.startswith(quote * 3, i)
            end_marker = quote * 3 if long else quote
            j = i + len(end_marker)
            while j < n:
                if text[j] == "\\":
                    j += 2
                    continue
                if text.startswith(end_marker, j):
                    j += len(end_marker)
                    break
                if not long and text[j] == "\n":
                    break
                j += 1
            i = j
            continue
        iri = _IRIREF.match(text, i) if c == "<" else None
        if iri:
            i = iri.end()
            continue
        if c == "#":
            j = text.find("\n", i)
            j = n if j == -1 else j
            for k in range(i, j):
                out[k] = " "
            i = j
            continue
        i += 1
    return "".join(out)


def _parse_sparql(text: str, label: str, first_line: int, where: str | None = None) -> list[str]:
    """Check that text is a SPARQL SELECT query (parsed by Oxigraph, run on an empty store); its variables.

    Updates (DROP, INSERT…) are not queries and are refused here like any syntax error.
    """
    import pyoxigraph as ox

    code = _mask_comments_and_strings(text)
    keyword = re.sub(r"(?is)^\s*((PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", "", code)[:12].upper()
    if re.match(r"(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|COPY|MOVE|ADD|WITH)\b", keyword):
        raise UserError("a SPARQL update, not a query: the graph is read-only", where=where or f"{label}:{first_line}")
    try:
        result = ox.Store().query(text)
    except SyntaxError as exc:
        message = str(exc).splitlines()[0]
        found = re.match(r"error at (\d+):(\d+): (.*)", message)
        line = int(found.group(1)) if found else 1
        reason = found.group(3) if found else message
        if len(reason) > 160:
            reason = reason[:159] + "…"
        at = where or f"{label}:{first_line + line - 1}"
        raise UserError(f"not valid SPARQL: {reason}", where=at) from None
    except Exception as exc:  # evaluation on an empty store should not fail; report it plainly
        raise UserError(f"not a usable SPARQL query: {str(exc).splitlines()[0][:160]}",
                        where=where or f"{label}:{first_line}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise UserError("only SELECT queries are supported here (not ASK, CONSTRUCT or DESCRIBE)",
                        where=where or f"{label}:{first_line}")
    return [v.value for v in result.variables]


@dataclass
class Registry:
    """The named queries of a folder, by name."""

    folder: Path
    queries: dict[str, NamedQuery]
    # the option lists already computed, by (query, parameter, language, data version); see `options`
    _options_cache: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False, compare=False)
    _options_lock: Any = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    OPTIONS_CACHE_SIZE = 256  # option lists kept (least recently used dropped first)

    def get(self, name: str) -> NamedQuery:
        query = self.queries.get(name)
        if query is None:
            known = ", ".join(sorted(self.queries)) or "none"
            raise UserError(f"unknown query {name!r} (known: {known})")
        return query

    def __contains__(self, name: object) -> bool:
        return name in self.queries

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter(self.queries[name] for name in sorted(self.queries))

    def __len__(self) -> int:
        return len(self.queries)

    def names(self) -> list[str]:
        return sorted(self.queries)

    def options(self, query: NamedQuery | str, param: str, backend: Any, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
        """The (value, label) choices of a parameter with `options`, in the language asked for.

        Kept in memory (at most `OPTIONS_CACHE_SIZE` lists) by (query, parameter, language, data
        version) when the backend has a data version (`backend.version`), so a form does not run its
        option queries on every request and new data never shows old options; errors are not kept.
        """
        query = self.get(query) if isinstance(query, str) else query
        spec = query.params.get(param)
        if spec is None:
            raise UserError(f"unknown parameter for query {query.name!r}", where=f"parameter {param!r}")
        if not spec.options:
            return []
        version = getattr(backend, "version", None)
        if callable(version):
            version = version()
        if not version or self.queries.get(query.name) is not query:  # nothing sure to key on: compute
            return self._compute_options(query, param, spec, backend, lang)
        key = (query.name, param, lang, str(version))
        with self._options_lock:
            cached = self._options_cache.get(key)
            if cached is not None:
                self._options_cache.move_to_end(key)
                return list(cached)
        choices = self._compute_options(query, param, spec, backend, lang)
        with self._options_lock:
            self._options_cache[key] = tuple(choices)
            self._options_cache.move_to_end(key)
            while len(self._options_cache) > self.OPTIONS_CACHE_SIZE:
                self._options_cache.popitem(last=False)
        return choices

    def _compute_options(self, query: NamedQuery, param: str, spec: Param, backend: Any,
                         lang: str) -> list[tuple[str, str]]:
        source = self.get(spec.options) if not spec.options_inline else parse_query_text(
            spec.options, name=f"{query.name}:{param}:options", require_header=False)
        rows = source.run(backend, {}, lang=lang)
        choices = []
        for row in rows:
            value = row.get("value")
            if value is None:
                continue
            label = row.get("label")
            choices.append((str(value), str(label) if label is not None else str(value)))
        return choices


def load_registry(queries_dir: Path | str) -> Registry:
    """Every .rq file of a folder as a named query; a bad header or body raises a UserError naming file and line."""
    folder = Path(queries_dir)
    if not folder.is_dir():
        raise UserError("no such folder of queries", where=str(folder))
    queries: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        if not _QUERY_NAME.match(path.stem):
            raise UserError("query file names are lower case words joined by '-'", where=path.name)
        queries[path.stem] = parse_query_file(path)
    registry = Registry(folder, queries)
    for query in registry.queries.values():
        for param in query.params.values():
            if param.options and not param.options_inline and param.options not in queries:
                raise UserError(f"parameter {param.name!r}: options query {param.options!r} does not exist",
                                where=f"{query.path.name}:{query.param_lines.get(param.name, 1)}")
    return registry


def load_query(name_or_file: str, registry: Registry | None = None) -> NamedQuery:
    """A named query by name, or a .rq file (its header optional; its SPARQL checked)."""
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or path.is_file() or "/" in name_or_file:
        if not path.is_file():
            raise UserError("no such query file", where=name_or_file)
        return parse_query_file(path, require_header=False, label=str(path))
    if registry is None:
        from .config import Paths

        registry = load_registry(Paths().queries)
    return registry.get(name_or_file)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def term_text(term: Node | None) -> str:
    return "" if term is None else str(term)


def to_sparql_json(rows: Rows) -> dict[str, Any]:
    """Rows in the SPARQL 1.1 Query Results JSON format."""
    bindings = []
    for row in rows:
        out: dict[str, Any] = {}
        for name, term in row.items():
            if isinstance(term, URIRef):
                out[name] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                out[name] = {"type": "bnode", "value": str(term)}
            elif isinstance(term, Literal):
                item: dict[str, Any] = {"type": "literal", "value": str(term)}
                if term.language:
                    item["xml:lang"] = term.language
                elif term.datatype is not None:
                    item["datatype"] = str(term.datatype)
                out[name] = item
        bindings.append(out)
    variables = rows.variables or sorted({k for r in rows for k in r})
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def to_csv(rows: Rows) -> str:
    """Rows as CSV (SPARQL 1.1 CSV results: a header of variable names, plain values)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    variables = rows.variables or sorted({k for r in rows for k in r})
    writer.writerow(variables)
    for row in rows:
        writer.writerow([term_text(row.get(v)) for v in variables])
    return out.getvalue()


def to_table(rows: Rows, base: str | None = None, width: int = 48) -> str:
    """Rows as an aligned text table; IRIs under the base shortened to their path, long cells cut."""
    base = base or base_iri()
    variables = [v for v in (rows.variables or sorted({k for r in rows for k in r}))
                 if any(v in r for r in rows)] or list(rows.variables)

    def cell(term: Node | None) -> str:
        text = term_text(term)
        if isinstance(term, URIRef) and text.startswith(base):
            text = text[len(base):]
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [variables] + [[cell(r.get(v)) for v in variables] for r in rows]
    sizes = [max(len(line[i]) for line in table) for i in range(len(variables))]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(line)).rstrip() for line in table]
    lines.insert(1, "  ".join("-" * s for s in sizes))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def parse_param_args(items: Sequence[str]) -> dict[str, list[str]]:
    """`name=value` command-line items as a parameter mapping (a name given twice has two values)."""
    params: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UserError("expected name=value", where=f"--param {item!r}")
        params.setdefault(name, []).append(value)
    return params


def run_cli(name_or_file: str, param_items: Sequence[str], fmt: str = "table", lang: str = DEFAULT_LANG,
            dataset: Any = None) -> str:
    """What `acuerdos query` prints: the named query (or a .rq file) run over ``dataset`` (anything
    `as_backend` accepts), by default the checkout's files loaded into Oxigraph (`graph.load_store`)."""
    import json

    from .config import Paths
    from .graph import load_store

    paths = Paths()
    query = load_query(name_or_file, None if _looks_like_file(name_or_file) else load_registry(paths.queries))
    params = parse_param_args(param_items)
    query.bind(params, lang=lang)  # check the parameters before loading the data
    rows = query.run(dataset if dataset is not None else load_store(paths), params, lang=lang)
    if fmt == "json":
        return json.dumps(to_sparql_json(rows), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(rows).rstrip("\r\n")
    return to_table(rows)


def _looks_like_file(name: str) -> bool:
    return name.endswith(".rq") or "/" in name or Path(name).is_file()
