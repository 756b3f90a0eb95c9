"""The query worker: a process that holds an engine and answers one task at a time.

An engine evaluates a query against the embedded pyoxigraph store (`embedded.EmbeddedEngine`) or
forwards it to a remote SPARQL server (`remote.RemoteEngine`); the worker turns what it returns
into the answer the server needs (a formatted, capped body, or rows and triples for Python
callers). Neither engine can be interrupted from Python (pyoxigraph evaluates in Rust and does
not look at signals; an HTTP read blocks), so the time limit is enforced from outside: the server
kills the worker and starts another (see `pool.WorkerPool`).

Tasks and answers cross a pipe as plain picklable values:

    task   = {"op": "format" | "select" | "ask" | "construct", "query": str,
              "default_graphs": list[str] | None, "named_graphs": list[str] | None,
              "format": str (op "format"), "limit": int, "prefixes": dict[str, str]}
    answer = ("ok", payload) | ("error", ApiError.as_tuple())
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterable

import pyoxigraph as ox

from ..sparql.errors import ApiError, BadRequest, InternalError, QueryTimeout
from ..rdf.formats import BY_KEY, formats_for
from ..rdf.results import encode_term, take, write_boolean, write_solutions, write_triples

log = logging.getLogger("acuerdos.worker")


class Outcome:
    """What an engine returns: solutions (variables, rows), a boolean, or triples."""

    __slots__ = ("kind", "variables", "rows", "boolean", "triples")

    def __init__(self, kind: str, *, variables: list[str] | None = None, rows: Iterable | None = None,
                 boolean: bool | None = None, triples: Iterable | None = None) -> None:
        self.kind = kind  # "solutions" | "boolean" | "triples"
        self.variables = variables or []
        self.rows = rows if rows is not None else ()
        self.boolean = boolean
        self.triples = triples if triples is not None else ()

    @classmethod
    def from_pyoxigraph(cls, result: object) -> "Outcome":
        if isinstance(result, ox.QuerySolutions):
            return cls("solutions", variables=[v.value for v in result.variables], rows=result)
        if isinstance(result, ox.QueryTriples):
            return cls("triples", triples=result)
        if isinstance(result, (ox.QueryBoolean, bool)):
            return cls("boolean", boolean=bool(result))
        raise TypeError(f"unexpected query result {type(result).__name__}")


def run_task(engine, task: dict) -> object:
    """Evaluate one task; return the payload of the answer (raise ApiError for the client's mistakes)."""
    op = task["op"]
    limit = int(task.get("limit") or 10000)
    outcome: Outcome = engine.evaluate(task["query"], task.get("default_graphs"), task.get("named_graphs"))
    if op == "format":
        fmt = BY_KEY[task["format"]]
        graph = outcome.kind == "triples"
        if fmt.graph != graph:  # the server guessed the form wrong: answer in this form's default
            fmt = formats_for(graph)[0]
        if outcome.kind == "solutions":
            width = len(outcome.variables)
            rows, truncated = take(([row[i] for i in range(width)] for row in outcome.rows), limit)
            body = write_solutions(outcome.variables, rows, fmt, truncated, limit)
            count = len(rows)
        elif outcome.kind == "boolean":
            body, truncated, count = write_boolean(bool(outcome.boolean), fmt), False, 1
        else:
            triples, truncated = take(outcome.triples, limit)
            body = write_triples(triples, fmt, truncated, limit, task.get("prefixes"))
            count = len(triples)
        return {"body": body, "format": fmt.key, "truncated": truncated, "count": count, "kind": outcome.kind}
    if op == "select":
        if outcome.kind != "solutions":
            raise BadRequest("Expected a SELECT query.")
        width = len(outcome.variables)
        rows, truncated = take(([encode_term(row[i]) for i in range(width)] for row in outcome.rows), limit)
        return {"variables": outcome.variables, "rows": rows, "truncated": truncated}
    if op == "ask":
        if outcome.kind != "boolean":
            raise BadRequest("Expected an ASK query.")
        return bool(outcome.boolean)
    if op == "construct":
        if outcome.kind != "triples":
            raise BadRequest("Expected a CONSTRUCT or DESCRIBE query.")
        triples, truncated = take(outcome.triples, limit)
        return {"triples": [(encode_term(t.subject), encode_term(t.predicate), encode_term(t.object)) for t in triples],
                "truncated": truncated}
    if op == "ping":
        return "pong"
    raise ValueError(f"unknown task {op!r}")


def make_engine(spec: dict):
    kind = spec["kind"]
    if kind == "embedded":
        from .embedded import EmbeddedEngine

        return EmbeddedEngine.from_dump(spec["nquads"])
    if kind == "remote":
        from .remote import RemoteEngine

        return RemoteEngine(spec["endpoint"], timeout=spec["timeout"], max_bytes=spec.get("max_bytes"))
    raise ValueError(f"unknown engine {kind!r}")


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: run without
        pass


def _watch_parent(parent: int) -> None:
    """Exit when the server is gone, even in the middle of a long query."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def child_main() -> None:
    """Entry point of a worker process: `python -c ... FD SPEC_JSON MEMORY_MB PARENT_PID`."""
    import json
    from multiprocessing.connection import Connection

    fd, spec, memory_mb, parent = sys.argv[1:5]
    worker_main(Connection(int(fd)), json.loads(spec), int(memory_mb), int(parent))


def worker_main(conn, spec: dict, memory_mb: int, parent: int) -> None:
    """The body of a worker process: load the engine, say ready, answer tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _limit_memory(memory_mb)
    try:
        engine = make_engine(spec)
    except ApiError as exc:
        conn.send(("error", exc.as_tuple()))
        return
    except Exception as exc:  # noqa: BLE001 — reported to the server, which refuses to start
        conn.send(("error", InternalError(f"the query engine could not start: {type(exc).__name__}: {exc}").as_tuple()))
        return
    conn.send(("ready", getattr(engine, "info", {})))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            answer = ("ok", run_task(engine, task))
        except ApiError as exc:
            answer = ("error", exc.as_tuple())
        except MemoryError:
            answer = ("error", QueryTimeout(
                "The query needed more memory than a query may use and was stopped. "
                "Narrow it (LIMIT, more selective patterns) and try again.").as_tuple())
        except Exception:  # noqa: BLE001 — a bug: logged here, reported without details
            print("acuerdos worker: unexpected error\n" + traceback.format_exc(), file=sys.stderr, flush=True)
            answer = ("error", InternalError("The query failed because of an internal error.").as_tuple())
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return
