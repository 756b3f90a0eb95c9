"""A backend over a pyoxigraph store in this process: the command line, validation and the tests.

It runs the very task code the worker processes run (``engine.run_task`` over an
``EmbeddedEngine``), so a query answers the same here as on the service; what it lacks is the
pool's time limit, which a process of one's own does not need.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from .backend import Backend
from .embedded import EmbeddedEngine
from .engine import Task, run_task


class LocalBackend(Backend):
    kind = "local"

    def __init__(self, store: ox.Store, version: str = "local", limit: int = 10_000) -> None:
        self.engine = EmbeddedEngine(store)
        super().__init__(version, limit, f"in-process pyoxigraph store, {len(store)} quads")

    def _call(self, task: Task) -> Any:
        return run_task(self.engine, task)
