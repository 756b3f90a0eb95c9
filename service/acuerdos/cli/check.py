"""`acuerdos validate` and `acuerdos stats`: is the project's graph right, and what does it hold."""

from __future__ import annotations

import argparse
import time

from ..graph import load_store
from ..graph.stats import compute
from ..settings import Settings


def _validate(args: argparse.Namespace) -> int:
    from ..validation import validate_checkout  # lazily: the other commands need no SHACL engine

    settings = Settings.from_env()
    project, base = settings.project(), settings.base_iri
    started = time.perf_counter()
    outcome = validate_checkout(project, base)
    took = time.perf_counter() - started
    print(outcome.report())
    print(f"validated in {took:.2f} s")
    return outcome.exit_code


def _stats(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    for line in compute(load_store(settings.project(), settings.base_iri)).lines():
        print(line)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    validate = sub.add_parser("validate", help="check the data against the SHACL shapes; exit 1 on violations")
    validate.set_defaults(func=_validate)
    stats = sub.add_parser("stats", help="count triples, meetings, decisions per kind, participants, themes")
    stats.set_defaults(func=_stats)
