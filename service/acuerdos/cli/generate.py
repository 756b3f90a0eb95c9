"""`acuerdos generate`: a project folder holding the record and a generated one of about N triples (graph.generate)."""

from __future__ import annotations

import argparse
import time

from ..errors import UserError
from ..graph.generate import generate
from ..settings import Settings
from .folders import new_folder


def _generate(args: argparse.Namespace) -> int:
    if not 0 <= args.violations <= 1:
        raise UserError("a rate from 0 to 1", where="--violations")
    target = new_folder(args.dir)
    started = time.perf_counter()
    made = generate(Settings.from_env().project(), target, args.triples, args.seed, args.violations)
    print(
        f"generated {made['meetings']} meetings, {made['decisions']} decisions "
        f"({made['broken']} broken on purpose): about {made['triples']} triples in {target} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    command = sub.add_parser(
        "generate",
        help="write a project folder with the record and a generated one of about N triples (seeded, deterministic)",
    )
    command.add_argument("dir", metavar="DIR", help="the folder to write (new or empty)")
    command.add_argument("--triples", type=int, default=100_000, help="about how many triples in all (default 100000)")
    command.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    command.add_argument(
        "--violations", type=float, default=0.0, help="the share of generated decisions broken on purpose (0 to 1)"
    )
    command.set_defaults(func=_generate)
