"""The query worker: a process that holds an engine and answers one task at a time.

The engine is built from the spec the pool hands over (``engine.make_engine``: the spec names the
engine's module), and each task runs through ``engine.run_task``. Neither engine can be
interrupted from Python (pyoxigraph evaluates in Rust and does not look at signals; an HTTP read
blocks), so the time limit is enforced from outside: the server kills the worker and starts
another (see ``pool.WorkerPool``). Tasks and answers are described in ``engine``.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from ..errors import UserError
from .engine import Spec, make_engine, run_task
from .errors import QueryError, QueryFailed, QueryTimeout

log = logging.getLogger("acuerdos.worker")


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
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

    fd, spec, memory_mb, parent = sys.argv[1:5]
    worker_main(Connection(int(fd)), json.loads(spec), int(memory_mb), int(parent))


def worker_main(conn: Connection, spec: Spec, memory_mb: int, parent: int) -> None:
    """The body of a worker process: load the engine, say ready, answer tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which stops us
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _limit_memory(memory_mb)
    try:
        engine = make_engine(spec)
    except Exception as exc:
        message = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        conn.send(("error", QueryFailed(f"the query engine could not start: {message}").as_tuple()))
        return
    conn.send(("ready", engine.info))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            conn.send(_answer(engine, task))
        except (EOFError, OSError):
            return


def _answer(engine: Any, task: Any) -> tuple[str, Any]:
    """The answer to a task, with every failure in the picklable form the server rebuilds."""
    try:
        return ("ok", run_task(engine, task))
    except QueryError as exc:
        return ("error", exc.as_tuple())
    except MemoryError:
        return (
            "error",
            QueryTimeout(
                "The query needed more memory than a query may use and was stopped. "
                "Narrow it (LIMIT, more selective patterns) and try again."
            ).as_tuple(),
        )
    except Exception:
        print("acuerdos worker: unexpected error\n" + traceback.format_exc(), file=sys.stderr, flush=True)
        return ("error", QueryFailed("The query failed because of an internal error.").as_tuple())
