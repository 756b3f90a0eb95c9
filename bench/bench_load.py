"""The service under a crowd, and whether one client can starve the others: before and after.

Starts `acuerdos serve` (2 query workers, the embedded store) of this checkout and, with `--against
DIR`, of another one (its own `.venv` and `dist/`, e.g. `git worktree add ../before 58d61e9`, then
`make install build` there), one at a time, and measures each:

- **crowd**: 64, 256 and 512 connections, each from its own loopback address (a crowd of clients,
  as the service tells clients apart by address), each sending a plain SELECT to `/sparql` in a
  loop for `--seconds`; a refused request (429, 503) is retried after its Retry-After (at most
  2 s). Printed: answers per second, p50 and p99 of the answers (200) and of every reply, the
  share refused and of those the share that carried Retry-After, and the share lost (no reply
  within 60 s, or the connection dropped);
- **fairness**: two clients keep 2 × workers runaway queries going (a cross product, stopped by
  the time limit) while a third sends, one after another, an ASK, a named query, an HTML page
  and `/health`: their p50, p99 and refusals;
- **memory**: the server's resident memory before, while 10 clients that never read hold the
  largest answer allowed, and 3 s after they close.

    python bench/bench_load.py [--seconds 15] [--against ../before] [--write]

Linux only (/proc, loopback addresses beyond 127.0.0.1). `--write` appends the tables to
bench/RESULTS.md. The client shares the machine's 2 CPUs with the server: read the figures as
relative (before against after, one level against another), not as the service's capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

from acuerdos.process import ServerProcess, free_port, stop, wait_for_http  # noqa: E402

PLAIN = (
    "PREFIX acu: <https://w3id.org/acuerdos/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    'SELECT ?decision ?label WHERE { ?decision a acu:Agreement ; rdfs:label ?label FILTER(lang(?label) = "en") } '
    "ORDER BY ?decision"
)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BIG = 'SELECT ?x WHERE { ?s ?p ?o . BIND(REPLACE(STR(?o), "(.)", "' + "$1" * 20 + '") AS ?x) }'
LEVELS = (64, 256, 512)
TIMEOUT = 60.0


def start(checkout: Path) -> ServerProcess:
    """`acuerdos serve` of a checkout (its own interpreter and release), 2 workers, no ACUERDOS_* settings."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACUERDOS_") and k != "PYTHONPATH"}
    command = [str(checkout / ".venv" / "bin" / "acuerdos"), "serve", "--dist", str(checkout / "dist")]
    command += ["--port", str(port), "--workers", "2", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(url + "/health", timeout=120, process=process)
    return ServerProcess(url, process)


def address(i: int) -> str:
    """The i-th client's own loopback address (127.0.1.1, 127.0.1.2, …)."""
    return f"127.0.{1 + i // 250}.{1 + i % 250}"


# --- the crowd -------------------------------------------------------------------------------------


@dataclass
class Crowd:
    answered: list[float] = field(default_factory=list)  # seconds, 200s
    replies: list[float] = field(default_factory=list)  # seconds, every status
    refused: int = 0
    with_retry_after: int = 0
    lost: int = 0
    seconds: float = 0.0

    def line(self, connections: int) -> str:
        sent = len(self.replies) + self.lost
        share = (lambda n: f"{100 * n / sent:.0f} %") if sent else (lambda n: "–")
        retry = f"{100 * self.with_retry_after / self.refused:.0f} %" if self.refused else "–"
        return (
            f"| {connections} | {len(self.answered) / self.seconds:.0f} | {_ms(self.answered, 0.5)} | "
            f"{_ms(self.answered, 0.99)} | {_ms(self.replies, 0.99)} | {share(self.refused)} | {retry} | "
            f"{share(self.lost)} |"
        )


def _ms(values: list[float], q: float) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    value = ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> tuple[int, str]:
    writer.write(request)
    await writer.drain()
    head = await reader.readline()
    if not head:
        raise ConnectionError("closed")
    status = int(head.split()[1])
    length, retry = 0, ""
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "retry-after":
            retry = value.strip()
    await reader.readexactly(length)
    return status, retry


async def _client(host: str, port: int, local: str, request: bytes, until: float, crowd: Crowd) -> None:
    connection = None
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection(host, port, local_addr=(local, 0)), TIMEOUT)
            status, retry = await asyncio.wait_for(_exchange(*connection, request), TIMEOUT)
        except (OSError, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError):
            crowd.lost += 1
            if connection is not None:
                connection[1].close()
            connection = None
            continue
        took = time.perf_counter() - started
        crowd.replies.append(took)
        if status == 200:
            crowd.answered.append(took)
        elif status in (429, 503):
            crowd.refused += 1
            crowd.with_retry_after += bool(retry)
            await asyncio.sleep(min(2.0, float(retry)) if retry.isdigit() else 0.5)
    if connection is not None:
        connection[1].close()


async def _crowd(url: str, n: int, seconds: float) -> Crowd:
    parts = urllib.parse.urlsplit(url)
    request = (
        f"GET /sparql?{urllib.parse.urlencode({'query': PLAIN})} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
        "Accept: application/sparql-results+json\r\n\r\n"
    ).encode()
    crowd = Crowd()
    started = time.perf_counter()
    until = started + seconds
    await asyncio.gather(
        *(_client(parts.hostname or "", parts.port or 80, address(i), request, until, crowd) for i in range(n))
    )
    crowd.seconds = time.perf_counter() - started
    return crowd


# --- fairness ----------------------------------------------------------------------------------------


def fairness(url: str, seconds: float) -> dict[str, tuple[list[float], int]]:
    until = time.monotonic() + seconds

    def hammer(local: str) -> None:
        with httpx.Client(transport=httpx.HTTPTransport(local_address=local), timeout=TIMEOUT) as client:
            while time.monotonic() < until:
                try:
                    answer = client.get(url + "/sparql", params={"query": RUNAWAY})
                except httpx.HTTPError:
                    continue
                if answer.status_code in (429, 503):
                    time.sleep(0.2)

    heavy = [threading.Thread(target=hammer, args=(f"127.0.2.{1 + i % 2}",)) for i in range(4)]
    for thread in heavy:
        thread.start()
    time.sleep(1.0)
    probes = {
        "ASK": ("/sparql", {"query": "ASK { ?s a ?class }"}),
        "named query": ("/queries/themes", {}),
        "HTML page": ("/queries/meetings", {"format": "html"}),
        "/health": ("/health", {}),
    }
    figures: dict[str, tuple[list[float], int]] = {name: ([], 0) for name in probes}
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.3.1"), timeout=TIMEOUT) as client:
        while time.monotonic() < until:
            for name, (path, params) in probes.items():
                started = time.perf_counter()
                try:
                    status = client.get(url + path, params=params).status_code
                except httpx.HTTPError:
                    status = 0
                times, refused = figures[name]
                times.append(time.perf_counter() - started)
                figures[name] = (times, refused + (status != 200))
    for thread in heavy:
        thread.join()
    return figures


# --- memory ------------------------------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory(service: ServerProcess) -> tuple[float, float, float]:
    parts = urllib.parse.urlsplit(service.url)
    target = "/sparql?" + urllib.parse.urlencode({"query": BIG})
    for _ in range(2):
        httpx.get(service.url + target, timeout=TIMEOUT)
    pid = service.process.pid
    before = rss_mb(pid)
    clients = []
    for _ in range(10):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect((parts.hostname, parts.port))
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        clients.append(sock)
    time.sleep(15)  # every answer computed (2 workers, about 2 s each) and stuck in its connection
    held = rss_mb(pid)
    for sock in clients:
        sock.close()
    time.sleep(3)
    return before, held, rss_mb(pid)


# --- the report ----------------------------------------------------------------------------------------


def measure(checkout: Path, seconds: float) -> dict:
    service = start(checkout)
    try:
        crowds = {}
        for connections in LEVELS:
            crowds[connections] = asyncio.run(_crowd(service.url, connections, seconds))
            print(f"  {checkout.name}: {connections} connections: {crowds[connections].line(connections)}", flush=True)
            time.sleep(3)  # let the queue drain
        fair = fairness(service.url, max(seconds, 15.0))
        print(f"  {checkout.name}: fairness done", flush=True)
        mem = memory(service)
        print(f"  {checkout.name}: memory {mem}", flush=True)
    finally:
        stop(service.process)
    return {"crowd": crowds, "fairness": fair, "memory": mem}


def report(results: dict[str, dict], seconds: float) -> str:
    out = []
    for name, figures in results.items():
        out += [
            f"**{name}** — crowd, {seconds:g} s per level:",
            "",
            "| connections | answers/s | p50 (200) | p99 (200) | p99 (all) | refused | with Retry-After | lost |",
            "|---|---|---|---|---|---|---|---|",
            *(crowd.line(n) for n, crowd in figures["crowd"].items()),
            "",
            "fairness — a third client's requests while two clients keep 4 runaway queries going:",
            "",
            "| request | count | p50 | p99 | refused |",
            "|---|---|---|---|---|",
        ]
        for probe, (times, refused) in figures["fairness"].items():
            out.append(f"| {probe} | {len(times)} | {_ms(times, 0.5)} | {_ms(times, 0.99)} | {refused} |")
        before, held, after = figures["memory"]
        out += [
            "",
            f"memory — server RSS {before:.0f} MB; with 10 clients not reading the largest answer {held:.0f} MB "
            f"(+{held - before:.0f} MB); 3 s after they close {after:.0f} MB.",
            "",
        ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=15.0, help="per level of connections (default 15)")
    parser.add_argument("--against", type=Path, help="another checkout (its .venv and dist/), measured first")
    parser.add_argument("--write", action="store_true", help="append the tables to bench/RESULTS.md")
    args = parser.parse_args()
    results = {}
    if args.against is not None:
        head = subprocess.run(["git", "-C", str(args.against), "rev-parse", "--short", "HEAD"], capture_output=True)
        results[f"before ({head.stdout.decode().strip() or args.against.name})"] = measure(args.against, args.seconds)
    here = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True)
    results[f"after ({here.stdout.decode().strip() or 'this checkout'})"] = measure(ROOT, args.seconds)
    text = report(results, args.seconds)
    print(text)
    if args.write:
        load = os.getloadavg()[0]
        title = f"### {dt.date.today().isoformat()} — load: before and after the hardening (load average {load:.1f})"
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as f:
            f.write(f"\n{title}\n\n{text}\n")


if __name__ == "__main__":
    main()
