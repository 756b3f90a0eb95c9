"""The `acuerdos` command line: build, validate, stats (and the service commands)."""
from __future__ import annotations

import argparse
import logging
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
    from .validation import validate_checkout

    started = time.perf_counter()
    outcome = validate_checkout(Paths())
    took = time.perf_counter() - started
    print(outcome.report())
    print(f"validated in {took:.2f} s")
    return 0 if outcome.conforms else 1


def _cmd_stats(args: argparse.Namespace) -> int:
    from .graph import load_store
    from .stats import compute

    for line in compute(load_store(Paths())).lines():
        print(line)
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from .graph import load_store
    from .queries import find_query
    from .queries.params import parse_assignments
    from .queries.writers import WRITERS
    from .settings import Settings
    from .store import LocalBackend

    settings = Settings.from_env()
    project, base = settings.project(), settings.base_iri
    query = find_query(args.query, project.queries, base)
    params = parse_assignments(args.param or [])
    query.bind(params, lang=args.lang)  # check the parameters before loading the data
    rows = query.run(LocalBackend(load_store(Paths(project.root), base.iri)), params, lang=args.lang)
    print(WRITERS[args.format](rows, base))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    """Serve the SPARQL endpoint (and the app's other routes) from the embedded store or a remote one."""
    from pathlib import Path

    from .settings import Settings
    from .web.app import serve

    settings = Settings.from_env(
        host=args.host, port=args.port, base=args.base, endpoint=args.endpoint,
        dist=Path(args.dist) if args.dist else None, query_timeout=args.timeout, result_limit=args.limit,
        workers=args.workers, log_level=args.log_level,
    )
    where = f"the SPARQL server at {settings.endpoint}" if settings.remote else f"{settings.dist_dir}"
    print(f"acuerdos: serving {where} on http://{settings.host}:{settings.port}/ (SPARQL endpoint /sparql)", flush=True)
    serve(settings)
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    """Push the built graph to a SPARQL server with the Graph Store Protocol, one named graph at a time."""
    import os
    from pathlib import Path

    from .settings import Settings
    from .store.remote import graph_store_url, load_graphs

    settings = Settings.from_env(endpoint=args.endpoint, dist=Path(args.dist) if args.dist else None)
    if not settings.endpoint and not args.graph_store:
        raise UserError("give the SPARQL server with --endpoint URL (or ACUERDOS_ENDPOINT)", "load")
    target = graph_store_url(settings.endpoint or "", args.graph_store or os.environ.get("ACUERDOS_GRAPH_STORE"))
    auth = None
    if args.user:
        auth = (args.user, os.environ.get("ACUERDOS_PASSWORD", ""))
    started = time.perf_counter()
    sent = load_graphs(settings.dist_dir / "acuerdos.nq", target, timeout=args.timeout, replace=not args.append, auth=auth)
    took = time.perf_counter() - started
    total = sum(size for _, size in sent)
    print(f"loaded {len(sent)} graphs ({total / 1024:.0f} KiB of N-Triples) into {target} in {took:.1f} s")
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
    query = sub.add_parser("query", help="run a named query (queries/NAME.rq) or a .rq file over the dataset")
    query.add_argument("query", metavar="NAME|FILE", help="a query name (see queries/README.md) or a .rq file")
    query.add_argument("--param", "-p", action="append", metavar="NAME=VALUE",
                       help="a parameter value; repeat for several parameters or values")
    query.add_argument("--format", "-f", choices=("table", "csv", "json"), default="table",
                       help="table (default), csv, or json (SPARQL 1.1 JSON results)")
    query.add_argument("--lang", choices=("en", "es"), default="en", help="language of labels (default en)")
    query.set_defaults(func=_cmd_query)
    serve = sub.add_parser("serve", help="serve the SPARQL endpoint and the linked data on http://127.0.0.1:8000")
    serve.add_argument("--host", help="address to listen on (default $ACUERDOS_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default $ACUERDOS_PORT or 8000)")
    serve.add_argument("--base", help="base IRI (default $ACUERDOS_BASE or https://w3id.org/acuerdos/)")
    serve.add_argument("--endpoint", metavar="URL",
                       help="answer from this SPARQL 1.1 query endpoint instead of the embedded store ($ACUERDOS_ENDPOINT)")
    serve.add_argument("--dist", metavar="DIR", help="the built files to serve (default $ACUERDOS_DIST or dist/)")
    serve.add_argument("--timeout", type=float, metavar="SECONDS", help="time limit per query (default $ACUERDOS_QUERY_TIMEOUT or 10)")
    serve.add_argument("--limit", type=int, metavar="N", help="most results per query (default $ACUERDOS_RESULT_LIMIT or 10000)")
    serve.add_argument("--workers", type=int, metavar="N", help="query worker processes (default $ACUERDOS_WORKERS or one per CPU, at least 2)")
    serve.add_argument("--log-level", choices=("debug", "info", "warning", "error"), help="default info")
    serve.set_defaults(func=_cmd_serve)

    load = sub.add_parser("load", help="push the built graph to a SPARQL server (Graph Store Protocol, named graphs kept)")
    load.add_argument("--endpoint", metavar="URL", help="the server's SPARQL query URL ($ACUERDOS_ENDPOINT); "
                      "its Graph Store URL is derived for Oxigraph (…/query → …/store)")
    load.add_argument("--graph-store", metavar="URL", help="the server's Graph Store Protocol URL, when it cannot be derived "
                      "($ACUERDOS_GRAPH_STORE; Fuseki …/DATASET/data, GraphDB …/repositories/REPO/rdf-graphs/service)")
    load.add_argument("--dist", metavar="DIR", help="the built files (default $ACUERDOS_DIST or dist/)")
    load.add_argument("--append", action="store_true", help="add to each graph (POST) instead of replacing it (PUT)")
    load.add_argument("--user", help="user for HTTP basic authentication (password in $ACUERDOS_PASSWORD)")
    load.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="per request (default 120)")
    load.set_defaults(func=_cmd_load)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user's mistake prints one line and exits 2, never a traceback."""
    args = parser().parse_args(argv)
    # rdflib logs every odd IRI it meets while parsing a broken file: the one line below says it all.
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    try:
        return args.func(args)
    except UserError as exc:
        print(f"acuerdos: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
