"""Each named question's CPU time in process, over built releases of several sizes, for several
versions of the queries side by side in one run (the same store, the same process):

    python bench/bench_questions.py --dist 13k=dist --dist 1m=/tmp/w/dist-1m \\
        --queries before=/tmp/w/before/queries --queries after=queries [--repeats 3] [--only meetings,actors]

A release built by this checkout holds every derived link the old queries use, so the queries of
an earlier commit (`git archive COMMIT queries | tar -x -C DIR`) can be timed over it beside the
current ones. Each question runs with its example, for the whole answer and for the first page of
100 rows as the service asks for it (`web.query_api.run_page`); the median CPU milliseconds (this
process's user and system time, which the neighbours on a shared machine do not inflate as they do
the clock), whole / first page, and the rows are printed as a Markdown table, with the ratio of the
largest size to the smallest (whole answers) for the last version given. `--only NAME[,NAME]` times
those questions alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

import pyoxigraph as ox  # noqa: E402

from acuerdos.namespaces import CANONICAL_BASE, Base  # noqa: E402
from acuerdos.queries import load_registry  # noqa: E402
from acuerdos.store import LocalBackend  # noqa: E402
from acuerdos.web.query_api import run_page  # noqa: E402

GIVE_UP_S = 5.0  # a question slower than this once is not repeated


def pairs(values: list[str], what: str) -> dict[str, Path]:
    out = {}
    for value in values:
        label, sep, path = value.partition("=")
        if not sep:
            raise SystemExit(f"--{what} {value!r}: write LABEL=PATH")
        out[label] = Path(path)
    return out


def cpu_ms(run: Callable[[], object], repeats: int) -> float:
    """The median CPU milliseconds of ``run`` (once only when it takes over GIVE_UP_S)."""
    cpus: list[float] = []
    for _ in range(repeats):
        started = time.process_time()
        run()
        cpus.append(time.process_time() - started)
        if cpus[-1] > GIVE_UP_S:
            break
    return 1000 * statistics.median(cpus)


def timed(
    dist: Path, folders: dict[str, Path], repeats: int, only: set[str]
) -> dict[str, dict[str, tuple[float, int, float]]]:
    """{question: {version: (median CPU ms, rows, first page CPU ms)}} over one release's on-disk store."""
    base = Base(json.loads((dist / "manifest.json").read_text())["base"])
    backend = LocalBackend(ox.Store.read_only(str(dist / "store")))
    registries = {label: load_registry(folder, base) for label, folder in folders.items()}
    out: dict[str, dict[str, tuple[float, int, float]]] = {}
    for name in next(iter(registries.values())).names():
        if only and name not in only:
            continue
        for label, registry in registries.items():
            query = registry.get(name)
            rows = len(query.run(backend, query.example))
            whole = cpu_ms(lambda q=query: q.run(backend, q.example), repeats)
            page = cpu_ms(lambda q=query: run_page(q, backend, q.example, "en", 100, 0), repeats)
            out.setdefault(name, {})[label] = (whole, rows, page)
        print(f"  {dist.name} {name} done", file=sys.stderr, flush=True)
    return out


def table(results: dict[str, dict[str, dict[str, tuple[float, int, float]]]], labels: list[str]) -> str:
    sizes = list(results)
    last, small, large = labels[-1], sizes[0], sizes[-1]
    head = [f"{size} {label}" for size in sizes for label in labels] + [f"{large} ÷ {small} ({last})"]
    lines = ["| question | " + " | ".join(head) + " |", "|---|" + "---:|" * len(head)]
    for name in results[small]:
        cells = []
        for size in sizes:
            for label in labels:
                ms, rows, page = results[size][name][label]
                cells.append(f"{ms:.1f} / {page:.1f} ({rows})")
        ratio = results[large][name][last][0] / max(results[small][name][last][0], 0.1)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio:.1f}× |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", action="append", required=True, help="SIZE=release folder (smallest first)")
    parser.add_argument("--queries", action="append", required=True, help="LABEL=queries folder (newest last)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", default="", metavar="NAME[,NAME]", help="time these questions alone (default: all)")
    args = parser.parse_args()
    folders = pairs(args.queries, "queries")
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    known = set(load_registry(next(iter(folders.values())), Base(CANONICAL_BASE)).names())
    if only - known:
        raise SystemExit(f"--only: no question named {', '.join(sorted(only - known))}")
    results = {size: timed(dist, folders, args.repeats, only) for size, dist in pairs(args.dist, "dist").items()}
    print("CPU ms, median of", args.repeats, "whole answer / first page of 100 (rows)\n")
    print(table(results, list(folders)))


if __name__ == "__main__":
    main()
