"""The CHANGELOG.md entry `acuerdos release` adds: the version, the date, and the commits since
the previous entry (their subjects, from git), else a line for the maintainer to fill in."""

from __future__ import annotations

import subprocess

from ..graph.version import ENTRY, Stamp, changelog_entries
from ..project import Project

HEADER = "# Changelog\n\nEvery release of the acuerdos graph, ontology and service (`acuerdos release` adds them).\n\n"
PLACEHOLDER = "- (describe the changes of this release)"


def _git(project: Project, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def changes(project: Project) -> list[str]:
    """One line per commit since the changelog last changed (none outside a git repository)."""
    last = (_git(project, "log", "-1", "--format=%H", "--", project.changelog.name) or "").strip()
    if not last:
        return []
    log = _git(project, "log", "--no-merges", "--format=%s", f"{last}..HEAD") or ""
    return [f"- {subject}" for subject in log.splitlines() if subject.strip()]


def entry(stamp: Stamp, lines: list[str]) -> str:
    return f"## {stamp.version} — {stamp.date}\n\n" + "\n".join(lines or [PLACEHOLDER]) + "\n\n"


def add_entry(project: Project, stamp: Stamp) -> bool:
    """Put the release's entry above the others; False if the changelog has it already."""
    path = project.changelog
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    if stamp.version in changelog_entries(text):
        return False
    first = ENTRY.search(text)
    at = first.start() if first else len(text)
    path.write_text(text[:at] + entry(stamp, changes(project)) + text[at:], encoding="utf-8")
    return True
