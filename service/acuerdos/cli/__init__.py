"""The `acuerdos` command line: build and release the graph, check it, ask it questions, serve it.

Commands that read the files find the project the way git finds a repository: the current folder
or the nearest one above it holding ``ontology/`` and ``data/``, else ``$ACUERDOS_HOME``.
``serve --dist DIR`` and ``load --dist DIR`` need only a built release.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from ..errors import UserError
from . import accept, build, check, draft, export, generate, query, serve


def parser() -> argparse.ArgumentParser:
    """The argument parser; each command module adds its commands, each setting `func`."""
    top = argparse.ArgumentParser(
        prog="acuerdos", description="Build and release the graph, check it, ask it, serve it."
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (accept, build, check, draft, export, generate, query, serve):
        module.add_commands(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user's mistake prints one line and exits 2, never a traceback."""
    args = parser().parse_args(argv)
    # rdflib logs every odd IRI it meets while parsing a broken file: the one line below says it all.
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"acuerdos: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a folder that cannot be written, a file that cannot be copied: said, not traced
        print(f"acuerdos: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
