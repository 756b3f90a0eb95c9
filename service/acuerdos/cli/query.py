"""`acuerdos query NAME|FILE`: a named query (or a .rq file) over the project's files, in process."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from ..errors import UserError
from ..graph import load_store
from ..namespaces import Base
from ..project import Project
from ..queries import NamedQuery, Rows, load_registry, parse_query_file, to_csv, to_sparql_json, to_table
from ..settings import Settings
from ..store import LocalBackend


def parse_params(items: Sequence[str]) -> dict[str, list[str]]:
    """`name=value` command-line items as a parameter mapping (a name given twice has two values)."""
    params: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UserError("expected name=value", where=f"--param {item!r}")
        params.setdefault(name, []).append(value)
    return params


def _is_file(text: str) -> bool:
    return text.endswith(".rq") or "/" in text or Path(text).is_file()


def find_query(text: str, project: Project, base: Base) -> NamedQuery:
    """A query by name from the project's queries/, or a .rq file (its header optional)."""
    if not _is_file(text):
        return load_registry(project.queries).get(text)  # integration: load_registry(project.queries, base)
    path = Path(text)
    if not path.is_file():
        raise UserError("no such query file", where=text)
    return parse_query_file(path, require_header=False, label=text)  # integration: load_query_file(path, base)


def _format(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(to_sparql_json(rows), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(rows).rstrip("\r\n")
    return to_table(rows)  # integration: to_table(rows, base)


def _query(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    project, base = settings.project(), settings.base_iri
    query = find_query(args.query, project, base)
    params = parse_params(args.param or [])
    query.bind(params, lang=args.lang)  # check the parameters before loading the data
    rows = query.run(LocalBackend(load_store(project, base)), params, lang=args.lang)
    print(_format(rows, args.format))
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
