"""The graph at scale: the record (13k triples) and generated records of 100k and 1M triples, side by side.

For each size: validation, build, the service's start time and resident memory (server and query
workers), every named question's median in process (over the built release) and over HTTP with 1
and 8 connections, and a repeated request against the constant route (`/health`). With
`--against DIR` the same is measured for another checkout (its own `.venv`, e.g. a `git worktree`
of the commit before; its ontology, shapes and queries are put in a copy of each generated
project), and printed beside:

    python bench/bench_scale.py [--sizes 13k,100k,1m] [--against ../before] [--seconds 2] [--write]

Times are wall-clock medians and, where a process of ours does the work, CPU seconds (user and
system): on a shared machine the clock measures the neighbours too, the CPU time does not. The
load average at the start and the end is printed with the tables. Generated projects, builds and
logs go to --work (default /tmp/acuerdos-scale), and are reused when the same size and seed are
asked again. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import bench_service  # noqa: E402  (the load generator: keep-alive connections, medians, req/s)
from acuerdos.process import free_port, stop, wait_for_http  # noqa: E402

SIZES = {"13k": 0, "100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}
TARGETS = {  # the targets at 1M (medians on a 2-core machine)
    "build_s": 60,
    "start_s": 3,
    "question_ms": 50,
    "growth": 3,
    "repeat_ratio": 0.8,
    "validate_100k_s": 5,
    "validate_1m_s": 60,
    "memory_mb": 1024,
}


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, exit code) of a command run to its end, its output in ``log``."""
    cpu, started = cpu_children(), time.perf_counter()
    with open(log, "wb") as out:
        code = subprocess.call(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
    return time.perf_counter() - started, cpu_children() - cpu, code


def rss_mb(pid: int) -> float:
    """Resident memory of a process and of its children (the query workers), MiB (proportional: PSS)."""

    def one(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    try:
        children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        children = []
    return one(pid) + sum(rss_mb(c) for c in children)


def project_for(size: str, seed: int, work: Path, checkout: Path, label: str) -> Path:
    """The project folder a checkout builds at a size: the checkout itself at 13k, else a generated one
    (written by this checkout's generator; for another checkout, a copy with that checkout's
    ontology, shapes and queries)."""
    if SIZES[size] == 0:
        return checkout
    generated = work / f"gen-{size}-{seed}"
    if not (generated / "data").is_dir():
        shutil.rmtree(generated, ignore_errors=True)
        command = [str(ROOT / ".venv/bin/acuerdos"), "generate", "--triples", str(SIZES[size]), "--seed", str(seed)]
        wall, _, code = run([*command, str(generated)], ROOT, work / f"generate-{size}.log")
        if code:
            raise SystemExit(f"generate {size} failed: see {work / f'generate-{size}.log'}")
        print(f"  generated {size} in {wall:.0f} s", flush=True)
    copy = generated if checkout == ROOT else work / f"gen-{size}-{seed}-{label}"
    if not copy.is_dir():
        shutil.copytree(generated, copy, symlinks=True)
    for name in ("ontology", "shapes", "queries"):  # the checkout's own, as they are now
        shutil.rmtree(copy / name)
        shutil.copytree(checkout / name, copy / name)
    return copy


def in_process(checkout: Path, dist: Path, repeats: int) -> dict[str, dict[str, float]]:
    """Each named question's median (wall and CPU ms) with its example, in a process of the checkout's
    own code over the built release (its on-disk store when it has one, else the N-Quads in memory):
    the whole answer, and the first page as the service asks for it (100 rows, web.query_api.run_page)."""
    code = f"""
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, {str(checkout / "service")!r})
import pyoxigraph as ox
from acuerdos.namespaces import Base
from acuerdos.queries import load_registry
from acuerdos.store import LocalBackend
from acuerdos.web.query_api import run_page
dist = Path({str(dist)!r})
manifest = json.loads((dist / "manifest.json").read_text())
if (dist / "store").is_dir():
    store = ox.Store.read_only(str(dist / "store"))
else:
    store = ox.Store(); store.bulk_load(path=str(dist / "acuerdos.nq"), format=ox.RdfFormat.N_QUADS)
backend = LocalBackend(store)
registry = load_registry(dist / "queries", Base(manifest["base"]))
out = {{}}
for query in registry:
    walls, cpus, rows = [], [], 0
    for _ in range({repeats}):
        w, c = time.perf_counter(), time.process_time()
        rows = len(query.run(backend, query.example))
        walls.append(time.perf_counter() - w); cpus.append(time.process_time() - c)
        if walls[-1] > 20: break
    pages = []
    for _ in range({repeats}):
        c = time.process_time()
        run_page(query, backend, query.example, "en", 100, 0)
        pages.append(time.process_time() - c)
        if pages[-1] > 20: break
    out[query.name] = {{"ms": 1000 * statistics.median(walls), "cpu_ms": 1000 * statistics.median(cpus),
                        "page_cpu_ms": 1000 * statistics.median(pages), "rows": rows}}
print(json.dumps(out))
"""
    result = subprocess.run([str(checkout / ".venv/bin/python"), "-c", code], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"in-process run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def example_paths(dist: Path) -> dict[str, str]:
    """/queries/{name}?{its example} (format json) for each named query of a release."""
    sys.path.insert(0, str(ROOT / "service"))
    from acuerdos.namespaces import Base
    from acuerdos.queries import load_registry

    manifest = json.loads((dist / "manifest.json").read_text())
    registry = load_registry(dist / "queries", Base(manifest["base"]))
    paths = {}
    for query in registry:
        items = [(k, v) for k, values in query.example.items() for v in values] + [("format", "json")]
        paths[query.name] = f"/queries/{query.name}?{urllib.parse.urlencode(items)}"
    return paths


def serve(checkout: Path, dist: Path, log: Path, cache_mb: int) -> tuple[subprocess.Popen, str, float]:
    """`acuerdos serve` of a checkout over ``dist`` with 2 workers: (process, URL, seconds until /health)."""
    port = free_port()
    env = {**os.environ, "ACUERDOS_ANSWER_CACHE_MB": str(cache_mb), "ACUERDOS_QUERY_TIMEOUT": "120"}
    command = [str(checkout / ".venv/bin/acuerdos"), "serve", "--dist", str(dist), "--port", str(port)]
    command += ["--workers", "2", "--log-level", "warning"]
    started = time.perf_counter()
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=checkout, stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(url + "/health", timeout=900, process=process)
    return process, url, time.perf_counter() - started


def wait_warm(url: str, timeout: float = 900) -> float | None:
    """Seconds until the service's /status says what it computes at start is over (``warm``: done, or
    incomplete when some was left to its first visitor), so that nothing measured after competes with
    it; None if its /status does not say (an older checkout) or it stopped."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        with urllib.request.urlopen(url + "/status", timeout=60) as response:
            warm = json.loads(response.read()).get("warm")
        if warm != "computing":
            return time.perf_counter() - started if warm in ("done", "incomplete") else None
        time.sleep(0.5)
    return None


def over_http(url: str, paths: dict[str, str], seconds: float) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for name, path in paths.items():
        out[name] = {}
        for connections in (1, 8):
            target = bench_service.Target(name, "GET", path, accept="application/json")
            figures = bench_service.measure(url, target, seconds, connections)
            out[name][f"http{connections}_ms"] = figures.median_ms
    return out


def repeated(url: str, path: str, seconds: float, rounds: int = 5) -> dict[str, Any]:
    """Requests per second, 8 connections: the constant route, and one named answer asked again and again
    (asked once before: the figure is the repeated request's, not the first), in ``rounds`` rounds
    that alternate the two, so that both meet the same neighbours; the medians, and the median of
    the rounds' ratios (on a shared machine one round's ratio moves by a third)."""
    urllib.request.urlopen(url + path, timeout=600).read()
    health, answer = (
        bench_service.Target("health", "GET", "/health", accept="*/*"),
        bench_service.Target("answer", "GET", path, accept="*/*"),
    )
    floors, agains = [], []
    for _ in range(rounds):
        floors.append(bench_service.measure(url, health, seconds, 8).rps)
        agains.append(bench_service.measure(url, answer, seconds, 8).rps)
    ratios = [a / f for a, f in zip(agains, floors, strict=True) if f]
    return {
        "health_rps": statistics.median(floors),
        "answer_rps": statistics.median(agains),
        "ratio": statistics.median(ratios) if ratios else 0.0,
        "ratios": ratios,
    }


def measure(checkout: Path, label: str, size: str, args: argparse.Namespace) -> dict[str, Any]:
    work: Path = args.work
    project = project_for(size, args.seed, work, checkout, label)
    dist = work / f"dist-{size}-{label}"
    acuerdos = str(checkout / ".venv/bin/acuerdos")
    figures: dict[str, Any] = {}
    wall, cpu, code = run([acuerdos, "validate"], project, work / f"validate-{size}-{label}.log")
    figures["validate"] = {"s": wall, "cpu_s": cpu, "exit": code}
    print(f"  {label} {size}: validated in {wall:.1f} s ({cpu:.1f} s CPU)", flush=True)
    shutil.rmtree(dist, ignore_errors=True)
    wall, cpu, code = run(
        [acuerdos, "build", "--dist", str(dist), "--allow-violations"], project, work / f"build-{size}-{label}.log"
    )
    if code:  # an older build has no --allow-violations
        wall, cpu, code = run([acuerdos, "build", "--dist", str(dist)], project, work / f"build-{size}-{label}.log")
    if code:
        raise SystemExit(f"build failed: see {work / f'build-{size}-{label}.log'}")
    manifest = json.loads((dist / "manifest.json").read_text())
    figures["build"] = {"s": wall, "cpu_s": cpu, "triples": manifest["triples"]}
    print(f"  {label} {size}: built {manifest['triples']} triples in {wall:.1f} s ({cpu:.1f} s CPU)", flush=True)
    figures["questions"] = in_process(checkout, dist, args.repeats)
    print(f"  {label} {size}: in process done", flush=True)
    paths = example_paths(dist)
    process, url, start = serve(checkout, dist, work / f"serve-{size}-{label}.log", cache_mb=0)
    try:
        figures["start_s"] = start
        figures["memory_start_mb"] = rss_mb(process.pid)
        warm = wait_warm(url)
        if warm is None:
            time.sleep(1)
        figures["ready_s"] = start + (warm or 0.0)
        figures["memory_mb"] = rss_mb(process.pid)
        for name, values in over_http(url, paths, args.seconds).items():
            figures["questions"].setdefault(name, {}).update(values)
        figures["memory_after_mb"] = rss_mb(process.pid)
    finally:
        stop(process)
    print(f"  {label} {size}: started in {start:.1f} s, over HTTP done", flush=True)
    process, url, _ = serve(checkout, dist, work / f"serve-cached-{size}-{label}.log", cache_mb=64)
    try:
        wait_warm(url)
        figures["repeated"] = repeated(url, paths["decisions-by-theme"], args.seconds)
    finally:
        stop(process)
    return figures


def _whole(q: dict[str, float]) -> str:
    return f"{q['ms']:.1f} ({q['cpu_ms']:.1f}; {q['rows']:.0f} rows)"


def report(results: dict[str, dict[str, dict[str, Any]]], labels: list[str], loads: tuple[str, str]) -> str:
    sizes = list(results)
    columns = [(s, label) for s in sizes for label in labels]
    head = "| | " + " | ".join(f"{s} {label}" for s, label in columns) + " |"
    rule = "|---|" + "---:|" * len(columns)

    def row(title: str, get) -> str:
        cells = []
        for s, label in columns:
            try:
                cells.append(get(results[s][label]))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("")
        return f"| {title} | " + " | ".join(cells) + " |"

    lines = [
        f"### Scale ({dt.date.today().isoformat()}; {bench_service.machine()}; load average {loads[0]} → {loads[1]})",
        "",
        head,
        rule,
        row("triples", lambda f: f"{f['build']['triples']:,}"),
        row("validate s (CPU s)", lambda f: f"{f['validate']['s']:.1f} ({f['validate']['cpu_s']:.1f})"),
        row("build s (CPU s)", lambda f: f"{f['build']['s']:.1f} ({f['build']['cpu_s']:.1f})"),
        row("start s (to the first /health)", lambda f: f"{f['start_s']:.1f}"),
        row("ready s (everything computed at start)", lambda f: f"{f['ready_s']:.1f}"),
        row(
            "memory MiB, server + 2 workers (PSS): started → ready → after the questions",
            lambda f: f"{f['memory_start_mb']:.0f} → {f['memory_mb']:.0f} → {f['memory_after_mb']:.0f}",
        ),
        row("/health req/s, 8 conn.", lambda f: f"{f['repeated']['health_rps']:.0f}"),
        row(
            "repeated answer req/s (÷ /health)",
            lambda f: f"{f['repeated']['answer_rps']:.0f} ({f['repeated']['ratio']:.2f})",
        ),
    ]
    names = sorted({n for s in sizes for label in labels for n in results[s].get(label, {}).get("questions", {})})
    for what, key in (
        ("in process, whole answer, ms (CPU ms)", "ms"),
        ("in process, first page of 100 rows, CPU ms", "page_cpu_ms"),
        ("HTTP 1 connection, median ms", "http1_ms"),
        ("HTTP 8 connections, median ms", "http8_ms"),
    ):
        lines += ["", f"#### Named questions, {what}", "", head, rule]
        for name in names:
            if key == "ms":
                lines.append(row(name, lambda f, n=name: _whole(f["questions"][n])))
            else:
                lines.append(row(name, lambda f, n=name, k=key: f"{f['questions'][n][k]:.1f}"))
    return "\n".join(lines) + "\n"


def against_targets(results: dict[str, dict[str, dict[str, Any]]], label: str) -> str:
    """The issue's targets (``TARGETS``), each with what this run measured for ``label`` and whether
    it is met: at 1M, validation also at 100k, growth against the record (13k). Wall-clock figures are
    judged, with the CPU seconds beside them (on a shared machine the clock counts the neighbours)."""
    one_m, record, hundred = (results.get(size, {}).get(label) for size in ("1m", "13k", "100k"))
    lines = [f"#### Against the targets ({label})", "", "| target | measured | met? |", "|---|---|---|"]

    def add(target: str, measured: str, met: bool) -> None:
        lines.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    def over(values: dict[str, float], limit: float, unit: str) -> str:
        slow = sorted((v, n) for n, v in values.items() if v > limit)
        named = ", ".join(f"{n} {v:.0f}{unit}" for v, n in reversed(slow))
        return f"{len(values) - len(slow)} of {len(values)}" + (f"; over: {named}" if slow else "")

    if hundred:
        v = hundred["validate"]
        add(
            f"validation at 100k ≤ {TARGETS['validate_100k_s']} s",
            f"{v['s']:.1f} s ({v['cpu_s']:.1f} s CPU)",
            v["s"] <= TARGETS["validate_100k_s"],
        )
    if one_m:
        v, b = one_m["validate"], one_m["build"]
        add(
            f"validation at 1M ≤ {TARGETS['validate_1m_s']} s",
            f"{v['s']:.1f} s ({v['cpu_s']:.1f} s CPU)",
            v["s"] <= TARGETS["validate_1m_s"],
        )
        add(
            f"build at 1M ≤ {TARGETS['build_s']} s",
            f"{b['s']:.1f} s ({b['cpu_s']:.1f} s CPU)",
            b["s"] <= TARGETS["build_s"],
        )
        add(f"start ≤ {TARGETS['start_s']} s", f"{one_m['start_s']:.1f} s", one_m["start_s"] <= TARGETS["start_s"])
        questions = one_m["questions"]
        for key, what in (("cpu_ms", "whole answer"), ("page_cpu_ms", "first page of 100 rows")):
            values = {n: q[key] for n, q in questions.items()}
            add(
                f"every named question ≤ {TARGETS['question_ms']} ms in process, {what} (CPU)",
                over(values, TARGETS["question_ms"], " ms"),
                max(values.values()) <= TARGETS["question_ms"],
            )
        if record:
            growth = {
                n: q["cpu_ms"] / record["questions"][n]["cpu_ms"]
                for n, q in questions.items()
                if n in record["questions"] and record["questions"][n]["cpu_ms"]
            }
            add(
                f"each question at 1M ≤ {TARGETS['growth']}× its time at 13k (whole answer, CPU)",
                over(growth, TARGETS["growth"], "×"),
                max(growth.values()) <= TARGETS["growth"],
            )
        ratio = one_m["repeated"]["ratio"]
        add(
            f"a repeated answer ≥ {TARGETS['repeat_ratio']}× /health's requests per second",
            f"{ratio:.2f} (median; the rounds: {', '.join(f'{r:.2f}' for r in one_m['repeated']['ratios'])})",
            ratio >= TARGETS["repeat_ratio"],
        )
        memory = max(one_m["memory_mb"], one_m["memory_after_mb"])
        add(
            f"memory at 1M, server and workers ≤ {TARGETS['memory_mb']} MiB (PSS)",
            f"{memory:.0f} MiB",
            memory <= TARGETS["memory_mb"],
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="13k,100k,1m", help="comma-separated, of " + ", ".join(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout (with its .venv) to measure beside this one")
    parser.add_argument("--work", type=Path, default=Path("/tmp/acuerdos-scale"))
    parser.add_argument("--seconds", type=float, default=2.0, help="measured time per HTTP target (default 2)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per question in process (default 5)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--write", action="store_true", help="append the tables to bench/RESULTS.md")
    parser.add_argument("--only-against", action="store_true", help="measure the --against checkout alone")
    parser.add_argument("--report", type=Path, nargs="+", help="print the tables of earlier --json files, merged")
    args = parser.parse_args()
    if args.report:
        merged: dict[str, dict[str, dict[str, Any]]] = {}
        for path in args.report:
            for size, by_label in json.loads(path.read_text()).items():
                merged.setdefault(size, {}).update(by_label)
        labels = [label for label in ("before", "after") if any(label in v for v in merged.values())]
        print(report(merged, labels, ("?", "?")) + "".join("\n" + against_targets(merged, label) for label in labels))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    checkouts = {"after": ROOT}
    if args.against:
        checkouts = {"before": args.against.resolve(), **({} if args.only_against else checkouts)}
    loads = [f"{os.getloadavg()[0]:.1f}"]
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for size in args.sizes.split(","):
        results[size] = {}
        for label, checkout in checkouts.items():
            results[size][label] = measure(checkout, label, size, args)
            if args.json:
                args.json.write_text(json.dumps(results, indent=1))
    loads.append(f"{os.getloadavg()[0]:.1f}")
    text = report(results, list(checkouts), (loads[0], loads[1]))
    text += "".join("\n" + against_targets(results, label) for label in checkouts)
    print(text)
    if args.write:
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as out:
            out.write("\n" + text)


if __name__ == "__main__":
    main()
