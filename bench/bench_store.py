"""Which embedded store: rdflib's memory store, Oxigraph through rdflib (oxrdflib), or pyoxigraph.

Domain-shaped data: the built graph (dist/acuerdos.nq, or the checkout loaded directly) copied
until it holds about --triples triples — every resource of the data gets a copy per round, while
the vocabulary, value sets and theme schemes stay shared, so a GROUP BY per theme aggregates over
all copies, as it would over a larger corpus. Measured (median of --repeat runs):

- load: parse the N-Triples of the whole copy into the store;
- group-by: decisions per theme (`GROUP BY ?theme`, through the theme assignments);
- text-filter: decisions whose text mentions a word (`FILTER(CONTAINS(LCASE(STR(?t)), …))`).

    python bench/bench_store.py [--triples 100000] [--repeat 5]
"""
from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "service"))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph  # noqa: E402

BASE = "https://w3id.org/acuerdos/"
SHARED = tuple(BASE + p for p in ("ontology", "kind/", "theme/", "scheme/", "graph/"))
PREFIX = f"PREFIX acu: <{BASE}ontology#>\n"
QUERIES = {
    "group-by": PREFIX + """SELECT ?theme (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d acu:themeAssignment ?a . ?a acu:theme ?theme } GROUP BY ?theme ORDER BY DESC(?n)""",
    "text-filter": PREFIX + """SELECT ?d WHERE { ?d acu:text ?t FILTER(CONTAINS(LCASE(STR(?t)), "migrantes")) }""",
}


def base_triples() -> list[ox.Triple]:
    dump = ROOT / "dist" / "acuerdos.nq"
    if dump.is_file():
        quads = ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS)
    else:
        from acuerdos.graph import load_dataset
        from acuerdos.namespaces import Base
        from acuerdos.project import Project

        data = load_dataset(Project(ROOT), Base()).serialize(format="nquads").encode()
        quads = ox.parse(data, format=ox.RdfFormat.N_QUADS)
    return list({ox.Triple(q.subject, q.predicate, q.object) for q in quads})


def copy_term(term, k: int):
    if isinstance(term, ox.NamedNode) and term.value.startswith(BASE) and not term.value.startswith(SHARED):
        return ox.NamedNode(f"{term.value}~{k}")
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(f"{term.value}x{k}")
    return term


def domain_shaped(target: int) -> bytes:
    triples = base_triples()
    out: list[ox.Triple] = []
    k = 0
    while len(out) < target:
        out.extend(ox.Triple(copy_term(t.subject, k), t.predicate, copy_term(t.object, k)) for t in triples)
        k += 1
    return ox.serialize(out[:target], format=ox.RdfFormat.N_TRIPLES)


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = domain_shaped(args.triples)
    print(f"# embedded store: {args.triples} domain-shaped triples, median of {args.repeat} runs")
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, Python {platform.python_version()}")

    def rdflib_load():
        g = Graph()
        g.parse(data=data, format="nt")
        return g

    def oxrdflib_load():
        g = Graph(store="Oxigraph")
        g.parse(data=data, format="ox-nt")
        return g

    def pyox_load():
        s = ox.Store()
        s.load(data, format=ox.RdfFormat.N_TRIPLES)
        return s

    rows = []
    for name, load, run in (
        ("rdflib memory", rdflib_load, lambda g, q: len(list(g.query(q)))),
        ("oxrdflib (rdflib API)", oxrdflib_load, lambda g, q: len(list(g.query(q)))),
        ("pyoxigraph", pyox_load, lambda s, q: len(list(s.query(q)))),
    ):
        load_s, store = timed(load, max(1, args.repeat // 2))
        figures = [load_s]
        counts = []
        for query in QUERIES.values():
            q_s, count = timed(lambda: run(store, query), args.repeat)
            figures.append(q_s)
            counts.append(count)
        rows.append((name, figures, counts))
    print()
    print("| store | load | GROUP BY per theme | text FILTER | rows (group-by, filter) |")
    print("|---|---:|---:|---:|---|")
    for name, figures, counts in rows:
        cells = " | ".join(f"{f * 1000:.0f} ms" if f < 1 else f"{f:.2f} s" for f in figures)
        print(f"| {name} | {cells} | {counts[0]}, {counts[1]} |")


if __name__ == "__main__":
    main()
