"""The dataset's description (VoID and DCAT-AP 3.0), written into the release as ``dataset.ttl``.

It is a build artefact: computed once from the built graph and the files written beside it (sizes
and SHA-256 from ``mirror``), checked by the caller's ``check`` (the build passes the DCAT-AP
shapes: a violation stops the build before the release is swapped in), and served as it is by
``/dataset`` and by a static export. ``void`` counts what the graph holds, ``dcat`` says what a
data portal harvests; this module puts the two together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ..namespaces import CURIES, Base
from ..project import Project
from . import dcat, void
from .mirror import FileFacts
from .publisher import Publisher
from .version import Stamp, changelog_entries

DESCRIPTION = "dataset.ttl"


@dataclass(frozen=True)
class Publishing:
    """What a build needs to describe the release: the publisher, and the check the description
    must pass (a callable that raises a UserError), if any."""

    publisher: Publisher = field(default_factory=Publisher)
    check: Callable[[Graph], None] | None = None


def release_dates(project: Project, stamp: Stamp | None) -> tuple[str | None, str | None]:
    """Issued (the first release in the changelog) and modified (this release's date, else the
    latest release's in the changelog)."""
    log = project.changelog.read_text(encoding="utf-8") if project.changelog.is_file() else ""
    dates = sorted(d for d in changelog_entries(log).values() if d)
    issued = dates[0] if dates else None
    modified = stamp.date if stamp is not None and stamp.date else (dates[-1] if dates else None)
    return issued, modified


def describe(
    store: ox.Store, base: Base, release: dcat.Release, files: dict[str, FileFacts], publisher: Publisher
) -> Graph:
    """The VoID and DCAT-AP description of the graph in ``store`` and of the dumps ``files``."""
    graph = Graph(bind_namespaces="none")
    for prefix, ns in {**CURIES.prefixes, "dcatap": str(dcat.DCATAP), "spdx": str(dcat.SPDX)}.items():
        graph.bind(prefix, ns, override=True)
    graph.bind("vcard", str(dcat.VCARD))
    dataset = URIRef(base.path("dataset"))
    void.describe_void(graph, dataset, base, void.count(store, base))
    dcat.describe_dcat(graph, dataset, base, release, files, dcat.coverage(store), publisher)
    return graph


def write_description(
    folder: Path,
    store: ox.Store,
    base: Base,
    manifest: dict[str, Any],
    dates: tuple[str | None, str | None],
    files: dict[str, FileFacts],
    publishing: Publishing,
) -> Graph:
    """Describe the release being written in ``folder`` (its graphs those of ``store``: the counts do
    not depend on how blank nodes are labelled), check the description, and write it as
    ``folder/dataset.ttl``."""
    release = dcat.Release(str(manifest["version"]), manifest.get("release"), *dates)
    graph = describe(store, base, release, files, publishing.publisher)
    if publishing.check is not None:
        publishing.check(graph)
    graph.serialize(destination=folder / DESCRIPTION, format="turtle", encoding="utf-8")
    return graph
