"""Building the release files in dist/: the dataset in every common serialisation, and its version."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from .config import Paths, base_iri
from .graph import load_dataset, union_graph, version_of
from .publish_queries import add_to_dataset as add_queries

DUMPS: dict[str, str] = {
    "acuerdos.trig": "trig",
    "acuerdos.nq": "nquads",
    "acuerdos.ttl": "turtle",
    "acuerdos.nt": "nt",
    "acuerdos.jsonld": "json-ld",
}


@dataclass(frozen=True)
class BuildResult:
    version: str
    triples: int
    graphs: int
    files: list[Path]


def build(paths: Paths | None = None, base: str | None = None, dataset: Dataset | None = None) -> BuildResult:
    """Write every dump and dist/manifest.json; named graphs are kept in TriG, N-Quads and JSON-LD."""
    paths = paths or Paths()
    base = base or base_iri()
    dataset = dataset if dataset is not None else load_dataset(paths, base)
    add_queries(dataset, paths, base)  # the named queries, findable with SPARQL (SIB convention)
    out = paths.dist
    out.mkdir(parents=True, exist_ok=True)
    union = union_graph(dataset)
    written: list[Path] = []
    for name, fmt in DUMPS.items():
        target = out / name
        source = union if fmt in ("turtle", "nt") else dataset
        tmp = target.with_suffix(target.suffix + ".tmp")
        source.serialize(destination=tmp, format=fmt, encoding="utf-8")
        tmp.replace(target)  # never leave a half-written dump behind
        written.append(target)
    graphs = [g.identifier for g in dataset.graphs() if len(g)]
    result = BuildResult(version_of(paths, base), len(union), len(graphs), written)
    manifest = {
        "version": result.version,
        "base": base,
        "triples": result.triples,
        "graphs": sorted(str(g) for g in graphs),
        "files": [p.name for p in written],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return result
