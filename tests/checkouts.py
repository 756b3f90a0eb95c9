"""Small checkouts for the tests of the command line: the real ontology, queries and shapes, one
small data file and one source text, in a temporary folder that is not the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "shapes" / "valid-minimal.ttl"
FOLDERS = ("ontology", "data", "shapes", "queries", "publishing")  # what `acuerdos build` reads


def full_checkout(folder: Path) -> Path:
    """A copy of the project's artefact folders and ``VERSION`` in ``folder``, for breaking files
    without touching the real ones."""
    for name in FOLDERS:
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "VERSION", folder / "VERSION")
    return folder


def small_checkout(folder: Path, version: str | None = None, changelog: str | None = None) -> Path:
    """A project in ``folder`` (created), with ``VERSION`` and ``CHANGELOG.md`` when given."""
    for name in (name for name in FOLDERS if name != "data"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "data" / "sources").mkdir(parents=True)
    shutil.copy(DATA, folder / "data" / DATA.name)
    (folder / "data" / "sources" / "000_minimal.txt").write_text("Acta de la reunión.\n", encoding="utf-8")
    if version is not None:
        (folder / "VERSION").write_text(version + "\n", encoding="utf-8")
    if changelog is not None:
        (folder / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    return folder


def acuerdos(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line run in ``cwd`` with no ACUERDOS_* setting but those in ``env``."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith("ACUERDOS_")}
    return subprocess.run(
        [sys.executable, "-m", "acuerdos.cli", *args],
        cwd=cwd,
        env=clean | (env or {}),
        capture_output=True,
        text=True,
        timeout=300,
    )
