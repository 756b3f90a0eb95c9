"""How long each step of a build took, wall clock and CPU, for ``acuerdos build --timings`` and the benchmarks.

A build at a million triples takes a minute or more; without figures per step, what to make
faster is guessed. ``Phases`` records each step in the order it ran (CPU: this process's threads;
steps run in another process report their own CPU with ``add``).
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
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.steps.append({"phase": name, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3)})

    def write(self, path: Path) -> None:
        """The steps and the total wall time as JSON."""
        total = {"wall_s": round(time.perf_counter() - self._started, 3)}
        path.write_text(json.dumps({"phases": self.steps, "total": total}, indent=1) + "\n", encoding="utf-8")
