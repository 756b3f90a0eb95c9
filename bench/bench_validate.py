"""How long validating takes: the shipped data, and the data replicated to a larger graph.

    .venv/bin/python bench/bench_validate.py                # everything (pyshacl takes a while)
    .venv/bin/python bench/bench_validate.py --quick        # pyshacl-turbo only
    .venv/bin/python bench/bench_validate.py --copies 16 --runs 9

Prints the median wall time over N runs of each configuration, with the number of triples and
results; nothing is asserted (the tests make no wall-clock assertions). Configurations:

* loading the checkout into a pyoxigraph store (``graph.load_store``) and compiling the shapes
  (``validation.load_shapes``);
* ``validation.validate`` (pyshacl-turbo over the store, the report read into ``Result`` objects)
  on the shipped data and on the shipped data replicated ``--copies`` times under renamed IRIs
  (each copy's instance IRIs get a segment ``r{k}/`` after the base; the ontology is shared), so
  that every copy finds the same results as the original;
* the uniqueness shapes alone (``Decision-number-unique``, ``Decision-position-unique``: the SPARQL
  constraints that dominate at scale) on the replicated graph;
* pyshacl (the reference engine of the tests, over rdflib), on the shipped data;
* end to end, in a fresh process: ``acuerdos validate``, interpreter start-up and imports included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))
sys.path.insert(0, str(ROOT / "tests"))

import pyoxigraph as ox  # noqa: E402

from acuerdos.graph import load_store  # noqa: E402
from acuerdos.namespaces import Base  # noqa: E402
from acuerdos.project import Project  # noqa: E402
from acuerdos.validation import load_shapes, validate  # noqa: E402

T = TypeVar("T")
UNIQUENESS = ("Decision-number-unique", "Decision-position-unique")


def timed(fn: Callable[[], T], runs: int) -> tuple[tuple[float, float], T]:
    """The median wall time and the median CPU time of this process (all its threads) over ``runs``:
    on a shared machine the CPU time is the steadier of the two."""
    wall, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    assert result is not None
    return (statistics.median(wall), statistics.median(cpu)), result


def row(name: str, took: tuple[float, float], runs: int, triples: int | str = "", results: int | str = "") -> None:
    wall, cpu = took
    print(
        f"{name:<58} {wall:8.3f} s wall {cpu:8.3f} s CPU  (median of {runs})"
        f"  triples {triples!s:>7}  results {results!s:>5}",
        flush=True,
    )


def replicated(store: ox.Store, base: Base, copies: int) -> ox.Store:
    """The store with its data graphs (not the ontology) copied ``copies`` more times, each copy's
    instance IRIs and graph names moved to ``{base}r{k}/…`` and its blank nodes renamed."""
    ontology = base.graph("ontology")
    in_ontology = {q.subject for q in store if q.graph_name.value.startswith(ontology)}
    data = [q for q in store if not q.graph_name.value.startswith(ontology)]
    ours = {
        t for q in data for t in (q.subject, q.object) if isinstance(t, ox.NamedNode) and t.value.startswith(base.iri)
    } - in_ontology

    def renamed(term: Any, k: int) -> Any:
        if isinstance(term, ox.BlankNode):
            return ox.BlankNode(f"{term.value}r{k}")
        if term in ours or (isinstance(term, ox.NamedNode) and term.value.startswith(base.graph(""))):
            return ox.NamedNode(f"{base.iri}r{k}/{term.value[len(base.iri) :]}")
        return term

    bigger = ox.Store()
    bigger.extend(store)
    for k in range(1, copies + 1):
        bigger.extend(
            ox.Quad(renamed(q.subject, k), q.predicate, renamed(q.object, k), renamed(q.graph_name, k)) for q in data
        )
    return bigger


def end_to_end(code: str, runs: int) -> tuple[tuple[float, float], int]:
    """A fresh process: wall time, and the CPU time of the child (``os.times``)."""
    wall, cpu, rc = [], [], 0
    for _ in range(runs):
        before = os.times()
        started = time.perf_counter()
        rc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode
        wall.append(time.perf_counter() - started)
        after = os.times()
        cpu.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return (statistics.median(wall), statistics.median(cpu)), rc


def bench_turbo(project: Project, base: Base, copies: int, runs: int) -> None:
    print("-- pyshacl-turbo (acuerdos.validation)")
    t, store = timed(lambda: load_store(project, base), runs)
    row("loading: graph.load_store (Oxigraph)", t, runs, len(store))
    t, shapes = timed(lambda: load_shapes(project.shapes, base), runs)
    row("shapes: validation.load_shapes (read, compile)", t, runs)
    t, outcome = timed(lambda: validate(store, shapes), runs)
    row("validate, shipped data", t, runs, len(store), len(outcome.results))
    big = replicated(store, base, copies)
    t, outcome = timed(lambda: validate(big, shapes), runs)
    row(f"validate, shipped data and {copies} renamed copies", t, runs, len(big), len(outcome.results))
    names = [base.path(f"shapes/{name}") for name in UNIQUENESS]
    t, _report = timed(lambda: shapes.program.validate(big, use_shapes=names), runs)
    row(f"the two uniqueness shapes alone, {copies} copies", t, runs, len(big))


def bench_pyshacl(project: Project, base: Base, runs: int) -> None:
    import pyshacl

    from shapes_reference import Reference

    store = load_store(project, base)
    print(f"\n-- pyshacl {pyshacl.__version__} (the reference in the tests), advanced=True, over rdflib")
    reference = Reference(project.shapes, base)
    t, found = timed(lambda: reference.results(store), runs)
    row("pyshacl, shipped data (conversion to rdflib included)", t, runs, len(store), len(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each fast configuration (default 5)")
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of each pyshacl configuration (default 1)")
    parser.add_argument("--copies", type=int, default=8, help="renamed copies of the data (default 8: ~100k triples)")
    parser.add_argument("--quick", action="store_true", help="skip pyshacl and the end-to-end runs")
    args = parser.parse_args()
    project, base = Project(ROOT), Base()
    print(f"validating the data of {ROOT} ({len(project.rdf_files())} files)\n")
    bench_turbo(project, base, args.copies, args.runs)
    if args.quick:
        return
    bench_pyshacl(project, base, args.slow_runs)
    print("\n-- end to end, fresh process (start-up, imports, loading, validation, report)")
    t, rc = end_to_end("import sys; from acuerdos.cli import main; sys.exit(main(['validate']))", args.runs)
    row(f"`acuerdos validate` (exit {rc})", t, args.runs)
    t, rc = end_to_end("import acuerdos.validation", args.runs)
    row("python start-up and `import acuerdos.validation` alone", t, args.runs)


if __name__ == "__main__":
    main()
