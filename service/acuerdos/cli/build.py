"""`acuerdos build` and `acuerdos release`: the project's files as a release folder that serves on its own.

``build`` validates the data first and publishes nothing if it violates the shapes (unless
``--allow-violations``), then writes ``dist/`` (or ``--dist DIR``) whole or not at all: the graph
in every format with the named queries graph, the queries, the shapes, the source texts and the
manifest, the ontology stamped with the release in ``VERSION``. ``release`` builds with a date, keeps the result as
``dist/releases/{version}/`` (with the ontology alone in four formats) and adds the release to
``CHANGELOG.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import functools
import sys
import time
from pathlib import Path
from typing import Any

from rdflib import Dataset

from ..errors import UserError
from ..graph import load_dataset, load_store
from ..graph.build import BuildResult, check_unpublished, publish, write_release
from ..graph.derive import add_derived
from ..graph.description import Publishing
from ..graph.load import replace_graphs
from ..graph.phases import Phases
from ..graph.publisher import read_publisher
from ..graph.version import Stamp, read_stamp, stamp_ontology
from ..namespaces import Base
from ..project import Project, Release
from ..queries import load_registry
from ..queries.publish import add_to_dataset
from ..settings import Settings
from ..validation.aside import PendingValidation, validate_aside
from ..validation.dcat_ap import require_dcat_ap
from .changelog import add_entry


class ViolationsError(UserError):
    """The data violates the shapes: nothing is published (``--allow-violations`` publishes anyway)."""


def check_data(
    pending: PendingValidation, allow_violations: bool = False, phases: Phases | None = None
) -> dict[str, Any]:
    """Wait for the validation of the project's data (started by ``build_release`` when the files are
    loaded): a ViolationsError with the report of the violations (file, focus node, path, message,
    shape) unless ``allow_violations``; else what the manifest records of it. Called before the
    release is swapped in, so that data that violates the shapes is never published."""
    started = time.perf_counter()
    outcome = pending.result()
    if phases is not None:
        waited = time.perf_counter() - started
        phases.add("validate (its own process; wall: the wait for it)", waited, pending.cpu_seconds)
    violations = [r for r in outcome.results if r.severity == "Violation"]
    if violations and not allow_violations:
        report = dataclasses.replace(outcome, results=violations).report()
        raise ViolationsError(
            f"nothing published: the data violates the shapes (`acuerdos validate` shows warnings too; "
            f"`acuerdos build --allow-violations` publishes anyway)\n{report}"
        )
    if violations:
        print(
            f"acuerdos: warning: publishing data with {len(violations)} violations (--allow-violations)",
            file=sys.stderr,
        )
    return {"validation": {"violations": len(violations), "allowed_violations": bool(violations)}}


def build_release(
    project: Project,
    base: Base,
    dist: Path,
    stamp: Stamp | None,
    allow_violations: bool = False,
    publisher: Path | None = None,
    phases: Phases | None = None,
) -> tuple[BuildResult, Dataset]:
    """Validate, load the project under ``base`` with its derived links, stamp the ontology, add the
    named queries, write ``dist`` with the description of the publisher in ``publisher`` (default
    ``publishing/publisher.yaml``), which must pass the DCAT-AP shapes. The graphs go through
    Oxigraph; only the ontology and the queries graph, which the build changes, are read by rdflib
    (the dataset returned: what ``publish`` keeps of the ontology). Validation runs in a process of
    its own (``validation.aside``) while the release is written aside; its verdict is awaited before
    the release is swapped in. ``phases`` records the time of each step."""
    phases = phases if phases is not None else Phases()
    publishing = Publishing(  # first: a mistake in the configuration is reported before the long part
        read_publisher(publisher or project.publishing / "publisher.yaml"),
        require_dcat_ap(project.publishing / "dcat-ap-3.0.0"),
    )
    with phases.phase("load the files"):
        store = load_store(project, base, derived=False)
    pending = validate_aside(store, project.shapes, base)  # the curated graphs, as `acuerdos validate` sees them
    try:
        with phases.phase("derive the links"):
            add_derived(store, project, base)
        with phases.phase("stamp the ontology, add the queries graph"):
            dataset = load_dataset(project, base, ontology_only=True)
            if stamp is not None:
                stamp_ontology(dataset, stamp)
            add_to_dataset(dataset, load_registry(project.queries, base))
            replace_graphs(store, dataset)
        verdict = functools.partial(check_data, pending, allow_violations, phases)
        return write_release(store, project, base, dist, stamp, verdict, publishing, phases), dataset
    finally:
        pending.cancel()


def _target(args: argparse.Namespace) -> tuple[Project, Base, Path, Path | None]:
    """The project (found from the current folder), the base, the release folder a command writes
    and the publisher configuration it describes the release with."""
    settings = Settings.from_env(
        base=args.base, dist=Path(args.dist) if args.dist else None, publisher=args.publisher or None
    )
    project = settings.project()
    dist = settings.dist if settings.dist is not None else project.dist
    return project, settings.base_iri, dist, settings.publisher


def _report(result: BuildResult, took: float) -> None:
    m = result.manifest
    release = f", release {m['release']}" if m.get("release") else ""
    print(
        f"built {m['triples']} triples in {len(m['graphs'])} named graphs, version {m['version']}{release} "
        f"({took:.1f} s)"
    )
    for path in result.files:
        print(f"  {path}")


def _build(args: argparse.Namespace) -> int:
    project, base, dist, publisher = _target(args)
    started, phases = time.perf_counter(), Phases()
    result, _ = build_release(project, base, dist, read_stamp(project), args.allow_violations, publisher, phases)
    _report(result, time.perf_counter() - started)
    if args.timings:
        phases.write(Path(args.timings))
    return 0


def _date(text: str | None) -> str:
    if text is None:
        return datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError(f"not a date YYYY-MM-DD: {text!r}", where="--date") from None


def _release(args: argparse.Namespace) -> int:
    project, base, dist, publisher = _target(args)
    date = _date(args.date)
    stamp = read_stamp(project, date)
    if stamp is None:
        raise UserError("no VERSION file: write the version to release (say 0.2.0) into it", where="VERSION")
    check_unpublished(Release(dist), stamp.version)  # before building: a published release stays as it was
    started = time.perf_counter()
    result, dataset = build_release(project, base, dist, stamp, args.allow_violations, publisher)
    _report(result, time.perf_counter() - started)
    print(f"released {stamp.version} ({date}) in {publish(dist, dataset, stamp)}")
    if add_entry(project, stamp):
        print(f"added {stamp.version} to {project.changelog}: check the lines of the entry")
    return 0


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--base", help="base IRI to publish under (default $ACUERDOS_BASE or https://w3id.org/acuerdos/)"
    )
    command.add_argument(
        "--dist", metavar="DIR", help="the release folder to write (default $ACUERDOS_DIST or dist/ of the project)"
    )
    command.add_argument(
        "--publisher",
        metavar="FILE",
        help="the publisher configuration the dataset's description names "
        "(default $ACUERDOS_PUBLISHER or publishing/publisher.yaml of the project)",
    )
    command.add_argument(
        "--allow-violations",
        action="store_true",
        help="publish even if the data violates the shapes (the manifest records it); by default such a build fails",
    )


def add_commands(sub: argparse._SubParsersAction) -> None:
    build = sub.add_parser(
        "build",
        help="merge ontology and data into dist/ (TriG, N-Quads, Turtle, N-Triples, "
        "JSON-LD) with the queries, shapes and sources the service reads",
    )
    _common(build)
    build.add_argument(
        "--timings", metavar="FILE", help="write the wall and CPU seconds of each step of the build to FILE (JSON)"
    )
    build.set_defaults(func=_build)
    release = sub.add_parser(
        "release", help="build, keep the release of VERSION in dist/releases/VERSION/, and add it to CHANGELOG.md"
    )
    _common(release)
    release.add_argument("--date", metavar="YYYY-MM-DD", help="the release date (default today, UTC)")
    release.set_defaults(func=_release)
