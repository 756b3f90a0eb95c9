"""A static copy of the site that an ordinary web server can publish: ``acuerdos export DIR``.

Every page is asked of the app itself, in this process, exactly as a client would ask the
service: the home page and the site's pages, every resource page the sitemap lists in HTML, in each
language (``P.en.html``, ``P.es.html``, and ``P.html`` in the export's default language), and in
each RDF format (``P.ttl``, ``P.jsonld``, ``P.nt``, ``P.rdf`` for the path ``P``), each
source document's text with its quotes marked, the dataset's description, the page for a path
that is not there (``404.html``), the static files, the sitemap and ``robots.txt`` (at the URL the
copy is published at), and the dumps with their gzip copies and checksums. Beside them,
``server/`` holds the web-server configuration that answers as the service does
(``server_config``).

The web servers pick a page's language as the service does: ``?lang=``, else the ``lang`` cookie
(which ``?lang=`` sets), else Accept-Language, else the export's default language (``--lang``).

What a static copy cannot do: the SPARQL endpoint, the named-query API, the explorers, the tracker,
search and charts need the service (their links answer 404); a link to one quote in a text
(``?q=``) opens the text with every quote marked.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import anyio
from fastapi import FastAPI
from starlette.types import Message

from ..graph.description import DESCRIPTION
from ..queries import LANGS
from ..site import Site
from ..store import Backend
from .app import create_app
from .rdf_out import PAGE_FORMATS
from .rendering import STATIC_DIR
from .server_config import write_configs
from .sitemap import SITE_PAGES, resource_paths

MISSING = "a-path-that-is-not-there"
CONCURRENT = 4  # requests in flight: twice the two workers an export starts, so that neither waits idle


@dataclass
class Exported:
    """What an export wrote: how many pages, how many files in all."""

    pages: int = 0
    files: int = 0


@dataclass(frozen=True)
class _Client:
    """GET requests to an ASGI app in this process, as if they came to ``url``."""

    app: FastAPI
    url: str
    lang: str  # the default language: of the pages asked without one

    async def get(self, path: str, accept: str, lang: str | None = None) -> tuple[int, dict[str, str], bytes]:
        """The answer to GET ``path``, in ``lang`` (``?lang=``) if given."""
        parts = urlsplit(self.url)
        root = parts.path.rstrip("/")
        host = parts.hostname or "localhost"
        port = parts.port or (443 if parts.scheme == "https" else 80)
        headers = [
            (b"host", parts.netloc.encode()),
            (b"accept", accept.encode()),
            (b"accept-language", (lang or self.lang).encode()),
            (b"accept-encoding", b"identity"),
        ]
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": parts.scheme or "https",
            "path": root + path,
            "raw_path": (root + path).encode(),
            "root_path": root,
            "query_string": f"lang={lang}".encode() if lang else b"",
            "headers": headers,
            "server": (host, port),
            "client": ("127.0.0.1", 0),
        }
        status, out_headers, body = 500, {}, bytearray()
        asked, answered = [False], anyio.Event()

        async def receive() -> Message:
            if not asked[0]:  # the request (no body), then nothing until the answer is complete
                asked[0] = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await answered.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            nonlocal status, out_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                out_headers = {k.decode().lower(): v.decode() for k, v in message.get("headers", [])}
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if not message.get("more_body", False):
                    answered.set()

        await self.app(scope, receive, send)
        return status, out_headers, bytes(body)


def _write(target: Path, name: str, body: bytes) -> None:
    path = target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)


async def _resource(client: _Client, target: Path, path: str, done: Exported) -> None:
    """The page of ``path`` in each language and, but for the home page, each RDF format: what answers
    200 is written."""
    page = path or "index"
    asked: list[tuple[str, str, str | None, list[str]]] = [
        (f"/{path}", "text/html", lang, [f"{page}.{lang}.html", *([f"{page}.html"] if lang == client.lang else [])])
        for lang in LANGS
    ]
    asked += [(f"/{path}.{f.extension}", f.media_type, None, [f"{path}.{f.extension}"]) for f in PAGE_FORMATS if path]
    for url, accept, lang, names in asked:
        status, _, body = await client.get(url, accept, lang)
        if status == 200:
            for name in names:
                _write(target, name, body)
                done.files += 1
            done.pages += lang is not None


async def _pages(client: _Client, target: Path, paths: Iterable[str], done: Exported) -> None:
    """Every path, a few at a time: the pages wait on the store's worker processes, which run side by side."""
    limiter = anyio.CapacityLimiter(CONCURRENT)

    async def one(path: str) -> None:
        async with limiter:
            await _resource(client, target, path, done)

    async with anyio.create_task_group() as group:
        for path in paths:
            group.start_soon(one, path)


async def _extras(client: _Client, target: Path, done: Exported) -> None:
    """The site's static files (all of them: pages name them), the sitemap (and its parts, past
    50,000 pages), robots.txt, the 404 page."""
    files = [(f"/static/{p.name}", f"static/{p.name}") for p in sorted(STATIC_DIR.iterdir()) if p.is_file()]
    for path, name in [*files, ("/sitemap.xml", "sitemap.xml"), ("/robots.txt", "robots.txt")]:
        status, _, body = await client.get(path, "*/*")
        if status == 200:
            _write(target, name, body)
            done.files += 1
    part = 1
    while (answer := await client.get(f"/sitemap-{part}.xml", "*/*"))[0] == 200:  # an index's parts, if any
        _write(target, f"sitemap-{part}.xml", answer[2])
        done.files, part = done.files + 1, part + 1
    for lang in LANGS:  # the not-found page, answered with a 404
        _status, _, body = await client.get("/" + MISSING, "text/html", lang)
        names = [f"404.{lang}.html", *(["404.html"] if lang == client.lang else [])]
        for name in names:
            _write(target, name, body)
        done.files += len(names)


def _dumps(site: Site, target: Path, done: Exported) -> None:
    """The release's files (dumps, gzip copies, checksums, manifest) under ``dumps/``, as the service serves them."""
    folder = target / "dumps"
    folder.mkdir(parents=True, exist_ok=True)
    for name in [*map(str, site.manifest.get("files", [])), site.release.manifest.name]:
        source = site.release.folder / name
        if source.is_file() and name != DESCRIPTION:  # the description is /dataset.ttl
            shutil.copy2(source, folder / name)
            done.files += 1


def export(site: Site, backend: Backend, target: Path, url: str, lang: str = "en") -> Exported:
    """Write the static copy of ``site`` into ``target`` (new, or an empty folder), to be published
    at ``url``. It is written beside ``target`` and renamed into place when whole: an export stopped
    half-way leaves no half copy where a web server may already look."""
    target = target.resolve()
    aside = target.with_name(f".{target.name}.partial-{os.getpid()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    aside.mkdir()  # as any new folder (a web server's user must read it), unlike a private temporary one
    try:
        done = _write_all(site, backend, aside, target, url if url.endswith("/") else url + "/", lang)
        if target.exists():
            target.rmdir()  # empty, as the command line checked
        aside.rename(target)
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise
    return done


def _write_all(site: Site, backend: Backend, folder: Path, target: Path, url: str, lang: str) -> Exported:
    """Everything into ``folder``, the configuration naming ``target``, where it will be."""
    client = _Client(create_app(site, backend), url, lang)
    done = Exported()
    resources = resource_paths(backend, site.base)
    texts = [f"{path}/text" for path in resources if path.startswith("document/") and path.count("/") == 1]
    paths = [*SITE_PAGES, *resources, *texts]  # a document's text with its quotes marked: each quote links there

    async def run() -> None:
        await _pages(client, folder, dict.fromkeys(paths), done)
        await _extras(client, folder, done)

    anyio.run(run)
    _dumps(site, folder, done)
    done.files += write_configs(folder, target, url, lang)
    return done
