"""How long each step of a build took, wall clock and CPU, for ``acuerdos build --timings`` and the benchmarks.

A build at a million triples takes a minute or more; without figures per step, what to make
faster is guessed. ``Phases`` records each step in the order it ended, with the CPU time of the
thread that ran it (a step in another thread or process reports its own with ``add``), so that the
CPU seconds of the steps add up to the build's.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Phases:
    """The steps of one run, each with its wall and CPU seconds, in the order they ended."""

    def __init__(self) -> None:
        self.steps: list[dict[str, float | str]] = []
        self._started = time.perf_counter()

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the block as step ``name``."""
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.thread_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.steps.append({"phase": name, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3)})

    def write(self, path: Path) -> None:
        """The steps and the total wall time as JSON."""
        total = {"wall_s": round(time.perf_counter() - self._started, 3)}
        path.write_text(json.dumps({"phases": self.steps, "total": total}, indent=1) + "\n", encoding="utf-8")
