"""Reading a source text for a draft: the checks that make a clear message, and its normalised form."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..text import normalise


@dataclass(frozen=True)
class Source:
    """A plain-text source: where it is, its bytes' SHA-256, its text and its normalised text."""

    path: Path
    sha256: str
    text: str
    normalised: str

    @property
    def name(self) -> str:
        return self.path.name


def read_source(path: Path) -> Source:
    """The source at ``path``, or a UserError saying why it cannot be drafted."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a text file")
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise UserError(f"{path}: a binary file, not plain text (convert the PDF or document to UTF-8 text first)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path}: not UTF-8 (byte {exc.start} is {data[exc.start]:#04x}); convert it, e.g. "
            f"`iconv -f latin1 -t utf-8 {path.name}`"
        ) from None
    if not text.strip():
        raise UserError(f"{path}: empty, there is nothing to draft")
    return Source(path, hashlib.sha256(data).hexdigest(), text, normalise(text))
