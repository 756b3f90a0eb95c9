"""Page times of the explorers with 0, 1 and 3 facets chosen (target: each median < 150 ms).

Starts the service as `acuerdos serve` does over the built release, asks each page once to warm
up (the first request reads the decisions and their facets from the graph, once per data
version), then `--requests` times one after the other, and prints the median and the 90th
percentile of the wall-clock time of a whole answer (request sent to last byte read), with the
number of decisions each view lists:

    python bench/bench_pages.py [--requests 30] [--dist dist] [--write]

`--write` appends the table, with the machine and the date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

from acuerdos.process import start_service, stop  # noqa: E402

TARGET_MS = 150
PAGES = [
    ("explorer, no facet", "/explore/decisions"),
    ("explorer, 1 facet", "/explore/decisions?conference=conference/csm"),
    (
        "explorer, 3 facets",
        "/explore/decisions?conference=conference/csm&year=2017&theme=theme/gcm-objective/23",
    ),
    (
        "explorer, 3 facets, text, sorted",
        "/explore/decisions?actor=state/MX&role=must-act&status=none&q=migr&sort=-due",
    ),
    ("meetings, no facet", "/explore/meetings"),
    ("meetings, 3 facets", "/explore/meetings?conference=conference/csm&recorded=mentioned&year=2017"),
    (
        "explorer CSV, 3 facets",
        "/explore/decisions.csv?conference=conference/csm&year=2017&theme=theme/gcm-objective/23",
    ),
    (
        "explorer XLSX, 3 facets",
        "/explore/decisions.xlsx?conference=conference/csm&year=2017&theme=theme/gcm-objective/23",
    ),
]


def measure(client: httpx.Client, path: str, requests: int) -> tuple[float, float, str]:
    warm = client.get(path)
    warm.raise_for_status()
    found = re.search(r'id="h-results">([^<]+)<', warm.text) if "html" in warm.headers["content-type"] else None
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(path).raise_for_status()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], found.group(1) if found else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="the built release (`acuerdos build`)")
    parser.add_argument("--write", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    service = start_service(args.dist, "--workers", "2")
    try:
        with httpx.Client(base_url=service.url, timeout=60) as client:
            rows = [(name, path, *measure(client, path, args.requests)) for name, path in PAGES]
    finally:
        stop(service.process)
    lines = [
        f"| page | median ms | p90 ms | under {TARGET_MS} ms | shows |",
        "|---|---:|---:|:-:|---|",
    ]
    for name, _path, median, p90, shows in rows:
        lines.append(f"| {name} | {median:.1f} | {p90:.1f} | {'yes' if median < TARGET_MS else 'NO'} | {shows} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        machine = platform.processor() or platform.machine()
        header = f"## Explorer page times ({dt.date.today()}, {platform.node()}, {machine})"
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        note = f"{args.requests} sequential requests per page after one to warm up"
        note += f"; load average {load} on {os.cpu_count()} CPUs (a shared machine)."
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write(f"\n{header}\n\n{note}\n\n{table}\n")


if __name__ == "__main__":
    main()
