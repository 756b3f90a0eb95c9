"""`acuerdos accept DRAFT_DIR`: the reviewed parts of a draft into the curated data, validated, or nothing."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from ..errors import UserError
from ..settings import Settings


def _ids(text: str | None) -> frozenset[str] | None:
    return None if text is None else frozenset(i.strip() for i in text.split(",") if i.strip())


def _accept(args: argparse.Namespace) -> int:
    from ..draft.accept import Acceptance, accept
    from ..draft.install import install
    from ..draft.messages import AcceptError, say
    from ..draft.reading import read_draft

    settings = Settings.from_env()
    project = settings.project()
    started = time.perf_counter()
    acceptance = Acceptance(
        args.curator,
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        _ids(args.only),
        _ids(args.reject) or frozenset(),
    )
    try:
        draft = read_draft(Path(args.draft))
        total = len(draft.decisions)
        kept = accept(draft, acceptance)
        written = install(project, settings.base_iri, draft, kept, acceptance)
    except AcceptError as exc:
        raise UserError(exc.in_lang(args.lang)) from None
    took = time.perf_counter() - started
    print(say("accepted", args.lang, kept=len(kept), total=total, folder=args.draft, data=project.data, seconds=took))
    for name in written:
        print(f"  data/{name}")
    print(say("next", args.lang))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    accept = sub.add_parser(
        "accept", help="move the reviewed parts of a draft into data/, validated with the shapes, or nothing"
    )
    accept.add_argument("draft", metavar="DRAFT_DIR", help="the folder `acuerdos draft` wrote (drafts/<meeting>/)")
    which = accept.add_mutually_exclusive_group()
    which.add_argument(
        "--only", metavar="IDS", help="accept only these decisions (comma-separated, e.g. agreement-1,agreement-3)"
    )
    which.add_argument(
        "--reject",
        metavar="IDS",
        help="accept all but these decisions, themes (DECISION:theme/…) or follow-ups (DECISION:decision/…)",
    )
    accept.add_argument(
        "--curator", required=True, metavar="NAME", help="who reviewed and accepts the draft (kept in the provenance)"
    )
    accept.add_argument("--lang", choices=("en", "es"), default="en", help="language of the messages (default en)")
    accept.set_defaults(func=_accept)
