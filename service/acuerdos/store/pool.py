"""A pool of query worker processes, each killed and replaced when its query runs too long.

Why processes: neither rdflib nor pyoxigraph can cancel a running query, and a query that holds
the interpreter lock in a thread would stall every other request. A process can always be
stopped. Each worker holds its own engine (for the embedded store, its own copy of the graph), so
the pool answers as many queries at once as it has workers, and a query that is stopped costs
one worker for the time it takes to start another (well under a second for this graph) while the
others go on answering.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .engine import Spec, Task
from .errors import QueryError, QueryFailed, StoreBusy, StoreError

log = logging.getLogger("acuerdos.store")

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds acuerdos/


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection
    number: int

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.wait(timeout=5)
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    """`size` worker processes running `worker_main` with an engine spec; `call` runs a task in one."""

    def __init__(
        self,
        spec: Spec,
        size: int,
        *,
        memory_mb: int = 0,
        grace: float = 0.0,
        timeout_error: Callable[[float], QueryError],
        start_timeout: float = 120.0,
    ) -> None:
        self.spec = spec
        self.size = size
        self.memory_mb = memory_mb
        self.grace = grace  # extra time the pool gives an engine that enforces the limit itself
        self.timeout_error = timeout_error
        self.start_timeout = start_timeout
        self.info: dict[str, Any] = {}
        self.restarts = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._count = 0
        self._closed = False

    # --- life cycle -----------------------------------------------------------------------------

    def start(self) -> WorkerPool:
        """Start every worker and wait until each has loaded its engine."""
        workers = [self._spawn() for _ in range(self.size)]
        try:
            for worker in workers:
                self.info = self._await_ready(worker)
                self._idle.put(worker)
        except BaseException:
            for worker in workers:
                worker.kill()
            raise
        return self

    def _spawn(self) -> _Worker:
        """Start a worker: a fresh interpreter (not a fork of a threaded server, and independent of
        whatever `__main__` the server runs under) talking over a socket pair."""
        with self._lock:
            self._count += 1
            number = self._count
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
        args = [
            sys.executable,
            "-c",
            "from acuerdos.store.worker import child_main; child_main()",
            str(theirs.fileno()),
            json.dumps(self.spec),
            str(self.memory_mb),
            str(os.getpid()),
        ]
        try:
            process = subprocess.Popen(
                args, pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL, close_fds=True
            )
        finally:
            theirs.close()
        return _Worker(process, Connection(ours.detach()), number)

    def _await_ready(self, worker: _Worker) -> dict[str, Any]:
        try:
            if not worker.conn.poll(self.start_timeout):
                raise StoreError(f"the query worker did not start within {self.start_timeout:.0f} s")
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            raise StoreError("the query worker stopped while starting (see the messages above)") from None
        if status != "ready":
            raise StoreError(QueryError.from_tuple(payload).message)
        return dict(payload)

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement in the background."""
        threading.Thread(target=self._replace, args=(worker,), daemon=True, name="acuerdos-replace").start()

    def _replace(self, old: _Worker) -> None:
        old.kill()
        delay = 0.5
        while not self._closed:
            worker = None
            try:
                worker = self._spawn()
                self._await_ready(worker)
            except Exception as exc:
                log.error("could not restart a query worker: %s", exc)
                if worker is not None:
                    worker.kill()
                time.sleep(delay)
                delay = min(delay * 2, 10.0)
                continue
            if self._closed:
                worker.kill()
                return
            self.restarts += 1
            self._idle.put(worker)
            return

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            with contextlib.suppress(Exception):
                worker.conn.send(None)
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(timeout=2)
            worker.kill()

    # --- running tasks ----------------------------------------------------------------------------

    def call(self, task: Task, time_limit: float) -> Any:
        """Run a task in an idle worker; wait at most `time_limit` for one and `time_limit` for the answer."""
        if self._closed:
            raise StoreBusy("The query service is shutting down.")
        try:
            worker = self._idle.get(timeout=time_limit)
        except queue.Empty:
            raise StoreBusy(
                f"Every query worker stayed busy for {time_limit:g} s; try again in a moment.", retry_after=2
            ) from None
        healthy = False
        try:
            worker.conn.send(task)
            if not worker.conn.poll(time_limit + self.grace):
                log.warning("query stopped after %.1f s (worker %d killed)", time_limit + self.grace, worker.number)
                raise self.timeout_error(time_limit)
            status, payload = worker.conn.recv()
            healthy = True
        except (EOFError, OSError):
            raise QueryFailed(
                "The query worker stopped while answering (the query may have needed more memory than a "
                "query may use); try a narrower query."
            ) from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                self._retire(worker)
        if status == "error":
            raise QueryError.from_tuple(payload)
        return payload
