"""How long each chart takes: its first render (queries, Vega-Lite to SVG or PNG) and later, from the
cache of rendered charts (per data version).

Each round starts the service afresh (`acuerdos serve` over dist/, as `make run` does), asks for
every chart once (its first render: the first chart of a round also pays for starting the
Vega engine) and then --requests times more (served from the cache). The table gives, per chart,
the median over the rounds of the first render and the median of the cached answers, in ms.

    python bench/bench_charts.py [--rounds 3] [--requests 20] [--write]

`--write` appends the table, with the machine and the date, to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

from acuerdos.process import start_service, stop  # noqa: E402

# every chart page and file, as a researcher asks for them
CHARTS = [
    *(
        f"/charts/coverage/{scheme}?by={by}"
        for scheme in ("gcm-objectives", "gcm-principles", "regional-themes")
        for by in ("all", "conference", "year")
    ),
    "/charts/coverage/gcm-objectives.svg",
    "/charts/coverage/gcm-objectives.png",
    "/charts/coverage/gcm-objectives.csv",
    "/charts/coverage/gcm-objectives?lang=es",
    "/charts/timeline",
    "/charts/timeline?year=2017",
    "/charts/co-occurrence/regional-themes",
    "/charts/follow-up/decision/2017-03-30-washington/agreement-1.svg",
    "/decision/2017-03-30-washington/agreement-1",
    "/theme/gcm-objective/10",
    "/tracker/state/MX",
    "/tracker/state/MX.ics",
]


def timed(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="fresh services, each rendering every chart once")
    parser.add_argument("--requests", type=int, default=20, help="cached requests per chart and round")
    parser.add_argument("--write", action="store_true", help="append the table to bench/RESULTS.md")
    args = parser.parse_args()
    first: dict[str, list[float]] = {c: [] for c in CHARTS}
    cached: dict[str, list[float]] = {c: [] for c in CHARTS}
    for _ in range(args.rounds):
        service = start_service(ROOT / "dist")
        try:
            for chart in CHARTS:
                first[chart].append(timed(service.url + chart))
                cached[chart] += [timed(service.url + chart) for _ in range(args.requests)]
        finally:
            stop(service.process)
    lines = ["| chart | first render, ms (median of rounds) | cached, ms (median) |", "|---|---:|---:|"]
    lines += [f"| `{c}` | {statistics.median(first[c]):.0f} | {statistics.median(cached[c]):.1f} |" for c in CHARTS]
    table = "\n".join(lines)
    print(table)
    if args.write:
        when = f"{dt.date.today().isoformat()} — {platform.machine()}"
        head = f"\n### {when}, {args.rounds} rounds, {args.requests} cached requests\n\n"
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write(head + table + "\n")


if __name__ == "__main__":
    main()
