"""How long validating the shipped data takes, in each configuration that was compared.

    .venv/bin/python bench/bench_validate.py            # everything (pyshacl runs take ~30 s each)
    .venv/bin/python bench/bench_validate.py --quick    # the fast configurations only
    .venv/bin/python bench/bench_validate.py --runs 9 --slow-runs 3

Prints the median wall time over N runs of each configuration, with the number of triples and
results; nothing is asserted. Configurations:

* loading: rdflib (graph.load_dataset, then the union graph pyshacl reads) vs Oxigraph
  (graph.load_store);
* pyshacl over an rdflib in-memory graph vs over an Oxigraph-backed rdflib graph
  (``Graph(store="Oxigraph")``, oxrdflib), each with all shapes and with the core constraints only
  (the shapes with sh:sparql or a SPARQL target deactivated);
* the compiled engine of acuerdos.validation (core constraints in Python over an index, each
  SPARQL constraint once over the whole graph in Oxigraph), from an Oxigraph store and from an
  rdflib Dataset;
* end to end, in a fresh process: ``acuerdos validate`` as the CLI runs it (``validate_checkout``:
  Oxigraph loading, the compiled evaluator), including interpreter start-up and imports.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

from acuerdos.config import CANONICAL_BASE, Paths  # noqa: E402
from acuerdos.graph import load_dataset, load_store, rdf_files, union_graph  # noqa: E402
from acuerdos.validation import validate  # noqa: E402
from acuerdos.validation.shapes import _load_shapes  # noqa: E402

SH = "http://www.w3.org/ns/shacl#"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    took, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        took.append(time.perf_counter() - started)
    return statistics.median(took), result


def row(name: str, seconds: float, runs: int, triples: int | str = "", results: int | str = "") -> None:
    print(f"{name:<62} {seconds:8.3f} s  (median of {runs})  triples {triples!s:>6}  results {results!s:>5}", flush=True)


def shapes_graphs():
    from rdflib import Graph, Literal, URIRef

    full = Graph()
    for path in sorted((ROOT / "shapes").glob("*.ttl")):
        full.parse(path, format="turtle")
    core = Graph()
    for t in full:
        core.add(t)
    sparql_shapes = set(full.subjects(URIRef(SH + "sparql"), None)) | set(full.subjects(URIRef(SH + "target"), None))
    for s in sparql_shapes:
        core.add((s, URIRef(SH + "deactivated"), Literal(True)))
    return full, core, len(sparql_shapes)


def pyshacl_run(data, shapes) -> int:
    import pyshacl
    from rdflib.namespace import RDF
    from rdflib.namespace import SH as RSH

    _c, report, _t = pyshacl.validate(data, shacl_graph=shapes, advanced=True, inference="none")
    return sum(1 for r in report.subjects(RDF.type, RSH.ValidationResult) if (None, RSH.result, r) in report)


def end_to_end(code: str, runs: int) -> tuple[float, int]:
    took, rc = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True).returncode
        took.append(time.perf_counter() - started)
    return statistics.median(took), rc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each fast configuration (default 5)")
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of each pyshacl configuration (default 1)")
    parser.add_argument("--quick", action="store_true", help="skip the pyshacl configurations")
    args = parser.parse_args()
    paths = Paths(ROOT)
    n, slow = args.runs, args.slow_runs
    print(f"validating the shipped data of {ROOT} ({len(rdf_files(paths))} files)\n")

    print("-- loading")
    t, dataset = timed(lambda: load_dataset(paths, CANONICAL_BASE), n)
    row("rdflib: graph.load_dataset", t, n, len(dataset))
    t, union = timed(lambda: union_graph(dataset), n)
    row("rdflib: graph.union_graph (what pyshacl reads)", t, n, len(union))
    t, store = timed(lambda: load_store(paths, CANONICAL_BASE), n)
    row("Oxigraph: graph.load_store", t, n, len(store))

    print("\n-- the compiled engine (acuerdos.validation, the default)")

    def cold():
        _load_shapes.cache_clear()
        return validate(store, ROOT / "shapes", base=CANONICAL_BASE)

    t, outcome = timed(cold, n)
    row("compiled, Oxigraph store, shapes parsed each run", t, n, outcome.triples, len(outcome.results))
    t, outcome = timed(lambda: validate(store, ROOT / "shapes", base=CANONICAL_BASE), n)
    row("compiled, Oxigraph store, shapes cached", t, n, outcome.triples, len(outcome.results))
    t, outcome2 = timed(lambda: validate(dataset, ROOT / "shapes", base=CANONICAL_BASE), n)
    row("compiled, from the rdflib Dataset (conversion included)", t, n, outcome2.triples, len(outcome2.results))
    compiled = {(r.focus, r.shape) for r in outcome.results}

    if not args.quick:
        from rdflib import Graph

        import pyshacl

        full, core, n_sparql = shapes_graphs()
        print(f"\n-- pyshacl {pyshacl.__version__}, advanced=True, inference none ({n_sparql} shapes use SPARQL)")
        ox = Graph(store="Oxigraph")
        for path in rdf_files(paths):
            ox.parse(path, format="ox-turtle")
        t, found = timed(lambda: pyshacl_run(union, core), slow)
        row("pyshacl, rdflib memory graph, core constraints only", t, slow, len(union), found)
        t, found = timed(lambda: pyshacl_run(ox, core), slow)
        row("pyshacl, Oxigraph-backed rdflib graph, core only", t, slow, len(ox), found)
        t, found = timed(lambda: pyshacl_run(union, full), slow)
        row("pyshacl, rdflib memory graph, all shapes", t, slow, len(union), found)
        t, found = timed(lambda: pyshacl_run(ox, full), slow)
        row("pyshacl, Oxigraph-backed rdflib graph, all shapes", t, slow, len(ox), found)
        reference = validate(union, ROOT / "shapes", base=CANONICAL_BASE, engine="pyshacl")
        same = compiled == {(r.focus, r.shape) for r in reference.results}
        print(f"compiled and pyshacl report the same (focus node, shape) pairs: {'yes' if same else 'NO'}")

    print("\n-- end to end, fresh process (start-up, imports, loading, validation, report)")
    cli = "import sys; from acuerdos.cli import main; sys.exit(main(['validate']))"
    t, rc = end_to_end(cli, n)
    row(f"`acuerdos validate` as cli.py runs it (validate_checkout), exit {rc}", t, n)
    t, rc = end_to_end("import acuerdos.validation", n)
    row("python start-up and `import acuerdos.validation` alone", t, n)


if __name__ == "__main__":
    main()
