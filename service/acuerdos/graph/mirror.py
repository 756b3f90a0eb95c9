"""What a mirror needs beside the dumps: a gzip copy of each, and the SHA-256 of every file.

``compress_and_sum(folder, names)`` runs once the dumps are written: it writes ``{name}.gz`` beside
each dump (deterministic: no file name or time in the gzip header, so the same dump always gives
the same bytes and checksum) and ``SHA256SUMS`` in the format ``sha256sum -c`` reads, and returns
the size and checksum of every file for the dataset's description.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SUMS = "SHA256SUMS"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileFacts:
    """A published file: its name in the release, its size in bytes, its SHA-256 (hex)."""

    name: str
    size: int
    sha256: str

    @property
    def compressed(self) -> bool:
        return self.name.endswith(".gz")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _gzip(path: Path) -> Path:
    target = path.with_name(path.name + ".gz")
    # filename="" and mtime=0: the header names no file and no time, so equal dumps give equal bytes
    with (
        path.open("rb") as source,
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as out,
    ):
        shutil.copyfileobj(source, out, _CHUNK)
    return target


def compress_and_sum(folder: Path, names: Iterable[str]) -> dict[str, FileFacts]:
    """Gzip each dump of ``folder`` beside it and write ``SHA256SUMS``; the facts of every file,
    plain and compressed, by name."""
    facts: dict[str, FileFacts] = {}
    for name in names:
        plain = folder / name
        for path in (plain, _gzip(plain)):
            facts[path.name] = FileFacts(path.name, path.stat().st_size, sha256_of(path))
    lines = "".join(f"{f.sha256}  {f.name}\n" for f in sorted(facts.values(), key=lambda f: f.name))
    (folder / SUMS).write_text(lines, encoding="ascii")
    return facts
