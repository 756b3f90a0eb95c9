"""The named queries: every `.rq` file of a folder, read once under the configured base.

A file is a `#+` YAML header (`header`) and a SPARQL SELECT that runs as it is when pasted into any
endpoint. Each parameter `name` is the variable `?name`, given its default in the body by one
`VALUES ?name { … }` (or `BIND(term AS ?name)`); binding replaces that block with checked terms
(`params`). `lang` (es or en) is a pseudo-parameter every query accepts, bound in the body's
`VALUES ?lang { "en" }`.

The files are read by `artefacts.read_text`, which moves their instance IRIs to the base: nothing
here moves an IRI again. A query runs against a `store.Backend`.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ..artefacts import read_text
from ..errors import UserError
from ..namespaces import CURIES, Base
from ..rdf.sparql_text import analyse
from .header import header_example, header_params, header_variants, read_header
from .paging import check_page_mark
from .params import (
    DEFAULT_LANG,
    QUERY_NAME,
    Param,
    Slot,
    as_lists,
    check_lang,
    find_slots,
    render,
    terms_of,
)

if TYPE_CHECKING:
    from ..rdf.rows import Rows
    from ..store import Backend

_SUBCLASS_OF = URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)")


@dataclass(frozen=True)
class Variant:
    """The body a query runs instead of its own when an optional parameter is given (header key
    ``variants``): the same question entered from that parameter's value, which Oxigraph looks up,
    where the query's own body, written for the parameter absent, filters every candidate row."""

    param: str
    path: Path
    body: str
    slots: tuple[Slot, ...] = field(repr=False)


@dataclass(frozen=True, eq=False)
class NamedQuery:
    """A query file: its header, its body (under ``base``), and where each parameter is bound in the body."""

    name: str
    path: Path
    base: Base
    title: str
    title_es: str
    description: str
    description_es: str
    tags: list[str]
    params: dict[str, Param]
    example: dict[str, list[str]]
    body: str
    variables: list[str]
    slots: tuple[Slot, ...] = field(default=(), repr=False)
    param_lines: dict[str, int] = field(default_factory=dict, repr=False)  # file line of each parameter
    page_inner: bool = False  # a page's LIMIT and OFFSET go at the body's '# page' line (queries.paging)
    variants: tuple[Variant, ...] = ()  # the first whose parameter is given replaces the body

    def title_in(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title

    def description_in(self, lang: str) -> str:
        return self.description_es if lang == "es" else self.description

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "title_es": self.title_es,
            "description": self.description,
            "description_es": self.description_es,
            "tags": self.tags,
            "params": [p.to_dict() for p in self.params.values()],
            "example": self.example,
            "variables": self.variables,
        }

    def bind(
        self, params: Mapping[str, Any] | None = None, *, lang: str | None = None, backend: Backend | None = None
    ) -> str:
        """The query text with every parameter replaced by checked, serialised RDF terms.

        ``params`` maps a parameter name to a value or a list of values (text, as a user typed it);
        ``lang`` may be given here or as ``params["lang"]``. With a backend, an IRI parameter that
        declares a class is checked to be an instance of it in the graph.
        """
        given = as_lists(params or {})
        lang_values = [v for v in given.pop("lang", []) if str(v).strip()]
        terms: dict[str, list[Node] | None] = {"lang": [Literal(check_lang(lang_values or [lang or DEFAULT_LANG]))]}
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise UserError(
                f"unknown parameter for query {self.name!r} (known: {known}, lang)", where=f"parameter {unknown[0]!r}"
            )
        for name, param in self.params.items():
            terms[name] = terms_of(param, given.get(name, []), self.base, self.name)
        if backend is not None:
            self._check_classes(terms, backend)
        chosen = next((v for v in self.variants if terms.get(v.param)), None)
        return render(chosen.body, chosen.slots, terms) if chosen else render(self.body, self.slots, terms)

    def _check_classes(self, terms: Mapping[str, list[Node] | None], backend: Backend) -> None:
        for name, param in self.params.items():
            if not param.classes:
                continue
            classes = " ".join(URIRef(c).n3() for c in param.classes)
            for term in terms.get(name) or []:
                if not backend.ask(
                    f"ASK {{ VALUES ?class {{ {classes} }} {term.n3()} a/{_SUBCLASS_OF.n3()}* ?class }}"
                ):
                    wanted = " or ".join(CURIES.shorten(c) for c in param.classes)
                    raise UserError(f"{str(term)!r} is not a {wanted} in the graph", where=f"parameter {name!r}")

    def run(
        self, backend: Backend, params: Mapping[str, Any] | None = None, lang: str | None = None, *, whole: bool = False
    ) -> Rows:
        """Bind the parameters (checking IRI classes against the graph) and run the query; ``whole``:
        a read of the site's own (a form's choices), every row (``Backend.select``)."""
        return backend.select(self.bind(params, lang=lang, backend=backend), whole=whole)


# --- reading a file ------------------------------------------------------------------------------


def check_select(text: str, label: str, first_line: int, where: str | None = None) -> list[str]:
    """The variables of a SPARQL SELECT query, parsed by Oxigraph (run on an empty store); a
    UserError at the file line of a syntax error, or for an update or another query form."""
    at = where or f"{label}:{first_line}"
    info = analyse(text)  # the tokenizer the store's safety check reads
    if info.updates:
        raise UserError("a SPARQL update, not a query: the graph is read-only", where=at)
    if info.federated:
        raise UserError("a federated query (SERVICE): the service never runs one", where=at)
    try:
        result = ox.Store().query(text)
    except SyntaxError as exc:
        message = str(exc).splitlines()[0]
        found = _POSITION.match(message)
        reason = found.group(3) if found else message
        if len(reason) > 160:
            reason = reason[:159] + "…"
        line = first_line + int(found.group(1)) - 1 if found else first_line
        raise UserError(f"not valid SPARQL: {reason}", where=where or f"{label}:{line}") from None
    except Exception as exc:  # evaluation on an empty store should not fail; report it plainly
        raise UserError(f"not a usable SPARQL query: {str(exc).splitlines()[0][:160]}", where=at) from None
    if not isinstance(result, ox.QuerySolutions):
        raise UserError("only SELECT queries are supported here (not ASK, CONSTRUCT or DESCRIBE)", where=at)
    return [v.value for v in result.variables]


def _slots(body: str, params: dict[str, Param], where: str) -> tuple[Slot, ...]:
    """The slot of each parameter (and of lang, if the body has one): exactly one each."""
    found = find_slots(body)
    chosen = []
    for name in [*params, "lang"]:
        mine = [slot for slot in found if slot.name == name]
        if name == "lang" and not mine:
            continue
        if len(mine) != 1:
            what = "no" if not mine else f"{len(mine)}"
            raise UserError(
                f"parameter {name!r}: {what} 'VALUES ?{name} {{ … }}' (or BIND(… AS ?{name})) block in "
                "the body; exactly one is needed",
                where=where,
            )
        if name != "lang" and params[name].multiple and mine[0].kind == "BIND":
            raise UserError(f"parameter {name!r} takes several values: bind it with VALUES, not BIND", where=where)
        chosen.append(mine[0])
    return tuple(sorted(chosen, key=lambda slot: slot.start))


def parse_query(text: str, *, name: str, path: Path, base: Base, label: str, required: bool) -> NamedQuery:
    """One query from the text of its file (already under ``base``): header, body checked, slots found."""
    header, body = read_header(text, label, required=required)
    params = header_params(header, base)
    for param in params.values():
        if param.options and param.options_inline:
            options_vars = check_select(param.options, label, 1, where=header.where(param.name))
            if "value" not in options_vars:
                raise UserError(
                    f"parameter {param.name!r}: inline 'options' must select ?value (and ?label)",
                    where=header.where(param.name),
                )
    example = header_example(header, params, base)
    variables = check_select(body, label, header.body_line)
    meta = header.meta
    page_inner = meta.get("page") == "inner"
    check_page_mark(body, page_inner, header.where("page") if "page" in meta else f"{label}:{header.body_line}")
    variants = tuple(
        _variant(path.parent / "variants" / file, param, params, variables, page_inner, base)
        for param, file in header_variants(header, params).items()
    )
    return NamedQuery(
        name=name,
        path=path,
        base=base,
        title=str(meta.get("title", name)),
        title_es=str(meta.get("title_es", meta.get("title", name))),
        description=str(meta.get("description", "")),
        description_es=str(meta.get("description_es", "")),
        tags=[str(t) for t in meta.get("tags") or []],
        params=params,
        example=example,
        body=body,
        variables=variables,
        slots=_slots(body, params, f"{label}:{header.body_line}"),
        param_lines={p: header.line_of(p) for p in params},
        page_inner=page_inner,
        variants=variants,
    )


def _variant(
    path: Path, param: str, params: dict[str, Param], variables: list[str], page_inner: bool, base: Base
) -> Variant:
    """A variant file (a SPARQL SELECT without a header), checked to fit its query: the same
    variables, a slot for each parameter, and the page mark where the query has one."""
    label = f"variants/{path.name}"
    if not path.is_file():
        raise UserError(f"no such variant file (for parameter {param!r})", where=label)
    body = read_text(path, base, where=label)
    if check_select(body, label, 1) != variables:
        raise UserError("a variant must select the same variables, in the same order, as its query", where=label)
    check_page_mark(body, page_inner, label)
    return Variant(param, path, body, _slots(body, params, label))


def load_query_file(path: Path, base: Base) -> NamedQuery:
    """A user's own .rq file (its header optional; its SPARQL checked), read under ``base``."""
    if not path.is_file():
        raise UserError("no such query file", where=str(path))
    text = read_text(path, base, where=str(path))
    return parse_query(text, name=path.stem, path=path, base=base, label=str(path), required=False)


# --- the registry ------------------------------------------------------------------------------


class _LeastRecentlyUsed:
    """A bounded, thread-safe mapping that forgets the least recently used entry first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, ...], tuple[tuple[str, str, str], ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> tuple[tuple[str, str, str], ...] | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple[str, ...], value: tuple[tuple[str, str, str], ...]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


@dataclass
class Registry:
    """The named queries of a folder, by name, read under ``base``."""

    folder: Path
    base: Base
    queries: dict[str, NamedQuery]
    options_cache_size: int = 256  # option lists kept, the least recently used dropped first
    # the option lists already computed, by (query, parameter, language, data version); see `options`
    _options: _LeastRecentlyUsed = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._options = _LeastRecentlyUsed(self.options_cache_size)

    def get(self, name: str) -> NamedQuery:
        query = self.queries.get(name)
        if query is None:
            known = ", ".join(sorted(self.queries)) or "none"
            raise UserError(f"unknown query {name!r} (known: {known})")
        return query

    def __contains__(self, name: object) -> bool:
        return name in self.queries

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter([self.queries[name] for name in sorted(self.queries)])

    def __len__(self) -> int:
        return len(self.queries)

    def names(self) -> list[str]:
        return sorted(self.queries)

    def options(
        self, query: NamedQuery | str, param: str, backend: Backend, lang: str = DEFAULT_LANG
    ) -> list[tuple[str, str]]:
        """The (value, label) choices of a parameter with `options`, in the language asked for."""
        return [(value, label) for value, label, _group in self.grouped_options(query, param, backend, lang)]

    def grouped_options(
        self, query: NamedQuery | str, param: str, backend: Backend, lang: str = DEFAULT_LANG
    ) -> list[tuple[str, str, str]]:
        """The (value, label, group) choices of a parameter with `options`, in the language asked for.

        The group is the option query's first column of ``OPTION_GROUPS`` that a row binds (the kind of
        an actor, the scheme of a theme, the meeting of a decision), '' when it has none: a long list
        of choices is shown in these groups. Kept (the `options_cache_size` most recently used lists)
        by options query (or query and parameter, for a list written in the header), language and
        the backend's data version, so a form does not run its option queries on every request and
        new data never shows old options; errors are not kept, nor lists of a backend without a
        version or of a query from outside the registry.
        """
        query = self.get(query) if isinstance(query, str) else query
        spec = query.params.get(param)
        if spec is None:
            raise UserError(f"unknown parameter for query {query.name!r}", where=f"parameter {param!r}")
        if not spec.options:
            return []
        if not backend.version or self.queries.get(query.name) is not query:
            return list(self._compute_options(query, spec, backend, lang))
        source = f"{query.name}:{param}" if spec.options_inline else spec.options  # a named list is one for all
        key = (source, lang, str(backend.version))
        choices = self._options.get(key)
        if choices is None:
            choices = self._compute_options(query, spec, backend, lang)
            self._options.put(key, choices)
        return list(choices)

    def _compute_options(
        self, query: NamedQuery, spec: Param, backend: Backend, lang: str
    ) -> tuple[tuple[str, str, str], ...]:
        if spec.options_inline:
            name = f"{query.name}:{spec.name}:options"
            source = parse_query(
                spec.options or "", name=name, path=query.path, base=self.base, label=name, required=False
            )
        else:
            source = self.get(spec.options or "")
        rows = source.run(backend, {}, lang=lang, whole=True)  # every choice: at 1M, 20,071 decisions
        return tuple(
            (str(row["value"]), str(row.get("label", row["value"])), _group_of(row)) for row in rows if "value" in row
        )


# the columns of an option query that group its choices, the first a row binds
OPTION_GROUPS = ("group", "theme_scheme_label", "adopted_at_label", "kind_label")


def _group_of(row: Mapping[str, Any]) -> str:
    return next((str(row[name]) for name in OPTION_GROUPS if row.get(name) is not None), "")


def load_registry(folder: Path, base: Base) -> Registry:
    """Every .rq file of a folder as a named query, read under ``base``; a bad header or body raises a
    UserError naming the file and line."""
    if not folder.is_dir():
        raise UserError("no such folder of queries", where=str(folder))
    queries: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        if not QUERY_NAME.match(path.stem):
            raise UserError("query file names are lower case words joined by '-'", where=path.name)
        text = read_text(path, base, where=path.name)
        queries[path.stem] = parse_query(text, name=path.stem, path=path, base=base, label=path.name, required=True)
    for query in queries.values():
        for param in query.params.values():
            if param.options and not param.options_inline and param.options not in queries:
                raise UserError(
                    f"parameter {param.name!r}: options query {param.options!r} does not exist",
                    where=f"{query.path.name}:{query.param_lines.get(param.name, 1)}",
                )
    return Registry(folder, base, queries)


def find_query(name_or_file: str, folder: Path, base: Base) -> NamedQuery:
    """The query a user names: a .rq file of theirs (a path), else one of the folder's by name."""
    path = Path(name_or_file)
    if name_or_file.endswith(".rq") or "/" in name_or_file or path.is_file():
        return load_query_file(path, base)
    return load_registry(folder, base).get(name_or_file)
