"""The `acuerdos` command line: build, validate, stats (and the service commands)."""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from .config import Paths, base_iri
from .errors import UserError


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    started = time.perf_counter()
    result = build(Paths(), args.base or base_iri())
    took = time.perf_counter() - started
    print(f"built {result.triples} triples in {result.graphs} named graphs, version {result.version} ({took:.1f} s)")
    for path in result.files:
        print(f"  {path}")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .graph import load_dataset
    from .validation import validate

    paths = Paths()
    started = time.perf_counter()
    outcome = validate(load_dataset(paths), paths.shapes)
    took = time.perf_counter() - started
    print(outcome.report())
    print(f"validated in {took:.2f} s")
    return 0 if outcome.conforms else 1


def _cmd_stats(args: argparse.Namespace) -> int:
    from .graph import load_dataset, union_graph
    from .stats import compute

    for line in compute(union_graph(load_dataset(Paths()))).lines():
        print(line)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser; each subcommand sets `func`."""
    top = argparse.ArgumentParser(prog="acuerdos", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="merge ontology and data into dist/ (TriG, N-Quads, Turtle, N-Triples, JSON-LD)")
    build.add_argument("--base", help="base IRI to publish under (default $ACUERDOS_BASE or https://w3id.org/acuerdos/)")
    build.set_defaults(func=_cmd_build)

    validate = sub.add_parser("validate", help="check the data against the SHACL shapes; exit 1 on violations")
    validate.set_defaults(func=_cmd_validate)

    stats = sub.add_parser("stats", help="count triples, meetings, decisions per kind, participants, themes")
    stats.set_defaults(func=_cmd_stats)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user's mistake prints one line and exits 2, never a traceback."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"acuerdos: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
