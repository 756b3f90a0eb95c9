"""The folder a command writes into (``export``, ``generate``): new or empty, never over a user's files."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError


def new_folder(given: str) -> Path:
    """``given`` as a path, once it is known to be absent or an empty folder (a file is refused too)."""
    target = Path(given)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UserError("exists and is not an empty folder: give a new or empty folder", where=str(target))
    return target
