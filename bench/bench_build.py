"""`acuerdos build` timed as a whole and step by step, at 13k and 1M triples, beside another version's code.

For each size (the record itself, or a generated record, as `bench_scale.py` makes them) the build
runs ``--repeats`` times, alternating with the code of ``--against`` (another checkout's
``service/``, run with this checkout's ``.venv``: `git worktree add ../before main` for example),
so that both meet the same neighbours on a shared machine. Printed: the median wall and CPU
seconds of each (CPU: the build and its children, validation included), this checkout's steps
(``acuerdos build --timings``), and whether both wrote the same bytes (every file of the release
but the on-disk store):

    python bench/bench_build.py [--sizes 13k,1m] [--against ../before] [--repeats 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import SIZES, bench_service, project_for, run  # noqa: E402


def build(code: Path, project: Path, dist: Path, log: Path, timings: Path | None) -> dict[str, Any]:
    """One build of ``project`` into ``dist`` with the code under ``code/service``: wall, CPU, steps."""
    shutil.rmtree(dist, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(code / "service")}
    command = [str(ROOT / ".venv/bin/python"), "-m", "acuerdos.cli", "build", "--dist", str(dist)]
    command += ["--timings", str(timings)] if timings else []
    wall, cpu, code_ = run(command, project, log, env)
    if code_:
        raise SystemExit(f"build failed: see {log}")
    steps = json.loads(timings.read_text())["phases"] if timings else []
    return {"s": wall, "cpu_s": cpu, "steps": steps}


def same_bytes(a: Path, b: Path) -> list[str]:
    """The files of two releases (but the on-disk store) that differ or are missing from one."""
    names = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    names = {n for n in names if not n.startswith("store/")}

    def same(n: str) -> bool:
        return (a / n).is_file() and (b / n).is_file() and filecmp.cmp(a / n, b / n, shallow=False)

    return sorted(n for n in names if not same(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="13k,1m", help="comma-separated, of " + ", ".join(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout whose service/ is timed beside this one")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/acuerdos-build"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    codes = {"after": ROOT, **({"before": args.against.resolve()} if args.against else {})}
    print(f"# build ({bench_service.machine()}; load average {os.getloadavg()[0]:.1f} at the start)", flush=True)
    for size in args.sizes.split(","):
        project = project_for(size, args.seed, args.work, ROOT, "after")
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label in codes}
        for repeat in range(args.repeats):
            for label, code in codes.items():
                dist = args.work / f"dist-build-{size}-{label}"
                timings = args.work / f"timings-{size}.json" if label == "after" else None
                figures = build(code, project, dist, args.work / f"build-{size}-{label}.log", timings)
                runs[label].append(figures)
                print(f"  {size} {label} {repeat + 1}: {figures['s']:.1f} s ({figures['cpu_s']:.1f} s CPU)", flush=True)
        print(f"\n## {size} (median of {args.repeats}; load average now {os.getloadavg()[0]:.1f})\n")
        print("| | " + " | ".join(codes) + " |\n|---|" + "---:|" * len(codes))
        for key, title in (("s", "build, wall s"), ("cpu_s", "build, CPU s")):
            medians = [f"{statistics.median(r[key] for r in runs[c]):.1f}" for c in codes]
            print(f"| {title} | " + " | ".join(medians) + " |")
        print("\nSteps of this checkout's build (median wall s, CPU s):\n\n| step | wall s | CPU s |\n|---|---:|---:|")
        for i, step in enumerate(runs["after"][0]["steps"]):
            walls = [r["steps"][i]["wall_s"] for r in runs["after"]]
            cpus = [r["steps"][i]["cpu_s"] for r in runs["after"]]
            print(f"| {step['phase']} | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} |")
        if "before" in codes:
            differ = same_bytes(args.work / f"dist-build-{size}-before", args.work / f"dist-build-{size}-after")
            print(f"\nfiles that differ between before and after: {', '.join(differ) if differ else 'none'}")


if __name__ == "__main__":
    main()
