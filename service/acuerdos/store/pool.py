"""A pool of query worker processes, each killed and replaced when its query runs too long.

Why processes: neither rdflib nor pyoxigraph can cancel a running query, and a query that holds
the interpreter lock in a thread would stall every other request. A process can always be
stopped. Each worker holds its own engine (for the embedded store, its own copy of the graph), so
the pool answers as many queries at once as it has workers, and a query that is stopped costs
one worker for the time it takes to start another (well under a second for this graph) while the
others go on answering.

Who gets a worker (``Fairness``): the client (its address, set per request in ``CLIENT`` by the
web layer) may have ``client_queries`` queries running and ``client_waiting`` more waiting (past
that: ``ClientBusy``, 429); at most ``queue`` requests wait, each at most ``wait`` seconds (past
that: ``StoreBusy``, 503, both with Retry-After); a freed worker goes to the waiting client that
has the fewest running. ``reserve`` workers beyond ``size`` serve only clients that run nothing
now and ran no slow query lately, so that a few clients sending runaway queries never make an
ASK from someone else wait.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .engine import Spec, Task
from .errors import ClientBusy, QueryError, StoreBusy, StoreError, WorkerLost

log = logging.getLogger("acuerdos.store")

CLIENT: ContextVar[str] = ContextVar("acuerdos_client", default="")  # who asks: the web layer sets it per request


@dataclass(frozen=True)
class Fairness:
    """How the workers are shared between clients (see the module's docstring)."""

    client_queries: int = 1
    client_waiting: int = 2
    queue: int = 64
    reserve: int = 1
    wait: float | None = None  # None: the query's time limit, at least 5 s (a worker may be restarting)
    slow_after: float = 1.0  # a query that runs longer marks its client slow ...
    remember: float = 30.0  # ... for this long


WORKER_NICE = 0  # as the server: a worker's own priority (restored after a slow query, where allowed)
SLOW_NICE = 10  # a query running past Fairness.slow_after: the server and the other queries come first


def _nice(worker: _Worker, value: int) -> None:
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, value)


@dataclass(eq=False)
class _Waiter:
    client: str
    seq: int
    cond: threading.Condition  # on the pool's lock: only this waiter is woken when its turn comes
    since: float = field(default_factory=time.monotonic)


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
        fairness: Fairness | None = None,
    ) -> None:
        self.spec = spec
        self.size = size
        self.fair = fairness or Fairness(reserve=0)
        self.memory_mb = memory_mb
        self.grace = grace  # extra time the pool gives an engine that enforces the limit itself
        self.timeout_error = timeout_error
        self.start_timeout = start_timeout
        self.info: dict[str, Any] = {}
        self.restarts = 0
        self.refused = 0
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._mutex = threading.Lock()
        self._cond = threading.Condition(self._mutex)
        self._running: Counter[str] = Counter()
        self._waiting: list[_Waiter] = []
        self._slow: dict[str, float] = {}  # client → until when it counts as slow
        self._seq = 0
        self._count = 0
        self._closed = False

    # --- life cycle -----------------------------------------------------------------------------

    def start(self) -> WorkerPool:
        """Start every worker and wait until each has loaded its engine."""
        workers = [self._spawn() for _ in range(self.size + self.fair.reserve)]
        try:
            for worker in workers:
                self.info = self._await_ready(worker)
                self._give(worker)
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
            self._give(worker)
            return

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            for waiter in self._waiting:
                waiter.cond.notify()
        for worker in idle:
            with contextlib.suppress(Exception):
                worker.conn.send(None)
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(timeout=2)
            worker.kill()

    # --- running tasks ----------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """What an operator watches: workers (and reserve), idle, busy, waiting, restarts, refusals."""
        with self._cond:
            return {
                "workers": self.size,
                "reserve": self.fair.reserve,
                "idle": len(self._idle),
                "busy": sum(self._running.values()),
                "waiting": len(self._waiting),
                "restarts": self.restarts,
                "refused": self.refused,
            }

    def call(self, task: Task, time_limit: float) -> Any:
        """Run a task in a worker, once this client's turn comes (see ``Fairness``); wait at most
        ``time_limit`` (or ``Fairness.wait``) for a worker and ``time_limit`` for the answer."""
        client = CLIENT.get()
        worker = self._acquire(client, max(time_limit, 5.0) if self.fair.wait is None else self.fair.wait)
        started = time.monotonic()
        healthy = False
        try:
            worker.conn.send(task)
            if not self._answered(worker, time_limit + self.grace):
                log.warning("query stopped after %.1f s (worker %d killed)", time_limit + self.grace, worker.number)
                raise self.timeout_error(time_limit)
            status, payload = worker.conn.recv()
            healthy = True
        except (EOFError, OSError):
            memory = f" ({self.memory_mb} MiB)" if self.memory_mb else ""
            raise WorkerLost(
                f"The query worker stopped while answering: the query probably needed more memory than a query "
                f"may use{memory}. The worker is being replaced; narrow the query (LIMIT, more selective "
                "patterns) before trying again.",
                retry_after=2,
            ) from None
        finally:
            self._done(client, time.monotonic() - started, worker if healthy else None)
            if not healthy:
                self._retire(worker)
        if status == "error":
            raise QueryError.from_tuple(payload)
        return payload

    def _answered(self, worker: _Worker, limit: float) -> bool:
        """Whether the worker answers within ``limit`` s; past ``slow_after`` its priority drops (a
        runaway query then takes the CPU only when nobody else needs it), and is restored after."""
        first = min(self.fair.slow_after, limit)
        if worker.conn.poll(first):
            return True
        _nice(worker, SLOW_NICE)
        try:
            return worker.conn.poll(limit - first)
        finally:
            _nice(worker, WORKER_NICE)  # may be refused (lowering needs privilege): it stays low then

    # --- who gets a worker --------------------------------------------------------------------------

    def _give(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.kill()
                return
            self._idle.append(worker)
            self._wake()

    def _wake(self) -> None:
        """(Holding the lock.) Wake the one waiter whose turn it is now, if any; it wakes the next."""
        waiter = self._next(time.monotonic())
        if waiter is not None:
            waiter.cond.notify()

    def _light(self, client: str, now: float) -> bool:
        """Runs nothing now and ran no slow query lately: may use the reserve."""
        return not self._running[client] and self._slow.get(client, 0.0) <= now

    def _can_take(self, client: str, now: float) -> bool:
        if self._running[client] >= self.fair.client_queries:
            return False
        return len(self._idle) > (0 if self._light(client, now) else self.fair.reserve)

    def _next(self, now: float) -> _Waiter | None:
        """The waiter a worker goes to now: of those that may take one, the client running fewest, then the first."""
        ready = [w for w in self._waiting if self._can_take(w.client, now)]
        return min(ready, key=lambda w: (self._running[w.client], w.seq)) if ready else None

    def _take(self, client: str) -> _Worker:
        self._running[client] += 1
        return self._idle.pop()

    def _refuse(self, error: StoreBusy) -> StoreBusy:
        self.refused += 1
        return error

    def _acquire(self, client: str, wait: float) -> _Worker:
        with self._cond:
            if self._closed:
                raise StoreBusy("The query service is shutting down.", retry_after=5)
            now = time.monotonic()
            mine = self._running[client] + sum(1 for w in self._waiting if w.client == client)
            if mine >= self.fair.client_queries + self.fair.client_waiting:
                raise self._refuse(
                    ClientBusy(
                        f"Too many queries from you at once ({mine} running or waiting; "
                        f"{self.fair.client_queries} may run at a time): wait for their answers, then try again.",
                        retry_after=2,
                    )
                )
            if self._can_take(client, now) and self._next(now) is None:
                return self._take(client)
            if len(self._waiting) >= self.fair.queue:
                raise self._refuse(
                    StoreBusy(
                        f"The service is busy: {len(self._waiting)} queries are waiting for a worker; "
                        "try again in a moment.",
                        retry_after=2,
                    )
                )
            self._seq += 1
            waiter = _Waiter(client, self._seq, threading.Condition(self._mutex))
            self._waiting.append(waiter)
            deadline = now + wait
            try:
                while True:
                    if self._closed:
                        raise StoreBusy("The query service is shutting down.", retry_after=5)
                    now = time.monotonic()
                    if self._next(now) is waiter:
                        return self._take(client)
                    if now >= deadline:
                        raise self._refuse(
                            StoreBusy(
                                f"Every query worker stayed busy for {wait:g} s; try again in a moment.", retry_after=2
                            )
                        )
                    waiter.cond.wait(deadline - now)
            finally:
                self._waiting.remove(waiter)
                self._wake()

    def _done(self, client: str, took: float, worker: _Worker | None) -> None:
        """A query of ``client`` ended after ``took`` seconds; ``worker`` goes back (None: it is being replaced)."""
        with self._cond:
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]
            now = time.monotonic()
            if took >= self.fair.slow_after or worker is None:
                if len(self._slow) > 10000:
                    self._slow = {c: t for c, t in self._slow.items() if t > now}
                self._slow[client] = now + self.fair.remember
            if worker is not None:
                if self._closed:
                    worker.kill()
                else:
                    self._idle.append(worker)
            self._wake()
