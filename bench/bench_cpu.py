"""CPU each named-query answer costs the service: its server process and its query workers.

On a shared machine a clock measures the neighbours as much as the code; the CPU time a process
spent (read from /proc before and after a run of sequential requests) does not. With
`--against DIR` the same is measured side by side for another checkout (its own `.venv` and
`dist/`, e.g. a `git worktree` of an earlier commit), and the ratio printed:

    python bench/bench_cpu.py [--requests 200] [--against ../before]

Linux only (/proc). Both services run with 2 query workers on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

from acuerdos.process import ServerProcess, free_port, stop, wait_for_http  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def start(checkout: Path) -> ServerProcess:
    """`acuerdos serve` of a checkout, with that checkout's own interpreter and release."""
    port = free_port()
    command = [str(checkout / ".venv" / "bin" / "acuerdos"), "serve", "--dist", str(checkout / "dist")]
    command += ["--port", str(port), "--workers", "2", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=checkout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(url + "/health", process=process)
    return ServerProcess(url, process)


def cpu_seconds(pid: int) -> float:
    """User and system time of a process and of its children (the query workers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / TICK
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return own + sum(cpu_seconds(int(child)) for child in children)


def per_answer(service: ServerProcess, name: str, requests: int) -> float:
    """Milliseconds of CPU per answer of `/queries/{name}`, after a warm-up."""
    with httpx.Client(base_url=service.url, timeout=60) as client:
        for _ in range(5):
            client.get(f"/queries/{name}").raise_for_status()
        before = cpu_seconds(service.process.pid)
        for _ in range(requests):
            client.get(f"/queries/{name}")
        return 1000 * (cpu_seconds(service.process.pid) - before) / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per query (default 200)")
    parser.add_argument("--against", type=Path, help="another checkout to measure side by side")
    args = parser.parse_args()
    names = sorted(path.stem for path in (ROOT / "queries").glob("*.rq"))
    sides = {"this": start(ROOT)}
    if args.against:
        sides["against"] = start(args.against.resolve())
    try:
        heads = [f"CPU ms, {side}" for side in sides] + (["ratio"] if args.against else [])
        print("| named query | " + " | ".join(heads) + " |")
        print("|---|" + "---:|" * len(heads))
        ratios = []
        for name in names:
            figures = {side: per_answer(service, name, args.requests) for side, service in sides.items()}
            cells = " | ".join(f"{figures[side]:.1f}" for side in sides)
            if args.against:
                ratios.append(figures["this"] / figures["against"])
                cells += f" | {ratios[-1]:.2f}"
            print(f"| {name} | {cells} |", flush=True)
        if ratios:
            print(f"\nmedian ratio this ÷ against: {statistics.median(ratios):.2f}")
    finally:
        for service in sides.values():
            stop(service.process)


if __name__ == "__main__":
    main()
