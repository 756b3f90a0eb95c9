"""What every engine shares, and the task code that runs on any of them.

An engine evaluates a query against the embedded pyoxigraph store (``embedded.EmbeddedEngine``)
or forwards it to a remote SPARQL server (``remote.RemoteEngine``); ``run_task`` turns what it
returns into the answer a backend needs (a formatted, capped body, or rows and triples for Python
callers). The worker process and the in-process ``LocalBackend`` run the very same ``run_task``.
Engines and the worker meet only here: the worker builds an engine from a spec that names the
engine's module (``make_engine``), so neither imports the other.

Tasks and answers cross a pipe as plain picklable values:

    task   = {"op": "format" | "select" | "ask" | "construct" | "ping", "query": str,
              "has_from": bool (the query states its dataset: found by the server's check),
              "default_graphs": list[str] | None, "named_graphs": list[str] | None,
              "format": str (op "format"), "limit": int, "max_bytes": int | None}
    answer = ("ok", payload) | ("error", QueryError.as_tuple())
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..rdf.formats import BY_KEY, formats_for
from ..rdf.results import row_size, take, triple_size, write_boolean, write_solutions, write_triples
from ..rdf.terms import encode
from .errors import BadQuery, QuerySyntaxError, WrongQueryForm

Task = dict[str, Any]
Spec = dict[str, Any]  # {"engine": module path, ...what that module's `engine_from_spec` reads}

# The time a read of the site's own (``whole``: an explorer's collection, the sitemap) may take, at
# least: computed once per data version, it reads the whole record (the sitemap at 1M triples, 6 s
# on a quiet machine) and must not fail where a user's query would be stopped.
WHOLE_TIME_LIMIT = 120.0

_POSITION = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.DOTALL)


class Outcome:
    """What an engine returns: solutions (variables, rows), a boolean, or triples."""

    __slots__ = ("boolean", "kind", "rows", "triples", "variables")

    def __init__(
        self,
        kind: str,
        *,
        variables: list[str] | None = None,
        rows: Iterable[Any] | None = None,
        boolean: bool | None = None,
        triples: Iterable[ox.Triple] | None = None,
    ) -> None:
        self.kind = kind  # "solutions" | "boolean" | "triples"
        self.variables = variables or []
        self.rows: Iterable[Any] = rows if rows is not None else ()
        self.boolean = boolean
        self.triples: Iterable[ox.Triple] = triples if triples is not None else ()

    @classmethod
    def from_pyoxigraph(cls, result: object) -> Outcome:
        if isinstance(result, ox.QuerySolutions):
            return cls("solutions", variables=[v.value for v in result.variables], rows=result)
        if isinstance(result, ox.QueryTriples):
            return cls("triples", triples=result)
        if isinstance(result, (ox.QueryBoolean, bool)):
            return cls("boolean", boolean=bool(result))
        raise TypeError(f"unexpected query result {type(result).__name__}")


class Engine(Protocol):
    info: dict[str, Any]

    def evaluate(
        self,
        query: str,
        default_graphs: list[str] | None,
        named_graphs: list[str] | None,
        has_from: bool,
        *,
        whole: bool = False,
    ) -> Outcome:
        """The query's outcome, its rows read as they are taken; ``whole``: a read of the site's own
        that takes every row, past an engine's own cap on what it reads."""
        ...


def make_engine(spec: Spec) -> Engine:
    """The engine a spec asks for: its module's ``engine_from_spec`` (imported here, in the worker)."""
    module = importlib.import_module(spec["engine"])
    factory: Callable[[Spec], Engine] = module.engine_from_spec
    return factory(spec)


# --- what pyoxigraph says ------------------------------------------------------------------------


def syntax_error(exc: SyntaxError, query: str) -> QuerySyntaxError:
    """The parser's message and position, with the offending line shown."""
    text = str(exc.args[0] if exc.args else exc).strip()
    found = _POSITION.match(text)
    if not found:
        return QuerySyntaxError(f"Syntax error in the query: {text[:500]}")
    line, column, reason = int(found.group(1)), int(found.group(2)), found.group(3).strip()
    lines = query.splitlines() or [""]
    shown = ""
    if 1 <= line <= len(lines):
        source, col = lines[line - 1], column
        if len(source) > 200:  # show a window around the column
            start = max(0, column - 100)
            source, col = source[start : start + 200], column - start
        shown = f"\n\n{source}\n{' ' * max(0, col - 1)}^"
    return QuerySyntaxError(f"Syntax error at line {line}, column {column}: {reason[:500]}{shown}", line, column)


def dataset_options(default_graphs: list[str] | None, named_graphs: list[str] | None, has_from: bool) -> dict[str, Any]:
    """pyoxigraph options for a query: the protocol's dataset, else the query's FROM, else the union."""
    if default_graphs is not None or named_graphs is not None:
        try:
            return {
                "default_graph": [ox.NamedNode(g) for g in default_graphs or []],
                "named_graphs": [ox.NamedNode(g) for g in named_graphs or []],
            }
        except ValueError as exc:
            raise BadQuery(f"Not a valid graph IRI: {exc}") from None
    if has_from:  # the query states its dataset: pyoxigraph's union flag would hide it
        return {}
    return {"use_default_graph_as_union": True}


def query_store(store: ox.Store, query: str, **options: Any) -> object:
    """``store.query`` with pyoxigraph's errors as ours (a syntax error with its position)."""
    try:
        return store.query(query, **options)
    except SyntaxError as exc:
        raise syntax_error(exc, query) from None
    except OSError as exc:
        raise BadQuery(f"The query could not be evaluated: {exc}") from None


# --- tasks ---------------------------------------------------------------------------------------------


def _format(outcome: Outcome, task: Task, limit: int) -> dict[str, Any]:
    fmt = BY_KEY[task["format"]]
    graph = outcome.kind == "triples"
    if fmt.graph != graph:  # the server guessed the form wrong: answer in this form's default
        fmt = formats_for(graph)[0]
    cap = task.get("max_bytes")
    if outcome.kind == "boolean":
        body = write_boolean(bool(outcome.boolean), fmt)
        return {"body": body, "format": fmt.key, "truncated": False, "count": 1, "kind": outcome.kind}
    write: Callable[[list, bool], bytes]
    if outcome.kind == "solutions":
        items, truncated = _rows(outcome, limit, cap)
        write = lambda items, cut: write_solutions(outcome.variables, items, fmt, cut, limit)  # noqa: E731
    else:
        items, truncated = take(outcome.triples, limit, cap, triple_size)
        write = lambda items, cut: write_triples(items, fmt, cut, limit, PREFIXES)  # noqa: E731
    body = write(items, truncated)
    while cap is not None and len(body) > cap and items:  # the estimate fell short (escapes): fewer, exactly
        items, truncated = items[: min(len(items) - 1, int(len(items) * cap / len(body) * 0.9))], True
        body = write(items, truncated)
    return {"body": body, "format": fmt.key, "truncated": truncated, "count": len(items), "kind": outcome.kind}


def _rows(outcome: Outcome, limit: int, cap: int | None) -> tuple[list, bool]:
    """The first rows of a SELECT, one term (or None) per variable, within the row and byte limits."""
    width = len(outcome.variables)
    return take(([row[i] for i in range(width)] for row in outcome.rows), limit, cap, row_size)


def _select(outcome: Outcome, task: Task, limit: int) -> dict[str, Any]:
    if outcome.kind != "solutions":
        raise WrongQueryForm("Expected a SELECT query.")
    rows, truncated = _rows(outcome, limit, task.get("max_bytes"))
    return {"variables": outcome.variables, "rows": [[encode(t) for t in row] for row in rows], "truncated": truncated}


def _ask(outcome: Outcome, task: Task, limit: int) -> bool:
    if outcome.kind != "boolean":
        raise WrongQueryForm("Expected an ASK query.")
    return bool(outcome.boolean)


def _construct(outcome: Outcome, task: Task, limit: int) -> dict[str, Any]:
    if outcome.kind != "triples":
        raise WrongQueryForm("Expected a CONSTRUCT or DESCRIBE query.")
    triples, truncated = take(outcome.triples, limit, task.get("max_bytes"), triple_size)
    encoded = [(encode(t.subject), encode(t.predicate), encode(t.object)) for t in triples]
    return {"triples": encoded, "truncated": truncated}


_OPS: dict[str, Callable[[Outcome, Task, int], Any]] = {
    "format": _format,
    "select": _select,
    "ask": _ask,
    "construct": _construct,
}


def run_task(engine: Engine, task: Task) -> Any:
    """Evaluate one task; return the payload of the answer (a ``QueryError`` for the client's mistakes)."""
    op = task["op"]
    if op == "ping":
        return "pong"
    if op not in _OPS:
        raise ValueError(f"unknown task {op!r}")
    outcome = engine.evaluate(
        task["query"],
        task.get("default_graphs"),
        task.get("named_graphs"),
        task["has_from"],
        whole=task.get("whole", False),
    )
    return _OPS[op](outcome, task, task["limit"])
