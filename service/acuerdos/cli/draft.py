"""`acuerdos draft FILE.txt`: a draft graph of a new source document, to review and accept."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..settings import Settings


def _draft(args: argparse.Namespace) -> int:
    from ..draft import Drafter, write_draft

    project = Settings.from_env().project()
    started = time.perf_counter()
    drafter = Drafter.for_project(project.root)
    draft = drafter.draft(Path(args.file))
    out = Path(args.out) if args.out else project.root / "drafts" / draft.slug
    version = project.version_file.read_text().strip() if project.version_file.exists() else "0"
    files = write_draft(draft, out, project.data, version)
    print(f"{len(draft.decisions)} decisions drafted from {draft.source.name} in {time.perf_counter() - started:.2f} s")
    for path in files:
        print(f"  {path}")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    draft = sub.add_parser("draft", help="draft the graph of a new source text (written under drafts/, for review)")
    draft.add_argument("file", help="the source: plain UTF-8 text, as in data/sources/")
    draft.add_argument("--out", help="the folder to write the draft into (default: drafts/<meeting>/)")
    draft.set_defaults(func=_draft)
