"""How the service runs: address, base IRI, store, limits.

Every setting has a default, can be set by an environment variable `ACUERDOS_*`, and (in
`acuerdos serve`) by a command-line option, which wins over the environment.

| setting | environment | default |
|---|---|---|
| host | `ACUERDOS_HOST` | `127.0.0.1` |
| port | `ACUERDOS_PORT` | `8000` |
| base IRI | `ACUERDOS_BASE` | `https://w3id.org/acuerdos/` |
| the project (checkout) | `ACUERDOS_HOME` | the folder above the current one that holds `ontology/` and `data/` |
| built files (a release) | `ACUERDOS_DIST` | `dist/` of the project |
| a folder of drafts to review at `/drafts` (`acuerdos serve`) | `ACUERDOS_DRAFTS` | none |
| the publisher configuration (`acuerdos build`) | `ACUERDOS_PUBLISHER` | `publishing/publisher.yaml` of the project |
| remote SPARQL endpoint (query URL) | `ACUERDOS_ENDPOINT` | none: the embedded store |
| its Graph Store Protocol URL (`acuerdos load`) | `ACUERDOS_GRAPH_STORE` | derived from the endpoint |
| password for `acuerdos load --user` | `ACUERDOS_PASSWORD` | empty |
| time limit per query, seconds | `ACUERDOS_QUERY_TIMEOUT` | `10` |
| most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned | `ACUERDOS_RESULT_LIMIT` | `10000` |
| largest request body, bytes | `ACUERDOS_MAX_BODY` | `262144` |
| longest request target (path and query string), bytes | `ACUERDOS_MAX_URL` | `8192` |
| query worker processes | `ACUERDOS_WORKERS` | `max(2, CPUs)` (at most 8) embedded, `4` remote |
| memory limit per worker, MiB (0: none) | `ACUERDOS_WORKER_MEMORY_MB` | `2048` |
| queries a client (address) runs at once (8 more wait, then 429) | `ACUERDOS_CLIENT_QUERIES` | workers//2, ≥ 1 |
| requests waiting for a worker, all clients; past that 503 | `ACUERDOS_QUEUE` | `64` |
| workers more, for clients running nothing and no slow query lately | `ACUERDOS_RESERVE_WORKERS` | `1` |
| largest answer, bytes (cut there, like the row limit) | `ACUERDOS_MAX_ANSWER` | `4194304` |
| time a client has to send a request's head, and its body, seconds | `ACUERDOS_READ_TIMEOUT` | `10` |
| log level (`info` logs every request) | `ACUERDOS_LOG_LEVEL` | `info` |
| named-query answers kept by the server, MiB of bodies (0: none) | `ACUERDOS_ANSWER_CACHE_MB` | `64` |
| proxies whose `X-Forwarded-For`, `-Proto` are believed | `ACUERDOS_FORWARDED_ALLOW_IPS` | `127.0.0.1,::1` |

This is the only module that reads the environment: everything else is handed a `Settings`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import UserError
from .namespaces import CANONICAL_BASE, Base
from .project import Project


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    base: str | None = None  # None: the canonical base (build), the release's own (serve)
    home: Path | None = None
    dist: Path | None = None
    publisher: Path | None = None
    drafts: Path | None = None  # the folder of drafts the review pages show (serve --drafts)
    endpoint: str | None = None
    graph_store: str | None = None
    password: str = field(default="", repr=False)
    query_timeout: float = 10.0
    result_limit: int = 10000
    max_body: int = 256 * 1024
    max_url: int = 8192
    workers: int | None = None
    worker_memory_mb: int = 2048
    client_queries: int | None = None
    queue: int = 64
    reserve_workers: int = 1
    max_answer: int = 4 * 1024 * 1024
    read_timeout: float = 10.0
    log_level: str = "info"
    answer_cache_mb: int = 64
    forwarded_allow_ips: str = "127.0.0.1,::1"  # a proxy on this machine; uvicorn reads no environment of its own

    def __post_init__(self) -> None:
        self._normalise()
        self._check()

    def _normalise(self) -> None:
        """Empty strings mean unset; the base ends in a slash; folders are Paths."""
        for name in ("base", "endpoint", "graph_store"):
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)
        if self.base is not None and not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")
        for name in ("home", "dist", "publisher", "drafts"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, Path(getattr(self, name)))

    def _check(self) -> None:
        if self.endpoint and not self.endpoint.startswith(("http://", "https://")):
            raise UserError(f"the SPARQL endpoint must be an http(s) URL, not {self.endpoint!r}", "endpoint")
        for name in ("port", "result_limit", "max_body", "max_url", "queue", "max_answer", "read_timeout"):
            if getattr(self, name) <= 0:
                raise UserError(f"must be a positive number, not {getattr(self, name)!r}", name)
        if self.query_timeout <= 0:
            raise UserError(f"must be a positive number of seconds, not {self.query_timeout!r}", "query_timeout")
        if self.workers is not None and not 1 <= self.workers <= 64:
            raise UserError(f"must be between 1 and 64, not {self.workers!r}", "workers")
        if (self.client_queries is not None and self.client_queries < 1) or not 0 <= self.reserve_workers <= 8:
            raise UserError("client_queries must be at least 1, reserve_workers from 0 to 8", "client_queries")
        if self.worker_memory_mb < 0 or self.answer_cache_mb < 0:
            raise UserError(
                "must be 0 or a number of MiB", "worker_memory_mb" if self.worker_memory_mb < 0 else "answer_cache_mb"
            )

    @property
    def base_iri(self) -> Base:
        """The base asked for, else the canonical one."""
        return Base(self.base or CANONICAL_BASE)

    def project(self, start: Path | None = None) -> Project:
        """The project: the current folder or one above it, else `home`; a UserError if neither holds one."""
        return Project.find(start or Path.cwd(), self.home)

    @property
    def dist_dir(self) -> Path:
        """The release folder: `dist` as set, else `dist/` of the project."""
        return self.dist if self.dist is not None else self.project().dist

    @property
    def remote(self) -> bool:
        return self.endpoint is not None

    @property
    def worker_count(self) -> int:
        """How many query worker processes to run."""
        if self.workers is not None:
            return self.workers
        if self.remote:
            return 4
        return max(2, min(8, os.cpu_count() or 2))

    @property
    def client_query_count(self) -> int:
        """How many queries one client may run at once."""
        return self.client_queries or max(1, self.worker_count // 2)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then `ACUERDOS_*` variables, then the overrides that are not None."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            var = "ACUERDOS_" + f.name.upper()  # every setting has its variable
            raw = env.get(var)
            if raw:
                values[f.name] = _convert(f.name, raw, var)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


_INTS = {"port", "result_limit", "max_body", "max_url", "workers", "worker_memory_mb"}
_INTS |= {"client_queries", "queue", "reserve_workers", "max_answer", "answer_cache_mb"}
_FLOATS = {"query_timeout", "read_timeout"}


def _convert(name: str, raw: str, var: str) -> object:
    try:
        if name in _INTS:
            return int(raw)
        if name in _FLOATS:
            return float(raw)
    except ValueError:
        raise UserError(f"not a number: {raw!r}", var) from None
    return raw  # folders become Paths in __post_init__
