"""The remote path at scale: a built release pushed with `acuerdos load` into an Oxigraph server that this
benchmark starts, and every named question answered through it, compared row for row with the embedded store.

    python bench/bench_remote.py --dist /tmp/acuerdos-scale/dist-1m-after [--repeats 3] [--write]

The server is `oxigraph serve` (the binary the test extras install next to this Python) on a free
loopback port, with its store on disk in --work (``--union-default-graph``, as docs/remote-store.md
asks). Loading is timed as a user runs it (`acuerdos load --endpoint …`, a fresh process). Then, in
one process, each named question is asked with its example, in English and Spanish, of the release's
on-disk store (``store.LocalBackend``) and of the server (the service's own ``RemoteEngine``: the
query checked by pyoxigraph, sent over HTTP, the SPARQL JSON answer parsed and formatted as the
embedded store's are); the two answers must be equal row for row, and the medians of both are
printed side by side (wall ms; the embedded store's CPU ms too: the server's work is in another
process). Linux only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "service"))

import pyoxigraph as ox  # noqa: E402

import bench_service  # noqa: E402  (machine())
from acuerdos.namespaces import Base  # noqa: E402
from acuerdos.process import free_port, oxigraph_binary, stop, wait_for_http  # noqa: E402
from acuerdos.queries import load_registry  # noqa: E402
from acuerdos.store import LocalBackend  # noqa: E402
from acuerdos.store.backend import Backend  # noqa: E402
from acuerdos.store.engine import Task, run_task  # noqa: E402
from acuerdos.store.remote import RemoteEngine  # noqa: E402


class RemoteInProcess(Backend):
    """The service's remote engine called in this process (no worker pool): what a worker does per query."""

    kind = "remote"

    def __init__(self, endpoint: str, limit: int = 10_000) -> None:
        self.engine = RemoteEngine(endpoint, timeout=600)
        super().__init__("remote", limit, f"Oxigraph server at {endpoint}")

    def _call(self, task: Task) -> Any:
        return run_task(self.engine, task)


def start_server(work: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """`oxigraph serve` on disk in ``work/oxigraph`` (emptied first), on a free port: (process, root URL)."""
    binary = oxigraph_binary()
    if binary is None:
        raise SystemExit("oxigraph is not installed (make install installs the test extras)")
    location = work / "oxigraph"
    shutil.rmtree(location, ignore_errors=True)
    port = free_port()
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    command += ["--union-default-graph", "--timeout-s", "600"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(url + "/", timeout=60, process=process)
    return process, url


def load(dist: Path, url: str, log: Path) -> float:
    """`acuerdos load` of the release into the server, as a user runs it: seconds."""
    command = [str(ROOT / ".venv/bin/acuerdos"), "load", "--dist", str(dist), "--endpoint", url + "/query"]
    command += ["--timeout", "3600"]
    started = time.perf_counter()
    with open(log, "wb") as out:
        code = subprocess.call(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    if code:
        raise SystemExit(f"acuerdos load failed: see {log}")
    return time.perf_counter() - started


def timed(backend: Backend, query: Any, lang: str) -> tuple[list[dict[str, Any]], float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    rows = [dict(r) for r in query.run(backend, query.example, lang=lang)]
    return rows, time.perf_counter() - wall, time.process_time() - cpu


def compare(dist: Path, url: str, repeats: int) -> dict[str, dict[str, Any]]:
    """Per named question: rows, whether both stores answer alike (both languages), and medians."""
    manifest = json.loads((dist / "manifest.json").read_text())
    registry = load_registry(dist / "queries", Base(manifest["base"]))
    local = LocalBackend(ox.Store.read_only(str(dist / "store")))
    remote = RemoteInProcess(url + "/query")
    out: dict[str, dict[str, Any]] = {}
    for query in registry:
        figures: dict[str, Any] = {"same": True}
        for lang in ("en", "es"):
            here, _, _ = timed(local, query, lang)
            there, _, _ = timed(remote, query, lang)
            if here != there:
                figures["same"] = False
                figures["first_difference"] = next(
                    (i for i, (a, b) in enumerate(zip(here, there, strict=False)) if a != b), min(len(here), len(there))
                )
            figures["rows"] = len(here)
        local_runs = [timed(local, query, "en")[1:] for _ in range(repeats)]
        remote_runs = [timed(remote, query, "en")[1] for _ in range(repeats)]
        figures["local_ms"] = 1000 * statistics.median(w for w, _ in local_runs)
        figures["local_cpu_ms"] = 1000 * statistics.median(c for _, c in local_runs)
        figures["remote_ms"] = 1000 * statistics.median(remote_runs)
        out[query.name] = figures
        print(f"  {query.name}: {figures}", flush=True)
    return out


def report(dist: Path, triples: int, load_s: float, answers: dict[str, dict[str, Any]], loads: list[str]) -> str:
    lines = [
        f"### Remote store at scale ({dt.date.today().isoformat()}; {bench_service.machine()}; "
        f"load average {loads[0]} → {loads[1]})",
        "",
        f"`{dist.name}`, {triples:,} triples: `acuerdos load` into `oxigraph serve --location … "
        f"--union-default-graph` (on disk) in **{load_s:.1f} s**. Each named question with its example; "
        "\"same\": the server's answer equals the embedded store's row for row, in English and Spanish.",
        "",
        "| question | rows | same | embedded ms (CPU ms) | Oxigraph server ms | server ÷ embedded |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, f in answers.items():
        ratio = f["remote_ms"] / f["local_ms"] if f["local_ms"] else 0
        same = "yes" if f["same"] else f"**no** (row {f['first_difference']})"
        lines.append(
            f"| {name} | {f['rows']} | {same} | {f['local_ms']:.1f} ({f['local_cpu_ms']:.1f}) | "
            f"{f['remote_ms']:.1f} | {ratio:.2f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, required=True, help="a built release (with its on-disk store)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/acuerdos-remote"))
    parser.add_argument("--repeats", type=int, default=3, help="runs per question and store (default 3)")
    parser.add_argument("--write", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    dist = args.dist.resolve()
    loads = [f"{os.getloadavg()[0]:.1f}"]
    process, url = start_server(args.work, args.work / "oxigraph.log")
    try:
        load_s = load(dist, url, args.work / "load.log")
        print(f"  loaded in {load_s:.1f} s", flush=True)
        answers = compare(dist, url, args.repeats)
    finally:
        stop(process)
    loads.append(f"{os.getloadavg()[0]:.1f}")
    triples = json.loads((dist / "manifest.json").read_text())["triples"]
    text = report(dist, triples, load_s, answers, loads)
    print(text)
    if args.write:
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as out:
            out.write("\n" + text)
    if not all(f["same"] for f in answers.values()):
        raise SystemExit("the Oxigraph server and the embedded store answer differently (see the table)")


if __name__ == "__main__":
    main()
