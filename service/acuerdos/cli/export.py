"""`acuerdos export DIR`: the built release as static files an ordinary web server publishes.

Every page and RDF representation, the description, the dumps, sitemap and robots.txt, and the
nginx, Apache and w3id.org configuration (``web.export``, ``web.server_config``); docs/publishing.md
shows the commands.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UserError
from ..settings import Settings
from ..site import Site
from .folders import new_folder


def _export(args: argparse.Namespace) -> int:
    from ..store import open_backend
    from ..web.export import export

    parts = urlsplit(args.url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/"):
        raise UserError(
            f"give the URL of the root of the host that will serve the copy (https://host/), not {args.url!r}",
            where="--url",
        )
    target = new_folder(args.dir)
    settings = Settings.from_env(dist=Path(args.dist) if args.dist else None, workers=2)
    site = Site.open(settings)
    started = time.perf_counter()
    backend = open_backend(settings, site.release, site.version)
    try:
        done = export(site, backend, target, args.url, args.lang)
    finally:
        backend.close()
    print(
        f"exported {done.pages} pages, {done.files} files to {target} ({time.perf_counter() - started:.1f} s); "
        f"web-server configuration in {target / 'server'} and {target / '.htaccess'}"
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser(
        "export",
        help="write the built release as static files (every page and RDF format, the dumps, sitemap) "
        "with nginx, Apache and w3id.org configuration that negotiates as the service does",
    )
    command.add_argument("dir", metavar="DIR", help="the folder to write (new or empty)")
    command.add_argument(
        "--url", required=True, help="where the copy will be served: the root of a host (https://host/)"
    )
    command.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="the language of the pages for a client that asks for none of ours (both languages are written)",
    )
    command.add_argument("--dist", metavar="DIR", help="the release to export (default $ACUERDOS_DIST or dist/)")
    command.set_defaults(func=_export)
