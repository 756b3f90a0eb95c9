"""`acuerdos serve` and `acuerdos load`: the service, and pushing a release to a SPARQL server.

Both need only a built release (``--dist DIR``); without it they use the project's ``dist/``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..errors import UserError
from ..graph.version import content_hash, read_stamp
from ..project import Release
from ..settings import Settings
from ..site import Site


def _serve(args: argparse.Namespace) -> int:
    """Serve the SPARQL endpoint (and the app's other routes) from the embedded store or a remote one."""
    from ..web.app import serve

    settings = Settings.from_env(
        host=args.host,
        port=args.port,
        base=args.base,
        endpoint=args.endpoint,
        dist=Path(args.dist) if args.dist else None,
        drafts=Path(args.drafts) if args.drafts else None,
        query_timeout=args.timeout,
        result_limit=args.limit,
        workers=args.workers,
        log_level=args.log_level,
    )
    site = Site.open(settings)
    warning = _stale(site)
    if warning:
        print(f"acuerdos: warning: {warning}", file=sys.stderr, flush=True)
    where = f"the SPARQL server at {settings.endpoint}" if settings.remote else f"{site.release.folder}"
    print(f"acuerdos: serving {where} on http://{settings.host}:{settings.port}/ (SPARQL endpoint /sparql)", flush=True)
    serve(site)
    return 0


def _stale(site: Site) -> str | None:
    """Why the project's own dist/ is older than its files, if it is (a release elsewhere is what it is)."""
    if site.settings.dist is not None:
        return None
    project = site.settings.project()
    current = content_hash(project, site.base, read_stamp(project))
    if current == site.version:
        return None
    return (
        f"{site.release.folder} (version {site.version}) is older than the project's files (version {current}): "
        "run `acuerdos build`"
    )


def _load(args: argparse.Namespace) -> int:
    """Push the built graph to a SPARQL server with the Graph Store Protocol, one named graph at a time."""
    from ..store.graph_store import graph_store_url, load_graphs

    settings = Settings.from_env(
        endpoint=args.endpoint, graph_store=args.graph_store, dist=Path(args.dist) if args.dist else None
    )
    if not settings.endpoint and not settings.graph_store:
        raise UserError("give the SPARQL server with --endpoint URL (or ACUERDOS_ENDPOINT)", "load")
    target = graph_store_url(settings.endpoint or "", settings.graph_store)
    auth = (args.user, settings.password) if args.user else None
    started = time.perf_counter()
    sent = load_graphs(
        Release(settings.dist_dir).nquads, target, timeout=args.timeout, replace=not args.append, auth=auth
    )
    took = time.perf_counter() - started
    total = sum(size for _, size in sent)
    print(f"loaded {len(sent)} graphs ({total / 1024:.0f} KiB of N-Triples) into {target} in {took:.1f} s")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="serve the SPARQL endpoint and the linked data on http://127.0.0.1:8000")
    serve.add_argument("--host", help="address to listen on (default $ACUERDOS_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default $ACUERDOS_PORT or 8000)")
    serve.add_argument("--base", help="base IRI the release was built for (default: the release's own)")
    serve.add_argument(
        "--endpoint",
        metavar="URL",
        help="answer from this SPARQL 1.1 query endpoint instead of the embedded store ($ACUERDOS_ENDPOINT)",
    )
    serve.add_argument(
        "--dist",
        metavar="DIR",
        help="the release to serve (default $ACUERDOS_DIST or dist/ of the project); needs no checkout",
    )
    serve.add_argument(
        "--drafts",
        metavar="DIR",
        help="also show the review pages of the drafts in this folder (/drafts), e.g. drafts/ ($ACUERDOS_DRAFTS)",
    )
    serve.add_argument(
        "--timeout", type=float, metavar="SECONDS", help="time limit per query (default $ACUERDOS_QUERY_TIMEOUT or 10)"
    )
    serve.add_argument(
        "--limit", type=int, metavar="N", help="most results per query (default $ACUERDOS_RESULT_LIMIT or 10000)"
    )
    serve.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="query worker processes (default $ACUERDOS_WORKERS or one per CPU, at least 2)",
    )
    serve.add_argument("--log-level", choices=("debug", "info", "warning", "error"), help="default info")
    serve.set_defaults(func=_serve)

    load = sub.add_parser(
        "load", help="push the built graph to a SPARQL server (Graph Store Protocol, named graphs kept)"
    )
    load.add_argument(
        "--endpoint",
        metavar="URL",
        help="the server's SPARQL query URL ($ACUERDOS_ENDPOINT); "
        "its Graph Store URL is derived for Oxigraph (…/query → …/store)",
    )
    load.add_argument(
        "--graph-store",
        metavar="URL",
        help="the server's Graph Store Protocol URL, when it cannot be derived "
        "($ACUERDOS_GRAPH_STORE; Fuseki …/DATASET/data, GraphDB …/repositories/REPO/rdf-graphs/service)",
    )
    load.add_argument(
        "--dist", metavar="DIR", help="the release to push (default $ACUERDOS_DIST or dist/ of the project)"
    )
    load.add_argument("--append", action="store_true", help="add to each graph (POST) instead of replacing it (PUT)")
    load.add_argument("--user", help="user for HTTP basic authentication (password in $ACUERDOS_PASSWORD)")
    load.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="per request (default 120)")
    load.set_defaults(func=_load)
