"""The one object built at start-up: the release being served and what is read from it once.

``Site.open(settings)`` reads the release folder (``--dist``, ``$ACUERDOS_DIST`` or the project's
``dist/``) once: its manifest, its base, the named queries and the shapes, each read under that
base by ``artefacts.read_text``. Nothing is read again per request, and nothing here needs a
checkout: a copy of the folder is enough.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from .errors import UserError
from .graph import load_graph
from .graph.build import manifest_problems
from .namespaces import Base
from .project import Release
from .queries import Registry, load_registry
from .settings import Settings

log = logging.getLogger("acuerdos.site")


@dataclass(frozen=True, eq=False)
class Site:
    """The settings, and the release they name as read at start-up: what every request handler is given."""

    settings: Settings
    release: Release
    manifest: dict[str, Any]
    base: Base
    registry: Registry | None
    registry_error: str | None
    shapes_graph: Graph

    @property
    def version(self) -> str:
        """The build id (the content hash): the data version and the ETags."""
        return str(self.manifest["version"])

    @property
    def sources(self) -> Path:
        """The source texts the quotes are located in."""
        return self.release.sources

    @classmethod
    def open(cls, settings: Settings) -> Site:
        """The release the settings name; a UserError if it is not built, not whole, or built for another base."""
        release = Release(settings.dist_dir)
        manifest = read_manifest(release)
        base = Base(str(manifest["base"]))
        if settings.base is not None and Base(settings.base) != base:
            raise UserError(
                f"{release.folder} was built for base {base}: run `acuerdos build --base {settings.base}`", where="base"
            )
        registry, error = _registry(release, base)
        shapes = load_graph(sorted(release.shapes.glob("*.ttl")), base, release.folder)
        return cls(settings, release, manifest, base, registry, error, shapes)


def read_manifest(release: Release) -> dict[str, Any]:
    """The manifest of a built release; a UserError saying how to build one when it is missing."""
    try:
        manifest = json.loads(release.manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(
            f"no release here ({release.manifest} is missing): run `acuerdos build`", where=str(release.folder)
        ) from None
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read the manifest: {exc}", where=str(release.manifest)) from None
    if not isinstance(manifest, dict) or not manifest.get("base") or not manifest.get("version"):
        raise UserError("not a manifest of `acuerdos build` (no base or version)", where=str(release.manifest))
    problems = manifest_problems(release.folder, manifest)
    if problems:
        more = f" and {len(problems) - 3} more" if len(problems) > 3 else ""
        raise UserError(
            f"the release does not match its manifest ({'; '.join(problems[:3])}{more}): "
            "run `acuerdos build` again (it replaces the whole folder)",
            where=str(release.folder),
        )
    return manifest


def _registry(release: Release, base: Base) -> tuple[Registry | None, str | None]:
    """The named queries, or None and why: a broken query file is reported by /queries, not fatal."""
    try:
        return load_registry(release.queries, base), None
    except UserError as exc:
        log.error("named queries not loaded: %s", exc)
        return None, str(exc)
