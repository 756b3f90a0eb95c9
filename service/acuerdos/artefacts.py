"""Reading our own files (Turtle, SPARQL) under the base the graph is published at.

Every file of the repository writes instance IRIs under the canonical base. They are moved to the
configured base here, once, when a file is read at start-up (the graph by ``graph.load``, the
queries by ``queries.registry``, the shapes by ``validation``); nothing downstream, and no request
handler, moves an IRI again.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UserError
from .namespaces import Base


def read_text(path: Path, base: Base, where: str | None = None) -> str:
    """The text of one of our files with its instance IRIs under ``base``; a UserError naming
    ``where`` (the file as the user knows it) when it cannot be read."""
    label = where or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError("not UTF-8 text", where=label) from None
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", where=label) from None
    return base.move(text)
