"""Latency and throughput of the service, on the embedded store and on an Oxigraph server.

Starts the service as `acuerdos serve` does (a separate process, access log off), and an Oxigraph
server loaded with `acuerdos load`; then, for each target, keeps 8 connections busy (HTTP/1.1
keep-alive, a small asyncio client, so the client costs little next to the server) for
--seconds and prints the median and p99 latency and the requests per second:

- `/health`, a constant JSON answer of the same app: the framework's floor;
- a plain `/sparql` query (GET);
- each named query in queries/*.rq: through `/queries/{name}` when the app serves that route,
  else its text POSTed to `/sparql`.

Every figure is also given as a ratio to the floor. The client and the server share the
machine's CPUs, so read the figures as relative, not absolute.

    python bench/bench_service.py [--seconds 3] [--connections 8] [--write]

`--write` appends the tables, with the machine and the date, to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVICE = ROOT / "service"
sys.path.insert(0, str(SERVICE))

from acuerdos import process  # noqa: E402
from acuerdos.process import ServerProcess, oxigraph_binary, start_service, stop  # noqa: E402

PLAIN = """PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?decision ?label WHERE {
  ?decision a acu:Agreement ; rdfs:label ?label FILTER(lang(?label) = "en")
} ORDER BY ?decision"""


def start_oxigraph(dist: Path) -> ServerProcess | None:
    binary = oxigraph_binary()
    if binary is None:
        print("oxigraph is not installed (pip install oxigraph): the remote store is not measured")
        return None
    return process.start_oxigraph(binary, dist / "acuerdos.nq", timeout_s=30)


# --- the load generator ---------------------------------------------------------------------------------

@dataclass
class Target:
    name: str
    method: str
    path: str
    body: bytes = b""
    content_type: str = ""
    accept: str = "application/sparql-results+json"

    def request(self, host: str) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"Host: {host}", f"Accept: {self.accept}"]
        if self.method == "POST":
            lines += [f"Content-Type: {self.content_type}", f"Content-Length: {len(self.body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + self.body


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")

    @property
    def p99_ms(self) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))] * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


async def _connection(host: str, port: int, request: bytes, until: float, figures: Figures, record_from: float) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            started = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status = int((await reader.readline()).split()[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            done = time.perf_counter()
            if started >= record_from:
                if status == 200:
                    figures.latencies.append(done - started)
                else:
                    figures.errors[status] = figures.errors.get(status, 0) + 1
    finally:
        writer.close()


async def _load(url: str, target: Target, seconds: float, connections: int, warmup: float) -> Figures:
    parts = urllib.parse.urlsplit(url)
    request = target.request(parts.netloc)
    figures = Figures()
    start = time.perf_counter()
    record_from = start + warmup
    until = record_from + seconds
    await asyncio.gather(*(_connection(parts.hostname, parts.port, request, until, figures, record_from)
                           for _ in range(connections)))
    figures.seconds = time.perf_counter() - record_from
    return figures


def measure(url: str, target: Target, seconds: float, connections: int) -> Figures:
    return asyncio.run(_load(url, target, seconds, connections, warmup=min(1.0, seconds / 3)))


def targets(url: str) -> list[Target]:
    out = [
        Target("/health (floor)", "GET", "/health", accept="application/json"),
        Target("/sparql plain query", "GET", "/sparql?" + urllib.parse.urlencode({"query": PLAIN})),
    ]
    queries_route = False
    try:
        with urllib.request.urlopen(url + "/queries", timeout=5) as response:
            queries_route = response.status == 200
    except Exception:  # noqa: BLE001 — no named-query API in this app: use /sparql
        pass
    for path in sorted((ROOT / "queries").glob("*.rq")):
        if queries_route:
            out.append(Target(f"{path.stem}", "GET", f"/queries/{path.stem}"))
        else:
            out.append(Target(f"{path.stem} (via /sparql)", "POST", "/sparql", path.read_bytes(),
                              "application/sparql-query"))
    return out


def table(store: str, rows: list[tuple[Target, Figures]], connections: int) -> str:
    floor = rows[0][1]
    lines = [f"#### {store}, {connections} connections", "",
             "| target | median ms | p99 ms | req/s | median ÷ floor | req/s ÷ floor | errors |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for target, f in rows:
        errors = ", ".join(f"{n}×{code}" for code, n in sorted(f.errors.items())) or ""
        lines.append(f"| {target.name} | {f.median_ms:.1f} | {f.p99_ms:.1f} | {f.rps:.0f} | "
                     f"{f.median_ms / floor.median_ms:.1f} | {f.rps / floor.rps:.2f} | {errors} |")
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=3.0, help="measured time per target (default 3)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--dist", type=Path, help="built files (default dist/, built if missing)")
    parser.add_argument("--write", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()

    dist = args.dist or ROOT / "dist"
    tmp = None
    if not (dist / "acuerdos.nq").is_file():
        from acuerdos.cli.build import build_release
        from acuerdos.graph.version import read_stamp
        from acuerdos.namespaces import Base
        from acuerdos.project import Project

        tmp = Path(tempfile.mkdtemp(prefix="acuerdos-bench-"))
        dist = tmp / "dist"
        build_release(Project(ROOT), Base(), dist, read_stamp(Project(ROOT)))
    version = json.loads((dist / "manifest.json").read_text())["version"]
    sections = []
    header = (f"### {dt.date.today().isoformat()} — data version {version}\n\n"
              f"Machine: {machine()}. Client and server on the same machine; {args.seconds:g} s per target "
              f"after a warm-up, {args.connections} keep-alive connections.\n")
    print(header)
    oxigraph = start_oxigraph(dist)
    try:
        backends = [("Embedded store (pyoxigraph)", ())]
        if oxigraph:
            backends.append(("Oxigraph server (remote store)", ("--endpoint", oxigraph.url + "/query")))
        for store, extra in backends:
            service = start_service(dist, *extra)
            url = service.url
            try:
                rows = []
                for target in targets(url):
                    figures = measure(url, target, args.seconds, args.connections)
                    rows.append((target, figures))
                    print(f"  {store[:8]} {target.name:40} median {figures.median_ms:7.1f} ms  p99 {figures.p99_ms:7.1f} ms"
                          f"  {figures.rps:7.0f} req/s" + (f"  errors {figures.errors}" if figures.errors else ""),
                          flush=True)
                text = table(store, rows, args.connections)
                sections.append(text)
                print("\n" + text + "\n", flush=True)
            finally:
                stop(service.process)
    finally:
        if oxigraph:
            stop(oxigraph.process)
    if args.write:
        results = ROOT / "bench" / "RESULTS.md"
        with results.open("a", encoding="utf-8") as out:
            out.write("\n" + header + "\n" + "\n\n".join(sections) + "\n")
        print(f"appended to {results}")
    if tmp:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as exc:  # a server that did not start
        raise SystemExit(str(exc)) from None
