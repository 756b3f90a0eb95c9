"""`acuerdos query NAME|FILE`: a named query (or a .rq file) over the project's files, in process."""

from __future__ import annotations

import argparse

from ..graph import load_store
from ..queries import find_query
from ..queries.params import parse_assignments
from ..queries.writers import WRITERS
from ..settings import Settings
from ..store import LocalBackend


def _query(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    project, base = settings.project(), settings.base_iri
    query = find_query(args.query, project.queries, base)
    params = parse_assignments(args.param or [])
    query.bind(params, lang=args.lang)  # check the parameters before loading the data
    rows = query.run(LocalBackend(load_store(project, base)), params, lang=args.lang)
    print(WRITERS[args.format](rows, base))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    query = sub.add_parser("query", help="run a named query (queries/NAME.rq) or a .rq file over the project's graph")
    query.add_argument("query", metavar="NAME|FILE", help="a query name (see queries/README.md) or a .rq file")
    query.add_argument(
        "--param",
        "-p",
        action="append",
        metavar="NAME=VALUE",
        help="a parameter value; repeat for several parameters or values",
    )
    query.add_argument(
        "--format",
        "-f",
        choices=("table", "csv", "json"),
        default="table",
        help="table (default), csv, or json (SPARQL 1.1 JSON results)",
    )
    query.add_argument("--lang", choices=("en", "es"), default="en", help="language of labels (default en)")
    query.set_defaults(func=_query)
