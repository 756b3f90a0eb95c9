"""Validating a store in a forked process while the caller goes on: a build writes its release meanwhile.

At a million triples validation takes about a minute of one core, as long as writing the release
takes on the other; run one after the other they take twice as long. The forked child sees the
store as it was at the fork (copy on write: the parent may go on adding to its own), compiles the
shapes, validates and sends the outcome back through a pipe. The caller asks for the outcome before
it publishes anything, so a build still publishes nothing that failed validation. Where ``fork``
does not exist (Windows) validation runs in the caller, before it returns.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import Store

from ..errors import UserError
from ..namespaces import Base
from .model import ValidationOutcome
from .run import validate
from .shapes import load_shapes

_PR_SET_PDEATHSIG = 1


class PendingValidation:
    """An outcome to come: ``result()`` waits for it (a UserError from the shapes is raised there)."""

    def __init__(self, outcome: ValidationOutcome | None = None, cpu: float = 0.0) -> None:
        self._outcome = outcome
        self.cpu_seconds = cpu  # the validating process's CPU time
        self._process: multiprocessing.process.BaseProcess | None = None
        self._pipe: Connection | None = None

    def result(self) -> ValidationOutcome:
        if self._outcome is None:
            assert self._process is not None and self._pipe is not None
            try:
                kind, value, self.cpu_seconds = self._pipe.recv()
            except EOFError:
                self._process.join()
                raise UserError(
                    f"validation stopped before it finished (exit code {self._process.exitcode}): nothing published"
                ) from None
            finally:
                self._pipe.close()
            self._process.join()
            if kind == "error":
                raise UserError(*value)
            self._outcome = value
        return self._outcome

    def cancel(self) -> None:
        """Stop the validating process (the caller failed and will not ask for the outcome)."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join()


def validate_aside(store: Store, shapes: Path, base: Base) -> PendingValidation:
    """Start validating ``store`` against the shapes of the folder ``shapes`` (under ``base``)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        cpu = time.process_time()
        outcome = validate(store, load_shapes(shapes, base))
        return PendingValidation(outcome, time.process_time() - cpu)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, store, shapes, base), daemon=True)
    process.start()
    send.close()
    pending = PendingValidation()
    pending._process, pending._pipe = process, receive
    return pending


def _child(send: Connection, store: Store, shapes: Path, base: Base) -> None:
    """In the forked process: validate, send ("ok", outcome, CPU s) or ("error", UserError's arguments, CPU s)."""
    if sys.platform == "linux":  # a build killed (SIGKILL) takes its validation with it
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        answer: tuple[str, object] = ("ok", validate(store, load_shapes(shapes, base)))
    except UserError as exc:
        answer = ("error", (exc.message, exc.where))
    send.send((*answer, time.process_time()))
    send.close()
